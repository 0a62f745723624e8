"""Alembic, driven from code: no alembic.ini to ship or find at run time.

Opening a register only needs to know whether it is at the head revision, which the version
files and the `alembic_version` table tell without Alembic: Alembic (and the dialect modules
it loads) is imported only to upgrade or downgrade, so a `list` on an up-to-date register
does not pay for it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text

from workbench.storage.revisions import (
    MIGRATIONS_DIR,
    VERSION_TABLE,
    head_revisions,
    known_revisions,
)

if TYPE_CHECKING:
    from alembic.config import Config

__all__ = [
    "MIGRATIONS_DIR",
    "VERSION_TABLE",
    "alembic_config",
    "current_revision",
    "current_revisions",
    "downgrade",
    "head_revisions",
    "is_newer_than_app",
    "known_revisions",
    "needs_upgrade",
    "upgrade",
]


def alembic_config(engine: Engine) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.set_main_option(
        "file_template",
        "%%(year)d_%%(month).2d_%%(day).2d_%%(hour).2d%%(minute).2d-%%(rev)s_%%(slug)s",
    )
    cfg.attributes["engine"] = engine
    return cfg


def current_revisions(engine: Engine) -> frozenset[str]:
    """The revisions the register says it is at (none for a new, empty database)."""
    if not inspect(engine).has_table(VERSION_TABLE):
        return frozenset()
    with engine.connect() as conn:
        rows = conn.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalars()  # noqa: S608 - a constant
        return frozenset(rows)


def current_revision(engine: Engine) -> str | None:
    current = current_revisions(engine)
    return next(iter(current)) if len(current) == 1 else None


def needs_upgrade(engine: Engine) -> bool:
    return current_revisions(engine) != head_revisions()


def is_newer_than_app(engine: Engine) -> bool:
    """The file was written by a newer DPO Workbench: its revision is unknown here."""
    return not current_revisions(engine) <= known_revisions().keys()


def upgrade(engine: Engine, revision: str = "head") -> None:
    from alembic import command

    command.upgrade(alembic_config(engine), revision)


def downgrade(engine: Engine, revision: str) -> None:
    from alembic import command

    command.downgrade(alembic_config(engine), revision)
