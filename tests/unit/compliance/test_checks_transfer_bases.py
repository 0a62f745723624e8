"""What a vendor's transfer paragraph claims, confronted with the law as it stands."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.unit.compliance.clean_register import change, clean, findings, rules_of
from workbench.compliance.checks import Finding, Severity
from workbench.compliance.snapshot import RegisterSnapshot
from workbench.domain import Location, TransferMechanism, Unconfirmed

STRIPE = (
    "La politique RGPD de ce prestataire comporte des mesures supplémentaires au Privacy Shield "
    "fondé sur les EU Standard Contractual Clauses (SCCs, article 46 3 du RGPD)."
)


def mailer(**kwargs: object) -> RegisterSnapshot:
    """The mailer (used by the controller treatment only) moved to the USA."""
    return change(clean(), "subprocessors", 1, locations=(Location("US"),), **kwargs)


def of_rule(snapshot: RegisterSnapshot, rule: str) -> list[Finding]:
    return [f for f in findings(snapshot) if f.rule_id == rule]


def test_privacy_shield_without_a_confirmed_mechanism_is_an_invalid_basis() -> None:
    [finding] = of_rule(mailer(transfer_text=STRIPE), "transfer-invalid-basis")
    assert finding.severity is Severity.ERROR
    assert "Privacy Shield" in finding.problem
    assert "C-311/18" in finding.problem
    assert "16 July 2020" in finding.problem
    assert "module 2" in finding.fix  # the organisation is controller for the mailer's treatment


def test_privacy_shield_beside_a_confirmed_valid_mechanism_is_a_warning() -> None:
    snap = mailer(transfer_text=STRIPE, transfer_mechanism=TransferMechanism.SCC_EU_2021_914_M2)
    [finding] = of_rule(snap, "transfer-invalid-basis")
    assert finding.severity is Severity.WARNING
    inferred = change(snap, "subprocessors", 1, unconfirmed=(Unconfirmed("transfer_mechanism"),))
    assert of_rule(inferred, "transfer-invalid-basis")[0].severity is Severity.ERROR


@pytest.mark.parametrize(
    ("text", "cited"),
    [
        ("Safe Harbor certified", "C-362/14"),
        ("clauses contractuelles types (décision 2010/87/UE)", "2021/914"),
    ],
)
def test_other_void_bases_are_invalid(text: str, cited: str) -> None:
    [finding] = of_rule(mailer(transfer_text=text), "transfer-invalid-basis")
    assert cited in finding.problem


def test_a_valid_basis_in_words_is_no_invalid_basis() -> None:
    text = "SCCs 2021/914 (module 2), article 46(2)(c) ; Data Privacy Framework"
    snap = mailer(transfer_text=text, transfer_mechanism=TransferMechanism.SCC_EU_2021_914_M2)
    assert not {
        "transfer-invalid-basis",
        "transfer-needs-authorisation",
        "transfer-derogation-as-basis",
    } & rules_of(snap)


def test_article_46_3_needs_the_authoritys_authorisation() -> None:
    [finding] = of_rule(mailer(transfer_text=STRIPE), "transfer-needs-authorisation")
    assert finding.severity is Severity.WARNING
    assert 'cites "…' in finding.problem
    assert "article 46 3 du RGPD" in finding.problem
    assert "Art. 46(3)(a)" in finding.problem
    assert "Art. 46(2)(c)" in finding.problem
    recorded = mailer(transfer_mechanism=TransferMechanism.AD_HOC_CLAUSES)
    [ad_hoc] = of_rule(recorded, "transfer-needs-authorisation")
    assert "records Ad hoc contractual clauses" in ad_hoc.problem


def test_an_art_49_derogation_is_no_standing_basis() -> None:
    recorded = mailer(transfer_mechanism=TransferMechanism.DEROG_49_1_A)
    [finding] = of_rule(recorded, "transfer-derogation-as-basis")
    assert finding.severity is Severity.WARNING
    assert "EDPB Guidelines 2/2018" in finding.problem
    assert "Derogation: explicit consent" in finding.problem
    worded = of_rule(
        mailer(transfer_text="Transfert fondé sur l'article 49"), "transfer-derogation-as-basis"
    )
    assert "l'article 49" in worded[0].problem
    assert "transfer-derogation-as-basis" not in rules_of(
        mailer(transfer_mechanism=TransferMechanism.BCR)
    )


def test_an_scc_module_that_contradicts_the_role() -> None:
    # The mailer serves the controller treatment only: module 2, not module 3.
    snap = mailer(transfer_mechanism=TransferMechanism.SCC_EU_2021_914_M3)
    [finding] = of_rule(snap, "transfer-scc-module-role")
    assert finding.severity is Severity.WARNING
    assert "module 3 (processor to processor)" in finding.problem
    assert "the organisation is controller" in finding.problem
    assert "module 2 (controller to processor) applies" in finding.problem
    assert "transfer-scc-module-role" not in rules_of(
        mailer(transfer_mechanism=TransferMechanism.SCC_EU_2021_914_M2)
    )


def test_module_2_for_a_subprocessor_of_processor_records_only() -> None:
    # Serving only the processor record, the mailer is a sub-processor: module 3.
    snap = mailer(transfer_mechanism=TransferMechanism.SCC_EU_2021_914_M2)
    snap = change(snap, "treatments", 0, subprocessor_ids=(10,))
    snap = change(snap, "treatments", 1, subprocessor_ids=(10, 11))
    [finding] = of_rule(snap, "transfer-scc-module-role")
    assert "module 3 (processor to processor) applies" in finding.problem
    inferred = change(snap, "subprocessors", 1, unconfirmed=(Unconfirmed("transfer_mechanism"),))
    assert "To be verified" in of_rule(inferred, "transfer-scc-module-role")[0].problem
    # Serving both kinds of records, either module is plausible: nothing to say.
    both = change(snap, "treatments", 0, subprocessor_ids=(10, 11))
    assert "transfer-scc-module-role" not in rules_of(both)


def test_transfer_fix_proposes_the_module_of_the_role() -> None:
    [controller] = of_rule(mailer(), "transfer-without-mechanism")
    assert "module 2 (the organisation is controller)" in controller.fix
    host = change(clean(), "subprocessors", 0, locations=(Location("US"),))
    host = change(host, "treatments", 0, subprocessor_ids=(11,))
    [processor] = of_rule(host, "transfer-without-mechanism")
    assert "module 3 (the organisation is processor" in processor.fix


def test_transfer_bases_are_worded_in_french(in_language: Callable[[str], None]) -> None:
    in_language("fr")
    snap = mailer(transfer_text=STRIPE)
    [invalid] = of_rule(snap, "transfer-invalid-basis")
    assert "le Privacy Shield UE-États-Unis a été invalidé par la Cour de justice" in (
        invalid.problem
    )
    [ad_hoc] = of_rule(snap, "transfer-needs-authorisation")
    assert "valables seulement avec l'autorisation de l'autorité de contrôle" in ad_hoc.problem
    assert invalid.fix.startswith("Demandez à Mailer BE")
