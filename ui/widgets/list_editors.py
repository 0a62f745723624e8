"""Multi-value editors: a list of texts, of locations (tables of records: table_editor.py)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.labels import country_name
from ui.widgets.form_editors import CountryPicker
from workbench.domain.enums import LocationKind
from workbench.domain.records import Location
from workbench.domain.reference import REGIONS
from workbench.i18n import _


class AddRemoveButtons:
    """The Add / Remove column beside a list or table editor."""

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


class StringListEditor(QWidget, AddRemoveButtons):
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


class LocationListEditor(QWidget, AddRemoveButtons):
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
