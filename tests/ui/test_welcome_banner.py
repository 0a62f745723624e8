"""An empty register greets a new user with the ways to start, and the greeting goes away."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from ui.settings import Settings
from workbench.domain import Organisation
from workbench.services import Register, open_register

pytestmark = pytest.mark.gui


@pytest.fixture
def empty_window(qtbot: QtBot, tmp_path: Path, settings: Settings) -> Iterator[object]:
    from ui import jobs
    from ui.main_window import MainWindow

    register: Register = open_register(tmp_path / "empty.sqlite", author="test-dpo")
    main = MainWindow(register, settings)
    main.show()
    main.show_view("treatments")
    yield main
    qtbot.waitUntil(lambda: not jobs.active_jobs(), timeout=10000)
    main.close()
    jobs.shutdown(5000)
    main.register.close()
    main.deleteLater()


def test_the_banner_shows_on_an_empty_register_and_leaves_with_the_first_record(
    empty_window: object,
) -> None:
    from ui.main_window import MainWindow

    assert isinstance(empty_window, MainWindow)
    banner = empty_window.welcome
    assert banner.isVisible()
    assert banner.demo_button.text() == "Open the demo register"
    changes = empty_window.register.organisations.create(Organisation(name="Clinique du Parc"))
    empty_window.publish(changes)
    assert not banner.isVisible()


def test_the_banner_opens_the_demo_register(qtbot: QtBot, empty_window: object) -> None:
    from ui.main_window import MainWindow

    assert isinstance(empty_window, MainWindow)
    empty_window.welcome.demo_button.click()
    qtbot.waitUntil(lambda: not empty_window.register.is_empty(), timeout=10000)
    assert len(empty_window.register.treatments.list()) == 39
    assert not empty_window.welcome.isVisible()
