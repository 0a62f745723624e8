"""French working days ("jours ouvrés", Monday to Friday except public holidays).

Public holidays come from the `holidays` package: `holidays.France()` gives the 11 fêtes légales of
Code du travail L.3133-1; Alsace-Moselle (subdivisions "57" and "6AE") adds Good Friday and
26 December (L.3134-13). The package rejects "67" and "68" (Bas-Rhin, Haut-Rhin), which belong to
the Collectivité européenne d'Alsace: they are mapped to "6AE".

Counting convention (Code de procédure civile Art. 641): the day that triggers a period is not
counted. "Notice at least N working days before the audit" therefore means N working days strictly
between the day the notice is received and the day of the audit.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

from holidays.countries.france import France

from workbench.domain.errors import ValidationError

_SUBDIVISION_ALIASES = {"67": "6AE", "68": "6AE", "ALSACE": "6AE", "MOSELLE": "57"}
_WEEKEND = (5, 6)  # Saturday, Sunday
# Enough to cover any realistic search; guards against an endless loop on a broken calendar.
_MAX_SEARCH_DAYS = 3660


def normalise_subdivision(subdivision: str | None) -> str | None:
    """The `holidays` subdivision code for a French department or region (None = metropolitan)."""
    if subdivision is None or not subdivision.strip():
        return None
    code = subdivision.strip().upper()
    code = _SUBDIVISION_ALIASES.get(code, code)
    if code not in France.subdivisions:
        raise ValidationError(
            {
                "holiday_subdivision": f"'{subdivision}' is not a French subdivision known to the "
                "holiday calendar; use 57, 67 or 68 for Alsace-Moselle, or leave it empty."
            }
        )
    return code


@cache
def _holidays(subdivision: str | None) -> France:
    return France(subdiv=subdivision)  # type: ignore[no-untyped-call]


class FrenchCalendar:
    """Working-day arithmetic for metropolitan France, optionally with Alsace-Moselle holidays."""

    def __init__(self, subdivision: str | None = None) -> None:
        self.subdivision = normalise_subdivision(subdivision)
        self._days = _holidays(self.subdivision)

    def is_holiday(self, day: dt.date) -> bool:
        return day in self._days

    def holiday_name(self, day: dt.date) -> str | None:
        name: str | None = self._days.get(day)
        return name

    def is_working_day(self, day: dt.date) -> bool:
        return day.weekday() not in _WEEKEND and not self.is_holiday(day)

    def next_working_day(self, day: dt.date) -> dt.date:
        """`day` itself if it is a working day, else the first working day after it."""
        for offset in range(_MAX_SEARCH_DAYS):
            candidate = day + dt.timedelta(days=offset)
            if self.is_working_day(candidate):
                return candidate
        raise AssertionError("no working day found")  # pragma: no cover - calendar is sane

    def add_working_days(self, start: dt.date, count: int) -> dt.date:
        """The date `count` working days after `start` (before it when negative), start excluded."""
        step = dt.timedelta(days=1 if count >= 0 else -1)
        remaining = abs(count)
        day = start
        while remaining:
            day += step
            if self.is_working_day(day):
                remaining -= 1
        return day

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        """Working days strictly after `start` and strictly before `end` (0 if end <= start)."""
        count = 0
        day = start + dt.timedelta(days=1)
        while day < end:
            if self.is_working_day(day):
                count += 1
            day += dt.timedelta(days=1)
        return count

    def latest_notice_date(self, event_on: dt.date, working_days: int) -> dt.date:
        """The last day a notice can arrive and still leave `working_days` full working days."""
        return self.add_working_days(event_on, -working_days) - dt.timedelta(days=1)

    def notice_is_sufficient(
        self, notice_on: dt.date, event_on: dt.date, working_days: int
    ) -> bool:
        return self.working_days_between(notice_on, event_on) >= working_days

    def deadline_after(self, start: dt.date, days: int) -> dt.date:
        """`start` + `days` calendar days, moved to the next working day if it falls on a day off.

        CPC Art. 641-642 and Reg. (EEC, Euratom) 1182/71 Art. 3(4): a period expressed in days
        does not count its starting day and, ending on a Saturday, Sunday or public holiday, is
        extended to the next working day.
        """
        return self.next_working_day(start + dt.timedelta(days=days))
