from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from workbench.domain.errors import BackupError
from workbench.storage.backup import (
    backup_sqlite,
    latest_backup,
    list_backups,
    restore_sqlite,
)


def _database(path: Path, rows: int) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("CREATE TABLE IF NOT EXISTS item (n INTEGER)")
        conn.executemany("INSERT INTO item VALUES (?)", [(i,) for i in range(rows)])
    conn.close()


def _count(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("SELECT count(*) FROM item").fetchone()[0])
    finally:
        conn.close()


def test_backups_rotate_keeping_the_newest(tmp_path: Path) -> None:
    db = tmp_path / "register.sqlite"
    _database(db, 1)
    made = [backup_sqlite(db, f"import {i}", keep=3) for i in range(5)]
    kept = list_backups(db)
    assert kept == sorted(p for p in made[2:] if p is not None)[::-1]
    assert latest_backup(db) == made[-1]
    assert made[-1] is not None
    assert made[-1].name.endswith("-import-4.sqlite")  # the reason, made safe for a file name


def test_a_backup_taken_while_a_writer_is_open_has_every_committed_row(tmp_path: Path) -> None:
    db = tmp_path / "register.sqlite"
    _database(db, 0)
    writer = sqlite3.connect(db)
    writer.execute("INSERT INTO item VALUES (1)")
    writer.commit()  # committed but still in the WAL: the writer is not closed
    try:
        copy = backup_sqlite(db, "live")
    finally:
        writer.close()
    assert copy is not None
    assert _count(copy) == 1
    assert not list(copy.parent.glob("*.partial"))


def test_no_backup_of_a_missing_or_empty_file(tmp_path: Path) -> None:
    assert backup_sqlite(tmp_path / "absent.sqlite", "x") is None
    (tmp_path / "empty.sqlite").touch()
    assert backup_sqlite(tmp_path / "empty.sqlite", "x") is None


def test_restore_replaces_even_a_damaged_register(tmp_path: Path) -> None:
    db = tmp_path / "register.sqlite"
    _database(db, 3)
    good = backup_sqlite(db, "good")
    assert good is not None
    db.write_bytes(b"this is no longer a database" * 100)
    restore_sqlite(good, db)
    assert _count(db) == 3


def test_a_damaged_backup_is_refused_and_the_register_left_alone(tmp_path: Path) -> None:
    db = tmp_path / "register.sqlite"
    _database(db, 2)
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    with pytest.raises(BackupError, match="damaged"):
        restore_sqlite(bad, db)
    assert _count(db) == 2
    assert not (tmp_path / "register.sqlite.restoring").exists()
