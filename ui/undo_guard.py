"""Undo that asks before it removes much: a big operation (an import, the demo load, more than
BIG_UNDO_RECORDS records) or one done before this launch of the application is undone only
after the user read what it will remove. And the undo history, to see what Ctrl+Z would undo."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.labels import enum_label
from ui.plain_text import Button, ask
from workbench.domain.enums import ChangeAction
from workbench.i18n import _, ngettext
from workbench.services import Register
from workbench.services.journal_service import OperationInfo
from workbench.services.operation_labels import LOAD_DEMO, operation_label

BIG_UNDO_RECORDS = 10


def _what_undo_does(action: ChangeAction) -> str:
    texts = {
        ChangeAction.CREATE: _("removes {count} × {kind}"),
        ChangeAction.UPDATE: _("restores the earlier version of {count} × {kind}"),
        ChangeAction.DELETE: _("brings back {count} × {kind}"),
    }
    return texts[action]


def utc(at: dt.datetime) -> dt.datetime:
    return at if at.tzinfo else at.replace(tzinfo=dt.UTC)  # SQLite gives naive UTC times


def moment_text(at: dt.datetime) -> str:
    return utc(at).astimezone().strftime("%d/%m/%Y %H:%M")


def undo_question(
    register: Register, operation: OperationInfo, started_at: dt.datetime
) -> str | None:
    """The question to ask before undoing `operation`, or None when it may go without asking."""
    summary = register.journal.operation_summary(operation.id)
    records = sum(summary.values())
    earlier = utc(operation.at) < started_at
    big = operation.kind == "import" or operation.label == LOAD_DEMO or records > BIG_UNDO_RECORDS
    if not (big or earlier):
        return None
    lines = [
        _("Undo “{label}”, recorded on {moment} by {author}?").format(
            label=operation_label(operation.label),
            moment=moment_text(operation.at),
            author=operation.author,
        )
    ]
    if earlier:
        lines.append(_("It was done before this launch of the application."))
    lines.append(
        ngettext(
            "Undoing it changes {count} record:", "Undoing it changes {count} records:", records
        ).format(count=records)
    )
    for (kind, action), count in sorted(summary.items(), key=lambda i: -i[1]):
        lines.append(
            "• " + _what_undo_does(action).format(count=count, kind=enum_label(kind).lower())
        )
    return "\n".join(lines)


def confirm_undo(
    parent: QWidget, register: Register, operation: OperationInfo, started_at: dt.datetime
) -> bool:
    question = undo_question(register, operation, started_at)
    return question is None or ask(parent, _("Undo"), question, default=Button.No)


class UndoHistoryDialog(QDialog):
    """The operations of the journal, newest first: what Ctrl+Z and Ctrl+Y would take."""

    def __init__(self, register: Register, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("undo_history")
        self.setWindowTitle(_("Undo history"))
        self.table = QTableWidget(0, 4)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setHorizontalHeaderLabels([_("When"), _("Who"), _("State"), _("Operation")])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        next_undo = register.journal.can_undo()
        operations = register.journal.operations(limit=200)
        self.table.setRowCount(len(operations))
        for row, op in enumerate(operations):
            if op.kind in ("undo", "redo"):
                state = _("undo") if op.kind == "undo" else _("redo")
            elif op.undone:
                state = _("undone")
            elif next_undo is not None and op.id == next_undo.id:
                state = _("next to undo (Ctrl+Z)")
            else:
                state = ""
            for column, text in enumerate(
                (moment_text(op.at), op.author, state, operation_label(op.label))
            ):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.resize(760, 480)
