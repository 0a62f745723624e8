"""Certificates lapsed, about to, missing their surveillance, or on a superseded standard."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from workbench.compliance.certification_status import (
    ISO27001_2013_VOID_AFTER,
    CertificateAssessment,
    CertificationStatus,
    assess,
)
from workbench.compliance.checks._proof import Basis, basis, marks, reasons, to_verify
from workbench.compliance.checks.engine import Finding, Rule
from workbench.compliance.checks.severity import Severity
from workbench.compliance.snapshot import EntityLink, RegisterSnapshot
from workbench.domain.enums import CertificationKind, EntityKind, InferenceOrigin
from workbench.domain.records import Certification, Unconfirmed
from workbench.domain.reference import hds_v2_transition_ends
from workbench.i18n import _, sentence_date


def _label(cert: Certification, holder: str) -> str:
    kind = {CertificationKind.HDS: "HDS", CertificationKind.ISO27001: "ISO/IEC 27001"}.get(
        cert.kind, cert.name or _("certificate")
    )
    number = f" {cert.number}" if cert.number else ""
    return _("{kind} certificate{number} of {holder}").format(
        kind=kind, number=number, holder=holder or "?"
    )


def status_basis(cert: Certification, status: CertificationStatus, owner: str = "") -> Basis:
    """The unconfirmed values a certificate's status rests on: a computed expiry date (issue
    date + 3 years), an approximated issue date, an inferred referential version..."""
    expiry = "expires_on" if cert.expires_on else "issued_on"
    surveillance = "last_surveillance_on" if cert.last_surveillance_on else "issued_on"
    fields = {
        CertificationStatus.EXPIRED: (expiry,),
        CertificationStatus.EXPIRING: (expiry,),
        CertificationStatus.OBSOLETE_STANDARD: ("referential_version",),
        CertificationStatus.SURVEILLANCE_DUE: (surveillance,),
        CertificationStatus.VALID: (expiry, "referential_version", surveillance),
    }.get(status, ())
    found = basis(cert, *fields, owner=owner)
    by_expiry = (
        CertificationStatus.EXPIRED,
        CertificationStatus.EXPIRING,
        CertificationStatus.VALID,
    )
    if status in by_expiry and cert.expires_on is None and cert.issued_on is not None:
        # The expiry is computed here, from the issue date: no person stated it either.
        computed = Unconfirmed(
            "expires_on",
            InferenceOrigin.COMPUTED,
            note=_("issue date + 3 years (ISO/IEC 17021-1 §9.1.3)"),
        )
        found += ((owner, computed),)
    return found


def check_certificates(snapshot: RegisterSnapshot) -> Iterator[Finding]:
    for cert in snapshot.certifications:
        if cert.id is None:
            continue
        result = assess(cert, snapshot.today, snapshot.settings.expiring_within_days)
        rests_on = status_basis(cert, result.status)
        label = _label(cert, snapshot.holder_name(cert))
        link = EntityLink(EntityKind.CERTIFICATION, cert.id)
        when = sentence_date(result.expires_on) if result.expires_on else ""
        if result.status is CertificationStatus.VALID and rests_on:
            yield Finding(
                CERTIFICATE_TO_VERIFY.id,
                Severity.WARNING,
                _(
                    "The status of the {label} is to be verified: by the recorded values it "
                    "would run until {date}, but they are not confirmed ({reasons})."
                ).format(label=label, date=when or "?", reasons=reasons(rests_on)),
                _(
                    "Check the certificate (for HDS, in the ANS list of certified hosts) and "
                    "confirm or correct its dates and referential."
                ),
                link,
                label,
                marks(rests_on),
            )
        else:
            yield from (to_verify(f, rests_on) for f in _status_findings(cert, result, label))
        if result.status is not CertificationStatus.OBSOLETE_STANDARD:
            edition = _edition_finding(cert, snapshot.today, label)
            if edition is not None:
                yield to_verify(edition, basis(cert, "referential_version", "kind"))


def _edition_finding(cert: Certification, today: dt.date, label: str) -> Finding | None:
    """After the end of a transition, a certificate of unknown edition may be the void one:
    ISO/IEC 27001:2013 after 31 October 2025 (IAF MD 26), HDS v1 after 16 May 2026."""
    text = " ".join((cert.referential_version, cert.name, cert.scope))
    if cert.kind is CertificationKind.ISO27001:
        if today <= ISO27001_2013_VOID_AFTER or re.search(r"20(?:13|22|23)", text):
            return None
        why = _(
            "only ISO/IEC 27001:2022 certificates are valid since {date} (IAF MD 26); a "
            ":2013 certificate is void"
        ).format(date=sentence_date(ISO27001_2013_VOID_AFTER))
    elif cert.kind is CertificationKind.HDS:
        if today <= hds_v2_transition_ends() or cert.referential_version.strip():
            return None
        why = _(
            "only certificates on the HDS v2 referential are valid since {date} (arrêté du "
            "26 avril 2024); a v1 certificate is void"
        ).format(date=sentence_date(hds_v2_transition_ends()))
    else:
        return None
    if cert.id is None:
        return None
    return Finding(
        CERTIFICATE_EDITION_UNKNOWN.id,
        Severity.WARNING,
        _("The {label} does not say which edition it certifies against: {why}.").format(
            label=label, why=why
        ),
        _("Check the certificate and record its edition (ISO/IEC 27001:2022, HDS v2)."),
        EntityLink(EntityKind.CERTIFICATION, cert.id),
        label,
    )


def _status_findings(
    cert: Certification, result: CertificateAssessment, label: str
) -> Iterator[Finding]:
    if cert.id is None:
        return
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
CERTIFICATE_EDITION_UNKNOWN = Rule(
    "certificate-edition-unknown", Severity.WARNING, "IAF MD 26; arrêté du 26 avril 2024 (HDS v2)"
)
CERTIFICATE_TO_VERIFY = Rule("certificate-to-verify", Severity.WARNING, _SOURCE)
CHECKS = (check_certificates,)
