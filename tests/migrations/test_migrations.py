from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

import workbench.storage.models  # noqa: F401 - registers the tables
from workbench.services import open_register
from workbench.storage import migrate
from workbench.storage.backup import list_backups
from workbench.storage.base import Base
from workbench.storage.engine import make_engine


def test_upgrade_downgrade_upgrade_and_models_agree_with_migrations(tmp_path: Path) -> None:
    engine = make_engine(tmp_path / "m.sqlite")
    migrate.upgrade(engine)
    migrate.downgrade(engine, "base")
    assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
    migrate.upgrade(engine)
    with engine.connect() as conn:
        differences = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert differences == []
    assert not migrate.needs_upgrade(engine)
    engine.dispose()


def test_opening_an_outdated_register_backs_it_up_before_migrating(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    engine = make_engine(path)
    migrate.upgrade(engine)
    migrate.downgrade(engine, "base")  # simulate a register from before the first revision
    engine.dispose()
    register = open_register(path)
    assert not migrate.needs_upgrade(register.engine)
    backups = list_backups(path)
    assert len(backups) == 1
    assert "before-migration" in backups[0].name
    register.close()


def test_a_register_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    import pytest

    from workbench.domain.errors import RegisterOpenError

    path = tmp_path / "future.sqlite"
    register = open_register(path)
    register.close()
    engine = make_engine(path)
    with engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = 'ffffffffffff'")
    engine.dispose()
    with pytest.raises(RegisterOpenError, match="newer DPO Workbench"):
        open_register(path)


def test_0002_carries_an_older_register_forward_marking_what_imports_inferred(
    tmp_path: Path,
) -> None:
    """A register written before stated/inferred values existed: nothing is lost, recipients
    become records, the DPIA flag a status, and what an import read out of free text is marked
    unconfirmed with the text it came from."""
    from sqlalchemy import text

    from workbench.domain import inference
    from workbench.domain.enums import DpiaStatus, RecipientKind, TransferMechanism

    path = tmp_path / "v1.sqlite"
    engine = make_engine(path)
    migrate.upgrade(engine, "0001")
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO organisation (id, name, kind, legal_name, registration, address,"
                " contact_email, dpo_name, dpo_email, representative, objection_period_days,"
                " notes, version) VALUES (1, 'Clinique', 'own', '', '', '', '', '', '', '', 30,"
                " '', 1)"
            )
        )
        conn.execute(
            text(
                "INSERT INTO subprocessor (id, organisation_id, name, legal_entity, category,"
                " service_description, data_categories, locations, location_text,"
                " transfer_mechanism, transfer_text, optional, contact_name, contact_email,"
                " address, chain_level, provenance_file, provenance_sheet, provenance_row, notes,"
                " version) VALUES (1, 1, 'Cloud US', '', 'hosting', '', '[]',"
                ' \'[{"code": "US", "kind": "country", "detail": ""}]\', \'USA (Oregon)\','
                " 'ADEQUACY_US_DPF', 'CCT + DPF', 0, '', '', '', 1, 'vendors.xlsx', 'Feuil1', 7,"
                " '', 1), (2, 1, 'Typed by hand', '', 'other', '', '[]', '[]', '', NULL, '', 0,"
                " '', '', '', 1, NULL, NULL, NULL, '', 1)"
            )
        )
        conn.execute(
            text(
                "INSERT INTO treatment (id, organisation_id, name, role, purpose, description,"
                " joint_controller, data_subjects, data_categories, legal_basis, legal_basis_text,"
                " retention_text, retention_duration, retention_unit, retention_start_event,"
                " recipients, transfers, security_measures, dpia_required, status, notes,"
                " provenance_file, version) VALUES (1, 1, 'Paie', 'controller', '', '', '', '[]',"
                " '[]', 'legal_obligation', 'Obligation légale', '5 ans', 5, 'year', '',"
                " '[\"Service paie\", \"URSSAF\"]', '', '[]', 1, 'active', '', 'annexe1.docx', 1)"
            )
        )
    engine.dispose()
    register = open_register(path)
    try:
        imported, typed = register.subprocessors.get(1), register.subprocessors.get(2)
        assert imported.transfer_mechanism is TransferMechanism.ADEQUACY_US_DPF  # value kept
        assert {m.field for m in imported.unconfirmed} == {
            "transfer_mechanism",
            "locations",
            "category",
        }
        (mechanism,) = inference.marks_on(imported, "transfer_mechanism")
        assert mechanism.source_text == "CCT + DPF"
        assert typed.unconfirmed == ()  # not imported: a person typed it
        treatment = register.treatments.get(1)
        assert [(r.name, r.kind) for r in treatment.recipients] == [
            ("Service paie", RecipientKind.OTHER),
            ("URSSAF", RecipientKind.OTHER),
        ]
        assert treatment.dpia.status is DpiaStatus.REQUIRED
        assert {m.field for m in treatment.unconfirmed} == {"legal_basis", "retention"}
        assert treatment.retention.text == "5 ans"
    finally:
        register.close()


