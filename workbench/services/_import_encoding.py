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
from typing import Any, TypeVar, get_args, get_origin

from sqlalchemy import JSON

from workbench.domain import codec
from workbench.services._journal import canonical

TextEncoder = Callable[[Any], str]
R = TypeVar("R")


def _generic(value: Any) -> str:
    return canonical(codec._encode(value))


def _moment(value: Any) -> str:
    return '"' + str(value.isoformat()) + '"'


class _Source:
    """Python source of encoders, written once per record type as `dataclasses` writes its
    `__init__`: one expression per field, no loop nor call per field beyond the encoding's."""

    def __init__(self) -> None:
        self.names: dict[str, Any] = {
            "eb": encode_basestring,
            "_generic": _generic,
            "_moment": _moment,
        }

    def helper(self, function: Any) -> str:
        name = f"_h{len(self.names)}"
        self.names[name] = function
        return name

    def expression(self, hint: Any, value: str) -> str:
        """The expression giving the canonical text of `value` (an expression) of type `hint`."""
        origin = get_origin(hint)
        if origin in (typing.Union, types.UnionType):
            inner = [a for a in get_args(hint) if a is not type(None)]
            if len(inner) != 1:
                return f"_generic({value})"
            return f'("null" if {value} is None else {self.expression(inner[0], value)})'
        if origin is tuple:
            args = get_args(hint)
            if args[1:] != (...,):
                return f"_generic({value})"
            item = self.expression(args[0], "v")
            # most tuples of an imported record are empty: no list built for them
            return f'("[" + ",".join([{item} for v in {value}]) + "]" if {value} else "[]")'
        if not isinstance(hint, type):
            return f"_generic({value})"
        if hint is str or (issubclass(hint, Enum) and issubclass(hint, str)):
            return f"eb({value})"  # a str enum's text is its value
        if hint is bool:
            exact = f'"true" if {value} is True else "false" if {value} is False'
            return f"({exact} else _generic({value}))"
        if hint is int:  # inlined: a call per value costs more than the test (bool is no int)
            return f"(repr({value}) if type({value}) is int else _generic({value}))"
        if hint in (dt.date, dt.datetime):
            return f"_moment({value})"
        if dataclasses.is_dataclass(hint):
            return f"{self.helper(_record(hint))}({value})"
        return f"_generic({value})"

    def texts(
        self,
        hints: dict[str, Any],
        names: Sequence[str],
        fixed: dict[str, str] | None = None,
        given: Sequence[str] = (),
    ) -> list[str]:
        """Statements setting t<i> to the text of field `names[i]` of `value` (or a fixed one;
        a `given` field's value is the function's argument of that name, not `value`'s)."""
        fixed = fixed or {}
        return [
            f"t{i} = " + (fixed[n] if n in fixed else self.expression(hints[n], _read(n, given)))
            for i, n in enumerate(names)
        ]

    def function(
        self, body: str, *statements: str, given: Sequence[str] = ()
    ) -> Callable[..., Any]:
        lines = "".join(f"    {line}\n" for line in statements)
        code = f"def encode({', '.join(('value', *given))}):\n{lines}    return {body}\n"
        exec(code, self.names)  # noqa: S102 - source written above from field names and types
        function: Callable[..., Any] = self.names.pop("encode")
        return function


def _read(name: str, given: Sequence[str]) -> str:
    """The expression of field `name`: the argument of that name if given, else value's."""
    return name if name in given else f"value.{name}"


def _record(record_cls: type) -> TextEncoder:
    hints = typing.get_type_hints(record_cls)
    source = _Source()
    names = sorted(f.name for f in dataclasses.fields(record_cls))
    statements = source.texts(hints, names)
    return source.function(_fstring("{{" + ",".join(_members(names, 0)) + "}}"), *statements)


def _members(names: Sequence[str], first: int) -> list[str]:
    """Each name's JSON key and its text, the local t<i> (i from `first`), for `_fstring`."""
    return [encode_basestring(n) + ":{t" + str(i) + "}" for i, n in enumerate(names, first)]


def _fstring(template: str) -> str:
    """An f-string: the text built once (a chain of + copies the growing text at each step)."""
    return "f'" + template + "'"


def text_encoder(hint: Any) -> TextEncoder:
    """The canonical JSON text of `codec._encode(value)` for values of type `hint`."""
    source = _Source()
    return source.function(source.expression(hint, "value"))


def _column_value(value: Any) -> Any:
    return value._value_ if isinstance(value, Enum) else value


def _is_enum(hint: Any) -> bool:
    if get_origin(hint) in (typing.Union, types.UnionType):
        return any(_is_enum(a) for a in get_args(hint))
    return isinstance(hint, type) and issubclass(hint, Enum)


