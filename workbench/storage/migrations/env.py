from __future__ import annotations

from typing import Any

from alembic import context
from sqlalchemy import Connection, Engine

import workbench.storage.models  # noqa: F401 - registers every table on Base.metadata
from workbench.storage.base import Base

target_metadata = Base.metadata
config = context.config


def run_migrations_online() -> None:
    engine: Engine = config.attributes["engine"]
    with engine.connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:
            # A batch migration copies a table and drops the original: with foreign keys on,
            # dropping a table other rows point at (organisation) fails. Off for the migration
            # (outside any transaction, where SQLite honours it), checked, and on again after.
            _driver(connection).execute("PRAGMA foreign_keys=OFF")
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=True,  # SQLite cannot ALTER most things: copy-and-move tables
            compare_type=True,
        )
        try:
            with context.begin_transaction():
                context.run_migrations()
                if sqlite:
                    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").all()
                    if broken:
                        raise RuntimeError(f"the migration broke references: {broken[:5]}")
            connection.commit()
        finally:
            if sqlite:
                connection.rollback()
                _driver(connection).execute("PRAGMA foreign_keys=ON")


def _driver(connection: Connection) -> Any:
    return connection.connection.driver_connection


run_migrations_online()
