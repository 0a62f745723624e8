"""Marks on the values an import derives, and the column of an export that lists them.

The register never presents as fact what the application guessed (see
`workbench.domain.inference`): a value an import reads out of free text ("CCT + DPF" in a
"Garanties" column), chooses by a rule (a category from a section title) or falls back to by
default is recorded with an `Unconfirmed` mark that names the cell it came from: its text, the
column header as the file writes it, and the row as the file numbers it (the provenance row).

A value read from a cell that states it canonically (a stable code, as the Excel export writes
them) is stated. An export also lists the marks its records still carry in an "unconfirmed"
column; `parse_unconfirmed` reads that column back, so a round trip keeps every mark.
"""

from __future__ import annotations

import json
from typing import NamedTuple

from importers.cleaning import clean_text, fold
from workbench.domain import codec
from workbench.domain.enums import InferenceOrigin
from workbench.domain.fields import SUBPROCESSOR_FIELDS, TREATMENT_FIELDS
from workbench.domain.inference import field_exists
from workbench.domain.records import Subprocessor, Treatment, Unconfirmed
from workbench.i18n import N_, _

# Only the first characters of a long cell are kept with the mark: enough to find it again.
SOURCE_TEXT_LIMIT = 500


class Cell(NamedTuple):
    """Where a value is read from: the cell text, its column header, the file's row number.

    A named tuple, not a frozen dataclass: the builder makes one per mapped cell (700,000 at
    100k rows, issue 18) and a tuple is built in half the time; it is as immutable."""

    text: str
    column: str
    row: int | None

    def mark(
        self,
        field: str,
        origin: InferenceOrigin = InferenceOrigin.READ_FROM_TEXT,
        note: str = "",
        source_text: str | None = None,
    ) -> Unconfirmed:
        words = clean_text(self.text if source_text is None else source_text)
        return Unconfirmed(field, origin, words[:SOURCE_TEXT_LIMIT], self.column, self.row, note)


_FIELD_LABELS = {spec.key: spec.header_en for spec in (*TREATMENT_FIELDS, *SUBPROCESSOR_FIELDS)}
_FIELD_LABELS.setdefault("unconfirmed", N_("Values to be confirmed"))


_FIELD_BY_HEADER = {
    fold(header): spec.key.removesuffix(".text")  # "Durée de conservation": the retention
    for spec in (*TREATMENT_FIELDS, *SUBPROCESSOR_FIELDS)
    for header in (spec.header_en, spec.header_fr)
}


def field_label(key: str) -> str:
    """A field as the register's columns name it, translated ("retention": its text's column)."""
    label = _FIELD_LABELS.get(key) or _FIELD_LABELS.get(f"{key}.text")
    return _(label) if label else key


class MarkError(ValueError):
    """The "unconfirmed" cell cannot be read (the builder adds the file, row and column)."""


def parse_unconfirmed(text: str, record_cls: type[Treatment | Subprocessor]) -> list[Unconfirmed]:
    """The marks an "unconfirmed" cell lists.

    Written exactly, the cell is a JSON list of marks (`codec.to_dict` of each `Unconfirmed`):
    that is what keeps a mark's origin, text, column and row through an export and back. A cell
    written by hand may instead list one field per line, optionally with the reason after a
    colon ("transfer_mechanism: CCT + DPF"): such a mark says a person judged it to be checked.
    """
    stripped = text.strip()
    if not stripped:
        return []
    if stripped.startswith("["):
        marks = _from_json(stripped)
    else:
        marks = [_from_line(line, record_cls) for line in stripped.splitlines() if line.strip()]
    for mark in marks:
        if not field_exists(record_cls, mark.field):
            raise MarkError(
                _("'{field}' is not a field of this kind of record.").format(field=mark.field)
            )
    return marks


def _from_json(text: str) -> list[Unconfirmed]:
    try:
        items = json.loads(text)
        if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
            raise TypeError("not a list of marks")
        return [codec.from_dict(Unconfirmed, _with_defaults(item)) for item in items]
    except (ValueError, TypeError, KeyError) as exc:
        raise MarkError(
            _("the list of unconfirmed values cannot be read ({problem}).").format(problem=exc)
        ) from exc


def _with_defaults(item: dict[str, object]) -> dict[str, object]:
    if "field" not in item:
        raise KeyError("field")
    return {"origin": InferenceOrigin.READ_FROM_TEXT.value} | item


def _from_line(line: str, record_cls: type[Treatment | Subprocessor]) -> Unconfirmed:
    """ "transfer_mechanism: CCT + DPF", or with the column's name: "Garantie de transfert : …"."""
    field, _sep, reason = line.partition(":")
    name = field.strip()
    if not field_exists(record_cls, name):
        name = _FIELD_BY_HEADER.get(fold(name), name)
    return Unconfirmed(name, InferenceOrigin.ASSUMED, note=reason.strip())


def format_unconfirmed(marks: tuple[Unconfirmed, ...]) -> str:
    """The cell `parse_unconfirmed` reads back exactly ('' for a record without marks)."""
    if not marks:
        return ""
    return json.dumps([codec.to_dict(m) for m in marks], ensure_ascii=False)
