from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from workbench.domain import Organisation, Treatment
from workbench.domain.enums import DataSubjectRight, EntityKind, IdentityCheck, RequestOutcome
from workbench.domain.errors import ValidationError
from workbench.domain.subject_requests import DataSubjectRequest
from workbench.services import Register


def a_request(org_id: int, **changes: object) -> DataSubjectRequest:
    base = DataSubjectRequest(
        organisation_id=org_id,
        received_on=dt.date(2026, 1, 31),
        requester="Jeanne Patient",
        rights=(DataSubjectRight.ACCESS,),
    )
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


def test_a_request_is_stored_edited_journaled_and_undone(
    register: Register, own_org: Organisation
) -> None:
    assert own_org.id is not None
    tid = register.treatments.create(Treatment(organisation_id=own_org.id, name="Dossier")).ids[0]
    rid = register.requests.create(a_request(own_org.id, treatment_ids=(tid,))).ids[0]
    stored = register.requests.get(rid)
    assert stored.rights == (DataSubjectRight.ACCESS,)
    assert stored.treatment_ids == (tid,)
    register.requests.update(
        dataclasses.replace(stored, outcome=RequestOutcome.GRANTED, closed_on=dt.date(2026, 2, 20))
    )
    assert not register.requests.get(rid).is_open
    assert len(register.journal.history(EntityKind.DATA_SUBJECT_REQUEST, rid)) == 2
    register.journal.undo()
    assert register.requests.get(rid).is_open
    register.treatments.delete(tid)
    assert register.requests.get(rid).treatment_ids == ()


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"extension_months": 3}, "extension_months"),
        ({"identity_requested_on": dt.date(2026, 1, 2)}, "identity_requested_on"),
        ({"identity": IdentityCheck.REQUESTED}, "identity_requested_on"),
        (
            {
                "identity_requested_on": dt.date(2026, 2, 3),
                "identity_received_on": dt.date(2026, 2, 1),
            },
            "identity_received_on",
        ),
        ({"closed_on": dt.date(2026, 2, 10)}, "outcome"),
        ({"outcome": RequestOutcome.REFUSED}, "outcome_reason"),
        ({"treatment_ids": (55,)}, "treatment_ids"),
    ],
)
def test_invalid_requests_are_refused_naming_the_field(
    register: Register, own_org: Organisation, changes: dict[str, object], field: str
) -> None:
    assert own_org.id is not None
    with pytest.raises(ValidationError) as caught:
        register.requests.create(a_request(own_org.id, **changes))
    assert field in caught.value.problems
    assert register.requests.list() == []
