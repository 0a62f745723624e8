"""A list of one kind of record: instant filter, sortable columns, column chooser, actions."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.accessibility import set_accessible_name
from ui.models.entity_table_model import EntityTableModel, Role
from ui.settings import Settings
from ui.widgets.inferred_marks import warning_icon
from ui.widgets.sidebar import VIEWS
from workbench.i18n import _, ngettext

MAX_COLUMN_WIDTH = 340
FIT_ROWS = 50  # the rows whose texts size the columns when the list first fills


class EntityListWidget(QWidget):
    open_requested = Signal(int)  # entity id
    new_requested = Signal()
    delete_requested = Signal(int)
    confirm_requested = Signal(list, int)  # ids of records with marks, how many values

    def __init__(
        self,
        model: EntityTableModel[Any],
        settings: Settings,
        editable: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.model = model
        self._settings = settings
        self._editable = editable
        self.filter_edit = QLineEdit()
        self.filter_edit.setClearButtonEnabled(True)
        self.count_label = QLabel()
        self.only_marked = QCheckBox()
        self.confirm_button = QPushButton()
        self.new_button = QPushButton()
        self.open_button = QPushButton()
        self.delete_button = QPushButton()
        self.table = QTableView()
        self._build()
        self.retranslate_ui()

    def _build(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.filter_edit, 1)
        top.addWidget(self.count_label)
        top.addWidget(self.only_marked)
        buttons = (self.confirm_button, self.new_button, self.open_button, self.delete_button)
        for button in buttons:
            top.addWidget(button)
        self.confirm_button.setIcon(warning_icon())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table)
        # Only now that they have a parent: shown before, each was a window of its own (and
        # took the activation from the main window when a view was built after it showed).
        self.only_marked.setVisible(self.model.shows_marks)
        for button in buttons:
            button.setVisible(self._editable)
        self.confirm_button.setVisible(self._editable and self.model.shows_marks)

        table = self.table
        table.setModel(self.model)
        table.setSortingEnabled(True)
        table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # several rows: to confirm their inferred values at once
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(self._show_row_menu)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().setVisible(False)
        # Fixed row heights: the view never measures 100,000 rows.
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
        header = table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionsMovable(True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._show_column_menu)
        table.doubleClicked.connect(lambda index: self._open(index.row()))
        # Enter and F2 open the current row, Delete deletes it (asking first): on the table,
        # not the window, so typing in the filter box keeps its keys.
        self.open_action = self._row_action("action_open_record", self._open_current)
        self.open_action.setShortcuts(
            [
                QKeySequence(Qt.Key.Key_Return),
                QKeySequence(Qt.Key.Key_Enter),
                QKeySequence(Qt.Key.Key_F2),
            ]
        )
        self.delete_action = self._row_action("action_delete_record", self._delete_current)
        self.delete_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.delete_action.setEnabled(self._editable)

        # Filter as the user types, but let a fast typist finish a word first.
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(120)
        self._filter_timer.timeout.connect(self.apply_filter)
        self.filter_edit.textChanged.connect(lambda _text: self._filter_timer.start())
        self.filter_edit.returnPressed.connect(self.apply_filter)
        self.new_button.clicked.connect(self.new_requested)
        self.open_button.clicked.connect(lambda: self._open(self.current_row()))
        self.delete_button.clicked.connect(self._delete_current)
        self.confirm_button.clicked.connect(self.confirm_selected)
        self.only_marked.toggled.connect(self.model.set_only_marked)
        self.only_marked.toggled.connect(lambda _on: self._update_count())
        self.model.modelReset.connect(self._update_count)
        self.model.rows_reloaded.connect(self._update_count)
        self.model.rows_reloaded.connect(self._fit_columns_once)
        self._fitted = False
        self._apply_hidden_columns()

    def _row_action(self, name: str, slot: Any) -> QAction:
        action = QAction(self.table)
        action.setObjectName(name)
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        self.table.addAction(action)
        return action

    # -- behaviour -----------------------------------------------------------------------------
    def _open_current(self) -> None:
        self._open(self.current_row())

    def apply_filter(self) -> None:
        self._filter_timer.stop()
        self.model.set_filter_text(self.filter_edit.text())

    def focus_filter(self) -> None:
        self.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_edit.selectAll()

    def current_row(self) -> int:
        index = self.table.currentIndex()
        return index.row() if index.isValid() else -1

    def current_id(self) -> int | None:
        row = self.current_row()
        return None if row < 0 else int(self.model.index(row, 0).data(Role.ID))

    def select_id(self, entity_id: int) -> bool:
        row = self.model.row_of_id(entity_id)
        if row is None and self.model.filter_text():
            self.filter_edit.clear()
            self.apply_filter()
            row = self.model.row_of_id(entity_id)
        if row is None:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    def selected_rows(self) -> list[int]:
        return sorted(index.row() for index in self.table.selectionModel().selectedRows())

    def confirm_selected(self) -> None:
        """Ask to confirm the inferred values of the selected rows (all shown, if none is)."""
        rows = self.selected_rows() or list(range(self.model.rowCount()))
        ids: list[int] = []
        values = 0
        for row in rows:
            fields = self.model.marked_fields(self.model.row_at(row))
            if fields:
                ids.append(self.model.row_id(self.model.row_at(row)))
                values += len(fields)
        if ids:
            self.confirm_requested.emit(ids, values)

    def _show_row_menu(self, position: QPoint) -> None:
        if self.table.indexAt(position).isValid():
            self.table.setCurrentIndex(self.table.indexAt(position))
        self.row_menu().exec(self.table.viewport().mapToGlobal(position))

    def row_menu(self) -> QMenu:
        """Open (Enter, F2), confirm the inferred values, delete (Delete): what a row offers."""
        menu = QMenu(self)
        menu.setObjectName("row_menu")
        menu.addAction(self.open_action)
        if not self._editable:
            return menu
        if self.model.shows_marks:
            confirm = menu.addAction(warning_icon(), _("Confirm inferred values…"))
            confirm.triggered.connect(lambda _checked=False: self.confirm_selected())
            confirm.setEnabled(
                any(self.model.marked_fields(self.model.row_at(r)) for r in self.selected_rows())
            )
        menu.addSeparator()
        menu.addAction(self.delete_action)
        return menu

    def _open(self, row: int) -> None:
        if row >= 0:
            self.open_requested.emit(int(self.model.index(row, 0).data(Role.ID)))

    def _delete_current(self) -> None:
        entity_id = self.current_id()
        if entity_id is not None:
            self.delete_requested.emit(entity_id)

    def _fit_columns_once(self) -> None:
        # Qt measures only the first rows (resizeContentsPrecision), so this stays cheap: 200
        # rows of History (each entry diffed for its "fields changed") took 330 ms.
        if self._fitted or not self.model.rowCount():
            return
        self._fitted = True
        self.table.horizontalHeader().setResizeContentsPrecision(FIT_ROWS)
        self.table.resizeColumnsToContents()
        for column in range(self.model.columnCount()):
            width = self.table.columnWidth(column)
            self.table.setColumnWidth(column, min(max(width + 12, 70), MAX_COLUMN_WIDTH))

    def _update_count(self) -> None:
        shown, total = self.model.rowCount(), self.model.total_count()
        if shown == total:
            text = ngettext("{count} row", "{count} rows", total).format(count=total)
        else:
            text = _("{shown} of {total} rows").format(shown=shown, total=total)
        self.count_label.setText(text)

    # -- column chooser ------------------------------------------------------------------------
    def _apply_hidden_columns(self) -> None:
        hidden = self._settings.hidden_columns(self.model.list_name)
        for i, column in enumerate(self.model.columns):
            is_hidden = (
                column.key in hidden if hidden is not None else not column.visible_by_default
            )
            self.table.setColumnHidden(i, is_hidden)

    def column_menu(self) -> QMenu:
        menu = QMenu(self)
        for i, column in enumerate(self.model.columns):
            action = QAction(_(column.header), menu)
            action.setCheckable(True)
            action.setChecked(not self.table.isColumnHidden(i))
            action.toggled.connect(lambda shown, i=i: self.set_column_shown(i, shown))
            menu.addAction(action)
        return menu

    def set_column_shown(self, column: int, shown: bool) -> None:
        visible = [i for i in range(self.model.columnCount()) if not self.table.isColumnHidden(i)]
        if not shown and visible == [column]:
            return  # never hide the last column: the list would look empty
        self.table.setColumnHidden(column, not shown)
        hidden = [c.key for i, c in enumerate(self.model.columns) if self.table.isColumnHidden(i)]
        self._settings.set_hidden_columns(self.model.list_name, hidden)

    def _show_column_menu(self, position: QPoint) -> None:
        self.column_menu().exec(self.table.horizontalHeader().mapToGlobal(position))

    # -- language ------------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.filter_edit.setPlaceholderText(_("Filter (Ctrl+F)…"))
        title = next((_(v.title) for v in VIEWS if v.key == self.model.list_name), "")
        self.table.setAccessibleName(title)
        set_accessible_name(self.filter_edit, _("Filter: {list}").format(list=title))
        self.new_button.setText(_("New"))
        self.open_button.setText(_("Open"))
        self.delete_button.setText(_("Delete"))
        self.open_action.setText(_("Open"))
        self.delete_action.setText(_("Delete"))
        self.only_marked.setText(_("Only values to verify"))
        self.only_marked.setToolTip(
            _("Show only the records with values the application inferred and nobody confirmed.")
        )
        self.confirm_button.setText(_("Confirm inferred values…"))
        self.confirm_button.setToolTip(
            _(
                "Confirm the inferred values of the selected records (of every record shown "
                "if none is selected): they are then recorded as stated by you."
            )
        )
        self.model.relabel()
        self._update_count()
        if self._fitted:  # labels changed length ("Relation client" / "Customer relationship")
            self._fitted = False
            self._fit_columns_once()
