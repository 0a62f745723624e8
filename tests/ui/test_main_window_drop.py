"""A file dropped on the main window opens the import wizard on that file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from ui.dialogs.import_wizard import ImportWizard

pytestmark = pytest.mark.gui

DATA = Path(__file__).parent.parent / "data"


def _mime(*paths: Path) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    return mime


def _drag_enter(window: Any, mime: QMimeData) -> bool:
    return _send(window, QDragEnterEvent, mime)


def _drop(window: Any, mime: QMimeData) -> bool:
    return _send(window, QDropEvent, mime)


def _send(window: Any, event_type: type[QDropEvent], mime: QMimeData) -> bool:
    """Whether the window accepts a drag (enter) or a drop of `mime` at its middle."""
    # QDragEnterEvent takes a QPoint, QDropEvent a QPointF (Qt 6; PySide6 6.12 accepts either)
    where = QPoint(200, 200) if event_type is QDragEnterEvent else QPointF(200, 200)
    event = event_type(
        where,
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    event.ignore()
    QApplication.sendEvent(window, event)
    return event.isAccepted()


@pytest.fixture
def opened_wizards(monkeypatch: pytest.MonkeyPatch) -> list[ImportWizard]:
    """The wizards the window opens, recorded instead of shown modally (exec would block)."""
    opened: list[ImportWizard] = []

    def record(wizard: ImportWizard) -> int:
        opened.append(wizard)
        return 0

    monkeypatch.setattr(ImportWizard, "exec", record)
    return opened


def test_dropping_a_spreadsheet_opens_the_import_wizard_on_it(
    window: Any, opened_wizards: list[ImportWizard]
) -> None:
    sheet = DATA / "annex1.xlsx"
    assert window.acceptDrops()
    assert _drag_enter(window, _mime(sheet))
    assert _drop(window, _mime(sheet))
    assert len(opened_wizards) == 1
    wizard = opened_wizards[0]
    assert wizard.file_page.path == sheet
    assert wizard.register is window.register
    assert wizard.parent() is window
    wizard.deleteLater()


def test_files_the_import_cannot_read_are_refused(
    window: Any, opened_wizards: list[ImportWizard], tmp_path: Path
) -> None:
    picture = tmp_path / "scan.png"
    picture.write_bytes(b"\x89PNG")
    assert not _drag_enter(window, _mime(picture))
    assert not _drop(window, _mime(picture))
    # Several files at once: which one to import is not clear, so none is.
    both = _mime(DATA / "annex1.xlsx", DATA / "annex2.ods")
    assert not _drag_enter(window, both)
    assert not _drop(window, both)
    assert opened_wizards == []
