"""Wording the Art. 28(2) letter from the register, in the letter's own language.

What the letter must say comes from the CNIL model clause (guide du sous-traitant, 2017): the
activities subcontracted, the identity and contact details of the subprocessor, the contract
dates; and, for the controller to judge, where the data goes and under which transfer mechanism,
the certification held, and the deadline to object.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from exporters._labels import DocText
from exporters.docx_notification_letter import LetterSection, NotificationLetter, letter_marks
from workbench.compliance.certificate_wording import certificate_line
from workbench.compliance.snapshot import RegisterSnapshot
from workbench.domain.records import Notification, NotificationItem, Organisation, Subprocessor
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
    """The letter for `notification`; `records` gives each item's subprocessor (even deleted).

    It is dated the day it was sent, or, while a draft, the day it was drafted; the objection
    deadline it states is the register's (counted from the sending day once sent: the workflow
    writes a new version of the letter then)."""
    gettext = translator(locale).gettext
    words = DocText(locale)
    own = snapshot.organisation_by_id[notification.organisation_id]
    controller = snapshot.organisation_by_id[notification.controller_id]
    dpo = snapshot.organisation_by_id.get(own.dpo_organisation_id or -1, own)
    dated = notification.sent_on or notification.created_on or snapshot.today
    processor = own.legal_name or own.name
    contact = dpo.dpo_email or own.dpo_email or own.contact_email or processor

    sections = tuple(
        _section(item, records.get(item.subprocessor_id or -1), notification, snapshot, locale)
        for item in notification.items
    )
    return NotificationLetter(
        language=locale,
        dated=dated,
        title=gettext("Information on a change of subprocessors"),
        sender=_lines(processor, own.address, contact),
        recipient=_recipient(controller, gettext),
        place_and_date=gettext("Date: {date}").format(date=words.date(dated)),
        subject=gettext("Subject: information on a change of subprocessors (GDPR Art. 28(2))"),
        salutation=gettext("Dear Sir or Madam,"),
        introduction=(
            gettext(
                "Under the general written authorisation given in our contract, and in accordance "
                "with Article 28(2) of the General Data Protection Regulation, {processor} informs "
                "you of the following changes to the subprocessors it engages for the processing "
                "it carries out on your behalf."
            ).format(processor=processor),
        ),
        sections=sections,
        conclusion=(
            _objection_period(notification, controller, dated, contact, words),
            gettext(
                "An objection is made in writing and states its reasons. If you object within "
                "this period, {processor} will not entrust the processing it carries out on "
                "your behalf to the subprocessor concerned, and will contact you to examine "
                "your objection with you."
            ).format(processor=processor),
            gettext(
                "{processor} remains fully liable to you for the performance of its "
                "subprocessors' obligations (GDPR Art. 28(4))."
            ).format(processor=processor),
            gettext("Yours faithfully,"),
        ),
        signature=_lines(
            dpo.dpo_name or own.dpo_name,
            gettext("Data Protection Officer"),
            processor,
        ),
        author=dpo.dpo_name or own.dpo_name,
    )


def _recipient(controller: Organisation, gettext: Callable[[str], str]) -> tuple[str, ...]:
    """A named controller's address block; for a category of clients ("Partenaires") the
    letter is a circular to each of them: the register holds no single address to print."""
    if not controller.is_named_controller:
        return (
            gettext("To each of our clients in the category: {category}").format(
                category=controller.name
            ),
        )
    return _lines(
        controller.legal_name or controller.name, controller.address, controller.contact_email
    )


def _objection_period(
    notification: Notification,
    controller: Organisation,
    dated: dt.date,
    contact: str,
    words: DocText,
) -> str:
    text = words(
        N_(
            "You may object to these changes within {days} days of the date of this letter, "
            "{date}, that is by {deadline} at the latest, by writing to {contact}. Without "
            "objection within that period, the changes are deemed accepted."
        )
    ).format(
        days=controller.objection_period_days,
        date=words.date(dated),
        deadline=words.date(notification.objection_deadline),
        contact=contact,
    )
    if notification.sent_on is None:
        # A draft counts the period from the day it was drafted: it is provisional until the
        # letter is marked sent, when a new version states the period from the sending day.
        text += " " + words(
            N_("[Draft: the deadline is recomputed from the sending date when marked sent.]")
        )
    return text


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
    for label, value, fields in _facts(item, sub, notification, snapshot, locale):
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
    locale: str,
) -> list[tuple[str, str, tuple[str, ...]]]:
    """(label, value, the record fields the value shows) for each fact of the change.

    What the CNIL model clause requires (activities, identity and contact details, contract
    dates) and what the controller needs to judge (data, locations, safeguards, certificates)
    is always printed: a fact the register does not hold says so, for the DPO to complete
    before the letter leaves, rather than silently disappearing from the letter."""
    words = DocText(locale)
    missing = words(N_("not recorded in the register: to be completed before sending"))
    treatments = [
        tr
        for tr in snapshot.treatments_by_subprocessor.get(sub.id or -1, ())
        if notification.controller_id in tr.controller_ids
    ]
    categories = sub.data_categories or tuple(
        dict.fromkeys(c for tr in treatments for c in tr.data_categories)
    )
    identity = ", ".join(x for x in (sub.legal_entity, sub.address) if x)
    contact = ", ".join(x for x in (sub.contact_name, sub.contact_email) if x)
    effective = sub.contract_start_on or sub.dpa_signed_on
    dated = notification.sent_on or notification.created_on or snapshot.today
    facts = [
        (
            words(N_("Service provided")),
            sub.service_description or missing,
            ("service_description",),
        ),
        (
            words(N_("Processing carried out for you")),
            "; ".join(tr.name for tr in treatments) or missing,
            (),
        ),
        (
            words(N_("Legal entity and address")),
            identity or f"{sub.name} ({missing})",
            ("legal_entity", "address"),
        ),
        (words(N_("Contact")), contact or missing, ("contact_name", "contact_email")),
        (
            words(N_("Categories of data")),
            "; ".join(words.category_label(c) for c in categories) or missing,
            ("data_categories",) if sub.data_categories else (),
        ),
        (
            words(N_("Location of the data")),
            words.server_location(sub) or missing,
            ("locations", "location_text"),
        ),
        (
            words(N_("Transfer mechanism")),
            words.transfer(sub),
            ("transfer_mechanism", "transfer_text"),
        ),
        (
            words(N_("Certification")),
            _certification(sub, snapshot, words, dated),
            CERTIFICATE_FIELDS,
        ),
        (
            words(N_("Effective date of the contract")),
            words.date(effective) or missing,
            ("contract_start_on", "dpa_signed_on"),
        ),
    ]
    if item.change == "new_location":
        facts.insert(0, (words(N_("New location")), item.detail, ()))
    if item.change == "lost_certification":
        facts.insert(0, (words(N_("Certificate lost")), item.detail, ()))
    return facts


def _certification(
    sub: Subprocessor, snapshot: RegisterSnapshot, words: DocText, dated: dt.date
) -> str:
    """Each certificate as every other document words it, on the letter's date; the HDS
    activities by name: the controller reading the letter judges what is covered."""
    certificates = snapshot.certifications_by_subprocessor.get(sub.id or -1, ())
    lines = [certificate_line(words, c, dated, activity_names=True) for c in certificates]
    return "; ".join(lines) or words(N_("none recorded"))
