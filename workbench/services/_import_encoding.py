"""A new record, encoded once: its row for the insert and its journal snapshot's canonical text.

The journal entry of a created record holds `codec.to_dict` of the stored record, and its hash
covers that snapshot's canonical JSON (`_journal._canonical`: sorted keys, no spaces, UTF-8).
JSON is compositional: the canonical text of a dict is its keys, in sorted order, each followed
by the canonical text of its value. So each field is encoded once, by an encoder built once per
field type (no `dataclasses.fields` or `typing.get_origin` per value), and that one text is the
snapshot's value for the field, the text the hash covers, and the value of the field's JSON
column in the record's row. A value of an unexpected type (a None where the type says text)
takes the generic path, `codec` then `json.dumps`, which gives the same text.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import types
import typing
from collections.abc import Callable, Sequence
from enum import Enum
from json.encoder import encode_basestring
from typing import Any, get_args, get_origin

from sqlalchemy import JSON

from workbench.domain import codec
from workbench.services._journal import canonical

TextEncoder = Callable[[Any], str]


def _generic(value: Any) -> str:
    return canonical(codec._encode(value))


def _optional(inner: TextEncoder) -> TextEncoder:
    return lambda value: "null" if value is None else inner(value)


def _sequence(item: TextEncoder) -> TextEncoder:
    return lambda values: "[" + ",".join([item(v) for v in values]) + "]"


def _integer(value: Any) -> str:
    return repr(value) if type(value) is int else _generic(value)


def _boolean(value: Any) -> str:
    return "true" if value is True else "false" if value is False else _generic(value)


def _one(_value: Any) -> str:
    return "1"  # the version of a record just created


def _moment(value: Any) -> str:
    return '"' + str(value.isoformat()) + '"'


def _record(record_cls: type) -> TextEncoder:
    hints = typing.get_type_hints(record_cls)
    parts = [
        (f.name, encode_basestring(f.name) + ":", text_encoder(hints[f.name]))
        for f in sorted(dataclasses.fields(record_cls), key=lambda f: f.name)
    ]

    def encode(value: Any) -> str:
        return "{" + ",".join([key + enc(getattr(value, name)) for name, key, enc in parts]) + "}"

    return encode


def text_encoder(hint: Any) -> TextEncoder:
    """The canonical JSON text of `codec._encode(value)` for values of type `hint`."""
    origin = get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in get_args(hint) if a is not type(None)]
        return _optional(text_encoder(inner[0])) if len(inner) == 1 else _generic
    if origin is tuple:
        args = get_args(hint)
        return _sequence(text_encoder(args[0])) if args[1:] == (...,) else _generic
    if not isinstance(hint, type):
        return _generic
    if hint is str or (issubclass(hint, Enum) and issubclass(hint, str)):
        return encode_basestring  # a str enum's text is its value
    if hint is bool:
        return _boolean
    if hint is int:
        return _integer
    if hint in (dt.date, dt.datetime):
        return _moment
    if dataclasses.is_dataclass(hint):
        return _record(hint)
    return _generic


def _column_value(value: Any) -> Any:
    return value._value_ if isinstance(value, Enum) else value


class RecordEncoder:
    """Rows and snapshot texts of new records of one kind (`mapper`: the kind's RecordMapper).

    `columns` are the row's columns; `encode` gives a record's row (its id left None) and its
    snapshot's canonical text cut where the id goes (`snapshot` joins them)."""

    def __init__(self, mapper: Any, extra_columns: Sequence[str] = ()) -> None:
        record_cls = mapper.record_cls
        hints = typing.get_type_hints(record_cls)
        names = sorted(f.name for f in dataclasses.fields(record_cls) if f.name != "id")
        encoders = {n: _one if n == "version" else text_encoder(hints[n]) for n in names}
        self._fields = [(name, encode_basestring(name) + ":", encoders[name]) for name in names]
        self._keys = [key for _name, key, _enc in self._fields]
        self._cut = sum(1 for name in names if name < "id")
        position = {name: i for i, name in enumerate(names)}
        plain = list(mapper._plain)
        nested = list(mapper._nested_columns)
        self.columns = ("id", *plain, *(c for _f, _s, c in nested), "version", *extra_columns)
        table = mapper.model_cls.__table__
        # per column of the row: the index of the field's text (a JSON column), or the field
        # (and sub-field) to read
        self._row: list[tuple[int, str, str]] = [
            (position[name], "", "") if isinstance(table.c[name].type, JSON) else (-1, name, "")
            for name in plain
        ]
        self._row += [(-1, field, sub) for field, sub, _c in nested]

    def encode(self, record: Any) -> tuple[list[Any], str, str]:
        try:
            texts = [enc(getattr(record, name)) for name, _key, enc in self._fields]
        except (TypeError, AttributeError, ValueError, KeyError):  # not the declared types
            texts = [
                enc(None) if name == "version" else _generic(getattr(record, name))
                for name, _key, enc in self._fields
            ]
        row: list[Any] = [None]
        for index, name, sub in self._row:
            if index >= 0:
                row.append(texts[index])
            elif sub:
                nested = getattr(record, name)
                row.append(None if nested is None else _column_value(getattr(nested, sub)))
            else:
                row.append(_column_value(getattr(record, name)))
        row.append(1)  # the version of a record just created
        parts = [key + text for key, text in zip(self._keys, texts, strict=True)]
        cut = self._cut
        head = "{" + "".join([part + "," for part in parts[:cut]])
        tail = "".join(["," + part for part in parts[cut:]]) + "}"
        return row, head, tail

    @staticmethod
    def snapshot(head: str, entity_id: int, tail: str) -> str:
        """The canonical text of the stored record's `codec.to_dict`, its id put in."""
        return head + '"id":' + str(entity_id) + tail


__all__ = ["RecordEncoder", "text_encoder"]
