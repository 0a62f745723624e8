from __future__ import annotations

import dataclasses
import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from workbench.domain import DataCategory, DataSensitivity, Organisation, Subprocessor, Treatment
from workbench.domain.breaches import AuthorityNotification, Breach, ControllerNotice
from workbench.domain.enums import BreachNature, BreachRisk, EntityKind, NotificationPhase, Role
from workbench.domain.errors import ValidationError
from workbench.services import Register

PARIS = ZoneInfo("Europe/Paris")


def paris(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, tzinfo=PARIS)


def a_breach(org_id: int, **changes: object) -> Breach:
    base = Breach(
        organisation_id=org_id,
        title="Lost laptop with consultation notes",
        occurred_at=paris(2026, 3, 26, 18, 0),
        discovered_at=paris(2026, 3, 27, 9, 30),
        aware_at=paris(2026, 3, 27, 10, 0),
        natures=(BreachNature.CONFIDENTIALITY,),
        data_categories=(DataCategory("Consultation notes", DataSensitivity.HEALTH, "Patients"),),
        subjects_count=120,
        risk=BreachRisk.HIGH,
        authority_notifications=(
            AuthorityNotification(
                paris(2026, 3, 28, 16, 0), "CNIL-2026-0042", NotificationPhase.INITIAL
            ),
        ),
    )
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


def test_a_breach_reads_back_as_the_same_instants_in_utc_and_the_journal_agrees(
    register: Register, own_org: Organisation
) -> None:
    assert own_org.id is not None
    changes = register.breaches.create(a_breach(own_org.id))
    stored = register.breaches.get(changes.ids[0])
    assert stored.aware_at == paris(2026, 3, 27, 10, 0)
    assert stored.aware_at is not None
    assert stored.aware_at.utcoffset() == dt.timedelta(0)
    assert stored.authority_notifications[0].at == paris(2026, 3, 28, 16, 0)
    assert stored.involves_health_data
    (entry,) = register.journal.history(EntityKind.BREACH, stored.id or 0)
    assert entry.after is not None
    assert entry.after["aware_at"] == "2026-03-27T09:00:00+00:00"  # 10:00 CET, UTC+1


def test_editing_a_breach_is_journaled_and_undone(
    register: Register, own_org: Organisation
) -> None:
    assert own_org.id is not None
    bid = register.breaches.create(a_breach(own_org.id)).ids[0]
    first = register.breaches.get(bid)
    register.breaches.update(
        dataclasses.replace(first, measures_taken="Remote wipe", aware_at=paris(2026, 3, 27, 11))
    )
    assert register.breaches.get(bid).measures_taken == "Remote wipe"
    register.journal.undo()
    back = register.breaches.get(bid)
    assert back.measures_taken == ""
    assert back.aware_at == paris(2026, 3, 27, 10, 0)


def test_deleting_a_linked_treatment_unlinks_the_breach_and_undo_links_it_again(
    register: Register, own_org: Organisation
) -> None:
    assert own_org.id is not None
    tid = register.treatments.create(Treatment(organisation_id=own_org.id, name="Dossier")).ids[0]
    sid = register.subprocessors.create(Subprocessor(organisation_id=own_org.id, name="OVH")).ids[0]
    bid = register.breaches.create(
        a_breach(own_org.id, treatment_ids=(tid,), subprocessor_ids=(sid,))
    ).ids[0]
    register.treatments.delete(tid)
    register.subprocessors.delete(sid)
    assert register.breaches.get(bid).treatment_ids == ()
    assert register.breaches.get(bid).subprocessor_ids == ()
    register.journal.undo()
    register.journal.undo()
    assert register.breaches.get(bid).treatment_ids == (tid,)
    assert register.breaches.get(bid).subprocessor_ids == (sid,)


def test_an_organisation_with_a_breach_on_record_is_not_deleted(
    register: Register, own_org: Organisation
) -> None:
    assert own_org.id is not None
    register.breaches.create(a_breach(own_org.id))
    with pytest.raises(ValidationError, match="breaches or data-subject requests"):
        register.organisations.delete(own_org.id)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"title": " "}, "title"),
        ({"organisation_id": 999}, "organisation_id"),
        ({"aware_at": dt.datetime(2026, 3, 27, 10, 0)}, "aware_at"),
        ({"aware_at": paris(2026, 3, 27, 9, 0)}, "aware_at"),  # before discovery
        ({"discovered_at": paris(2026, 3, 25, 9, 0)}, "discovered_at"),  # before it happened
        (
            {"authority_notifications": (AuthorityNotification(paris(2026, 3, 27, 8, 0)),)},
            "authority_notifications",
        ),
        ({"subjects_count": -1}, "subjects_count"),
        ({"treatment_ids": (77,)}, "treatment_ids"),
        ({"controller_notices": (ControllerNotice(1),)}, "controller_notices"),  # as controller
    ],
)
def test_invalid_breaches_are_refused_naming_the_field(
    register: Register, own_org: Organisation, changes: dict[str, object], field: str
) -> None:
    assert own_org.id is not None
    with pytest.raises(ValidationError) as caught:
        register.breaches.create(a_breach(own_org.id, **changes))
    assert field in caught.value.problems
    assert register.breaches.list() == []


def test_a_processor_breach_lists_the_controllers_it_was_passed_to(
    register: Register, own_org: Organisation
) -> None:
    assert own_org.id is not None
    client = register.organisations.create(Organisation(name="Cabinet Dr Martin")).ids[0]
    bid = register.breaches.create(
        a_breach(
            own_org.id,
            role=Role.PROCESSOR,
            controller_notices=(ControllerNotice(client, paris(2026, 3, 27, 12, 0), "email"),),
        )
    ).ids[0]
    assert register.breaches.get(bid).controller_notices[0].controller_id == client


def test_the_compliance_service_reads_breaches_and_requests_from_the_register(
    register: Register, own_org: Organisation
) -> None:
    from workbench.compliance.deadlines import DeadlineKind
    from workbench.domain.subject_requests import DataSubjectRequest
    from workbench.services.compliance_service import ComplianceService

    assert own_org.id is not None
    register.breaches.create(a_breach(own_org.id, authority_notifications=()))
    register.requests.create(DataSubjectRequest(own_org.id, dt.date(2026, 3, 2)))
    compliance = ComplianceService(register)
    findings = compliance.check(now=paris(2026, 3, 31, 9, 0))
    rules = {f.rule_id for f in findings}
    assert {"breach-not-notified", "breach-persons-not-informed"} <= rules
    kinds = {i.kind for i in compliance.deadlines(now=paris(2026, 3, 27, 12, 0), within_days=60)}
    assert kinds == {DeadlineKind.BREACH_NOTIFICATION, DeadlineKind.REQUEST_ANSWER}


def test_a_breach_links_only_its_own_organisations_treatments_and_subprocessors(
    register: Register, own_org: Organisation
) -> None:
    assert own_org.id is not None
    other = register.organisations.create(Organisation("Autre organisme")).ids[0]
    theirs = register.treatments.create(Treatment(organisation_id=other, name="Paie")).ids[0]
    their_host = register.subprocessors.create(Subprocessor(organisation_id=other, name="X")).ids[0]
    with pytest.raises(ValidationError) as caught:
        register.breaches.create(
            a_breach(own_org.id, treatment_ids=(theirs,), subprocessor_ids=(their_host,))
        )
    assert "another organisation" in caught.value.problems["treatment_ids"]
    assert "another organisation" in caught.value.problems["subprocessor_ids"]
