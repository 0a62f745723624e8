"""Everything due in the next N days: certificates, audits, corrective actions, notifications,
the 72 hours of an unnotified breach and the answer to a data-subject request.

Data for the dashboard: a flat, date-sorted list of `DeadlineItem`. Overdue items (date before
today) are kept, since an overdue duty is the first thing the DPO must see.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum

from workbench.compliance.audits import FINISHED, notice_rule_applies
from workbench.compliance.calendar import FrenchCalendar
from workbench.compliance.certification_status import CertificationStatus, assess
from workbench.compliance.checks.certificates import status_basis
from workbench.compliance.legal_clocks import (
    LOCAL_TIME,
    breach_clock,
    moment_text,
    request_deadline,
)
from workbench.compliance.snapshot import EntityLink, RegisterSnapshot
from workbench.domain.enums import BreachRisk, EntityKind, NotificationStatus, Role
from workbench.domain.records import Certification
from workbench.i18n import N_, _


class DeadlineKind(StrEnum):
    CERTIFICATE_EXPIRY = "certificate_expiry"
    CERTIFICATE_SURVEILLANCE = "certificate_surveillance"
    AUDIT = "audit"
    AUDIT_NOTICE = "audit_notice"  # last day a notice may arrive for the planned date
    AUDIT_ACTION = "audit_action"
    NOTIFICATION_OBJECTION = "notification_objection"
    NOTIFICATION_SEND = "notification_send"
    BREACH_NOTIFICATION = "breach_notification"  # Art. 33(1): 72 hours from awareness
    REQUEST_ANSWER = "request_answer"  # Art. 12(3)
    REQUEST_EXTENSION_NOTICE = "request_extension_notice"  # Art. 12(3): within the first month

    @property
    def label(self) -> str:
        """The kind in the reader's language ("Fin de validité d'un certificat")."""
        return _(_KIND_LABELS[self])


_KIND_LABELS = {
    DeadlineKind.CERTIFICATE_EXPIRY: N_("Certificate expiry"),
    DeadlineKind.CERTIFICATE_SURVEILLANCE: N_("Surveillance audit"),
    DeadlineKind.AUDIT: N_("Audit"),
    DeadlineKind.AUDIT_NOTICE: N_("Audit notice"),
    DeadlineKind.AUDIT_ACTION: N_("Corrective action"),
    DeadlineKind.NOTIFICATION_OBJECTION: N_("End of the objection period"),
    DeadlineKind.NOTIFICATION_SEND: N_("Notification to send"),
    DeadlineKind.BREACH_NOTIFICATION: N_("Breach notification (72 h)"),
    DeadlineKind.REQUEST_ANSWER: N_("Answer to a request"),
    DeadlineKind.REQUEST_EXTENSION_NOTICE: N_("Notice of an extension"),
}


@dataclass(frozen=True, slots=True, order=True)
class DeadlineItem:
    date: dt.date
    kind: DeadlineKind
    link: EntityLink
    label: str
    basis: str = ""  # how the date was computed; empty when it is a date as recorded
    key: str = ""  # tells apart items of one kind on one record (the corrective actions)

    @property
    def computed(self) -> bool:
        return bool(self.basis)

    def overdue(self, today: dt.date) -> bool:
        return self.date < today


def collect_deadlines(snapshot: RegisterSnapshot, within_days: int) -> list[DeadlineItem]:
    """Every item due by today + `within_days`, overdue ones included (the dashboard and the
    `deadlines` command both list these, so that they never disagree)."""
    horizon = snapshot.today + dt.timedelta(days=within_days)
    items = [
        *_certificates(snapshot),
        *_audits(snapshot),
        *_notifications(snapshot),
        *_breaches(snapshot),
        *_requests(snapshot),
    ]
    return sorted(i for i in items if i.date <= horizon)


def _certificates(snapshot: RegisterSnapshot) -> Iterator[DeadlineItem]:
    for cert in snapshot.certifications:
        if cert.id is None:
            continue
        result = assess(cert, snapshot.today, snapshot.settings.expiring_within_days)
        link = EntityLink(EntityKind.CERTIFICATION, cert.id)
        holder = snapshot.holder_name(cert)
        name = cert.name or cert.kind.value.upper()
        if result.expires_on is not None and not _superseded(snapshot, cert):
            # An expired certificate stays listed (overdue) until a renewed one is recorded:
            # the holder is not certified meanwhile (certificate-expired says so too).
            if result.expires_on >= snapshot.today:
                text = _("{name} certificate of {holder} expires")
            else:
                text = _("{name} certificate of {holder} expired")
            label = text.format(name=name, holder=holder)
            if status_basis(cert, CertificationStatus.EXPIRING):
                # A computed or inferred expiry date: a date to check, not an established one.
                label += " " + _("(date to be verified)")
            yield DeadlineItem(result.expires_on, DeadlineKind.CERTIFICATE_EXPIRY, link, label)
        # An expired certificate needs renewal, not a surveillance audit: the expiry check
        # says so; listing its surveillance as "966 days late" would only be noise.
        if result.next_surveillance_on is not None and result.status.is_usable:
            yield DeadlineItem(
                result.next_surveillance_on,
                DeadlineKind.CERTIFICATE_SURVEILLANCE,
                link,
                _("Surveillance audit of the {name} certificate of {holder}").format(
                    name=name, holder=holder
                ),
            )


