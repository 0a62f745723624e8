from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from workbench.compliance.calendar import FrenchCalendar
from workbench.compliance.legal_clocks import add_months, breach_clock, request_deadline
from workbench.domain.breaches import AuthorityNotification, Breach
from workbench.domain.enums import IdentityCheck
from workbench.domain.subject_requests import DataSubjectRequest

PARIS = ZoneInfo("Europe/Paris")
CALENDAR = FrenchCalendar()
TODAY = dt.date(2026, 2, 1)


def test_the_72_hours_run_through_a_weekend_and_the_spring_clock_change() -> None:
    # Friday 27 March 2026, 10:00 in Paris (UTC+1); clocks go forward on Sunday 29 March.
    aware = dt.datetime(2026, 3, 27, 10, 0, tzinfo=PARIS)
    clock = breach_clock(Breach(organisation_id=1, title="x", aware_at=aware))
    assert clock is not None
    # 72 elapsed hours later it is 11:00 on the Paris wall clock (UTC+2), on the Monday:
    # no weekend extension, and not 10:00 (that would be 71 hours).
    deadline = clock.deadline.astimezone(PARIS)
    assert (deadline.date(), deadline.hour, deadline.utcoffset()) == (
        dt.date(2026, 3, 30),
        11,
        dt.timedelta(hours=2),
    )
    assert clock.deadline - aware == dt.timedelta(hours=72)  # elapsed time (different zones)
    assert "computed" in clock.basis
    saturday_noon = dt.datetime(2026, 3, 28, 12, 0, tzinfo=PARIS)
    assert clock.hours_left(saturday_noon) == pytest.approx(46.0)  # 11:00 Mon (UTC+2) - 12:00
    assert not clock.overdue(dt.datetime(2026, 3, 30, 10, 59, tzinfo=PARIS))
    assert clock.overdue(dt.datetime(2026, 3, 30, 11, 1, tzinfo=PARIS))


def test_the_autumn_clock_change_gives_an_hour_back() -> None:
    aware = dt.datetime(2026, 10, 23, 18, 30, tzinfo=PARIS)  # Friday; back to UTC+1 on 25 Oct
    clock = breach_clock(Breach(organisation_id=1, title="x", aware_at=aware))
    assert clock is not None
    wall_clock = clock.deadline.astimezone(PARIS).replace(tzinfo=None)
    assert wall_clock == dt.datetime(2026, 10, 26, 17, 30)


def test_a_notification_after_72_hours_is_late_and_one_before_is_not() -> None:
    aware = dt.datetime(2026, 3, 27, 10, 0, tzinfo=PARIS)

    def clock_for(hours: float) -> bool:
        at = aware.astimezone(dt.UTC) + dt.timedelta(hours=hours)  # elapsed, not wall-clock
        breach = Breach(
            organisation_id=1,
            title="x",
            aware_at=aware,
            authority_notifications=(AuthorityNotification(at),),
        )
        clock = breach_clock(breach)
        assert clock is not None
        return clock.notified_late

    assert not clock_for(71.9)
    assert clock_for(72.1)


def test_no_clock_before_awareness_is_recorded() -> None:
    assert breach_clock(Breach(organisation_id=1, title="x")) is None


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (dt.date(2026, 1, 31), 1, dt.date(2026, 2, 28)),
        (dt.date(2028, 1, 31), 1, dt.date(2028, 2, 29)),  # leap year
        (dt.date(2026, 1, 15), 1, dt.date(2026, 2, 15)),
        (dt.date(2026, 11, 30), 3, dt.date(2027, 2, 28)),
        (dt.date(2026, 12, 31), 2, dt.date(2027, 2, 28)),
    ],
)
def test_months_end_on_the_same_date_or_the_last_day_of_the_month(
    start: dt.date, months: int, expected: dt.date
) -> None:
    assert add_months(start, months) == expected


def deadline_of(request: DataSubjectRequest, today: dt.date = dt.date(2026, 2, 1)) -> dt.date:
    due = request_deadline(request, CALENDAR, today).due_on
    assert due is not None
    return due


def test_received_31_january_the_answer_is_due_at_the_end_of_february() -> None:
    # 2028: 29 February is a Tuesday, a working day.
    assert deadline_of(DataSubjectRequest(1, dt.date(2028, 1, 31))) == dt.date(2028, 2, 29)
    # 2026: 28 February is a Saturday: the period ends on Monday 2 March (Art. 3(4)).
    result = request_deadline(DataSubjectRequest(1, dt.date(2026, 1, 31)), CALENDAR, TODAY)
    assert result.due_on == dt.date(2026, 3, 2)
    assert "last day" in result.basis
    assert "not a working day" in result.basis


def test_a_deadline_on_a_public_holiday_moves_to_the_next_working_day() -> None:
    # One month from 1 April 2026 is Friday 1 May, a public holiday: Monday 4 May.
    assert deadline_of(DataSubjectRequest(1, dt.date(2026, 4, 1))) == dt.date(2026, 5, 4)


def test_an_extension_adds_further_months_and_the_notice_is_due_in_the_first_month() -> None:
    request = DataSubjectRequest(1, dt.date(2026, 1, 31), extension_months=2)
    result = request_deadline(request, CALENDAR, dt.date(2026, 2, 1))
    assert result.due_on == dt.date(2026, 4, 30)  # Thursday
    assert result.extension_notice_by == dt.date(2026, 3, 2)
    assert "extended by 2" in result.basis


def test_waiting_for_proof_of_identity_suspends_the_clock() -> None:
    asked = DataSubjectRequest(
        1,
        dt.date(2026, 1, 15),
        identity=IdentityCheck.REQUESTED,
        identity_requested_on=dt.date(2026, 1, 20),
    )
    waiting = request_deadline(asked, CALENDAR, dt.date(2026, 1, 30))
    assert waiting.suspended
    assert waiting.due_on is None
    received = DataSubjectRequest(
        1,
        dt.date(2026, 1, 15),
        identity=IdentityCheck.VERIFIED,
        identity_requested_on=dt.date(2026, 1, 20),
        identity_received_on=dt.date(2026, 1, 30),
    )
    # 15 February + 10 days waited = 25 February (a Wednesday)
    assert deadline_of(received) == dt.date(2026, 2, 25)
