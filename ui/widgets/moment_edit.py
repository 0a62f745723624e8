"""A moment typed on the Paris wall clock ("2026-03-27 10:00" or "27/03/2026 10:00").

The 72 hours of Art. 33(1) need the instant, so a moment without an hour is refused rather than
read as midnight: that would be a guess presented as the time of awareness.
"""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtWidgets import QLineEdit, QWidget

from workbench.compliance.legal_clocks import LOCAL_TIME, local
from workbench.i18n import _

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})[ T](\d{1,2}):(\d{2})$")
_FRENCH = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4}) (\d{1,2})[:h](\d{2})$")


def parse_moment_text(text: str) -> dt.datetime | None:
    """None when empty; ValueError when not a date with an hour."""
    text = " ".join(text.split())
    if not text:
        return None
    iso, french = _ISO.match(text), _FRENCH.match(text)
    if iso:
        year, month, day, hour, minute = (int(g) for g in iso.groups())
    elif french:
        day, month, year, hour, minute = (int(g) for g in french.groups())
    else:
        raise ValueError(text)
    return dt.datetime(year, month, day, hour, minute, tzinfo=LOCAL_TIME)


def moment_field_text(moment: dt.datetime | None) -> str:
    return "" if moment is None else f"{local(moment):%Y-%m-%d %H:%M}"


class MomentEdit(QLineEdit):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setClearButtonEnabled(True)
        self.setMaximumWidth(280)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setPlaceholderText(_("YYYY-MM-DD HH:MM (Paris time)"))

    def set_value(self, value: dt.datetime | None) -> None:
        self.setText(moment_field_text(value))

    def value(self) -> dt.datetime | None:
        return parse_moment_text(self.text())
