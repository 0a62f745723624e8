"""Reads (dashboard, checks, export) never queue behind a write on the one-thread write pool.

The core opens read transactions with a deferred BEGIN, so a read does not wait for a writer;
the UI must not make it wait either by putting it on `db_pool()` behind an import.
"""

from __future__ import annotations

import threading
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.ui.sample_register import fill_register
from ui.dialogs.export_dialog import REGISTER, ExportDialog
from ui.jobs import QtProgress, db_pool, run_job, shutdown
from ui.widgets.checks_widget import ChecksWidget
from ui.widgets.dashboard_widget import DashboardWidget
from workbench.domain.enums import EntityKind
from workbench.services import Register

pytestmark = pytest.mark.gui


@pytest.fixture
def busy_write_pool(register: Register) -> Iterator[threading.Event]:
    """The write pool's only thread taken by a long write (an import that has not ended)."""
    fill_register(register)
    release = threading.Event()
    started = threading.Event()

    def long_write(progress: QtProgress) -> None:
        started.set()
        release.wait(30)

    run_job(None, long_write).start()
    assert started.wait(5)
    yield release
    release.set()
    assert db_pool().waitForDone(10_000)
    assert shutdown(5000)


def test_the_dashboard_loads_while_a_write_runs(
    qtbot: QtBot, register: Register, busy_write_pool: threading.Event
) -> None:
    dashboard = DashboardWidget(register)
    qtbot.addWidget(dashboard)
    with qtbot.waitSignal(dashboard.refreshed, timeout=10_000):
        dashboard.show()
    assert not busy_write_pool.is_set()  # the write is still running
    assert dashboard.data is not None
    assert dashboard.data.counts[EntityKind.TREATMENT] > 0


def test_the_checks_run_while_a_write_runs(
    qtbot: QtBot, register: Register, busy_write_pool: threading.Event
) -> None:
    checks = ChecksWidget(register)
    qtbot.addWidget(checks)
    with qtbot.waitSignal(checks.refreshed, timeout=10_000):
        checks.show()
    assert not busy_write_pool.is_set()


def test_an_export_runs_while_a_write_runs(
    qtbot: QtBot, register: Register, busy_write_pool: threading.Event, tmp_path: Path
) -> None:
    dialog = ExportDialog(register, what=REGISTER)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.destination.setText(str(tmp_path / "register"))
    with qtbot.waitSignal(dialog.exported, timeout=10_000) as exported:
        dialog.export_button.click()
    assert not busy_write_pool.is_set()
    path: Path = exported.args[0]
    assert zipfile.is_zipfile(path)  # a whole Word/Excel document was written
