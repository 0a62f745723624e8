"""SQLCipher at rest: nothing readable without the passphrase, backups encrypted too."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.cli.main import main
from workbench.domain import Organisation, OrganisationKind
from workbench.domain.errors import EncryptedRegisterError
from workbench.services import open_register
from workbench.storage.engine import looks_encrypted

pytest.importorskip("sqlcipher3")

SECRET = "correct horse 'battery' \"staple\""  # noqa: S105 - a test passphrase


def _encrypted_register(path: Path) -> None:
    reg = open_register(path, author="dpo", passphrase=SECRET)
    try:
        reg.organisations.create(
            Organisation(name="Clinique Sainte-Odile", kind=OrganisationKind.OWN)
        )
    finally:
        reg.close()


def test_the_file_holds_no_readable_text(tmp_path: Path) -> None:
    db = tmp_path / "register.sqlite"
    _encrypted_register(db)
    content = db.read_bytes()
    assert b"Sainte-Odile" not in content
    assert not content.startswith(b"SQLite format 3")
    assert looks_encrypted(db)


def test_it_opens_only_with_its_passphrase(tmp_path: Path) -> None:
    db = tmp_path / "register.sqlite"
    _encrypted_register(db)
    with pytest.raises(EncryptedRegisterError, match="passphrase"):
        open_register(db, author="dpo")
    with pytest.raises(EncryptedRegisterError, match="passphrase"):
        open_register(db, author="dpo", passphrase="wrong")  # noqa: S106
    reg = open_register(db, author="dpo", passphrase=SECRET)
    assert [o.name for o in reg.organisations.list()] == ["Clinique Sainte-Odile"]
    assert reg.encrypted
    backup = reg.backup("manual")
    reg.close()
    assert backup is not None
    assert looks_encrypted(backup)
    assert b"Sainte-Odile" not in backup.read_bytes()


def test_the_cli_reads_the_passphrase_from_a_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "register.sqlite"
    _encrypted_register(db)
    secret_file = tmp_path / "passphrase.txt"
    secret_file.write_text(SECRET + "\n", encoding="utf-8")
    code = main(["--db", str(db), "--passphrase-file", str(secret_file), "verify-journal"])
    assert code == 0
    assert "intact" in capsys.readouterr().out
    assert main(["--db", str(db), "verify-journal"]) == 2
    assert "encrypted" in capsys.readouterr().err


def test_the_gui_can_tell_an_encrypted_register_before_opening_it(tmp_path: Path) -> None:
    from workbench.services.register import register_is_encrypted

    plain = tmp_path / "plain.sqlite"
    open_register(plain, author="dpo").close()
    encrypted = tmp_path / "encrypted.sqlite"
    _encrypted_register(encrypted)
    assert register_is_encrypted(encrypted)
    assert not register_is_encrypted(plain)
    assert not register_is_encrypted(tmp_path / "absent.sqlite")
