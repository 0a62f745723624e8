"""Alembic, driven from code: no alembic.ini to ship or find at run time.

Opening a register only needs to know whether it is at the head revision, which the version
files and the `alembic_version` table tell without Alembic: Alembic (and the dialect modules
it loads) is imported only to upgrade or downgrade, so a `list` on an up-to-date register
does not pay for it.
"""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
VERSION_TABLE = "alembic_version"


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


@cache
def known_revisions() -> dict[str, frozenset[str]]:
    """Each revision of the version files, with the revisions it follows (as Alembic reads
    them: the module-level `revision` and `down_revision`)."""
    graph: dict[str, frozenset[str]] = {}
    for file in sorted((MIGRATIONS_DIR / "versions").glob("*.py")):
        values: dict[str, object] = {}
        for node in ast.parse(file.read_text(encoding="utf-8")).body:
            target: ast.expr
            if isinstance(node, ast.AnnAssign) and node.value is not None:
                target, value = node.target, node.value
            elif isinstance(node, ast.Assign) and len(node.targets) == 1:
                target, value = node.targets[0], node.value
            else:
                continue
            if isinstance(target, ast.Name):
                try:
                    values[target.id] = ast.literal_eval(value)
                except ValueError:
                    continue
        revision, down = values.get("revision"), values.get("down_revision")
        if isinstance(revision, str):
            downs = (down,) if isinstance(down, str) else down if isinstance(down, tuple) else ()
            graph[revision] = frozenset(str(d) for d in downs)
    return graph


def head_revisions() -> frozenset[str]:
    graph = known_revisions()
    followed = {down for downs in graph.values() for down in downs}
    return frozenset(revision for revision in graph if revision not in followed)


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
