"""How a form shows a value the application inferred: never like one a person stated.

A marked field gets a warning icon beside its label, a tinted frame around its editor and, under
it, a bar that says "To be verified", why (`inference.describe`), and offers "Confirm". Text and
icon carry the meaning; the tint only helps the eye (colour alone would not do, WCAG 1.4.1).
"""

from __future__ import annotations

import html
from collections.abc import Iterable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStyle,
    QWidget,
)

from ui.journal_text import field_label
from workbench.domain import inference
from workbench.domain.records import Unconfirmed
from workbench.i18n import _, ngettext

# Amber frame and tint; the dark brown text on the tint has a contrast ratio above 7:1.
TINT = "#fff3cd"
EDGE = "#b26a00"
INK = "#5c3b00"
ROW_STYLE = (
    f"#inferredRow {{ background-color: {TINT}; border-left: 4px solid {EDGE};"
    " border-radius: 3px; }"
)
BANNER_STYLE = (
    f"#inferredBanner {{ background-color: {TINT}; border: 1px solid {EDGE};"
    f" border-radius: 4px; }} #inferredBanner QLabel {{ color: {INK}; }}"
)


def warning_icon() -> QIcon:
    return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)


def plain_label(text: str = "") -> QLabel:
    """A label showing data: never interpreted as markup."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def plain_tooltip(text: str) -> str:
    """A tooltip showing `text` as written. Qt takes a tooltip that looks like markup for rich
    text, and source texts are data: escaped in a paragraph that keeps the line breaks (and
    wraps the long lines a plain tooltip would not)."""
    return f"<p style='white-space:pre-wrap'>{html.escape(text)}</p>" if text else ""


def marks_tooltip(marks: Iterable[Unconfirmed]) -> str:
    lines = [_("To be verified: the application inferred this value.")]
    lines += ["• " + inference.describe(m) for m in marks]
    return "\n".join(lines)


def reasons_text(marks: Iterable[Unconfirmed]) -> str:
    """For a list's tooltip: each marked field by its label, and why it is marked."""
    lines = [f"• {field_label(m.field.split('.')[0])}: {inference.describe(m)}" for m in marks]
    return "\n".join([_("To be verified:"), *lines]) if lines else ""


def fields_text(marks: Iterable[Unconfirmed]) -> str:
    """The marked fields by their labels, each once, in the order of the marks."""
    labels = dict.fromkeys(field_label(m.field.split(".")[0]) for m in marks)
    return ", ".join(labels)


class MarkBar(QWidget):
    """Under a marked editor: "To be verified", the reason, and a Confirm button."""

    confirm_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.icon = QLabel()
        self.icon.setPixmap(warning_icon().pixmap(16, 16))
        self.badge = plain_label()
        self.badge.setStyleSheet(f"color: {INK}; font-weight: bold;")
        self.reason = plain_label()
        self.reason.setWordWrap(True)
        self.reason.setStyleSheet(f"color: {INK};")
        self.reason.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.confirm_button = QPushButton()
        self.confirm_button.clicked.connect(self.confirm_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.reason, 1)
        layout.addWidget(self.confirm_button, 0, Qt.AlignmentFlag.AlignTop)
        self._marks: tuple[Unconfirmed, ...] = ()
        self._edited = False
        self._repeated = False
        self.hide()

    def set_marks(
        self, marks: tuple[Unconfirmed, ...], edited: bool, repeated: bool = False
    ) -> None:
        """`repeated`: a mark on a whole value (the security policy) already shown on the row of
        its first part: the others only refer to it."""
        self._marks, self._edited, self._repeated = marks, edited, repeated
        self.retranslate_ui()
        self.setVisible(bool(marks))

    def retranslate_ui(self) -> None:
        self.confirm_button.setText(_("Confirm"))
        if self._edited:
            self.badge.setText(_("Edited:"))
            self.reason.setText(_("the value you entered is saved as stated by you."))
        else:
            self.badge.setText(_("To be verified:"))
            self.reason.setText(
                _("as above.")
                if self._repeated
                else " · ".join(inference.describe(m) for m in self._marks)
            )
        self.confirm_button.setVisible(not self._edited)
        self.confirm_button.setToolTip(
            _("Confirm this value as correct: it is then recorded as stated by you.")
        )
        self.setToolTip(plain_tooltip(marks_tooltip(self._marks)) if self._marks else "")


class InferredBanner(QWidget):
    """At the top of a form: how many values are still to verify, and "Confirm all"."""

    confirm_all_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("inferredBanner")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(BANNER_STYLE)
        icon = QLabel()
        icon.setPixmap(warning_icon().pixmap(20, 20))
        self.text = plain_label()
        self.text.setWordWrap(True)
        self.confirm_all_button = QPushButton()
        self.confirm_all_button.clicked.connect(self.confirm_all_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.confirm_all_button, 0, Qt.AlignmentFlag.AlignTop)
        self._marks: tuple[Unconfirmed, ...] = ()
        self._confirmed = 0
        self.hide()

    def set_state(self, marks: tuple[Unconfirmed, ...], confirmed: int) -> None:
        self._marks, self._confirmed = marks, confirmed
        self.retranslate_ui()
        self.setVisible(bool(marks) or confirmed > 0)

    def retranslate_ui(self) -> None:
        self.confirm_all_button.setText(_("Confirm all inferred values"))
        self.confirm_all_button.setVisible(bool(self._marks))
        parts = []
        if self._marks:
            parts.append(
                ngettext(
                    "{count} value was inferred by the application and is to be verified: "
                    "{fields}.",
                    "{count} values were inferred by the application and are to be verified: "
                    "{fields}.",
                    len(self._marks),
                ).format(count=len(self._marks), fields=fields_text(self._marks))
            )
        if self._confirmed:
            parts.append(
                ngettext(
                    "{count} value confirmed: it is recorded as stated when you save.",
                    "{count} values confirmed: they are recorded as stated when you save.",
                    self._confirmed,
                ).format(count=self._confirmed)
            )
        self.text.setText(" ".join(parts))
