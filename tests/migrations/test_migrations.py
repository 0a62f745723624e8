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
