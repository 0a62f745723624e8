"""A certificate in one line, with its status on the document's date.

"HDS v2 (activités 1, 2, 5) — valide jusqu'au 3 mars 2028", "ISO/IEC 27001 — expiré le
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

_STATUS_TEMPLATES = {
    CertificationStatus.VALID: N_("valid until {date}"),
    CertificationStatus.EXPIRING: N_("valid until {date}"),
    CertificationStatus.SURVEILLANCE_DUE: N_("surveillance audit due since {date}"),
    CertificationStatus.EXPIRED: N_("expired on {date}"),
    CertificationStatus.OBSOLETE_STANDARD: N_("no longer valid since {date} (superseded standard)"),
}


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
    """Name, then what it is worth on `on`; "dates not recorded" when nobody gave them."""
    state = assess(cert, on)
    day = (
        state.next_surveillance_on
        if state.status is CertificationStatus.SURVEILLANCE_DUE
        else state.expires_on
    )
    template = _STATUS_TEMPLATES.get(state.status)
    status = (
        text(template).format(date=text.date(day))
        if template and day
        else text(N_("dates not recorded"))
    )
    return f"{certificate_name(text, cert)} — {status}"
