"""A register file read with the standard library's `sqlite3` alone, for `list` and `show`.

Opening a register the full way imports SQLAlchemy (and its ORM), which costs a scripted
`list` several times the interpreter's own start-up (issue 18: within 6x). These reads need
none of it: they select the same columns in the same order as the services
(`CrudService.list`, `.get`), decode them as SQLAlchemy's column types do, and build the
records with the same `RecordColumns`, so they return exactly what the full path returns (a
test compares both on a populated register).

It reads only what it is sure to read the same way: a plain (not encrypted) file that passes
`quick_check`, at the very revision this version of the application knows. Anything else (a
register to migrate, encrypted, damaged, written by a newer version, not a register at all)
gets `None` from `open_plain_register`, and the caller takes the full path, which migrates,
asks for the passphrase or says what is wrong. The reader never writes and takes no lock:
like a read-only open, it reads the last committed state (write-ahead log).
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from workbench.domain.enums import EntityKind
from workbench.domain.errors import NotFoundError
from workbench.domain.names import organisation_named
from workbench.domain.records import (
    Audit,
    Certification,
    Notification,
    Organisation,
    Subprocessor,
    Treatment,
)
from workbench.storage.columns import RecordColumns
from workbench.storage.revisions import VERSION_TABLE, head_revisions

SQLITE_HEADER = b"SQLite format 3\x00"


@dataclass(frozen=True)
class PlainLink:
    """An association table holding a tuple-of-ids field (the services' `LinkSpec`)."""

    table: str
    own_column: str
    other_column: str


@dataclass(frozen=True)
class PlainKind:
    """Where the records of one kind are, and in which order the services list them."""

    table: str
    record_cls: type[Any]
    order_by: tuple[str, ...]
    links: dict[str, PlainLink] = field(default_factory=dict)


# The kinds `list` and `show` read here; breaches and requests also need the clock rules and
# the calendar (their computed deadlines), so they take the full path. A test checks this
# table against the services' mappers (table, order, links).
KINDS: dict[EntityKind, PlainKind] = {
    EntityKind.ORGANISATION: PlainKind("organisation", Organisation, ("name", "id")),
    EntityKind.TREATMENT: PlainKind(
        "treatment",
        Treatment,
        ("organisation_id", "role", "id"),
        {
            "controller_ids": PlainLink("treatment_controller", "treatment_id", "organisation_id"),
            "processor_ids": PlainLink("treatment_processor", "treatment_id", "organisation_id"),
            "subprocessor_ids": PlainLink(
                "treatment_subprocessor", "treatment_id", "subprocessor_id"
            ),
        },
    ),
    EntityKind.SUBPROCESSOR: PlainKind(
        "subprocessor", Subprocessor, ("organisation_id", "category", "name", "id")
    ),
    EntityKind.CERTIFICATION: PlainKind(
        "certification", Certification, ("kind", "expires_on", "id")
    ),
    EntityKind.AUDIT: PlainKind("audit", Audit, ("audit_on", "id")),
    EntityKind.NOTIFICATION: PlainKind("notification", Notification, ("created_on", "id")),
}


def _utc_moment(value: str) -> dt.datetime:
    # SQLAlchemy keeps a DATETIME in SQLite as naive UTC text; UtcDateTime gives it back aware
    # (the record tables' only DATETIME columns are UtcDateTime: a test checks it).
    return dt.datetime.fromisoformat(value).replace(tzinfo=dt.UTC)


# What SQLAlchemy's SQLite types do with the text or number a column holds; other declared
# types (INTEGER, VARCHAR, TEXT) are read as they are.
_DECODERS: dict[str, Callable[[Any], Any]] = {
    "JSON": json.loads,
    "BOOLEAN": bool,
    "DATE": dt.date.fromisoformat,
    "DATETIME": _utc_moment,
}


class PlainRecords:
    """`list()` and `get(id)` of one kind, as the kind's service answers them."""

    def __init__(self, connection: sqlite3.Connection, kind: EntityKind) -> None:
        self._connection = connection
        self._kind = kind
        self._spec = KINDS[kind]
        self._columns = RecordColumns(self._spec.record_cls, self._spec.links)
        declared = {
            row[1]: str(row[2]).upper()
            for row in connection.execute(f"PRAGMA table_info({self._spec.table})")
        }
        names = self._columns.columns
        self._decoders = [_DECODERS.get(declared[name]) for name in names]
        self._select = f"SELECT {', '.join(names)} FROM {self._spec.table}"  # noqa: S608 - ours

    def list(self) -> list[Any]:
        order = ", ".join(self._spec.order_by)
        rows = self._connection.execute(f"{self._select} ORDER BY {order}")
        links = self._links(None)
        return [self._record(row, links.get(row[-2])) for row in rows]

    def get(self, entity_id: int) -> Any:
        row = self._connection.execute(f"{self._select} WHERE id = ?", (entity_id,)).fetchone()
        if row is None:
            raise NotFoundError(self._kind.value, entity_id)
        return self._record(row, self._links(entity_id).get(entity_id))

    def find_by_name(self, name: str) -> Organisation | None:
        return organisation_named(self.list(), name)

    def _record(self, row: tuple[Any, ...], links: dict[str, tuple[int, ...]] | None) -> Any:
        values = {
            name: value if value is None or decode is None else decode(value)
            for name, value, decode in zip(self._columns.columns, row, self._decoders, strict=True)
        }
        return self._columns.to_record(SimpleNamespace(**values), links)

    def _links(self, entity_id: int | None) -> dict[int, dict[str, tuple[int, ...]]]:
        """As `RecordMapper.load_links`: every entity's links, or one entity's."""
        result: dict[int, dict[str, tuple[int, ...]]] = defaultdict(dict)
        for name, link in self._spec.links.items():
            grouped: dict[int, list[int]] = defaultdict(list)
            query = f"SELECT {link.own_column}, {link.other_column} FROM {link.table}"  # noqa: S608
            where = "" if entity_id is None else f" WHERE {link.own_column} = ?"
            order = f" ORDER BY {link.own_column}, {link.other_column}"
            parameters = () if entity_id is None else (entity_id,)
            for own_id, other_id in self._connection.execute(query + where + order, parameters):
                grouped[own_id].append(other_id)
            for own_id in grouped if entity_id is None else (entity_id,):
                result[own_id][name] = tuple(grouped.get(own_id, ()))
        return result


class PlainRegister:
    """The reads of `list` and `show` on a register file, in one read transaction."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._connection = connection
        self.organisations = PlainRecords(connection, EntityKind.ORGANISATION)

    def service_for(self, kind: EntityKind) -> PlainRecords:
        if kind is EntityKind.ORGANISATION:
            return self.organisations
        return PlainRecords(self._connection, kind)

    def close(self) -> None:
        self._connection.close()


def open_plain_register(path: Path) -> PlainRegister | None:
    """The register file at `path` for plain reads, or None when the full path must open it
    (see the module's docstring)."""
    try:
        with path.open("rb") as handle:
            if handle.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
                return None
        connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, timeout=5)
    except (OSError, sqlite3.Error):
        return None
    try:
        connection.isolation_level = None
        connection.execute("PRAGMA busy_timeout=5000")
        connection.execute("BEGIN")  # every read below sees the same committed state
        if [row[0] for row in connection.execute("PRAGMA quick_check")] != ["ok"]:
            raise sqlite3.DatabaseError("quick_check")
        query = f"SELECT version_num FROM {VERSION_TABLE}"  # noqa: S608 - a constant
        revisions = frozenset(row[0] for row in connection.execute(query))
        if revisions != head_revisions():
            raise sqlite3.DatabaseError("not at this version's revision")
        return PlainRegister(connection)
    except sqlite3.Error:
        connection.close()
        return None