def _superseded(snapshot: RegisterSnapshot, cert: Certification) -> bool:
    """True when the holder has a later certificate of the same kind that covers it today."""
    return any(
        other.id != cert.id
        and other.kind is cert.kind
        and other.name == cert.name
        and (other.subprocessor_id, other.organisation_id)
        == (cert.subprocessor_id, cert.organisation_id)
        and (other.issued_on or dt.date.min) >= (cert.issued_on or dt.date.min)
        and assess(other, snapshot.today).status.is_usable
        for other in snapshot.certifications
    )


def _audits(snapshot: RegisterSnapshot) -> Iterator[DeadlineItem]:
    calendar = FrenchCalendar(snapshot.settings.holiday_subdivision)
    for audit in snapshot.audits:
        if audit.id is None or audit.status in FINISHED:
            continue
        link = EntityLink(EntityKind.AUDIT, audit.id)
        who = audit.requester_name or audit.auditor or audit.audit_type.value
        if audit.audit_on is not None and audit.audit_on >= snapshot.today:
            yield DeadlineItem(
                audit.audit_on, DeadlineKind.AUDIT, link, _("Audit by {who}").format(who=who)
            )
            if audit.notice_received_on is None and notice_rule_applies(audit):
                latest = calendar.latest_notice_date(
                    audit.audit_on, snapshot.settings.audit_notice_working_days
                )
                yield DeadlineItem(
                    latest,
                    DeadlineKind.AUDIT_NOTICE,
                    link,
                    _("Last day to receive the notice of the audit by {who}").format(who=who),
                )
        for action in audit.actions:
            if action.due_on is not None and action.done_on is None:
                yield DeadlineItem(
                    action.due_on,
                    DeadlineKind.AUDIT_ACTION,
                    link,
                    _('Corrective action "{title}" ({owner})').format(
                        title=action.title, owner=action.owner or "?"
                    ),
                    key=action.title,
                )


def _notifications(snapshot: RegisterSnapshot) -> Iterator[DeadlineItem]:
    for n in snapshot.notifications:
        if n.id is None:
            continue
        controller = snapshot.organisation_by_id.get(n.controller_id)
        name = controller.name if controller else str(n.controller_id)
        link = EntityLink(EntityKind.NOTIFICATION, n.id)
        if n.status is NotificationStatus.SENT and n.objection_deadline is not None:
            yield DeadlineItem(
                n.objection_deadline,
                DeadlineKind.NOTIFICATION_OBJECTION,
                link,
                _("Objection period of {controller} ends").format(controller=name),
            )
        elif n.status is NotificationStatus.DRAFT and n.created_on is not None:
            yield DeadlineItem(
                n.created_on + dt.timedelta(days=snapshot.settings.notification_send_within_days),
                DeadlineKind.NOTIFICATION_SEND,
                link,
                _("Send the notification to {controller}").format(controller=name),
            )


def _breaches(snapshot: RegisterSnapshot) -> Iterator[DeadlineItem]:
    for breach in snapshot.breaches:
        clock = breach_clock(breach)
        if (
            breach.id is None
            or clock is None
            or clock.notified_at is not None
            or breach.closed_on is not None
            or breach.role is not Role.CONTROLLER
            or breach.risk is BreachRisk.UNLIKELY
        ):
            continue
        yield DeadlineItem(
            clock.deadline.astimezone(LOCAL_TIME).date(),
            DeadlineKind.BREACH_NOTIFICATION,
            EntityLink(EntityKind.BREACH, breach.id),
            _('Notify the CNIL of the breach "{title}" by {moment} (72 hours, Art. 33(1))').format(
                title=breach.title, moment=moment_text(clock.deadline)
            ),
            clock.basis,
        )


def _requests(snapshot: RegisterSnapshot) -> Iterator[DeadlineItem]:
    calendar = FrenchCalendar(snapshot.settings.holiday_subdivision)
    for request in snapshot.requests:
        if request.id is None or not request.is_open:
            continue
        deadline = request_deadline(request, calendar, snapshot.today)
        link = EntityLink(EntityKind.DATA_SUBJECT_REQUEST, request.id)
        who = request.requester or str(request.id)
        if deadline.due_on is not None:
            yield DeadlineItem(
                deadline.due_on,
                DeadlineKind.REQUEST_ANSWER,
                link,
                _("Answer the request of {who} (Art. 12(3))").format(who=who),
                deadline.basis,
            )
        if request.extension_months and request.extension_notified_on is None:
            yield DeadlineItem(
                deadline.extension_notice_by,
                DeadlineKind.REQUEST_EXTENSION_NOTICE,
                link,
                _("Tell {who} of the extension and its reasons (Art. 12(3))").format(who=who),
                deadline.basis,
            )
