"""The breach register's list, with its 72-hour clock in hours, live (refreshed every minute)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QTimer

from ui.models.entity_table_model import RIGHT, Column, EntityTableModel
from ui.widgets.moment_edit import moment_field_text
from workbench.compliance.legal_clocks import BreachClock, breach_clock
from workbench.domain.breaches import Breach
from workbench.domain.enums import BreachRisk, EntityKind, Role
from workbench.i18n import N_, _, ngettext
from workbench.services import Register

CLOCK_REFRESH_MS = 60_000


@dataclass(frozen=True, slots=True)
class BreachListRow:
    breach: Breach
    organisation: str
    clock: BreachClock | None

    @property
    def id(self) -> int:
        return self.breach.id or 0


def local_minute(moment: dt.datetime | None) -> str:
    return moment_field_text(moment)


def deadline_text(row: BreachListRow) -> str:
    if row.clock is None or row.breach.role is Role.PROCESSOR:  # the controllers' own clock
        return ""
    return _("{moment} (computed)").format(moment=local_minute(row.clock.deadline))


def clock_text(row: BreachListRow, now: dt.datetime | None = None) -> str:
    """Where the 72 hours stand, in hours: left, past, or how long the notification took."""
    clock, breach = row.clock, row.breach
    if clock is None:
        return _("awareness not recorded")
    if breach.role is Role.PROCESSOR:
        return _("as processor: tell the controllers")
    if clock.notified_at is not None:
        hours = int((clock.notified_at - clock.aware_at).total_seconds() // 3600)
        return ngettext("notified after {n} hour", "notified after {n} hours", hours).format(
            n=hours
        )
    if breach.risk is BreachRisk.UNLIKELY:
        return _("not to notify (unlikely risk)")
    left = clock.hours_left(now or dt.datetime.now(dt.UTC))
    if left >= 0:
        hours = int(left)
        return ngettext("{n} hour left", "{n} hours left", hours).format(n=hours)
    hours = int(-left)
    return ngettext("{n} hour past", "{n} hours past", hours).format(n=hours)


class BreachTableModel(EntityTableModel[BreachListRow]):
    list_name = "breaches"
    kinds = frozenset({EntityKind.BREACH, EntityKind.ORGANISATION})
    columns = (
        Column("id", N_("ID"), lambda r: r.id, RIGHT, visible_by_default=False),
        Column("title", N_("Breach"), lambda r: r.breach.title),
        Column("clock", N_("72-hour clock"), clock_text),
        Column("deadline", N_("72 hours end"), deadline_text),
        Column("aware_at", N_("Aware at"), lambda r: local_minute(r.breach.aware_at)),
        Column(
            "notified_at",
            N_("Notified to the CNIL"),
            lambda r: local_minute(r.breach.first_notified_at),
        ),
        Column("risk", N_("Risk"), lambda r: r.breach.risk),
        Column("health", N_("Health data"), lambda r: r.breach.involves_health_data),
        Column("role", N_("Role"), lambda r: r.breach.role),
        Column("organisation", N_("Organisation"), lambda r: r.organisation),
        Column("closed_on", N_("Closed on"), lambda r: r.breach.closed_on),
    )

    def __init__(self, register: Register) -> None:
        super().__init__()
        self._register = register
        self._clock_timer = QTimer(self)
        self._clock_timer.setInterval(CLOCK_REFRESH_MS)
        self._clock_timer.timeout.connect(self.refresh_clock)
        self.rows_reloaded.connect(self._run_clock_while_needed)

    def load_rows(self) -> Sequence[BreachListRow]:
        names = {o.id: o.name for o in self._register.organisations.list()}
        return [
            BreachListRow(b, names.get(b.organisation_id, ""), breach_clock(b))
            for b in self._register.breaches.list()
        ]

    def _run_clock_while_needed(self) -> None:
        """Tick only while some breach's 72 hours are running (not notified, as controller)."""
        running = any(
            r.clock is not None and r.clock.notified_at is None and r.breach.role is Role.CONTROLLER
            for r in self._rows
        )
        if running and not self._clock_timer.isActive():
            self._clock_timer.start()
        elif not running:
            self._clock_timer.stop()

    @property
    def clock_running(self) -> bool:
        return self._clock_timer.isActive()

    def refresh_clock(self) -> None:
        """The hours moved on: repaint the clock column (its text is computed when shown)."""
        if self.rowCount():
            column = self.column_of_key("clock")
            self.dataChanged.emit(self.index(0, column), self.index(self.rowCount() - 1, column))
