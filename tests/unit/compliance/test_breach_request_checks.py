"""The breach and request rules fire on a register that breaks them, and their deadlines."""

from __future__ import annotations

import dataclasses
import datetime as dt
from zoneinfo import ZoneInfo

from workbench.compliance.checks import breaches as rules
from workbench.compliance.deadlines import DeadlineKind, collect_deadlines
from workbench.compliance.snapshot import RegisterSnapshot
from workbench.domain import Organisation, OrganisationKind, Role, Treatment
from workbench.domain.breaches import AuthorityNotification, Breach, ControllerNotice
from workbench.domain.enums import Art34Exemption, BreachRisk
from workbench.domain.subject_requests import DataSubjectRequest

PARIS = ZoneInfo("Europe/Paris")
AWARE = dt.datetime(2026, 3, 27, 10, 0, tzinfo=PARIS)  # Friday; 72 h end Monday 11:00 (UTC+2)
OWN = Organisation("Podalire", id=1)
CLINIC = Organisation("Clinique du Parc", OrganisationKind.CLIENT_CONTROLLER, id=2)
PRACTICE = Organisation("Cabinet Martin", OrganisationKind.CLIENT_CONTROLLER, id=3)
HOSTING = Treatment(1, "Hébergement des dossiers", Role.PROCESSOR, controller_ids=(2, 3), id=10)


def snapshot(*records: Breach | DataSubjectRequest, **changes: object) -> RegisterSnapshot:
    base = RegisterSnapshot(
        organisations=(OWN, CLINIC, PRACTICE),
        treatments=(HOSTING,),
        breaches=tuple(r for r in records if isinstance(r, Breach)),
        requests=tuple(r for r in records if isinstance(r, DataSubjectRequest)),
        today=dt.date(2026, 3, 30),
        now=dt.datetime(2026, 3, 30, 12, 0, tzinfo=PARIS),
    )
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


def findings(snap: RegisterSnapshot) -> list[tuple[str, str]]:
    return [(f.rule_id, f.severity.value) for check in rules.CHECKS for f in check(snap)]


BREACH = Breach(1, "Lost laptop", aware_at=AWARE, risk=BreachRisk.RISK, id=5)


def test_past_72_hours_without_notification_or_reasons_is_an_error_citing_art_33_1() -> None:
    (finding,) = list(rules.check_breach_notification(snapshot(BREACH)))
    assert finding.rule_id == "breach-not-notified"
    assert "Art. 33(1)" in finding.problem
    assert "2026-03-30 11:00 (UTC+02:00)" in finding.problem
    # one hour earlier the clock still runs: no finding, but a deadline (computed, labelled)
    before = snapshot(BREACH, now=dt.datetime(2026, 3, 30, 10, 30, tzinfo=PARIS))
    assert findings(before) == []
    (item,) = collect_deadlines(before, 30)
    assert item.kind is DeadlineKind.BREACH_NOTIFICATION
    assert item.date == dt.date(2026, 3, 30)
    assert item.computed
    assert "computed" in item.basis


def test_recorded_reasons_or_a_notification_in_time_silence_the_rule() -> None:
    with_reasons = dataclasses.replace(BREACH, delay_reasons="Forensics still running")
    in_time = dataclasses.replace(
        BREACH, authority_notifications=(AuthorityNotification(AWARE + dt.timedelta(hours=5)),)
    )
    late = dataclasses.replace(
        BREACH,
        authority_notifications=(
            AuthorityNotification(dt.datetime(2026, 3, 30, 12, 0, tzinfo=PARIS)),
        ),
    )
    assert findings(snapshot(with_reasons)) == []
    assert findings(snapshot(in_time)) == []
    assert findings(snapshot(late)) == [("breach-not-notified", "warning")]
    assert collect_deadlines(snapshot(in_time), 30) == []


