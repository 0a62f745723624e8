"""Acknowledging a finding: left out while its facts hold, back when one of them changes."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from workbench.domain import Location, Organisation, OrganisationKind, Subprocessor
from workbench.domain.errors import ValidationError
from workbench.services import Register
from workbench.services.acknowledgement_service import AcknowledgementService
from workbench.services.compliance_service import ComplianceService

TODAY = dt.date(2026, 12, 2)


def _no_dpa(register: Register) -> list[str]:
    return [
        f.rule_id
        for f in ComplianceService(register).check(TODAY)
        if f.rule_id in ("subprocessor-no-dpa", "transfer-without-mechanism")
    ]


def test_an_acknowledged_finding_stays_away_until_its_facts_change(register: Register) -> None:
    org = register.organisations.create(Organisation("Medaviz", OrganisationKind.OWN)).ids[0]
    sub = register.subprocessors.create(
        Subprocessor(organisation_id=org, name="Outil US", locations=(Location("US"),))
    ).ids[0]
    assert sorted(_no_dpa(register)) == ["subprocessor-no-dpa", "transfer-without-mechanism"]
    review = ComplianceService(register).review(TODAY)
    finding = next(f for f in review.open if f.rule_id == "transfer-without-mechanism")
    service = AcknowledgementService(register)
    with pytest.raises(ValidationError):
        service.acknowledge(review.snapshot, finding, "  ")
    service.acknowledge(review.snapshot, finding, "Clauses 2021/914 signées, en cours de saisie")
    assert _no_dpa(register) == ["subprocessor-no-dpa"]
    acknowledged = ComplianceService(register).review(TODAY).acknowledged
    assert [(f.rule_id, a.reason) for f, a in acknowledged] == [
        ("transfer-without-mechanism", "Clauses 2021/914 signées, en cours de saisie")
    ]
    # journaled: an operation of its own, with the rule, the record and the reason
    labels = [o.label for o in register.journal.operations()]
    assert any("transfer-without-mechanism" in label and "2021/914" in label for label in labels)
    # a note is no fact the rule reads: still acknowledged
    current = register.subprocessors.get(sub)
    register.subprocessors.update(dataclasses.replace(current, notes="relancé"))
    assert _no_dpa(register) == ["subprocessor-no-dpa"]
    # a new country is: the finding is back
    current = register.subprocessors.get(sub)
    moved = dataclasses.replace(current, locations=(Location("US"), Location("IN")))
    register.subprocessors.update(moved)
    assert sorted(_no_dpa(register)) == ["subprocessor-no-dpa", "transfer-without-mechanism"]


def test_a_withdrawn_acknowledgement_brings_the_finding_back(register: Register) -> None:
    org = register.organisations.create(Organisation("Medaviz", OrganisationKind.OWN)).ids[0]
    register.subprocessors.create(Subprocessor(organisation_id=org, name="Outil"))
    review = ComplianceService(register).review(TODAY)
    finding = next(f for f in review.open if f.rule_id == "subprocessor-no-dpa")
    service = AcknowledgementService(register)
    service.acknowledge(review.snapshot, finding, "Contrat papier")
    assert "subprocessor-no-dpa" not in _no_dpa(register)
    service.withdraw(finding.rule_id, finding.link)
    assert "subprocessor-no-dpa" in _no_dpa(register)
    assert service.active() == {}
