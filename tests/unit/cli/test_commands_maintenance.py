from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from workbench.cli.main import main
from workbench.domain import Organisation, OrganisationKind
from workbench.services import open_register


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "register.sqlite"
    reg = open_register(path, author="dpo")
    for name in ("Podalire", "Medaviz", "Clinique du Parc"):
        reg.organisations.create(Organisation(name=name, kind=OrganisationKind.OWN))
    reg.close()
    return path


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_backup_then_restore_by_number(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "--db", str(db), "backup", "--keep", "5")
    assert code == 0
    assert "Backup written" in out
    reg = open_register(db, author="dpo")
    reg.organisations.create(Organisation(name="Ajout", kind=OrganisationKind.OWN))
    reg.close()
    code, out, _ = _run(capsys, "--db", str(db), "restore")
    assert code == 0
    assert out.splitlines()[0].lstrip().startswith("1 ")
    code, out, _ = _run(capsys, "--db", str(db), "restore", "1")
    assert code == 0
    assert "before-restore" in out
    reg = open_register(db, author="dpo")
    assert "Ajout" not in [o.name for o in reg.organisations.list()]
    reg.close()
    code, out, _ = _run(capsys, "--db", str(db), "restore", "--json")
    listed = json.loads(out)
    assert [item["number"] for item in listed] == [1, 2]
    assert "before-restore" in listed[0]["path"]


def test_restore_of_an_unknown_number_is_a_clear_error(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = _run(capsys, "--db", str(db), "restore", "7")
    assert code == 2
    assert "no backup number 7" in err


def test_verify_journal_names_the_entry_edited_outside_the_app(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = _run(capsys, "--db", str(db), "verify-journal")
    assert code == 0
    assert "3 entries" in out
    with sqlite3.connect(db) as conn:
        target = conn.execute(
            "SELECT id FROM journal_entry WHERE json_extract(after, '$.name') = 'Medaviz'"
        ).fetchone()[0]
        conn.execute(
            "UPDATE journal_entry SET after = json_set(after, '$.name', 'Falsifié') WHERE id = ?",
            (target,),
        )
    conn.close()
    code, out, _ = _run(capsys, "--db", str(db), "verify-journal")
    assert code == 1
    assert f"Journal entry {target}: this entry was altered" in out
    assert "organisation" in out
    code, out, _ = _run(capsys, "--db", str(db), "verify-journal", "--json")
    assert json.loads(out)["first_bad_entry"] == target


def test_verify_journal_reports_a_removed_entry(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with sqlite3.connect(db) as conn:
        first, second = [r[0] for r in conn.execute("SELECT id FROM journal_entry ORDER BY id")][:2]
        conn.execute("DELETE FROM journal_entry WHERE id = ?", (first,))
    conn.close()
    code, out, _ = _run(capsys, "--db", str(db), "verify-journal")
    assert code == 1
    assert f"Journal entry {second}: an entry before this one was removed" in out


def test_checks_still_run_while_another_process_writes(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(
                """
                import sys, time
                from workbench.services import open_register
                reg = open_register(sys.argv[1], author="other")
                print("open", flush=True)
                time.sleep(60)
                """
            ),
            str(db),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "open"
        code, out, _ = _run(capsys, "--db", str(db), "verify-journal")
        assert code == 0
        code, out, _ = _run(capsys, "--db", str(db), "integrity-check")
        assert code == 0
        assert "ok" in out
        code, _, err = _run(capsys, "--db", str(db), "backup")
        assert code == 2
        assert "already open for writing" in err
        assert "Traceback" not in err
    finally:
        holder.kill()
        holder.wait()
