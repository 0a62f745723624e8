"""Checks and deadlines on registers built through the services: the demo and a clean one."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from workbench.compliance.checks import Severity
from workbench.compliance.deadlines import DeadlineKind
from workbench.compliance.settings import ComplianceSettings, Statement, StatementCode
from workbench.domain import (
    Art9Condition,
    Certification,
    CertificationKind,
    DataCategory,
    DataSensitivity,
    Dpia,
    DpiaStatus,
    LegalBasis,
    Location,
    Organisation,
    Retention,
    SecurityPolicy,
    Subprocessor,
    SubprocessorCategory,
    TransferMechanism,
    Treatment,
)
from workbench.domain.errors import ValidationError
from workbench.services import Register
from workbench.services.compliance_service import ComplianceService
from workbench.services.demo import load_demo

TODAY = dt.date(2026, 9, 1)


def test_demo_reports_the_real_seed_problems(register: Register) -> None:
    load_demo(register)
    service = ComplianceService(register)
    service.update_settings(
        ComplianceSettings(
            statements=(
                Statement(
                    StatementCode.NO_HEALTH_DATA_OUTSIDE_EU,
                    "Medaviz n'effectue aucun transfert de données de santé hors de l'UE",
                ),
            )
        )
    )
    findings = service.check(TODAY)
    by_rule: dict[str, set[str]] = {}
    for f in findings:
        by_rule.setdefault(f.rule_id, set()).add(f.entity_name)
    assert "OVH Cloud US LLC" in by_rule["transfer-without-mechanism"]
    assert {"OVH Cloud US LLC", "OVHcloud", "Clever Cloud"} <= by_rule["hds-host-to-verify"]
    assert "OVH Cloud US LLC" in by_rule["hds-v2-outside-eea"]
    assert "OVH Cloud US LLC" in by_rule["statement-contradicted"]
    # Stripe transfers to the USA under standard contractual clauses: not a finding.
    assert "Stripe" not in by_rule["transfer-without-mechanism"]


def test_clean_register_has_nothing_to_report(register: Register, own_org: Organisation) -> None:
    # Art. 30(1)(a) contact and (g) security policy, so that the organisation itself is complete.
    register.organisations.update(
        dataclasses.replace(
            own_org,
            contact_email="contact@medaviz.com",
            security_policy=SecurityPolicy("Politique de sécurité", "3.0"),
        )
    )
    health = DataCategory("Dossier médical", DataSensitivity.HEALTH, "Patients")
    host_id = register.subprocessors.create(
        Subprocessor(
            own_org.id or 0,
            "Hébergeur HDS",
            category=SubprocessorCategory.HOSTING,
            service_description="Hébergement HDS",
            data_categories=(health,),
            locations=(Location("FR"),),
            transfer_mechanism=TransferMechanism.NONE_INTRA_EEA,
            dpa_signed_on=dt.date(2025, 1, 1),
        )
    ).ids[0]
    register.certifications.create(
        Certification(
            CertificationKind.HDS,
            subprocessor_id=host_id,
            number="HDS-7",
            hds_activities=(1, 2, 3, 4, 5, 6),
            referential_version="v2",
            issued_on=dt.date(2025, 6, 1),
            expires_on=dt.date(2028, 6, 1),
            last_surveillance_on=dt.date(2026, 5, 15),
        )
    )
    register.treatments.create(
        Treatment(
            own_org.id or 0,
            "Téléconsultation",
            purpose="Soins à distance",
            data_categories=(health,),
            legal_basis=LegalBasis.CONTRACT,
            art9_condition=Art9Condition.HEALTH_OR_SOCIAL_CARE,
            retention=Retention("20 ans", 20),
            subprocessor_ids=(host_id,),
            dpia=Dpia(DpiaStatus.DONE, done_on=dt.date(2025, 12, 1)),
        )
    )
    service = ComplianceService(register)
    service.update_settings(
        ComplianceSettings(statements=(Statement(StatementCode.NO_HEALTH_DATA_OUTSIDE_EU),))
    )
    assert service.check(TODAY) == []
    deadlines = service.deadlines(TODAY, within_days=400)
    assert [(d.date, d.kind) for d in deadlines] == [
        (dt.date(2027, 5, 15), DeadlineKind.CERTIFICATE_SURVEILLANCE)
    ]
    assert service.deadlines(TODAY, within_days=30) == []


def test_settings_round_trip_and_validation(register: Register) -> None:
    service = ComplianceService(register)
    assert service.settings() == ComplianceSettings()
    wanted = ComplianceSettings(expiring_within_days=30, holiday_subdivision="67")
    service.update_settings(wanted)
    assert service.settings() == wanted
    with pytest.raises(ValidationError, match="Alsace-Moselle"):
        service.update_settings(ComplianceSettings(holiday_subdivision="99"))
    assert Severity.ERROR.at_least(Severity.WARNING)


def test_an_expired_certificate_lists_no_surveillance_deadline(register: Register) -> None:
    load_demo(register)
    service = ComplianceService(register)
    podalire_hds = next(
        c
        for c in register.certifications.list()
        if c.kind is CertificationKind.HDS and c.organisation_id is not None
    )
    assert podalire_hds.expires_on is not None
    after_expiry = podalire_hds.expires_on + dt.timedelta(days=30)
    kinds = {
        d.kind
        for d in service.deadlines(after_expiry, within_days=400)
        if d.link.id == podalire_hds.id
    }
    assert DeadlineKind.CERTIFICATE_SURVEILLANCE not in kinds
    before_expiry = podalire_hds.expires_on - dt.timedelta(days=400)
    earlier = service.deadlines(before_expiry, within_days=800)
    assert any(
        d.kind is DeadlineKind.CERTIFICATE_EXPIRY and d.link.id == podalire_hds.id for d in earlier
    )
