"""What the dashboard shows, gathered off the GUI thread (plain data, no Qt).

`collect_dashboard(register, progress)` reads the register through its services once and returns
a frozen `DashboardData`; the widget only draws it. Hosting is classified with the reference
lists of `workbench.domain.reference` (EEA members, Art. 45 adequacy decisions).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from enum import StrEnum

from workbench.compliance.certification_status import CertificationStatus
from workbench.compliance.deadlines import collect_deadlines
from workbench.domain.enums import CertificationKind, EntityKind, LocationKind, TransferMechanism
from workbench.domain.records import Certification, Location, Subprocessor
from workbench.domain.reference import REGIONS, adequacy_for, is_eea, normalise_country_code
from workbench.i18n import N_
from workbench.progress import NullProgress, Progress
from workbench.services import Register
from workbench.services.compliance_service import ComplianceService

TIMELINE_MAX_CERTIFICATES = 16  # the nearest expiries; more would not be readable


class HostingZone(StrEnum):
    """Where a subprocessor's data is, from the transfer point of view (GDPR Chapter V)."""

    EEA = "eea"  # no transfer
    ADEQUATE = "adequate"  # Art. 45 decision covering it
    OTHER = "other"  # third country without adequacy: needs an Art. 46/49 tool
    UNSPECIFIED = "unspecified"  # no location, or a region too vague to tell

    @property
    def label(self) -> str:
        return _ZONE_LABELS[self]


_ZONE_LABELS = {
    HostingZone.EEA: N_("EEA"),
    HostingZone.ADEQUATE: N_("Adequacy decision"),
    HostingZone.OTHER: N_("Other third countries"),
    HostingZone.UNSPECIFIED: N_("Not specified"),
}
# A subprocessor with several locations counts in its riskiest zone.
_ZONE_RISK = (HostingZone.EEA, HostingZone.ADEQUATE, HostingZone.UNSPECIFIED, HostingZone.OTHER)


_ADEQUACY_MECHANISMS = (TransferMechanism.ADEQUACY, TransferMechanism.ADEQUACY_US_DPF)


class CertificateStatus(StrEnum):
    VALID = "valid"
    EXPIRING = "expiring"
    EXPIRED = "expired"
    UNKNOWN = "unknown"  # no expiry date recorded


# The compliance engine's finer statuses, as the timeline colours them.
_STATUS_OF = {
    CertificationStatus.VALID: CertificateStatus.VALID,
    CertificationStatus.SURVEILLANCE_DUE: CertificateStatus.VALID,
    CertificationStatus.EXPIRING: CertificateStatus.EXPIRING,
    CertificationStatus.EXPIRED: CertificateStatus.EXPIRED,
    CertificationStatus.OBSOLETE_STANDARD: CertificateStatus.EXPIRED,
    CertificationStatus.UNKNOWN: CertificateStatus.UNKNOWN,
}


@dataclass(frozen=True, slots=True)
class CertificateExpiry:
    certification_id: int
    holder: str
    kind: str  # "HDS", "ISO 27001" or the certificate's own name
    issued_on: dt.date | None
    expires_on: dt.date | None
    status: CertificateStatus


@dataclass(frozen=True, slots=True)
class DeadlineRow:
    due_on: dt.date
    what: str
    entity_kind: EntityKind | None = None
    entity_id: int | None = None
    basis: str = ""  # how a computed date was computed (empty: a date as recorded)


@dataclass(frozen=True, slots=True)
class DashboardData:
    today: dt.date
    counts: dict[EntityKind, int]
    zones: dict[HostingZone, int]  # subprocessors per riskiest hosting zone
    countries: list[tuple[str, int, HostingZone]]  # (code, subprocessors, zone), most first
    certificates: list[CertificateExpiry]  # nearest expiries first, expired included
    deadlines: list[DeadlineRow] = field(default_factory=list)  # soonest first
    severities: dict[str, int] = field(default_factory=dict)  # check findings per severity
    deadline_days: int = 60  # the horizon of `deadlines`: the register's setting, shared with it


