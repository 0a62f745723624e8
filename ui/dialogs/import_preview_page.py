"""Import wizard, steps 4 and 5: what the import would change, then the import itself.

The preview is the service's dry run (nothing written): new, changed (with the fields),
unchanged, duplicated and missing rows, problems highlighted. Ticking or unticking a box (a
near name merged, a row left out) runs the dry run again with the decisions taken, so the
preview shows what the import will do with them. The last page applies the import
in a job (progress bar, cancel = nothing written) and offers to undo exactly that import.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
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
from ui.dialogs.import_preview_model import (
    STATUS_LABELS,
    PreviewFilter,
    PreviewTableModel,
)
from ui.jobs import run_job, show_error
from ui.widgets.inferred_marks import plain_label
from workbench.i18n import _, ngettext
from workbench.progress import Progress
from workbench.services.import_service import (
    ImportReport,
    ImportResult,
    VendorListResult,
)

if TYPE_CHECKING:
    from ui.dialogs.import_wizard import ImportWizard

PREVIEW_DETAIL_LIMIT = 5000  # rows listed one by one; the counts always cover the whole file
DECISION_PAUSE_MS = 250  # boxes ticked one after the other: one dry run once the user pauses


def import_job(wizard: ImportWizard, *, apply: bool) -> Callable[[Progress], object] | None:
    """The job that reads the chosen table and previews (dry run) or applies the import, with
    the decisions taken on the preview; None before a table and its mapping are chosen."""
    state = wizard.state
    if state.table is None or state.mapping is None:
        return None
    table, mapping, organisation = state.table, state.mapping, state.organisation
    decisions = state.match_decisions()
    imports = wizard.imports
    vendor = state.of_vendor

    def job(progress: Progress) -> object:
        batch = read_records(table, mapping, progress)
        if vendor is not None:  # a vendor's own list: the report and its diff
            if not apply:
                return imports.vendor_list(
                    batch,
                    vendor,
                    progress=progress,
                    detail_limit=PREVIEW_DETAIL_LIMIT,
                    decisions=decisions,
                )
            chain = imports.vendor_list(
                batch, vendor, apply=True, progress=progress, decisions=decisions
            )
            return ImportResult(chain.report, chain.changes, chain.operation_id)
        if apply:
            return imports.apply(batch, progress, organisation, decisions=decisions)
        return imports.preview(
            batch, progress, organisation, PREVIEW_DETAIL_LIMIT, decisions=decisions
        )

    return job


class PreviewPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(_("Check what the import will change"))
        self.setSubTitle(
            _(
                "Nothing is written yet. Rows in red have a problem, values in yellow were "
                "inferred: point at them for details. Untick a row to leave it out; tick "
                "“Same as” to merge a near name with the stored record."
            )
        )
        self.report: ImportReport | None = None
        self.dry_runs = 0  # dry runs finished on this page (the first, then one per decision)
        self._running = False
        self._again = False  # a decision came while a dry run was running: run once more
        self._rerun = QTimer(self)
        self._rerun.setSingleShot(True)
        self._rerun.setInterval(DECISION_PAUSE_MS)
        self._rerun.timeout.connect(self._decided)
        self.summary = plain_label(_("Reading the file…"))
        self.summary.setWordWrap(True)
        self.show_filter = QComboBox()
        self.show_filter.addItem(_("All rows"), None)
        for status, label in STATUS_LABELS.items():
            self.show_filter.addItem(_(label), str(status))
        self.show_missing = QCheckBox()
        self.show_missing.setObjectName("import_show_missing")
        self.show_missing.toggled.connect(self._filter_chosen)
        self.show_missing.setVisible(False)
        self.model = PreviewTableModel(self)
        self.model.dataChanged.connect(self._box_toggled)
        self.proxy = PreviewFilter(self)
        self.proxy.setSourceModel(self.model)
        self.show_filter.currentIndexChanged.connect(self._filter_chosen)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # file order until asked
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        # what changes takes the room left: it is what the DPO reads
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.warnings = QListWidget()
        self.warnings.setMaximumHeight(110)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.show_filter)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.show_missing)
        self.setCommitPage(True)  # its button reads "Import"; there is no way back after it
        self.warnings_label = QLabel(_("Problems found in the file:"))
        layout.addWidget(self.warnings_label)
        layout.addWidget(self.warnings)

    def _wizard(self) -> ImportWizard:
        return self.wizard()  # type: ignore[return-value]

    def initializePage(self) -> None:
        self.report = None
        self.dry_runs = 0
        self._rerun.stop()
        self._again = False
        self.model.set_report(ImportReport())
        self.summary.setText(_("Reading the file…"))
        self.warnings.clear()
        self.completeChanged.emit()
        state = self._wizard().state
        if state.table is None or state.mapping is None:
            return
        state.decisions.clear()
        state.excluded.clear()
        self.model.bind(state.decisions, state.excluded)
        self._dry_run()

    def _dry_run(self) -> None:
        """The service's dry run of the file with the decisions taken so far."""
        dry_run = import_job(self._wizard(), apply=False)
        if dry_run is None:
            return
        self._running = True
        # A dry run only reads: beside the write pool, never queued behind an import.
        run_job(self, dry_run, writes=False).with_progress(_("Reading the file…")).on_success(
            self._show
        ).on_failure(self._failed).start()

    def _box_toggled(self, _first: QModelIndex, _last: QModelIndex, roles: list[int]) -> None:
        if Qt.ItemDataRole.CheckStateRole in roles and self.report is not None:
            self._rerun.start()  # restarted by each box: one dry run after the last

    def _decided(self) -> None:
        if self._wizard().currentPage() is not self:
            return  # the import has started: it applies the decisions itself
        if self._running:
            self._again = True
            return
        self._dry_run()

    def _show(self, outcome: ImportReport | VendorListResult) -> None:
        self._running = False
        chain = outcome if isinstance(outcome, VendorListResult) else None
        report = outcome.report if isinstance(outcome, VendorListResult) else outcome
        first = self.report is None
        self.report = report
        self.dry_runs += 1
        scrolled = self.table.verticalScrollBar().value()
        self.model.set_report(report)
        if first:
            self._fit_columns()
        else:  # the same rows again: keep where the user was
            self.table.verticalScrollBar().setValue(scrolled)
        self._show_summary(report, chain)
        if self._again:
            self._again = False
            self._decided()

    def _fit_columns(self) -> None:
        self.table.resizeColumnsToContents()
        for column in range(self.model.columnCount() - 1):  # long names: cut, full in tooltip
            limit = 380 if column == PreviewTableModel.SAME_AS else 240
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), limit))

    def _show_summary(self, report: ImportReport, chain: VendorListResult | None) -> None:
        self.show_missing.setText(
            ngettext(
                "Show the {n} stored record the file does not list (kept as it is)",
                "Show the {n} stored records the file does not list (kept as they are)",
                report.missing_count,
            ).format(n=report.missing_count)
        )
        self.show_missing.setVisible(bool(report.missing))
        self.summary.setText(
            summary_text(report) + ("\n" + chain_text(chain) if chain is not None else "")
        )
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
        self._running = False
        self.summary.setText(_("The file cannot be imported."))
        show_error(self, _("The file cannot be imported"), error)

    def _filter_chosen(self, _value: object = None) -> None:
        self.proxy.set_filter(self.show_filter.currentData(), self.show_missing.isChecked())

    def isComplete(self) -> bool:
        return self.report is not None and (self.report.new + self.report.changed) > 0


