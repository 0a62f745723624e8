"""The guard of tests/ui/conftest.py closes a modal dialog nobody answers and names it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox

from tests.ui.modal_guard import GUARD

pytestmark = pytest.mark.gui


@pytest.fixture
def quick_guard() -> Iterator[None]:
    """The guard with a short watchdog; what it caught is taken here, so that this test's
    own teardown (which would fail on it) sees nothing."""
    before = GUARD.timeout_ms
    GUARD.timeout_ms = 50
    yield
    GUARD.timeout_ms = before


def test_an_unanswered_question_is_closed_and_named(quick_guard: None) -> None:
    answer = QMessageBox.question(None, "Delete everything?", "Delete the 39 treatments?")
    assert answer != QMessageBox.StandardButton.Yes  # closed as a cancel: nothing deleted
    dialog = QDialog()
    dialog.setWindowTitle("Treatment T-029")
    assert dialog.exec() == QDialog.DialogCode.Rejected
    path, _filter = QFileDialog.getSaveFileName(None, "Export to")
    assert path == ""
    assert GUARD.stop() == [
        "QMessageBox 'Delete everything?' saying 'Delete the 39 treatments?', opened by question()",
        "QDialog 'Treatment T-029', opened by exec()",
        "QFileDialog 'Export to', opened by getSaveFileName()",
    ]
    GUARD.start()


def test_a_dialog_answered_from_a_timer_is_not_caught(quick_guard: None) -> None:
    GUARD.timeout_ms = 5_000
    box = QMessageBox(QMessageBox.Icon.Question, "Replace?", "Replace it?")
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)

    def answer() -> None:
        modal = QApplication.activeModalWidget()
        assert isinstance(modal, QMessageBox)
        modal.button(QMessageBox.StandardButton.Yes).click()

    QTimer.singleShot(0, answer)
    assert box.exec() == QMessageBox.StandardButton.Yes
    assert GUARD.unanswered == []
