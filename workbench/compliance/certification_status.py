"""Where a certificate stands on a given day: valid, surveillance due, expiring, expired, obsolete.

Rules (shared DOMAIN.md §3.3 and §4):
- ISO/IEC 17021-1 §9.1.3 and the HDS referential: a certificate runs for 3 years from its issue
  and is kept by a surveillance audit every year (the first within 12 months of the decision);
  no surveillance falls in the recertification year.
- ISO/IEC 27001:2013 certificates are void after 31 October 2025 (IAF MD 26 transition).
- HDS v1 certificates had until 16 May 2026 to move to the v2 referential (arrêté du 26 avril
  2024); after that date only v2 certificates are valid.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from workbench.domain.enums import CertificationKind
from workbench.domain.records import Certification
from workbench.domain.reference import hds_v2_transition_ends

CYCLE_YEARS = 3
ISO27001_2013_VOID_AFTER = dt.date(2025, 10, 31)


class CertificationStatus(StrEnum):
    VALID = "valid"
    SURVEILLANCE_DUE = "surveillance_due"
    EXPIRING = "expiring"
    EXPIRED = "expired"
    OBSOLETE_STANDARD = "obsolete_standard"  # ISO 27001:2013 after Oct 2025, HDS v1 after May 2026
    UNKNOWN = "unknown"  # no dates recorded

    @property
    def is_usable(self) -> bool:
        """The certificate still covers its holder today."""
        return self in (
            CertificationStatus.VALID,
            CertificationStatus.SURVEILLANCE_DUE,
            CertificationStatus.EXPIRING,
        )


@dataclass(frozen=True, slots=True)
class CertificateAssessment:
    status: CertificationStatus
    expires_on: dt.date | None  # the effective end of validity
    next_surveillance_on: dt.date | None


def add_years(day: dt.date, years: int) -> dt.date:
    """Same day and month `years` later; 29 February becomes 28 February (CPC Art. 641)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def is_iso27001_2013(cert: Certification) -> bool:
    if cert.kind is not CertificationKind.ISO27001:
        return False
    text = " ".join((cert.referential_version, cert.name, cert.scope)).replace(" ", "")
    return "2013" in text


def is_hds_v1(cert: Certification) -> bool:
    version = cert.referential_version.strip().lower().removeprefix("v")
    return cert.kind is CertificationKind.HDS and version.startswith("1")


def effective_expiry(cert: Certification) -> dt.date | None:
    """The recorded expiry, or issue + 3 years, cut short by the end of an obsolete standard."""
    expiry = cert.expires_on
    if expiry is None and cert.issued_on is not None:
        expiry = add_years(cert.issued_on, CYCLE_YEARS)
    cutoff = _standard_cutoff(cert)
    if cutoff is not None and (expiry is None or cutoff < expiry):
        return cutoff
    return expiry


def _standard_cutoff(cert: Certification) -> dt.date | None:
    if is_iso27001_2013(cert):
        return ISO27001_2013_VOID_AFTER
    if is_hds_v1(cert):
        return hds_v2_transition_ends()
    return None


def next_surveillance(cert: Certification) -> dt.date | None:
    """One year after the last surveillance (or the issue); None in the recertification year."""
    base = cert.last_surveillance_on or cert.issued_on
    if base is None:
        return None
    due = add_years(base, 1)
    expiry = cert.expires_on or (add_years(cert.issued_on, CYCLE_YEARS) if cert.issued_on else None)
    if expiry is not None and due >= expiry:
        return None
    return due


def assess(
    cert: Certification, today: dt.date, expiring_within_days: int = 90
) -> CertificateAssessment:
    expiry = effective_expiry(cert)
    surveillance = next_surveillance(cert)
    cutoff = _standard_cutoff(cert)
    if expiry is not None and today > expiry:
        status = (
            CertificationStatus.OBSOLETE_STANDARD
            if cutoff is not None and expiry == cutoff
            else CertificationStatus.EXPIRED
        )
    elif expiry is not None and (expiry - today).days <= expiring_within_days:
        status = CertificationStatus.EXPIRING
    elif surveillance is not None and today >= surveillance:
        status = CertificationStatus.SURVEILLANCE_DUE
    elif expiry is None and surveillance is None:
        status = CertificationStatus.UNKNOWN
    else:
        status = CertificationStatus.VALID
    return CertificateAssessment(status, expiry, surveillance)


def is_valid_on(cert: Certification, day: dt.date) -> bool:
    """True when the certificate covers `day`: issued by then and not past its effective expiry."""
    if cert.issued_on is not None and day < cert.issued_on:
        return False
    expiry = effective_expiry(cert)
    return expiry is not None and day <= expiry
