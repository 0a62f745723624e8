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
from workbench.storage.engine import looks_encrypted, open_sqlcipher

DEFAULT_KEEP = 10
_REASON = re.compile(r"[^A-Za-z0-9_-]+")


def backup_dir_for(db_path: Path) -> Path:
    return db_path.parent / "backups"


def backup_sqlite(
    db_path: Path,
    reason: str,
    keep: int = DEFAULT_KEEP,
    passphrase: str | None = None,
    seal: str | None = None,
) -> Path | None:
    """Copy `db_path` to `backups/<stem>-<time>-<reason>.sqlite`; keep the newest `keep`.

    `seal` (the journal's seal, workbench/services/journal_proof.py) is written beside the copy
    as `<copy>.seal`: `verify-journal --against` that file shows whether anything sealed then
    has gone from the register since."""
    if not db_path.exists() or db_path.stat().st_size == 0:
        return None
    target_dir = backup_dir_for(db_path)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%fZ")
    slug = _REASON.sub("-", reason).strip("-") or "manual"
    target = target_dir / f"{db_path.stem}-{stamp}-{slug}.sqlite"
    partial = target.with_suffix(".partial")
    faults: tuple[type[Exception], ...] = (OSError, *_database_errors())
    try:
        target_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        partial.unlink(missing_ok=True)
        create_private(partial)
        _copy(db_path, partial, passphrase, source_read_only=True)
        if seal is not None:
            sealed = target.with_suffix(".seal")
            create_private(sealed)
            sealed.write_text(seal + "\n", encoding="utf-8")
        os.replace(partial, target)
    except faults as exc:
        target.with_suffix(".seal").unlink(missing_ok=True)
        partial.unlink(missing_ok=True)  # never a 0-byte or half copy that looks like a backup
        raise BackupError(
            f"The backup could not be written in {target_dir} ({_reason(exc)}); "
            "nothing was changed."
        ) from exc
    finally:
        _remove_companions(partial)
    _rotate(target_dir, db_path.stem, max(keep, 1))
    return target


def create_private(path: Path) -> None:
    """An empty file only its owner may read (SQLite keeps the mode of a file it is handed, and
    gives its -wal and -shm the same): a register and its copies are personal data."""
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600))


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError):
        return exc.strerror or str(exc)
    return str(exc)  # a DB-API error's text is SQLite's message, never the data


def _remove_companions(path: Path) -> None:
    """A copy is complete once closed: its write-ahead log and shared memory are leftovers."""
    for companion in ("-wal", "-shm", "-journal"):
        path.with_name(path.name + companion).unlink(missing_ok=True)


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
    check_opens(backup, passphrase)
    partial = db_path.with_name(db_path.name + ".restoring")
    try:
        partial.unlink(missing_ok=True)
        create_private(partial)
        _copy(backup, partial, passphrase, source_read_only=True)
        check = _connect(f"file:{partial}?mode=ro", passphrase)
        try:
            result = [row[0] for row in check.execute("PRAGMA quick_check").fetchall()]
        finally:
            check.close()
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise BackupError(
            f"The backup cannot be copied beside {db_path} ({_reason(exc)}); nothing was changed."
        ) from exc
    except _database_errors() as exc:
        result = [str(exc)]
    finally:
        _remove_companions(partial)
        _remove_companions(backup)  # an older backup in WAL mode, read: nobody else holds it
    if result != ["ok"]:
        partial.unlink(missing_ok=True)
        raise BackupError(f"The backup {backup} is damaged too; choose another one.")
    _remove_companions(db_path)  # the old file's, which would be replayed over the new one
    os.replace(partial, db_path)


def check_opens(backup: Path, passphrase: str | None) -> None:
    """Refuse, before anything is touched, a backup the passphrase given cannot open (or an
    encrypted backup without one): it is not damaged, the passphrase is wrong."""
    encrypted = looks_encrypted(backup)
    if encrypted and passphrase is None:
        raise BackupError(
            f"The backup {backup} is encrypted: give its passphrase "
            "(--passphrase-file or WORKBENCH_PASSPHRASE)."
        )
    if not encrypted:
        return
    try:
        connection = _connect(f"file:{backup}?mode=ro", passphrase)
        try:
            connection.execute("SELECT count(*) FROM sqlite_master").fetchall()
        finally:
            connection.close()
    except _database_errors() as exc:
        raise BackupError(
            f"The backup {backup} cannot be opened with this passphrase (wrong passphrase, or "
            "a backup of another register); nothing was changed."
        ) from exc


def _copy(
    source_path: Path, target_path: Path, passphrase: str | None, source_read_only: bool
) -> None:
    mode = "?mode=ro" if source_read_only else ""
    source = _connect(f"file:{source_path}{mode}", passphrase)
    try:
        destination = _connect(f"file:{target_path}", passphrase)
        try:
            source.backup(destination)
            # a copy in rollback-journal mode: reading it later (read-only) leaves no -wal and
            # -shm beside it, as a copy in WAL mode does
            destination.execute("PRAGMA journal_mode=DELETE").fetchall()
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
        old.with_suffix(".seal").unlink(missing_ok=True)
