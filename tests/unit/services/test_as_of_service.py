from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import pytest

from workbench.domain import EntityKind, Organisation, Subprocessor, Treatment, codec
from workbench.domain.enums import OrganisationKind
from workbench.domain.errors import NotFoundError
from workbench.services import Register
from workbench.services.as_of_service import AsOfRegister, MomentOutOfRangeError

KINDS = (EntityKind.ORGANISATION, EntityKind.TREATMENT, EntityKind.SUBPROCESSOR)


def _state(reader: Any) -> dict[EntityKind, list[tuple[int, dict[str, Any]]]]:
    """Every record of the kinds the as-of view shows, in list order, in its full stored form."""
    return {
        kind: [(r.id, codec.to_dict(r)) for r in reader.service_for(kind).list()] for kind in KINDS
    }


def test_each_moment_gives_back_what_the_register_held_then(
    register: Register, own_org: Organisation
) -> None:
    """Creations, edits, a delete that unlinks, its undo, a plain delete and a new client: after
    each step, the register as it is then; later, the register as of each step's moment."""
    assert own_org.id is not None
    seen: list[
        tuple[dt.datetime, dict[EntityKind, list[tuple[int, dict[str, Any]]]], list[Any]]
    ] = []

    def remember() -> None:
        seen.append((dt.datetime.now(dt.UTC), _state(register), register.treatments.rows()))

    remember()
    sub = register.subprocessors.create(Subprocessor(organisation_id=own_org.id, name="OVH"))
    sub_id = sub.ids[0]
    first = register.treatments.create(
        Treatment(organisation_id=own_org.id, name="Comptes", subprocessor_ids=(sub_id,))
    ).ids[0]
    second = register.treatments.create(Treatment(organisation_id=own_org.id, name="Paie")).ids[0]
    remember()
    register.treatments.update(
        dataclasses.replace(register.treatments.get(first), name="Comptes patients", purpose="x")
    )
    remember()
    register.subprocessors.delete(sub_id)  # also drops it from "Comptes patients"
    remember()
    register.journal.undo()  # and brings it back, linked again
    remember()
    register.treatments.delete(second)
    register.organisations.create(
        Organisation(name="Clinique", kind=OrganisationKind.CLIENT_CONTROLLER)
    )
    remember()

    assert [len(state[EntityKind.TREATMENT]) for _, state, _ in seen] == [0, 2, 2, 2, 2, 1]
    assert dict(seen[3][1][EntityKind.TREATMENT])[first]["subprocessor_ids"] == []
    for moment, state, rows in seen:
        past = AsOfRegister(register, moment)
        assert _state(past) == state
        assert past.treatments.rows() == rows


def test_one_record_as_of_a_moment_and_one_that_did_not_exist_yet(
    register: Register, own_org: Organisation
) -> None:
    assert own_org.id is not None
    tid = register.treatments.create(Treatment(organisation_id=own_org.id, name="Avant")).ids[0]
    between = dt.datetime.now(dt.UTC)
    later = register.treatments.create(Treatment(organisation_id=own_org.id, name="Après")).ids[0]
    register.treatments.update(dataclasses.replace(register.treatments.get(tid), name="Renommé"))

    past = AsOfRegister(register, between)
    assert past.treatments.get(tid).name == "Avant"
    with pytest.raises(NotFoundError):
        past.treatments.get(later)
    assert [o.name for o in past.organisations.own()] == ["Podalire"]
    assert past.organisations.find_by_name("podalire") is not None
    assert past.attachments.of(EntityKind.TREATMENT, tid) == []
    assert past.certifications.of_organisation(own_org.id) == []


def test_a_moment_before_the_register_or_in_the_future_is_refused(
    register: Register, own_org: Organisation
) -> None:
    began = register.journal.began_at()
    assert began is not None
    with pytest.raises(MomentOutOfRangeError, match="before the register existed"):
        AsOfRegister(register, began - dt.timedelta(seconds=1))
    with pytest.raises(MomentOutOfRangeError, match="in the future"):
        AsOfRegister(register, dt.datetime.now(dt.UTC) + dt.timedelta(minutes=5))
    assert AsOfRegister(register, began).organisations.list()[0].name == "Podalire"


def test_a_register_without_any_change_has_no_past_to_show(register: Register) -> None:
    with pytest.raises(MomentOutOfRangeError, match="no recorded change"):
        AsOfRegister(register, dt.datetime.now(dt.UTC))
