"""The journal proves completeness (issue 16): every tampering issue 16 found is detected, by the
chain itself, against a seal kept outside the register, or by the replay of the journal.

Each case tampers with the file as an attacker with an SQLite shell would, then checks.
"""

from __future__ import annotations

import dataclasses
import json
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from workbench.cli.main import main
from workbench.domain import Organisation, OrganisationKind, Subprocessor, Treatment
from workbench.services import Register, open_register
from workbench.services._journal import entry_digest, hashed_fields, operation_fields

pytestmark = pytest.mark.usefixtures("in_language")  # the CLI cases switch the language


def fill(reg: Register) -> None:
    """Eight operations, with every kind of entry, and one that writes none."""
    org = reg.organisations.create(Organisation(name="Podalire", kind=OrganisationKind.OWN)).ids[0]
    sub = reg.subprocessors.create(Subprocessor(organisation_id=org, name="OVH")).ids[0]
    reg.subprocessors.create(Subprocessor(organisation_id=org, name="AWS"))
    ids = [
        reg.treatments.create(Treatment(organisation_id=org, name=f"Traitement {n}")).ids[0]
        for n in range(4)
    ]
    treatment = reg.treatments.get(ids[0])
    reg.treatments.update(dataclasses.replace(treatment, purpose="Comptes"))
    reg.treatments.update(reg.treatments.get(ids[0]))  # no change: an operation without entries
    reg.subprocessors.delete(sub)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """One filled register for the module (each test tampers with its own copy)."""
    db = tmp_path_factory.mktemp("template") / "register.sqlite"
    reg = open_register(db, author="dpo")
    fill(reg)
    seal = reg.journal.seal()
    reg.close()
    assert seal is not None
    return db, seal


@pytest.fixture
def sealed(template: tuple[Path, str], tmp_path: Path) -> tuple[Path, str]:
    """A register file and the seal the DPO printed after its last change."""
    db = tmp_path / "register.sqlite"
    shutil.copyfile(template[0], db)
    return db, template[1]


def tamper(db: Path, *statements: str) -> None:
    with sqlite3.connect(db) as raw:
        for statement in statements:
            raw.execute(statement)


def check(db: Path, seal: str | None = None) -> tuple[bool, str]:
    reg = open_register(db, author="auditor", read_only=True)
    try:
        report = reg.journal.verify(seal)
        return report.ok, report.problem or report.seal_problem
    finally:
        reg.close()


def rewrite_chain(db: Path, label: str) -> None:
    """An attacker who knows the algorithm: forge every label, then re-hash the whole chain."""
    with sqlite3.connect(db) as raw:
        raw.execute("UPDATE journal_entry SET label = ?", (label,))
        raw.execute("UPDATE operation SET label = ?", (label,))
        ops = {
            r[0]: operation_fields(r[0], r[1], _at(r[2]), r[3], r[4], r[5], r[6])
            for r in raw.execute("SELECT id, seq, at, author, label, kind, undoes FROM operation")
        }
        prev = "0" * 64
        rows = raw.execute(
            "SELECT id, at, author, operation, entity_kind, entity_id, action, before, after, "
            "label FROM journal_entry ORDER BY id"
        ).fetchall()
        for entry_id, at, author, op, kind, eid, action, before, after, text in rows:
            fields = hashed_fields(
                _at(at), author, op, kind, eid, action, _json(before), _json(after), text, ops[op]
            )
            digest = entry_digest(prev, fields)
            raw.execute(
                "UPDATE journal_entry SET prev_hash = ?, entry_hash = ? WHERE id = ?",
                (prev, digest, entry_id),
            )
            prev = digest


def _at(text: str) -> object:
    import datetime as dt

    return dt.datetime.fromisoformat(text)


def _json(text: str | None) -> object:
    return None if text is None else json.loads(text)


# What the chain alone detects (no seal needed).
CHAIN_CASES: dict[str, Callable[[Path], None]] = {
    "entry label forged": lambda db: tamper(
        db, "UPDATE journal_entry SET label = 'Import légitime' WHERE id = 3"
    ),
    "operation author forged": lambda db: tamper(
        db, "UPDATE operation SET author = 'someone else' WHERE seq = 2"
    ),
    "operation label forged": lambda db: tamper(
        db, "UPDATE operation SET label = 'x' WHERE seq = 3"
    ),
    "operation time forged": lambda db: tamper(
        db, "UPDATE operation SET at = '2020-01-01 00:00:00.000000' WHERE seq = 4"
    ),
    "entry author forged": lambda db: tamper(
        db, "UPDATE journal_entry SET author = 'x' WHERE id = 2"
    ),
    "entry time forged": lambda db: tamper(
        db, "UPDATE journal_entry SET at = '2020-01-01 00:00:00.000000' WHERE id = 2"
    ),
    "middle entry removed": lambda db: tamper(db, "DELETE FROM journal_entry WHERE id = 4"),
    "operation without entries removed": lambda db: tamper(
        db, "DELETE FROM operation WHERE seq = 8"
    ),
    "operation of entries removed": lambda db: tamper(db, "DELETE FROM operation WHERE seq = 2"),
    "hash version downgraded": lambda db: tamper(
        db, "UPDATE journal_entry SET hash_version = 1 WHERE id = 5"
    ),
}
# What only the seal detects: the chain that is left is sound.
SEAL_CASES: dict[str, Callable[[Path], None]] = {
    "last entry removed": lambda db: tamper(
        db, "DELETE FROM journal_entry WHERE id = (SELECT max(id) FROM journal_entry)"
    ),
    "last 5 entries removed": lambda db: tamper(
        db, "DELETE FROM journal_entry WHERE id > (SELECT max(id) - 5 FROM journal_entry)"
    ),
    "every entry removed": lambda db: tamper(db, "DELETE FROM journal_entry"),
    "every entry and operation removed": lambda db: tamper(
        db, "DELETE FROM journal_entry", "DELETE FROM operation"
    ),
    "last operation removed with its entries": lambda db: tamper(
        db,
        "DELETE FROM journal_entry WHERE operation = "
        "(SELECT id FROM operation ORDER BY seq DESC LIMIT 1)",
        "DELETE FROM operation WHERE seq = (SELECT max(seq) FROM operation)",
    ),
    "whole chain rewritten with forged labels": lambda db: rewrite_chain(db, "Rien à signaler"),
}


