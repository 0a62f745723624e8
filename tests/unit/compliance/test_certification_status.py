from __future__ import annotations

import datetime as dt

from workbench.compliance.certification_status import (
    CertificationStatus,
    add_years,
    assess,
    effective_expiry,
    is_valid_on,
    next_surveillance,
)
from workbench.domain import Certification, CertificationKind

D = dt.date


def hds(**kwargs: object) -> Certification:
    base: dict[str, object] = {
        "kind": CertificationKind.HDS,
        "subprocessor_id": 1,
        "referential_version": "v2",
        "issued_on": D(2025, 3, 1),
        "expires_on": D(2028, 3, 1),
    }
    return Certification(**(base | kwargs))  # type: ignore[arg-type]


def test_valid_between_surveillances() -> None:
    result = assess(hds(), D(2025, 9, 1))
    assert result.status is CertificationStatus.VALID
    assert result.next_surveillance_on == D(2026, 3, 1)


def test_surveillance_due_a_year_after_issue_until_recorded() -> None:
    assert assess(hds(), D(2026, 3, 1)).status is CertificationStatus.SURVEILLANCE_DUE
    done = hds(last_surveillance_on=D(2026, 2, 20))
    assert assess(done, D(2026, 3, 1)).status is CertificationStatus.VALID
    assert next_surveillance(done) == D(2027, 2, 20)


def test_no_surveillance_in_the_recertification_year() -> None:
    assert next_surveillance(hds(last_surveillance_on=D(2027, 3, 1))) is None


def test_expiring_within_the_window_and_expired_after() -> None:
    assert assess(hds(), D(2027, 12, 2), 90).status is CertificationStatus.EXPIRING
    assert assess(hds(), D(2027, 12, 1), 90).status is not CertificationStatus.EXPIRING
    assert assess(hds(), D(2027, 12, 2), 30).status is not CertificationStatus.EXPIRING
    assert assess(hds(), D(2028, 3, 2)).status is CertificationStatus.EXPIRED
    assert not is_valid_on(hds(), D(2028, 3, 2))
    assert is_valid_on(hds(), D(2028, 3, 1))


def test_three_year_cycle_when_no_expiry_is_recorded() -> None:
    cert = hds(expires_on=None, issued_on=D(2024, 2, 29))
    assert effective_expiry(cert) == D(2027, 2, 28)
    assert add_years(D(2024, 2, 29), 1) == D(2025, 2, 28)


def test_iso_27001_2013_void_after_october_2025() -> None:
    cert = Certification(
        kind=CertificationKind.ISO27001,
        organisation_id=1,
        referential_version="2013",
        issued_on=D(2023, 1, 10),
        expires_on=D(2026, 1, 10),
    )
    assert effective_expiry(cert) == D(2025, 10, 31)
    assert assess(cert, D(2025, 11, 1)).status is CertificationStatus.OBSOLETE_STANDARD
    current = Certification(
        kind=CertificationKind.ISO27001,
        organisation_id=1,
        referential_version="2022",
        issued_on=D(2023, 1, 10),
        expires_on=D(2026, 1, 10),
    )
    assert assess(current, D(2025, 11, 1)).status is CertificationStatus.EXPIRING


def test_hds_v1_void_after_the_v2_transition() -> None:
    cert = hds(referential_version="v1", issued_on=D(2024, 1, 1), expires_on=D(2027, 1, 1))
    assert assess(cert, D(2026, 5, 16)).status.is_usable
    assert assess(cert, D(2026, 5, 17)).status is CertificationStatus.OBSOLETE_STANDARD


def test_unknown_without_dates() -> None:
    cert = hds(issued_on=None, expires_on=None)
    assert assess(cert, D(2026, 1, 1)).status is CertificationStatus.UNKNOWN
