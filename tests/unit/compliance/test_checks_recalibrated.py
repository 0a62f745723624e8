"""The rules of issue 13: each fires on the fact it is about and stays quiet without it."""

from __future__ import annotations

import dataclasses
import datetime as dt

from tests.unit.compliance.clean_register import HEALTH, change, clean, findings, rules_of
from workbench.compliance.checks import Finding, Severity
from workbench.compliance.snapshot import RegisterSnapshot
from workbench.domain import Location, Retention, RetentionUnit, TransferMechanism


def of_rule(snapshot: RegisterSnapshot, rule: str) -> list[Finding]:
    return [f for f in findings(snapshot) if f.rule_id == rule]


def test_the_clean_register_breaks_none_of_the_new_rules() -> None:
    new = {
        "hds-transit-to-verify",
        "subprocessor-joint-controller",
        "certificate-edition-unknown",
        "treatment-retention-below-medical-record",
        "hosting-foreign-group-in-eea",
        "transfer-invalid-basis",
    }
    assert rules_of(clean()) & new == set()


def test_data_deleted_at_once_asks_whether_it_is_hosting() -> None:
    transit = change(
        clean(),
        "subprocessors",
        0,
        service_description="Centre de données aux USA ; les données sont immédiatement supprimées",
        locations=(Location("US"),),
        transfer_mechanism=TransferMechanism.BCR,
    )
    transit = dataclasses.replace(transit, certifications=transit.certifications[1:])
    found = of_rule(transit, "hds-transit-to-verify")
    assert len(found) == 1
    assert found[0].severity is Severity.WARNING
    assert "immédiatement supprimées" in found[0].problem
    # not said to host, nor to host outside the EEA: the question comes first
    assert not of_rule(transit, "hds-host-to-verify")
    assert not of_rule(transit, "hds-v2-outside-eea")


def test_a_social_network_is_a_joint_controller_not_a_processor_without_dpa() -> None:
    network = change(clean(), "subprocessors", 1, name="LinkedIn", dpa_signed_on=None)
    found = of_rule(network, "subprocessor-joint-controller")
    assert len(found) == 1
    assert "Art. 26" in found[0].problem
    assert found[0].unconfirmed  # read from its name: to be verified
    assert not of_rule(network, "subprocessor-no-dpa")
    mailer = change(clean(), "subprocessors", 1, dpa_signed_on=None)
    no_dpa = of_rule(mailer, "subprocessor-no-dpa")
    assert len(no_dpa) == 1
    assert "Art. 28(3)" in no_dpa[0].fix
    assert not of_rule(mailer, "subprocessor-joint-controller")


def test_a_void_basis_recorded_as_a_code_is_flagged() -> None:
    shield = change(
        clean(),
        "subprocessors",
        1,
        locations=(Location("US"),),
        transfer_mechanism=TransferMechanism.INVALID_PRIVACY_SHIELD,
    )
    found = of_rule(shield, "transfer-invalid-basis")
    assert len(found) == 1
    assert found[0].severity is Severity.ERROR
    assert "C-311/18" in found[0].problem
    # a void code is no safeguard: the transfer is uncovered
    assert of_rule(shield, "transfer-without-mechanism")
    assert not TransferMechanism.INVALID_SCC_2010_87.is_safeguard
    assert TransferMechanism.INVALID_SCC_2010_87.is_void


def test_a_certificate_of_unknown_edition_after_the_transition() -> None:
    iso = change(
        clean(),
        "certifications",
        0,
        kind=clean().certifications[0].kind.ISO27001,
        referential_version="",
        name="ISO 27001",
    )
    found = of_rule(iso, "certificate-edition-unknown")
    assert [f.severity for f in found] == [Severity.WARNING]
    stated = change(iso, "certifications", 0, referential_version="2022")
    assert not of_rule(stated, "certificate-edition-unknown")
    hds = change(clean(), "certifications", 0, referential_version="")
    assert len(of_rule(hds, "certificate-edition-unknown")) == 1
    before = dataclasses.replace(hds, today=dt.date(2026, 5, 1))  # within the v2 transition
    assert not of_rule(before, "certificate-edition-unknown")


def test_a_teleconsultation_kept_5_years_is_below_the_medical_record_reference() -> None:
    short = change(clean(), "treatments", 0, retention=Retention("5 ans", 5, RetentionUnit.YEAR))
    found = of_rule(short, "treatment-retention-below-medical-record")
    assert len(found) == 1
    assert "R.1112-7" in found[0].problem
    assert found[0].severity is Severity.WARNING
    assert not of_rule(clean(), "treatment-retention-below-medical-record")  # 20 years
    billing = change(short, "treatments", 0, name="Facturation", purpose="Factures")
    assert not of_rule(billing, "treatment-retention-below-medical-record")


def test_a_us_group_holding_health_data_in_the_eea_is_asked_about_foreign_access() -> None:
    group = change(
        clean(), "subprocessors", 0, name="Amazon Web Services", data_categories=(HEALTH,)
    )
    found = of_rule(group, "hosting-foreign-group-in-eea")
    assert len(found) == 1
    assert found[0].unconfirmed
    outside = change(group, "subprocessors", 0, locations=(Location("US"),))
    assert not of_rule(outside, "hosting-foreign-group-in-eea")  # the transfer rules speak
