from __future__ import annotations

import datetime as dt

import pytest

from workbench.compliance.calendar import FrenchCalendar, normalise_subdivision
from workbench.domain.errors import ValidationError

D = dt.date


@pytest.fixture
def france() -> FrenchCalendar:
    return FrenchCalendar()


@pytest.mark.parametrize(
    "holiday",
    [
        D(2026, 1, 1),
        D(2026, 4, 6),  # Easter Monday
        D(2026, 5, 1),
        D(2026, 5, 8),
        D(2026, 5, 14),  # Ascension
        D(2026, 5, 25),  # Whit Monday
        D(2026, 7, 14),
        D(2026, 8, 15),
        D(2026, 11, 1),
        D(2026, 11, 11),
        D(2026, 12, 25),
    ],
)
def test_the_eleven_public_holidays_are_not_working_days(
    france: FrenchCalendar, holiday: dt.date
) -> None:
    assert france.is_holiday(holiday)
    assert not france.is_working_day(holiday)


def test_weekends_are_off_and_ordinary_weekdays_are_working_days(france: FrenchCalendar) -> None:
    assert not france.is_working_day(D(2026, 6, 6))  # Saturday
    assert not france.is_working_day(D(2026, 6, 7))  # Sunday
    assert france.is_working_day(D(2026, 6, 8))


def test_good_friday_and_26_december_only_in_alsace_moselle(france: FrenchCalendar) -> None:
    good_friday, st_stephen = D(2026, 4, 3), D(2026, 12, 26)
    assert france.is_working_day(good_friday)
    for code in ("57", "67", "68", "6AE"):
        alsace = FrenchCalendar(code)
        assert not alsace.is_working_day(good_friday)
        assert alsace.is_holiday(st_stephen)
    assert not france.is_holiday(st_stephen)
    # 26 December 2025 is a Friday: a working day in Paris, not in Strasbourg.
    assert france.is_working_day(D(2025, 12, 26))
    assert not FrenchCalendar("67").is_working_day(D(2025, 12, 26))


def test_bas_rhin_and_haut_rhin_map_to_the_european_collectivity_of_alsace() -> None:
    assert normalise_subdivision("67") == "6AE"
    assert normalise_subdivision(" 68 ") == "6AE"
    assert normalise_subdivision("57") == "57"
    assert normalise_subdivision("") is None
    with pytest.raises(ValidationError, match="Alsace-Moselle"):
        normalise_subdivision("75")


def test_may_bridges_count_only_real_working_days(france: FrenchCalendar) -> None:
    # 2026: Fri 1 May, Fri 8 May, Thu 14 May (Ascension), Mon 25 May (Whit Monday).
    assert france.working_days_between(D(2026, 4, 30), D(2026, 5, 11)) == 4  # 4,5,6,7 May
    assert france.add_working_days(D(2026, 5, 13), 1) == D(2026, 5, 15)
    assert france.add_working_days(D(2026, 5, 22), 1) == D(2026, 5, 26)
    assert france.add_working_days(D(2026, 5, 26), -1) == D(2026, 5, 22)


def test_summer_holidays_and_year_end(france: FrenchCalendar) -> None:
    assert france.add_working_days(D(2026, 7, 13), 1) == D(2026, 7, 15)  # over 14 July
    # 15 August 2025 is a Friday.
    assert france.add_working_days(D(2025, 8, 14), 1) == D(2025, 8, 18)
    # Over Christmas and New Year: Thu 25 Dec 2025, Thu 1 Jan 2026.
    assert france.add_working_days(D(2025, 12, 24), 1) == D(2025, 12, 26)
    assert france.add_working_days(D(2025, 12, 31), 1) == D(2026, 1, 2)
    assert france.working_days_between(D(2025, 12, 23), D(2026, 1, 5)) == 6
    assert FrenchCalendar("57").working_days_between(D(2025, 12, 23), D(2026, 1, 5)) == 5


def test_ten_working_days_notice_before_an_audit(france: FrenchCalendar) -> None:
    audit = D(2026, 5, 29)  # a Friday after a May full of holidays
    latest = france.latest_notice_date(audit, 10)
    assert france.working_days_between(latest, audit) == 10
    assert france.working_days_between(latest + dt.timedelta(days=1), audit) == 9
    assert latest == D(2026, 5, 12)
    assert france.notice_is_sufficient(D(2026, 5, 12), audit, 10)
    assert not france.notice_is_sufficient(D(2026, 5, 13), audit, 10)


def test_a_deadline_on_a_day_off_moves_to_the_next_working_day(france: FrenchCalendar) -> None:
    # 30 days after 2 April 2026 is Saturday 2 May; Monday 4 May is the next working day.
    assert france.deadline_after(D(2026, 4, 2), 30) == D(2026, 5, 4)
    # 30 days after 25 November 2026 is Friday 25 December: moved to Monday 28 December.
    assert france.deadline_after(D(2026, 11, 25), 30) == D(2026, 12, 28)
    assert france.deadline_after(D(2026, 6, 1), 30) == D(2026, 7, 1)
