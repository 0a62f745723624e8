from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3
from typing import Any

import pytest

from workbench.domain import ChangeAction, EntityKind, Organisation, Subprocessor, Treatment
from workbench.domain.errors import ConflictError, NothingToUndoError
from workbench.services import Register
from workbench.services._journal import EntryHasher, entry_digest, hashed_fields
from workbench.services.journal_service import changed_fields


def _treatment(register: Register, org: Organisation, name: str = "Gestion de compte") -> int:
    assert org.id is not None
    return register.treatments.create(Treatment(organisation_id=org.id, name=name)).ids[0]


def test_history_shows_before_and_after_of_an_update(
    register: Register, own_org: Organisation
) -> None:
    tid = _treatment(register, own_org)
    treatment = register.treatments.get(tid)
    register.treatments.update(dataclasses.replace(treatment, purpose="Créer le compte"))
    history = register.journal.history(EntityKind.TREATMENT, tid)
    assert [e.action for e in history] == [ChangeAction.CREATE, ChangeAction.UPDATE]
    update = history[1]
    assert update.before is not None
    assert update.after is not None
    assert (update.before["purpose"], update.after["purpose"]) == ("", "Créer le compte")
    assert update.author == "test-dpo"


def test_an_update_that_changes_nothing_writes_no_entry(
    register: Register, own_org: Organisation
) -> None:
    tid = _treatment(register, own_org)
    register.treatments.update(register.treatments.get(tid))
    assert len(register.journal.history(EntityKind.TREATMENT, tid)) == 1


def test_as_of_reads_the_register_at_a_past_moment(
    register: Register, own_org: Organisation
) -> None:
    tid = _treatment(register, own_org, "Ancien nom")
    between = dt.datetime.now(dt.UTC)
    register.treatments.update(
        dataclasses.replace(register.treatments.get(tid), name="Nouveau nom")
    )
    second = _treatment(register, own_org, "Créé après")
    register.treatments.delete(tid)

    then = register.journal.as_of(EntityKind.TREATMENT, between)
    now = register.journal.as_of(EntityKind.TREATMENT, dt.datetime.now(dt.UTC))
    assert [t.name for t in then] == ["Ancien nom"]
    assert [t.id for t in now] == [second]
    before_anything = register.journal.as_of(EntityKind.TREATMENT, between - dt.timedelta(days=1))
    assert before_anything == []


def test_undo_and_redo_of_an_edit(register: Register, own_org: Organisation) -> None:
    tid = _treatment(register, own_org)
    register.treatments.update(dataclasses.replace(register.treatments.get(tid), name="Renamed"))
    register.journal.undo()
    assert register.treatments.get(tid).name == "Gestion de compte"
    redo = register.journal.can_redo()
    assert redo is not None
    assert redo.kind == "undo"
    register.journal.redo()
    assert register.treatments.get(tid).name == "Renamed"
    assert register.journal.can_redo() is None


def test_undoing_a_delete_restores_the_links_it_removed(
    register: Register, own_org: Organisation
) -> None:
    assert own_org.id is not None
    sid = register.subprocessors.create(
        Subprocessor(organisation_id=own_org.id, name="Stripe")
    ).ids[0]
    tid = register.treatments.create(
        Treatment(organisation_id=own_org.id, name="Paiement", subprocessor_ids=(sid,))
    ).ids[0]
    register.subprocessors.delete(sid)
    assert register.treatments.get(tid).subprocessor_ids == ()
    register.journal.undo()
    assert register.subprocessors.get(sid).name == "Stripe"
    assert register.treatments.get(tid).subprocessor_ids == (sid,)


def test_a_new_edit_after_undo_clears_redo(register: Register, own_org: Organisation) -> None:
    tid = _treatment(register, own_org)
    register.treatments.update(dataclasses.replace(register.treatments.get(tid), name="A"))
    register.journal.undo()
    register.treatments.update(dataclasses.replace(register.treatments.get(tid), name="B"))
    assert register.journal.can_redo() is None
    with pytest.raises(NothingToUndoError):
        register.journal.redo()


def test_undoing_an_older_operation_refuses_when_its_records_changed_since(
    register: Register, own_org: Organisation
) -> None:
    tid = _treatment(register, own_org)
    register.treatments.update(dataclasses.replace(register.treatments.get(tid), name="First"))
    first_edit = register.journal.operations(limit=1)[0]
    register.treatments.update(dataclasses.replace(register.treatments.get(tid), name="Second"))
    with pytest.raises(ConflictError):
        register.journal.undo(first_edit.id)
    assert register.treatments.get(tid).name == "Second"


def test_the_undo_redo_state_agrees_with_can_undo_and_can_redo_at_each_step(
    register: Register, own_org: Organisation
) -> None:
    def state() -> tuple[object, object]:
        return register.journal.can_undo(), register.journal.can_redo()

    tid = _treatment(register, own_org)
    created = register.journal.undo_redo_state()
    assert created == state()
    assert created[0] is not None
    assert created[1] is None
    register.treatments.update(dataclasses.replace(register.treatments.get(tid), name="A"))
    register.journal.undo()
    undone = register.journal.undo_redo_state()
    assert undone == state()
    assert undone[1] is not None
    assert undone[1].kind == "undo"
    register.journal.redo()
    assert register.journal.undo_redo_state() == state()
    register.journal.undo()
    register.treatments.update(dataclasses.replace(register.treatments.get(tid), name="B"))
    after_new_edit = register.journal.undo_redo_state()
    assert after_new_edit == state()
    assert after_new_edit[1] is None
    assert register.journal.latest_entry_id() == register.journal.entries(limit=1)[0].id


