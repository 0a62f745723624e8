"""Import wizard, steps 1 and 2: choose (or drop) the file, then the sheet or Word table."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from importers import read_tables
from importers.model import RecordKind, TableCandidate
from ui.jobs import run_job, show_error
from ui.widgets.inferred_marks import plain_label
from workbench.i18n import N_, _, ngettext

if TYPE_CHECKING:
    from ui.dialogs.import_organisation_choice import OrganisationChoice, VendorChoice
    from ui.dialogs.import_wizard import ImportWizard

IMPORTABLE_SUFFIXES = (".xlsx", ".xlsm", ".ods", ".csv", ".docx")
_Index = QModelIndex | QPersistentModelIndex
KIND_LABELS = {
    RecordKind.TREATMENTS: N_("Treatments"),
    RecordKind.SUBPROCESSORS: N_("Subprocessors"),
    RecordKind.AUTO: N_("Not recognised"),
}


def is_importable(path: str | Path) -> bool:
    """True for the files the wizard reads (the main window uses it to accept drops)."""
    return Path(path).suffix.lower() in IMPORTABLE_SUFFIXES


class FilePage(QWizardPage):
    """Pick a file (or drop it on the wizard); its tables are read in a job on Next."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(_("Choose the file to import"))
        self.setSubTitle(
            _(
                "An Excel, OpenDocument or CSV sheet, or a Word document with tables: a register "
                "annex or a vendor's subprocessor list. You can also drop the file here."
            )
        )
        self.path_edit = QLineEdit()
        self.path_edit.setPlaceholderText(_("Path of the file…"))
        # a placeholder is no name: a screen reader announces the box by this
        self.path_edit.setAccessibleName(_("File to import"))
        self.path_edit.textChanged.connect(self.completeChanged)
        browse = QPushButton(_("Browse…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        self.status = plain_label()
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addStretch(1)
        self._reading = False
        self._tables_of: Path | None = None
        # set by the wizard: the organisation the rows naming none go to
        self.organisation_choice: OrganisationChoice | None = None
        self.vendor_choice: VendorChoice | None = None

    def _wizard(self) -> ImportWizard:
        return self.wizard()  # type: ignore[return-value]

    @property
    def path(self) -> Path:
        return Path(self.path_edit.text().strip()).expanduser()

    def set_path(self, path: str | Path) -> None:
        self.path_edit.setText(str(path))

    def _browse(self) -> None:
        patterns = " ".join(f"*{suffix}" for suffix in IMPORTABLE_SUFFIXES)
        chosen, _filter = QFileDialog.getOpenFileName(
            self,
            _("Choose the file to import"),
            str(self.path.parent) if self.path_edit.text() else "",
            _("Registers and lists ({patterns})").format(patterns=patterns),
        )
        if chosen:
            self.set_path(chosen)

    def isComplete(self) -> bool:
        chosen = (
            self.organisation_choice is None
            or self.organisation_choice.value() is not None
            or (self.vendor_choice is not None and self.vendor_choice.value() is not None)
        )
        return bool(self.path_edit.text().strip()) and not self._reading and chosen

    def validatePage(self) -> bool:
        path = self.path
        if self._tables_of == path:
            return True
        if not path.is_file():
            self.status.setText(_("There is no file at {path}.").format(path=path))
            return False
        if not is_importable(path):
            self.status.setText(
                _("{name} is not a file the import reads ({suffixes}).").format(
                    name=path.name, suffixes=", ".join(IMPORTABLE_SUFFIXES)
                )
            )
            return False
        self._reading = True
        self.completeChanged.emit()
        self.status.setText(_("Reading {name}…").format(name=path.name))
        run_job(self, lambda progress: read_tables(path), writes=False).on_success(
            lambda tables: self._tables_read(path, tables)
        ).on_failure(self._read_failed).start()
        return False  # the job moves the wizard on when the tables are known

    def _tables_read(self, path: Path, tables: list[TableCandidate]) -> None:
        self._reading = False
        self._tables_of = path
        self._wizard().state.start(path, tables)
        self.status.setText(
            ngettext("{n} table found.", "{n} tables found.", len(tables)).format(n=len(tables))
        )
        self.completeChanged.emit()
        self._wizard().next()

    def _read_failed(self, error: Exception) -> None:
        self._reading = False
        self._tables_of = None
        self.status.setText("")
        self.completeChanged.emit()
        show_error(self, _("The file cannot be imported"), error)


class TableListModel(QAbstractTableModel):
    """The first rows of the chosen table, as the import will read them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._table: TableCandidate | None = None

    def set_table(self, table: TableCandidate | None) -> None:
        self.beginResetModel()
        self._table = table
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        if parent.isValid() or self._table is None:
            return 0
        return len(self._table.preview_rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self._table is None else self._table.width

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role != Qt.ItemDataRole.DisplayRole or self._table is None:
            return None
        if orientation is Qt.Orientation.Horizontal:
            header = self._table.headers[section] if section < self._table.width else ""
            return header or _("Column {n}").format(n=section + 1)
        return str(section + 1)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or self._table is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            row = self._table.preview_rows[index.row()]
            return row[index.column()] if index.column() < len(row) else ""
        return None


class TablePage(QWizardPage):
    """Choose which sheet or Word table to import; shows its first rows."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(_("Choose the table"))
        self.setSubTitle(
            _("The sheets and tables of the file that look like a register or a list.")
        )
        self.tables = QListWidget()
        self.tables.currentRowChanged.connect(self._chosen)
        self.preview_model = TableListModel(self)
        self.preview = QTableView()
        self.preview.setModel(self.preview_model)
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.preview.horizontalHeader().setDefaultSectionSize(180)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tables)
        layout.addWidget(QLabel(_("First rows:")))
        layout.addWidget(self.preview, 1)

    def _wizard(self) -> ImportWizard:
        return self.wizard()  # type: ignore[return-value]

    def initializePage(self) -> None:
        state = self._wizard().state
        self.tables.clear()
        for table in state.tables:
            text = _("{sheet} — {kind}, {rows} rows").format(
                sheet=table.sheet or state.path_name,
                kind=_(KIND_LABELS[table.kind]),
                rows=table.row_count,
            )
            item = QListWidgetItem(text)
            item.setToolTip(" | ".join(h for h in table.headers if h))
            self.tables.addItem(item)
        self.tables.setCurrentRow(0)

    def _chosen(self, row: int) -> None:
        state = self._wizard().state
        table = state.tables[row] if 0 <= row < len(state.tables) else None
        state.choose_table(table)
        self.preview_model.set_table(table)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self._wizard().state.table is not None
