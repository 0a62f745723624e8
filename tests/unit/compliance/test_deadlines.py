"""Deadlines say when a date is computed or inferred rather than stated."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable

from tests.unit.compliance.clean_register import TODAY, change, clean
from workbench.compliance.deadlines import DeadlineKind, collect_deadlines
from workbench.compliance.snapshot import RegisterSnapshot
from workbench.domain import InferenceOrigin, Unconfirmed


def expiry_labels(snapshot: RegisterSnapshot) -> list[str]:
    return [
        i.label
        for i in collect_deadlines(snapshot, 800)
        if i.kind is DeadlineKind.CERTIFICATE_EXPIRY and i.link.id == 30
    ]


def test_a_computed_expiry_is_listed_as_a_date_to_verify() -> None:
    assert expiry_labels(clean()) == ["HDS certificate of Hébergeur FR expires"]
    computed = change(clean(), "certifications", 0, expires_on=None)  # issue date + 3 years
    assert expiry_labels(computed) == [
        "HDS certificate of Hébergeur FR expires (date to be verified)"
    ]
    marked = change(
        clean(),
        "certifications",
        0,
        unconfirmed=(Unconfirmed("expires_on", InferenceOrigin.COMPUTED),),
    )
    assert expiry_labels(marked)[0].endswith("(date to be verified)")


def test_an_expired_certificate_stays_listed_as_overdue_until_renewed() -> None:
    expired = change(clean(), "certifications", 0, expires_on=dt.date(2026, 4, 1))
    items = [i for i in collect_deadlines(expired, 30) if i.link.id == 30]
    assert [(i.date, i.label) for i in items] == [
        (dt.date(2026, 4, 1), "HDS certificate of Hébergeur FR expired")
    ]
    assert items[0].overdue(TODAY)
    renewed = dataclasses.replace(
        expired.certifications[0], id=32, issued_on=dt.date(2026, 3, 1), expires_on=None
    )
    superseded = dataclasses.replace(expired, certifications=(*expired.certifications, renewed))
    assert not [i for i in collect_deadlines(superseded, 30) if i.link.id == 30]


def test_deadline_kinds_read_in_french(in_language: Callable[[str], None]) -> None:
    assert DeadlineKind.CERTIFICATE_EXPIRY.label == "Certificate expiry"
    in_language("fr")
    assert DeadlineKind.CERTIFICATE_EXPIRY.label == "Fin de validité d'un certificat"
    assert DeadlineKind.REQUEST_ANSWER.label == "Réponse à une demande"
