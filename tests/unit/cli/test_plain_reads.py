"""`list` and `show` read a current register file with plain sqlite3 (no SQLAlchemy): they
must answer exactly what opening the register answers, and leave every other register to it."""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
import sqlite3
from pathlib import Path

import pytest

from workbench.cli import _common
from workbench.cli.main import main
from workbench.domain.enums import (
    AuditRequester,
    AuditStatus,
    AuditType,
    EntityKind,
    OrganisationKind,
)
from workbench.domain.errors import NotFoundError
from workbench.domain.records import (
    Audit,
    AuditAction,
    AuditFinding,
    Notification,
    NotificationItem,
    Organisation,
)
from workbench.services import Register, open_register
from workbench.storage import migrate, plain_reader
from workbench.storage.base import Base
from workbench.storage.engine import make_engine
from workbench.storage.models._utc_datetime import UtcDateTime
from workbench.storage.plain_reader import KINDS, PlainRegister, open_plain_register

KIND_NAMES = {
    EntityKind.ORGANISATION: "organisations",
    EntityKind.TREATMENT: "treatments",
    EntityKind.SUBPROCESSOR: "subprocessors",
    EntityKind.CERTIFICATION: "certifications",
    EntityKind.AUDIT: "audits",
    EntityKind.NOTIFICATION: "notifications",
}


@pytest.fixture
def populated(demo_register_file: Path) -> Path:
    """The demo register, plus what the demo has none of: an audit (booleans, nested lists)
    and a notification (items, dates), a treatment with no retention duration."""
    register = open_register(demo_register_file, author="test-dpo")
    own = register.organisations.own()[0]
    client = register.organisations.create(
        Organisation("Clinique du Parc", kind=OrganisationKind.CLIENT_CONTROLLER)
    ).ids[0]
    register.audits.create(
        Audit(
            own.id,
            AuditType.GDPR_CONTROLLER,
            AuditRequester.PARTNER,
            auditor="Cabinet Tiers",
            auditor_independent=True,
            auditor_certified=False,
            audit_on=dt.date(2026, 9, 16),
            status=AuditStatus.SCHEDULED,
            findings=(AuditFinding("Journalisation incomplète"),),
            actions=(AuditAction("Chiffrer", "RSSI", dt.date(2026, 10, 1)),),
        )
    )
    sub = register.subprocessors.list()[0]
    register.notifications.create(
        Notification(
            client,
            own.id,
            items=(NotificationItem(sub.id, sub.name, "added"),),
            created_on=dt.date(2026, 8, 28),
        )
    )
    treatment = register.treatments.list()[0]
    register.treatments.update(
        dataclasses.replace(
            treatment, retention=dataclasses.replace(treatment.retention, duration=None)
        )
    )
    register.close()
    return demo_register_file


