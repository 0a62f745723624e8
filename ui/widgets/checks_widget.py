"""The checks view: every problem the compliance rules find, with its fix and a link to the record.

Findings are computed in a job (the rules read the whole register); the list filters by
severity and by text without asking the register again, and groups them by rule or by record
(collapsible headings with counts). A finding can be acknowledged with a reason (journaled; it
stays out until its facts change) and the findings exported as an action plan (xlsx, docx).
Double-clicking a finding emits `open_entity_requested(kind, id)`; the main window opens it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

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

from ui.accessibility import set_accessible_name
from ui.change_bus import ChangeBus
from ui.jobs import run_job, show_error
from ui.models.finding_table_model import (
    FINDING_ROLE,
    FindingTableModel,
    Ordered,
    record_text,
    sorted_findings,
)
from ui.widgets.check_actions import acknowledge, ask_export_path, ask_reason, export_plan
from ui.widgets.check_group_tree import CheckGroupTree
from ui.widgets.reload_on_change import ReloadOnChange
from ui.widgets.severity import SEVERITY_COLOURS, severity_name
from ui.widgets.visible_rows import VisibleRowSizer
from workbench.compliance.checks import Finding
from workbench.i18n import _, ngettext
from workbench.progress import Progress
from workbench.services import Register
from workbench.services.compliance_service import ComplianceService, Review

ASCENDING = Qt.SortOrder.AscendingOrder
SEVERITY_WIDTH_ROWS = 50  # the severity column shows one of three labels: a few rows size it


@dataclass(frozen=True, slots=True)
class LoadedChecks:
    """What the checks job hands the view: the review, its findings sorted as the list was,
    and the summary, all computed off the GUI thread (sorting and counting 50,000 findings
    there took ~60 ms)."""

    review: Review
    order: Ordered
    summary: str


def load_findings(
    register: Register, progress: Progress, sort: tuple[int, Qt.SortOrder] = (-1, ASCENDING)
) -> LoadedChecks:
    progress.report(0, 1)
    review = ComplianceService(register).review()
    progress.report(1, 1)
    return LoadedChecks(review, sorted_findings(review.open, sort), review_summary(review))


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
        self.group_by = QComboBox()
        self.group_by.setObjectName("checks_group_by")
        for key in (None, "rule", "record"):
            self.group_by.addItem("", key)
        self.group_by.currentIndexChanged.connect(self._regroup)
        self.acknowledge_button = QPushButton()
        self.acknowledge_button.setObjectName("action_acknowledge_finding")
        self.acknowledge_button.clicked.connect(self.acknowledge_selected)
        self.export_button = QPushButton()
        self.export_button.setObjectName("action_export_findings")
        self.export_button.clicked.connect(self.export_findings)
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.review: Review | None = None
        self.tree = CheckGroupTree()
        self.tree.hide()
        self.tree.itemDoubleClicked.connect(lambda *_args: self._open(self.tree.current_finding()))
        self.findings.layoutChanged.connect(self._regroup)
        self.findings.rowsInserted.connect(self._regroup)
        self.findings.rowsRemoved.connect(self._regroup)
        self.findings.modelReset.connect(self._regroup)

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
        # ...measured on the first rows only: Qt's default, 1,000 rows, laid out 1,000 labels
        # and icons when 50,000 findings came in (about 170 ms on the GUI thread at 10k).
        header.setResizeContentsPrecision(SEVERITY_WIDTH_ROWS)
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
        bar.addWidget(self.group_by)
        bar.addWidget(self.search, 1)
        bar.addWidget(self.refresh_button)
        actions = QHBoxLayout()
        actions.addWidget(self.summary, 1)
        actions.addWidget(self.acknowledge_button)
        actions.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addLayout(actions)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.tree, 1)
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
        set_accessible_name(self.search, _("Search the problems"))
        self.table.setAccessibleName(_("Problems found"))
        self.refresh_button.setText(_("Run the checks again"))
        for i, text in enumerate((_("No grouping"), _("Group by rule"), _("Group by record"))):
            self.group_by.setItemText(i, text)
        self.acknowledge_button.setText(_("Acknowledge…"))
        self.acknowledge_button.setToolTip(
            _("Acknowledge the selected finding with a reason: it stays out until its facts change")
        )
        self.export_button.setText(_("Export the action plan…"))
        self.tree.retranslate_ui()
        self._hint.setText(_("Double-click a problem to open the record concerned."))
        self.findings.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 3)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.load_once()  # load when first shown

    def load_once(self) -> None:
        """Run the checks, unless run or running already: the window asks when it shows the
        view, and showing it asks again (a refresh then would run them all a second time)."""
        if not self._loaded_once and not self._loading:
            self.refresh()

    def refresh(self) -> None:
        if self._loading:
            self._stale = True
            return
        self._loading = True
        self.refresh_button.setEnabled(False)
        register, sort = self._register, self.findings.sort_state()
        # A pure read: beside the write pool, so checks never queue behind an import.
        run_job(
            self, lambda progress: load_findings(register, progress, sort), writes=False
        ).on_success(self._show).on_failure(self._failed).start()

    def set_severity(self, severity: str | None) -> None:
        self.severity_filter.setCurrentIndex(max(0, self.severity_filter.findData(severity)))

    def _severity_chosen(self, _index: int) -> None:
        self.findings.set_severity(self.severity_filter.currentData())

    def _failed(self, error: Exception) -> None:
        self._loading = False
        self.refresh_button.setEnabled(True)
        show_error(self, _("The checks could not be run"), error)

    def _show(self, loaded: LoadedChecks) -> None:
        self._loading = False
        self._loaded_once = True
        self.refresh_button.setEnabled(True)
        self.review = loaded.review
        self.findings.set_findings(loaded.review.open, loaded.order)
        self.summary.setText(loaded.summary)
        self.refreshed.emit()
        if self._stale:
            self._stale = False
            self.refresh()

    def _activated(self, index: QModelIndex) -> None:
        finding = self.findings.data(index, FINDING_ROLE)
        self._open(finding if isinstance(finding, Finding) else None)

    def _open(self, finding: Finding | None) -> None:
        if finding is not None:
            self.open_entity_requested.emit(finding.link.kind, finding.link.id)

    # -- grouping, acknowledging, exporting ----------------------------------------------------
    def visible_findings(self) -> list[Finding]:
        """The findings the filters keep, in the list's order."""
        return [self.findings.finding_at(r) for r in range(self.findings.shown_count())]

    def _regroup(self, *_args: object) -> None:
        by = self.group_by.currentData()
        self.table.setVisible(by is None)
        self.tree.setVisible(by is not None)
        if by is not None:
            self.tree.show_groups(self.visible_findings(), by, record_text)

    def selected_finding(self) -> Finding | None:
        if self.tree.isVisible():
            return self.tree.current_finding()
        finding = self.findings.data(self.table.currentIndex(), FINDING_ROLE)
        return finding if isinstance(finding, Finding) else None

    def acknowledge_selected(self) -> None:
        finding, review = self.selected_finding(), self.review
        if finding is None or review is None:
            return
        reason = ask_reason(self, finding)
        if reason is None:
            return
        register = self._register
        run_job(
            self, lambda _progress: acknowledge(register, review.snapshot, finding, reason)
        ).on_success(lambda _result: self.refresh()).on_failure(self._failed).start()

    def export_findings(self) -> None:
        path = ask_export_path(self)
        if path is None:
            return
        findings, register = self.visible_findings(), self._register
        run_job(
            self, lambda progress: export_plan(register, findings, path, progress), writes=False
        ).on_failure(self._export_failed).start()

    def _export_failed(self, error: Exception) -> None:
        show_error(self, _("The export failed"), error)


def review_summary(review: Review) -> str:
    text = summary_text(review.open)
    if review.acknowledged:
        text += " " + ngettext(
            "({n} acknowledged, not listed)",
            "({n} acknowledged, not listed)",
            len(review.acknowledged),
        ).format(n=len(review.acknowledged))
    return text


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
