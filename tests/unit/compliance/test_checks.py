"""Each rule fires on a register that breaks it and stays quiet on the clean one."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable

import pytest

from tests.unit.compliance.clean_register import TODAY, change, clean, findings, rules_of
from workbench.compliance.checks import ALL_CHECKS, ALL_RULES, Severity, run_checks
from workbench.compliance.settings import ComplianceSettings
from workbench.domain import AuditAction, Location, Retention, TransferMechanism


def test_clean_register_has_no_finding() -> None:
    assert findings(clean()) == []


def test_rule_ids_are_unique_and_every_rule_says_where_it_comes_from() -> None:
    ids = [r.id for r in ALL_RULES]
    assert len(ids) == len(set(ids)) >= 18
    assert all(r.source for r in ALL_RULES)


def test_us_transfer_without_mechanism_is_an_error() -> None:
    snap = change(
        clean(),
        "subprocessors",
        1,
        locations=(Location("US"),),
        transfer_text="N/A",
        transfer_mechanism=TransferMechanism.NONE,
    )
    [finding] = [f for f in findings(snap) if f.rule_id == "transfer-without-mechanism"]
    assert finding.severity is Severity.ERROR
    assert "Mailer BE" in finding.problem
    # for the US the question is the importer's DPF certification, not "no adequacy decision"
    assert "no adequacy decision" not in finding.problem
    assert "certified under it" in finding.problem
    assert "Data Privacy Framework list" in finding.fix
    assert "N/A" in finding.problem
    assert "contractual clauses" in finding.fix
    assert finding.link.id == 11
    india = change(snap, "subprocessors", 1, locations=(Location("IN"),))
    [other] = [f for f in findings(india) if f.rule_id == "transfer-without-mechanism"]
    assert "outside the EEA (India) with no adequacy decision" in other.problem


@pytest.mark.parametrize(
    "mechanism",
    [
        TransferMechanism.SCC_EU_2021_914_M3,
        TransferMechanism.ADEQUACY_US_DPF,
        TransferMechanism.BCR,
    ],
)
def test_us_transfer_with_dpf_or_safeguard_is_quiet(mechanism: TransferMechanism) -> None:
    snap = change(
        clean(), "subprocessors", 1, locations=(Location("US"),), transfer_mechanism=mechanism
    )
    assert "transfer-without-mechanism" not in rules_of(snap)


def test_full_adequacy_needs_no_mechanism_but_breaks_an_eu_only_statement() -> None:
    snap = change(clean(), "subprocessors", 1, locations=(Location("CH"),), transfer_mechanism=None)
    assert rules_of(snap) == {"statement-contradicted"}  # Switzerland: adequate, not in the EU


def test_us_adequacy_without_dpf_is_not_enough() -> None:
    snap = change(
        clean(),
        "subprocessors",
        1,
        locations=(Location("US"),),
        transfer_mechanism=TransferMechanism.ADEQUACY,
    )
    assert "transfer-without-mechanism" in rules_of(snap)


def test_health_host_without_recorded_certificate_is_to_verify() -> None:
    snap = dataclasses.replace(clean(), certifications=())
    [finding] = [f for f in findings(snap) if f.rule_id == "hds-host-to-verify"]
    assert finding.severity is Severity.WARNING
    assert "Hébergeur FR" in finding.problem


def test_health_host_with_expired_certificate_is_an_error() -> None:
    snap = change(clean(), "certifications", 0, expires_on=dt.date(2026, 8, 1))
    assert {"hds-host-not-certified", "certificate-expired"} <= rules_of(snap)


def test_health_host_with_an_undated_certificate_is_to_verify_not_an_error() -> None:
    snap = change(
        clean(), "certifications", 0, issued_on=None, expires_on=None, last_surveillance_on=None
    )
    found = [f for f in findings(snap) if f.rule_id.startswith("hds-host")]
    assert [(f.rule_id, f.severity) for f in found] == [("hds-host-to-verify", Severity.WARNING)]
    assert "without an expiry date" in found[0].problem


def test_health_host_certificate_missing_needed_activities_is_to_verify() -> None:
    snap = change(clean(), "certifications", 0, hds_activities=(5, 6))
    # The activities a service needs are read from its description: a guess, never an error.
    [finding] = [f for f in findings(snap) if f.rule_id.startswith("hds-host")]
    assert (finding.rule_id, finding.severity) == ("hds-host-to-verify", Severity.WARNING)
    assert "activities 3" in finding.problem  # IaaS needs activity 3 (virtual infrastructure)
    assert "service description" in finding.problem


def test_health_hosted_outside_the_eea_breaks_hds_v2() -> None:
    snap = change(
        clean(),
        "subprocessors",
        0,
        locations=(Location("US"),),
        transfer_mechanism=TransferMechanism.SCC_EU_2021_914_M3,
    )
    [finding] = [f for f in findings(snap) if f.rule_id == "hds-v2-outside-eea"]
    assert finding.severity is Severity.ERROR
    before_transition = dataclasses.replace(snap, today=dt.date(2026, 1, 10))
    [early] = [f for f in findings(before_transition) if f.rule_id == "hds-v2-outside-eea"]
    assert early.severity is Severity.WARNING


@pytest.mark.parametrize(
    ("kwargs", "rule", "severity"),
    [
        ({"expires_on": dt.date(2026, 8, 31)}, "certificate-expired", Severity.ERROR),
        ({"expires_on": dt.date(2026, 10, 1)}, "certificate-expiring", Severity.WARNING),
        ({"last_surveillance_on": None}, "certificate-surveillance-due", Severity.WARNING),
        ({"referential_version": "v1"}, "certificate-obsolete-standard", Severity.ERROR),
        (
            {"issued_on": None, "expires_on": None, "last_surveillance_on": None},
            "certificate-undated",
            Severity.INFO,
        ),
    ],
)
def test_certificate_rules(kwargs: dict[str, object], rule: str, severity: Severity) -> None:
    snap = change(clean(), "certifications", 0, **kwargs)
    matching = [f for f in findings(snap) if f.rule_id == rule]
    assert matching
    assert matching[0].severity is severity


def test_expiring_window_is_the_register_setting() -> None:
    snap = change(clean(), "certifications", 0, expires_on=dt.date(2026, 10, 1))
    quiet = dataclasses.replace(snap, settings=ComplianceSettings(expiring_within_days=20))
    assert "certificate-expiring" not in rules_of(quiet)


@pytest.mark.parametrize(
    ("kwargs", "rule"),
    [
        ({"purpose": ""}, "treatment-no-purpose"),
        ({"legal_basis": None}, "treatment-no-legal-basis"),
        ({"retention": Retention()}, "treatment-no-retention"),
        ({"art9_condition": None}, "treatment-no-art9-condition"),
    ],
)
def test_treatment_rules(kwargs: dict[str, object], rule: str) -> None:
    snap = change(clean(), "treatments", 0, **kwargs)
    assert [f.link.id for f in findings(snap) if f.rule_id == rule] == [20]


def test_legal_basis_in_words_is_enough_and_processor_records_need_no_basis() -> None:
    snap = change(clean(), "treatments", 0, legal_basis=None, legal_basis_text="Contrat")
    assert "treatment-no-legal-basis" not in rules_of(snap)
    # The processor treatment of the clean register has no legal basis, retention or Art. 9.
    assert clean().treatments[1].legal_basis is None


def test_unused_subprocessor_and_missing_dpa() -> None:
    snap = change(clean(), "treatments", 0, subprocessor_ids=(10,))
    assert "subprocessor-unused" in rules_of(snap)
    snap = change(clean(), "subprocessors", 1, dpa_signed_on=None)
    assert [f.link.id for f in findings(snap) if f.rule_id == "subprocessor-no-dpa"] == [11]


def test_draft_notification_not_sent_in_time() -> None:
    late = dataclasses.replace(clean(), today=TODAY + dt.timedelta(days=10))
    assert "notification-overdue" in rules_of(late)


def test_pending_changes_are_reported_per_controller() -> None:
    snap = dataclasses.replace(clean(), pending_changes=((2, 3),))
    [finding] = [f for f in findings(snap) if f.rule_id == "notification-pending"]
    assert "3 subprocessor changes" in finding.problem
    assert "Clinique" in finding.problem


def test_audit_overdue_actions() -> None:
    snap = dataclasses.replace(clean(), today=dt.date(2026, 10, 2))
    snap = change(snap, "notifications", 0, created_on=dt.date(2026, 10, 1))
    assert "audit-overdue-actions" in rules_of(snap)
    done = change(
        snap,
        "audits",
        0,
        actions=(AuditAction("x", "RSSI", dt.date(2026, 10, 1), dt.date(2026, 9, 30)),),
    )
    assert "audit-overdue-actions" not in rules_of(done)


def test_audit_late_notice_counts_french_working_days() -> None:
    # Notice on Thu 3 Sep 2026 for an audit on Wed 16 Sep: 8 working days in between.
    snap = change(clean(), "audits", 0, notice_received_on=dt.date(2026, 9, 3))
    [finding] = [f for f in findings(snap) if f.rule_id == "audit-late-notice"]
    assert "8 working days" in finding.problem
    assert "10" in finding.problem
    relaxed = dataclasses.replace(snap, settings=ComplianceSettings(audit_notice_working_days=8))
    assert "audit-late-notice" not in rules_of(relaxed)


def test_audit_by_an_auditor_not_independent() -> None:
    snap = change(clean(), "audits", 0, auditor_independent=False)
    assert "audit-auditor-not-qualified" in rules_of(snap)


def test_statement_contradicted_by_health_data_outside_the_eu() -> None:
    snap = change(
        clean(),
        "subprocessors",
        1,
        locations=(Location("US"),),
        transfer_mechanism=TransferMechanism.SCC_EU_2021_914_M3,
    )
    # The mailer serves the health-data treatment: health data goes to the USA.
    [finding] = [f for f in findings(snap) if f.rule_id == "statement-contradicted"]
    assert "Aucune donnée de santé hors UE" in finding.problem
    assert finding.link.id == 11
    silent = dataclasses.replace(snap, settings=ComplianceSettings())
    assert "statement-contradicted" not in rules_of(silent)


def test_minimum_severity_filters_findings() -> None:
    snap = change(clean(), "treatments", 0, retention=Retention(), legal_basis=None)
    assert {f.severity for f in run_checks(snap, ALL_CHECKS, Severity.ERROR)} == {Severity.ERROR}
    assert Severity.WARNING in {f.severity for f in run_checks(snap, ALL_CHECKS)}


@pytest.mark.parametrize(
    ("locale", "written"),
    [("fr", "31 août 2026"), ("en", "August 31, 2026")],
)
def test_dates_in_messages_are_written_as_the_reader_writes_them(
    locale: str, written: str, in_language: Callable[[str], None]
) -> None:
    snap = change(clean(), "certifications", 0, expires_on=dt.date(2026, 8, 31))
    in_language(locale)
    [expired] = [f for f in findings(snap) if f.rule_id == "certificate-expired"]
    assert written in expired.message
    assert "2026-08-31" not in expired.message
