"""A small register that breaks no rule, and helpers to break one thing at a time."""

from __future__ import annotations

import dataclasses
import datetime as dt

from workbench.compliance.checks import ALL_CHECKS, Finding, run_checks
from workbench.compliance.settings import ComplianceSettings, Statement, StatementCode
from workbench.compliance.snapshot import RegisterSnapshot
from workbench.domain import (
    Art9Condition,
    Audit,
    AuditAction,
    AuditRequester,
    AuditStatus,
    AuditType,
    Certification,
    CertificationKind,
    DataCategory,
    DataSensitivity,
    Dpia,
    DpiaStatus,
    LegalBasis,
    Location,
    Notification,
    NotificationItem,
    Organisation,
    OrganisationKind,
    Retention,
    RetentionUnit,
    Role,
    SecurityPolicy,
    Subprocessor,
    SubprocessorCategory,
    TransferMechanism,
    Treatment,
)

TODAY = dt.date(2026, 9, 1)
HEALTH = DataCategory("Données médicales", DataSensitivity.HEALTH, "Patients")


def clean() -> RegisterSnapshot:
    own = Organisation(
        "Medaviz",
        OrganisationKind.OWN,
        address="10 rue de Penthièvre, 75008 Paris",
        contact_email="contact@medaviz.example",
        dpo_name="Jeanne Martin",
        dpo_email="dpo@medaviz.example",
        security_policy=SecurityPolicy("Politique de sécurité", "3.0", dt.date(2026, 1, 5)),
        id=1,
    )
    clinic = Organisation(
        "Clinique", OrganisationKind.CLIENT_CONTROLLER, contact_email="dpo@clinique.example", id=2
    )
    host = Subprocessor(
        organisation_id=1,
        name="Hébergeur FR",
        category=SubprocessorCategory.HOSTING,
        service_description="Hébergement HDS, infrastructure IaaS",
        data_categories=(HEALTH,),
        locations=(Location("FR"),),
        transfer_mechanism=TransferMechanism.NONE_INTRA_EEA,
        dpa_signed_on=dt.date(2024, 1, 1),
        id=10,
    )
    mailer = Subprocessor(
        organisation_id=1,
        name="Mailer BE",
        category=SubprocessorCategory.COMMUNICATION,
        locations=(Location("BE"),),
        dpa_signed_on=dt.date(2024, 1, 1),
        id=11,
    )
    care = Treatment(
        organisation_id=1,
        name="Téléconsultation",
        role=Role.CONTROLLER,
        purpose="Soins",
        data_categories=(HEALTH,),
        legal_basis=LegalBasis.CONTRACT,
        art9_condition=Art9Condition.HEALTH_OR_SOCIAL_CARE,
        retention=Retention("20 ans après la dernière consultation", 20, RetentionUnit.YEAR),
        subprocessor_ids=(10, 11),
        dpia=Dpia(DpiaStatus.DONE, done_on=dt.date(2025, 12, 1)),
        id=20,
    )
    hosted = Treatment(
        organisation_id=1,
        name="Hébergement pour la clinique",
        role=Role.PROCESSOR,
        purpose="Héberger le dossier patient",
        controller_ids=(2,),
        data_categories=(HEALTH,),
        subprocessor_ids=(10,),
        id=21,
    )
    cert = Certification(
        kind=CertificationKind.HDS,
        subprocessor_id=10,
        number="HDS-1",
        hds_activities=(1, 2, 3, 4, 5, 6),
        referential_version="v2",
        issued_on=dt.date(2025, 6, 1),
        expires_on=dt.date(2028, 6, 1),
        last_surveillance_on=dt.date(2026, 5, 20),
        id=30,
    )
    # Medaviz holds the clinic's health data as processor: it is a host and is certified.
    own_cert = dataclasses.replace(cert, subprocessor_id=None, organisation_id=1, id=31)
    audit = Audit(
        organisation_id=1,
        audit_type=AuditType.GDPR_CONTROLLER,
        requested_by=AuditRequester.PARTNER,
        requester_name="Clinique",
        auditor_independent=True,
        auditor_certified=True,
        notice_received_on=dt.date(2026, 9, 1),
        audit_on=dt.date(2026, 9, 16),
        status=AuditStatus.SCHEDULED,
        actions=(AuditAction("Chiffrer les sauvegardes", "RSSI", dt.date(2026, 10, 1)),),
        id=40,
    )
    sent = Notification(
        controller_id=2,
        organisation_id=1,
        items=(NotificationItem(10, "Hébergeur FR", "added"),),
        created_on=dt.date(2026, 8, 28),
        id=50,
    )
    settings = ComplianceSettings(
        statements=(
            Statement(StatementCode.NO_HEALTH_DATA_OUTSIDE_EU, "Aucune donnée de santé hors UE"),
        )
    )
    return RegisterSnapshot(
        organisations=(own, clinic),
        treatments=(care, hosted),
        subprocessors=(host, mailer),
        certifications=(cert, own_cert),
        audits=(audit,),
        notifications=(sent,),
        settings=settings,
        pending_changes=(),
        today=TODAY,
    )


def findings(snapshot: RegisterSnapshot) -> list[Finding]:
    return run_checks(snapshot, ALL_CHECKS)


def rules_of(snapshot: RegisterSnapshot) -> set[str]:
    return {f.rule_id for f in findings(snapshot)}


def change(
    snapshot: RegisterSnapshot, field: str, index: int, **kwargs: object
) -> RegisterSnapshot:
    records = list(getattr(snapshot, field))
    records[index] = dataclasses.replace(records[index], **kwargs)
    return dataclasses.replace(snapshot, **{field: tuple(records)})
