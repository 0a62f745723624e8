"""The change journal: who changed what and when, filterable, with each field before/after."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelection, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.journal_text import ListChange, decoded, field_label, field_text, list_change
from ui.models.entity_table_model import Role
from ui.models.journal_table_model import JournalTableModel, field_changes
from ui.settings import Settings
from ui.widgets.entity_list_widget import EntityListWidget
from ui.widgets.inferred_marks import plain_label
from workbench.domain.enums import EntityKind
from workbench.domain.records import JournalEntry
from workbench.i18n import _, ngettext
from workbench.services.operation_labels import operation_label

SUBPROCESSOR_LINKS = frozenset({"subprocessor_id", "subprocessor_ids"})
REMOVED_COLOUR = QColor("#c62828")  # red, as the checks' errors
ADDED_COLOUR = QColor("#2e7d32")  # green


class HistoryWidget(QWidget):
    record_requested = Signal(object, int)  # EntityKind, entity id

    def __init__(self, model: JournalTableModel, settings: Settings) -> None:
        super().__init__()
        self.model = model
        self.entries = EntityListWidget(model, settings, editable=False)
        self.diff_title = plain_label()
        self.diff = QTableWidget(0, 3)
        self.diff.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.diff.verticalHeader().setVisible(False)
        self.diff.horizontalHeader().setStretchLastSection(True)
        self.diff.setWordWrap(True)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.diff_title)
        lower_layout.addWidget(self.diff)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.entries)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        # Newest first.
        self.entries.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.entries.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.entries.open_requested.connect(self._open_record)
        model.modelReset.connect(self._show_selected)
        self.retranslate_ui()

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._show_selected()

    def selected_entry(self) -> JournalEntry | None:
        row = self.entries.current_row()
        if row < 0 or not self.entries.table.selectionModel().hasSelection():
            return None
        entry: JournalEntry = self.model.index(row, 0).data(Role.ROW)
        return entry

    def _show_selected(self) -> None:
        entry = self.selected_entry()
        changes = field_changes(entry) if entry else []
        self.diff.setRowCount(len(changes))
        if entry is None:
            self._retitle(entry)
            return
        before = decoded(entry.entity_kind, entry.before)
        after = decoded(entry.entity_kind, entry.after)
        names = self.model.record_names() if changes else {}
        for row, change in enumerate(changes):
            linked = names.get(
                EntityKind.SUBPROCESSOR
                if change.field in SUBPROCESSOR_LINKS
                else EntityKind.ORGANISATION,
                {},
            )
            items = list_change(before, after, change.field, linked)
            self.diff.setItem(row, 0, text_item(field_label(change.field) + kept_text(items)))
            if items is not None:  # a list: what went and what came, not the list twice
                self.diff.setItem(row, 1, removed_item(items))
                self.diff.setItem(row, 2, added_item(items))
                continue
            for column, text in (
                (1, field_text(before, change.field, change.before, linked)),
                (2, field_text(after, change.field, change.after, linked)),
            ):
                self.diff.setItem(row, column, text_item(text))
        self.diff.resizeRowsToContents()
        self._retitle(entry)

    def _open_record(self, entry_id: int) -> None:
        entry = self.selected_entry()
        if entry is not None and entry.id == entry_id:
            self.record_requested.emit(EntityKind(entry.entity_kind), entry.entity_id)

    def _retitle(self, entry: JournalEntry | None) -> None:
        if entry is None:
            self.diff_title.setText(_("Select an entry to see the fields it changed."))
        else:
            self.diff_title.setText(
                _("Entry {id}: {label} by {author}").format(
                    id=entry.id, label=operation_label(entry.label), author=entry.author
                )
            )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.diff.setHorizontalHeaderLabels([_("Field"), _("Before"), _("After")])
        self.diff.setAccessibleName(_("Changes made by the selected entry"))
        self.diff.setColumnWidth(0, 180)
        self.diff.setColumnWidth(1, 420)
        self._show_selected()  # the field labels and coded values are worded in the language too


def text_item(text: str, spoken: str | None = None) -> QTableWidgetItem:
    """A diff cell: plain text (QTableWidgetItem never renders markup), with its tooltip and
    the text a screen reader says."""
    item = QTableWidgetItem(text)
    item.setToolTip(spoken or text)
    item.setData(Qt.ItemDataRole.AccessibleTextRole, spoken or text)
    return item


def items_cell(
    items: tuple[str, ...], sign: str, colour: QColor, said: str, none: str
) -> QTableWidgetItem:
    """Items a list lost or gained, one a line after their sign, in their colour, said as
    `said` ("Removed: {items}") or `none` when there are none."""
    spoken = said.format(items="; ".join(items)) if items else none
    item = text_item("\n".join(f"{sign} {text}" for text in items), spoken)
    item.setForeground(colour)
    return item


def removed_item(change: ListChange) -> QTableWidgetItem:
    """The items a list lost, after "−", in red."""
    return items_cell(
        change.removed, "\u2212", REMOVED_COLOUR, _("Removed: {items}"), _("Nothing removed")
    )


def added_item(change: ListChange) -> QTableWidgetItem:
    """The items a list gained, after "+", in green."""
    return items_cell(change.added, "+", ADDED_COLOUR, _("Added: {items}"), _("Nothing added"))


def kept_text(change: ListChange | None) -> str:
    """Under a list field's name: how many of its items the change left as they were."""
    if change is None or not change.kept:
        return ""
    return "\n" + ngettext("({n} unchanged)", "({n} unchanged)", change.kept).format(n=change.kept)
