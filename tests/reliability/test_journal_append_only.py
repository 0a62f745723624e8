"""The app never edits or removes a journal entry: every write only appends to it."""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from sqlalchemy import event

from workbench.domain import Organisation, OrganisationKind, Subprocessor, Treatment
from workbench.services import Register

EDITS_JOURNAL = re.compile(r"^\s*(UPDATE\s+journal_entry|DELETE\s+FROM\s+journal_entry)", re.I)


def test_no_service_operation_updates_or_deletes_journal_entries(register: Register) -> None:
    statements: list[str] = []

    def spy(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        statements.append(statement)

    event.listen(register.engine, "before_cursor_execute", spy)
    try:
        org_id = register.organisations.create(
            Organisation(name="Podalire", kind=OrganisationKind.OWN)
        ).ids[0]
        sub_id = register.subprocessors.create(
            Subprocessor(organisation_id=org_id, name="OVH")
        ).ids[0]
        treatment_id = register.treatments.create(
            Treatment(organisation_id=org_id, name="Gestion de compte", subprocessor_ids=(sub_id,))
        ).ids[0]
        treatment = register.treatments.get(treatment_id)
        register.treatments.update(dataclasses.replace(treatment, purpose="Comptes"))
        register.journal.undo()
        register.journal.redo()
        register.subprocessors.delete(sub_id)
        register.journal.undo()
        register.treatments.delete(treatment_id)
    finally:
        event.remove(register.engine, "before_cursor_execute", spy)
    assert any("journal_entry" in s for s in statements)  # the spy saw the journal writes
    assert [s for s in statements if EDITS_JOURNAL.match(s)] == []
    report = register.journal.verify()
    assert report.ok
    assert report.entries >= 7
