"""Health data hosting: HDS certification (CSP L.1111-8, R.1111-9) and the HDS v2 EEA rule."""

from __future__ import annotations

from collections.abc import Iterator

from workbench.compliance.certification_status import CertificationStatus, assess, is_hds_v1
from workbench.compliance.checks._facts import (
    hds_applies_basis,
    hds_certificates,
    health_hosts,
    needed_activities,
    transit_words,
    usable_hds_certificates,
)
from workbench.compliance.checks._proof import Basis, basis, marks, reasons, to_verify
from workbench.compliance.checks.actors import names
from workbench.compliance.checks.certificates import status_basis
from workbench.compliance.checks.engine import Finding, Rule
from workbench.compliance.checks.severity import Severity
from workbench.compliance.locations import describe, outside_eea
from workbench.compliance.snapshot import EntityLink, RegisterSnapshot
from workbench.domain.enums import CertificationKind, EntityKind, Role
from workbench.domain.records import Certification, Subprocessor
from workbench.domain.reference import hds_v2_transition_ends
from workbench.i18n import _, sentence_date


def _numbers(activities: frozenset[int] | set[int]) -> str:
    return ", ".join(str(a) for a in sorted(activities))


def check_hds_certificates(snapshot: RegisterSnapshot) -> Iterator[Finding]:
    for sub in health_hosts(snapshot):
        if sub.id is None:
            continue
        applies = hds_applies_basis(snapshot, sub)
        transit = transit_words(sub)
        if transit and not hds_certificates(snapshot, sub):
            yield to_verify(_transit_finding(sub, sub.id, transit), applies)
        else:
            yield from (to_verify(f, applies) for f in _host_findings(snapshot, sub, sub.id))


def _transit_finding(sub: Subprocessor, sid: int, words: str) -> Finding:
    """Data said to be deleted at once: still a processing, and a transfer where it leaves the
    EEA, but whether the provider hosts it (CSP L.1111-8) is a question, not a fact."""
    where = describe(sub.locations) if sub.locations else "?"
    return Finding(
        HDS_TRANSIT_TO_VERIFY.id,
        Severity.WARNING,
        _(
            '{name} handles health data that its description says is "{words}" ({where}): '
            "passing through is still a processing and, outside the EEA, a transfer, but "
            "whether it is hosting that needs HDS certification is to be verified."
        ).format(name=sub.name, words=words, where=where),
        _(
            "Ask {name} whether it stores the data at any point (buffers, logs, backups) and "
            "where; if it does, record its HDS certificate, or move the service; if not, note "
            "that it is transit only. Keep its transfer safeguard recorded either way."
        ).format(name=sub.name),
        EntityLink(EntityKind.SUBPROCESSOR, sid),
        sub.name,
    )


def _certificates_basis(
    snapshot: RegisterSnapshot, certs: list[Certification], *fields: str
) -> Basis:
    """The unconfirmed values the certificates' status (and `fields`) rest on."""
    found: Basis = ()
    for cert in certs:
        owner = _("its HDS certificate")
        found += status_basis(cert, _status(snapshot, cert), owner) + basis(
            cert, *fields, owner=owner
        )
    return found


def _host_findings(snapshot: RegisterSnapshot, sub: Subprocessor, sid: int) -> Iterator[Finding]:
    link = EntityLink(EntityKind.SUBPROCESSOR, sid)
    certificates = hds_certificates(snapshot, sub)
    usable = usable_hds_certificates(snapshot, sub)
    if not certificates:
        yield Finding(
            HDS_HOST_TO_VERIFY.id,
            Severity.WARNING,
            _("{name} hosts health data but no HDS certificate is recorded for it.").format(
                name=sub.name
            ),
            _(
                "Check the host in the ANS list of certified hosts and record its HDS "
                "certificate (certifier, number, activities 1 to 6, expiry date)."
            ),
            link,
            sub.name,
        )
        return
    undated = [c for c in certificates if c.expires_on is None]
    if not usable and undated:
        # A certificate recorded without dates is unverified, not known to be invalid.
        yield Finding(
            HDS_HOST_TO_VERIFY.id,
            Severity.WARNING,
            _(
                "{name} hosts health data and has an HDS certificate recorded without an "
                "expiry date, so its validity cannot be confirmed."
            ).format(name=sub.name),
            _(
                "Check the certificate in the ANS list of certified hosts and record its "
                "number, activities (1 to 6) and expiry date."
            ),
            link,
            sub.name,
        )
        return
    if not usable:
        finding = Finding(
            HDS_HOST_NOT_CERTIFIED.id,
            Severity.ERROR,
            _("{name} hosts health data but none of its HDS certificates is valid today.").format(
                name=sub.name
            ),
            _(
                "Obtain and record the renewed certificate, or move the health data to a "
                "certified host: hosting health data without certification is unlawful "
                "(CSP L.1111-8)."
            ),
            link,
            sub.name,
        )
        yield to_verify(finding, _certificates_basis(snapshot, certificates))
        return
    covered = {a for c in usable for a in c.hds_activities}
    missing = needed_activities(sub) - covered
    if missing or not covered:
        # The activities a service needs are read from its description: a guess, to verify.
        yield Finding(
            HDS_HOST_TO_VERIFY.id,
            Severity.WARNING,
            _(
                "{name} hosts health data but its valid HDS certificates may not cover "
                "activities {missing}, which its service description suggests it needs "
                "(certified: {covered})."
            ).format(
                name=sub.name,
                missing=_numbers(missing) or "1-6",
                covered=_numbers(covered) or _("none recorded"),
            ),
            _(
                "Record the activities of the certificate as numbered in CSP R.1111-9, or "
                "use a host certified for the missing activities."
            ),
            link,
            sub.name,
        )
        return
    # Certified only if some certificate holds by stated values (dates, referential, activities).
    if all(_certificates_basis(snapshot, [c], "hds_activities") for c in usable):
        rests_on = _certificates_basis(snapshot, usable, "hds_activities")
        yield Finding(
            HDS_HOST_TO_VERIFY.id,
            Severity.WARNING,
            _(
                "{name} hosts health data and counts as HDS-certified only by values not yet "
                "confirmed ({reasons})."
            ).format(name=sub.name, reasons=reasons(rests_on)),
            _(
                "Check the certificate in the ANS list of certified hosts and confirm or "
                "correct its dates, referential and activities."
            ),
            link,
            sub.name,
            marks(rests_on),
        )


