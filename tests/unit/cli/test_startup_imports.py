"""`--help`, `list` and `show` import only what they use (CPU time: bench/bench_startup.py)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from workbench.domain.records import Organisation
from workbench.services import open_register

HEAVY = ("sqlalchemy", "alembic", "holidays", "openpyxl", "docx", "lxml", "python_calamine")
HEAVY += ("babel.dates", "rapidfuzz", "importers.reading", "exporters.docx_register")


def imported_by(*argv: str) -> set[str]:
    """The modules a fresh process has imported once `dpo-workbench ARGV` returned."""
    script = (
        "import contextlib, io, json, sys\n"
        "from workbench.cli.main import main\n"
        "with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):\n"
        "    main(sys.argv[1:])\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, *argv],
        capture_output=True,
        text=True,
        check=True,
        env=os.environ | {"WORKBENCH_LANG": "fr"},
    )
    return set(json.loads(done.stdout))


def heavy(modules: set[str]) -> list[str]:
    return sorted(m for m in modules if m in HEAVY or m.split(".")[0] in ("alembic", "holidays"))


@pytest.mark.parametrize("argv", [["--help"], ["import", "--help"], ["check", "--help"]])
def test_help_imports_no_database_reader_or_writer(argv: list[str]) -> None:
    modules = imported_by(*argv)
    assert "workbench.cli.commands_import" in modules  # the whole parser was built
    assert heavy(modules) == []


def test_help_builds_its_parser_without_the_check_engine() -> None:
    """--severity's choices come from a module of their own: the engine (and with it
    dataclasses and inspect) showed 17 ms under `-X importtime`; bench/bench_startup.py
    measured `--help` at 153-158 ms CPU with it, 148 ms without, on the 2-core machine."""
    modules = imported_by("--help")
    assert "workbench.compliance.checks.severity" in modules
    assert "workbench.compliance.checks.engine" not in modules
    assert "dataclasses" not in modules


def test_list_and_show_of_a_current_register_file_import_no_database_layer(
    tmp_path: Path,
) -> None:
    """They read it with plain sqlite3 (workbench.storage.plain_reader); breaches and requests
    compute their deadlines through the services, which open the register the full way."""
    db = tmp_path / "r.sqlite"
    register = open_register(db)
    register.organisations.create(Organisation(name="Podalire"))
    register.close()
    for argv in (["list", "treatments"], ["show", "organisation", "1", "--json"]):
        modules = imported_by("--db", str(db), *argv)
        assert "workbench.storage.plain_reader" in modules
        assert heavy(modules) == []
    assert "sqlalchemy" in heavy(imported_by("--db", str(db), "list", "breaches"))
