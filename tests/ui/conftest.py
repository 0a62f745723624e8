"""Qt test fixtures: settings in tmp_path, English by default, the demo register, the window."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import QCoreApplication, QEvent, QSettings

from tests.ui.modal_guard import GUARD
from tests.ui.waits import wait_lists_loaded
from ui.garbage_collection import GuiThreadCollections
from ui.i18n_qt import apply_language
from ui.settings import Settings
from workbench.services import Register, open_register


@pytest.fixture(autouse=True)
def _settings_in_tmp(tmp_path: Path) -> Iterator[None]:
    """No test reads or writes the developer's settings (after Picard's fake config)."""
    folder = tmp_path / "qsettings"
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    yield
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))


@pytest.fixture(autouse=True)
def _collections_on_the_gui_thread(qapp: object) -> Iterator[None]:
    """Cycle collections on the GUI thread only, as the application has them: one run on a
    job thread could free a Qt object there and deadlock with the GUI thread
    (ui/garbage_collection.py, GuiThreadCollections). Set up first, so torn down last: the
    window and its jobs are gone when Python's automatic collections come back."""
    collections = GuiThreadCollections()
    yield
    collections.stop()


@pytest.fixture(autouse=True)
def _no_unanswered_dialog(qapp: object) -> Iterator[None]:
    """A modal dialog nobody answers is closed after a few seconds and fails the test, naming
    it (tests/ui/modal_guard.py), instead of hanging the worker."""
    GUARD.start()
    yield
    if unanswered := GUARD.stop():
        pytest.fail(
            "A modal dialog was left unanswered (answer it: monkeypatch its question, or "
            "click it from a timer): " + "; ".join(unanswered),
            pytrace=False,
        )


@pytest.fixture(autouse=True)
def _english_ui(qapp: object) -> Iterator[None]:
    _delete_closed_widgets()
    apply_language("en")
    yield
    apply_language("en")
    _delete_closed_widgets()


def _delete_closed_widgets() -> None:
    """Carry out the deleteLater() of the widgets earlier tests closed (pytest-qt's, the window
    fixture's): no event loop of a test does it. Left alive, every earlier window got each
    language change (apply_language above) and its checks view started a job on its closed
    register: dozens of jobs at once, until PySide aborted ("none_dealloc: deallocating None")."""
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def settings() -> Settings:
    return Settings()


@pytest.fixture
def demo_register(demo_register_file: Path) -> Iterator[Register]:
    """The demo register (both seed documents), in the test's own folder."""
    register = open_register(demo_register_file, author="test-dpo")
    yield register
    register.close()


@pytest.fixture
def window(qtbot: QtBot, demo_register: Register, settings: Settings) -> Iterator[object]:
    from ui import jobs
    from ui.main_window import MainWindow

    main = MainWindow(demo_register, settings)
    # Not qtbot.addWidget: pytest-qt closes its widgets before fixtures finish, while the
    # dashboard's load jobs may still run (closing then asks whether to stop them).
    main.resize(1280, 800)
    main.show()
    main.show_view("treatments")
    wait_lists_loaded(qtbot, main)
    yield main
    # The dashboard and checks load in jobs; closing while they run would ask to stop them.
    qtbot.waitUntil(lambda: not jobs.active_jobs(), timeout=10000)
    main.close()
    jobs.shutdown(5000)
    main.deleteLater()
