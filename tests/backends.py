"""Which databases the service tests run on: SQLite always, PostgreSQL when CI provides one.

Set WORKBENCH_TEST_PG_URL (e.g. postgresql+psycopg://user:pw@127.0.0.1/db) to also run the
service and reliability tests on PostgreSQL. Each test gets its own schema, dropped afterwards,
so tests never see each other's rows and may run against a shared database.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

PG_URL_ENV = "WORKBENCH_TEST_PG_URL"
# Test folders whose `register` fixture runs on every backend (others stay on SQLite: they
# work on the register file itself: CLI --db paths, backups, locks...).
MULTI_BACKEND_DIRS = ("tests/unit/services", "tests/reliability")


def pg_url() -> str | None:
    return os.environ.get(PG_URL_ENV) or None


def backends() -> list[str]:
    return ["sqlite", "postgresql"] if pg_url() else ["sqlite"]


def runs_on_every_backend(path: Path) -> bool:
    text_path = path.as_posix()
    return any(f"/{d}/" in text_path for d in MULTI_BACKEND_DIRS)


@contextmanager
def fresh_pg_schema() -> Iterator[str]:
    """A SQLAlchemy URL whose connections work in a new, empty schema; dropped on exit."""
    base = pg_url()
    if base is None:
        pytest.skip(f"{PG_URL_ENV} is not set")
    schema = f"wb_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = make_url(base).update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()