def location_zone(
    location: Location, mechanism: TransferMechanism | None, on: dt.date
) -> HostingZone:
    code = normalise_country_code(location.code)
    if location.kind is LocationKind.REGION:
        if code in ("EU", "EEA"):
            return HostingZone.EEA
        # "Worldwide" includes third countries without adequacy; "Europe" may or may not.
        return HostingZone.OTHER if code == "WORLDWIDE" else HostingZone.UNSPECIFIED
    if is_eea(code):
        return HostingZone.EEA
    decision = adequacy_for(code, on)
    if decision is None:
        return HostingZone.OTHER
    # A partial decision (US DPF, Canada PIPEDA) covers only importers who signed up to it.
    if decision.full or mechanism in _ADEQUACY_MECHANISMS:
        return HostingZone.ADEQUATE
    return HostingZone.OTHER


def subprocessor_zone(subprocessor: Subprocessor, on: dt.date) -> HostingZone:
    zones = [
        location_zone(loc, subprocessor.transfer_mechanism, on) for loc in subprocessor.locations
    ]
    if not zones:
        return HostingZone.UNSPECIFIED
    return max(zones, key=_ZONE_RISK.index)


def certificate_kind_label(certificate: Certification) -> str:
    if certificate.kind is CertificationKind.HDS:
        return "HDS"
    if certificate.kind is CertificationKind.ISO27001:
        return "ISO 27001"
    return certificate.name or "—"


def collect_dashboard(
    register: Register, progress: Progress | None = None, today: dt.date | None = None
) -> DashboardData:
    progress = progress or NullProgress()
    today = today or dt.date.today()
    steps = 3
    progress.report(0, steps)
    # One read of the register serves every figure: the checks' snapshot holds the lists the
    # counts, zones, certificates and deadlines are drawn from (it was read three times: 1.5 s
    # more at 10,000 treatments, all of it holding the GIL the window paints with).
    compliance = ComplianceService(register)
    review = compliance.review(today)
    snapshot = review.snapshot
    progress.check_cancelled()
    progress.report(1, steps)
    subprocessors, certifications = snapshot.subprocessors, snapshot.certifications
    counts = {
        EntityKind.ORGANISATION: len(snapshot.organisations),
        EntityKind.TREATMENT: len(snapshot.treatments),
        EntityKind.SUBPROCESSOR: len(subprocessors),
        EntityKind.CERTIFICATION: len(certifications),
        EntityKind.AUDIT: len(snapshot.audits),
        EntityKind.NOTIFICATION: len(snapshot.notifications),
    }
    zones = Counter({zone: 0 for zone in HostingZone})
    countries: Counter[str] = Counter()
    for sub in subprocessors:
        zones[subprocessor_zone(sub, today)] += 1
        for code in {normalise_country_code(loc.code) for loc in sub.locations}:
            countries[code] += 1
    names = {o.id: o.name for o in snapshot.organisations}
    sub_names = {s.id: s.name for s in subprocessors}
    certificates = [
        CertificateExpiry(
            certification_id=c.id or 0,
            holder=sub_names.get(c.subprocessor_id, "")
            if c.subprocessor_id is not None
            else names.get(c.organisation_id, ""),
            kind=certificate_kind_label(c),
            issued_on=c.issued_on,
            expires_on=assessment.expires_on,
            status=_STATUS_OF[assessment.status],
        )
        for c, assessment in compliance.certificate_statuses(today, certifications)
    ]
    certificates.sort(key=lambda c: (c.expires_on is None, c.expires_on or today))
    severities = Counter(f.severity.value for f in review.open)
    progress.check_cancelled()
    progress.report(2, steps)
    # The same function and horizon as the `deadlines` command: both list the same items.
    deadline_days = snapshot.settings.deadlines_within_days
    deadlines = [
        DeadlineRow(item.date, item.label, item.link.kind, item.link.id, item.basis)
        for item in collect_deadlines(snapshot, deadline_days)
    ]
    progress.report(steps, steps)
    return DashboardData(
        today=today,
        counts=counts,
        zones=dict(zones),
        countries=[
            (code, count, location_zone(_location(code), None, today))
            for code, count in sorted(countries.items(), key=lambda item: (-item[1], item[0]))
        ],
        certificates=certificates,
        deadlines=deadlines,
        severities=dict(severities),
        deadline_days=deadline_days,
    )


def _location(code: str) -> Location:
    kind = LocationKind.REGION if code in REGIONS else LocationKind.COUNTRY
    return Location(code, kind)
