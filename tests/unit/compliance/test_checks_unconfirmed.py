"""A value the application inferred never makes a check pass, nor an error: it is to verify."""

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
    InferenceOrigin,
    Location,
    SubprocessorCategory,
    TransferMechanism,
    Unconfirmed,
)

FROM_CELL = Unconfirmed("transfer_mechanism", source_text="CCT + DPF", column="Garanties", row=7)


def only(snapshot: RegisterSnapshot, rule: str) -> Finding:
    [finding] = [f for f in findings(snapshot) if f.rule_id == rule]
    return finding


def mailer_in_us(*marks: Unconfirmed) -> RegisterSnapshot:
    return change(
        clean(),
        "subprocessors",
        1,
        locations=(Location("US"),),
        transfer_mechanism=TransferMechanism.SCC_EU_2021_914_M2,
        unconfirmed=marks,
    )


def test_an_inferred_transfer_mechanism_does_not_cover_the_transfer() -> None:
    finding = only(mailer_in_us(FROM_CELL), "transfer-to-verify")
    assert finding.severity is Severity.WARNING
    assert "Mailer BE" in finding.problem
    assert "transfer mechanism" in finding.problem
    assert "“CCT + DPF” (column Garanties, row 7)" in finding.problem
    assert "not counted as covered" in finding.problem
    assert "Art. 44-46" in finding.problem
    assert finding.unconfirmed == (FROM_CELL,)
    # The same mechanism, confirmed, covers it: nothing to say.
    assert "transfer-to-verify" not in rules_of(mailer_in_us())


def test_a_transfer_without_mechanism_to_an_inferred_country_is_not_an_error() -> None:
    country = Unconfirmed("locations", source_text="USA (Oregon)")
    snap = change(clean(), "subprocessors", 1, locations=(Location("US"),), unconfirmed=(country,))
    finding = only(snap, "transfer-without-mechanism")
    assert finding.severity is Severity.WARNING
    assert "To be verified" in finding.problem
    assert "countries: read from the text “USA (Oregon)”" in finding.problem
    stated = dataclasses.replace(snap, subprocessors=mailer_in_us().subprocessors)
    assert "transfer-to-verify" not in rules_of(stated)


def test_inferred_countries_inside_the_eea_are_to_verify() -> None:
    country = Unconfirmed("locations", origin=InferenceOrigin.RULE, note="siège social")
    snap = change(clean(), "subprocessors", 1, unconfirmed=(country,))
    finding = only(snap, "transfer-to-verify")
    assert "Belgium" in finding.problem
    assert "chosen by a rule — siège social" in finding.problem
    assert "transfer-to-verify" not in rules_of(clean())


def test_a_computed_expiry_makes_a_certificate_to_verify_not_valid() -> None:
    computed = Unconfirmed("expires_on", InferenceOrigin.COMPUTED, "avril 2023", note="+ 3 ans")
    snap = change(clean(), "certifications", 0, unconfirmed=(computed,))
    finding = only(snap, "certificate-to-verify")
    assert finding.severity is Severity.WARNING
    assert "status of the HDS certificate HDS-1 of Hébergeur FR is to be" in finding.problem
    assert "expiry date: computed “avril 2023” — + 3 ans" in finding.problem
    # The host counts as certified only through that value: it says so too.
    host = only(snap, "hds-host-to-verify")
    assert "only by values not yet confirmed" in host.problem
    assert not {"certificate-to-verify", "hds-host-to-verify"} & rules_of(clean())


def test_an_expiry_the_application_computes_from_the_issue_date_is_to_verify() -> None:
    snap = change(clean(), "certifications", 0, expires_on=None)
    finding = only(snap, "certificate-to-verify")
    assert "issue date + 3 years" in finding.problem


def test_an_expired_certificate_by_a_computed_date_is_a_warning_to_verify() -> None:
    computed = Unconfirmed("expires_on", InferenceOrigin.COMPUTED)
    snap = change(
        clean(), "certifications", 0, expires_on=dt.date(2026, 8, 1), unconfirmed=(computed,)
    )
    expired = only(snap, "certificate-expired")
    assert expired.severity is Severity.WARNING
    assert "To be verified" in expired.problem
    host = only(snap, "hds-host-not-certified")
    assert host.severity is Severity.WARNING
    assert "its HDS certificate" in host.problem


def test_an_inferred_art9_condition_does_not_satisfy_art9() -> None:
    rule = Unconfirmed("art9_condition", InferenceOrigin.RULE, note="soins")
    snap = change(clean(), "treatments", 0, unconfirmed=(rule,))
    finding = only(snap, "treatment-art9-condition-to-verify")
    assert finding.severity is Severity.WARNING
    assert '"Téléconsultation" (Art. 9(2)(h)) is not confirmed' in finding.problem
    assert "chosen by a rule — soins" in finding.problem
    assert "treatment-art9-condition-to-verify" not in rules_of(clean())


def test_missing_art9_condition_on_inferred_health_data_is_a_warning() -> None:
    guessed = Unconfirmed("data_categories", source_text="données médicales")
    snap = change(clean(), "treatments", 0, art9_condition=None, unconfirmed=(guessed,))
    assert only(snap, "treatment-no-art9-condition").severity is Severity.WARNING
    stated = change(clean(), "treatments", 0, art9_condition=None)
    assert only(stated, "treatment-no-art9-condition").severity is Severity.ERROR


