"""The values to be verified in the Excel register: per cell, and on a sheet of their own.

The data sheets keep every value exactly as stored (they import back); a value that carries a
mark is shaded and its cell comment gives the reason. The sheet "Values to be verified" lists
every mark of the register — which record, which field, why — in the workbook's language, for
the person who will confirm them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from exporters._labels import DocText
from exporters._marks import field_label, reason
from exporters._xlsx import add_sheet, append_row, cell, finish_table
from workbench.domain.inference import Marked, marks_on
from workbench.domain.records import Certification
from workbench.domain.snapshot import RegisterSnapshot
from workbench.i18n import N_

# Columns of the data sheets named after something else than the record attribute they show.
COLUMN_FIELDS = {
    "organisation": "organisation_id",
    "controllers": "controller_ids",
    "subprocessors": "subprocessor_ids",
    "sensitive_data": "data_categories",
}
NOT_VALUES = frozenset({"id", "notes", "unconfirmed"})


def reasons_by_key(text: DocText, record: Marked, keys: Sequence[str]) -> dict[str, list[str]]:
    """Column key -> "To be verified: <reason>" for each mark on the column's value."""
    if not record.unconfirmed:
        return {}
    found: dict[str, list[str]] = {}
    for key in keys:
        if key in NOT_VALUES:
            continue
        marks = marks_on(record, COLUMN_FIELDS.get(key, key))
        if marks:
            label = text(N_("To be verified"))
            found[key] = [label + text.colon + reason(text, m) for m in marks]
    return found


MARK_COLUMNS = (
    (N_("Sheet"), 18),
    (N_("ID"), 8),
    (N_("Name"), 40),
    (N_("Field"), 28),
    (N_("Why it is to be verified"), 80),
)


def add_marks_sheet(workbook: Any, text: DocText, snapshot: RegisterSnapshot) -> None:
    sheet = add_sheet(
        workbook,
        text(N_("Values to be verified")),
        [w for _, w in MARK_COLUMNS],
        [text(h) for h, _ in MARK_COLUMNS],
        fit_width=True,
    )
    count = 0
    groups: Iterable[tuple[str, Iterable[Any]]] = (
        (text(N_("Organisations")), snapshot.organisations),
        (text(N_("Treatments")), snapshot.treatments),
        (text(N_("Subprocessors")), snapshot.subprocessors),
        (text(N_("Certifications")), snapshot.certifications),
    )
    for sheet_name, records in groups:
        for record in records:
            name = _name(text, snapshot, record)
            for mark in record.unconfirmed:
                values = [sheet_name, record.id, name, field_label(text, mark.field)]
                append_row(sheet, [cell(sheet, v) for v in [*values, reason(text, mark)]])
                count += 1
    finish_table(sheet, len(MARK_COLUMNS), count)


def _name(text: DocText, snapshot: RegisterSnapshot, record: Any) -> str:
    if not isinstance(record, Certification):
        return str(record.name)
    holder = snapshot.organisation_name(record.organisation_id)
    if record.subprocessor_id in snapshot.subprocessor_by_id:
        holder = snapshot.subprocessor_by_id[record.subprocessor_id].name
    return f"{holder} — {record.name or text.enum(record.kind)}"
