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
