"""Removing the selected row of a record's sub-table (its certificates, its attached files):
ask first, naming the row as shown (plain text: it is data), then one journaled operation that
Ctrl+Z undoes, published on the change bus; a refusal is an error dialog, never a traceback."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableWidget, QWidget

from ui.change_bus import ChangeBus
from ui.jobs import show_error
from ui.plain_text import ask
from workbench.domain.errors import WorkbenchError
from workbench.domain.records import Changes


def selected_id(table: QTableWidget) -> int | None:
    """The record id kept (UserRole) in the first cell of the current row, None without one."""
    row = table.currentRow()
    item = table.item(row, 0) if row >= 0 else None
    return int(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None


def remove_selected_row(
    parent: QWidget,
    table: QTableWidget,
    bus: ChangeBus,
    remove: Callable[[int], Changes],
    texts: tuple[str, str, str],
) -> bool:
    """`texts`: the question's title, the question with {name} (the row's first cell), the
    title of the error shown when the register refuses. True once removed."""
    record_id = selected_id(table)
    if record_id is None:
        return False
    title, question, failure = texts
    cell = table.item(table.currentRow(), 0)
    if not ask(parent, title, question.format(name=cell.text() if cell is not None else "")):
        return False
    try:
        changes = remove(record_id)
    except WorkbenchError as exc:
        show_error(parent, failure, exc)
        return False
    bus.publish(changes)
    return True
