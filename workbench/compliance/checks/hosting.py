"""Health data hosting: HDS certification (CSP L.1111-8, R.1111-9) and the HDS v2 EEA rule."""

from __future__ import annotations

from collections.abc import Iterator

from workbench.compliance.checks._facts import (
    hds_certificates,
    health_hosts,
    needed_activities,
    usable_hds_certificates,
)
from workbench.compliance.checks.engine import Finding, Rule, Severity
from workbench.compliance.locations import describe, outside_eea
from workbench.compliance.snapshot import EntityLink, RegisterSnapshot
from workbench.domain.enums import EntityKind
from workbench.domain.reference import hds_v2_transition_ends
from workbench.i18n import _, sentence_date


def _numbers(activities: frozenset[int] | set[int]) -> str:
    return ", ".join(str(a) for a in sorted(activities))


def check_hds_certificates(snapshot: RegisterSnapshot) -> Iterator[Finding]:
    for sub in health_hosts(snapshot):
        if sub.id is None:
            continue
        link = EntityLink(EntityKind.SUBPROCESSOR, sub.id)
        usable = usable_hds_certificates(snapshot, sub)
        if not hds_certificates(snapshot, sub):
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
            continue
        undated = [c for c in hds_certificates(snapshot, sub) if c.expires_on is None]
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
            continue
        if not usable:
            yield Finding(
                HDS_HOST_NOT_CERTIFIED.id,
                Severity.ERROR,
                _(
                    "{name} hosts health data but none of its HDS certificates is valid today."
                ).format(name=sub.name),
                _(
                    "Obtain and record the renewed certificate, or move the health data to a "
                    "certified host: hosting health data without certification is unlawful "
                    "(CSP L.1111-8)."
                ),
                link,
                sub.name,
            )
            continue
        covered = {a for c in usable for a in c.hds_activities}
        missing = needed_activities(sub) - covered
        if missing or not covered:
            yield Finding(
                HDS_HOST_NOT_CERTIFIED.id,
                Severity.ERROR,
                _(
                    "{name} hosts health data but its valid HDS certificates do not cover "
                    "activities {missing} that its service needs (certified: {covered})."
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


def check_hds_v2_location(snapshot: RegisterSnapshot) -> Iterator[Finding]:
    severity = Severity.ERROR if snapshot.today > hds_v2_transition_ends() else Severity.WARNING
    for sub in health_hosts(snapshot):
        outside = [loc for loc in sub.locations if outside_eea(loc)]
        if not outside or sub.id is None:
            continue
        yield Finding(
            HDS_V2_OUTSIDE_EEA.id,
            severity,
            _("{name} hosts health data outside the EEA ({countries}).").format(
                name=sub.name,
                countries=describe([loc for loc in sub.locations if outside_eea(loc)]),
            ),
            _(
                "The HDS v2 referential (arrêté du 26 avril 2024, mandatory since {date}) "
                "requires health data to be hosted in the EEA: move the hosting to a data centre "
                "in the EEA and record the new location."
            ).format(date=sentence_date(hds_v2_transition_ends())),
            EntityLink(EntityKind.SUBPROCESSOR, sub.id),
            sub.name,
        )


HDS_HOST_TO_VERIFY = Rule("hds-host-to-verify", Severity.WARNING, "CSP L.1111-8")
HDS_HOST_NOT_CERTIFIED = Rule("hds-host-not-certified", Severity.ERROR, "CSP L.1111-8, R.1111-9")
HDS_V2_OUTSIDE_EEA = Rule("hds-v2-outside-eea", Severity.ERROR, "HDS referential v2 (2024)")
CHECKS = (check_hds_certificates, check_hds_v2_location)
