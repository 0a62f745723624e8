"""The dashboard: counts, coming deadlines, check results, hosting and certificate pictures.

Everything is read in one job off the GUI thread (`collect_dashboard`), then drawn; the
dashboard reloads itself when the change bus reports a write, a moment later so a burst of
changes (an import) costs one reload.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QKeyEvent, QMouseEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.change_bus import ChangeBus
from ui.jobs import run_job
from ui.labels import date_text
from ui.models.static_table_model import StaticTableModel
from ui.widgets.dashboard_charts import (
    certificate_timeline_chart,
    country_chart,
    hosting_zone_chart,
)
from ui.widgets.dashboard_data import (
    TIMELINE_MAX_CERTIFICATES,
    DashboardData,
    DeadlineRow,
    collect_dashboard,
)
from ui.widgets.reload_on_change import ReloadOnChange
from ui.widgets.severity import SEVERITY_COLOURS, severity_label
from workbench.domain.enums import EntityKind
from workbench.i18n import N_, _, ngettext
from workbench.services import Register

_Index = QModelIndex | QPersistentModelIndex

COUNT_CARDS = (
    (EntityKind.TREATMENT, N_("Treatments")),
    (EntityKind.SUBPROCESSOR, N_("Subprocessors")),
    (EntityKind.CERTIFICATION, N_("Certifications")),
    (EntityKind.AUDIT, N_("Audits")),
    (EntityKind.NOTIFICATION, N_("Notifications")),
    (EntityKind.ORGANISATION, N_("Organisations")),
)


class DeadlineTableModel(StaticTableModel[DeadlineRow]):
    HEADERS = (N_("Due"), N_("In"), N_("What"))

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = dt.date.today()

    def set_rows(self, rows: list[DeadlineRow], today: dt.date) -> None:
        self._today = today
        self.replace_rows(rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        deadline = self._rows[index.row()]
        days = (deadline.due_on - self._today).days
        if role == Qt.ItemDataRole.DisplayRole:
            due = date_text(deadline.due_on)
            if deadline.basis:  # never shown as a recorded date
                due = _("{date} (computed)").format(date=due)
            return (due, _days_text(days), deadline.what)[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 1 and days < 0:
            return QColor("#c62828")
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{deadline.what}\n{deadline.basis}" if deadline.basis else deadline.what
        return None


def _days_text(days: int) -> str:
    if days < 0:
        return ngettext("{n} day late", "{n} days late", -days).format(n=-days)
    if days == 0:
        return _("today")
    return ngettext("{n} day", "{n} days", days).format(n=days)


class CountCard(QFrame):
    """A big number with its caption; clicking it, or Space/Enter when it has the focus (Tab
    reaches it), asks for the matching list. Screen readers read it as "caption: number"."""

    clicked = Signal()

    def __init__(self, caption: str, colour: str = "#263238", parent: QWidget | None = None):
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        # A visible focus frame: the style's panel does not show keyboard focus by itself.
        self.setStyleSheet("CountCard:focus { border: 2px solid palette(highlight); }")
        self.setMinimumWidth(120)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        self.number = QLabel("—")
        font = QFont(self.number.font())
        font.setPointSizeF(font.pointSizeF() * 2.0)
        font.setBold(True)
        self.number.setFont(font)
        self.number.setStyleSheet(f"color: {colour};")
        self.caption = QLabel(caption)
        self.caption.setWordWrap(True)
        layout.addWidget(self.number)
        layout.addWidget(self.caption)

    def set_value(self, value: int) -> None:
        self.number.setText(str(value))
        self._describe()

    def set_caption(self, caption: str) -> None:
        self.caption.setText(caption)
        self._describe()

    def _describe(self) -> None:
        self.setAccessibleName(f"{self.caption.text()}: {self.number.text()}")
        self.setAccessibleDescription(_("Press Space to open the list"))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.clicked.emit()
            return
        super().keyPressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() is Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mouseReleaseEvent(event)


class DashboardWidget(QScrollArea):
    list_requested = Signal(object)  # EntityKind: the user clicked a count
    checks_requested = Signal(object)  # the severity clicked: the checks open filtered on it
    open_entity_requested = Signal(object, int)  # EntityKind, id (a deadline double-clicked)
    refreshed = Signal()  # the data is drawn (tests and screenshots wait on it)

    def __init__(
        self, register: Register, change_bus: ChangeBus | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._register = register
        self.data: DashboardData | None = None
        self._loading = False
        self._loaded_once = False
        self._stale = False
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        self._grid = QGridLayout(body)
        self._grid.setSpacing(12)
        self.setWidget(body)

        self.count_cards: dict[EntityKind, CountCard] = {}
        cards = QHBoxLayout()
        for kind, _caption in COUNT_CARDS:
            card = CountCard("")
            card.clicked.connect(lambda k=kind: self.list_requested.emit(k))
            self.count_cards[kind] = card
            cards.addWidget(card)
        self._grid.addLayout(cards, 0, 0, 1, 2)

        deadlines_box = self._deadlines_box = QGroupBox()
        self.deadlines = DeadlineTableModel(self)
        self.deadline_view = QTableView()
        self.deadline_view.setModel(self.deadlines)
        self.deadline_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.deadline_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.deadline_view.verticalHeader().hide()
        self.deadline_view.horizontalHeader().setStretchLastSection(True)
        self.deadline_view.horizontalHeader().setSectionResizeMode(
            2, QHeaderView.ResizeMode.Stretch
        )
        self.deadline_view.doubleClicked.connect(self._deadline_activated)
        self.deadline_view.setMinimumHeight(180)
        self.no_deadlines = QLabel()  # an empty table would look like data failed to load
        self.no_deadlines.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.no_deadlines.setEnabled(False)
        self.no_deadlines.setMinimumHeight(180)
        self.no_deadlines.hide()
        deadlines_layout = QVBoxLayout(deadlines_box)
        deadlines_layout.addWidget(self.deadline_view)
        deadlines_layout.addWidget(self.no_deadlines)
        self._grid.addWidget(deadlines_box, 1, 0)

        checks_box = self._checks_box = QGroupBox()
        checks_outer = QVBoxLayout(checks_box)
        checks_layout = QHBoxLayout()
        checks_outer.addLayout(checks_layout)
        checks_hint = self._checks_hint = QLabel()
        checks_hint.setWordWrap(True)
        checks_hint.setEnabled(False)
        checks_outer.addWidget(checks_hint)
        checks_outer.addStretch(1)
        self.severity_cards: dict[str, CountCard] = {}
        for severity, colour in SEVERITY_COLOURS.items():
            card = CountCard("", colour.name())
            card.setMinimumWidth(90)
            card.clicked.connect(lambda s=severity: self.checks_requested.emit(s))
            self.severity_cards[severity] = card
            checks_layout.addWidget(card, 0, Qt.AlignmentFlag.AlignTop)
        self._grid.addWidget(checks_box, 1, 1)

        self._charts: list[QWidget] = []
        self._grid.setColumnStretch(0, 3)
        self._grid.setColumnStretch(1, 2)

        self._reload_on_change = ReloadOnChange(self, self.refresh, change_bus)
        self.retranslate_ui()

    # -- language ------------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
            if self.data is not None:  # chart titles, and month names (QLocale.setDefault)
                self._draw(self.data)
                # the deadlines are worded by the compliance rules when read: read them again
                self.refresh()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        for kind, caption in COUNT_CARDS:
            self.count_cards[kind].set_caption(_(caption))
        for severity, card in self.severity_cards.items():
            card.set_caption(severity_label(severity))
        days = self.data.deadline_days if self.data is not None else 60
        self._deadlines_box.setTitle(
            ngettext(
                "Deadlines in the next {days} day, and overdue ones",
                "Deadlines in the next {days} days, and overdue ones",
                days,
            ).format(days=days)
        )
        self._checks_box.setTitle(_("Check results"))
        self.no_deadlines.setText(
            ngettext(
                "Nothing is due in the next {days} day.",
                "Nothing is due in the next {days} days.",
                days,
            ).format(days=days)
        )
        self._checks_hint.setText(_("Click a number to see the problems and how to fix them."))
        self.deadlines.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 2)
        if self.deadlines.rowCount():
            self.deadlines.dataChanged.emit(
                self.deadlines.index(0, 0), self.deadlines.index(self.deadlines.rowCount() - 1, 2)
            )

    # -- loading -------------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.load_once()  # load when first shown

    def load_once(self) -> None:
        """Load, unless loaded or loading already: the window asks when it shows the view, and
        showing it asks again (a refresh then would read the whole register a second time)."""
        if not self._loaded_once and not self._loading:
            self.refresh()

    def refresh(self) -> None:
        """Reload in a job; a refresh asked while one runs is done once it ends."""
        if self._loading:
            self._stale = True
            return
        self._loading = True
        register = self._register
        # A read (deferred BEGIN) never waits for a writer: off the one-thread write pool, so
        # the dashboard does not queue behind an import.
        run_job(
            self, lambda progress: collect_dashboard(register, progress), writes=False
        ).on_success(self._show).on_failure(self._failed).start()

    def _failed(self, error: Exception) -> None:
        self._loading = False
        from ui.jobs import show_error

        show_error(self, _("The dashboard could not be loaded"), error)

    def _show(self, data: DashboardData) -> None:
        self._loading = False
        self._loaded_once = True
        self.data = data
        self.retranslate_ui()  # the horizon in the titles is the register's setting
        self._draw(data)
        self.refreshed.emit()
        if self._stale:
            self._stale = False
            self.refresh()

    def _draw(self, data: DashboardData) -> None:
        for kind, card in self.count_cards.items():
            card.set_value(data.counts.get(kind, 0))
        for severity, card in self.severity_cards.items():
            card.set_value(data.severities.get(severity, 0))
        self.deadlines.set_rows(data.deadlines, data.today)
        self.deadline_view.setVisible(bool(data.deadlines))
        self.no_deadlines.setVisible(not data.deadlines)
        self.deadline_view.resizeColumnsToContents()
        for chart in self._charts:
            self._grid.removeWidget(chart)
            chart.deleteLater()
        self._charts = [
            hosting_zone_chart(data.zones),
            country_chart(data.countries),
            certificate_timeline_chart(data.certificates[:TIMELINE_MAX_CERTIFICATES], data.today),
        ]
        self._grid.addWidget(self._charts[0], 2, 0)
        self._grid.addWidget(self._charts[1], 2, 1)
        self._grid.addWidget(self._charts[2], 3, 0, 1, 2)

    def _deadline_activated(self, index: QModelIndex) -> None:
        deadline = self.deadlines.row_at(index.row())
        if deadline.entity_kind is not None and deadline.entity_id is not None:
            self.open_entity_requested.emit(deadline.entity_kind, deadline.entity_id)
