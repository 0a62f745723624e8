"""Copies of the register file, made with SQLite's online backup API (safe while open)."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

DEFAULT_KEEP = 10


def backup_dir_for(db_path: Path) -> Path:
    return db_path.parent / "backups"


def backup_sqlite(db_path: Path, reason: str, keep: int = DEFAULT_KEEP) -> Path | None:
    """Copy `db_path` to `backups/<stem>-<time>-<reason>.sqlite`; keep the newest `keep`."""
    if not db_path.exists() or db_path.stat().st_size == 0:
        return None
    target_dir = backup_dir_for(db_path)
    target_dir.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = target_dir / f"{db_path.stem}-{stamp}-{reason}.sqlite"
    source = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        destination = sqlite3.connect(target)
        try:
            source.backup(destination)
        finally:
            destination.close()
    finally:
        source.close()
    _rotate(target_dir, db_path.stem, keep)
    return target


def list_backups(db_path: Path) -> list[Path]:
    directory = backup_dir_for(db_path)
    if not directory.exists():
        return []
    return sorted(directory.glob(f"{db_path.stem}-*.sqlite"), reverse=True)


def restore_sqlite(backup: Path, db_path: Path) -> None:
    """Replace the register with a backup, through the backup API (never a half-copied file)."""
    source = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
    try:
        destination = sqlite3.connect(db_path)
        try:
            source.backup(destination)
        finally:
            destination.close()
    finally:
        source.close()


def _rotate(directory: Path, stem: str, keep: int) -> None:
    for old in sorted(directory.glob(f"{stem}-*.sqlite"), reverse=True)[keep:]:
        old.unlink(missing_ok=True)
