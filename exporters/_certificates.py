"""A certificate in one line, with its status on the document's date.

"HDS v2 (activités HDS 1, 2, 5) — Valide jusqu'au 3 mars 2028", "ISO/IEC 27001 — Expiré le
1er avril 2026": a subprocessor list or a client's extract tells its reader whether the
certificate covers the data today, not only what was once certified. The status is the checks'
own (workbench.compliance.certification_status), so a document never calls valid what `check`
reports expired. An expiry the application computed (issue + 3 years) is printed with the rest
and marked by the caller's notes, like any inferred value.
"""

from __future__ import annotations

import datetime as dt

from exporters._labels import DocText
from workbench.compliance.certification_status import CertificationStatus, assess
from workbench.domain.enums import CertificationKind
from workbench.domain.records import Certification
from workbench.i18n import N_

_STATUS_TEXTS = {
    CertificationStatus.VALID: N_("Valid until {expiry}"),
    CertificationStatus.EXPIRING: N_("Expires soon: valid until {expiry}"),
    CertificationStatus.SURVEILLANCE_DUE: N_(
        "Surveillance audit due since {surveillance}; valid until {expiry}"
    ),
    CertificationStatus.EXPIRED: N_("Expired on {expiry}"),
    CertificationStatus.OBSOLETE_STANDARD: N_(
        "Expired on {expiry}: its version of the standard is no longer valid"
    ),
    CertificationStatus.UNKNOWN: N_("No validity dates recorded"),
}


def certificate_status(text: DocText, cert: Certification, as_of: dt.date) -> str:
    """Where the certificate stands on the register's date (`certification_status.assess`:
    3-year cycle, yearly surveillance, ISO/IEC 17021-1 §9.1.3), with the date that decides it;
    an expired certificate reads "expired", never "valid until" a past date."""
    assessment = assess(cert, as_of)
    return text(_STATUS_TEXTS[assessment.status]).format(
        expiry=text.date(assessment.expires_on),
        surveillance=text.date(assessment.next_surveillance_on),
    )


def certificate_name(text: DocText, cert: Certification) -> str:
    if cert.kind is CertificationKind.HDS:
        name = "HDS"
    elif cert.kind is CertificationKind.ISO27001:
        name = "ISO/IEC 27001"
    else:
        name = cert.name or text.enum(cert.kind)
    if cert.referential_version:
        name += f" {cert.referential_version}"
    if cert.hds_activities:
        numbers = ", ".join(str(n) for n in sorted(cert.hds_activities))
        name += " (" + text(N_("HDS activities {numbers}")).format(numbers=numbers) + ")"
    return name


def certificate_line(text: DocText, cert: Certification, on: dt.date) -> str:
    """Name, then where it stands on `on` (`certificate_status`, as the register's Annex 3)."""
    return f"{certificate_name(text, cert)} — {certificate_status(text, cert, on)}"
