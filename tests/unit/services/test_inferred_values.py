"""Stated vs inferred values and the Art. 30 actors, through the services (SQLite, PostgreSQL)."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from workbench.domain import inference
from workbench.domain.enums import (
    DpiaStatus,
    EntityKind,
    InferenceOrigin,
    OrganisationKind,
    RecipientKind,
    TransferMechanism,
)
from workbench.domain.errors import ValidationError
from workbench.domain.records import (
    Dpia,
    Location,
    Organisation,
    Recipient,
    SecurityPolicy,
    Subprocessor,
    Treatment,
    Unconfirmed,
)
from workbench.services import Register

READ_DPF = Unconfirmed(
    "transfer_mechanism", InferenceOrigin.READ_FROM_TEXT, "CCT + DPF", "Garanties", 7
)
READ_US = Unconfirmed("locations", InferenceOrigin.READ_FROM_TEXT, "USA (Oregon)", "Pays", 7)


def _vendor(register: Register, own_org: Organisation) -> Subprocessor:
    assert own_org.id is not None
    changes = register.subprocessors.create(
        Subprocessor(
            organisation_id=own_org.id,
            name="Cloud US",
            locations=(Location("US"),),
            location_text="USA (Oregon)",
            transfer_mechanism=TransferMechanism.ADEQUACY_US_DPF,
            transfer_text="CCT + DPF",
            unconfirmed=(READ_DPF, READ_US),
        )
    )
    return register.subprocessors.get(changes.ids[0])


def test_marks_are_stored_and_read_back_with_their_reason(
    register: Register, own_org: Organisation
) -> None:
    vendor = _vendor(register, own_org)
    assert vendor.unconfirmed == (READ_DPF, READ_US)
    assert inference.is_unconfirmed(vendor, "transfer_mechanism")
    assert inference.is_stated(vendor, "name")
    why = inference.describe(READ_DPF)
    assert "CCT + DPF" in why
    assert "Garanties" in why
    assert "7" in why


def test_confirming_removes_the_mark_keeps_the_value_and_is_journaled(
    register: Register, own_org: Organisation
) -> None:
    vendor = _vendor(register, own_org)
    assert vendor.id is not None
    changes = register.subprocessors.confirm([vendor.id], ["transfer_mechanism"])
    confirmed = register.subprocessors.get(vendor.id)
    assert confirmed.transfer_mechanism is TransferMechanism.ADEQUACY_US_DPF
    assert confirmed.unconfirmed == (READ_US,)
    entry = register.journal.history(EntityKind.SUBPROCESSOR, vendor.id)[-1]
    assert entry.operation == changes.operation
    assert entry.label == "Confirm subprocessor values"
    assert entry.before is not None
    assert entry.after is not None
    assert len(entry.before["unconfirmed"]) == 2
    assert len(entry.after["unconfirmed"]) == 1
    register.journal.undo()
    assert register.subprocessors.get(vendor.id).unconfirmed == (READ_DPF, READ_US)


def test_confirming_every_value_of_several_records_is_one_operation(
    register: Register, own_org: Organisation
) -> None:
    first, second = _vendor(register, own_org), _vendor(register, own_org)
    assert first.id is not None
    assert second.id is not None
    changes = register.subprocessors.confirm([first.id, second.id])
    assert set(changes.ids) == {first.id, second.id}
    assert all(not register.subprocessors.get(i).unconfirmed for i in (first.id, second.id))
    register.journal.undo()  # one undo brings both back
    assert all(register.subprocessors.get(i).unconfirmed for i in (first.id, second.id))


def test_a_person_changing_a_marked_value_states_it(
    register: Register, own_org: Organisation
) -> None:
    vendor = _vendor(register, own_org)
    # a form passes the record's marks as it read them and changes one value
    edited = dataclasses.replace(vendor, transfer_mechanism=TransferMechanism.SCC_EU_2021_914_M3)
    register.subprocessors.update(edited)
    stored = register.subprocessors.get(vendor.id or 0)
    assert stored.transfer_mechanism is TransferMechanism.SCC_EU_2021_914_M3
    assert stored.unconfirmed == (READ_US,)  # the untouched inferred value stays marked


def test_a_writer_setting_its_own_marks_is_taken_at_its_word(
    register: Register, own_org: Organisation
) -> None:
    vendor = _vendor(register, own_org)
    reread = Unconfirmed(
        "transfer_mechanism", InferenceOrigin.READ_FROM_TEXT, "BCR", "Garanties", 8
    )
    register.subprocessors.update(
        dataclasses.replace(
            vendor, transfer_mechanism=TransferMechanism.BCR, unconfirmed=(reread, READ_US)
        )
    )
    assert register.subprocessors.get(vendor.id or 0).unconfirmed == (reread, READ_US)


def test_a_mark_on_a_field_the_record_does_not_have_is_refused(
    register: Register, own_org: Organisation
) -> None:
    assert own_org.id is not None
    with pytest.raises(ValidationError, match=r"retention\.weeks"):
        register.treatments.create(
            Treatment(
                organisation_id=own_org.id,
                name="Téléconsultation",
                unconfirmed=(Unconfirmed("retention.weeks"),),
            )
        )


def test_reimport_keeps_what_a_person_confirmed() -> None:
    stored = Subprocessor(
        organisation_id=1,
        name="Cloud US",
        transfer_mechanism=TransferMechanism.ADEQUACY_US_DPF,
        locations=(Location("US"),),
        unconfirmed=(READ_US,),  # the mechanism was confirmed, the country not yet
    )
    incoming = dataclasses.replace(stored, unconfirmed=(READ_DPF, READ_US))
    kept = inference.keep_confirmations(stored, incoming)
    assert kept.unconfirmed == (READ_US,)
    changed = dataclasses.replace(incoming, transfer_mechanism=TransferMechanism.BCR)
    assert inference.keep_confirmations(stored, changed).unconfirmed == (READ_DPF, READ_US)


def test_organisation_actors_round_trip(register: Register) -> None:
    group = register.organisations.get(
        register.organisations.create(Organisation(name="Groupe Santé", dpo_name="C. Martin")).ids[
            0
        ]
    )
    created = Organisation(
        name="Clinique",
        legal_name="Clinique du Parc SAS",
        registration="RCS Lyon 123 456 789",
        address="1 rue du Parc, 69006 Lyon",
        contact_name="Direction",
        contact_email="direction@clinique.example",
        contact_phone="+33 4 00 00 00 00",
        dpo_organisation_id=group.id,
        representative="Rep EU SARL",
        representative_contact="rep@example.eu",
        security_policy=SecurityPolicy("PSSI", "3.1", dt.date(2026, 1, 15), "DOC-SEC-01"),
    )
    stored = register.organisations.get(register.organisations.create(created).ids[0])
    assert dataclasses.replace(stored, id=None, version=0) == created
    with pytest.raises(ValidationError, match="group DPO"):
        register.organisations.update(dataclasses.replace(stored, dpo_organisation_id=stored.id))


def test_deleting_the_group_organisation_unlinks_its_dpo_and_undo_relinks(
    register: Register,
) -> None:
    group_id = register.organisations.create(Organisation(name="Groupe")).ids[0]
    member_id = register.organisations.create(
        Organisation(name="Filiale", dpo_organisation_id=group_id)
    ).ids[0]
    register.organisations.delete(group_id)
    assert register.organisations.get(member_id).dpo_organisation_id is None
    register.journal.undo()
    assert register.organisations.get(member_id).dpo_organisation_id == group_id


def test_treatment_chain_recipients_and_dpia_round_trip(
    register: Register, own_org: Organisation
) -> None:
    assert own_org.id is not None
    subsidiary_id = register.organisations.create(Organisation(name="Filiale")).ids[0]
    treatment = Treatment(
        organisation_id=subsidiary_id,
        name="Téléconsultation",
        processor_ids=(own_org.id,),
        recipients=(
            Recipient("Service client", RecipientKind.INTERNAL),
            Recipient("CPAM", RecipientKind.AUTHORITY, "remboursements"),
        ),
        dpia=Dpia(DpiaStatus.DONE, done_on=dt.date(2026, 3, 3)),
    )
    stored = register.treatments.get(register.treatments.create(treatment).ids[0])
    assert stored.processor_ids == (own_org.id,)
    assert stored.recipients == treatment.recipients
    assert stored.dpia == treatment.dpia
    client_id = register.organisations.create(
        Organisation(name="Praticiens", kind=OrganisationKind.CLIENT_CATEGORY)
    ).ids[0]
    with pytest.raises(ValidationError, match="processor"):
        register.treatments.update(dataclasses.replace(stored, processor_ids=(client_id,)))
    with pytest.raises(ValidationError, match="processor"):
        register.treatments.update(dataclasses.replace(stored, processor_ids=(subsidiary_id,)))
    assert {o.name for o in register.organisations.controllers()} == {"Praticiens"}
