"""The breach register (Art. 33, 34) and the request log (Art. 12): the clocks and who is told."""

from __future__ import annotations

from collections.abc import Iterator

from workbench.compliance.calendar import FrenchCalendar
from workbench.compliance.checks.engine import Finding, Rule
from workbench.compliance.checks.severity import Severity
from workbench.compliance.legal_clocks import breach_clock, moment_text, request_deadline
from workbench.compliance.snapshot import EntityLink, RegisterSnapshot
from workbench.domain.breaches import ControllerNotice
from workbench.domain.enums import BreachRisk, EntityKind, Role
from workbench.domain.records import Organisation
from workbench.i18n import _, sentence_date


def check_breach_notification(snapshot: RegisterSnapshot) -> Iterator[Finding]:
    for breach in snapshot.breaches:
        if breach.id is None or breach.role is not Role.CONTROLLER:
            continue
        link = EntityLink(EntityKind.BREACH, breach.id)
        if breach.risk is BreachRisk.UNLIKELY:
            if not breach.authority_notifications and not breach.not_notified_reason.strip():
                yield Finding(
                    BREACH_NO_REASON_RECORDED.id,
                    Severity.WARNING,
                    _(
                        'The breach "{title}" was not notified and the register does not say '
                        "why (Art. 33(5))."
                    ).format(title=breach.title),
                    _("Record why the breach is unlikely to result in a risk to persons."),
                    link,
                    breach.title,
                )
            continue
        clock = breach_clock(breach)
        if clock is None:
            yield Finding(
                BREACH_NO_AWARENESS.id,
                Severity.WARNING,
                _(
                    'The breach "{title}" has no moment of awareness: the 72 hours of '
                    "Art. 33(1) cannot be counted."
                ).format(title=breach.title),
                _("Record when the organisation became aware of it (date, time, time zone)."),
                link,
                breach.title,
            )
            continue
        if breach.delay_reasons.strip():
            continue
        if clock.overdue(snapshot.moment):
            yield Finding(
                BREACH_NOT_NOTIFIED.id,
                Severity.ERROR,
                _(
                    'The breach "{title}" has not been notified to the CNIL and its 72 hours '
                    "ended on {deadline} (Art. 33(1))."
                ).format(title=breach.title, deadline=moment_text(clock.deadline)),
                _(
                    "Notify it now on the CNIL's online service, giving the reasons for the "
                    "delay, and record both; or record why it is unlikely to result in a risk."
                ),
                link,
                breach.title,
            )
        elif clock.notified_late:
            yield Finding(
                BREACH_NOT_NOTIFIED.id,
                Severity.WARNING,
                _(
                    'The breach "{title}" was notified after its 72 hours without the reasons '
                    "for the delay (Art. 33(1))."
                ).format(title=breach.title),
                _("Record the reasons for the delay given to the CNIL."),
                link,
                breach.title,
            )


def check_breach_communication(snapshot: RegisterSnapshot) -> Iterator[Finding]:
    for breach in snapshot.breaches:
        if (
            breach.id is None
            or breach.role is not Role.CONTROLLER
            or breach.risk is not BreachRisk.HIGH
            or breach.persons_informed_at is not None
            or breach.art34_exemption is not None
        ):
            continue
        yield Finding(
            BREACH_PERSONS_NOT_INFORMED.id,
            Severity.ERROR,
            _(
                'The breach "{title}" is likely to result in a high risk, and the persons have '
                "not been informed (Art. 34(1))."
            ).format(title=breach.title),
            _(
                "Communicate the breach to the persons without undue delay and record when and "
                "how, or record the Art. 34(3) exemption relied on and why."
            ),
            EntityLink(EntityKind.BREACH, breach.id),
            breach.title,
        )


def check_processor_breaches(snapshot: RegisterSnapshot) -> Iterator[Finding]:
    for breach in snapshot.breaches:
        if breach.id is None or breach.role is not Role.PROCESSOR:
            continue
        link = EntityLink(EntityKind.BREACH, breach.id)
        controllers = snapshot.affected_controllers(breach.treatment_ids)
        if not controllers:
            yield Finding(
                BREACH_NOT_PASSED_TO_CONTROLLERS.id,
                Severity.WARNING,
                _(
                    'The breach "{title}" was suffered as processor, but no processing carried '
                    "out for a controller is linked to it: who must be told is unknown "
                    "(Art. 33(2))."
                ).format(title=breach.title),
                _("Link the processor treatments affected; their controllers are to be told."),
                link,
                breach.title,
            )
            continue
        missing = _not_told(controllers, breach.controller_notices)
        if missing:
            yield Finding(
                BREACH_NOT_PASSED_TO_CONTROLLERS.id,
                Severity.ERROR,
                _(
                    'The breach "{title}" has not been passed to {controllers}, controller(s) '
                    "of the treatments affected (Art. 33(2): without undue delay)."
                ).format(title=breach.title, controllers=", ".join(missing)),
                _("Tell each controller and record when and how."),
                link,
                breach.title,
            )


