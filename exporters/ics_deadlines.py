"""The deadlines as an iCalendar file (RFC 5545) for the DPO's own calendar.

One all-day VEVENT per deadline. Each UID is derived from what the deadline is about (its kind,
its record and, for a corrective action, the action), never from its date or its text: a
re-export after a date moved or a language switch updates the events already imported instead
of adding copies (RFC 5545 §3.8.4.7: the UID identifies the event across revisions).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from pathlib import Path

from exporters._files import atomic_target
from workbench.compliance.deadlines import DeadlineItem
from workbench.i18n import _

PRODUCT_ID = "-//DPO Workbench//Deadlines//EN"
UID_DOMAIN = "dpo-workbench"
_LINE_OCTETS = 75  # RFC 5545 §3.1: lines longer than 75 octets are folded


def deadline_uid(item: DeadlineItem) -> str:
    what = f"{item.kind.value}|{item.link.kind.value}|{item.link.id}|{item.key}"
    return f"{hashlib.sha256(what.encode()).hexdigest()[:24]}@{UID_DOMAIN}"


def escape_text(text: str) -> str:
    """TEXT value escaping (RFC 5545 §3.3.11): backslash, semicolon, comma, newline."""
    return (
        text.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def fold(line: str) -> str:
    """Fold a content line at 75 octets, never inside a UTF-8 sequence (RFC 5545 §3.1)."""
    parts: list[str] = []
    current = ""
    limit = _LINE_OCTETS
    for char in line:
        if len((current + char).encode()) > limit:
            parts.append(current)
            current = char
            limit = _LINE_OCTETS - 1  # the continuation lines start with a space
        else:
            current += char
    parts.append(current)
    return "\r\n ".join(parts)


def calendar_text(items: Sequence[DeadlineItem], today: dt.date, stamp: dt.datetime) -> str:
    stamp_text = stamp.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODUCT_ID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ]
    for item in items:
        summary = item.label
        if item.overdue(today):
            summary = _("Overdue: {what}").format(what=summary)
        description = [item.kind.label]
        if item.basis:
            description.append(_("Computed date: {basis}").format(basis=item.basis))
        lines += [
            "BEGIN:VEVENT",
            f"UID:{deadline_uid(item)}",
            f"DTSTAMP:{stamp_text}",
            f"DTSTART;VALUE=DATE:{item.date:%Y%m%d}",
            f"DTEND;VALUE=DATE:{item.date + dt.timedelta(days=1):%Y%m%d}",
            f"SUMMARY:{escape_text(summary)}",
            f"DESCRIPTION:{escape_text(chr(10).join(description))}",
            f"CATEGORIES:{escape_text(item.kind.label)}",
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)


def write_deadlines_ics(
    items: Sequence[DeadlineItem],
    path: str | Path,
    today: dt.date,
    stamp: dt.datetime | None = None,
) -> None:
    text = calendar_text(items, today, stamp or dt.datetime.now(dt.UTC))
    with atomic_target(path) as temp:
        temp.write_bytes(text.encode("utf-8"))
