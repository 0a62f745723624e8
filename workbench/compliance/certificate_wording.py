"""A certificate in one line, with its status on a document's date, for every document.

"HDS v2 (activités HDS 1, 2, 5) — Valide jusqu'au 3 mars 2028", "ISO/IEC 27001 — Expiré le
1er avril 2026": the subprocessor list, a client's extract, the register's Annex 3 and the
Art. 28(2) letter tell their reader whether the certificate covers the data on their date, not
only what was once certified, and all in the same words. The status is the checks' own
(certification_status.assess), so no document calls valid what `check` reports expired. An
expiry the application computed (issue + 3 years) is printed with the rest and marked by the
caller's notes, like any inferred value.

Format-agnostic: the caller gives its document's words (exporters' DocText, any object with
the `Wording` methods), so a Word file, a spreadsheet and a letter composed in the services
share the wording without the core importing a file format.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Protocol

from workbench.compliance.certification_status import CertificationStatus, assess
from workbench.domain.enums import CertificationKind
from workbench.domain.records import Certification
from workbench.domain.reference import hds_activity_labels
from workbench.i18n import N_


class Wording(Protocol):
    """A document's language: its translation, its dates, its labels of codes."""

    @property
    def locale(self) -> str: ...

    def __call__(self, message: str) -> str: ...

    def date(self, value: dt.date | None) -> str: ...

    def enum(self, value: Enum | None) -> str: ...


STATUS_TEXTS = {
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


def certificate_status(text: Wording, cert: Certification, as_of: dt.date) -> str:
    """Where the certificate stands on `as_of` (`certification_status.assess`: 3-year cycle,
    yearly surveillance, ISO/IEC 17021-1 §9.1.3), with the date that decides it; an expired
    certificate reads "expired", never "valid until" a past date."""
    assessment = assess(cert, as_of)
    return text(STATUS_TEXTS[assessment.status]).format(
        expiry=text.date(assessment.expires_on),
        surveillance=text.date(assessment.next_surveillance_on),
    )


def certificate_name(text: Wording, cert: Certification, activity_names: bool = False) -> str:
    """ "HDS v2 (activités HDS 1, 2, 5)"; with `activity_names`, each HDS activity with its
    name from the HDS referential ("HDS v2 (6. Sauvegarde)"), for a reader who does not know
    the numbers (a controller reading an Art. 28(2) letter)."""
    if cert.kind is CertificationKind.HDS:
        name = "HDS"
    elif cert.kind is CertificationKind.ISO27001:
        name = "ISO/IEC 27001"
    else:
        name = cert.name or text.enum(cert.kind)
    if cert.referential_version:
        name += f" {cert.referential_version}"
    if cert.hds_activities and activity_names:
        labels = hds_activity_labels(text.locale)
        named = (f"{a}. {labels.get(a, '')}".strip() for a in sorted(cert.hds_activities))
        name += " (" + ", ".join(named) + ")"
    elif cert.hds_activities:
        numbers = ", ".join(str(n) for n in sorted(cert.hds_activities))
        name += " (" + text(N_("HDS activities {numbers}")).format(numbers=numbers) + ")"
    return name


def certificate_line(
    text: Wording, cert: Certification, on: dt.date, activity_names: bool = False
) -> str:
    """Name, then where it stands on `on` (`certificate_status`, as the register's Annex 3)."""
    name = certificate_name(text, cert, activity_names)
    return f"{name} — {certificate_status(text, cert, on)}"
