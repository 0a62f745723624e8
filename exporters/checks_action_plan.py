"""The findings of the checks as the DPO's action plan, in Excel or Word.

One row per finding, grouped by rule (a section row per rule in Word), with the columns an
action plan needs: what is wrong, the reference, the record, how to fix it, what it rests on
(inferred values say "to be verified"), and empty Owner / Due / Status columns to fill in.
The findings arrive worded in the reader's language (the checks word them); the headers follow.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from pathlib import Path

from exporters._docx import add_heading, new_document, save_document, usable_width
from exporters._docx_table import Row, SectionRow, add_table
from exporters._xlsx import add_sheet, append_row, cell, finish_table, new_workbook, save_workbook
from exporters._xlsx import streaming as xlsx_streaming
from workbench.compliance.check_groups import group_findings
from workbench.compliance.checks.engine import Finding
from workbench.domain.inference import describe
from workbench.i18n import N_, _, current_locale

_HEADERS = (
    N_("Severity"),
    N_("Rule"),
    N_("Reference"),
    N_("Record"),
    N_("Problem"),
    N_("How to fix it"),
    N_("To be verified"),
    N_("Owner"),
    N_("Due"),
    N_("Status"),
)
_SEVERITY = {"error": N_("Error"), "warning": N_("Warning"), "info": N_("Note")}


def _row(finding: Finding, references: Mapping[str, str]) -> list[str]:
    record = f"{finding.link.kind.value} {finding.link.id}"
    if finding.entity_name:
        record += f" — {finding.entity_name}"
    return [
        _(_SEVERITY[finding.severity.value]),
        finding.rule_id,
        references.get(finding.rule_id, ""),
        record,
        finding.problem,
        finding.fix,
        "; ".join(describe(m) for m in finding.unconfirmed),
        "",
        "",
        "",
    ]


def write_findings_xlsx(
    findings: Sequence[Finding], references: Mapping[str, str], path: str | Path, today: dt.date
) -> None:
    title = _("Action plan: findings of the checks")
    workbook = new_workbook(today, title, current_locale())
    with xlsx_streaming(workbook, path):
        headers = [_(h) for h in _HEADERS]
        sheet = add_sheet(
            workbook, _("Findings"), [12, 28, 30, 30, 60, 60, 40, 16, 12, 14], headers, True
        )
        ordered = [f for _heading, group in group_findings(findings, "rule") for f in group]
        for finding in ordered:
            append_row(sheet, [cell(sheet, v) for v in _row(finding, references)])
        finish_table(sheet, len(headers), len(ordered))
        save_workbook(workbook, path, today)


def write_findings_docx(
    findings: Sequence[Finding], references: Mapping[str, str], path: str | Path, today: dt.date
) -> None:
    title = _("Action plan: findings of the checks")
    doc = new_document(today, title, current_locale())
    add_heading(doc, title, 1)
    rows: list[Row] = []
    for heading, group in group_findings(findings, "rule"):
        rows.append(SectionRow(f"{heading} ({len(group)})"))
        rows += [[_row(f, references)[i] for i in (0, 3, 4, 5, 6, 7, 8)] for f in group]
    headers = [_(_HEADERS[i]) for i in (0, 3, 4, 5, 6, 7, 8)]
    add_table(doc, headers, [8, 14, 28, 28, 16, 8, 7], rows, usable_width(doc.sections[-1]))
    save_document(doc, path, today)
