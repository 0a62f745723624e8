"""Duties with a date: notifications to send and audits (notice period, overdue actions)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from workbench.compliance.audits import FINISHED, check_notice, notice_rule_applies, overdue_actions
from workbench.compliance.calendar import FrenchCalendar
from workbench.compliance.checks.engine import Finding, Rule
from workbench.compliance.checks.severity import Severity
from workbench.compliance.snapshot import EntityLink, RegisterSnapshot
from workbench.domain.enums import AuditStatus, EntityKind, NotificationStatus
from workbench.i18n import _, ngettext, sentence_date


def check_notifications(snapshot: RegisterSnapshot) -> Iterator[Finding]:
    limit = snapshot.settings.notification_send_within_days
    for n in snapshot.notifications:
        if n.id is None or n.status is not NotificationStatus.DRAFT or n.created_on is None:
            continue
        if snapshot.today > n.created_on + dt.timedelta(days=limit):
            controller = snapshot.organisation_by_id.get(n.controller_id)
            name = controller.name if controller else str(n.controller_id)
            yield Finding(
                NOTIFICATION_OVERDUE.id,
                Severity.WARNING,
                _("The notification to {controller} drafted on {date} has not been sent.").format(
                    controller=name, date=sentence_date(n.created_on)
                ),
                _(
                    "Send it and mark it sent (Notifications view, or `notify mark-sent`): the "
                    "controller must be able to object before the change takes effect "
                    "(Art. 28(2))."
                ),
                EntityLink(EntityKind.NOTIFICATION, n.id),
                name,
            )
    for controller_id, count in snapshot.pending_changes or ():
        controller = snapshot.organisation_by_id.get(controller_id)
        name = controller.name if controller else str(controller_id)
        yield Finding(
            NOTIFICATION_PENDING.id,
            Severity.WARNING,
            ngettext(
                "{count} subprocessor change has not been notified to {controller}.",
                "{count} subprocessor changes have not been notified to {controller}.",
                count,
            ).format(count=count, controller=name),
            _(
                "Draft the notifications: Notifications view, New (Ctrl+N); from a terminal, "
                "`notify generate`."
            ),
            EntityLink(EntityKind.ORGANISATION, controller_id),
            name,
        )


def check_audits(snapshot: RegisterSnapshot) -> Iterator[Finding]:
    settings = snapshot.settings
    calendar = FrenchCalendar(settings.holiday_subdivision)
    for audit in snapshot.audits:
        if audit.id is None:
            continue
        link = EntityLink(EntityKind.AUDIT, audit.id)
        label = audit.requester_name or audit.auditor or audit.audit_type.value
        late = overdue_actions(audit, snapshot.today)
        if late and audit.status is not AuditStatus.CLOSED:
            yield Finding(
                AUDIT_OVERDUE_ACTIONS.id,
                Severity.WARNING,
                ngettext(
                    "The audit by {who} has {count} corrective action past its due date "
                    '(first: "{title}", due {date}).',
                    "The audit by {who} has {count} corrective actions past their due date "
                    '(first: "{title}", due {date}).',
                    len(late),
                ).format(
                    who=label,
                    count=len(late),
                    title=late[0].title,
                    date=sentence_date(late[0].due_on) if late[0].due_on else "",
                ),
                _("Complete them and record the date done, or agree and record new due dates."),
                link,
                label,
            )
        if audit.status in FINISHED or not notice_rule_applies(audit):
            continue
        notice = check_notice(audit, calendar, settings.audit_notice_working_days)
        if notice is not None and not notice.sufficient:
            yield Finding(
                AUDIT_LATE_NOTICE.id,
                Severity.WARNING,
                _(
                    "The audit by {who} on {date} was announced only {days} working days "
                    "ahead; the contract requires {required}."
                ).format(
                    who=label,
                    date=sentence_date(audit.audit_on) if audit.audit_on else "",
                    days=notice.working_days,
                    required=notice.required,
                ),
                _(
                    "Ask the requester to move the audit to a date that respects the notice, or "
                    "record that you accept the shorter notice in the audit notes."
                ),
                link,
                label,
            )
        if audit.auditor_independent is False or audit.auditor_certified is False:
            yield Finding(
                AUDIT_AUDITOR_NOT_QUALIFIED.id,
                Severity.WARNING,
                _("The audit by {who} is not made by an independent, certified auditor.").format(
                    who=label
                ),
                _("The contract accepts only an independent certified auditor: ask for one."),
                link,
                label,
            )


NOTIFICATION_OVERDUE = Rule("notification-overdue", Severity.WARNING, "GDPR Art. 28(2)")
NOTIFICATION_PENDING = Rule("notification-pending", Severity.WARNING, "GDPR Art. 28(2)")
AUDIT_OVERDUE_ACTIONS = Rule("audit-overdue-actions", Severity.WARNING, "audit report")
AUDIT_LATE_NOTICE = Rule("audit-late-notice", Severity.WARNING, "contract (10 jours ouvrés)")
AUDIT_AUDITOR_NOT_QUALIFIED = Rule(
    "audit-auditor-not-qualified", Severity.WARNING, "contract (independent certified auditor)"
)
CHECKS = (check_notifications, check_audits)
