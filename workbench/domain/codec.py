"""Records to plain JSON-able dicts and back.

One codec serves three needs: the CLI's stable `--json` output, the journal's before/after
snapshots, and restoring a snapshot (undo, "as of" reads). Keys are the dataclass field names;
enums become their values, dates ISO strings, tuples lists. Unknown keys are ignored on decode so
that a snapshot written by an older version still reads after a field is added.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import types
import typing
from enum import Enum
from typing import Any, TypeVar, get_args, get_origin

T = TypeVar("T")


# Types that encode as themselves: checked first, they are most of the values (a bulk import
# encodes millions of them; see bench/bench_import.py).
_AS_IS = frozenset({str, int, float, bool, type(None)})
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def to_dict(record: object) -> dict[str, Any]:
    cls = type(record)
    names = _FIELD_NAMES.get(cls)
    if names is None:
        if not dataclasses.is_dataclass(record) or isinstance(record, type):
            raise TypeError(f"not a record: {record!r}")
        names = _FIELD_NAMES[cls] = tuple(f.name for f in dataclasses.fields(record))
    return {name: _encode(getattr(record, name)) for name in names}


def _encode(value: object) -> Any:
    if type(value) in _AS_IS:
        return value
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [_encode(v) for v in value]
    if isinstance(value, frozenset | set):
        return sorted(_encode(v) for v in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return to_dict(value)
    return value


# Snapshot keys renamed or reshaped since they were journaled: (class, old key) -> a function
# giving the new (key, value). The journal is never rewritten (its hashes seal it), so an undo or
# an "as of" read of an old entry passes through here.
_OLDER_KEYS: dict[tuple[type, str], Any] = {}


def older_key(cls: type, key: str) -> Any:
    """Register how a snapshot key written by an older version reads today (a decorator)."""

    def register(upgrade: Any) -> Any:
        _OLDER_KEYS[cls, key] = upgrade
        return upgrade

    return register


def from_dict(cls: type[T], data: dict[str, Any]) -> T:
    if _OLDER_KEYS:
        for (owner, key), upgrade in _OLDER_KEYS.items():
            if owner is cls and key in data:
                new_key, value = upgrade(data[key])
                data = {k: v for k, v in data.items() if k != key}
                data.setdefault(new_key, value)
    hints = _hints(cls)
    kwargs = {
        f.name: _decode(hints[f.name], data[f.name])
        for f in dataclasses.fields(cls)  # type: ignore[arg-type]
        if f.name in data
    }
    return cls(**kwargs)


_HINTS: dict[type, dict[str, Any]] = {}


def _hints(cls: type) -> dict[str, Any]:
    if cls not in _HINTS:
        _HINTS[cls] = typing.get_type_hints(cls)
    return _HINTS[cls]


def _decode(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in get_args(hint) if a is not type(None)]
        return _decode(inner[0], value) if len(inner) == 1 else value
    if origin is tuple:
        item = get_args(hint)[0]
        return tuple(_decode(item, v) for v in value)
    if origin is frozenset:
        item = get_args(hint)[0]
        return frozenset(_decode(item, v) for v in value)
    if origin is dict or hint is Any or hint is object:
        return value
    if isinstance(hint, type):
        if issubclass(hint, Enum):
            return hint(value)
        if hint in (dt.datetime, dt.date) and isinstance(value, hint):
            return value  # already a date: read from a Date column, not from JSON
        if hint is dt.datetime:
            return dt.datetime.fromisoformat(value)
        if hint is dt.date:
            return dt.date.fromisoformat(value)
        if dataclasses.is_dataclass(hint):
            if isinstance(value, str):  # stored as text before the field became a record
                return hint(value)  # type: ignore[call-arg]
            return from_dict(hint, value)
    return value
