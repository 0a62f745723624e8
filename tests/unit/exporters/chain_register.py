"""A register with every Art. 30 actor and some inferred values, as issue 11 wants them printed:
a group of two own organisations (the second shares the first's DPO and has it as processor),
a category of clients and a named controller served, a security policy the first's treatments
inherit, and marks on a treatment, a subprocessor, a certificate and an organisation."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from workbench.domain import (
    Art9Condition,
    Certification,
    CertificationKind,
    DataCategory,
    DataSensitivity,
    Dpia,
    DpiaStatus,
    InferenceOrigin,
    LegalBasis,
    Location,
    Organisation,
    OrganisationKind,
    Recipient,
    RecipientKind,
    Retention,
    RetentionUnit,
    Role,
    SecurityPolicy,
    Subprocessor,
    SubprocessorCategory,
    TransferMechanism,
    Treatment,
    Unconfirmed,
)
from workbench.services import Register

WORKING_NOTE = "Note de travail : seed §4 A, à ne pas publier"
ART9_NOTE = "Condition retenue pour un service de santé"
DPO_NOTE = "Adresse générale donnée comme celle du DPO"


@dataclass(frozen=True)
class ChainIds:
    medaviz: int
    communaute: int
    partenaires: int
    durand: int
    aws: int
    twilio: int
    account: int
    community: int
    teleconsultation: int


def fill_chain(register: Register) -> ChainIds:
    orgs = register.organisations
    medaviz = orgs.create(
        Organisation(
            name="Podalire (Medaviz)",
            legal_name="Podalire",
            registration="RCS Paris 807 414 024",
            address="10 rue de Penthièvre, 75008 Paris",
            dpo_name="Jeanne Martin",
            dpo_email="contact@medaviz.com",
            dpo_phone="01 02 03 04 05",
            security_policy=SecurityPolicy(
                "Politique de sécurité des systèmes d'information",
                "3",
                dt.date(2026, 3, 2),
                "PSSI-2026",
            ),
            unconfirmed=(Unconfirmed("dpo_email", InferenceOrigin.ASSUMED, note=DPO_NOTE),),
            notes=WORKING_NOTE,
        )
    ).ids[0]
    communaute = orgs.create(
        Organisation(
            name="Podalire Communauté",
            registration="RCS Vannes 981 948 631",
            address="Le Prisme, Place Albert Einstein, 56000 Vannes",
            dpo_organisation_id=medaviz,
            notes=WORKING_NOTE,
        )
    ).ids[0]
    partenaires = orgs.create(
        Organisation(name="Partenaires", kind=OrganisationKind.CLIENT_CATEGORY)
    ).ids[0]
    durand = orgs.create(
        Organisation(
            name="Cabinet Dr Durand",
            kind=OrganisationKind.CLIENT_CONTROLLER,
            contact_name="Dr Anne Durand",
            contact_email="cabinet@durand.example",
            contact_phone="02 97 00 00 00",
        )
    ).ids[0]
    health = DataCategory("Données de santé", DataSensitivity.HEALTH, "Patients")
    subs = register.subprocessors
    aws = subs.create(
        Subprocessor(
            organisation_id=medaviz,
            name="Amazon Web Services",
            category=SubprocessorCategory.HOSTING,
            data_categories=(health,),
            locations=(Location("FR"), Location("DE")),
            unconfirmed=(
                Unconfirmed("category", InferenceOrigin.RULE, source_text="Amazon Web Services"),
            ),
            notes=WORKING_NOTE,
        )
    ).ids[0]
    twilio = subs.create(
        Subprocessor(
            organisation_id=medaviz,
            name="Twilio",
            category=SubprocessorCategory.COMMUNICATION,
            locations=(Location("US"),),
            transfer_mechanism=TransferMechanism.ADEQUACY_US_DPF,
            transfer_text="CCT + DPF",
            unconfirmed=(
                Unconfirmed(
                    "transfer_mechanism",
                    InferenceOrigin.READ_FROM_TEXT,
                    source_text="CCT + DPF",
                    column="Garanties",
                    row=7,
                ),
            ),
        )
    ).ids[0]
    treatments = register.treatments
    account = treatments.create(
        Treatment(
            organisation_id=medaviz,
            name="Gestion de compte Patient",
            purpose="Création, gestion et suppression du compte Patient.",
            data_subjects=("Patients",),
            data_categories=(DataCategory("Nom"), health),
            legal_basis=LegalBasis.CONTRACT,
            art9_condition=Art9Condition.HEALTH_OR_SOCIAL_CARE,
            retention=Retention("5 ans après la dernière connexion", 5, RetentionUnit.YEAR),
            subprocessor_ids=(aws,),
            dpia=Dpia(DpiaStatus.DONE, done_on=dt.date(2025, 6, 3)),
            unconfirmed=(Unconfirmed("art9_condition", InferenceOrigin.RULE, note=ART9_NOTE),),
            notes=WORKING_NOTE,
        )
    ).ids[0]
    community = treatments.create(
        Treatment(
            organisation_id=communaute,
            name="Animation de la communauté",
            purpose="Mise en relation des membres de la communauté.",
            data_subjects=("Membres",),
            data_categories=(DataCategory("Nom"), DataCategory("Email")),
            legal_basis=LegalBasis.LEGITIMATE_INTERESTS,
            retention=Retention("3 ans", 3, RetentionUnit.YEAR),
            recipients=(Recipient("Service client", RecipientKind.INTERNAL),),
            processor_ids=(medaviz,),
            subprocessor_ids=(aws, twilio),
            unconfirmed=(
                Unconfirmed(
                    "retention.duration",
                    InferenceOrigin.READ_FROM_TEXT,
                    source_text="3 ans",
                    column="Durée",
                    row=4,
                ),
            ),
            notes=WORKING_NOTE,
        )
    ).ids[0]
    teleconsultation = treatments.create(
        Treatment(
            organisation_id=medaviz,
            name="Fourniture d'un service de Téléconsultation",
            role=Role.PROCESSOR,
            purpose="Mise à disposition d'un service de Téléconsultation.",
            controller_ids=(partenaires, durand),
            data_categories=(health,),
            subprocessor_ids=(aws, twilio),
            notes=WORKING_NOTE,
        )
    ).ids[0]
    register.certifications.create(
        Certification(
            kind=CertificationKind.HDS,
            subprocessor_id=aws,
            hds_activities=(1, 2, 3, 4, 5, 6),
            issued_on=dt.date(2023, 4, 1),
            expires_on=dt.date(2026, 4, 1),
            unconfirmed=(
                Unconfirmed(
                    "expires_on", InferenceOrigin.COMPUTED, note="Date de délivrance + 3 ans"
                ),
            ),
            notes=WORKING_NOTE,
        )
    )
    return ChainIds(
        medaviz, communaute, partenaires, durand, aws, twilio, account, community, teleconsultation
    )
