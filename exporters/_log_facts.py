"""What the breach register, the request log and the notification worksheet say of each record:
labelled values in the document's language, computed values marked as computed."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from exporters._labels import DocText
from workbench.domain.breaches import Breach
from workbench.domain.log_snapshot import Computed, LogSnapshot
from workbench.domain.subject_requests import DataSubjectRequest
from workbench.i18n import N_

PARIS = ZoneInfo("Europe/Paris")
Facts = dict[str, str]  # key -> value, as shown; labels: BREACH_LABELS, REQUEST_LABELS


def moment(value: dt.datetime | None) -> str:
    """Paris wall-clock time with its zone name ("2026-03-30 11:00 CEST")."""
    return "" if value is None else f"{value.astimezone(PARIS):%Y-%m-%d %H:%M %Z}"


def computed(value: Computed | None) -> str:
    """The value and, beside it, its basis (which begins "computed: ...")."""
    return "" if value is None else f"{value.value} ({value.basis})"


def lines(values: list[str] | tuple[str, ...]) -> str:
    return "\n".join(v for v in values if v)


BREACH_LABELS: dict[str, str] = {
    "id": N_("No."),
    "title": N_("Breach"),
    "organisation": N_("Organisation"),
    "role": N_("Role"),
    "occurred_at": N_("Happened at"),
    "discovered_at": N_("Discovered at"),
    "aware_at": N_("Aware at"),
    "ended_at": N_("Ended at"),
    "natures": N_("Nature of the breach"),
    "cause": N_("Cause"),
    "description": N_("What happened"),
    "subject_categories": N_("Categories of persons"),
    "subjects_count": N_("Approximate number of persons"),
    "data_categories": N_("Categories of personal data"),
    "records_count": N_("Approximate number of records"),
    "health": N_("Health data"),
    "treatments": N_("Treatments affected"),
    "subprocessors": N_("Subprocessors involved"),
    "consequences": N_("Likely consequences"),
    "measures_taken": N_("Measures taken"),
    "measures_proposed": N_("Measures proposed"),
    "risk": N_("Risk to persons"),
    "risk_reasoning": N_("Why this level of risk"),
    "deadline": N_("End of the 72 hours"),
    "notifications": N_("Notifications to the CNIL"),
    "delay_reasons": N_("Reasons for the delay"),
    "not_notified_reason": N_("Why it was not notified"),
    "persons_informed": N_("Persons informed"),
    "exemption": N_("Art. 34(3) exemption"),
    "controllers": N_("Controllers told (as processor)"),
    "attachments": N_("Documents"),
    "closed_on": N_("Closed on"),
    "notes": N_("Notes"),
}


def breach_facts(text: DocText, snap: LogSnapshot, breach: Breach) -> Facts:
    t = text
    notified = [
        " — ".join(
            v
            for v in (moment(n.at), t.enum(n.phase), n.reference and f"n° {n.reference}", n.summary)
            if v
        )
        for n in breach.authority_notifications
    ]
    told = [
        " — ".join(
            v
            for v in (
                snap.organisation_name(n.controller_id),
                moment(n.at) or t(N_("not told yet")),
                n.means,
            )
            if v
        )
        for n in breach.controller_notices
    ]
    return {
        "id": str(breach.id or ""),
        "title": breach.title,
        "organisation": snap.organisation_name(breach.organisation_id),
        "role": t.enum(breach.role),
        "occurred_at": moment(breach.occurred_at),
        "discovered_at": moment(breach.discovered_at),
        "aware_at": moment(breach.aware_at),
        "ended_at": moment(breach.ended_at),
        "natures": lines([t.enum(n) for n in breach.natures]),
        "cause": breach.cause,
        "description": breach.description,
        "subject_categories": lines(breach.subject_categories),
        "subjects_count": _count(t, breach.subjects_count),
        "data_categories": lines([t.category_label(c) for c in breach.data_categories]),
        "records_count": _count(t, breach.records_count),
        # no categories recorded: unknown, not "no"
        "health": t.yes_no(breach.involves_health_data) if breach.data_categories else "",
        "treatments": lines(snap.treatment_names(breach.treatment_ids)),
        "subprocessors": lines(snap.subprocessor_names(breach.subprocessor_ids)),
        "consequences": breach.consequences,
        "measures_taken": breach.measures_taken,
        "measures_proposed": breach.measures_proposed,
        "risk": t.enum(breach.risk) or t(N_("not assessed")),
        "risk_reasoning": breach.risk_reasoning,
        "deadline": computed(snap.breach_deadlines.get(breach.id or -1)),
        "notifications": lines(notified),
        "delay_reasons": breach.delay_reasons,
        "not_notified_reason": breach.not_notified_reason,
        "persons_informed": (
            " — ".join(
                v for v in (moment(breach.persons_informed_at), breach.persons_informed_means) if v
            )
        ),
        "exemption": (
            " — ".join(
                v for v in (t.enum(breach.art34_exemption), breach.art34_exemption_reasoning) if v
            )
        ),
        "controllers": lines(told),
        "attachments": lines(breach.attachments),
        "closed_on": text.date(breach.closed_on),
        "notes": breach.notes,
    }


REQUEST_LABELS: dict[str, str] = {
    "id": N_("No."),
    "received_on": N_("Received on"),
    "organisation": N_("Organisation"),
    "requester": N_("Requester"),
    "channel": N_("Channel"),
    "rights": N_("Rights exercised"),
    "treatments": N_("Treatments concerned"),
    "identity": N_("Identity check"),
    "due": N_("Answer due"),
    "extension": N_("Extension"),
    "outcome": N_("Outcome"),
    "outcome_reason": N_("Reasons"),
    "closed_on": N_("Closed on"),
}


def request_facts(text: DocText, snap: LogSnapshot, request: DataSubjectRequest) -> Facts:
    t = text
    return {
        "id": str(request.id or ""),
        "received_on": text.date(request.received_on),
        "organisation": snap.organisation_name(request.organisation_id),
        "requester": request.requester,
        "channel": t.enum(request.channel),
        "rights": lines([t.enum(r) for r in request.rights]),
        "treatments": lines(snap.treatment_names(request.treatment_ids)),
        "identity": t.enum(request.identity),
        "due": computed(snap.request_deadlines.get(request.id or -1)),
        "extension": (
            " — ".join(
                v
                for v in (
                    t(N_("{months} month(s)")).format(months=request.extension_months)
                    if request.extension_months
                    else "",
                    request.extension_reason,
                    t(N_("person told on {date}")).format(
                        date=text.date(request.extension_notified_on)
                    )
                    if request.extension_notified_on
                    else "",
                )
                if v
            )
        ),
        "outcome": t.enum(request.outcome) or t(N_("open")),
        "outcome_reason": request.outcome_reason,
        "closed_on": text.date(request.closed_on),
    }


def _count(text: DocText, value: int | None) -> str:
    return "" if value is None else text(N_("about {count}")).format(count=text.number(value))
