"""The checks view: every problem the compliance rules find, with its fix and a link to the record.

Findings are computed in a job (the rules read the whole register); the list filters by
severity and by text without asking the register again. Double-clicking a finding emits
`open_entity_requested(kind, id)`; the main window opens that record's form.
"""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.change_bus import ChangeBus
from ui.jobs import run_job, show_error
from ui.models.finding_table_model import FINDING_ROLE, FindingTableModel
from ui.widgets.reload_on_change import ReloadOnChange
from ui.widgets.severity import SEVERITY_COLOURS, severity_name
from ui.widgets.visible_rows import VisibleRowSizer
from workbench.compliance.checks import Finding
from workbench.i18n import _, ngettext
from workbench.progress import Progress
from workbench.services import Register
from workbench.services.compliance_service import ComplianceService


def load_findings(register: Register, progress: Progress) -> list[Finding]:
    progress.report(0, 1)
    findings = ComplianceService(register).check()
    progress.report(1, 1)
    return findings


class ChecksWidget(QWidget):
    open_entity_requested = Signal(object, int)  # EntityKind, id
    refreshed = Signal()

    def __init__(
        self, register: Register, change_bus: ChangeBus | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._register = register
        self._loading = False
        self._loaded_once = False
        self._stale = False
        self.findings = FindingTableModel(self)

        self.severity_filter = QComboBox()
        self.severity_filter.addItem("", None)
        for severity in SEVERITY_COLOURS:
            self.severity_filter.addItem("", severity)
        self.severity_filter.currentIndexChanged.connect(self._severity_chosen)
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.findings.set_filter_text)
        self.refresh_button = QPushButton()
        self.refresh_button.clicked.connect(self.refresh)
        self.summary = QLabel()

        self.table = QTableView()
        self.table.setModel(self.findings)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.table.setWordWrap(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(3, 240)
        # Wrapped text: the rows in view are measured, again when the columns change width.
        self.row_sizer = VisibleRowSizer(self.table)
        for reshaped in (self.findings.modelReset, self.findings.layoutChanged):
            reshaped.connect(lambda *_args: self.row_sizer.invalidate())
        self.table.doubleClicked.connect(self._activated)
        self.table.activated.connect(self._activated)  # Enter on a row, as a double-click

        bar = QHBoxLayout()
        bar.addWidget(self.severity_filter)
        bar.addWidget(self.search, 1)
        bar.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        self._hint = QLabel()
        self._hint.setEnabled(False)
        layout.addWidget(self._hint)

        self._reload_on_change = ReloadOnChange(self, self.refresh, change_bus)
        self.retranslate_ui()

    # -- language ------------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
            if self._loaded_once:  # the problems and their fixes are worded by the checks
                self.refresh()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.severity_filter.setItemText(0, _("All severities"))
        for i in range(1, self.severity_filter.count()):
            self.severity_filter.setItemText(i, severity_name(self.severity_filter.itemData(i)))
        self.search.setPlaceholderText(_("Search the problems…"))
        self.refresh_button.setText(_("Run the checks again"))
        self._hint.setText(_("Double-click a problem to open the record concerned."))
        self.findings.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 3)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._loaded_once and not self._loading:  # load when first shown
            self.refresh()

    def refresh(self) -> None:
        if self._loading:
            self._stale = True
            return
        self._loading = True
        self.refresh_button.setEnabled(False)
        register = self._register
        # A pure read: beside the write pool, so checks never queue behind an import.
        run_job(self, lambda progress: load_findings(register, progress), writes=False).on_success(
            self._show
        ).on_failure(self._failed).start()

    def set_severity(self, severity: str | None) -> None:
        self.severity_filter.setCurrentIndex(max(0, self.severity_filter.findData(severity)))

    def _severity_chosen(self, _index: int) -> None:
        self.findings.set_severity(self.severity_filter.currentData())

    def _failed(self, error: Exception) -> None:
        self._loading = False
        self.refresh_button.setEnabled(True)
        show_error(self, _("The checks could not be run"), error)

    def _show(self, findings: list[Finding]) -> None:
        self._loading = False
        self._loaded_once = True
        self.refresh_button.setEnabled(True)
        self.findings.set_findings(findings)
        self.summary.setText(summary_text(findings))
        self.refreshed.emit()
        if self._stale:
            self._stale = False
            self.refresh()

    def _activated(self, index: QModelIndex) -> None:
        finding = self.findings.data(index, FINDING_ROLE)
        if isinstance(finding, Finding):
            self.open_entity_requested.emit(finding.link.kind, finding.link.id)


def summary_text(findings: list[Finding]) -> str:
    if not findings:
        return _("No problem found.")
    counts = Counter(f.severity.value for f in findings)
    parts = [
        ngettext("{n} error", "{n} errors", counts["error"]).format(n=counts["error"]),
        ngettext("{n} warning", "{n} warnings", counts["warning"]).format(n=counts["warning"]),
        ngettext("{n} note", "{n} notes", counts["info"]).format(n=counts["info"]),
    ]
    return ", ".join(parts)
