"""Stated or inferred: the marks a record carries on the values nobody has confirmed.

A record's `unconfirmed` tuple lists the fields whose value the application derived (from free
text, a rule, a default, a computation) or that were entered as a judgement call. Everything
that shows a record asks here whether a value is stated: the views mark the others, the
documents print them "to be verified", the checks treat them as unproven.

A mark names a field, or a part of a nested one ("retention.duration"); a mark on "retention"
covers all of it. Confirming removes marks; writing another value into a marked field without
saying it was inferred is a person stating it, so the mark goes too (`carry_marks`).
"""

from __future__ import annotations

import dataclasses
import typing
from collections.abc import Callable, Hashable, Iterable
from functools import lru_cache
from typing import Any, Protocol, TypeVar

from workbench.domain.enums import InferenceOrigin
from workbench.domain.records import Unconfirmed
from workbench.i18n import N_, _


class Marked(Protocol):
    @property
    def unconfirmed(self) -> tuple[Unconfirmed, ...]: ...


M = TypeVar("M", bound=Marked)


def covers(mark_field: str, field: str) -> bool:
    """True if a mark on `mark_field` concerns `field` (the same, a part of it, or its whole)."""
    return (
        mark_field == field
        or field.startswith(mark_field + ".")
        or mark_field.startswith(field + ".")
    )


def marks_on(record: Marked, field: str) -> tuple[Unconfirmed, ...]:
    return tuple(m for m in record.unconfirmed if covers(m.field, field))


def is_unconfirmed(record: Marked, field: str) -> bool:
    return any(covers(m.field, field) for m in record.unconfirmed)


def is_stated(record: Marked, field: str) -> bool:
    return not is_unconfirmed(record, field)


def value_at(record: object, field: str) -> Any:
    """The value a (dotted) field name points at; None along an absent nested record."""
    value: Any = record
    for part in field.split("."):
        if value is None:
            return None
        value = getattr(value, part)
    return value


def field_exists(record_cls: type[Any], field: str) -> bool:
    """True if `field` (dotted) is an attribute path of the record class."""
    # classes are hashable; typeshed's `type[Any]` just does not say so
    return _field_exists(typing.cast(Hashable, record_cls), field)


# Checked for every mark of every write, and for each mark an imported "unconfirmed" cell names:
# the type hints are read once per path (about 350 µs a call uncached), and the cache is bounded
# because a file can name any number of fields.
@lru_cache(maxsize=1024)
def _field_exists(record_cls: Any, field: str) -> bool:
    cls: Any = record_cls
    for part in field.split("."):
        if not (dataclasses.is_dataclass(cls) and isinstance(cls, type)):
            return False
        found = {f.name: f for f in dataclasses.fields(cls)}.get(part)
        if found is None:
            return False
        cls = _nested_type(cls, part)
    return True


def _nested_type(cls: type[Any], name: str) -> Any:
    hint = typing.get_type_hints(cls)[name]
    args = [a for a in typing.get_args(hint) if a is not type(None)]
    return args[0] if typing.get_origin(hint) is not None and len(args) == 1 else hint


def with_marks(record: M, marks: Iterable[Unconfirmed]) -> M:
    """The record with `marks` added (one mark per field: a new one replaces an older)."""
    new = list(marks)
    if not new:
        return record
    fields = {m.field for m in new}
    kept = tuple(m for m in record.unconfirmed if m.field not in fields)
    return dataclasses.replace(record, unconfirmed=kept + tuple(new))  # type: ignore[type-var]


def confirm(record: M, fields: Iterable[str] | None = None) -> M:
    """The record with the marks on `fields` removed (every mark if `fields` is None)."""
    if fields is None:
        kept: tuple[Unconfirmed, ...] = ()
    else:
        wanted = tuple(fields)
        kept = tuple(m for m in record.unconfirmed if not any(covers(m.field, f) for f in wanted))
    if kept == record.unconfirmed:
        return record
    return dataclasses.replace(record, unconfirmed=kept)  # type: ignore[type-var]


def carry_marks(before: M, after: M) -> M:
    """`after` as a write should store it, given the record it replaces.

    A writer that passes the marks it read unchanged (a form, a script) and changes a marked
    value has stated that value: its mark goes. A writer that sets marks of its own (an import,
    a rule, a confirmation, an undo) is taken at its word.
    """
    if after.unconfirmed != before.unconfirmed or not after.unconfirmed:
        return after
    kept = tuple(
        m for m in after.unconfirmed if value_at(before, m.field) == value_at(after, m.field)
    )
    if kept == after.unconfirmed:
        return after
    return dataclasses.replace(after, unconfirmed=kept)  # type: ignore[type-var]


def keep_confirmations(stored: M, incoming: M) -> M:
    """`incoming` (an import's reading of a stored record) without the marks a person already
    lifted: a value that reads the same as the stored one, which is confirmed or stated there,
    stays confirmed when the same file is imported again."""
    kept = tuple(
        m
        for m in incoming.unconfirmed
        if is_unconfirmed(stored, m.field)
        or value_at(stored, m.field) != value_at(incoming, m.field)
    )
    if kept == incoming.unconfirmed:
        return incoming
    return dataclasses.replace(incoming, unconfirmed=kept)  # type: ignore[type-var]


_ORIGINS: dict[InferenceOrigin, str] = {
    InferenceOrigin.READ_FROM_TEXT: N_("read from the text"),
    InferenceOrigin.RULE: N_("chosen by a rule"),
    InferenceOrigin.DEFAULT: N_("the application's default"),
    InferenceOrigin.COMPUTED: N_("computed"),
    InferenceOrigin.ASSUMED: N_("assumed when the data was entered"),
}


_QUOTED = N_("{origin} “{text}”")
_COLUMN = N_("column {column}")
_ROW = N_("row {row}")


def describe(mark: Unconfirmed, translate: Callable[[str], str] = _) -> str:
    """Why the value is marked, for a person: "read from the text «CCT + DPF» (column
    Garanties, row 7) — the note". `translate` is the reader's gettext (a document's own)."""
    text = translate(_ORIGINS[mark.origin])
    if mark.source_text:
        quoted = mark.source_text if len(mark.source_text) <= 120 else mark.source_text[:117] + "…"
        text = translate(_QUOTED).format(origin=text, text=quoted)
    where = []
    if mark.column:
        where.append(translate(_COLUMN).format(column=mark.column))
    if mark.row is not None:
        where.append(translate(_ROW).format(row=mark.row))
    if where:
        text += " (" + ", ".join(where) + ")"
    if mark.note:
        text += " — " + mark.note
    return text[0].upper() + text[1:]
