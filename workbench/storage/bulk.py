"""Many rows into one table through the driver's `executemany`, without per-row SQLAlchemy work.

A bulk import writes 100k records and as many journal entries: SQLAlchemy's insert builds and
processes a parameter dict per row (its bind processors re-encode every JSON value the journal
has just encoded for its hash). `BulkInsert` compiles the statement once for the connection's
dialect, looks up each column's bind processor once, applies it only where there is one, and
hands the rows to the driver. JSON columns take their values already encoded (`encoded_json`):
the text the caller hashed is the text stored.

`reserve_ids` gives the ids the rows will have, so that no RETURNING is needed: SQLite gives
an INTEGER PRIMARY KEY without AUTOINCREMENT max(id) + 1 (the writer holds the database's write
lock, BEGIN IMMEDIATE), PostgreSQL's serial column takes them from its sequence.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from sqlalchemy import JSON, Connection, Table, insert, text

JSON_NULL = "null"  # what SQLAlchemy's JSON type stores for None (none_as_null=False)


class BulkInsert:
    """INSERT of `columns` of `table`, rows given as tuples in that order."""

    def __init__(self, connection: Connection, table: Table, columns: Sequence[str]) -> None:
        dialect = connection.dialect
        self.columns = tuple(columns)
        compiled = insert(table).compile(dialect=dialect, column_keys=list(self.columns))
        self._sql = str(compiled)
        self._positional = bool(compiled.positional)
        binds = list(compiled.positiontup or ()) if self._positional else list(compiled.params)
        if sorted(binds) != sorted(self.columns):  # a column with a default left out, say
            raise ValueError(f"{table.name}: insert of {binds}, rows of {self.columns}")
        self._order = tuple(self.columns.index(name) for name in binds)
        self._processors: tuple[tuple[int, Callable[[Any], Any]], ...] = tuple(
            (i, processor)
            for i, name in enumerate(self.columns)
            if not isinstance(table.c[name].type, JSON)  # JSON values come encoded
            and (processor := table.c[name].type._cached_bind_processor(dialect)) is not None
        )

    def execute(self, connection: Connection, rows: Iterable[Sequence[Any]]) -> None:
        order, names = self._order, self.columns
        in_order = order == tuple(range(len(names)))
        # the value a processor was last given, and what it gave: rows of one import share
        # their moments (the operation's time, created_at), processed once, not once per row
        last: list[tuple[Any, Any]] = [(None, None)] * len(names)
        prepared: list[Any] = []
        for row in rows:
            values = list(row)
            for index, processor in self._processors:
                value = values[index]
                if value is not None:
                    given, result = last[index]
                    if value is not given:
                        result = processor(value)
                        last[index] = (value, result)
                    values[index] = result
            if not self._positional:
                prepared.append(dict(zip(names, values, strict=True)))
            elif in_order:
                prepared.append(tuple(values))
            else:
                prepared.append(tuple([values[i] for i in order]))
        if prepared:
            connection.exec_driver_sql(self._sql, prepared)


def reserve_ids(connection: Connection, table: Table, count: int) -> list[int]:
    """The ids the next `count` rows of `table` get, in order (see the module's docstring)."""
    if count <= 0:
        return []
    if connection.dialect.name == "postgresql":
        query = text(
            "SELECT nextval(pg_get_serial_sequence(:table, 'id')) FROM generate_series(1, :n)"
        )
        return sorted(connection.execute(query, {"table": table.name, "n": count}).scalars())
    last = connection.execute(text(f"SELECT max(id) FROM {table.name}")).scalar()  # noqa: S608
    start = int(last or 0) + 1
    return list(range(start, start + count))
