"""`list` and `show` for the breach register and the request log: their tables, and the
computed clocks added to their JSON under "computed" (never mixed with what was recorded)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from workbench.compliance.calendar import FrenchCalendar
from workbench.compliance.legal_clocks import breach_clock, local, request_deadline
from workbench.domain.breaches import Breach
from workbench.domain.enums import EntityKind, Role
from workbench.domain.subject_requests import DataSubjectRequest
from workbench.services import Register


def clock_context(register: Register) -> tuple[FrenchCalendar, dt.date]:
    """The register's holiday calendar (its settings) and today, for the request deadlines."""
    from workbench.services.compliance_service import ComplianceService

    subdivision = ComplianceService(register).settings().holiday_subdivision
    return FrenchCalendar(subdivision), dt.date.today()


def computed_json(record: Any, calendar: FrenchCalendar, today: dt.date) -> dict[str, Any]:
    """The clocks of a breach or request, each with its basis (how it was computed)."""
    if isinstance(record, Breach):
        clock = breach_clock(record)
        if clock is None or record.role is Role.PROCESSOR:  # the controllers' clock, not ours
            return {"notification_deadline": None, "notified_late": None, "basis": ""}
        return {
            "notification_deadline": clock.deadline.isoformat(),
            "notified_late": clock.notified_late,
            "basis": clock.basis,
        }
    if isinstance(record, DataSubjectRequest):
        deadline = request_deadline(record, calendar, today)
        return {
            "due_on": deadline.due_on.isoformat() if deadline.due_on else None,
            "suspended": deadline.suspended,
            "extension_notice_by": deadline.extension_notice_by.isoformat(),
            "basis": deadline.basis,
        }
    return {}


def log_table(
    kind: EntityKind,
    records: list[Any],
    orgs: dict[int | None, str],
    calendar: FrenchCalendar,
    today: dt.date,
) -> tuple[list[str], list[list[str]]]:
    """Computed columns end with "*" (the JSON output says how they were computed)."""
    if kind is EntityKind.BREACH:
        return ["ID", "ORGANISATION", "ROLE", "TITLE", "AWARE", "72 H END*", "NOTIFIED", "RISK"], [
            _breach_row(b, orgs) for b in records if isinstance(b, Breach)
        ]
    return ["ID", "ORGANISATION", "RECEIVED", "REQUESTER", "RIGHTS", "DUE*", "OUTCOME"], [
        [
            str(r.id),
            orgs.get(r.organisation_id, "?"),
            r.received_on.isoformat(),
            r.requester,
            ", ".join(right.value for right in r.rights),
            _due_text(r, calendar, today),
            r.outcome.value if r.outcome else "open",
        ]
        for r in records
        if isinstance(r, DataSubjectRequest)
    ]


def _breach_row(breach: Breach, orgs: dict[int | None, str]) -> list[str]:
    clock = breach_clock(breach)
    notified = breach.first_notified_at
    return [
        str(breach.id),
        orgs.get(breach.organisation_id, "?"),
        breach.role.value,
        breach.title,
        _minute(breach.aware_at),
        _minute(clock.deadline) if clock and breach.role is Role.CONTROLLER else "",
        _minute(notified) if notified else "",
        breach.risk.value if breach.risk else "",
    ]


def _due_text(request: DataSubjectRequest, calendar: FrenchCalendar, today: dt.date) -> str:
    deadline = request_deadline(request, calendar, today)
    return deadline.due_on.isoformat() if deadline.due_on else "suspended"


def _minute(moment: dt.datetime | None) -> str:
    """A moment on the Paris wall clock, to the minute."""
    return "" if moment is None else f"{local(moment):%Y-%m-%d %H:%M}"