def test_an_inferred_legal_basis_is_to_verify_unless_the_text_states_it() -> None:
    guessed = Unconfirmed("legal_basis", source_text="CGU")
    snap = change(clean(), "treatments", 0, unconfirmed=(guessed,))
    assert "“CGU”" in only(snap, "treatment-legal-basis-to-verify").problem
    worded = change(snap, "treatments", 0, legal_basis_text="Exécution du contrat (CGU)")
    assert "treatment-legal-basis-to-verify" not in rules_of(worded)


def test_a_host_by_an_inferred_category_is_not_reported_as_uncertified() -> None:
    guessed = Unconfirmed("category", InferenceOrigin.RULE, note="from the name")
    snap = change(
        clean(),
        "subprocessors",
        1,
        category=SubprocessorCategory.HOSTING,
        unconfirmed=(guessed,),
    )
    finding = only(snap, "hds-host-to-verify")
    assert "Mailer BE" in finding.problem
    assert "category: chosen by a rule — from the name" in finding.problem
    stated = change(clean(), "subprocessors", 1, category=SubprocessorCategory.HOSTING)
    assert "Mailer BE" in only(stated, "hds-host-to-verify").problem  # stated: a plain warning
    assert "To be verified" not in only(stated, "hds-host-to-verify").problem


def test_a_contradicted_statement_through_an_inferred_country_is_a_warning() -> None:
    country = Unconfirmed("locations", source_text="USA")
    snap = mailer_in_us(country)
    assert only(snap, "statement-contradicted").severity is Severity.WARNING
    assert only(mailer_in_us(), "statement-contradicted").severity is Severity.ERROR


@pytest.mark.parametrize(
    "mark",
    [
        Unconfirmed("locations"),
        Unconfirmed("transfer_mechanism"),
        Unconfirmed("data_categories"),
        Unconfirmed("category"),
    ],
)
def test_no_error_rests_on_an_unconfirmed_value(mark: Unconfirmed) -> None:
    # A register with many problems, every subprocessor carrying the mark. (Health data of their
    # own would make them hosts whatever their category: left out when the category is marked.)
    own_data = (DataCategory("Adresse"),) if mark.field == "category" else (HEALTH,)
    snap = clean()
    snap = change(snap, "certifications", 0, expires_on=dt.date(2026, 8, 1))
    broken = tuple(
        dataclasses.replace(
            s,
            locations=(Location("US"),),
            transfer_mechanism=TransferMechanism.SCC_EU_2021_914_M2,
            data_categories=own_data,
            category=SubprocessorCategory.HOSTING,
            unconfirmed=(mark,),
        )
        for s in snap.subprocessors
    )
    every = findings(dataclasses.replace(snap, subprocessors=broken))
    resting = [f for f in every if f.unconfirmed]
    assert resting
    assert all(f.severity is not Severity.ERROR for f in resting)


def test_to_verify_findings_are_worded_in_french(
    in_language: Callable[[str], None],
) -> None:
    in_language("fr")
    finding = only(mailer_in_us(FROM_CELL), "transfer-to-verify")
    assert finding.problem.startswith("La garantie de transfert de Mailer BE (Clauses")
    assert "lu dans le texte « CCT + DPF » (colonne Garanties, ligne 7)" in finding.problem
    assert "n'est pas compté comme couvert (RGPD art. 44-46)" in finding.problem
    capped = only(mailer_in_us(Unconfirmed("locations")), "statement-contradicted")
    assert "À vérifier : ce constat repose sur des valeurs non encore confirmées (pays" in (
        capped.problem
    )


def test_an_inferred_mechanism_and_inferred_countries_give_one_finding() -> None:
    snap = mailer_in_us(FROM_CELL, Unconfirmed("locations", source_text="USA"))
    [finding] = [f for f in findings(snap) if f.rule_id.startswith("transfer-")]
    assert finding.rule_id == "transfer-to-verify"
    assert "countries: read from the text “USA”" in finding.problem


def test_hds_activities_read_from_the_seed_do_not_certify_a_host_silently() -> None:
    read = Unconfirmed("hds_activities", source_text="Piliers 1, 2 et 4")
    snap = change(clean(), "certifications", 0, unconfirmed=(read,))
    finding = only(snap, "hds-host-to-verify")
    assert "HDS activities of its HDS certificate: read from the text “Piliers 1, 2 et 4”" in (
        finding.problem
    )


def test_a_host_only_by_the_words_of_its_description_is_to_verify() -> None:
    # Twilio's case: "centre de données ... aux États-Unis", data said to be deleted at once.
    snap = mailer_in_us()
    snap = change(
        snap,
        "subprocessors",
        1,
        service_description="Téléphonie ; centre de données aux États-Unis",
        transfer_mechanism=TransferMechanism.BCR,
    )
    outside = only(snap, "hds-v2-outside-eea")
    assert outside.severity is Severity.WARNING
    assert "category: chosen by a rule “centre de données” — a host by the words of its" in (
        outside.problem
    )
    stated = change(snap, "subprocessors", 1, category=SubprocessorCategory.HOSTING)
    assert only(stated, "hds-v2-outside-eea").severity is Severity.ERROR
