"""Widgets that show register or file content as written, never as markup (STYLE.md B12).

Qt guesses: a QLabel or QMessageBox whose text "looks like" HTML (`<font color=red>CONFORME`,
`<h1>BIG.csv`) is rendered as rich text. Data is never given that chance: these helpers set
`Qt.TextFormat.PlainText` first.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from ui.widgets.inferred_marks import plain_label

PLAIN = Qt.TextFormat.PlainText
Button = QMessageBox.StandardButton


def message_box(
    parent: QWidget | None,
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    buttons: Button = Button.Ok,
    default: Button = Button.NoButton,
) -> QMessageBox:
    box = QMessageBox(icon, title, "", buttons, parent)
    box.setTextFormat(PLAIN)
    box.setText(text)
    if default != Button.NoButton:
        box.setDefaultButton(default)
    return box


def ask(parent: QWidget | None, title: str, text: str, default: Button = Button.Yes) -> bool:
    """A Yes/No question showing `text` as written; True for Yes."""
    box = message_box(
        parent, QMessageBox.Icon.Question, title, text, Button.Yes | Button.No, default
    )
    return box.exec() == Button.Yes


def inform(parent: QWidget | None, title: str, text: str) -> None:
    message_box(parent, QMessageBox.Icon.Information, title, text).exec()


__all__ = ["ask", "inform", "message_box", "plain_label"]