def _status(snapshot: RegisterSnapshot, cert: Certification) -> CertificationStatus:
    return assess(cert, snapshot.today, snapshot.settings.expiring_within_days).status


def check_hds_v2_location(snapshot: RegisterSnapshot) -> Iterator[Finding]:
    severity = Severity.ERROR if snapshot.today > hds_v2_transition_ends() else Severity.WARNING
    for sub in health_hosts(snapshot):
        outside = [loc for loc in sub.locations if outside_eea(loc)]
        if not outside or sub.id is None or transit_words(sub):
            continue  # data said to pass through: hds-transit-to-verify asks first
        finding = Finding(
            HDS_V2_OUTSIDE_EEA.id,
            severity,
            _("{name} hosts health data outside the EEA ({countries}).").format(
                name=sub.name, countries=describe(outside)
            ),
            _(
                "The HDS v2 referential (arrêté du 26 avril 2024, mandatory since {date}) "
                "requires health data to be hosted in the EEA: move the hosting to a data centre "
                "in the EEA and record the new location."
            ).format(date=sentence_date(hds_v2_transition_ends())),
            EntityLink(EntityKind.SUBPROCESSOR, sub.id),
            sub.name,
        )
        yield to_verify(finding, hds_applies_basis(snapshot, sub) + basis(sub, "locations"))


def check_own_hds_certificate(snapshot: RegisterSnapshot) -> Iterator[Finding]:
    """An own organisation that holds health data for its controllers is a host itself."""
    for org in snapshot.own_organisations():
        hosted = [
            t
            for t in snapshot.live_treatments
            if t.processes_health_data
            and (
                (t.role is Role.PROCESSOR and t.organisation_id == org.id)
                or (org.id in t.processor_ids and t.organisation_id != org.id)
            )
        ]
        if org.id is None or not hosted:
            continue
        link = EntityLink(EntityKind.ORGANISATION, org.id)
        certificates = [
            c
            for c in snapshot.certifications
            if c.organisation_id == org.id and c.kind is CertificationKind.HDS
        ]
        if not certificates:
            yield Finding(
                HDS_OWN_CERTIFICATE.id,
                Severity.WARNING,
                _(
                    "{name} processes health data as processor ({names}) and no HDS "
                    "certificate of its own is recorded."
                ).format(name=org.name, names=names(hosted)),
                _(
                    "If {name} hosts these data for the controllers, it must be certified for "
                    "the activities it performs (CSP L.1111-8, R.1111-9): record its "
                    "certificate; if only certified hosts hold the data, note it."
                ).format(name=org.name),
                link,
                org.name,
            )
            continue
        if any(_status(snapshot, c).is_usable for c in certificates):
            continue
        finding = Finding(
            HDS_OWN_CERTIFICATE.id,
            Severity.ERROR,
            _(
                "{name} hosts health data as processor ({names}) but its own HDS certificate "
                "is not valid today ({states})."
            ).format(
                name=org.name,
                names=names(hosted),
                states="; ".join(_state(snapshot, c) for c in certificates),
            ),
            _(
                "Record the renewed certificate (HDS referential v2): hosting health data "
                "without a valid certificate is unlawful (CSP L.1111-8)."
            ),
            link,
            org.name,
        )
        rests_on = _certificates_basis(snapshot, certificates)
        yield to_verify(
            finding,
            rests_on
            + tuple(
                b
                for c in certificates
                if is_hds_v1(c)
                for b in basis(c, "referential_version", owner=_("its HDS certificate"))
                if b not in rests_on
            ),
        )


def _state(snapshot: RegisterSnapshot, cert: Certification) -> str:
    result = assess(cert, snapshot.today, snapshot.settings.expiring_within_days)
    v1 = _("on referential v1, void since {date}").format(
        date=sentence_date(hds_v2_transition_ends())
    )
    if result.status is CertificationStatus.OBSOLETE_STANDARD:
        return v1 if is_hds_v1(cert) else _("superseded referential")
    when = sentence_date(result.expires_on) if result.expires_on else "?"
    expired = _("expired on {date}").format(date=when)
    return expired + ", " + v1 if is_hds_v1(cert) else expired


HDS_HOST_TO_VERIFY = Rule("hds-host-to-verify", Severity.WARNING, "CSP L.1111-8")
HDS_TRANSIT_TO_VERIFY = Rule("hds-transit-to-verify", Severity.WARNING, "CSP L.1111-8")
HDS_HOST_NOT_CERTIFIED = Rule("hds-host-not-certified", Severity.ERROR, "CSP L.1111-8, R.1111-9")
HDS_V2_OUTSIDE_EEA = Rule("hds-v2-outside-eea", Severity.ERROR, "HDS referential v2 (2024)")
HDS_OWN_CERTIFICATE = Rule("hds-own-certificate", Severity.ERROR, "CSP L.1111-8, R.1111-9")
CHECKS = (check_hds_certificates, check_hds_v2_location, check_own_hds_certificate)
