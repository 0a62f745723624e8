"""The CNIL model register's layout, inside the Excel export.

The CNIL's spreadsheet model (2019, shared/DOMAIN.md §6.2) lists the activities on one sheet and
gives each activity its own "fiche de registre" sheet. The fiche fields below follow that
model: the actors (controller or processor with contact, DPO, representative; the controllers
served), creation and update dates, joint controller, purposes, categories of data subjects, of
data and sensitive data, retention, recipients, transfers outside the EU, security measures and
the DPIA. Values to be verified carry their marker, shaded, and the fiche ends with the notes
giving the reason for each. Working notes of the register are not register content: not here.
"""

from __future__ import annotations

from typing import Any

from exporters._art30 import (
    controllers_served_blocks,
    dpia_blocks,
    identity_blocks,
    plain_lines,
    recipient_blocks,
    security_blocks,
)
from exporters._content import legal_basis_blocks, outside_eea_lines
from exporters._files import Ticker
from exporters._labels import DocText
from exporters._marks import MarkNotes
from exporters._xlsx import (
    LABEL,
    TEXT,
    TITLE,
    UNCONFIRMED,
    add_sheet,
    append_row,
    cell,
    finish_table,
)
from workbench.domain.enums import DataSensitivity, Role
from workbench.domain.records import DataCategory, Treatment
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
    (N_("Values to be verified"), 12),
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
            len(treatment.unconfirmed) or None,
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
    notes = MarkNotes(text)
    org = snapshot.organisation_by_id.get(t.organisation_id)
    actor = N_("Controller") if t.role is Role.CONTROLLER else N_("Processor")
    identity = plain_lines(identity_blocks(text, notes, snapshot, org)) if org else []
    standard = [c for c in t.data_categories if c.sensitivity is DataSensitivity.STANDARD]
    sensitive = [c for c in t.data_categories if c.sensitivity is not DataSensitivity.STANDARD]

    def flagged(values: list[str], *fields: str) -> list[str]:
        flag = notes.flag(t, *fields)
        return [*values, flag] if flag and values else values

    rows: list[tuple[str, Any]] = [(actor, identity)]
    if t.role is Role.PROCESSOR:
        served = plain_lines(controllers_served_blocks(text, notes, snapshot, t))
        rows.append((N_("Controllers served"), served))
    rows += [
        (N_("Record created on"), t.created_on),
        (N_("Record last updated on"), t.last_reviewed_on),
        (
            N_("Joint controller"),
            flagged([t.joint_controller] if t.joint_controller else [], "joint_controller"),
        ),
        (N_("Main purpose"), flagged([t.purpose or t.name], "purpose")),
        (N_("Sub-purposes"), flagged([t.description] if t.description else [], "description")),
        (N_("Legal basis"), plain_lines(legal_basis_blocks(text, notes, t))),
        (N_("Categories of data subjects"), flagged(list(t.data_subjects), "data_subjects")),
        (
            N_("Categories of data collected"),
            flagged([_category(text, c) for c in standard], "data_categories"),
        ),
        (
            N_("Sensitive data"),
            flagged([_category(text, c) for c in sensitive], "data_categories") or [text(N_("No"))],
        ),
        (
            N_("Retention periods"),
            flagged([t.retention.text] if t.retention.text else [], "retention"),
        ),
        (N_("Recipients"), plain_lines(recipient_blocks(text, notes, snapshot, t))),
        (N_("Transfers outside the EU"), _transfers(text, snapshot, t, notes)),
        (N_("Security measures"), plain_lines(security_blocks(text, notes, snapshot, t))),
        (N_("Impact assessment (Art. 35)"), plain_lines(dpia_blocks(text, notes, t))),
    ]
    for label, value in rows:
        shown = "\n".join(value) if isinstance(value, list) else value
        if shown in (None, ""):
            shown = text(N_("Not specified"))
        marked = isinstance(shown, str) and any(m in shown for m in notes.issued)
        style = UNCONFIRMED if marked else TEXT
        append_row(sheet, [cell(sheet, text(label), LABEL), cell(sheet, shown, style)])
    notes.add_rest(t)
    if notes:  # the fiche's last row, as in the Word register: one row never split by a page
        label = cell(sheet, text(N_("Values to be verified")), LABEL)
        append_row(sheet, [label, cell(sheet, notes.lines(), UNCONFIRMED)])
    sheet.close()


def _category(text: DocText, category: DataCategory) -> str:
    label = text.category_label(category)
    return f"{category.subject}{text.colon}{label}" if category.subject else label


def _transfers(
    text: DocText, snapshot: RegisterSnapshot, t: Treatment, notes: MarkNotes
) -> list[str]:
    stated = [t.transfers] if t.transfers else []
    flag = notes.flag(t, "transfers")
    if flag and stated:
        stated.append(flag)
    return stated + outside_eea_lines(text, snapshot, t, notes) or [text(N_("None"))]
