from __future__ import annotations

from alembic import context
from sqlalchemy import Engine

import workbench.storage.models  # noqa: F401 - registers every table on Base.metadata
from workbench.storage.base import Base

target_metadata = Base.metadata
config = context.config


def run_migrations_online() -> None:
    engine: Engine = config.attributes["engine"]
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=True,  # SQLite cannot ALTER most things: copy-and-move tables
            compare_type=True,
        )
        with context.begin_transaction():
            context.run_migrations()
        connection.commit()


run_migrations_online()
