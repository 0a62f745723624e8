"""No traceback ever reaches the user: uncaught errors are logged and shown as a dialog."""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from types import TracebackType

from platformdirs import user_log_dir

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from ui.jobs import error_text
from workbench.domain.errors import WorkbenchError
from workbench.i18n import _

log = logging.getLogger("ui")
APP_NAME = "dpo-workbench"


def log_file() -> Path:
    folder = Path(user_log_dir(APP_NAME, appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    return folder / "workbench.log"


def setup_logging() -> Path:
    path = log_file()
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return path


def handle_exception(
    kind: type[BaseException], error: BaseException, tb: TracebackType | None
) -> None:
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, error, tb)
        return
    if not isinstance(error, WorkbenchError):
        log.error("Uncaught error", exc_info=(kind, error, tb))
    if not isinstance(QCoreApplication.instance(), QApplication):
        sys.__excepthook__(kind, error, tb)
        return
    text = error_text(error)
    if not isinstance(error, WorkbenchError):
        text += "\n\n" + _("The details were written to {path}.").format(path=log_file())
    box = QMessageBox(
        QMessageBox.Icon.Critical, _("Something went wrong"), "", parent=_active_window()
    )
    box.setTextFormat(Qt.TextFormat.PlainText)  # an error names files and records: data
    box.setText(text)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()


def _active_window() -> QWidget | None:
    return QApplication.activeWindow()


def install_excepthook() -> None:
    sys.excepthook = handle_exception
