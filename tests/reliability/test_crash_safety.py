"""A register survives its process being killed (SIGKILL) at any point of a write.

Each test runs a real child Python process that writes, kills it after a random delay, and
checks the file: SQLite's integrity_check is "ok", the journal's hash chain verifies, and the
content is exactly a state some committed transaction left (never a part of one).

The kill points are seeded and spread over the write (one in each equal slice of it), so a
default run is the same every time and still kills early and late; `pytest --long` kills
LONG_KILLS times per test.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from workbench.domain.enums import EntityKind
from workbench.services import Register, open_register
from workbench.storage import migrate

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")

KILLS = 3
LONG_KILLS = 20
BATCH = 7
IMPORT_ROWS = 300  # enough for the kills to land inside the import; quick to redo

EDIT_LOOP = textwrap.dedent(
    """
    import dataclasses, sys
    from workbench.domain import Organisation, OrganisationKind
    from workbench.services import open_register
    reg = open_register(sys.argv[1], author="writer")
    batch = int(sys.argv[2])
    print("ready", flush=True)
    i = 0
    while True:
        reg.organisations.create_many(
            [Organisation(name=f"org {i}-{k}", kind=OrganisationKind.OWN) for k in range(batch)]
        )
        first = reg.organisations.list()[0]
        reg.organisations.update(dataclasses.replace(first, notes=f"edit {i}"))
        i += 1
    """
)

BIG_IMPORT = textwrap.dedent(
    """
    import sys
    from workbench.domain import Organisation, OrganisationKind, Treatment
    from workbench.services import open_register
    reg = open_register(sys.argv[1], author="importer")
    rows = int(sys.argv[2])
    org = reg.organisations.list()[0]
    treatments = [Treatment(organisation_id=org.id, name=f"Traitement {n}") for n in range(rows)]
    print("ready", flush=True)
    reg.treatments.create_many(treatments, label="Import")
    print("done", flush=True)
    """
)

REAL_IMPORT = textwrap.dedent(
    """
    import sys
    from importers import RecordKind, propose_mapping, read_records, read_tables
    from workbench.services import open_register
    from workbench.services.import_service import ImportService
    reg = open_register(sys.argv[1], author="importer")
    table = read_tables(sys.argv[2])[0]
    batch = read_records(table, propose_mapping(table, RecordKind.AUTO))
    print("ready", flush=True)
    ImportService(reg).apply(batch)
    print("done", flush=True)
    """
)

MIGRATE = textwrap.dedent(
    """
    import sys, time
    from workbench.services import open_register
    print("ready", flush=True)
    started = time.perf_counter()
    open_register(sys.argv[1], author="migrator").close()
    print(f"done {time.perf_counter() - started:.3f}", flush=True)
    """
)


def _start(script: str, *args: str) -> subprocess.Popen[str]:
    child = subprocess.Popen(
        [sys.executable, "-c", script, *args], stdout=subprocess.PIPE, text=True
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "ready"
    return child


def _kill_after(child: subprocess.Popen[str], delay: float) -> bool:
    """SIGKILL after `delay` seconds; False if the child had already finished."""
    time.sleep(delay)
    finished = child.poll() is not None
    if not finished:
        os.kill(child.pid, signal.SIGKILL)
    child.wait()
    return not finished


@pytest.fixture
def kills(long_run: bool) -> int:
    return LONG_KILLS if long_run else KILLS


def _kill_points(seed: int, kills: int, start: float, end: float) -> list[float]:
    """`kills` delays in [start, end), one drawn in each of `kills` equal slices of it."""
    rng = random.Random(seed)
    step = (end - start) / kills
    return [start + step * (i + rng.random()) for i in range(kills)]


def _integrity(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        conn.close()


def _checked_count(db: Path, count: Callable[[Register], int]) -> int:
    """After a kill: the file is sound and the journal chain verifies; then what `count` finds."""
    assert _integrity(db) == "ok"
    reg = open_register(db, author="checker")
    try:
        assert reg.journal.verify().ok
        return count(reg)
    finally:
        reg.close()


def test_edits_killed_at_random_points_leave_whole_transactions(tmp_path: Path, kills: int) -> None:
    db = tmp_path / "register.sqlite"
    killed = 0
    for delay in _kill_points(7, kills, 0.05, 0.6):
        child = _start(EDIT_LOOP, str(db), str(BATCH))
        killed += _kill_after(child, delay)
        assert _integrity(db) == "ok"
        reg = open_register(db, author="checker")  # the killed writer left no lock behind
        try:
            report = reg.journal.verify()
            assert report.ok, report.problem
            organisations = reg.organisations.list()
            assert len(organisations) % BATCH == 0  # one create_many = all or nothing
            for org in organisations:  # every row is exactly what its last journal entry says
                assert org.id is not None
                last = reg.journal.history(EntityKind.ORGANISATION, org.id)[-1]
                assert last.after is not None
                assert last.after["notes"] == org.notes
                assert last.after["version"] == org.version
        finally:
            reg.close()
    assert killed == kills


def test_a_one_transaction_import_killed_midway_leaves_none_or_all_of_it(
    tmp_path: Path, kills: int
) -> None:
    from workbench.domain import Organisation, OrganisationKind

    db = tmp_path / "register.sqlite"
    reg = open_register(db, author="dpo")
    reg.organisations.create(Organisation(name="Podalire", kind=OrganisationKind.OWN))
    reg.close()
    # How long the whole import takes here, to kill within it.
    child = _start(BIG_IMPORT, str(db), str(IMPORT_ROWS))
    started = time.perf_counter()
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "done"
    duration = time.perf_counter() - started
    child.wait()
    before_import = tmp_path / "before-import.sqlite"
    _restore_file(db, before_import, save=True)
    seen = set()
    for delay in _kill_points(11, kills, 0.0, duration * 1.1):
        child = _start(BIG_IMPORT, str(db), str(IMPORT_ROWS))
        _kill_after(child, delay)
        count = _checked_count(db, lambda reg: len(reg.treatments.list()))
        assert count in (0, IMPORT_ROWS)
        seen.add(count)
        _restore_file(db, before_import)
    assert 0 in seen  # at least one kill landed before the commit


def test_a_real_import_of_a_large_file_killed_midway_leaves_none_or_all_of_it(
    tmp_path: Path, kills: int
) -> None:
    from workbench.domain import Organisation, OrganisationKind

    source = tmp_path / "vendors.csv"
    lines = ["Subcontractor name;Description;Server location;Data transfer mechanism"]
    lines += [f"Vendor {n};Hébergement de données {n};France;N/A" for n in range(IMPORT_ROWS * 3)]
    source.write_text("\r\n".join(lines), encoding="utf-8")
    db = tmp_path / "register.sqlite"
    reg = open_register(db, author="dpo")
    reg.organisations.create(Organisation(name="Podalire", kind=OrganisationKind.OWN))
    reg.engine.dispose()
    clean = tmp_path / "clean.sqlite"
    shutil.copyfile(db, clean)
    reg.close()
    child = _start(REAL_IMPORT, str(db), str(source))
    started = time.perf_counter()
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "done"
    duration = time.perf_counter() - started
    child.wait()
    reg = open_register(db, author="checker")
    complete = len(reg.subprocessors.list())  # what the whole import leaves
    reg.close()
    assert complete > 0
    seen = set()
    for delay in _kill_points(5, kills, 0.0, duration * 1.1):
        _restore_file(db, clean)
        child = _start(REAL_IMPORT, str(db), str(source))
        _kill_after(child, delay)
        count = _checked_count(db, lambda reg: len(reg.subprocessors.list()))
        assert count in (0, complete)
        seen.add(count)
    assert 0 in seen


def test_a_migration_killed_midway_is_redone_on_the_next_open(tmp_path: Path, kills: int) -> None:
    db = tmp_path / "register.sqlite"
    child = _start(MIGRATE, str(db))
    assert child.stdout is not None
    duration = float(child.stdout.readline().split()[1])
    child.wait()
    for attempt, delay in enumerate(_kill_points(3, kills, 0.0, duration * 1.2)):
        fresh = tmp_path / f"fresh-{attempt}.sqlite"
        child = _start(MIGRATE, str(fresh))
        _kill_after(child, delay)
        if fresh.exists() and fresh.stat().st_size:
            assert _integrity(fresh) == "ok"
        reg = open_register(fresh, author="checker")  # before or after: either opens
        try:
            assert not migrate.needs_upgrade(reg.engine)
            assert reg.journal.verify().ok
        finally:
            reg.close()
    assert db.exists()


def _restore_file(db: Path, saved: Path, save: bool = False) -> None:
    """Save the register without the import (undo), or put that copy back for the next try."""
    if save:
        reg = open_register(db, author="dpo")
        try:
            reg.journal.undo()  # the timing run's import
            assert reg.treatments.list() == []
            reg.engine.dispose()
            shutil.copyfile(db, saved)  # closed: the WAL was checkpointed into the file
        finally:
            reg.close()
        return
    for companion in ("-wal", "-shm"):
        db.with_name(db.name + companion).unlink(missing_ok=True)
    shutil.copyfile(saved, db)
