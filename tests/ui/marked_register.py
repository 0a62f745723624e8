"""The UI tests' sample register, with marks of inferred values as an import or a rule leaves
them, and a second own organisation (Medaviz, processor of Podalire Communauté's treatments)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from tests.ui.sample_register import SampleIds, fill_register
from workbench.domain.enums import InferenceOrigin, OrganisationKind, RetentionUnit
from workbench.domain.records import Organisation, Retention, SecurityPolicy, Unconfirmed
from workbench.services import Register, open_register

LEGAL_BASIS = Unconfirmed("legal_basis", InferenceOrigin.RULE, note="contrat de service")
RETENTION = Unconfirmed("retention.duration", InferenceOrigin.READ_FROM_TEXT, "5 ans", "Durée", 7)
ART9 = Unconfirmed("art9_condition", InferenceOrigin.ASSUMED, note="la source dit consentement")
MECHANISM = Unconfirmed(
    "transfer_mechanism", InferenceOrigin.READ_FROM_TEXT, "CCT + DPF", "Garanties", 7
)
EXPIRY = Unconfirmed("expires_on", InferenceOrigin.COMPUTED, "avril 2023", note="+ 3 ans")
REGISTRATION = Unconfirmed("registration", InferenceOrigin.READ_FROM_TEXT, "RCS Paris 807 414 024")
POLICY = SecurityPolicy("PSSI Podalire", "2.1", dt.date(2025, 3, 1), "GED/SEC/PSSI")


@dataclass(frozen=True)
class MarkedIds:
    sample: SampleIds
    group: int  # a second own organisation: a processor of the group
    marked_treatments: tuple[int, ...]  # [0]: legal basis + retention, [1]: Art. 9
    certification: int


def _mark(register: Register, service_name: str, entity_id: int, **fields: object) -> None:
    service = getattr(register, service_name)
    service.update(dataclasses.replace(service.get(entity_id), **fields))


def marked_register(path: Path) -> tuple[Register, MarkedIds]:
    register = open_register(path, author="test-dpo")
    ids = fill_register(register, dt.date(2026, 12, 1))
    group = register.organisations.create(
        Organisation(name="Podalire Communauté", kind=OrganisationKind.OWN)
    ).ids[0]
    first, second = ids.treatments[:2]
    _mark(
        register,
        "treatments",
        first,
        retention=Retention("5 ans", 5, RetentionUnit.YEAR),
        unconfirmed=(LEGAL_BASIS, RETENTION),
    )
    _mark(register, "treatments", second, unconfirmed=(ART9,))
    _mark(register, "subprocessors", ids.zendesk, unconfirmed=(MECHANISM,))
    _mark(
        register,
        "organisations",
        ids.own,
        registration="RCS Paris 807 414 024",
        security_policy=POLICY,
        unconfirmed=(REGISTRATION,),
    )
    certification = register.certifications.list()[0].id
    assert certification is not None
    _mark(register, "certifications", certification, unconfirmed=(EXPIRY,))
    return register, MarkedIds(ids, group, (first, second), certification)
