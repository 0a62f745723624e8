"""Certificates lapsed, about to, missing their surveillance, or on a superseded standard."""

from __future__ import annotations

from collections.abc import Iterator

from workbench.compliance.certification_status import CertificationStatus, assess
from workbench.compliance.checks.engine import Finding, Rule, Severity
from workbench.compliance.snapshot import EntityLink, RegisterSnapshot
from workbench.domain.enums import CertificationKind, EntityKind
from workbench.domain.records import Certification
from workbench.i18n import _, sentence_date


def _label(cert: Certification, holder: str) -> str:
    kind = {CertificationKind.HDS: "HDS", CertificationKind.ISO27001: "ISO/IEC 27001"}.get(
        cert.kind, cert.name or _("certificate")
    )
    number = f" {cert.number}" if cert.number else ""
    return _("{kind} certificate{number} of {holder}").format(
        kind=kind, number=number, holder=holder or "?"
    )


def check_certificates(snapshot: RegisterSnapshot) -> Iterator[Finding]:
    today = snapshot.today
    for cert in snapshot.certifications:
        if cert.id is None:
            continue
        result = assess(cert, today, snapshot.settings.expiring_within_days)
        label = _label(cert, snapshot.holder_name(cert))
        link = EntityLink(EntityKind.CERTIFICATION, cert.id)
        when = sentence_date(result.expires_on) if result.expires_on else ""
        if result.status is CertificationStatus.EXPIRED:
            yield Finding(
                CERTIFICATE_EXPIRED.id,
                Severity.ERROR,
                _("The {label} expired on {date}.").format(label=label, date=when),
                _("Record the renewed certificate, or treat the holder as no longer certified."),
                link,
                label,
            )
        elif result.status is CertificationStatus.OBSOLETE_STANDARD:
            yield Finding(
                CERTIFICATE_OBSOLETE.id,
                Severity.ERROR,
                _("The {label} follows a superseded standard and is void since {date}.").format(
                    label=label, date=when
                ),
                _(
                    "ISO/IEC 27001:2013 certificates ended on 2025-10-31 and HDS v1 "
                    "certificates on 2026-05-16: record the certificate issued against the "
                    "current standard (ISO/IEC 27001:2022, HDS v2)."
                ),
                link,
                label,
            )
        elif result.status is CertificationStatus.EXPIRING:
            yield Finding(
                CERTIFICATE_EXPIRING.id,
                Severity.WARNING,
                _("The {label} expires on {date}.").format(label=label, date=when),
                _("Ask for the recertification audit report and record the new certificate."),
                link,
                label,
            )
        elif result.status is CertificationStatus.SURVEILLANCE_DUE and result.next_surveillance_on:
            yield Finding(
                CERTIFICATE_SURVEILLANCE_DUE.id,
                Severity.WARNING,
                _("The yearly surveillance audit of the {label} was due on {date}.").format(
                    label=label, date=sentence_date(result.next_surveillance_on)
                ),
                _("Record the date of the last surveillance audit, or ask the holder for it."),
                link,
                label,
            )
        elif result.status is CertificationStatus.UNKNOWN:
            yield Finding(
                CERTIFICATE_UNDATED.id,
                Severity.INFO,
                _("The {label} has no issue or expiry date.").format(label=label),
                _("Record its dates so that its validity can be followed."),
                link,
                label,
            )


_SOURCE = "ISO/IEC 17021-1 §9.1.3; CSP R.1111-10; IAF MD 26"
CERTIFICATE_EXPIRED = Rule("certificate-expired", Severity.ERROR, _SOURCE)
CERTIFICATE_OBSOLETE = Rule("certificate-obsolete-standard", Severity.ERROR, _SOURCE)
CERTIFICATE_EXPIRING = Rule("certificate-expiring", Severity.WARNING, _SOURCE)
CERTIFICATE_SURVEILLANCE_DUE = Rule("certificate-surveillance-due", Severity.WARNING, _SOURCE)
CERTIFICATE_UNDATED = Rule("certificate-undated", Severity.INFO, _SOURCE)
CHECKS = (check_certificates,)