def cli(capsys: pytest.CaptureFixture[str], db: Path, *argv: str) -> str:
    assert main(["--db", str(db), *argv]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    return out


def _not_opened(_args: object) -> Register:
    raise AssertionError("the register was opened: the plain reader did not answer")


def test_every_list_and_show_answers_as_opening_the_register_does(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, populated: Path
) -> None:
    register = open_register(populated, author="test-dpo")
    ids = {kind: [r.id for r in register.service_for(kind).list()] for kind in KINDS}
    register.close()
    assert all(ids.values()), "every kind has records to compare"
    commands = [["list", "treatments", "--organisation", "podalire (medaviz) "]]
    for kind, name in KIND_NAMES.items():
        commands += [["list", name], ["list", name, "--json"]]
        commands += [["show", kind.value, str(i), *j] for i in ids[kind] for j in ([], ["--json"])]
    with monkeypatch.context() as patched:  # the plain reads, and only them, answer these
        patched.setattr(_common, "open_for_reading", _not_opened)
        plain = {tuple(argv): cli(capsys, populated, *argv) for argv in commands}
    monkeypatch.setattr(_common, "_plain_readable", lambda _args: False)
    full = {tuple(argv): cli(capsys, populated, *argv) for argv in commands}
    assert plain == full
    assert '"auditor_independent": true' in full[("list", "audits", "--json")]


def test_the_plain_records_equal_the_services_records(populated: Path) -> None:
    plain = open_plain_register(populated)
    assert isinstance(plain, PlainRegister)
    register = open_register(populated, author="test-dpo", read_only=True)
    try:
        for kind in KINDS:
            listed = register.service_for(kind).list()
            assert plain.service_for(kind).list() == listed, kind
            assert [plain.service_for(kind).get(r.id) for r in listed] == listed, kind
        with pytest.raises(NotFoundError):
            plain.service_for(EntityKind.TREATMENT).get(99999)
    finally:
        plain.close()
        register.close()


def test_list_and_show_read_without_sqlalchemy_only_a_current_plain_file(
    tmp_path: Path, populated: Path
) -> None:
    assert open_plain_register(populated) is not None
    missing = tmp_path / "missing.sqlite"
    assert open_plain_register(missing) is None
    text = tmp_path / "list.csv"
    text.write_text("a;b\n", encoding="utf-8")
    assert open_plain_register(text) is None
    damaged = tmp_path / "damaged.sqlite"
    data = bytearray(populated.read_bytes())
    data[4096 * 3 : 4096 * 6] = b"\xff" * (4096 * 3)
    damaged.write_bytes(bytes(data))
    assert open_plain_register(damaged) is None
    newer = tmp_path / "newer.sqlite"
    shutil.copyfile(populated, newer)
    with sqlite3.connect(newer) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    assert open_plain_register(newer) is None


def test_a_register_to_migrate_is_left_to_the_full_path_which_migrates_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = tmp_path / "old.sqlite"
    engine = make_engine(db)
    migrate.upgrade(engine, "0001")
    engine.dispose()
    with sqlite3.connect(db) as connection:
        connection.execute(
            "INSERT INTO organisation (id, name, kind, legal_name, registration, address,"
            " contact_email, dpo_name, dpo_email, representative, objection_period_days,"
            " notes, version) VALUES (1, 'Podalire', 'own', '', '', '', '', '', '', '', 30,"
            " '', 1)"
        )
    assert open_plain_register(db) is None
    out = cli(capsys, db, "list", "organisations")
    assert "Podalire" in out
    assert open_plain_register(db) is not None  # migrated by that `list`


def test_the_plain_reader_knows_the_services_tables_orders_links_and_column_types(
    register: Register,
) -> None:
    """The table KINDS and the decoders follow the mappers and models they stand in for."""
    declared_as = {"JSON": "JSON", "Boolean": "BOOLEAN", "Date": "DATE", "UtcDateTime": "DATETIME"}
    assert set(declared_as.values()) == set(plain_reader._DECODERS)
    with sqlite3.connect(register.path) as connection:  # type: ignore[arg-type]
        for kind, spec in KINDS.items():
            service = register.service_for(kind)
            mapper = service.mapper
            assert spec.table == mapper.model_cls.__tablename__
            assert spec.record_cls is mapper.record_cls
            assert spec.order_by == service.order_by
            assert {n: (s.table, s.own_column, s.other_column) for n, s in spec.links.items()} == {
                n: (s.table.name, s.own_column, s.other_column) for n, s in mapper.links.items()
            }
            table = Base.metadata.tables[spec.table]
            declared = {
                row[1]: row[2] for row in connection.execute(f"PRAGMA table_info({spec.table})")
            }
            for name in mapper.columns:
                column_type = type(table.c[name].type)
                if (
                    isinstance(table.c[name].type, UtcDateTime)
                    or column_type.__name__ in declared_as
                ):
                    assert declared[name] == declared_as[column_type.__name__], (spec.table, name)
                else:  # read as stored: whole numbers and texts
                    assert column_type.__name__ in ("Integer", "String", "Text"), (spec.table, name)
                    assert declared[name] not in declared_as.values(), (spec.table, name)
