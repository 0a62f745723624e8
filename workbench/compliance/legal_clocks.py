"""The legal clocks of the breach register and the request log, computed, never stored.

- Breach: notify the CNIL "not later than 72 hours after having become aware" (Art. 33(1)).
  A period in hours has no weekend or holiday extension (Reg. (EEC, Euratom) 1182/71 Art. 3(4)
  applies to periods "expressed otherwise than in hours"), and 72 hours are 72 hours of elapsed
  time: across a clock change the wall-clock time of the deadline moves by an hour.
- Request: answer "within one month of receipt", extendable "by two further months", the person
  being told of the extension within the first month (Art. 12(3)). Months are counted per
  Reg. 1182/71 Art. 3(2)(c) (the same date in the last month, else its last day) and a period
  ending on a Saturday, Sunday or public holiday ends at the end of the next working day
  (Art. 3(4)). While proof of identity is awaited (Art. 12(6)) the clock is suspended; the days
  it waited are added to the end.

Every result carries `basis`: the steps of the computation in words. A computed date is shown as
computed, with its basis, never as a date somebody recorded.
"""

from __future__ import annotations

import calendar as month_calendar
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from workbench.compliance.calendar import FrenchCalendar
from workbench.domain.breaches import Breach
from workbench.domain.enums import IdentityCheck
from workbench.domain.subject_requests import DataSubjectRequest
from workbench.i18n import N_, _

BREACH_NOTIFICATION_HOURS = 72  # Art. 33(1)
LOCAL_TIME = ZoneInfo("Europe/Paris")  # the DPO's wall clock, for showing moments
# The wording of a basis: the UI's language by default, a document's when an exporter asks.
Translate = Callable[[str], str]


def local(moment: dt.datetime) -> dt.datetime:
    return moment.astimezone(LOCAL_TIME)


def moment_text(moment: dt.datetime) -> str:
    """A moment on the Paris wall clock, with its offset: "2026-03-30 11:00 (UTC+02:00)"."""
    shown = local(moment)
    offset = shown.strftime("%z")
    return f"{shown:%Y-%m-%d %H:%M} (UTC{offset[:3]}:{offset[3:]})"


# -- breaches -----------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class BreachClock:
    aware_at: dt.datetime
    deadline: dt.datetime  # computed: awareness + 72 hours
    notified_at: dt.datetime | None  # the first notification to the CNIL, as recorded
    basis: str

    def hours_left(self, now: dt.datetime) -> float:
        """Hours until the deadline (negative once passed), whole elapsed hours of real time."""
        return (self.deadline - now).total_seconds() / 3600

    @property
    def notified_late(self) -> bool:
        return self.notified_at is not None and self.notified_at > self.deadline

    def overdue(self, now: dt.datetime) -> bool:
        """Past 72 hours and not notified."""
        return self.notified_at is None and now > self.deadline


def breach_clock(breach: Breach, tr: Translate = _) -> BreachClock | None:
    """None until the moment of awareness is recorded: without it there is no clock."""
    if breach.aware_at is None:
        return None
    # In UTC: Python adds a timedelta to a Europe/Paris time on the wall clock, which across a
    # clock change gives 71 or 73 hours.
    deadline = breach.aware_at.astimezone(dt.UTC) + dt.timedelta(hours=BREACH_NOTIFICATION_HOURS)
    basis = tr(
        N_(
            "computed: {hours} hours from awareness on {aware} (Art. 33(1)); a period in hours "
            "has no weekend or holiday extension"
        )
    ).format(hours=BREACH_NOTIFICATION_HOURS, aware=moment_text(breach.aware_at))
    return BreachClock(breach.aware_at, deadline, breach.first_notified_at, basis)


# -- requests -----------------------------------------------------------------------------------
def add_months(start: dt.date, months: int) -> dt.date:
    """Reg. 1182/71 Art. 3(2)(c): the same date `months` later, or that month's last day."""
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    last = month_calendar.monthrange(year, month)[1]
    return dt.date(year, month, min(start.day, last))


@dataclass(frozen=True, slots=True)
class RequestDeadline:
    due_on: dt.date | None  # computed; None while the clock is suspended (identity awaited)
    extension_notice_by: dt.date  # computed: end of the first month (Art. 12(3))
    suspended_days: int
    basis: str

    @property
    def suspended(self) -> bool:
        return self.due_on is None


def request_deadline(
    request: DataSubjectRequest, calendar: FrenchCalendar, today: dt.date, tr: Translate = _
) -> RequestDeadline:
    steps = [
        tr(
            N_("computed: one month from receipt on {date} (Art. 12(3); Reg. 1182/71 Art. 3(2)(c))")
        ).format(date=request.received_on.isoformat())
    ]
    months = 1 + request.extension_months
    if request.extension_months:
        steps.append(
            tr(N_("extended by {months} further month(s) (Art. 12(3))")).format(
                months=request.extension_months
            )
        )
    end = add_months(request.received_on, months)
    if end.day != request.received_on.day:
        steps.append(tr(N_("no such day in that month: its last day, {date}")).format(date=end))
    waited, waiting = _suspension(request, today)
    if waited:
        steps.append(
            tr(N_("plus {days} day(s) waiting for proof of identity (Art. 12(6))")).format(
                days=waited
            )
        )
        end += dt.timedelta(days=waited)
    first_month = calendar.next_working_day(
        add_months(request.received_on, 1) + dt.timedelta(days=waited)
    )
    due = calendar.next_working_day(end)
    if due != end:
        steps.append(
            tr(N_("{date} is not a working day: the next one (Reg. 1182/71 Art. 3(4))")).format(
                date=end.isoformat()
            )
        )
    if waiting:
        steps.append(
            tr(N_("suspended: proof of identity asked on {date}, not received")).format(
                date=request.identity_requested_on.isoformat()
                if request.identity_requested_on
                else ""
            )
        )
    return RequestDeadline(None if waiting else due, first_month, waited, "; ".join(steps))


def _suspension(request: DataSubjectRequest, today: dt.date) -> tuple[int, bool]:
    """(days the clock waited for proof of identity, whether it is still waiting)."""
    asked, received = request.identity_requested_on, request.identity_received_on
    if asked is None:
        return 0, False
    if received is None:
        waiting = request.is_open and request.identity is IdentityCheck.REQUESTED
        return (max((today - asked).days, 0), True) if waiting else (0, False)
    return max((received - asked).days, 0), False
