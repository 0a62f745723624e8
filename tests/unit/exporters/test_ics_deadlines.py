"""The iCalendar writer: escaping and line folding as RFC 5545 asks, read back by a parser."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import icalendar

from exporters.ics_deadlines import fold, write_deadlines_ics
from workbench.compliance.deadlines import DeadlineItem, DeadlineKind
from workbench.compliance.snapshot import EntityLink
from workbench.domain.enums import EntityKind

TODAY = dt.date(2026, 12, 2)


def test_long_accented_labels_fold_and_come_back_whole(tmp_path: Path) -> None:
    label = "Action corrective « Chiffrer les sauvegardes ; revoir, les accès » " * 3
    items = [
        DeadlineItem(
            dt.date(2027, 1, 4),
            DeadlineKind.AUDIT_ACTION,
            EntityLink(EntityKind.AUDIT, 4),
            label,
            key=label,
        ),
        DeadlineItem(
            dt.date(2027, 1, 4),
            DeadlineKind.AUDIT_ACTION,
            EntityLink(EntityKind.AUDIT, 4),
            "Autre action",
            key="Autre action",
        ),
    ]
    target = tmp_path / "d.ics"
    write_deadlines_ics(items, target, TODAY, dt.datetime(2026, 12, 2, 8, tzinfo=dt.UTC))
    raw = target.read_bytes()
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
    events = icalendar.Calendar.from_ical(raw).walk("VEVENT")
    assert str(events[0]["SUMMARY"]) == label
    assert events[0].decoded("DTEND") == dt.date(2027, 1, 5)
    assert events[0]["UID"] != events[1]["UID"]  # two actions of one audit: two events


def test_fold_never_cuts_a_character() -> None:
    line = "SUMMARY:" + "é" * 80
    folded = fold(line).split("\r\n ")
    assert "".join(folded) == line
    assert all(len(part.encode()) <= 75 for part in folded)
