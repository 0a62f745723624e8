"""Register and file content is shown as written: a name, a file name or a note that looks like
HTML is never rendered as markup, in labels, tooltips, questions or History."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QWidget

from tests.ui.waits import wait_lists_loaded
from ui import jobs
from ui.dialogs.subprocessor_dialog import SubprocessorDialog
from ui.main_window import MainWindow
from ui.settings import Settings
from ui.widgets.history_widget import HistoryWidget
from workbench.domain.enums import EntityKind
from workbench.domain.records import Organisation, Subprocessor
from workbench.services import Register
from workbench.services.operation_labels import import_of

pytestmark = pytest.mark.gui
NAME = "<font color=red size=7>CONFORME</font>"
FILE = "<h1>BIG.csv"
NOTE = "<b>urgent</b> <img src=x>"


def rich_labels_with_data(root: QWidget) -> list[str]:
    """Every label showing one of the payloads that Qt would render as markup."""
    found = []
    for label in root.findChildren(QLabel):
        text = label.text()
        if not any(p in text for p in (NAME, FILE, NOTE, "CONFORME", "BIG.csv")):
            continue
        if label.textFormat() != Qt.TextFormat.PlainText:
            found.append(f"{label.objectName() or type(label.parent()).__name__}: {text!r}")
    return found


@pytest.fixture
def html_window(
    qtbot: QtBot, register: Register, own_org: Organisation, settings: Settings
) -> Iterator[tuple[MainWindow, int]]:
    sid = register.subprocessors.create_many(
        [Subprocessor(own_org.id or 0, NAME, notes=NOTE)], label=import_of(FILE)
    ).ids[0]
    window = MainWindow(register, settings)
    window.show()
    yield window, sid
    qtbot.waitUntil(lambda: not jobs.active_jobs(), timeout=10000)
    window.close()


def test_html_payloads_are_shown_as_text_everywhere(
    qtbot: QtBot, html_window: tuple[MainWindow, int]
) -> None:
    window, sid = html_window
    window.show_view("subprocessors")
    listing = window.list_view("subprocessors")
    wait_lists_loaded(qtbot, window)  # the lists read their rows in a job
    name_column = next(i for i, c in enumerate(listing.model.columns) if c.key == "name")
    index = listing.model.index(0, name_column)
    assert index.data() == NAME
    tooltip = index.data(Qt.ItemDataRole.ToolTipRole)
    assert "&lt;font color=red size=7&gt;CONFORME&lt;/font&gt;" in tooltip  # escaped

    window.show_view("history")
    history = window.views["history"]
    assert isinstance(history, HistoryWidget)
    model = history.entries.model
    qtbot.waitUntil(lambda: not model.loading() and model.rowCount() > 0, timeout=10_000)
    history.entries.table.selectRow(0)
    assert FILE in history.diff_title.text()  # "Entry 1: Import of <h1>BIG.csv by test-dpo"

    dialog = window.editor.dialog_for(
        EntityKind.SUBPROCESSOR, window.register.subprocessors.get(sid)
    )
    assert isinstance(dialog, SubprocessorDialog)
    dialog.show()
    assert dialog.name.text() == NAME
    assert dialog.notes.toPlainText() == NOTE
    problems = {"name": f"Already a subprocessor named {NAME}", "elsewhere": f"From {FILE}"}
    dialog.show_problems(problems)  # errors quote data too
    assert rich_labels_with_data(window) == []
    assert rich_labels_with_data(dialog) == []
    dialog.dirty = False
    dialog.close()
    dialog.deleteLater()

    seen: list[tuple[Qt.TextFormat, str]] = []

    def read_question() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append((box.textFormat(), box.text()))
        box.button(QMessageBox.StandardButton.No).click()

    QTimer.singleShot(0, read_question)
    assert not window.editor.delete(EntityKind.SUBPROCESSOR, sid)  # answered No
    assert seen == [
        (Qt.TextFormat.PlainText, f"Delete the subprocessor “{NAME}”? You can undo it with Ctrl+Z.")
    ]
    box = jobs.show_error(window, "Cannot", ValueError(f"{FILE} is not readable"))
    assert box.textFormat() == Qt.TextFormat.PlainText
    box.close()