@pytest.mark.parametrize("case", CHAIN_CASES)
def test_the_chain_detects(case: str, sealed: tuple[Path, str]) -> None:
    db, _seal = sealed
    assert check(db) == (True, "")
    CHAIN_CASES[case](db)
    ok, problem = check(db)
    assert not ok
    assert problem


@pytest.mark.parametrize("case", SEAL_CASES)
def test_the_seal_detects(case: str, sealed: tuple[Path, str]) -> None:
    """`verify-journal` said "intact" after these (even "Journal intact: 0 entries")."""
    db, seal = sealed
    SEAL_CASES[case](db)
    assert check(db)[0], "the chain left is sound: only the seal can tell"
    ok, problem = check(db, seal)
    assert not ok
    assert problem


def test_a_journal_that_grew_since_the_seal_still_matches_it(sealed: tuple[Path, str]) -> None:
    db, seal = sealed
    reg = open_register(db, author="dpo")
    reg.organisations.create(
        Organisation(name="Praticiens", kind=OrganisationKind.CLIENT_CONTROLLER)
    )
    reg.close()
    assert check(db, seal) == (True, "")


def copy_row(db: Path, table: str, source_id: int, new_id: int) -> None:
    """Insert a row by hand, as a copy of another (whatever the table's columns)."""
    with sqlite3.connect(db) as raw:
        columns = [r[1] for r in raw.execute(f"PRAGMA table_info({table})") if r[1] != "id"]
        names = ", ".join(columns)
        raw.execute(
            f"INSERT INTO {table} (id, {names}) SELECT ?, {names} FROM {table} WHERE id = ?",  # noqa: S608
            (new_id, source_id),
        )


REPLAY_CASES: dict[str, tuple[Callable[[Path], None], str]] = {
    "record edited in its table": (
        lambda db: tamper(db, "UPDATE treatment SET name = 'Autre chose' WHERE id = 2"),
        "treatment 2: differs from the journal (name)",
    ),
    "record deleted from its table": (
        lambda db: tamper(db, "DELETE FROM treatment WHERE id = 3"),
        "treatment 3: in the journal, missing from the table",
    ),
    "record inserted in its table": (
        lambda db: copy_row(db, "treatment", 2, 99),
        "treatment 99: in the table, never in the journal",
    ),
    "record deleted in the journal put back": (
        lambda db: copy_row(db, "subprocessor", 2, 1),
        "subprocessor 1: deleted in the journal, still in the table",
    ),
}


@pytest.mark.parametrize("case", REPLAY_CASES)
def test_the_replay_reports_records_that_differ_from_the_journal(
    case: str, sealed: tuple[Path, str], capsys: pytest.CaptureFixture[str]
) -> None:
    db, _seal = sealed
    assert main(["--lang", "en", "--db", str(db), "verify-journal", "--replay"]) == 0
    capsys.readouterr()
    edit, expected = REPLAY_CASES[case]
    edit(db)
    code = main(["--lang", "en", "--db", str(db), "verify-journal", "--replay"])
    out = capsys.readouterr().out
    assert code == 1
    assert expected in out


def test_seal_and_against_from_the_command_line_and_from_a_backup(
    sealed: tuple[Path, str], capsys: pytest.CaptureFixture[str]
) -> None:
    db, seal = sealed
    assert main(["--lang", "en", "--db", str(db), "verify-journal", "--seal"]) == 0
    assert seal in capsys.readouterr().out
    assert main(["--lang", "en", "--db", str(db), "backup"]) == 0
    capsys.readouterr()
    (backup,) = (db.parent / "backups").glob("*.sqlite")
    kept = backup.with_suffix(".seal")
    assert kept.read_text(encoding="utf-8").strip() == seal  # every backup carries its seal
    tamper(db, "DELETE FROM journal_entry WHERE id = (SELECT max(id) FROM journal_entry)")
    for against in (seal, str(kept)):
        code = main(["--lang", "en", "--db", str(db), "verify-journal", "--against", against])
        out = capsys.readouterr().out
        assert code == 1
        assert "the last 1 were removed" in out
