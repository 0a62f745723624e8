"""A small register entered through the services, with the awkward values exports must survive:
two own organisations (one must never leak into the other's export), a client controller,
health and NIR data, a US subprocessor, and values that a spreadsheet would run as formulas."""

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
    LegalBasis,
    Location,
    LocationKind,
    Organisation,
    OrganisationKind,
    Recipient,
    RecipientKind,
    Retention,
    RetentionUnit,
    Role,
    Subprocessor,
    SubprocessorCategory,
    TransferMechanism,
    Treatment,
)
from workbench.services import Register

FORMULA_NAME = '=HYPERLINK("http://evil.example","click")'
FORMULA_VALUES = ("=1+2", "+33 1 02 03 04 05", "-2+3", "@SUM(A1)")


@dataclass(frozen=True)
class SampleIds:
    podalire: int
    other_own: int
    client: int
    ovh: int
    twilio: int
    formula_sub: int
    secret_sub: int
    patient_account: int
    teleconsultation: int
    secret_treatment: int


def fill_sample(register: Register) -> SampleIds:
    orgs = register.organisations
    podalire = orgs.create(
        Organisation(
            name="Podalire",
            legal_name="Podalire SAS",
            registration="RCS Paris 807 414 024",
            address="10 rue de Penthièvre, 75008 Paris",
            contact_email="contact@medaviz.com",
            dpo_name="Jeanne Martin",
            dpo_email="dpo@medaviz.com",
        )
    ).ids[0]
    other_own = orgs.create(Organisation(name="Clinique Voisine", dpo_name="Paul Secret")).ids[0]
    client = orgs.create(
        Organisation(
            name="Cabinet Dr Durand",
            kind=OrganisationKind.CLIENT_CONTROLLER,
            contact_email="cabinet@durand.example",
        )
    ).ids[0]
    patient_id = DataCategory("Identification data", subject="Patients")
    medical = DataCategory("Medical information", DataSensitivity.HEALTH, "Patients")
    subs = register.subprocessors
    ovh = subs.create(
        Subprocessor(
            organisation_id=podalire,
            name="OVHcloud",
            category=SubprocessorCategory.HOSTING,
            service_description="Hébergement HDS (IaaS)",
            data_categories=(patient_id, medical),
            locations=(Location("FR"),),
            location_text="France",
            transfer_mechanism=TransferMechanism.NONE_INTRA_EEA,
            transfer_text="N/A",
            dpa_signed_on=dt.date(2023, 4, 1),
        )
    ).ids[0]
    twilio = subs.create(
        Subprocessor(
            organisation_id=podalire,
            name="Twilio",
            category=SubprocessorCategory.APPLICATIONS,
            service_description="Téléphonie et vidéo",
            data_categories=(DataCategory("Phone number", subject="Patients"),),
            locations=(Location("US"), Location("EU", LocationKind.REGION)),
            location_text="USA, sauvegarde dans l'UE",
            transfer_mechanism=TransferMechanism.SCC_EU_2021_914_M2,
            transfer_text="SCCs article 46",
            optional=True,
        )
    ).ids[0]
    formula_sub = subs.create(
        Subprocessor(
            organisation_id=podalire,
            name=FORMULA_NAME,
            category=SubprocessorCategory.OTHER,
            service_description=FORMULA_VALUES[0],
            location_text=FORMULA_VALUES[1],
            contact_name=FORMULA_VALUES[2],
            notes=FORMULA_VALUES[3],
        )
    ).ids[0]
    secret_sub = subs.create(
        Subprocessor(organisation_id=other_own, name="SecretVendor", locations=(Location("DE"),))
    ).ids[0]
    treatments = register.treatments
    patient_account = treatments.create(
        Treatment(
            organisation_id=podalire,
            name="Gestion de compte Patient",
            purpose="Création, gestion et suppression du compte Patient.",
            data_subjects=("Patients",),
            data_categories=(
                DataCategory("Nom"),
                DataCategory("Email"),
                DataCategory("NIR (facultatif)", DataSensitivity.NIR),
                DataCategory("Motif de consultation", DataSensitivity.HEALTH, "Patients"),
            ),
            legal_basis=LegalBasis.CONTRACT,
            art9_condition=Art9Condition.HEALTH_OR_SOCIAL_CARE,
            legal_basis_text="Nécessaire à l'exécution du contrat (CGU)",
            retention=Retention(
                "5 ans à compter de la dernière mise en relation",
                5,
                RetentionUnit.YEAR,
                "la dernière mise en relation",
            ),
            recipients=(
                Recipient("Service client", RecipientKind.INTERNAL),
                Recipient("Praticiens", RecipientKind.PARTNER),
            ),
            security_measures=("Chiffrement au repos", "Journalisation des accès"),
            subprocessor_ids=(ovh, twilio),
            dpia=Dpia(DpiaStatus.REQUIRED),
            created_on=dt.date(2023, 1, 15),
            last_reviewed_on=dt.date(2026, 3, 1),
        )
    ).ids[0]
    teleconsultation = treatments.create(
        Treatment(
            organisation_id=podalire,
            name="Fourniture d'un service de Téléconsultation",
            role=Role.PROCESSOR,
            purpose="Mise à disposition d'un service de Téléconsultation.",
            controller_ids=(client,),
            data_categories=(medical,),
            security_measures=("Hébergement HDS",),
            subprocessor_ids=(ovh,),
        )
    ).ids[0]
    secret_treatment = treatments.create(
        Treatment(
            organisation_id=other_own,
            name="Traitement confidentiel voisin",
            purpose="Ne doit pas sortir",
            subprocessor_ids=(secret_sub,),
        )
    ).ids[0]
    register.certifications.create(
        Certification(
            kind=CertificationKind.HDS,
            subprocessor_id=ovh,
            certifier="BSI",
            number="HDS-2023-001",
            hds_activities=(1, 2, 3, 4, 5, 6),
            referential_version="v2",
            expires_on=dt.date(2027, 4, 1),
        )
    )
    register.certifications.create(
        Certification(
            kind=CertificationKind.ISO27001, organisation_id=other_own, number="ISO-SECRET"
        )
    )
    return SampleIds(
        podalire,
        other_own,
        client,
        ovh,
        twilio,
        formula_sub,
        secret_sub,
        patient_account,
        teleconsultation,
        secret_treatment,
    )
