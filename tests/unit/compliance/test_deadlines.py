"""Deadlines say when a date is computed or inferred rather than stated."""

from __future__ import annotations

from tests.unit.compliance.clean_register import change, clean
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
