"""A small register in the image of the seeds (Medaviz/Podalire), for the UI tests.

Filled through the services, as the app would. Dates are relative to `today` so the deadline
and expiry views always have something near and something far.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from workbench.domain import (
    Organisation,
    OrganisationKind,
)
from workbench.domain.enums import (
    CertificationKind,
    DataSensitivity,
    LegalBasis,
    LocationKind,
    Role,
    SubprocessorCategory,
    TransferMechanism,
)
from workbench.domain.records import (
    Certification,
    DataCategory,
    Location,
    Retention,
    Subprocessor,
    Treatment,
)
from workbench.services import Register

HEALTH = DataCategory("Données de santé", DataSensitivity.HEALTH, "Patients")
CONTACT = DataCategory("Coordonnées", DataSensitivity.STANDARD, "Patients")


@dataclass(frozen=True)
class SampleIds:
    own: int
    partner: int
    ovh_us: int
    mailjet: int
    clever: int
    zendesk: int
    treatments: tuple[int, ...]


def _sub(org: int, name: str, *locations: Location, **fields: object) -> Subprocessor:
    return Subprocessor(organisation_id=org, name=name, locations=locations, **fields)  # type: ignore[arg-type]


def fill_register(register: Register, today: dt.date | None = None) -> SampleIds:
    today = today or dt.date.today()
    own = register.organisations.create(
        Organisation(name="Podalire", kind=OrganisationKind.OWN, dpo_email="dpo@medaviz.com")
    ).ids[0]
    partner = register.organisations.create(
        Organisation(name="Clinique du Parc", kind=OrganisationKind.CLIENT_CONTROLLER)
    ).ids[0]
    country = LocationKind.COUNTRY
    created = register.subprocessors.create_many(
        [
            _sub(
                own,
                "OVH Cloud US LLC",
                Location("US", country, "Oregon or Virginia"),
                category=SubprocessorCategory.HOSTING,
                data_categories=(HEALTH,),
                transfer_mechanism=TransferMechanism.NONE,
                transfer_text="N/A",
            ),
            _sub(
                own,
                "Mailjet",
                Location("DE"),
                Location("BE"),
                category=SubprocessorCategory.COMMUNICATION,
                data_categories=(CONTACT,),
                transfer_mechanism=TransferMechanism.NONE_INTRA_EEA,
            ),
            _sub(
                own,
                "Clever Cloud",
                Location("FR"),
                category=SubprocessorCategory.HOSTING,
                data_categories=(HEALTH,),
                transfer_mechanism=TransferMechanism.NONE_INTRA_EEA,
            ),
            _sub(
                own,
                "Zendesk",
                Location("IE"),
                Location("US"),
                category=SubprocessorCategory.CUSTOMER_RELATION,
                data_categories=(CONTACT, HEALTH),
                transfer_mechanism=TransferMechanism.ADEQUACY_US_DPF,
            ),
            _sub(
                own,
                "Calade Technologies (Smsmode)",
                Location("EU", LocationKind.REGION),
                category=SubprocessorCategory.COMMUNICATION,
            ),
            _sub(
                own,
                "Twilio",
                Location("GB"),
                category=SubprocessorCategory.COMMUNICATION,
                transfer_mechanism=TransferMechanism.ADEQUACY,
            ),
            _sub(own, "Hotjar", category=SubprocessorCategory.ANALYTICS),
        ]
    )
    ovh_us, mailjet, clever, zendesk = created.ids[:4]
    register.certifications.create_many(
        [
            Certification(
                CertificationKind.HDS,
                subprocessor_id=clever,
                hds_activities=(1, 2, 3, 4, 5, 6),
                issued_on=today - dt.timedelta(days=3 * 365 - 30),
                expires_on=today + dt.timedelta(days=30),
            ),
            Certification(
                CertificationKind.ISO27001,
                organisation_id=own,
                issued_on=today - dt.timedelta(days=400),
                expires_on=today + dt.timedelta(days=3 * 365 - 400),
            ),
            Certification(
                CertificationKind.HDS,
                subprocessor_id=ovh_us,
                issued_on=today - dt.timedelta(days=3 * 365 + 20),
                expires_on=today - dt.timedelta(days=20),
            ),
        ]
    )
    treatments = register.treatments.create_many(
        [
            Treatment(
                organisation_id=own,
                name="Téléconsultation",
                purpose="Mise en relation des patients et des praticiens",
                legal_basis=LegalBasis.CONTRACT,
                data_categories=(CONTACT, HEALTH),
                retention=Retention("5 ans", 5),
                subprocessor_ids=(ovh_us, clever),
            ),
            Treatment(
                organisation_id=own,
                name="Support utilisateurs",
                purpose="Répondre aux demandes",
                legal_basis=LegalBasis.LEGITIMATE_INTERESTS,
                data_categories=(CONTACT,),
                subprocessor_ids=(zendesk, mailjet),
            ),
            Treatment(
                organisation_id=own,
                name="Télésurveillance",
                role=Role.PROCESSOR,
                controller_ids=(partner,),
                data_categories=(HEALTH,),
                subprocessor_ids=(clever,),
            ),
        ]
    )
    return SampleIds(own, partner, ovh_us, mailjet, clever, zendesk, treatments.ids)


def draft_one_letter(register: Register, ids: SampleIds) -> int:
    """A new subprocessor (Scaleway) on the treatment done for Clinique du Parc, after a
    baseline: one Art. 28(2) notification drafted to that controller; its id."""
    import dataclasses

    from workbench.services.notification_workflow import NotificationWorkflow

    workflow = NotificationWorkflow(register)
    workflow.set_baseline()
    new_host = register.subprocessors.create(
        Subprocessor(organisation_id=ids.own, name="Scaleway")
    ).ids[0]
    remote = register.treatments.get(ids.treatments[2])  # carried out for Clinique du Parc
    register.treatments.update(
        dataclasses.replace(remote, subprocessor_ids=(*remote.subprocessor_ids, new_host))
    )
    [draft] = workflow.generate()
    assert draft.id is not None
    return draft.id
