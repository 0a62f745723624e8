"""The Art. 30 actors: who the controllers and processors are, how to reach them, their DPO.

Art. 30(1)(a) and 30(2)(a) ask for the name and contact details of the controller, of each
controller a processor acts for, and of the DPO. Where a source names a category of clients
("Partenaires") instead of the controllers, the register keeps what the source says and these
rules report it; they never invent a controller or a DPO.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence

from workbench.compliance.checks._proof import basis, marks, reasons, to_verify
from workbench.compliance.checks.engine import Finding, Rule
from workbench.compliance.checks.severity import Severity
from workbench.compliance.snapshot import EntityLink, RegisterSnapshot
from workbench.domain.enums import EntityKind, OrganisationKind, Role
from workbench.domain.records import Organisation, Treatment
from workbench.i18n import _, ngettext

_CONTACT_FIELDS = ("contact_name", "contact_email", "contact_phone", "address")
_DPO_FIELDS = ("dpo_name", "dpo_email", "dpo_phone", "dpo_company", "dpo_organisation_id")


def _filled_dpo_fields(org: Organisation) -> list[str]:
    """The DPO fields of `org` that hold a value (the group DPO link is one of them)."""
    return [f for f in _DPO_FIELDS if getattr(org, f) not in ("", None)]


def names(treatments: Sequence[Treatment], shown: int = 3) -> str:
    """'"A", "B", "C" and 4 more': enough to find the records, short enough to read."""
    quoted = ", ".join(_('"{name}"').format(name=t.name) for t in treatments[:shown])
    rest = len(treatments) - shown
    if rest <= 0:
        return quoted
    return ngettext("{names} and {count} more", "{names} and {count} more", rest).format(
        names=quoted, count=rest
    )


def _reachable(org: Organisation) -> bool:
    return bool(org.contact_email.strip() or org.contact_phone.strip())


def has_own_dpo(org: Organisation) -> bool:
    return any(f.strip() for f in (org.dpo_name, org.dpo_email, org.dpo_phone, org.dpo_company))


def _by_organisation(snapshot: RegisterSnapshot) -> dict[int, list[Treatment]]:
    index: dict[int, list[Treatment]] = defaultdict(list)
    for t in snapshot.live_treatments:
        index[t.organisation_id].append(t)
    return index


def _no_contact(org: Organisation, problem: str, articles: str) -> Finding:
    """Contact details missing: an error with none at all, a warning with a postal address."""
    postal = bool(org.address.strip())
    finding = Finding(
        ORGANISATION_NO_CONTACT.id,
        Severity.WARNING if postal else Severity.ERROR,
        problem
        + " "
        + (
            _("Only a postal address is recorded: no e-mail or telephone ({articles}).")
            if postal
            else _("No contact details are recorded ({articles}).")
        ).format(articles=articles),
        _("Record the contact person, e-mail or telephone of {name}.").format(name=org.name),
        EntityLink(EntityKind.ORGANISATION, org.id or 0),
        org.name,
    )
    return to_verify(finding, basis(org, *_CONTACT_FIELDS))


def check_own_organisations(snapshot: RegisterSnapshot) -> Iterator[Finding]:
    records = _by_organisation(snapshot)
    for org in snapshot.own_organisations():
        treatments = records.get(org.id or -1, [])
        if org.id is None or not treatments:
            continue
        roles = {t.role for t in treatments}
        articles = ", ".join(
            a
            for role, a in ((Role.CONTROLLER, "30(1)(a)"), (Role.PROCESSOR, "30(2)(a)"))
            if role in roles
        )
        if not _reachable(org):
            yield _no_contact(
                org,
                ngettext(
                    "{name} keeps {count} record of processing, which must give its name and "
                    "contact details.",
                    "{name} keeps {count} records of processing, which must give its name and "
                    "contact details.",
                    len(treatments),
                ).format(name=org.name, count=len(treatments)),
                _("GDPR Art. {articles}").format(articles=articles),
            )
        yield from _dpo(snapshot, org, treatments)


def _dpo(
    snapshot: RegisterSnapshot, org: Organisation, treatments: list[Treatment]
) -> Iterator[Finding]:
    group = snapshot.organisation_by_id.get(org.dpo_organisation_id or -1)
    if has_own_dpo(org) or (group is not None and has_own_dpo(group)):
        filled = _filled_dpo_fields(org)
        inferred = basis(org, *filled)
        if filled and all(basis(org, f) for f in filled):  # no DPO value a person stated
            yield Finding(
                ORGANISATION_NO_DPO.id,
                Severity.WARNING,
                _("The DPO recorded for {name} is not confirmed ({reasons}).").format(
                    name=org.name, reasons=reasons(inferred)
                ),
                _("Check who is designated as DPO (Art. 37) and confirm or correct it."),
                EntityLink(EntityKind.ORGANISATION, org.id or 0),
                org.name,
                marks(inferred),
            )
        return
    missing = (
        _("{name} records no DPO, neither its own nor a group DPO.")
        if group is None
        else _("{name} records the DPO of {group} as its DPO, but {group} records none.")
    ).format(name=org.name, group=group.name if group else "")
    health = [t for t in treatments if t.processes_health_data]
    link = EntityLink(EntityKind.ORGANISATION, org.id or 0)
    fix = _(
        "Record the DPO designated for {name} (its own, an external firm, or the group's DPO "
        "under Art. 37(2)) with the DPO's contact details (Art. 30(1)(a), 37(7))."
    ).format(name=org.name)
    if not health:
        yield Finding(
            ORGANISATION_NO_DPO.id,
            Severity.WARNING,
            missing + " " + _("A DPO is required in the cases of GDPR Art. 37(1)."),
            fix + " " + _("If none is required, note why."),
            link,
            org.name,
        )
        return
    finding = Finding(
        ORGANISATION_NO_DPO.id,
        Severity.ERROR,
        missing
        + " "
        + ngettext(
            "It processes health data ({names}): GDPR Art. 37(1)(c) requires a DPO where the "
            "core activities consist of processing health data on a large scale, which is "
            "assumed here from the health data it processes ({count} record).",
            "It processes health data ({names}): GDPR Art. 37(1)(c) requires a DPO where the "
            "core activities consist of processing health data on a large scale, which is "
            "assumed here from the health data it processes ({count} records).",
            len(health),
        ).format(names=names(health), count=len(health)),
        fix,
        link,
        org.name,
    )
    if all(basis(t, "data_categories") for t in health):
        finding = to_verify(finding, basis(health[0], "data_categories", owner=health[0].name))
    yield finding


def check_processor_records(snapshot: RegisterSnapshot) -> Iterator[Finding]:
    """Art. 30(2)(a): each controller a processor acts for, named, with its contact details."""
    served: dict[int, list[Treatment]] = defaultdict(list)
    for t in snapshot.live_treatments:
        if t.role is not Role.PROCESSOR or t.id is None:
            continue
        if not t.controller_ids:
            yield Finding(
                PROCESSOR_RECORD_CONTROLLERS.id,
                Severity.ERROR,
                _(
                    'The processor record "{name}" names no controller (GDPR Art. 30(2)(a): '
                    "the name and contact details of each controller the processor acts for)."
                ).format(name=t.name),
                _("Link the record to the controllers it is kept for."),
                EntityLink(EntityKind.TREATMENT, t.id),
                t.name,
            )
        for cid in t.controller_ids:
            served[cid].append(t)
    for cid, treatments in served.items():
        org = snapshot.organisation_by_id.get(cid)
        if org is None or org.kind is OrganisationKind.OWN:
            continue  # an own organisation's contact is checked with its own records
        count = len(treatments)
        if not org.is_named_controller:
            finding = Finding(
                PROCESSOR_RECORD_CONTROLLERS.id,
                Severity.ERROR,
                ngettext(
                    '{count} processor record ({names}) names "{category}", a category of '
                    "clients, instead of each controller: GDPR Art. 30(2)(a) requires the name "
                    "and contact details of each controller the processor acts for.",
                    '{count} processor records ({names}) name "{category}", a category of '
                    "clients, instead of each controller: GDPR Art. 30(2)(a) requires the name "
                    "and contact details of each controller the processor acts for.",
                    count,
                ).format(count=count, names=names(treatments), category=org.name),
                _(
                    "List the controllers of this category (from the contracts signed with "
                    "them) with their contact details, and link the records to them."
                ),
                EntityLink(EntityKind.ORGANISATION, cid),
                org.name,
            )
            yield to_verify(finding, basis(org, "kind"))
        elif not _reachable(org):
            yield _no_contact(
                org,
                ngettext(
                    "The controller {name} is served by {count} processor record ({names}).",
                    "The controller {name} is served by {count} processor records ({names}).",
                    count,
                ).format(name=org.name, count=count, names=names(treatments)),
                _("GDPR Art. 30(2)(a)"),
            )


def check_processor_links(snapshot: RegisterSnapshot) -> Iterator[Finding]:
    """A processor named on a treatment keeps the matching processor record (Art. 28(3), 30(2))."""
    kept = {
        (t.organisation_id, cid)
        for t in snapshot.live_treatments
        if t.role is Role.PROCESSOR
        for cid in t.controller_ids
    }
    missing: dict[tuple[int, int], list[Treatment]] = defaultdict(list)
    for t in snapshot.live_treatments:
        for pid in t.processor_ids:
            if pid != t.organisation_id and (pid, t.organisation_id) not in kept:
                missing[(pid, t.organisation_id)].append(t)
    for (pid, cid), treatments in missing.items():
        processor = snapshot.organisation_by_id.get(pid)
        controller = snapshot.organisation_by_id.get(cid)
        if processor is None or controller is None:
            continue
        yield Finding(
            PROCESSOR_LINK_WITHOUT_RECORD.id,
            Severity.WARNING,
            ngettext(
                "{processor} is recorded as processor of {controller} for {count} treatment "
                "({names}), but keeps no processor record naming {controller} (GDPR Art. 30(2)).",
                "{processor} is recorded as processor of {controller} for {count} treatments "
                "({names}), but keeps no processor record naming {controller} (GDPR Art. 30(2)).",
                len(treatments),
            ).format(
                processor=processor.name,
                controller=controller.name,
                count=len(treatments),
                names=names(treatments),
            ),
            _(
                "Record in the register of {processor} the processing it carries out for "
                "{controller}, under the contract Art. 28(3) requires."
            ).format(processor=processor.name, controller=controller.name),
            EntityLink(EntityKind.ORGANISATION, pid),
            processor.name,
        )


ORGANISATION_NO_CONTACT = Rule(
    "organisation-no-contact", Severity.ERROR, "GDPR Art. 30(1)(a), 30(2)(a)"
)
ORGANISATION_NO_DPO = Rule("organisation-no-dpo", Severity.ERROR, "GDPR Art. 37(1)(c), 30(1)(a)")
PROCESSOR_RECORD_CONTROLLERS = Rule(
    "processor-record-controllers", Severity.ERROR, "GDPR Art. 30(2)(a)"
)
PROCESSOR_LINK_WITHOUT_RECORD = Rule(
    "processor-link-without-record", Severity.WARNING, "GDPR Art. 28(3), 30(2)"
)
CHECKS = (check_own_organisations, check_processor_records, check_processor_links)