def replacer(record_cls: type[R], names: Sequence[str]) -> Callable[..., R]:
    """`dataclasses.replace(record, **{name: value, ...})` for these `names`, given in that
    order: written once per record type, one constructor call and no loop over the fields (an
    import replaces 100k records)."""
    kept = [f.name for f in dataclasses.fields(record_cls) if f.init]  # type: ignore[arg-type]
    unknown = set(names) - set(kept)
    if unknown:
        raise TypeError(f"{record_cls.__name__} has no init field {sorted(unknown)}")
    arguments = ", ".join(f"{n}={n}" if n in names else f"{n}=record.{n}" for n in kept)
    code = f"def replace(record, {', '.join(names)}):\n    return cls({arguments})\n"
    namespace: dict[str, Any] = {"cls": record_cls}
    exec(code, namespace)  # noqa: S102 - source written from the record type's field names
    function: Callable[..., R] = namespace["replace"]
    return function


class RecordEncoder:
    """Rows and snapshot texts of new records of one kind (`mapper`: the kind's RecordMapper).

    `columns` are the row's columns; `encode` gives a record's row (its id left None) and its
    snapshot's canonical text cut where the id goes (`snapshot` joins them). Both come from one
    function written for the record type (`_Source`).

    `given` names fields whose values `encode` takes after the record, in that order (a row's
    organisation and links, `import_service._Run`): the record is encoded as if it had them,
    without building the record that has them (a 28-field frozen dataclass per row)."""

    def __init__(
        self, mapper: Any, extra_columns: Sequence[str] = (), given: Sequence[str] = ()
    ) -> None:
        record_cls = mapper.record_cls
        hints = typing.get_type_hints(record_cls)
        names = sorted(f.name for f in dataclasses.fields(record_cls) if f.name != "id")
        plain = list(mapper._plain)
        nested = list(mapper._nested_columns)
        self.columns = ("id", *plain, *(c for _f, _s, c in nested), "version", *extra_columns)
        self._mapper = mapper
        table = mapper.model_cls.__table__
        source = _Source()
        # the text of each field, in the snapshot's (sorted) order; a new record's version is 1
        statements = source.texts(hints, names, {"version": '"1"'}, given)
        position = {name: i for i, name in enumerate(names)}
        row = ["None"]  # the id, reserved later
        for name in plain:
            if isinstance(table.c[name].type, JSON):
                row.append(f"t{position[name]}")  # the column holds the field's text
            elif _is_enum(hints[name]):
                read = _read(name, given)
                row.append(f"(None if {read} is None else {read}._value_)")
            else:
                row.append(_read(name, given))
        sub_hints = {name: typing.get_type_hints(cls) for name, cls in mapper._nested.items()}
        for field, sub, _column in nested:
            whole = _read(field, given)
            read = f"{whole}.{sub}"
            if _is_enum(sub_hints[field][sub]):
                read = f"(None if {read} is None else {read}._value_)"
            row.append(f"(None if {whole} is None else {read})")
        row.append("1")
        cut = sum(1 for name in names if name < "id")
        head = _fstring("{{" + "".join(m + "," for m in _members(names[:cut], 0)))
        tail = _fstring("".join("," + m for m in _members(names[cut:], cut)) + "}}")
        body = f"[{', '.join(row)}], {head}, {tail}"
        self._encode = source.function(body, *statements, given=given)
        self._names = names
        self._with_given = replacer(record_cls, given)

    def encode(self, record: Any, *given: Any) -> tuple[list[Any], str, str]:
        """`record`'s row and snapshot texts, the `given` fields' values being `given`."""
        try:
            row, head, tail = self._encode(record, *given)
        except (TypeError, AttributeError, ValueError, KeyError):  # not the declared types
            return self._encode_generic(self._with_given(record, *given))
        return row, head, tail

    def _encode_generic(self, record: Any) -> tuple[list[Any], str, str]:
        """`encode` for values of other types than declared: through `codec`, field by field."""
        texts = {
            name: "1" if name == "version" else _generic(getattr(record, name))
            for name in self._names
        }
        mapper = self._mapper
        values = mapper.row_values(record)
        table = mapper.model_cls.__table__
        row: list[Any] = [None]
        for column in self.columns[1 : 1 + len(values)]:
            if column in mapper._plain and isinstance(table.c[column].type, JSON):
                row.append(texts[column])
            else:
                row.append(_column_value(values[column]))
        row.append(1)
        parts = [encode_basestring(n) + ":" + texts[n] for n in self._names]
        before = [p for n, p in zip(self._names, parts, strict=True) if n < "id"]
        after = [p for n, p in zip(self._names, parts, strict=True) if n > "id"]
        head = "{" + "".join(p + "," for p in before)
        return row, head, "".join("," + p for p in after) + "}"

    @staticmethod
    def snapshot(head: str, entity_id: int, tail: str) -> str:
        """The canonical text of the stored record's `codec.to_dict`, its id put in."""
        return f'{head}"id":{entity_id}{tail}'


__all__ = ["RecordEncoder", "replacer", "text_encoder"]
