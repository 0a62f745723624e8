"""Import wizard, steps 4 and 5: what the import would change, then the import itself.

The preview is the service's dry run (nothing written): new, changed (with the fields),
unchanged, duplicated and missing rows, problems highlighted. The last page applies the import
in a job (progress bar, cancel = nothing written) and offers to undo exactly that import.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from importers import read_records
from importers.marks import field_label
from ui.jobs import run_job, show_error
from ui.models.static_table_model import StaticTableModel
from ui.widgets.inferred_marks import plain_label
from workbench.domain.inference import describe
from workbench.domain.records import Provenance
from workbench.i18n import N_, _
from workbench.services.import_service import ImportReport, ImportResult, RowStatus

if TYPE_CHECKING:
    from ui.dialogs.import_wizard import ImportWizard

_Index = QModelIndex | QPersistentModelIndex
PREVIEW_DETAIL_LIMIT = 5000  # rows listed one by one; the counts always cover the whole file
MISSING = "missing"
STATUS_LABELS = {
    RowStatus.NEW: N_("New"),
    RowStatus.CHANGED: N_("Changed"),
    RowStatus.UNCHANGED: N_("Unchanged"),
    RowStatus.DUPLICATE: N_("Duplicate (ignored)"),
    MISSING: N_("Not in the file (kept)"),
}
STATUS_COLOURS = {
    RowStatus.NEW: QColor("#c8e6c9"),
    RowStatus.CHANGED: QColor("#bbdefb"),
    RowStatus.DUPLICATE: QColor("#ffe0b2"),
    MISSING: QColor("#eceff1"),
}
PROBLEM_COLOUR = QColor("#ffcdd2")
INFERRED_COLOUR = QColor("#fff3b0")  # a value the import derived: to be verified


def _short(value: object, limit: int = 100) -> str:
    text = "" if value is None else str(value)
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


def where(provenance: Provenance) -> str:
    """The place of a row as the import service writes it in its warnings."""
    parts = [provenance.file]
    if provenance.sheet:
        parts.append(provenance.sheet)
    if provenance.row is not None:
        parts.append(_("row {row}").format(row=provenance.row))
    return ", ".join(parts)


def plain_tooltip(text: str) -> str:
    """A tooltip showing `text` (cells of the file) as plain text: Qt would take a tooltip that
    looks like markup as rich text, so it is escaped and its line breaks kept."""
    return "<p style='white-space:pre-wrap'>" + html.escape(text) + "</p>"


class PreviewRow(NamedTuple):
    status: str
    name: str
    organisation: str
    row: str
    detail: str  # the fields that change
    problem: str  # the warnings of the row
    before_after: str  # the change tooltip
    inferred: str  # the fields that come in unconfirmed
    inferred_why: str  # ... and why, one line each


class PreviewTableModel(StaticTableModel[PreviewRow]):
    HEADERS = (
        N_("Status"),
        N_("Name"),
        N_("Organisation"),
        N_("Row"),
        N_("What changes"),
        N_("To be verified"),
    )
    INFERRED_COLUMN = 5

    def set_report(self, report: ImportReport) -> None:
        places: dict[str, list[str]] = {}
        for warning in report.warnings:
            places.setdefault(warning.partition(": ")[0], []).append(warning)
        rows = []
        for item in report.items:
            problems = places.get(where(item.provenance), [])
            detail = ", ".join(field_label(change.field) for change in item.changes)
            before_after = "\n".join(
                f"{field_label(c.field)}: {_short(c.before)} \u2192 {_short(c.after)}"
                for c in item.changes
            )
            row = "" if item.provenance.row is None else str(item.provenance.row)
            inferred = ", ".join(dict.fromkeys(field_label(m.field) for m in item.unconfirmed))
            why = "\n".join(f"{field_label(m.field)}: {describe(m)}" for m in item.unconfirmed)
            rows.append(
                PreviewRow(
                    item.status.value,
                    item.name,
                    item.organisation,
                    row,
                    detail,
                    "\n".join(problems),
                    before_after,
                    inferred,
                    why,
                )
            )
        rows += [
            PreviewRow(MISSING, m.name, m.organisation, "", "", "", "", "", "")
            for m in report.missing
        ]
        self.replace_rows(rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        inferred_cell = index.column() == self.INFERRED_COLUMN
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                _(STATUS_LABELS[row.status]),
                row.name,
                row.organisation,
                row.row,
                row.detail,
                row.inferred,
            )[index.column()]
        if role == Qt.ItemDataRole.UserRole:
            return row.status
        if role == Qt.ItemDataRole.ToolTipRole:
            text = row.inferred_why if inferred_cell else row.problem or row.before_after
            return plain_tooltip(text) if text else None
        if role == Qt.ItemDataRole.BackgroundRole:
            if inferred_cell:
                return INFERRED_COLOUR if row.inferred else None
            return PROBLEM_COLOUR if row.problem else STATUS_COLOURS.get(row.status)
        return None


class PreviewPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(_("Check what the import will change"))
        self.setSubTitle(
            _(
                "Nothing is written yet. Rows in red have a problem, values in yellow were "
                "inferred: point at them for details."
            )
        )
        self.report: ImportReport | None = None
        self.summary = plain_label(_("Reading the file…"))
        self.summary.setWordWrap(True)
        self.show_filter = QComboBox()
        self.show_filter.addItem(_("All rows"), None)
        for status, label in STATUS_LABELS.items():
            self.show_filter.addItem(_(label), str(status))
        self.model = PreviewTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterRole(Qt.ItemDataRole.UserRole)
        self.proxy.setFilterKeyColumn(0)
        self.show_filter.currentIndexChanged.connect(self._filter_chosen)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # file order until asked
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.warnings = QListWidget()
        self.warnings.setMaximumHeight(110)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.show_filter)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        self.setCommitPage(True)  # its button reads "Import"; there is no way back after it
        self.warnings_label = QLabel(_("Problems found in the file:"))
        layout.addWidget(self.warnings_label)
        layout.addWidget(self.warnings)

    def _wizard(self) -> ImportWizard:
        return self.wizard()  # type: ignore[return-value]

    def initializePage(self) -> None:
        self.report = None
        self.model.set_report(ImportReport())
        self.summary.setText(_("Reading the file…"))
        self.warnings.clear()
        self.completeChanged.emit()
        wizard = self._wizard()
        state = wizard.state
        if state.table is None or state.mapping is None:
            return
        table, mapping, organisation = state.table, state.mapping, state.organisation
        imports = wizard.imports

        def dry_run(progress):  # type: ignore[no-untyped-def]
            batch = read_records(table, mapping, progress)
            return imports.preview(batch, progress, organisation, PREVIEW_DETAIL_LIMIT)

        # A dry run only reads: beside the write pool, never queued behind an import.
        run_job(self, dry_run, writes=False).with_progress(_("Reading the file…")).on_success(
            self._show
        ).on_failure(self._failed).start()

    def _show(self, report: ImportReport) -> None:
        self.report = report
        self.model.set_report(report)
        self.table.resizeColumnsToContents()
        self.summary.setText(summary_text(report))
        self.warnings.clear()
        self.warnings.addItems(report.warnings)
        if report.warning_count > len(report.warnings):
            self.warnings.addItem(
                _("… and {count} more warnings.").format(
                    count=report.warning_count - len(report.warnings)
                )
            )
        self.warnings.setVisible(bool(report.warnings))
        self.warnings_label.setVisible(bool(report.warnings))
        self.completeChanged.emit()

    def _failed(self, error: Exception) -> None:
        self.summary.setText(_("The file cannot be imported."))
        show_error(self, _("The file cannot be imported"), error)

    def _filter_chosen(self, _index: int) -> None:
        status = self.show_filter.currentData()
        self.proxy.setFilterFixedString(status or "")

    def isComplete(self) -> bool:
        return self.report is not None and (self.report.new + self.report.changed) > 0


def summary_text(report: ImportReport) -> str:
    text = _(
        "{new} new, {changed} changed, {unchanged} unchanged; "
        "{missing} stored rows are not in the file (they are kept)."
    ).format(
        new=report.new,
        changed=report.changed,
        unchanged=report.unchanged,
        missing=report.missing_count,
    )
    if report.unconfirmed_count:
        text += " " + _(
            "{count} values come in unconfirmed (read from the file's text, chosen by a rule or "
            "by default): they are highlighted under “To be verified”, point at one for its "
            "reason; confirm them once checked."
        ).format(count=report.unconfirmed_count)
    if report.new_organisations:
        text += " " + _("New organisations: {names}.").format(
            names=", ".join(report.new_organisations)
        )
    if report.new + report.changed == 0:
        text += " " + _("The register already holds everything in this file.")
    return text


class ApplyPage(QWizardPage):
    """Runs the import when shown; then says what was done and offers Undo."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(_("Import"))
        self.setSubTitle(
            _("The whole file is imported in one operation: Undo takes all of it back.")
        )
        self.result: ImportResult | None = None
        self.undone = False
        self.running = False
        self.status = plain_label()
        self.status.setWordWrap(True)
        self.undo_button = QPushButton(_("Undo this import"))
        self.undo_button.setEnabled(False)
        self.undo_button.clicked.connect(self.undo)
        row = QHBoxLayout()
        row.addWidget(self.undo_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addLayout(row)
        layout.addStretch(1)

    def _wizard(self) -> ImportWizard:
        return self.wizard()  # type: ignore[return-value]

    def initializePage(self) -> None:
        self.result = None
        self.undone = False
        self.running = True
        self.undo_button.setEnabled(False)
        self.status.setText(_("Importing…"))
        wizard = self._wizard()
        state = wizard.state
        if state.table is None or state.mapping is None:
            return
        table, mapping, organisation = state.table, state.mapping, state.organisation
        imports = wizard.imports

        def apply(progress):  # type: ignore[no-untyped-def]
            batch = read_records(table, mapping, progress)
            return imports.apply(batch, progress, organisation)

        run_job(self, apply).with_progress(_("Importing…")).on_success(self._applied).on_failure(
            self._failed
        ).on_cancel(self._cancelled).start()
        self.completeChanged.emit()

    def _applied(self, result: ImportResult) -> None:
        self.running = False
        self.result = result
        report = result.report
        text = _(
            "Imported: {new} new and {changed} changed rows. The import is in the history."
        ).format(new=report.new, changed=report.changed)
        if report.unconfirmed_count:
            text += " " + _(
                "{count} values came in unconfirmed: the lists and forms show them as to be "
                "verified until you confirm them."
            ).format(count=report.unconfirmed_count)
        self.status.setText(text)
        self.undo_button.setEnabled(bool(result.operation_id))
        self._wizard().publish(result.changes)
        self.completeChanged.emit()

    def _failed(self, error: Exception) -> None:
        self.running = False
        self.status.setText(_("Nothing was imported: the register is unchanged."))
        show_error(self, _("The import failed"), error)
        self.completeChanged.emit()

    def _cancelled(self) -> None:
        self.running = False
        self.status.setText(_("Import cancelled: nothing was written."))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return not self.running

    def undo(self) -> None:
        if self.result is None or not self.result.operation_id:
            return
        register = self._wizard().register
        operation = self.result.operation_id
        self.undo_button.setEnabled(False)
        run_job(self, lambda progress: register.journal.undo(operation)).with_progress(
            _("Undoing the import…")
        ).on_success(self._undone).on_failure(self._undo_failed).start()

    def _undone(self, changes: object) -> None:
        self.undone = True
        self.status.setText(_("The import was undone: the register is as it was before."))
        self._wizard().publish(changes)

    def _undo_failed(self, error: Exception) -> None:
        self.undo_button.setEnabled(True)
        show_error(self, _("The import cannot be undone"), error)
