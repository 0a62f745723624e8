"""The CNIL model register's layout, inside the Excel export.

The CNIL's spreadsheet model (2019, shared/DOMAIN.md §6.2) lists the activities on one sheet and
gives each activity its own "fiche de registre" sheet. The fiche fields below follow that
model: creation and update dates, joint controller, purposes, categories of data subjects, of
data and sensitive data, retention, recipients, transfers outside the EU and security measures.
"""

from __future__ import annotations

from typing import Any

from exporters._content import outside_eea_lines
from exporters._files import Ticker
from exporters._labels import DocText
from exporters._xlsx import LABEL, TITLE, add_sheet, append_row, cell, finish_table
from workbench.domain.enums import DataSensitivity
from workbench.domain.records import Treatment
from workbench.domain.snapshot import RegisterSnapshot
from workbench.i18n import N_

LIST_COLUMNS = (
    (N_("Ref."), 8),
    (N_("Processing activity"), 40),
    (N_("Organisation"), 22),
    (N_("Role"), 16),
    (N_("Main purpose"), 50),
    (N_("Created on"), 12),
    (N_("Last updated on"), 12),
    (N_("Record sheet"), 14),
)


def add_cnil_sheets(workbook: Any, text: DocText, snapshot: RegisterSnapshot, tick: Ticker) -> None:
    sheet_names = [
        text(N_("Record {number}")).format(number=n) for n in range(1, len(snapshot.treatments) + 1)
    ]
    listing = add_sheet(
        workbook,
        text(N_("Processing activities list")),
        [w for _, w in LIST_COLUMNS],
        [text(h) for h, _ in LIST_COLUMNS],
        fit_width=True,
    )
    for number, (treatment, sheet_name) in enumerate(
        zip(snapshot.treatments, sheet_names, strict=True), start=1
    ):
        values: list[Any] = [
            number,
            treatment.name,
            snapshot.organisation_name(treatment.organisation_id),
            text.enum(treatment.role),
            treatment.purpose,
            treatment.created_on,
            treatment.last_reviewed_on,
            sheet_name,
        ]
        append_row(listing, [cell(listing, v) for v in values])
    finish_table(listing, len(LIST_COLUMNS), len(snapshot.treatments))
    for treatment, sheet_name in zip(snapshot.treatments, sheet_names, strict=True):
        _fiche(workbook, text, snapshot, treatment, sheet_name)
        tick()


def _fiche(
    workbook: Any, text: DocText, snapshot: RegisterSnapshot, t: Treatment, sheet_name: str
) -> None:
    sheet = add_sheet(workbook, sheet_name, [42, 80], fit_width=True)
    append_row(sheet, [cell(sheet, t.name, TITLE)])
    append_row(sheet, [])
    standard = [c for c in t.data_categories if c.sensitivity is DataSensitivity.STANDARD]
    sensitive = [c for c in t.data_categories if c.sensitivity is not DataSensitivity.STANDARD]
    rows: list[tuple[str, Any]] = [
        (N_("Organisation"), snapshot.organisation_name(t.organisation_id)),
        (N_("Role"), text.enum(t.role)),
        (N_("Controllers served"), snapshot.controller_names(t)),
        (N_("Record created on"), t.created_on),
        (N_("Record last updated on"), t.last_reviewed_on),
        (N_("Joint controller"), t.joint_controller),
        (N_("Main purpose"), t.purpose or t.name),
        (N_("Sub-purposes"), t.description),
        (N_("Legal basis"), _legal_basis(text, t)),
        (N_("Categories of data subjects"), t.data_subjects),
        (N_("Categories of data collected"), [_category(text, c) for c in standard]),
        (N_("Sensitive data"), [_category(text, c) for c in sensitive]),
        (N_("Retention periods"), t.retention.text),
        (N_("Categories of recipients"), [text.recipient(r) for r in t.recipients]),
        (N_("Subprocessors"), snapshot.subprocessor_names(t)),
        (N_("Transfers outside the EU"), _transfers(text, snapshot, t)),
        (N_("Security measures"), t.security_measures),
    ]
    for label, value in rows:
        append_row(sheet, [cell(sheet, text(label), LABEL), cell(sheet, value)])
    sheet.close()


def _legal_basis(text: DocText, t: Treatment) -> list[str]:
    lines = [text.enum(t.legal_basis), text.enum(t.art9_condition), t.legal_basis_text]
    return [line for line in lines if line]


def _category(text: DocText, category: Any) -> str:
    label = text.category_label(category)
    return f"{category.subject}{text.colon}{label}" if category.subject else label


def _transfers(text: DocText, snapshot: RegisterSnapshot, t: Treatment) -> list[str]:
    return ([t.transfers] if t.transfers else []) + outside_eea_lines(text, snapshot, t)
