"""Desktop conventions of the main window: named actions, the F1 guide, the Tools menu."""

from __future__ import annotations

import dataclasses
import re
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import QUrl
from PySide6.QtGui import QKeySequence, QPixmap, QTextDocument

from ui import jobs
from ui.dialogs.guide_dialog import GuideDialog, guide_path
from ui.i18n_qt import apply_language
from workbench.services import Register

pytestmark = pytest.mark.gui

ACTION_NAME = re.compile(r"action_[a-z]+_[a-z_]+")


def test_every_action_of_the_window_has_a_stable_name(window: Any) -> None:
    names = [action.objectName() for action in window.actions()]
    assert len(names) >= 20
    assert all(ACTION_NAME.fullmatch(name) for name in names), names
    assert len(set(names)) == len(names)
    assert {"action_open_guide", "action_backup_register", "action_undo_operation"} <= set(names)
    assert window.findChild(type(window.actions()[0]), "action_verify_journal") is not None


def test_f1_opens_the_user_guide_with_its_pictures(window: Any, qtbot: QtBot) -> None:
    guide = window.actions_.guide
    assert QKeySequence("F1") in guide.shortcuts()
    guide.trigger()
    dialog = window.actions_.guide_dialog
    qtbot.waitExposed(dialog)
    text = dialog.browser.document().toPlainText()
    assert text.startswith("DPO Workbench — user guide")
    assert "Restore a backup" in text
    picture = dialog.browser.document().resource(
        QTextDocument.ResourceType.ImageResource, QUrl("images/dashboard_en.png")
    )
    assert isinstance(picture, QPixmap)
    assert not picture.isNull()
    dialog.close()


def test_the_guide_is_in_the_language_of_the_interface(qtbot: QtBot) -> None:
    apply_language("fr")
    dialog = GuideDialog()
    qtbot.addWidget(dialog)
    assert dialog.browser.document().toPlainText().startswith("DPO Workbench — guide")
    assert dialog.windowTitle() == "Guide de l'utilisateur"
    assert guide_path("de") == guide_path("fr")  # no German guide: the default language's


def _result_text(window: Any, qtbot: QtBot, job: Any) -> str:
    qtbot.waitUntil(lambda: job.ended, timeout=10_000)
    qtbot.waitUntil(lambda: window.actions_.tools.last_result is not None, timeout=10_000)
    text: str = window.actions_.tools.last_result.text()
    window.actions_.tools.last_result.close()
    window.actions_.tools.last_result = None
    return text


def test_tools_back_up_verify_and_check_the_register(
    window: Any, qtbot: QtBot, demo_register: Register
) -> None:
    tools = window.actions_.tools
    before = set(demo_register.path.parent.rglob("*manual*"))  # type: ignore[union-attr]
    text = _result_text(window, qtbot, tools.backup())
    assert text.startswith("Backup written: ")
    written = set(demo_register.path.parent.rglob("*manual*")) - before  # type: ignore[union-attr]
    assert any(str(path) in text for path in written)
    text = _result_text(window, qtbot, tools.verify_journal())
    assert re.fullmatch(r"Journal intact: \d+ entries, hash chain verified\.", text)
    text = _result_text(window, qtbot, tools.integrity_check())
    assert text == "Database file intact (integrity_check: ok)."


def test_restore_brings_back_the_register_as_backed_up(
    window: Any, qtbot: QtBot, demo_register: Register
) -> None:
    backup = demo_register.backup("manual")
    assert backup is not None
    first = demo_register.treatments.list()[0]
    window.publish(demo_register.treatments.update(dataclasses.replace(first, name="Renamed")))
    qtbot.waitUntil(lambda: not jobs.active_jobs(), timeout=10_000)  # the lists reload first
    assert window.actions_.tools.restore(backup=backup)
    restored = window.register
    try:
        assert restored is not demo_register
        assert restored.treatments.get(first.id).name == first.name
        text = window.actions_.tools.last_result.text()
        assert text.startswith(f"Register restored from {backup.name}.")
        assert "kept as" in text  # the register as it was is a backup too
    finally:
        window.actions_.tools.last_result.close()
        restored.close()
