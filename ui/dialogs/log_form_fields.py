"""Fields of the breach and request forms: text boxes that keep their height, and readers that
put what is wrong in the form's problems (shown under the field) instead of guessing."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QSizePolicy

from ui.widgets.moment_edit import MomentEdit
from ui.widgets.table_editor import TableCellError
from workbench.i18n import N_, _

MOMENT_ERROR = N_("Not a moment: write the date and hour, as 2026-03-27 10:00 (Paris time).")


def text_box(height: int = 60) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setFixedHeight(height)
    # fixed, or the form hands its spare height to these rows and spreads them apart
    box.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    return box


def read_moment(problems: dict[str, str], key: str, editor: MomentEdit) -> dt.datetime | None:
    try:
        return editor.value()
    except ValueError:
        problems[key] = _(MOMENT_ERROR)
        return None


def read_count(problems: dict[str, str], key: str, editor: QLineEdit) -> int | None:
    """An approximate number ("1 200" as French writes it); None when left empty (unknown)."""
    text = editor.text().strip().replace(" ", "").replace("\u202f", "").replace("\u00a0", "")
    if not text:
        return None
    if not text.isdigit():
        problems[key] = _("A whole number (an estimate is fine), or nothing if unknown.")
        return None
    return int(text)


def read_table(
    problems: dict[str, str], key: str, editor: Any, previous: tuple[Any, ...]
) -> tuple[Any, ...]:
    """The editor's records; on a bad cell, the problem and the values as they were."""
    try:
        values: tuple[Any, ...] = editor.values()
    except TableCellError as exc:
        problems[key] = str(exc)
        return previous
    return values
