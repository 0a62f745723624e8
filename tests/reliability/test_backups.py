"""Backups made by the register itself: before a migration, on demand, and the way back."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.domain import Organisation, OrganisationKind
from workbench.domain.errors import BackupError, RegisterOpenError
from workbench.services import open_register
from workbench.services.register import register_backups, restore_register
from workbench.storage import lock as lock_module
from workbench.storage import migrate


def _register_with(path: Path, *names: str) -> None:
    reg = open_register(path, author="dpo")
    try:
        for name in names:
            reg.organisations.create(Organisation(name=name, kind=OrganisationKind.OWN))
    finally:
        reg.close()


def _names(path: Path) -> list[str]:
    reg = open_register(path, author="dpo")
    try:
        return [o.name for o in reg.organisations.list()]
    finally:
        reg.close()


def test_register_backup_keeps_the_number_the_register_says(tmp_path: Path) -> None:
    db = tmp_path / "register.sqlite"
    _register_with(db, "Podalire")
    reg = open_register(db, author="dpo")
    reg.set_backup_keep(2)
    for _ in range(4):
        assert reg.backup("before-import") is not None
    reg.close()
    assert len(register_backups(db)) == 2
    reopened = open_register(db, author="dpo")
    assert reopened.backup_keep == 2  # a setting of the register, not of this process
    reopened.close()
    with pytest.raises(BackupError):
        reopened.set_backup_keep(0)


def test_a_migration_is_preceded_by_a_backup(tmp_path: Path) -> None:
    db = tmp_path / "register.sqlite"
    _register_with(db, "Podalire")
    reg = open_register(db, author="dpo")
    migrate.downgrade(reg.engine, "base")  # as if the file came from an older version
    reg.close()
    open_register(db, author="dpo").close()
    assert any("before-migration" in b.name for b in register_backups(db))


def test_every_import_is_preceded_by_a_backup(tmp_path: Path) -> None:
    from importers import RecordKind, propose_mapping, read_records, read_tables
    from workbench.services.import_service import ImportService

    db = tmp_path / "register.sqlite"
    _register_with(db, "Podalire")
    source = Path(__file__).resolve().parent.parent / "data" / "subcontractors.xlsx"
    table = read_tables(source)[0]
    reg = open_register(db, author="dpo")
    try:
        ImportService(reg).apply(read_records(table, propose_mapping(table, RecordKind.AUTO)))
        assert reg.subprocessors.list()
    finally:
        reg.close()
    backups = [b for b in register_backups(db) if "before-import" in b.name]
    assert len(backups) == 1
    # The copy is the register as it was just before the import: no subprocessor yet.
    before = open_register(backups[0], author="dpo", read_only=True)
    try:
        assert before.subprocessors.list() == []
        assert [o.name for o in before.organisations.list()] == ["Podalire"]
    finally:
        before.close()


def test_a_corrupt_register_names_the_latest_backup_and_the_restore_command(
    tmp_path: Path,
) -> None:
    db = tmp_path / "register.sqlite"
    _register_with(db, "Podalire", "Medaviz")
    reg = open_register(db, author="dpo")
    latest = reg.backup("manual")
    reg.close()
    assert latest is not None
    with db.open("r+b") as handle:  # damage the pages after the header
        handle.seek(4096)
        handle.write(b"\x00garbage\xff" * 2000)
    with pytest.raises(RegisterOpenError) as refused:
        open_register(db, author="dpo")
    message = str(refused.value)
    assert str(latest) in message
    assert "dpo-workbench" in message
    assert "restore" in message
    saved = restore_register(latest, db)
    assert saved is None or saved.exists()
    assert sorted(_names(db)) == ["Medaviz", "Podalire"]


def test_a_garbage_file_without_backups_says_so(tmp_path: Path) -> None:
    db = tmp_path / "register.sqlite"
    db.write_bytes(b"SQLite format 3\x00" + b"\x07" * 10000)
    with pytest.raises(RegisterOpenError, match="No backup"):
        open_register(db, author="dpo")
    # The refused open released its lock: nothing stays held by this process.
    assert lock_module.lock_path_for(db.resolve()) not in lock_module._held


def test_backups_before_a_migration_and_before_a_restore_carry_the_journal_seal(
    tmp_path: Path,
) -> None:
    """Every backup has its seal beside it, the automatic ones too: the journal's head as it
    stood when the copy was taken (`verify-journal --against <backup>.seal`)."""
    db = tmp_path / "register.sqlite"
    _register_with(db, "Podalire", "Medaviz")
    reg = open_register(db, author="dpo")
    head = reg.journal.head_seal()
    manual = reg.backup("manual")
    migrate.downgrade(reg.engine, "0002")  # as if written before the journal seal existed
    reg.close()
    open_register(db, author="dpo").close()
    (migration,) = [b for b in register_backups(db) if "before-migration" in b.name]
    assert migration.with_suffix(".seal").read_text(encoding="utf-8").strip() == head
    assert manual is not None
    restore_register(manual, db)
    (restore,) = [b for b in register_backups(db) if "before-restore" in b.name]
    assert restore.with_suffix(".seal").read_text(encoding="utf-8").strip() == head
