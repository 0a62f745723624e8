"""Records to plain JSON-able dicts and back.

One codec serves three needs: the CLI's stable `--json` output, the journal's before/after
snapshots, and restoring a snapshot (undo, "as of" reads). Keys are the dataclass field names;
enums become their values, dates ISO strings, tuples lists. Unknown keys are ignored on decode so
that a snapshot written by an older version still reads after a field is added.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import sys
import types
import typing
from collections.abc import Callable, Iterable
from enum import Enum
from typing import Any, TypeVar, get_args, get_origin

T = TypeVar("T")


# Types that encode as themselves: checked first, they are most of the values (a bulk import
# encodes millions of them; see bench/bench_import.py).
_AS_IS = frozenset({str, int, float, bool, type(None)})
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def field_names(record: object) -> tuple[str, ...]:
    cls = type(record)
    names = _FIELD_NAMES.get(cls)
    if names is None:
        if not dataclasses.is_dataclass(record) or isinstance(record, type):
            raise TypeError(f"not a record: {record!r}")
        names = _FIELD_NAMES[cls] = tuple(f.name for f in dataclasses.fields(record))
    return names


def to_dict(record: object) -> dict[str, Any]:
    return {name: _encode(getattr(record, name)) for name in field_names(record)}


def encoded_fields(record: object, names: Iterable[str]) -> dict[str, Any]:
    """The named fields of a record as `to_dict` gives them, a field the record lacks as None:
    what a finding rests on is a few fields of a record, not all of it."""
    return {name: _encode(getattr(record, name, None)) for name in names}


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
    decode = _RECORD_DECODERS.get(cls)
    if decode is None:
        decode = _RECORD_DECODERS[cls] = _record_decoder(cls)
    return decode(data)  # type: ignore[no-any-return]


# Decoding, built once per record type from its fields and type hints (loading 100k treatments
# asked typing.get_origin and dataclasses.fields again for every value): a decoder per field,
# None where the stored value is already the field's value.
Decoder = Callable[[Any], Any]
_RECORD_DECODERS: dict[type, Callable[[dict[str, Any]], Any]] = {}


def _record_decoder(cls: type) -> Callable[[dict[str, Any]], Any]:
    hints = typing.get_type_hints(cls)
    fields = tuple((f.name, _value_decoder(hints[f.name])) for f in dataclasses.fields(cls))

    def decode(data: dict[str, Any]) -> Any:
        kwargs = {}
        for name, decode_value in fields:
            if name in data:  # keys the record does not have are ignored (older snapshots)
                value = data[name]
                if value is not None and decode_value is not None:
                    value = decode_value(value)
                kwargs[name] = value
        return cls(**kwargs)

    return decode


def _value_decoder(hint: Any) -> Decoder | None:
    """What turns a stored non-None value into the value of a field of type `hint`."""
    origin = get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in get_args(hint) if a is not type(None)]
        return _value_decoder(inner[0]) if len(inner) == 1 else None
    if origin is tuple or origin is frozenset:
        return _collection_decoder(origin, _value_decoder(get_args(hint)[0]))
    if origin is dict or hint is Any or hint is object or not isinstance(hint, type):
        return None
    if hint is str:
        return _shared_text
    if issubclass(hint, Enum):
        return _enum_decoder(hint)
    if hint is dt.datetime:
        return _datetime
    if hint is dt.date:
        return _date
    if dataclasses.is_dataclass(hint):
        return _nested_decoder(hint)
    return None


# Identical nested values (the same data category, retention or recipient in thousands of
# treatments) decode to one shared instance: records are frozen, so nothing can tell, and 100k
# loaded treatments hold one object per distinct value instead of one per treatment. Bounded:
# emptied when full.
_SHARED_NESTED: dict[tuple[type, tuple[tuple[str, type, Any], ...]], Any] = {}
SHARED_NESTED_MAX = 50_000


def _nested_decoder(record_cls: type) -> Decoder:
    frozen = record_cls.__dataclass_params__.frozen  # type: ignore[attr-defined]

    def decode(value: Any) -> Any:
        if isinstance(value, str):  # stored as text before the field became a record
            return record_cls(value)
        if not frozen:
            return from_dict(record_cls, value)  # looked up now: a type may refer to itself
        try:
            key = (record_cls, tuple((k, type(v), v) for k, v in value.items()))
            shared = _SHARED_NESTED.get(key)
        except TypeError:  # a list inside: not hashable, decoded each time
            return from_dict(record_cls, value)
        if shared is None:
            if len(_SHARED_NESTED) >= SHARED_NESTED_MAX:
                _SHARED_NESTED.clear()
            shared = _SHARED_NESTED[key] = from_dict(record_cls, value)
        return shared

    return decode


def _collection_decoder(collection: type, item: Decoder | None) -> Decoder:
    if item is None:
        return collection
    return lambda values: collection(None if v is None else item(v) for v in values)


# Short texts repeat across records (category names, subjects, retention texts, the file an
# import came from): one string object each instead of one per record (a third of the memory
# of 100k loaded treatments). Long free texts are left as they are.
SHARED_TEXT_MAX = 200


def _shared_text(value: Any) -> Any:
    return sys.intern(value) if type(value) is str and len(value) <= SHARED_TEXT_MAX else value


def _enum_decoder(enum: type[Enum]) -> Decoder:
    members = enum._value2member_map_  # what Enum(value) looks up, without its metaclass call

    def decode(value: Any) -> Any:
        try:
            return members[value]
        except (KeyError, TypeError):  # not a value (or unhashable): the Enum's own answer
            return enum(value)

    return decode


def _datetime(value: Any) -> Any:
    # already a datetime when read from a DateTime column, not from JSON
    return value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(value)


def _date(value: Any) -> Any:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(value)
