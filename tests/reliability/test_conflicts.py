"""Two DPOs on one register (SQLite file, or PostgreSQL when WORKBENCH_TEST_PG_URL is set).

Optimistic locking: the second of two writers who read the same version gets a ConflictError
naming the record, whether the service sees it (version check) or the database does
(SQLAlchemy's StaleDataError). Concurrent writers keep the journal one linear hash chain.
"""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Iterator

import pytest
from sqlalchemy import text

from workbench.domain import Organisation, OrganisationKind
from workbench.domain.errors import ConflictError
from workbench.services import Register, open_register
from workbench.storage.models import OrganisationModel

WRITERS = 4
WRITES_EACH = 8


@pytest.fixture
def colleague(register: Register) -> Iterator[Register]:
    """A second DPO Workbench on the same register (its own engine and connections)."""
    other = open_register(register.url, author="colleague")
    yield other
    other.close()


def test_the_second_of_two_editors_gets_a_conflict(
    register: Register, colleague: Register, own_org: Organisation
) -> None:
    assert own_org.id is not None
    mine = register.organisations.get(own_org.id)
    theirs = colleague.organisations.get(own_org.id)
    colleague.organisations.update(dataclasses.replace(theirs, notes="their change"))
    with pytest.raises(ConflictError) as conflict:
        register.organisations.update(dataclasses.replace(mine, notes="my change"))
    assert conflict.value.kind == "organisation"
    assert conflict.value.entity_id == own_org.id
    assert (conflict.value.expected, conflict.value.actual) == (mine.version, mine.version + 1)
    assert register.organisations.get(own_org.id).notes == "their change"  # not overwritten
    assert register.journal.verify().ok


def test_a_stale_write_caught_by_the_database_names_the_record(
    register: Register, own_org: Organisation
) -> None:
    assert own_org.id is not None
    with pytest.raises(ConflictError) as conflict:
        _write_after_someone_else(register, own_org.id)
    assert conflict.value.kind == "organisation"
    assert conflict.value.entity_id == own_org.id
    assert conflict.value.actual == own_org.version  # rolled back: the other write is gone too
    assert f"organisation {own_org.id}" in str(conflict.value)
    assert register.organisations.get(own_org.id).notes == ""


def _write_after_someone_else(register: Register, org_id: int) -> None:
    with register.context.write("stale") as uow:
        model = uow.session.get(OrganisationModel, org_id)
        assert model is not None
        # Somebody else's committed update, between our read and our write:
        uow.session.execute(
            text("UPDATE organisation SET version = version + 1 WHERE id = :id"), {"id": org_id}
        )
        model.notes = "lost update?"
        uow.session.flush()


def test_concurrent_writers_keep_one_linear_journal(register: Register) -> None:
    registers = [open_register(register.url, author=f"dpo{n}") for n in range(WRITERS)]
    failures: list[BaseException] = []
    start = threading.Barrier(WRITERS)

    def write(reg: Register, n: int) -> None:
        try:
            start.wait()
            for i in range(WRITES_EACH):
                reg.organisations.create(
                    Organisation(name=f"Org {n}-{i}", kind=OrganisationKind.OTHER)
                )
        except BaseException as exc:  # reported below, with the others
            failures.append(exc)

    threads = [threading.Thread(target=write, args=(r, n)) for n, r in enumerate(registers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    for reg in registers:
        reg.close()
    assert failures == []
    report = register.journal.verify()
    assert report.ok, report.problem
    assert report.entries == WRITERS * WRITES_EACH
    operations = sorted(register.journal.operations(limit=1000), key=lambda op: op.seq)
    assert [op.seq for op in operations] == list(range(1, WRITERS * WRITES_EACH + 1))
    # Each writer's time is taken once it holds the register, so times follow the order
    # ("as of" between two writers must not show the later one as done).
    times = [op.at for op in operations]
    assert times == sorted(times)
