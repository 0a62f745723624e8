"""Audit rules: the notice period in French working days, overdue actions, the status workflow.

The seed contract: "Medaviz doit être informée au moins dix (10) jours ouvrés avant la
réalisation de l'audit"; audits by a partner or practitioner (GDPR Art. 28(3)(h)) are made by an
independent, certified auditor, and their cost is borne by whoever asked for them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from workbench.compliance.calendar import FrenchCalendar
from workbench.domain.enums import AuditRequester, AuditStatus, AuditType
from workbench.domain.records import Audit, AuditAction

ALLOWED_TRANSITIONS: dict[AuditStatus, frozenset[AuditStatus]] = {
    AuditStatus.REQUESTED: frozenset({AuditStatus.SCHEDULED, AuditStatus.CANCELLED}),
    AuditStatus.SCHEDULED: frozenset(
        {AuditStatus.IN_PROGRESS, AuditStatus.REQUESTED, AuditStatus.CANCELLED}
    ),
    AuditStatus.IN_PROGRESS: frozenset({AuditStatus.REPORT_RECEIVED, AuditStatus.CANCELLED}),
    AuditStatus.REPORT_RECEIVED: frozenset({AuditStatus.ACTIONS_IN_PROGRESS, AuditStatus.CLOSED}),
    AuditStatus.ACTIONS_IN_PROGRESS: frozenset({AuditStatus.CLOSED}),
    AuditStatus.CLOSED: frozenset(),
    AuditStatus.CANCELLED: frozenset(),
}
FINISHED = frozenset({AuditStatus.CLOSED, AuditStatus.CANCELLED})


def can_move(current: AuditStatus, target: AuditStatus) -> bool:
    return target in ALLOWED_TRANSITIONS[current]


def notice_rule_applies(audit: Audit) -> bool:
    """The notice period binds audits asked for by a partner or practitioner (the seed's §14 E)."""
    return audit.audit_type is AuditType.GDPR_CONTROLLER or audit.requested_by in (
        AuditRequester.PARTNER,
        AuditRequester.PRACTITIONER,
    )


@dataclass(frozen=True, slots=True)
class NoticeCheck:
    working_days: int  # full working days between the notice and the audit
    required: int
    latest_notice_on: dt.date

    @property
    def sufficient(self) -> bool:
        return self.working_days >= self.required


def check_notice(audit: Audit, calendar: FrenchCalendar, required: int) -> NoticeCheck | None:
    if audit.notice_received_on is None or audit.audit_on is None:
        return None
    return NoticeCheck(
        working_days=calendar.working_days_between(audit.notice_received_on, audit.audit_on),
        required=required,
        latest_notice_on=calendar.latest_notice_date(audit.audit_on, required),
    )


def overdue_actions(audit: Audit, today: dt.date) -> tuple[AuditAction, ...]:
    if audit.status is AuditStatus.CANCELLED:
        return ()
    return tuple(
        a for a in audit.actions if a.done_on is None and a.due_on is not None and a.due_on < today
    )
