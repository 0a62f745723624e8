"""Wording the Art. 28(2) letter from the register, in the letter's own language.

What the letter must say comes from the CNIL model clause (guide du sous-traitant, 2017): the
activities subcontracted, the identity and contact details of the subprocessor, the contract
dates; and, for the controller to judge, where the data goes and under which transfer mechanism,
the certification held, and the deadline to object.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from babel.dates import format_date

from exporters.docx_notification_letter import LetterSection, NotificationLetter, letter_marks
from workbench.compliance.certification_status import effective_expiry
from workbench.compliance.snapshot import RegisterSnapshot
from workbench.domain.enums import CertificationKind
from workbench.domain.records import Notification, NotificationItem, Subprocessor
from workbench.domain.reference import hds_activity_labels, transfer_mechanisms
from workbench.i18n import N_, translator

CHANGE_HEADINGS = {
    "added": N_("New subprocessor: {name}"),
    "replaced": N_("Replacement: {name} replaces {previous}"),
    "removed": N_("Subprocessor removed: {name}"),
    "new_location": N_("New location for {name}"),
    "lost_certification": N_("Loss of the HDS certification of {name}"),
}


def compose_letter(
    notification: Notification,
    snapshot: RegisterSnapshot,
    records: dict[int, Subprocessor],
    locale: str,
) -> NotificationLetter:
    """The letter for `notification`; `records` gives each item's subprocessor (even deleted)."""
    gettext = translator(locale).gettext
    own = snapshot.organisation_by_id[notification.organisation_id]
    controller = snapshot.organisation_by_id[notification.controller_id]
    dated = notification.created_on or snapshot.today
    deadline = notification.objection_deadline
    days = controller.objection_period_days

    def when(day: dt.date | None) -> str:
        return format_date(day, format="long", locale=locale) if day else ""

    sections = tuple(
        _section(item, records.get(item.subprocessor_id or -1), notification, snapshot, locale)
        for item in notification.items
    )
    return NotificationLetter(
        language=locale,
        dated=dated,
        title=gettext("Information on a change of subprocessors"),
        sender=_lines(own.legal_name or own.name, own.address, own.dpo_email or own.contact_email),
        recipient=_lines(
            controller.legal_name or controller.name, controller.address, controller.contact_email
        ),
        place_and_date=gettext("Date: {date}").format(date=when(dated)),
        subject=gettext("Subject: information on a change of subprocessors (GDPR Art. 28(2))"),
        salutation=gettext("Dear Sir or Madam,"),
        introduction=(
            gettext(
                "Under the general written authorisation given in our contract, and in accordance "
                "with Article 28(2) of the General Data Protection Regulation, {processor} informs "
                "you of the following changes to the subprocessors it engages for the processing "
                "it carries out on your behalf."
            ).format(processor=own.legal_name or own.name),
        ),
        sections=sections,
        conclusion=(
            gettext(
                "You may object to these changes within {days} days of receiving this letter, "
                "that is by {deadline} at the latest, by writing to {contact}. Without objection "
                "within that period, the changes are deemed accepted."
            ).format(
                days=days,
                deadline=when(deadline),
                contact=own.dpo_email or own.contact_email or own.name,
            ),
            gettext(
                "{processor} remains fully liable to you for the performance of its "
                "subprocessors' obligations (GDPR Art. 28(4))."
            ).format(processor=own.legal_name or own.name),
            gettext("Yours faithfully,"),
        ),
        signature=_lines(
            own.dpo_name, gettext("Data Protection Officer"), own.legal_name or own.name
        ),
        author=own.dpo_name,
    )


def _lines(*values: str) -> tuple[str, ...]:
    return tuple(v for v in values if v)


def _heading(item: NotificationItem, gettext: Callable[[str], str]) -> str:
    template = CHANGE_HEADINGS.get(item.change, "{name}")
    return gettext(template).format(name=item.subprocessor_name, previous=item.detail)