def check_requests(snapshot: RegisterSnapshot) -> Iterator[Finding]:
    calendar = FrenchCalendar(snapshot.settings.holiday_subdivision)
    for request in snapshot.requests:
        if request.id is None or not request.is_open:
            continue
        link = EntityLink(EntityKind.DATA_SUBJECT_REQUEST, request.id)
        who = request.requester or str(request.id)
        deadline = request_deadline(request, calendar, snapshot.today)
        if deadline.due_on is not None and deadline.due_on < snapshot.today:
            yield Finding(
                REQUEST_OVERDUE.id,
                Severity.ERROR,
                _(
                    "The request of {who} received on {received} was due on {due} (computed: "
                    "{basis}) and is still open (Art. 12(3))."
                ).format(
                    who=who,
                    received=sentence_date(request.received_on),
                    due=sentence_date(deadline.due_on),
                    basis=deadline.basis,
                ),
                _(
                    "Answer it now, or tell the person why no action is taken and of the "
                    "right to complain to the CNIL (Art. 12(4)); record the outcome."
                ),
                link,
                who,
            )
        if request.extension_months and (
            request.extension_notified_on is None
            or request.extension_notified_on > deadline.extension_notice_by
        ):
            late = snapshot.today > deadline.extension_notice_by
            yield Finding(
                REQUEST_EXTENSION_NOT_NOTIFIED.id,
                Severity.ERROR if late else Severity.WARNING,
                _(
                    "The request of {who} is extended by {months} month(s), but the person was "
                    "not told with the reasons within the first month, by {date} (Art. 12(3))."
                ).format(
                    who=who,
                    months=request.extension_months,
                    date=sentence_date(deadline.extension_notice_by),
                ),
                _("Tell the person of the extension and its reasons, and record the date."),
                link,
                who,
            )
        if request.role is Role.PROCESSOR:
            controllers = snapshot.affected_controllers(request.treatment_ids)
            missing = _not_told(controllers, request.controller_notices)
            if missing:
                yield Finding(
                    REQUEST_NOT_PASSED_TO_CONTROLLERS.id,
                    Severity.WARNING,
                    _(
                        "The request of {who}, received as processor, has not been passed to "
                        "{controllers} (Art. 28(3)(e))."
                    ).format(who=who, controllers=", ".join(missing)),
                    _("Pass it to each controller and record when."),
                    link,
                    who,
                )


def _not_told(
    controllers: tuple[Organisation, ...], notices: tuple[ControllerNotice, ...]
) -> list[str]:
    """Names of the controllers with no recorded notice (a notice without a date is a to-do)."""
    told = {n.controller_id for n in notices if n.at is not None}
    return [c.name for c in controllers if c.id not in told]


BREACH_NOT_NOTIFIED = Rule("breach-not-notified", Severity.ERROR, "GDPR Art. 33(1)")
BREACH_NO_AWARENESS = Rule("breach-no-awareness", Severity.WARNING, "GDPR Art. 33(1)")
BREACH_NO_REASON_RECORDED = Rule("breach-no-reason-recorded", Severity.WARNING, "GDPR Art. 33(5)")
BREACH_PERSONS_NOT_INFORMED = Rule(
    "breach-persons-not-informed", Severity.ERROR, "GDPR Art. 34(1), 34(3)"
)
BREACH_NOT_PASSED_TO_CONTROLLERS = Rule(
    "breach-not-passed-to-controllers", Severity.ERROR, "GDPR Art. 33(2)"
)
REQUEST_OVERDUE = Rule("request-overdue", Severity.ERROR, "GDPR Art. 12(3); Reg. 1182/71")
REQUEST_EXTENSION_NOT_NOTIFIED = Rule(
    "request-extension-not-notified", Severity.WARNING, "GDPR Art. 12(3)"
)
REQUEST_NOT_PASSED_TO_CONTROLLERS = Rule(
    "request-not-passed-to-controllers", Severity.WARNING, "GDPR Art. 28(3)(e)"
)
CHECKS = (
    check_breach_notification,
    check_breach_communication,
    check_processor_breaches,
    check_requests,
)
