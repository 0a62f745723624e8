"""The action plan: every finding once, grouped by rule, read back from the files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
import openpyxl

from exporters.checks_action_plan import write_findings_docx, write_findings_xlsx
from tests.unit.compliance.clean_register import change, clean, findings
from workbench.compliance.checks import ALL_RULES

TODAY = dt.date(2026, 12, 2)


def _findings():  # type: ignore[no-untyped-def]
    broken = change(clean(), "subprocessors", 1, dpa_signed_on=None, name="LinkedIn")
    return findings(change(broken, "treatments", 0, purpose="", description=""))


def test_the_action_plan_in_excel_has_one_row_per_finding(tmp_path: Path) -> None:
    found = _findings()
    references = {r.id: r.source for r in ALL_RULES}
    target = tmp_path / "plan.xlsx"
    write_findings_xlsx(found, references, target, TODAY)
    sheet = openpyxl.load_workbook(target).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:4] == ("Severity", "Rule", "Reference", "Record")
    assert sorted(r[1] for r in rows[1:]) == sorted(f.rule_id for f in found)
    joint = next(r for r in rows[1:] if r[1] == "subprocessor-joint-controller")
    assert "Art. 26" in joint[2]
    assert joint[6]  # what it rests on, to be verified


def test_the_action_plan_in_word_groups_by_rule(tmp_path: Path) -> None:
    found = _findings()
    target = tmp_path / "plan.docx"
    write_findings_docx(found, {}, target, TODAY)
    table = docx.Document(str(target)).tables[0]
    texts = [row.cells[0].text for row in table.rows]
    assert any(t.startswith("treatment-no-purpose") for t in texts)
    assert len(table.rows) == 1 + len(found) + len({f.rule_id for f in found})
