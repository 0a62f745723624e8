"""Small tables of records inside a form: data categories, recipients, audit findings, actions.

`RecordTableEditor` edits rows of cells, each column a text, a closed list (an enum, shown by
its translated labels) or a date typed as in the date fields; a subclass turns rows into records
and back. A date that is not one is reported with its row, as the form reports its own fields.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from ui.labels import enum_label
from ui.widgets.form_editors import parse_date_text
from ui.widgets.list_editors import AddRemoveButtons
from ui.widgets.moment_edit import moment_field_text, parse_moment_text
from workbench.domain.enums import DataSensitivity, FindingSeverity, RecipientKind
from workbench.domain.records import AuditAction, AuditFinding, DataCategory, Recipient
from workbench.i18n import N_, _

TEXT = "text"
DATE = "date"
MOMENT = "moment"  # a date and hour on the Paris wall clock (ui.widgets.moment_edit)


@dataclass(frozen=True)
class TableColumn:
    title: str  # marked with N_, translated on display
    kind: str | type[Enum] = TEXT  # TEXT, DATE, MOMENT, or the enum of a closed list
    stretch: bool = False


class TableCellError(ValueError):
    """A cell that does not hold what its column takes (a date that is not one)."""

    def __init__(self, row: int, column: str, message: str) -> None:
        super().__init__(message)
        self.row, self.column = row, column


class RecordTableEditor(QWidget, AddRemoveButtons):
    changed = Signal()
    columns: tuple[TableColumn, ...] = ()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, len(self.columns))
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        for index, column in enumerate(self.columns):
            mode = QHeaderView.ResizeMode.Stretch if column.stretch else None
            header.setSectionResizeMode(index, mode or QHeaderView.ResizeMode.ResizeToContents)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(self._buttons())
        self.add_button.clicked.connect(self._add)
        self.remove_button.clicked.connect(self._remove)
        self.table.itemChanged.connect(lambda _item: self.changed.emit())
        self.setMinimumHeight(140)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.add_button.setText(_("Add"))
        self.remove_button.setText(_("Remove"))
        self.table.setHorizontalHeaderLabels([_(c.title) for c in self.columns])
        for row in range(self.table.rowCount()):
            for index, column in enumerate(self.columns):
                if isinstance(column.kind, type):
                    combo = self._combo(row, index)
                    for i, member in enumerate(column.kind):
                        combo.setItemText(i, enum_label(member))

    # -- rows of cell values -------------------------------------------------------------------
    def set_rows(self, rows: Sequence[Sequence[Any]]) -> None:
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        for cells in rows:
            self._append(cells)
        self.table.blockSignals(False)

    def rows(self) -> list[list[Any]]:
        """Cell values of the rows whose first cell has text; TableCellError for a bad date."""
        result = []
        for row in range(self.table.rowCount()):
            if not self._text(row, 0):
                continue
            cells: list[Any] = []
            for index, column in enumerate(self.columns):
                if isinstance(column.kind, type):
                    cells.append(list(column.kind)[self._combo(row, index).currentIndex()])
                elif column.kind == DATE:
                    cells.append(self._date(row, index))
                elif column.kind == MOMENT:
                    cells.append(self._moment(row, index))
                else:
                    cells.append(self._text(row, index))
            result.append(cells)
        return result

    def _date(self, row: int, index: int) -> dt.date | None:
        try:
            return parse_date_text(self._text(row, index))
        except ValueError:
            raise TableCellError(
                row + 1,
                _(self.columns[index].title),
                _("Row {row}, {column}: not a date; write it as 2026-11-23 or 23/11/2026.").format(
                    row=row + 1, column=_(self.columns[index].title)
                ),
            ) from None

    def _moment(self, row: int, index: int) -> dt.datetime | None:
        try:
            return parse_moment_text(self._text(row, index))
        except ValueError:
            title = _(self.columns[index].title)
            raise TableCellError(
                row + 1,
                title,
                _("Row {row}, {column}: write the date and hour, as 2026-03-27 10:00.").format(
                    row=row + 1, column=title
                ),
            ) from None

    def _text(self, row: int, index: int) -> str:
        item = self.table.item(row, index)
        return item.text().strip() if item else ""

    def _combo(self, row: int, index: int) -> QComboBox:
        widget = self.table.cellWidget(row, index)
        assert isinstance(widget, QComboBox)  # noqa: S101 - set by _append
        return widget

    def _append(self, cells: Sequence[Any]) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for index, (column, value) in enumerate(zip(self.columns, cells, strict=True)):
            if isinstance(column.kind, type):
                combo = QComboBox()
                # sized to a short label, not to the longest one ("Données d'infraction
                # (art. 10)"), which would leave the name column no room
                combo.setSizeAdjustPolicy(
                    QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
                )
                combo.setMinimumContentsLength(10)
                members = list(column.kind)
                for member in members:
                    combo.addItem(enum_label(member), member.value)
                combo.setCurrentIndex(members.index(value) if value in members else 0)
                combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
                self.table.setCellWidget(row, index, combo)
            elif column.kind == MOMENT:
                moment = value if isinstance(value, dt.datetime) else None
                self.table.setItem(row, index, QTableWidgetItem(moment_field_text(moment)))
            elif column.kind == DATE:
                text = value.isoformat() if isinstance(value, dt.date) else ""
                self.table.setItem(row, index, QTableWidgetItem(text))
            else:
                self.table.setItem(row, index, QTableWidgetItem(str(value or "")))
        return row

    def _add(self) -> None:
        row = self._append([None] * len(self.columns))
        self.table.setCurrentCell(row, 0)
        item = self.table.item(row, 0)
        if item is not None:
            self.table.editItem(item)
        self.changed.emit()

    def _remove(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            self.changed.emit()


class CategoryEditor(RecordTableEditor):
    """Categories of personal data: name, sensitivity (Art. 9 / 10 / NIR) and data subject."""

    columns = (
        TableColumn(N_("Category"), stretch=True),
        TableColumn(N_("Sensitivity"), DataSensitivity),
        TableColumn(N_("Data subject")),
    )

    def set_values(self, categories: tuple[DataCategory, ...]) -> None:
        self.set_rows([(c.name, c.sensitivity, c.subject) for c in categories])

    def values(self) -> tuple[DataCategory, ...]:
        return tuple(
            DataCategory(name, sensitivity, subject) for name, sensitivity, subject in self.rows()
        )


class RecipientEditor(RecordTableEditor):
    """Art. 30(1)(d) recipients other than the linked subprocessors: name, kind, what or why."""

    columns = (
        TableColumn(N_("Recipient"), stretch=True),
        TableColumn(N_("Kind"), RecipientKind),
        TableColumn(N_("Receives, or why"), stretch=True),
    )

    def set_values(self, recipients: tuple[Recipient, ...]) -> None:
        self.set_rows([(r.name, r.kind, r.detail) for r in recipients])

    def values(self) -> tuple[Recipient, ...]:
        return tuple(Recipient(name, kind, detail) for name, kind, detail in self.rows())


class FindingEditor(RecordTableEditor):
    """What an audit found: title, severity, description."""

    columns = (
        TableColumn(N_("Finding")),
        TableColumn(N_("Severity"), FindingSeverity),
        TableColumn(N_("Description"), stretch=True),
    )

    def set_values(self, findings: tuple[AuditFinding, ...]) -> None:
        self.set_rows([(f.title, f.severity, f.description) for f in findings])

    def values(self) -> tuple[AuditFinding, ...]:
        return tuple(AuditFinding(title, severity, text) for title, severity, text in self.rows())


class ActionEditor(RecordTableEditor):
    """What the audit asks to be done: action, owner, due date, date done (checks flag the late
    ones)."""

    columns = (
        TableColumn(N_("Action"), stretch=True),
        TableColumn(N_("Owner")),
        TableColumn(N_("Due on"), DATE),
        TableColumn(N_("Done on"), DATE),
    )

    def set_values(self, actions: tuple[AuditAction, ...]) -> None:
        self.set_rows([(a.title, a.owner, a.due_on, a.done_on) for a in actions])

    def values(self) -> tuple[AuditAction, ...]:
        """TableCellError names the row and column of a date that is not one."""
        return tuple(AuditAction(*cells) for cells in self.rows())
