"""What an imported row does to the stored record it matched: the fields, and the marks.

The file updates the fields it supplies; the others keep their stored value. Marks follow the
values (the rule of `workbench.domain.inference`):
- a value the file gives again, equal to the stored one, keeps the stored standing: confirmed
  or stated by a person, it stays so (`keep_confirmations`); still unconfirmed, it keeps its
  mark as it was (the row moving in a new version of the file is not a change), even when the
  file writes it as a code: a code in a column is no person's confirmation. Only a file that
  lists its unconfirmed values (an export's "unconfirmed" column) and does not list this one
  confirms it;
- a value the file changes comes in with the import's mark (read from text, by a rule...), or
  stated when the file states it (a code in its own column);
- marks on fields the file does not supply stay as they are.
"""

from __future__ import annotations

import dataclasses
from typing import Any, TypeVar

from workbench.domain import codec, inference
from workbench.domain.records import Subprocessor, Treatment, Unconfirmed

R = TypeVar("R", Treatment, Subprocessor)
# The stored name stays: the row was matched on it ("Zendesk Inc." updates "Zendesk").
NOT_COMPARED = frozenset({"provenance", "id", "version", "organisation_id", "name", "unconfirmed"})


@dataclasses.dataclass(frozen=True, slots=True)
class FieldChange:
    field: str
    before: Any  # codec values (JSON-able), as the journal stores them
    after: Any
    # the same values typed (enums, dates, locations), for a person to read them in words
    before_value: Any = dataclasses.field(default=None, compare=False)
    after_value: Any = dataclasses.field(default=None, compare=False)


def with_stored_details(before: Subprocessor, record: Subprocessor) -> Subprocessor:
    """A cell of codes alone ("FR\nDE") says nothing of what the register notes on each place
    ("région parisienne"): the same places keep their stored details."""
    incoming, stored = record.locations, before.locations
    if not incoming or any(loc.detail for loc in incoming):
        return record
    if [(loc.code, loc.kind) for loc in incoming] != [(loc.code, loc.kind) for loc in stored]:
        return record
    return dataclasses.replace(record, locations=stored)


def _unchanged(before: object, record: object, field: str) -> bool:
    return bool(inference.value_at(before, field) == inference.value_at(record, field))


def _supplies(field: str, supplied: set[str]) -> bool:
    return any(inference.covers(field, f) for f in supplied)


def incoming_marks(record: Treatment | Subprocessor, supplied: set[str]) -> tuple[Unconfirmed, ...]:
    """The marks of an imported record that concern what the file supplied."""
    return tuple(m for m in record.unconfirmed if _supplies(m.field, supplied))


def merged_marks(
    before: R, record: R, supplied: set[str], lists_unconfirmed: bool
) -> tuple[tuple[Unconfirmed, ...], int]:
    """The stored record's marks once the file's fields are in; and how many came in new."""
    incoming = inference.keep_confirmations(before, record)
    marks = [
        m
        for m in before.unconfirmed
        if not _supplies(m.field, supplied)
        or (not lists_unconfirmed and _unchanged(before, record, m.field))
    ]
    new = 0
    for mark in incoming_marks(incoming, supplied):
        if _unchanged(before, record, mark.field):
            kept = inference.marks_on(before, mark.field)  # unchanged, still unconfirmed
            marks += [m for m in kept if m not in marks]
        else:
            marks.append(mark)
            new += 1
    if set(marks) == set(before.unconfirmed):
        return before.unconfirmed, new  # the same marks: no change to write
    return tuple(marks), new


def merge(
    before: R, record: R, supplied_fields: frozenset[str], lists_unconfirmed: bool = False
) -> tuple[R, tuple[FieldChange, ...], int]:
    """The stored record with the fields the file supplied, what that changes, and how many of
    the values it writes come in unconfirmed."""
    supplied = {f for f in supplied_fields if f not in NOT_COMPARED}
    updates = {f: getattr(record, f) for f in supplied}
    marks, new_marks = merged_marks(before, record, supplied, lists_unconfirmed)
    changes = [
        FieldChange(
            f, codec._encode(getattr(before, f)), codec._encode(value), getattr(before, f), value
        )
        for f, value in sorted(updates.items())
        if codec._encode(getattr(before, f)) != codec._encode(value)
    ]
    if marks != before.unconfirmed and not changes:  # only the marks: the file states a value
        changes.append(
            FieldChange(
                "unconfirmed",
                codec._encode(before.unconfirmed),
                codec._encode(marks),
                before.unconfirmed,
                marks,
            )
        )
    if not changes:
        return before, (), 0
    merged = dataclasses.replace(before, **updates, unconfirmed=marks, provenance=record.provenance)
    return merged, tuple(changes), new_marks
