"""Multi-value editors: a list of texts, of data categories, of locations."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.labels import country_name, enum_label
from ui.widgets.form_editors import CountryPicker
from workbench.domain.enums import DataSensitivity, LocationKind
from workbench.domain.records import DataCategory, Location
from workbench.domain.reference import REGIONS
from workbench.i18n import _


class _ButtonsMixin:
    add_button: QPushButton
    remove_button: QPushButton

    def _buttons(self) -> QVBoxLayout:
        self.add_button = QPushButton()
        self.remove_button = QPushButton()
        column = QVBoxLayout()
        column.addWidget(self.add_button)
        column.addWidget(self.remove_button)
        column.addStretch(1)
        return column


class StringListEditor(QWidget, _ButtonsMixin):
    """A list of short texts (data subjects, recipients, measures); double-click to edit."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list = QListWidget()
        self.list.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list, 1)
        layout.addLayout(self._buttons())
        self.add_button.clicked.connect(self._add)
        self.remove_button.clicked.connect(self._remove)
        self.list.itemChanged.connect(lambda _item: self.changed.emit())
        self.setMinimumHeight(90)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.add_button.setText(_("Add"))
        self.remove_button.setText(_("Remove"))

    def set_values(self, values: tuple[str, ...]) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for value in values:
            self._append(value)
        self.list.blockSignals(False)

    def values(self) -> tuple[str, ...]:
        texts = (self.list.item(i).text().strip() for i in range(self.list.count()))
        return tuple(t for t in texts if t)

    def _append(self, text: str) -> QListWidgetItem:
        item = QListWidgetItem(text)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        self.list.addItem(item)
        return item

    def _add(self) -> None:
        item = self._append("")
        self.list.setCurrentItem(item)
        self.list.editItem(item)
        self.changed.emit()

    def _remove(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.list.takeItem(row)
            self.changed.emit()


class CategoryEditor(QWidget, _ButtonsMixin):
    """Categories of personal data: name, sensitivity (Art. 9 / 10 / NIR) and data subject."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, 3)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(2, 160)
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
        self.table.setHorizontalHeaderLabels([_("Category"), _("Sensitivity"), _("Data subject")])
        for row in range(self.table.rowCount()):
            combo = self._combo(row)
            for i, member in enumerate(DataSensitivity):
                combo.setItemText(i, enum_label(member))

    def set_values(self, categories: tuple[DataCategory, ...]) -> None:
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        for category in categories:
            self._append(category)
        self.table.blockSignals(False)

    def values(self) -> tuple[DataCategory, ...]:
        result = []
        for row in range(self.table.rowCount()):
            name = self._text(row, 0)
            if name:
                sensitivity = list(DataSensitivity)[self._combo(row).currentIndex()]
                result.append(DataCategory(name, sensitivity, self._text(row, 2)))
        return tuple(result)

    def _text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text().strip() if item else ""

    def _combo(self, row: int) -> QComboBox:
        widget = self.table.cellWidget(row, 1)
        assert isinstance(widget, QComboBox)  # noqa: S101 - set by _append
        return widget

    def _append(self, category: DataCategory) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, 0, QTableWidgetItem(category.name))
        combo = QComboBox()
        for member in DataSensitivity:
            combo.addItem(enum_label(member), member.value)
        combo.setCurrentIndex(list(DataSensitivity).index(category.sensitivity))
        combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.table.setCellWidget(row, 1, combo)
        self.table.setItem(row, 2, QTableWidgetItem(category.subject))
        return row

    def _add(self) -> None:
        row = self._append(DataCategory(""))
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


class LocationListEditor(QWidget, _ButtonsMixin):
    """Where a subprocessor processes data: countries and regions picked from a searchable list."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.picker = CountryPicker()
        self.list = QListWidget()
        self.list.setMaximumHeight(110)
        left = QVBoxLayout()
        left.addWidget(self.picker)
        left.addWidget(self.list)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(left, 1)
        layout.addLayout(self._buttons())
        self.add_button.clicked.connect(self._add)
        self.remove_button.clicked.connect(self._remove)
        self._locations: list[Location] = []
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.add_button.setText(_("Add"))
        self.remove_button.setText(_("Remove"))
        self.picker.retranslate_ui()
        self._refresh()

    def set_values(self, locations: tuple[Location, ...]) -> None:
        self._locations = list(locations)
        self._refresh()

    def values(self) -> tuple[Location, ...]:
        return tuple(self._locations)

    def pending_code(self) -> str:
        """What is typed in the picker but not added yet ("" if nothing valid)."""
        return self.picker.value()

    def _refresh(self) -> None:
        self.list.clear()
        for location in self._locations:
            text = f"{country_name(location.code)} ({location.code})"
            self.list.addItem(f"{text} – {location.detail}" if location.detail else text)

    def _add(self) -> None:
        code = self.picker.value()
        if not code or any(loc.code == code for loc in self._locations):
            return
        kind = LocationKind.REGION if code in REGIONS else LocationKind.COUNTRY
        self._locations.append(Location(code, kind))
        self._refresh()
        self.changed.emit()

    def _remove(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            del self._locations[row]
            self._refresh()
            self.changed.emit()
