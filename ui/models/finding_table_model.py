"""The checks' findings, filtered by severity and text and sorted in bulk, without a proxy.

A QSortFilterProxyModel over 50,000 findings (10,000 treatments) called back into Python for
every row on each reset and for every comparison of its sort: 440-650 ms on the GUI thread
after each run of the checks (bench_ui.py). Here the model keeps every finding and the shown
order as a list, computed with comprehensions and `sorted()`, as EntityTableModel does.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

from ui.labels import enum_label
from ui.models.static_table_model import HeaderedTableModel
from ui.widgets.severity import SEVERITY_COLOURS, severity_name
from workbench.compliance.checks import Finding
from workbench.domain.enums import EntityKind
from workbench.domain.references import treatment_reference
from workbench.i18n import N_

FINDING_ROLE = Qt.ItemDataRole.UserRole + 1  # the Finding of a row
SEVERITY_RANK_ROLE = Qt.ItemDataRole.UserRole + 2  # sorts errors before warnings
_Index = QModelIndex | QPersistentModelIndex
# The view gets the findings a page at a time (10,000 treatments give 50,000 of them).
FINDINGS_PAGE = 1000


@dataclass(frozen=True, slots=True)
class Ordered:
    """Findings' positions in a sort, computed where the findings were (a job)."""

    sort: tuple[int, Qt.SortOrder]
    indexes: list[int]


def sorted_indexes(
    findings: Sequence[Finding], indexes: list[int], sort: tuple[int, Qt.SortOrder]
) -> list[int]:
    """`indexes` into `findings` in the order of `sort` (column, order); any thread."""
    column, order = sort
    if not 0 <= column < len(FindingTableModel.HEADERS):
        return indexes
    keys: list[tuple[int, int] | str]
    if column == 0:  # -i: within a severity, the order the checks gave
        keys = [(f.severity.rank, -i) for i, f in enumerate(findings)]
    else:
        texts = (lambda f: f.problem, lambda f: f.fix, record_text)[column - 1]
        keys = [texts(f).casefold() for f in findings]
    return sorted(indexes, key=keys.__getitem__, reverse=order == Qt.SortOrder.DescendingOrder)


def sorted_findings(findings: Sequence[Finding], sort: tuple[int, Qt.SortOrder]) -> Ordered:
    return Ordered(sort, sorted_indexes(findings, list(range(len(findings))), sort))


def _dot(colour: QColor) -> QIcon:
    pixmap = QPixmap(12, 12)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(colour)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawEllipse(1, 1, 10, 10)
    painter.end()
    return QIcon(pixmap)


def record_text(finding: Finding) -> str:
    kind = enum_label(finding.link.kind)
    if finding.link.kind is EntityKind.TREATMENT:  # by the reference its fiche prints
        kind = f"{kind} {treatment_reference(finding.link.id)}"
    return f"{kind}: {finding.entity_name}" if finding.entity_name else kind


class FindingTableModel(HeaderedTableModel):
    HEADERS = (N_("Severity"), N_("Problem"), N_("How to fix it"), N_("Record"))

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._icons: dict[str, QIcon] = {}
        self._all: list[Finding] = []
        self._order: list[int] = []  # indexes into _all, sorted
        self._shown: list[int] = []  # _order filtered
        self._haystacks: list[str] | None = None  # built on the first text filter
        self._severity: str | None = None
        self._words: tuple[str, ...] = ()
        self._sort = (-1, Qt.SortOrder.AscendingOrder)
        self.page_size = FINDINGS_PAGE
        self._exposed = self.page_size  # rows the view has (see fetchMore)

    # -- content -------------------------------------------------------------------------------
    def set_findings(self, findings: Sequence[Finding], order: Ordered | None = None) -> None:
        """`order`: the findings already sorted (off the GUI thread, see `sorted_findings`),
        used if the list's sort has not changed since."""
        self.beginResetModel()
        self._all = list(findings)
        self._haystacks = None
        if order is not None and order.sort == self._sort and len(order.indexes) == len(self._all):
            self._order = list(order.indexes)
        else:
            self._order = self._sorted(list(range(len(self._all))))
        self._shown = self._filtered()
        self._exposed = self.page_size
        self.endResetModel()

    def sort_state(self) -> tuple[int, Qt.SortOrder]:
        return self._sort

    def shown_count(self) -> int:
        """Findings the filters keep (the view gets them a page at a time: `rowCount`)."""
        return len(self._shown)

    # -- a page at a time ----------------------------------------------------------------------
    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008 - Qt signature
        return not parent.isValid() and len(self._shown) > self._exposed

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008
        """The view scrolled to the last row: show the next page of findings."""
        if not self.canFetchMore(parent):
            return
        first = self._exposed
        last = min(len(self._shown), first + self.page_size) - 1
        self.beginInsertRows(QModelIndex(), first, last)
        self._exposed = last + 1
        self.endInsertRows()

    def finding_at(self, row: int) -> Finding:
        """The finding shown on `row`."""
        return self._all[self._shown[row]]

    def all_findings(self) -> list[Finding]:
        return list(self._all)

    def set_severity(self, severity: str | None) -> None:
        if severity != self._severity:
            self.beginResetModel()
            self._severity = severity
            self._shown = self._filtered()
            self._exposed = self.page_size
            self.endResetModel()

    def set_filter_text(self, text: str) -> None:
        words = tuple(text.casefold().split())
        if words != self._words:
            self.beginResetModel()
            self._words = words
            self._shown = self._filtered()
            self._exposed = self.page_size
            self.endResetModel()

    def _filtered(self) -> list[int]:
        shown = self._order
        if self._severity is not None:
            findings, severity = self._all, self._severity
            shown = [i for i in shown if findings[i].severity.value == severity]
        if self._words:
            if self._haystacks is None:
                self._haystacks = [
                    "\x1f".join((f.problem, f.fix, record_text(f), f.rule_id)).casefold()
                    for f in self._all
                ]
            hay = self._haystacks
            for word in self._words:
                shown = [i for i in shown if word in hay[i]]
        return list(shown)

    # -- sort ----------------------------------------------------------------------------------
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()  # as many rows in view, in the new order
        self._sort = (column, order)
        self._order = self._sorted(self._order)
        self._shown = self._filtered()
        self.layoutChanged.emit()

    def _sorted(self, indexes: list[int]) -> list[int]:
        return sorted_indexes(self._all, indexes, self._sort)

    # -- QAbstractTableModel -------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else min(len(self._shown), self._exposed)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._shown):
            return None
        finding = self.finding_at(index.row())
        column = index.column()
        severity = finding.severity.value
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                severity_name(severity),
                finding.problem,
                finding.fix,
                record_text(finding),
            )[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{finding.problem}\n\n{finding.fix}\n\n[{finding.rule_id}]"
        if role == Qt.ItemDataRole.DecorationRole and column == 0:
            return self._icon(severity)
        if role == Qt.ItemDataRole.ForegroundRole and column == 0:
            return SEVERITY_COLOURS.get(severity)
        if role == FINDING_ROLE:
            return finding
        if role == SEVERITY_RANK_ROLE:
            return finding.severity.rank
        return None

    def _icon(self, severity: str) -> QIcon:
        if severity not in self._icons:
            self._icons[severity] = _dot(SEVERITY_COLOURS.get(severity, QColor("gray")))
        return self._icons[severity]
