from __future__ import annotations

import dataclasses

import pytest

from workbench.domain import (
    Certification,
    CertificationKind,
    Location,
    Organisation,
    OrganisationKind,
    Role,
    Subprocessor,
    Treatment,
)
from workbench.domain.errors import ConflictError, NotFoundError, ValidationError
from workbench.services import Register, open_register


def test_created_records_come_back_equal_with_id_and_version(
    register: Register, own_org: Organisation
) -> None:
    assert own_org.id is not None
    changes = register.subprocessors.create(
        Subprocessor(organisation_id=own_org.id, name="Twilio", locations=(Location("US"),))
    )
    stored = register.subprocessors.get(changes.ids[0])
    assert stored.name == "Twilio"
    assert stored.locations == (Location("US"),)
    assert stored.version == 1
    assert changes.operation


def test_names_give_each_record_id_its_name_as_the_full_list_does(
    register: Register, own_org: Organisation
) -> None:
    assert own_org.id is not None
    register.subprocessors.create_many(
        [
            Subprocessor(organisation_id=own_org.id, name="Twilio"),
            Subprocessor(organisation_id=own_org.id, name="Stripe"),
        ]
    )
    listed = {s.id: s.name for s in register.subprocessors.list()}
    assert register.subprocessors.names() == listed
    assert sorted(listed.values()) == ["Stripe", "Twilio"]
    assert register.organisations.names() == {own_org.id: own_org.name}


def test_update_bumps_the_version_and_a_stale_copy_is_refused(
    register: Register, own_org: Organisation
) -> None:
    assert own_org.id is not None
    tid = register.treatments.create(Treatment(organisation_id=own_org.id, name="Paiement")).ids[0]
    first_read = register.treatments.get(tid)
    register.treatments.update(dataclasses.replace(first_read, purpose="Encaisser les honoraires"))
    assert register.treatments.get(tid).version == 2
    with pytest.raises(ConflictError) as caught:
        register.treatments.update(dataclasses.replace(first_read, purpose="Écrasé"))
    assert "changed by someone else" in str(caught.value)
    assert register.treatments.get(tid).purpose == "Encaisser les honoraires"


def test_processor_links_to_controllers_and_subprocessors_are_stored(
    register: Register, own_org: Organisation
) -> None:
    assert own_org.id is not None
    client = register.organisations.create(
        Organisation(name="Praticiens", kind=OrganisationKind.CLIENT_CONTROLLER)
    ).ids[0]
    aws = register.subprocessors.create(Subprocessor(organisation_id=own_org.id, name="AWS")).ids[0]
    tid = register.treatments.create(
        Treatment(
            organisation_id=own_org.id,
            name="Téléconsultation",
            role=Role.PROCESSOR,
            controller_ids=(client,),
            subprocessor_ids=(aws,),
        )
    ).ids[0]
    treatment = register.treatments.get(tid)
    assert treatment.controller_ids == (client,)
    assert [t.id for t in register.treatments.using_subprocessor(aws)] == [tid]
    rows = register.treatments.rows()
    assert rows[0].subprocessor_count == 1
    assert rows[0].organisation == "Podalire"


@pytest.mark.parametrize(
    ("record", "field"),
    [
        (Treatment(organisation_id=1, name="  "), "name"),
        (Treatment(organisation_id=999, name="Orphan"), "organisation_id"),
        (Treatment(organisation_id=1, name="X", controller_ids=(1,)), "controller_ids"),
        (Treatment(organisation_id=1, name="X", subprocessor_ids=(42,)), "subprocessor_ids"),
    ],
)
def test_invalid_treatments_are_refused_with_the_field_named(
    register: Register, own_org: Organisation, record: Treatment, field: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        register.treatments.create(record)
    assert field in caught.value.problems
    assert register.treatments.list() == []


def test_a_country_must_be_an_iso_code(register: Register, own_org: Organisation) -> None:
    assert own_org.id is not None
    with pytest.raises(ValidationError) as caught:
        register.subprocessors.create(
            Subprocessor(
                organisation_id=own_org.id, name="Cloudflare", locations=(Location("USA"),)
            )
        )
    assert "ISO 3166-1" in caught.value.problems["locations"]


def test_certificate_rules(register: Register, own_org: Organisation) -> None:
    with pytest.raises(ValidationError) as caught:
        register.certifications.create(
            Certification(
                kind=CertificationKind.HDS, organisation_id=own_org.id, hds_activities=(7,)
            )
        )
    assert "hds_activities" in caught.value.problems
    with pytest.raises(ValidationError) as caught:
        register.certifications.create(Certification(kind=CertificationKind.ISO27001))
    assert "holder" in caught.value.problems


def test_one_failing_record_in_a_batch_writes_nothing(
    register: Register, own_org: Organisation
) -> None:
    assert own_org.id is not None
    with pytest.raises(ValidationError):
        register.subprocessors.create_many(
            [
                Subprocessor(organisation_id=own_org.id, name="Sentry"),
                Subprocessor(organisation_id=own_org.id, name=""),
            ]
        )
    assert register.subprocessors.list() == []
    assert len(register.journal.entries()) == 1  # only the organisation's creation


def test_missing_records_raise_not_found(register: Register) -> None:
    with pytest.raises(NotFoundError):
        register.treatments.get(404)
    with pytest.raises(NotFoundError):
        register.subprocessors.delete(404)


def test_organisation_with_treatments_cannot_be_deleted(
    register: Register, own_org: Organisation
) -> None:
    assert own_org.id is not None
    register.treatments.create(Treatment(organisation_id=own_org.id, name="Paie"))
    with pytest.raises(ValidationError):
        register.organisations.delete(own_org.id)
    assert register.organisations.get(own_org.id).name == "Podalire"


def test_data_persists_across_reopening(tmp_path: object) -> None:
    from pathlib import Path

    path = Path(str(tmp_path)) / "persist.sqlite"
    first = open_register(path)
    first.organisations.create(Organisation(name="Podalire Communauté"))
    first.close()
    second = open_register(path)
    assert [o.name for o in second.organisations.list()] == ["Podalire Communauté"]
    second.close()


def test_reading_never_waits_for_a_writer(register: Register, own_org: Organisation) -> None:
    """The read completes while the writer still holds its transaction open: no clock, only
    the order of events (a read queued behind the writer could only end after its release, or
    fail on the busy timeout)."""
    import threading

    writing = threading.Event()
    release = threading.Event()
    read_done = threading.Event()
    names: list[str] = []

    def slow_write() -> None:
        with register.context.write("slow write"):
            writing.set()
            release.wait(60)

    def read() -> None:
        names.extend(o.name for o in register.organisations.list())
        read_done.set()

    writer = threading.Thread(target=slow_write)
    reader = threading.Thread(target=read)
    writer.start()
    try:
        assert writing.wait(30)
        reader.start()
        assert read_done.wait(30)  # ...before the writer was let go
        assert writer.is_alive()
        assert not release.is_set()
    finally:
        release.set()
        writer.join()
        if reader.is_alive() or read_done.is_set():
            reader.join()
    assert names == ["Podalire"]
