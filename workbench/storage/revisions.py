"""The revisions this version of DPO Workbench knows, read from its migration files without
Alembic or SQLAlchemy (the plain reader of `list` and `show` checks a register against them)."""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
VERSION_TABLE = "alembic_version"


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
