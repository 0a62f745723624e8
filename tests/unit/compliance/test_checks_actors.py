"""Art. 30 actors, security measures, DPIAs and the organisation's own HDS certificate."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable

import pytest

from tests.unit.compliance.clean_register import HEALTH, change, clean, findings, rules_of
from workbench.compliance.checks import Finding, Severity
from workbench.compliance.snapshot import RegisterSnapshot
from workbench.domain import (
    DataCategory,
    Dpia,
    DpiaStatus,
    EntityKind,
    InferenceOrigin,
    Organisation,
    OrganisationKind,
    Role,
    Treatment,
    TreatmentStatus,
    Unconfirmed,
)


def of_rule(snapshot: RegisterSnapshot, rule: str) -> list[Finding]:
    return [f for f in findings(snapshot) if f.rule_id == rule]


def with_organisations(snapshot: RegisterSnapshot, *extra: Organisation) -> RegisterSnapshot:
    return dataclasses.replace(snapshot, organisations=snapshot.organisations + extra)


def with_treatments(snapshot: RegisterSnapshot, *extra: Treatment) -> RegisterSnapshot:
    return dataclasses.replace(snapshot, treatments=snapshot.treatments + extra)


def test_an_own_organisation_with_no_contact_details_is_an_error() -> None:
    snap = change(clean(), "organisations", 0, contact_email="", address="")
    [finding] = of_rule(snap, "organisation-no-contact")
    assert finding.severity is Severity.ERROR
    assert (finding.link.kind, finding.link.id) == (EntityKind.ORGANISATION, 1)
    assert "Medaviz keeps 2 records of processing" in finding.problem
    assert "GDPR Art. 30(1)(a), 30(2)(a)" in finding.problem  # controller and processor records


def test_a_postal_address_alone_is_a_warning_and_an_email_is_enough() -> None:
    snap = change(clean(), "organisations", 0, contact_email="")
    [finding] = of_rule(snap, "organisation-no-contact")
    assert finding.severity is Severity.WARNING
    assert "Only a postal address" in finding.problem
    phone = change(clean(), "organisations", 0, contact_email="", contact_phone="01 02 03 04 05")
    assert "organisation-no-contact" not in rules_of(phone)


def test_an_own_organisation_without_records_is_not_asked_for_contacts() -> None:
    empty = Organisation("Filiale dormante", OrganisationKind.OWN, id=9)
    assert "organisation-no-contact" not in rules_of(with_organisations(clean(), empty))


def test_no_dpo_where_health_data_is_processed_is_an_error_with_large_scale_assumed() -> None:
    snap = change(clean(), "organisations", 0, dpo_name="", dpo_email="")
    [finding] = of_rule(snap, "organisation-no-dpo")
    assert finding.severity is Severity.ERROR
    assert "neither its own nor a group DPO" in finding.problem
    assert "Art. 37(1)(c)" in finding.problem
    assert "assumed here" in finding.problem
    assert '"Téléconsultation"' in finding.problem


def test_no_dpo_without_health_data_is_a_warning() -> None:
    snap = change(clean(), "organisations", 0, dpo_name="", dpo_email="")
    for index in (0, 1):
        snap = change(snap, "treatments", index, data_categories=(DataCategory("Adresse"),))
    [finding] = of_rule(snap, "organisation-no-dpo")
    assert finding.severity is Severity.WARNING
    assert "Art. 37(1)" in finding.problem


def test_a_group_dpo_counts_only_if_the_group_records_one() -> None:
    group = Organisation("Groupe", OrganisationKind.OWN, dpo_email="dpo@groupe.example", id=5)
    snap = change(clean(), "organisations", 0, dpo_name="", dpo_email="", dpo_organisation_id=5)
    assert "organisation-no-dpo" not in rules_of(with_organisations(snap, group))
    no_dpo = dataclasses.replace(group, dpo_email="")
    [finding] = of_rule(with_organisations(snap, no_dpo), "organisation-no-dpo")
    assert "records the DPO of Groupe as its DPO, but Groupe records none" in finding.problem


def test_no_dpo_on_inferred_health_data_is_to_verify() -> None:
    snap = change(clean(), "organisations", 0, dpo_name="", dpo_email="")
    guessed = Unconfirmed("data_categories", source_text="dossier")
    for index in (0, 1):
        snap = change(snap, "treatments", index, unconfirmed=(guessed,))
    [finding] = of_rule(snap, "organisation-no-dpo")
    assert finding.severity is Severity.WARNING
    assert "To be verified" in finding.problem


def test_processor_records_naming_a_client_category_are_reported_once_per_category() -> None:
    partners = Organisation("Partenaires", OrganisationKind.CLIENT_CATEGORY, id=7)
    second = dataclasses.replace(clean().treatments[1], name="Téléexpertise", id=22)
    snap = with_treatments(with_organisations(clean(), partners), second)
    snap = change(snap, "treatments", 1, controller_ids=(7,))
    snap = change(snap, "treatments", 2, controller_ids=(7, 2))
    [finding] = of_rule(snap, "processor-record-controllers")
    assert finding.severity is Severity.ERROR
    assert (finding.link.kind, finding.link.id) == (EntityKind.ORGANISATION, 7)
    assert '2 processor records ("Hébergement pour la clinique", "Téléexpertise")' in (
        finding.problem
    )
    assert '"Partenaires", a category of clients' in finding.problem
    assert "Art. 30(2)(a)" in finding.problem
    # The named controller (the clinic, with its contact) is not reported.
    assert "processor-record-controllers" not in rules_of(clean())


def test_a_processor_record_without_controllers_or_a_controller_without_contact() -> None:
    none = change(clean(), "treatments", 1, controller_ids=())
    [finding] = of_rule(none, "processor-record-controllers")
    assert "names no controller" in finding.problem
    assert finding.link.kind is EntityKind.TREATMENT
    unreachable = change(clean(), "organisations", 1, contact_email="")
    [contact] = of_rule(unreachable, "organisation-no-contact")
    assert contact.entity_name == "Clinique"
    assert "served by 1 processor record" in contact.problem
    assert contact.severity is Severity.ERROR


def test_records_without_measures_need_an_organisation_security_policy() -> None:
    snap = change(clean(), "organisations", 0, security_policy=None)
    [finding] = of_rule(snap, "treatment-no-security-measures")
    assert finding.severity is Severity.WARNING
    assert "2 records of Medaviz describe no security measures" in finding.problem
    assert "Art. 30(1)(g)" in finding.problem
    own_measures = change(snap, "treatments", 0, security_measures=("Chiffrement",))
    [fewer] = of_rule(own_measures, "treatment-no-security-measures")
    assert "1 record of Medaviz describes" in fewer.problem
    assert "treatment-no-security-measures" not in rules_of(clean())  # the policy answers (g)


def test_an_inferred_security_policy_is_to_verify() -> None:
    assumed = Unconfirmed("security_policy", InferenceOrigin.ASSUMED, note="seed §13")
    snap = change(clean(), "organisations", 0, unconfirmed=(assumed,))
    [finding] = of_rule(snap, "treatment-no-security-measures")
    assert "not confirmed" in finding.problem
    assert "seed §13" in finding.problem


def test_unknown_dpia_on_health_processing_is_reported_per_organisation() -> None:
    snap = change(clean(), "treatments", 0, dpia=Dpia())
    [finding] = of_rule(snap, "treatment-dpia-unknown")
    assert finding.severity is Severity.WARNING
    assert '1 treatment of Medaviz processes health data and has no DPIA status ("Télé' in (
        finding.problem
    )
    assert "Art. 35(3)(b)" in finding.problem
    assert "2018-327" in finding.problem
    assert "large scale is assumed" in finding.problem
    no_health = change(snap, "treatments", 0, data_categories=(DataCategory("Adresse"),))
    assert "treatment-dpia-unknown" not in rules_of(no_health)
    # The processor record's DPIA is its controller's: never asked of the processor.
    assert clean().treatments[1].role is Role.PROCESSOR
    assert clean().treatments[1].dpia.status is DpiaStatus.UNKNOWN


@pytest.mark.parametrize(
    ("status", "severity"),
    [(TreatmentStatus.ACTIVE, Severity.ERROR), (TreatmentStatus.DRAFT, Severity.WARNING)],
)
def test_a_required_dpia_not_done(status: TreatmentStatus, severity: Severity) -> None:
    snap = change(clean(), "treatments", 0, dpia=Dpia(DpiaStatus.REQUIRED), status=status)
    [finding] = of_rule(snap, "treatment-dpia-not-done")
    assert finding.severity is severity
    assert "Art. 35(1)" in finding.problem
    done = change(snap, "treatments", 0, dpia=Dpia(DpiaStatus.DONE, done_on=dt.date(2026, 1, 1)))
    assert "treatment-dpia-not-done" not in rules_of(done)


def test_a_processor_link_needs_the_processor_record() -> None:
    subsidiary = Organisation(
        "Podalire Communauté",
        OrganisationKind.OWN,
        contact_email="contact@communaute.example",
        dpo_organisation_id=1,
        id=3,
    )
    own_care = Treatment(3, "Téléconsultation", purpose="Soins", processor_ids=(1,), id=40)
    snap = with_treatments(with_organisations(clean(), subsidiary), own_care)
    [finding] = of_rule(snap, "processor-link-without-record")
    assert finding.severity is Severity.WARNING
    assert "Medaviz is recorded as processor of Podalire Communauté for 1 treatment" in (
        finding.problem
    )
    assert "Art. 30(2)" in finding.problem
    assert "Art. 28(3)" in finding.fix
    kept = Treatment(1, "Téléconsultation (pour la filiale)", Role.PROCESSOR, "Soins", id=41)
    kept = dataclasses.replace(kept, controller_ids=(3,))
    assert "processor-link-without-record" not in rules_of(with_treatments(snap, kept))


def test_the_organisations_own_hds_certificate_when_it_hosts_health_data() -> None:
    expired = change(clean(), "certifications", 1, expires_on=dt.date(2026, 8, 1))
    [finding] = of_rule(expired, "hds-own-certificate")
    assert finding.severity is Severity.ERROR
    assert "Medaviz hosts health data as processor" in finding.problem
    assert "expired on August 1, 2026" in finding.problem
    assert "CSP L.1111-8" in finding.fix
    v1 = change(expired, "certifications", 1, referential_version="v1")
    assert "on referential v1" in of_rule(v1, "hds-own-certificate")[0].problem
    missing = dataclasses.replace(clean(), certifications=clean().certifications[:1])
    [none] = of_rule(missing, "hds-own-certificate")
    assert none.severity is Severity.WARNING
    assert "no HDS certificate of its own" in none.problem
    assert "hds-own-certificate" not in rules_of(clean())
    no_health = change(missing, "treatments", 1, data_categories=(DataCategory("Adresse"),))
    assert "hds-own-certificate" not in rules_of(no_health)


def test_the_own_certificate_expired_by_computed_dates_is_to_verify() -> None:
    computed = Unconfirmed("expires_on", InferenceOrigin.COMPUTED, "avril 2023")
    approximated = Unconfirmed("referential_version", InferenceOrigin.RULE)
    snap = change(
        clean(),
        "certifications",
        1,
        expires_on=dt.date(2026, 4, 1),
        referential_version="v1",
        unconfirmed=(computed, approximated),
    )
    [finding] = of_rule(snap, "hds-own-certificate")
    assert finding.severity is Severity.WARNING
    assert "expiry date of its HDS certificate: computed “avril 2023”" in finding.problem
    assert "referential version of its HDS certificate" in finding.problem
    assert finding.unconfirmed == (computed, approximated)


def test_health_data_held_by_a_provider_of_any_category_needs_hds() -> None:
    tickets = change(clean(), "subprocessors", 1, data_categories=(HEALTH,))
    [finding] = [f for f in findings(tickets) if f.rule_id == "hds-host-to-verify"]
    assert "Mailer BE" in finding.problem
    assert "hds-host-to-verify" not in rules_of(clean())  # its category alone is not hosting


def test_actor_findings_are_worded_in_french(in_language: Callable[[str], None]) -> None:
    in_language("fr")
    partners = Organisation("Partenaires", OrganisationKind.CLIENT_CATEGORY, id=7)
    snap = change(with_organisations(clean(), partners), "treatments", 1, controller_ids=(7,))
    snap = change(snap, "organisations", 0, dpo_name="", dpo_email="")
    [category] = of_rule(snap, "processor-record-controllers")
    assert category.problem.startswith("1 fiche de sous-traitant")
    assert "nomme « Partenaires », une catégorie de clients" in category.problem
    [dpo] = of_rule(snap, "organisation-no-dpo")
    assert "n'enregistre aucun DPO" in dpo.problem
    assert "supposé ici" in dpo.problem
    assert "(« Téléconsultation », « Hébergement pour la clinique ») :" in dpo.problem


def test_a_dpo_the_application_inferred_is_to_verify() -> None:
    assumed = Unconfirmed("dpo_name", InferenceOrigin.ASSUMED, note="DPO du groupe")
    email = Unconfirmed("dpo_email", source_text="contact@medaviz.com")
    snap = change(clean(), "organisations", 0, unconfirmed=(assumed, email))
    [finding] = of_rule(snap, "organisation-no-dpo")
    assert finding.severity is Severity.WARNING
    assert "The DPO recorded for Medaviz is not confirmed" in finding.problem
    assert "DPO: assumed when the data was entered — DPO du groupe" in finding.problem
    # One value a person stated is enough to know who the DPO is.
    partly = change(clean(), "organisations", 0, unconfirmed=(assumed,))
    assert "organisation-no-dpo" not in rules_of(partly)
