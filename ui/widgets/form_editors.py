"""Small editors the entity forms are made of: dates, enum and country pickers, id links."""

from __future__ import annotations

import datetime as dt
import re
from enum import Enum
from typing import Generic, TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.accessibility import set_accessible_name
from ui.labels import REGION_LABELS, countries, enum_label
from workbench.i18n import _, current_locale

E = TypeVar("E", bound=Enum)
_FRENCH_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")


class DateEdit(QLineEdit):
    """An optional date, typed as 2026-11-23 or 23/11/2026. Empty means no date."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setClearButtonEnabled(True)
        self.setMaximumWidth(160)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        # the lists' format in French (23/11/2026); ISO in English, unambiguous to type back
        french = current_locale() == "fr"
        self.setPlaceholderText(_("DD/MM/YYYY") if french else _("YYYY-MM-DD"))
        try:
            current = self.value()
        except ValueError:
            return  # what the user typed stays as typed
        if current is not None:  # the same date, rewritten: not an edit of the field
            blocked = self.blockSignals(True)
            self.set_value(current)
            self.blockSignals(blocked)

    def set_value(self, value: dt.date | None) -> None:
        self.setText(date_input_text(value))

    def value(self) -> dt.date | None:
        """The date typed, None when empty; ValueError when the text is not a date."""
        return parse_date_text(self.text())


def date_input_text(value: dt.date | None) -> str:
    """A date as a date field shows it: 23/11/2026 in French, 2026-11-23 in English."""
    if value is None:
        return ""
    return value.strftime("%d/%m/%Y") if current_locale() == "fr" else value.isoformat()


def parse_date_text(text: str) -> dt.date | None:
    """A date typed as 2026-11-23 or 23/11/2026; None when empty; ValueError otherwise."""
    text = text.strip()
    if not text:
        return None
    match = _FRENCH_DATE.match(text)
    if match:
        day, month, year = (int(g) for g in match.groups())
        return dt.date(year, month, day)
    return dt.date.fromisoformat(text)


class EnumComboBox(QComboBox, Generic[E]):
    """A closed list of codes shown with their translated labels; optionally empty."""

    def __init__(
        self, enum_cls: type[E], allow_empty: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._members: list[E | None] = [None] if allow_empty else []
        self._members += list(enum_cls)
        for _member in self._members:
            self.addItem("")
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        for i, member in enumerate(self._members):
            self.setItemText(i, enum_label(member) if member is not None else _("(not set)"))

    def value(self) -> E | None:
        return self._members[self.currentIndex()] if self.currentIndex() >= 0 else None

    def set_value(self, value: E | None) -> None:
        self.setCurrentIndex(self._members.index(value) if value in self._members else 0)


class TriStateComboBox(QComboBox):
    """Yes / No / not known, for the `bool | None` fields."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.addItems(["", "", ""])
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        for i, text in enumerate((_("(not known)"), _("Yes"), _("No"))):
            self.setItemText(i, text)

    def value(self) -> bool | None:
        return (None, True, False)[max(self.currentIndex(), 0)]

    def set_value(self, value: bool | None) -> None:
        self.setCurrentIndex({None: 0, True: 1, False: 2}[value])


class CountryPicker(QComboBox):
    """A country (ISO 3166-1 alpha-2) or region, searchable by any part of its name or code."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(15)
        completer = QCompleter(self.model(), self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        current = self.value()
        self.blockSignals(True)
        self.clear()
        for code, label in REGION_LABELS.items():
            self.addItem(f"{_(label)} ({code})", code)
        for code, name in countries(current_locale()).items():
            self.addItem(f"{name} ({code})", code)
        self.set_value(current)
        self.blockSignals(False)

    def value(self) -> str:
        """The chosen code; "" when nothing matches what was typed."""
        text = self.currentText().strip()
        index = self.findText(text, Qt.MatchFlag.MatchFixedString)
        if index < 0:
            upper = text.upper()
            index = self.findData(upper) if len(upper) in (2, 3) or upper in REGION_LABELS else -1
        return str(self.itemData(index)) if index >= 0 else ""

    def set_value(self, code: str) -> None:
        index = self.findData(code)
        self.setCurrentIndex(index)
        if index < 0:
            self.setEditText(code)


class LinkedItemsEditor(QWidget):
    """Links to other records: tick the ones that apply, filter by name, open one."""

    changed = Signal()
    open_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.filter_edit = QLineEdit()
        self.filter_edit.setClearButtonEnabled(True)
        self.list = QListWidget()
        self.open_button = QPushButton()
        self._given_order: tuple[int, ...] = ()
        row = QHBoxLayout()
        row.addWidget(self.filter_edit, 1)
        row.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.list)
        self.filter_edit.textChanged.connect(self._filter)
        self.list.itemChanged.connect(lambda _item: self.changed.emit())
        self.list.itemDoubleClicked.connect(self._open_item)
        self.open_button.clicked.connect(lambda: self._open_item(self.list.currentItem()))
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.filter_edit.setPlaceholderText(_("Filter…"))
        set_accessible_name(self.filter_edit, _("Filter the list"))
        self.open_button.setText(_("Open"))

    def set_items(self, items: list[tuple[int, str]], checked: tuple[int, ...]) -> None:
        self._given_order = checked
        self.list.blockSignals(True)
        self.list.clear()
        for entity_id, name in items:
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, entity_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if entity_id in checked else Qt.CheckState.Unchecked
            )
            self.list.addItem(item)
        self.list.blockSignals(False)

    def checked_ids(self) -> tuple[int, ...]:
        """The ticked ids: those given in their given order, then the newly ticked ones (a
        form that only reads them gives back the very value it was given)."""
        ticked = [
            int(item.data(Qt.ItemDataRole.UserRole))
            for item in (self.list.item(i) for i in range(self.list.count()))
            if item.checkState() == Qt.CheckState.Checked
        ]
        kept = tuple(i for i in self._given_order if i in ticked)
        return kept + tuple(i for i in ticked if i not in kept)

    def _filter(self, text: str) -> None:
        needle = text.casefold()
        for i in range(self.list.count()):
            item = self.list.item(i)
            item.setHidden(needle not in item.text().casefold())

    def _open_item(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.open_requested.emit(int(item.data(Qt.ItemDataRole.UserRole)))
