"""Which databases the service tests run on: SQLite always, PostgreSQL when CI provides one.

Set WORKBENCH_TEST_PG_URL (e.g. postgresql+psycopg://user:pw@127.0.0.1/db) to also run the
service and reliability tests on PostgreSQL. Each test gets its own schema, dropped afterwards,
so tests never see each other's rows and may run against a shared database (and in parallel:
`pytest -n 2`).

Migrating a schema costs about 0.5 s (Alembic, then some 75 DDL statements one by one), and
over a hundred tests start from an empty register. So the SQL that migrating sends is captured
once per process, checked to build exactly the schema migrating builds, and replayed into each
test's schema in one round trip (`migrated_pg_schema`), as the SQLite tests copy one migrated
file.
"""

from __future__ import annotations

import os
import re
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url

PG_URL_ENV = "WORKBENCH_TEST_PG_URL"
# Test folders whose `register` fixture runs on every backend (others stay on SQLite: they
# work on the register file itself: CLI --db paths, backups, locks...).
MULTI_BACKEND_DIRS = ("tests/unit/services", "tests/reliability")
READS = re.compile(r"\s*(SELECT|SHOW)\b", re.IGNORECASE)


def pg_url() -> str | None:
    return os.environ.get(PG_URL_ENV) or None


def backends() -> list[str]:
    return ["sqlite", "postgresql"] if pg_url() else ["sqlite"]


def runs_on_every_backend(path: Path) -> bool:
    text_path = path.as_posix()
    return any(f"/{d}/" in text_path for d in MULTI_BACKEND_DIRS)


@cache
def _admin() -> Engine:
    """One engine per process for creating and dropping the test schemas."""
    base = pg_url()
    if base is None:
        pytest.skip(f"{PG_URL_ENV} is not set")
    return create_engine(base)


def _schema_url(schema: str) -> str:
    base = make_url(_admin().url)
    url = base.update_query_dict({"options": f"-csearch_path={schema}"})
    return url.render_as_string(hide_password=False)


@contextmanager
def fresh_pg_schema(script: str = "") -> Iterator[str]:
    """A SQLAlchemy URL whose connections work in a new schema, empty or built by `script`
    (SQL run inside it); dropped on exit."""
    schema = f"wb_test_{uuid.uuid4().hex[:12]}"
    with _admin().begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
        if script:  # through the driver: no placeholders, several statements at once
            cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
            cursor.execute(f'SET LOCAL search_path TO "{schema}";\n{script}')
    try:
        yield _schema_url(schema)
    finally:
        with _admin().begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))


@contextmanager
def migrated_pg_schema() -> Iterator[str]:
    """A fresh schema holding an empty register at the head revision, as migrating leaves it."""
    with fresh_pg_schema(_migration_script()) as url:
        yield url


@cache
def _migration_script() -> str:
    """Every statement that migrating an empty schema sends, but the reads, as one script;
    refused unless replaying it builds the same tables, columns, keys, indexes and triggers."""
    from workbench.services import open_register

    sent: list[str] = []

    def capture(_c: Any, _cur: Any, statement: str, parameters: Any, *_rest: Any) -> None:
        if READS.match(statement) is None:
            if parameters:  # a literal script cannot carry them: migrate each schema instead
                raise RuntimeError(f"migration statement with parameters: {statement[:200]}")
            sent.append(statement.strip().rstrip(";"))

    with fresh_pg_schema() as url:
        event.listen(Engine, "before_cursor_execute", capture)
        try:
            open_register(url, author="test-dpo").close()
        finally:
            event.remove(Engine, "before_cursor_execute", capture)
        script = ";\n".join(sent)
        migrated = _catalogue(url)
    with fresh_pg_schema(script) as url:
        if _catalogue(url) != migrated:
            raise RuntimeError("replaying the migration SQL does not build the migrated schema")
    return script


def _catalogue(url: str) -> list[tuple[Any, ...]]:
    """What defines the schema `url` works in, its own name taken out (sequence defaults and
    index definitions name it), and the rows of its version table."""
    schema = make_url(url).query["options"].removeprefix("-csearch_path=")  # type: ignore[union-attr]
    queries = [
        "SELECT table_name, column_name, data_type, character_maximum_length, is_nullable, "
        "column_default FROM information_schema.columns WHERE table_schema = :s",
        "SELECT c.relname, x.conname, pg_get_constraintdef(x.oid) FROM pg_constraint x "
        "JOIN pg_class c ON c.oid = x.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE n.nspname = :s",
        "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = :s",
        "SELECT trigger_name, event_manipulation, event_object_table, action_statement, "
        "action_timing FROM information_schema.triggers WHERE trigger_schema = :s",
        "SELECT p.proname, pg_get_functiondef(p.oid) FROM pg_proc p "
        "JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = :s",
        "SELECT sequence_name, start_value, increment FROM information_schema.sequences "
        "WHERE sequence_schema = :s",
        f'SELECT version_num, NULL FROM "{schema}".alembic_version',  # noqa: S608 - ours
    ]
    rows: list[tuple[Any, ...]] = []
    with _admin().connect() as conn:
        for query in queries:
            found = conn.execute(text(query), {"s": schema}).all()
            rows += sorted(tuple(str(v).replace(schema, "<schema>") for v in r) for r in found)
    return rows
