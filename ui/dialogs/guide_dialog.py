"""The user guide (F1): resources/guide/guide_<lang>.md with its pictures, in a QTextBrowser.

The guide is our own text, so it is shown as Markdown (rich text); no register data is in it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from workbench.i18n import DEFAULT_LOCALE, _, current_locale

GUIDE_DIR = Path(__file__).resolve().parents[2] / "resources" / "guide"


def guide_path(locale: str | None = None) -> Path:
    """The guide in `locale` (the interface's by default), else in the default language."""
    wanted = GUIDE_DIR / f"guide_{locale or current_locale()}.md"
    return wanted if wanted.is_file() else GUIDE_DIR / f"guide_{DEFAULT_LOCALE}.md"


class GuideDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guide_dialog")
        self.setWindowTitle(_("User guide"))
        self.browser = QTextBrowser()
        self.browser.setObjectName("guide_browser")
        self.browser.setOpenExternalLinks(False)
        self.browser.setAccessibleName(_("User guide"))
        path = guide_path()
        self.browser.setSearchPaths([str(path.parent)])
        self.browser.setSource(
            QUrl.fromLocalFile(str(path)), QTextDocument.ResourceType.MarkdownResource
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(900, 640)
        self.setMinimumSize(480, 360)
