"""Which columns hold a record's fields, without SQLAlchemy: the ORM mapper and the plain
`sqlite3` reader of `list` and `show` (workbench.storage.plain_reader) build records from rows
the same way.

Columns carry the record's field names. A nested record (Retention, Provenance) is flattened
into `<field>_<subfield>` columns; tuples of values or records go to JSON columns; links to other
entities (tuples of ids, `link_fields`) are in association tables, read by the caller.
"""

from __future__ import annotations

import dataclasses
import typing
from collections.abc import Iterable
from typing import Any, Generic, TypeVar

from workbench.domain import codec

R = TypeVar("R")
NOT_COPIED = frozenset({"id", "version"})


class RecordColumns(Generic[R]):
    def __init__(self, record_cls: type[R], link_fields: Iterable[str] = ()) -> None:
        self.record_cls = record_cls
        self.link_fields = tuple(link_fields)
        hints = typing.get_type_hints(record_cls)
        self._nested: dict[str, type[Any]] = {}
        self._optional_nested: set[str] = set()
        self._plain: list[str] = []
        for f in dataclasses.fields(record_cls):  # type: ignore[arg-type]
            if f.name in self.link_fields or f.name in NOT_COPIED:
                continue
            hint = hints[f.name]
            inner = [a for a in typing.get_args(hint) if a is not type(None)]
            target = inner[0] if typing.get_origin(hint) is not None and len(inner) == 1 else hint
            if dataclasses.is_dataclass(target) and isinstance(target, type):
                self._nested[f.name] = target
                if target is not hint:
                    self._optional_nested.add(f.name)
            else:
                self._plain.append(f.name)
        # (field, sub-field, column) triples of the nested records, computed once (bulk import)
        self._nested_columns = tuple(
            (name, sf.name, f"{name}_{sf.name}")
            for name, sub_cls in self._nested.items()
            for sf in dataclasses.fields(sub_cls)
        )
        # the same per field, for reading (loading a register reads every row)
        self._nested_fields = tuple(
            (
                name,
                tuple(
                    (sub, column) for field, sub, column in self._nested_columns if field == name
                ),
            )
            for name in self._nested
        )

    @property
    def columns(self) -> tuple[str, ...]:
        """The columns `to_record` reads: the record's own, its nested records', id, version."""
        return (*self._plain, *(c for _f, _s, c in self._nested_columns), "id", "version")

    # -- record -> row -------------------------------------------------------------------------
    def row_values(self, record: R) -> dict[str, Any]:
        values: dict[str, Any] = {}
        for name in self._plain:
            value = getattr(record, name)
            values[name] = codec._encode(value) if isinstance(value, tuple) else value
        for name, sub_name, column in self._nested_columns:
            sub = getattr(record, name)
            values[column] = None if sub is None else getattr(sub, sub_name)
        return values

    # -- row -> record -------------------------------------------------------------------------
    def to_record(self, row: Any, links: dict[str, tuple[int, ...]] | None = None) -> R:
        """The record of `row` (anything with the columns as attributes: an ORM object, a
        plain row) and of its links."""
        data: dict[str, Any] = {name: getattr(row, name) for name in self._plain}
        for name, sub_columns in self._nested_fields:
            sub = {sub_name: getattr(row, column) for sub_name, column in sub_columns}
            if name in self._optional_nested and all(v is None for v in sub.values()):
                data[name] = None
            else:
                data[name] = {k: v for k, v in sub.items() if v is not None}
        data["id"] = row.id
        data["version"] = row.version
        for name in self.link_fields:
            data[name] = list((links or {}).get(name, ()))
        return codec.from_dict(self.record_cls, data)