def _section(
    item: NotificationItem,
    sub: Subprocessor | None,
    notification: Notification,
    snapshot: RegisterSnapshot,
    locale: str,
) -> LetterSection:
    """One change: its facts, an inferred one with its "to be verified" marker, then the
    reasons — the letter never presents as fact what the register holds as inferred."""
    gettext = translator(locale).gettext
    heading = _heading(item, gettext)
    if sub is None:
        return LetterSection(heading, ((gettext("Subprocessor"), item.subprocessor_name),))
    notes = letter_marks(locale)
    certificates = snapshot.certifications_by_subprocessor.get(sub.id or -1, ())
    facts = []
    for label, value, fields in _facts(item, sub, notification, snapshot, gettext, locale):
        flags = [notes.flag(sub, *fields, name=sub.name)] if value and fields else []
        if fields == CERTIFICATE_FIELDS and value:
            flags = [notes.flag(c, *fields, name=sub.name) for c in certificates]
        flag = " ".join(f for f in flags if f)
        facts.append((label, f"{value} {flag}" if flag else value))
    return LetterSection(heading, tuple(facts), tuple(notes.lines()))


CERTIFICATE_FIELDS = ("expires_on", "issued_on", "hds_activities", "referential_version")


def _facts(
    item: NotificationItem,
    sub: Subprocessor,
    notification: Notification,
    snapshot: RegisterSnapshot,
    gettext: Callable[[str], str],
    locale: str,
) -> list[tuple[str, str, tuple[str, ...]]]:
    """(label, value, the record fields the value shows) for each fact of the change."""
    treatments = [
        tr.name
        for tr in snapshot.treatments_by_subprocessor.get(sub.id or -1, ())
        if notification.controller_id in tr.controller_ids
    ]
    activities = "; ".join(x for x in (sub.service_description, ", ".join(treatments)) if x)
    identity = ", ".join(x for x in (sub.legal_entity or sub.name, sub.address) if x)
    contact = ", ".join(x for x in (sub.contact_name, sub.contact_email) if x)
    location = sub.location_text or ", ".join(loc.code for loc in sub.locations)
    mechanism = ""
    if sub.transfer_mechanism is not None:
        info = transfer_mechanisms().get(sub.transfer_mechanism.value)
        mechanism = info.label(locale) if info else sub.transfer_mechanism.value
    effective = sub.contract_start_on or sub.dpa_signed_on
    facts = [
        (gettext("Activities subcontracted"), activities, ("service_description",)),
        (gettext("Identity"), identity, ("legal_entity", "address")),
        (gettext("Contact"), contact, ("contact_name", "contact_email")),
        (gettext("Location of the data"), location, ("locations", "location_text")),
        (
            gettext("Transfer mechanism"),
            mechanism or sub.transfer_text,
            ("transfer_mechanism", "transfer_text"),
        ),
        (
            gettext("Certification"),
            _certification(sub, snapshot, gettext, locale),
            CERTIFICATE_FIELDS,
        ),
        (
            gettext("Effective date of the contract"),
            format_date(effective, format="long", locale=locale) if effective else "",
            ("contract_start_on", "dpa_signed_on"),
        ),
    ]
    if item.change == "new_location":
        facts.insert(0, (gettext("New location"), item.detail, ()))
    if item.change == "lost_certification":
        facts.insert(0, (gettext("Certificate lost"), item.detail, ()))
    return facts


def _certification(
    sub: Subprocessor, snapshot: RegisterSnapshot, gettext: Callable[[str], str], locale: str
) -> str:
    labels = hds_activity_labels(locale)
    parts = []
    for cert in snapshot.certifications_by_subprocessor.get(sub.id or -1, ()):
        if cert.kind is CertificationKind.HDS:
            name = "HDS " + cert.referential_version if cert.referential_version else "HDS"
            if cert.hds_activities:
                name += (
                    " ("
                    + ", ".join(f"{a}. {labels.get(a, '')}" for a in sorted(cert.hds_activities))
                    + ")"
                )
        elif cert.kind is CertificationKind.ISO27001:
            name = "ISO/IEC 27001"
        else:
            name = cert.name
        expiry = effective_expiry(cert)
        if expiry is not None:
            name += " " + gettext("valid until {date}").format(
                date=format_date(expiry, format="long", locale=locale)
            )
        parts.append(name)
    return "; ".join(parts) or gettext("none recorded")