def _rechain_as_version_1(path: Path) -> list[str]:
    """The journal as DPO Workbench wrote it before revision 0004: version 1 hashes."""
    import datetime as dt
    import json
    import sqlite3

    from workbench.services._journal import GENESIS_HASH, entry_digest, hashed_fields

    prev, hashes = GENESIS_HASH, []
    with sqlite3.connect(path) as raw:
        rows = raw.execute(
            "SELECT id, at, author, operation, entity_kind, entity_id, action, before, after "
            "FROM journal_entry ORDER BY id"
        ).fetchall()
        for entry_id, at, author, op, kind, eid, action, before, after in rows:
            fields = hashed_fields(
                dt.datetime.fromisoformat(at), author, op, kind, eid, action,
                json.loads(before) if before else None, json.loads(after) if after else None,
            )  # fmt: skip
            digest = entry_digest(prev, fields)
            raw.execute(
                "UPDATE journal_entry SET prev_hash = ?, entry_hash = ? WHERE id = ?",
                (prev, digest, entry_id),
            )
            prev = digest
            hashes.append(digest)
    return hashes


def test_a_journal_from_before_the_seal_migrates_without_being_re_hashed(tmp_path: Path) -> None:
    """Revision 0004 re-hashes nothing (a re-hash would bless what was altered before): the
    old entries stay version 1, the new ones are version 2, and the chain goes on."""
    import sqlite3

    from workbench.domain import Organisation, OrganisationKind

    path = tmp_path / "old.sqlite"
    reg = open_register(path, author="dpo")
    for name in ("Podalire", "Medaviz"):
        reg.organisations.create(Organisation(name=name, kind=OrganisationKind.OWN))
    reg.close()
    engine = make_engine(path)
    migrate.downgrade(engine, "0001")
    engine.dispose()
    old_hashes = _rechain_as_version_1(path)

    reg = open_register(path, author="dpo")  # migrates forward
    report = reg.journal.verify()
    assert report.ok
    assert (report.entries, report.version1_entries) == (2, 2)
    reg.organisations.create(Organisation(name="Praticiens", kind=OrganisationKind.OWN))
    report = reg.journal.verify()
    assert report.ok
    assert (report.entries, report.version1_entries) == (3, 2)
    reg.close()
    with sqlite3.connect(path) as raw:
        stored = [r[0] for r in raw.execute("SELECT entry_hash FROM journal_entry ORDER BY id")]
        assert stored[:2] == old_hashes  # not re-hashed
        # what version 1 never covered stays uncovered; version 2 covers it
        raw.execute("UPDATE journal_entry SET label = 'forged' WHERE id = 1")
    reg = open_register(path, author="dpo", read_only=True)
    assert reg.journal.verify().ok
    reg.close()
    with sqlite3.connect(path) as raw:
        raw.execute("UPDATE journal_entry SET label = 'forged' WHERE id = 3")
    reg = open_register(path, author="dpo", read_only=True)
    assert reg.journal.verify().first_bad_entry == 3
    reg.close()


def test_the_revisions_read_at_open_are_alembics(tmp_path: Path) -> None:
    # Opening reads the revision graph from the version files without Alembic: it must be the
    # one Alembic reads, whatever migrations are added.
    from alembic.script import ScriptDirectory

    engine = make_engine(tmp_path / "g.sqlite")
    scripts = ScriptDirectory.from_config(migrate.alembic_config(engine))
    assert migrate.known_revisions() == {
        s.revision: frozenset(s.down_revision if isinstance(s.down_revision, tuple) else ())
        | ({s.down_revision} if isinstance(s.down_revision, str) else set())
        for s in scripts.walk_revisions()
    }
    assert migrate.head_revisions() == frozenset(scripts.get_heads())
    assert migrate.needs_upgrade(engine)  # empty database
    migrate.upgrade(engine)
    assert not migrate.needs_upgrade(engine)
    assert migrate.current_revisions(engine) == migrate.head_revisions()
    engine.dispose()