def chain_text(result: VendorListResult) -> str:
    """What this version of a vendor's list changes, in a sentence."""
    diff = result.diff
    if diff.previous is None:
        return _(
            "First version of the list of {vendor}: its subprocessors come in at chain level "
            "{level}, linked to the treatments that use {vendor}."
        ).format(vendor=result.vendor.vendor_name, level=result.vendor.level)
    if diff.unchanged:
        return _("The list is the same as its version of {date}.").format(
            date=diff.previous.listed_on.isoformat()
        )
    return _(
        "Since the version of {date}: added {added}; removed {removed}; moved {moved}. The "
        "controllers whose treatments use {vendor} are to be notified (Art. 28(2))."
    ).format(
        date=diff.previous.listed_on.isoformat(),
        added=", ".join(e.name for e in diff.added) or "—",
        removed=", ".join(e.name for e in diff.removed) or "—",
        moved=", ".join(
            f"{a.name} ({', '.join(b.locations)} \u2192 {', '.join(a.locations)})"
            for b, a in diff.moved
        )
        or "—",
        vendor=result.vendor.vendor_name,
    )


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
    if report.proposals:
        text += " " + ngettext(
            "{n} row is probably a stored record: it comes in as new unless you tick “Same as”.",
            "{n} rows are probably stored records: they come in as new unless you tick “Same as”.",
            report.proposals,
        ).format(n=report.proposals)
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
        apply = import_job(self._wizard(), apply=True)
        if apply is None:
            return
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
