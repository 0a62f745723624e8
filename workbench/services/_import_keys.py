"""The keys an import compares: stored records it may match, rows it has already read.

An import must know, for each row, whether a stored record has the same key and whether an
earlier row of the file had it (a duplicate). Held in Python, those keys grow with the file and
the register (about 250 bytes a row: 25 MiB at 100k rows). They live instead in a private
temporary SQLite database, on disk, that vanishes when the import ends: memory stays flat
however long the file (issue 3's target; figures in bench/bench_import.py).

This is plain `sqlite3`, not the register's engine: a preview runs in a read transaction of a
register that may be PostgreSQL, read-only or encrypted, and these keys are nobody's data.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Collection, Iterable, Iterator
from itertools import islice
from typing import Any

from workbench.domain.enums import EntityKind

# Keys per statement: far below SQLite's variable limit (32,766), one import chunk at most.
_BATCH = 500

_SCHEMA = """
CREATE TABLE stored (kind TEXT, org INTEGER, key TEXT, id INTEGER, PRIMARY KEY (kind, id));
CREATE INDEX stored_by_key ON stored (kind, org, key);
CREATE TABLE seen (kind TEXT, org INTEGER, key TEXT, first_row INTEGER,
                   PRIMARY KEY (kind, org, key)) WITHOUT ROWID;
CREATE TABLE matched (kind TEXT, id INTEGER, PRIMARY KEY (kind, id)) WITHOUT ROWID;
"""


class ImportKeyStore:
    def __init__(self) -> None:
        # "" opens a private temporary database in a file that SQLite deletes on close; its
        # page cache (2 MiB by default) is all it keeps in memory.
        self._db = sqlite3.connect("", isolation_level=None)
        self._db.executescript(_SCHEMA)
        self._loaded: set[tuple[EntityKind, int]] = set()
        self._any_stored: set[tuple[EntityKind, int]] = set()  # loaded with at least one record

    def close(self) -> None:
        self._db.close()

    # -- stored records ------------------------------------------------------------------------
    def is_loaded(self, kind: EntityKind, org_id: int) -> bool:
        return (kind, org_id) in self._loaded

    def load_stored(self, kind: EntityKind, org_id: int, keyed: Iterable[tuple[str, int]]) -> None:
        """The stored records of one organisation, as (key, id): loaded once per import."""
        rows = ((kind.value, org_id, key, entity_id) for key, entity_id in keyed)
        with self._db:
            written = self._db.executemany(
                "INSERT OR REPLACE INTO stored VALUES (?, ?, ?, ?)", rows
            )
            if written.rowcount:
                self._any_stored.add((kind, org_id))
        self._loaded.add((kind, org_id))

    def stored_ids(self, kind: EntityKind, org_id: int, keys: Collection[str]) -> dict[str, int]:
        """Key -> id of the stored records with those keys (the newest when two share a key)."""
        if (kind, org_id) not in self._any_stored:  # a new organisation, or an empty register
            return {}
        return self._by_key("SELECT key, max(id) FROM stored", "GROUP BY key", kind, org_id, keys)

    # -- rows of the file ------------------------------------------------------------------------
    def first_rows(
        self, kind: EntityKind, org_id: int, keys: Collection[str]
    ) -> dict[str, int | None]:
        """Key -> the file row that first had it, for the keys earlier rows had."""
        return self._by_key("SELECT key, first_row FROM seen", "", kind, org_id, keys)

    def _by_key(
        self, select: str, group: str, kind: EntityKind, org_id: int, keys: Collection[str]
    ) -> dict[str, Any]:
        found: dict[str, Any] = {}
        for part in _parts(keys):
            marks = ",".join("?" * len(part))
            # the SQL is ours (select, group); the keys are bound parameters
            query = f"{select} WHERE kind = ? AND org = ? AND key IN ({marks}) {group}"
            found.update(self._db.execute(query, (kind.value, org_id, *part)))
        return found

    def add_seen(
        self, kind: EntityKind, org_id: int, rows: Iterable[tuple[str, int | None]]
    ) -> None:
        with self._db:
            self._db.executemany(
                "INSERT OR IGNORE INTO seen VALUES (?, ?, ?, ?)",
                ((kind.value, org_id, key, row) for key, row in rows),
            )

    # -- stored records the file no longer lists -----------------------------------------------
    def mark_matched(self, kind: EntityKind, ids: Iterable[int]) -> None:
        with self._db:
            self._db.executemany(
                "INSERT OR IGNORE INTO matched VALUES (?, ?)", ((kind.value, i) for i in ids)
            )

    def unmatched(self, kind: EntityKind, org_id: int) -> Iterator[int]:
        """Ids of the organisation's stored records no row of the file matched, in id order."""
        cursor = self._db.execute(
            "SELECT id FROM stored s WHERE kind = ? AND org = ? AND NOT EXISTS "
            "(SELECT 1 FROM matched m WHERE m.kind = s.kind AND m.id = s.id) ORDER BY id",
            (kind.value, org_id),
        )
        for (entity_id,) in cursor:
            yield int(entity_id)


def _parts(keys: Collection[str]) -> Iterator[list[str]]:
    iterator = iter(keys)
    while part := list(islice(iterator, _BATCH)):
        yield part
