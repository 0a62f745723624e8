"""Environment faults end in one clear sentence and exit 2, never a traceback, never register
contents; nothing partial is left behind (issue 16).

Disk full is a small tmpfs, a read-only file system a read-only bind mount: both need root
(CI runs as root on a fresh machine); elsewhere these tests skip.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from workbench.cli.main import main
from workbench.domain import Organisation, OrganisationKind
from workbench.services import open_register

SECRET = "Sous-traitant-confidentiel"  # noqa: S105 - a register content that must never reach stderr


def _mount(*args: str) -> bool:
    result = subprocess.run(["mount", *args], check=False, capture_output=True)
    return result.returncode == 0


@contextmanager
def mounted(target: Path, *args: str) -> Iterator[Path]:
    target.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0 or not _mount(*args, str(target)):
        pytest.skip("mounting a file system needs root")
    try:
        yield target
    finally:
        subprocess.run(["umount", "-l", str(target)], check=False)


def tmpfs(target: Path, size: str) -> Iterator[Path]:
    return mounted(target, "-t", "tmpfs", "-o", f"size={size}", "tmpfs")  # type: ignore[return-value]


def read_only_view(source: Path, target: Path) -> Iterator[Path]:
    return mounted(target, "-o", "bind,ro", str(source))  # type: ignore[return-value]


def cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["--lang", "en", "--author", "test", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def assert_clear(err: str, *expected: str) -> None:
    assert "Traceback" not in err
    for statement_text in ("[parameters", "[SQL", "INSERT"):
        assert statement_text not in err
    assert SECRET not in err
    assert err.startswith("dpo-workbench: error: "), err
    assert err.count("\n") == 1, err
    for text in expected:
        assert text in err, err


def new_register(db: Path) -> None:
    reg = open_register(db, author="test")
    reg.organisations.create(Organisation(name="Podalire", kind=OrganisationKind.OWN))
    reg.close()


def big_csv(path: Path, rows: int) -> Path:
    lines = ["Subcontractor name;Description;Server location"]
    lines += [f"{SECRET} {n};{'x' * 300} {n};France" for n in range(rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def counts(db: Path) -> tuple[int, int, bool]:
    reg = open_register(db, author="test", read_only=True)
    try:
        return len(reg.subprocessors.list()), len(reg.journal.entries()), reg.journal.verify().ok
    finally:
        reg.close()


def test_disk_full_during_an_import(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """It printed 11 KB of SQL parameters (register contents) and exited 1."""
    with tmpfs(tmp_path / "small", "600k") as folder, tmpfs(folder / "backups", "8m"):
        db = folder / "register.sqlite"
        new_register(db)
        before = counts(db)
        source = big_csv(tmp_path / "many.csv", 4000)
        code, _out, err = cli(
            capsys, "--db", str(db), "import", str(source), "--kind", "subprocessors"
        )
        assert code == 2
        assert_clear(err, "no space left on the disk", "nothing was written")
        assert counts(db) == before  # rolled back whole, journal intact


def test_disk_full_during_a_backup(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """It ended in a traceback and left a 0-byte .partial."""
    db = tmp_path / "register.sqlite"
    new_register(db)
    with tmpfs(tmp_path / "backups", "16k") as backups:
        code, _out, err = cli(capsys, "--db", str(db), "backup")
        assert code == 2
        assert_clear(err, "The backup could not be written", "nothing was changed")
        assert list(backups.iterdir()) == []  # no .partial, no -wal, no -journal


def test_a_read_only_file_system(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Every command, even `list` and `verify-journal`, crashed on the lock file."""
    db = tmp_path / "rw" / "register.sqlite"
    new_register(db)
    with read_only_view(db.parent, tmp_path / "ro") as view:
        on_ro = str(view / "register.sqlite")
        assert cli(capsys, "--db", on_ro, "list", "organisations")[:2][0] == 0
        code, out, err = cli(capsys, "--db", on_ro, "verify-journal")
        assert (code, err) == (0, "")
        assert "Journal intact" in out
        assert cli(capsys, "--db", on_ro, "--read-only", "check")[2] == ""
        code, _out, err = cli(capsys, "--db", on_ro, "backup")
        assert code == 2
        assert_clear(err, "read-only file system", "--read-only")
        source = big_csv(tmp_path / "few.csv", 2)
        code, _out, err = cli(capsys, "--db", on_ro, "import", str(source))
        assert code == 2
        assert_clear(err, "read-only file system")
    assert sorted(p.name for p in db.parent.iterdir()) == [
        "register.sqlite",
        "register.sqlite.lock",
    ]


def test_export_into_a_read_only_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "register.sqlite"
    new_register(db)
    (tmp_path / "out").mkdir()
    with read_only_view(tmp_path / "out", tmp_path / "ro-out") as folder:
        target = folder / "register.xlsx"
        code, _out, err = cli(
            capsys, "--db", str(db), "export", "register", "--format", "xlsx", "-o", str(target)
        )
        assert code == 2
        assert_clear(err, f"Cannot write {target}", "Read-only file system")
    assert list((tmp_path / "out").iterdir()) == []


def test_file_names_that_are_not_utf8(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A Latin-1 name (written on another system) raised UnicodeEncodeError."""
    folder = os.fsencode(tmp_path)
    db = tmp_path / "register.sqlite"
    new_register(db)
    source = Path(os.fsdecode(folder + b"/sous-traitants-\xe9t\xe9.csv"))
    big_csv(source, 2)
    code, out, err = cli(capsys, "--db", str(db), "import", str(source), "--kind", "subprocessors")
    assert (code, err) == (0, ""), err
    assert "sous-traitants-" in out
    latin_db = Path(os.fsdecode(folder + b"/registre-\xe9t\xe9.sqlite"))
    new_register(latin_db)
    code, out, err = cli(capsys, "--db", str(latin_db), "backup")  # prints the backup's path
    assert (code, err) == (0, ""), err
    assert "registre-\\udce9t\\udce9" in out  # shown escaped, not a crash


def test_restore_with_a_wrong_passphrase(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """It said "the backup is damaged too" and left before-restore.partial behind."""
    pytest.importorskip("sqlcipher3")
    db = tmp_path / "register.sqlite"
    reg = open_register(db, author="test", passphrase="right one")  # noqa: S106
    reg.organisations.create(Organisation(name="Podalire", kind=OrganisationKind.OWN))
    reg.backup("manual")
    reg.close()
    monkeypatch.setenv("WORKBENCH_PASSPHRASE", "wrong one")
    code, _out, err = cli(capsys, "--db", str(db), "restore", "1")
    assert code == 2
    assert_clear(err, "cannot be opened with this passphrase", "nothing was changed")
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "backups",
        "register.sqlite",
        "register.sqlite.lock",
    ]
    backups = sorted(p.suffix for p in (tmp_path / "backups").iterdir())
    assert backups == [".seal", ".sqlite"]  # the backup and its seal; no before-restore(.partial)


def test_a_restore_leaves_no_write_ahead_log(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "register.sqlite"
    new_register(db)
    assert cli(capsys, "--db", str(db), "backup")[0] == 0
    code, out, err = cli(capsys, "--db", str(db), "restore", "1")
    assert (code, err) == (0, ""), err
    assert "restored" in out
    leftovers = [
        p.name for p in tmp_path.rglob("*") if p.name.endswith(("-wal", "-shm", ".partial"))
    ]
    assert leftovers == []
