"""A clearly labelled, fictitious set of breaches and requests, for the screenshots only.

The demo register holds the seed documents and nothing invented: these examples go into a
throw-away copy of it, in an organisation of their own whose name says they are fictitious.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from workbench.domain import (
    DataCategory,
    DataSensitivity,
    Organisation,
    OrganisationKind,
    Role,
    Treatment,
)
from workbench.domain.breaches import AuthorityNotification, Breach, ControllerNotice
from workbench.domain.enums import (
    BreachNature,
    BreachRisk,
    DataSubjectRight,
    IdentityCheck,
    NotificationPhase,
    RequestChannel,
    RequestOutcome,
)
from workbench.domain.subject_requests import DataSubjectRequest
from workbench.services import Register

PARIS = ZoneInfo("Europe/Paris")
EXAMPLE_ORGANISATION = "EXEMPLE FICTIF – Centre de santé (illustration)"
EXAMPLE_CLIENT = "EXEMPLE FICTIF – Clinique cliente (illustration)"


def add_example_logs(register: Register, now: dt.datetime) -> None:
    """Three breaches and three requests around `now`, so the clocks show every state."""
    own = register.organisations.create(Organisation(EXAMPLE_ORGANISATION)).ids[0]
    client = register.organisations.create(
        Organisation(EXAMPLE_CLIENT, OrganisationKind.CLIENT_CONTROLLER)
    ).ids[0]
    records = register.treatments.create(
        Treatment(own, "Dossier patient (exemple)", data_subjects=("Patients",))
    ).ids[0]
    hosting = register.treatments.create(
        Treatment(
            own, "Hébergement pour la clinique (exemple)", Role.PROCESSOR, controller_ids=(client,)
        )
    ).ids[0]
    health = DataCategory("Comptes rendus de consultation", DataSensitivity.HEALTH, "Patients")
    register.breaches.create_many(
        [
            Breach(
                own,
                "Compte rendu envoyé au mauvais patient (exemple)",
                occurred_at=now - dt.timedelta(hours=34),
                discovered_at=now - dt.timedelta(hours=31),
                aware_at=now - dt.timedelta(hours=30),
                description="Un compte rendu a été adressé par courriel à un homonyme.",
                natures=(BreachNature.CONFIDENTIALITY,),
                subject_categories=("Patients",),
                subjects_count=1,
                records_count=1,
                data_categories=(health,),
                treatment_ids=(records,),
                consequences="Divulgation d'une information de santé à un tiers.",
                measures_taken="Demande de suppression adressée au destinataire.",
                risk=BreachRisk.HIGH,
                risk_reasoning="Donnée de santé, personne identifiable.",
            ),
            Breach(
                own,
                "Rançongiciel chez l'hébergeur (exemple)",
                role=Role.PROCESSOR,
                aware_at=now - dt.timedelta(days=3, hours=2),
                natures=(BreachNature.AVAILABILITY,),
                subjects_count=4200,
                treatment_ids=(hosting,),
                risk=BreachRisk.RISK,
                controller_notices=(
                    ControllerNotice(client, now - dt.timedelta(days=3), "courriel au DPO"),
                ),
            ),
            Breach(
                own,
                "Clé USB chiffrée perdue (exemple)",
                aware_at=now - dt.timedelta(days=20),
                natures=(BreachNature.AVAILABILITY,),
                risk=BreachRisk.RISK,
                authority_notifications=(
                    AuthorityNotification(
                        now - dt.timedelta(days=16), "EXEMPLE-0001", NotificationPhase.COMPLETE
                    ),
                ),
                delay_reasons="Inventaire du contenu de la clé (exemple).",
                closed_on=(now - dt.timedelta(days=10)).date(),
            ),
        ]
    )
    today = now.astimezone(PARIS).date()
    register.requests.create_many(
        [
            DataSubjectRequest(
                own,
                today - dt.timedelta(days=20),
                requester="Patient A (exemple)",
                rights=(DataSubjectRight.ACCESS,),
                treatment_ids=(records,),
            ),
            DataSubjectRequest(
                own,
                today - dt.timedelta(days=45),
                requester="Patient B (exemple)",
                channel=RequestChannel.POST,
                rights=(DataSubjectRight.ERASURE, DataSubjectRight.OBJECTION),
                extension_months=2,
                extension_reason="Demandes nombreuses et complexes (exemple).",
            ),
            DataSubjectRequest(
                own,
                today - dt.timedelta(days=10),
                requester="Patient C (exemple)",
                channel=RequestChannel.WEB_FORM,
                rights=(DataSubjectRight.PORTABILITY,),
                identity=IdentityCheck.REQUESTED,
                identity_requested_on=today - dt.timedelta(days=8),
            ),
            DataSubjectRequest(
                own,
                today - dt.timedelta(days=60),
                requester="Patient D (exemple)",
                rights=(DataSubjectRight.RECTIFICATION,),
                outcome=RequestOutcome.GRANTED,
                closed_on=today - dt.timedelta(days=40),
            ),
        ]
    )