def test_a_breach_unlikely_to_be_a_risk_needs_its_reason_recorded() -> None:
    unlikely = dataclasses.replace(BREACH, risk=BreachRisk.UNLIKELY)
    assert findings(snapshot(unlikely)) == [("breach-no-reason-recorded", "warning")]
    reasoned = dataclasses.replace(unlikely, not_notified_reason="Encrypted disk (AES-256)")
    assert findings(snapshot(reasoned)) == []


def test_high_risk_needs_communication_to_persons_or_an_art_34_3_exemption() -> None:
    high = dataclasses.replace(
        BREACH,
        risk=BreachRisk.HIGH,
        authority_notifications=(AuthorityNotification(AWARE + dt.timedelta(hours=30)),),
    )
    (finding,) = list(rules.check_breach_communication(snapshot(high)))
    assert "Art. 34(1)" in finding.problem
    exempt = dataclasses.replace(high, art34_exemption=Art34Exemption.UNINTELLIGIBLE)
    informed = dataclasses.replace(high, persons_informed_at=AWARE + dt.timedelta(days=1))
    assert findings(snapshot(exempt)) == []
    assert findings(snapshot(informed)) == []


def test_a_processor_breach_goes_to_the_controllers_of_the_affected_treatments() -> None:
    processor = dataclasses.replace(BREACH, role=Role.PROCESSOR, treatment_ids=(10,))
    (finding,) = list(rules.check_processor_breaches(snapshot(processor)))
    assert finding.rule_id == "breach-not-passed-to-controllers"
    assert "Clinique du Parc, Cabinet Martin" in finding.problem
    assert "Art. 33(2)" in finding.problem
    one_told = dataclasses.replace(
        processor, controller_notices=(ControllerNotice(2, AWARE), ControllerNotice(3))
    )
    (finding,) = list(rules.check_processor_breaches(snapshot(one_told)))
    assert "Cabinet Martin" in finding.problem
    assert "Clinique" not in finding.problem
    both = dataclasses.replace(
        processor, controller_notices=(ControllerNotice(2, AWARE), ControllerNotice(3, AWARE))
    )
    assert findings(snapshot(both)) == []
    # as processor the CNIL is the controllers' business: no 72-hour finding of ours
    unlinked = dataclasses.replace(processor, treatment_ids=())
    assert findings(snapshot(unlinked)) == [("breach-not-passed-to-controllers", "warning")]


REQUEST = DataSubjectRequest(1, dt.date(2026, 1, 31), requester="Jeanne Patient", id=7)


def test_a_request_past_its_deadline_is_an_error_with_its_computation() -> None:
    on_time = snapshot(REQUEST, today=dt.date(2026, 3, 2))
    assert findings(on_time) == []
    (item,) = collect_deadlines(on_time, 30)
    assert (item.kind, item.date) == (DeadlineKind.REQUEST_ANSWER, dt.date(2026, 3, 2))
    (finding,) = list(rules.check_requests(snapshot(REQUEST, today=dt.date(2026, 3, 3))))
    assert finding.rule_id == "request-overdue"
    assert "Art. 12(3)" in finding.problem
    assert "computed" in finding.problem
    closed = dataclasses.replace(REQUEST, closed_on=dt.date(2026, 2, 27))
    assert findings(snapshot(closed, today=dt.date(2026, 3, 3))) == []


def test_an_extension_needs_notice_to_the_person_within_the_first_month() -> None:
    extended = dataclasses.replace(REQUEST, extension_months=2, extension_reason="Complex")
    assert findings(snapshot(extended, today=dt.date(2026, 2, 20))) == [
        ("request-extension-not-notified", "warning")
    ]
    assert findings(snapshot(extended, today=dt.date(2026, 3, 3))) == [
        ("request-extension-not-notified", "error")
    ]
    told = dataclasses.replace(extended, extension_notified_on=dt.date(2026, 2, 25))
    assert findings(snapshot(told, today=dt.date(2026, 3, 3))) == []
    kinds = [i.kind for i in collect_deadlines(snapshot(extended, today=dt.date(2026, 2, 1)), 90)]
    assert kinds == [DeadlineKind.REQUEST_EXTENSION_NOTICE, DeadlineKind.REQUEST_ANSWER]