def test_nothing_to_undo_on_an_empty_register(register: Register) -> None:
    assert register.journal.undo_redo_state() == (None, None)
    assert register.journal.latest_entry_id() == 0
    with pytest.raises(NothingToUndoError):
        register.journal.undo()


@pytest.mark.sqlite_only
def test_the_hash_chain_detects_an_edit_made_outside_the_app(
    register: Register, own_org: Organisation
) -> None:
    _treatment(register, own_org)
    _treatment(register, own_org, "Autre")
    assert register.journal.verify().ok
    assert register.path is not None
    with sqlite3.connect(register.path) as raw:
        raw.execute("UPDATE journal_entry SET author = 'someone else' WHERE id = 2")
    report = register.journal.verify()
    assert not report.ok
    assert report.first_bad_entry == 2


def test_undoing_the_delete_of_a_controller_restores_the_treatments_it_was_linked_to(
    register: Register, own_org: Organisation
) -> None:
    from workbench.domain import OrganisationKind, Role

    assert own_org.id is not None
    client = register.organisations.create(
        Organisation(name="Praticiens", kind=OrganisationKind.CLIENT_CONTROLLER)
    ).ids[0]
    tid = register.treatments.create(
        Treatment(
            organisation_id=own_org.id,
            name="Téléconsultation",
            role=Role.PROCESSOR,
            controller_ids=(client,),
        )
    ).ids[0]
    register.organisations.delete(client)
    assert register.treatments.get(tid).controller_ids == ()
    unlinked = register.journal.history(EntityKind.TREATMENT, tid)[-1]
    assert unlinked.before is not None
    assert unlinked.after is not None
    assert (unlinked.before["controller_ids"], unlinked.after["controller_ids"]) == ([client], [])
    register.journal.undo()
    assert register.organisations.get(client).name == "Praticiens"
    assert register.treatments.get(tid).controller_ids == (client,)


@pytest.mark.parametrize(
    ("before", "after"),
    [
        (None, {"name": "Téléconsultation", "data_categories": [{"name": "NIR", "health": True}]}),
        ({"name": "a", "notes": 'guillemets " et \\ barre'}, None),
        ({"id": 3, "tags": []}, {"id": 3, "tags": ["é", 1.5, None, True]}),
    ],
)
def test_bulk_entry_hasher_hashes_the_same_text_as_entry_digest(
    before: dict[str, Any] | None, after: dict[str, Any] | None
) -> None:
    """The bulk import journals through EntryHasher; `verify` checks with entry_digest."""
    at = dt.datetime(2026, 11, 23, 15, 4, 5, 123456, tzinfo=dt.UTC)
    hasher = EntryHasher(at, "Dr Émilie Martin", "op-1", "treatment", "create")
    fields = hashed_fields(at, "Dr Émilie Martin", "op-1", "treatment", 42, "create", before, after)
    assert hasher.digest("f" * 64, 42, before, after) == entry_digest("f" * 64, fields)


def test_bulk_entry_hasher_covers_the_label_and_operation_as_entry_digest_does() -> None:
    """Hash version 2 (issue 16): the label and the operation's row are in the hash."""
    from workbench.services._journal import operation_fields

    at = dt.datetime(2026, 12, 1, 22, 0, tzinfo=dt.UTC)
    op = operation_fields("op-1", 7, at, "Dr Émilie Martin", "Import de « a.xlsx »", "import", None)
    after = {"name": "OVH", "locations": ["FR"]}
    hasher = EntryHasher(at, "Dr Émilie Martin", "op-1", "subprocessor", "create", op["label"], op)
    fields = hashed_fields(
        at, "Dr Émilie Martin", "op-1", "subprocessor", 9, "create", None, after, op["label"], op
    )
    assert hasher.digest("e" * 64, 9, None, after) == entry_digest("e" * 64, fields)
    forged = hashed_fields(
        at, "Dr Émilie Martin", "op-1", "subprocessor", 9, "create", None, after, "x", op
    )
    assert entry_digest("e" * 64, forged) != entry_digest("e" * 64, fields)


def test_an_operation_summary_counts_its_records_by_kind_and_action(
    register: Register, own_org: Organisation
) -> None:
    register.subprocessors.create_many(
        [Subprocessor(own_org.id or 0, name) for name in ("OVH", "Mailjet", "Zendesk")]
    )
    last = register.journal.can_undo()
    assert last is not None
    assert register.journal.operation_summary(last.id) == {
        (EntityKind.SUBPROCESSOR, ChangeAction.CREATE): 3
    }


def test_changed_fields_names_what_an_update_changed_and_each_field_of_a_deletion_once(
    register: Register, own_org: Organisation
) -> None:
    tid = _treatment(register, own_org)
    treatment = register.treatments.get(tid)
    register.treatments.update(
        dataclasses.replace(treatment, purpose="Créer le compte", name="Comptes")
    )
    register.treatments.delete(tid)
    created, updated, deleted = register.journal.history(EntityKind.TREATMENT, tid)
    assert set(changed_fields(updated)) == {"name", "purpose"}  # not "version"
    assert "name" in changed_fields(created)
    assert "version" not in changed_fields(created)
    removed = changed_fields(deleted)
    assert len(removed) == len(set(removed))
    assert "purpose" in removed
    assert "version" not in removed
