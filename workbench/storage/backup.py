"""Copies of the register file, made with SQLite's online backup API (safe while open).

A copy is written under a temporary name and renamed when complete, so a crash mid-copy never
leaves a half backup that looks whole. An encrypted register is copied through SQLCipher with
the same key: its backups are encrypted too.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sqlite3
from pathlib import Path
from typing import Any

from workbench.domain.errors import BackupError
from workbench.storage.engine import open_sqlcipher

DEFAULT_KEEP = 10
_REASON = re.compile(r"[^A-Za-z0-9_-]+")


def backup_dir_for(db_path: Path) -> Path:
    return db_path.parent / "backups"


def backup_sqlite(
    db_path: Path, reason: str, keep: int = DEFAULT_KEEP, passphrase: str | None = None
) -> Path | None:
    """Copy `db_path` to `backups/<stem>-<time>-<reason>.sqlite`; keep the newest `keep`."""
    if not db_path.exists() or db_path.stat().st_size == 0:
        return None
    target_dir = backup_dir_for(db_path)
    target_dir.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%fZ")
    slug = _REASON.sub("-", reason).strip("-") or "manual"
    target = target_dir / f"{db_path.stem}-{stamp}-{slug}.sqlite"
    partial = target.with_suffix(".partial")
    partial.unlink(missing_ok=True)
    _copy(db_path, partial, passphrase, source_read_only=True)
    os.replace(partial, target)
    _rotate(target_dir, db_path.stem, max(keep, 1))
    return target


def list_backups(db_path: Path) -> list[Path]:
    """Newest first."""
    directory = backup_dir_for(db_path)
    if not directory.exists():
        return []
    return sorted(directory.glob(f"{db_path.stem}-*.sqlite"), reverse=True)


def latest_backup(db_path: Path) -> Path | None:
    backups = list_backups(db_path)
    return backups[0] if backups else None


def restore_sqlite(backup: Path, db_path: Path, passphrase: str | None = None) -> None:
    """Replace the register with a backup; works even when the register file is damaged.

    The backup is first copied whole beside the register, checked, then renamed over it (an
    atomic rename): a crash leaves either the old file or the restored one. The old file's
    write-ahead log and shared memory belong to the old file and are removed first. The
    caller holds the register's lock (no other writer).
    """
    partial = db_path.with_name(db_path.name + ".restoring")
    partial.unlink(missing_ok=True)
    try:
        _copy(backup, partial, passphrase, source_read_only=True)
        check = _connect(f"file:{partial}?mode=ro", passphrase)
        try:
            result = [row[0] for row in check.execute("PRAGMA quick_check").fetchall()]
        finally:
            check.close()
    except _database_errors() as exc:
        result = [str(exc)]
    if result != ["ok"]:
        partial.unlink(missing_ok=True)
        raise BackupError(f"The backup {backup} is damaged too; choose another one.")
    for companion in ("-wal", "-shm"):
        db_path.with_name(db_path.name + companion).unlink(missing_ok=True)
    os.replace(partial, db_path)


def _copy(
    source_path: Path, target_path: Path, passphrase: str | None, source_read_only: bool
) -> None:
    mode = "?mode=ro" if source_read_only else ""
    source = _connect(f"file:{source_path}{mode}", passphrase)
    try:
        destination = _connect(f"file:{target_path}", passphrase)
        try:
            source.backup(destination)
        finally:
            destination.close()
    finally:
        source.close()


def _database_errors() -> tuple[type[Exception], ...]:
    errors: list[type[Exception]] = [sqlite3.Error]
    try:
        from sqlcipher3 import dbapi2 as sqlcipher

        errors.append(sqlcipher.Error)
    except ImportError:
        pass
    return tuple(errors)


def _connect(target: str, passphrase: str | None) -> Any:
    if passphrase is None:
        return sqlite3.connect(target, uri=True)
    return open_sqlcipher(target, passphrase)


def _rotate(directory: Path, stem: str, keep: int) -> None:
    for old in sorted(directory.glob(f"{stem}-*.sqlite"), reverse=True)[keep:]:
        old.unlink(missing_ok=True)
