"""What the journal proves: its chain, its head sealed outside it, and the tables it explains.

- `verify_chain`: every entry's hash (version 1 or 2, see _journal.py), the chain of hashes,
  that every entry's operation exists and that operation numbers have no gap. The pass also
  computes the head: how many entries and the last hash, how many operations and a digest of
  their immutable fields (the operations that wrote no entry are covered by this digest only).
- A seal is that head as one short line (`seal_text`). Kept outside the register (printed for
  the DPO, beside every backup), it turns what the chain cannot see into a finding:
  `verify_chain(seal=...)` requires the sealed entries and operations to be the first ones of
  today's journal, so removing the last entries, or all of them, or rewriting the journal and
  its hashes, no longer passes.
- `replay`: rebuilds every record from the journal (the `after` of its last entry) and lists
  each record whose table row differs, or that one side has and the other not.

What it cannot prove: someone who can write the file can rewrite the whole journal and its
hashes consistently (there is no secret key); only a seal taken before, kept elsewhere, shows
that. Changes made after the last seal, undone flags, settings and mapping profiles are not
covered by a seal.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from workbench.domain import codec
from workbench.domain.enums import EntityKind
from workbench.domain.errors import JournalIntegrityError
from workbench.services._crud import CrudService
from workbench.services._journal import (
    GENESIS_HASH,
    HASH_VERSION,
    entry_digest,
    hashed_fields,
    operation_fields,
)
from workbench.storage.models import JournalEntryModel, OperationModel

SEAL_PREFIX = "dpo-seal:1"


@dataclass(frozen=True, slots=True)
class Seal:
    entries: int
    head: str
    operations: int
    operations_digest: str

    def text(self) -> str:
        return ":".join(
            (
                SEAL_PREFIX,
                str(self.entries),
                self.head,
                str(self.operations),
                self.operations_digest,
            )
        )

    @classmethod
    def parse(cls, text: str) -> Seal:
        parts = text.strip().split(":")
        try:
            if ":".join(parts[:2]) != SEAL_PREFIX or len(parts) != 6:
                raise ValueError(text)
            return cls(int(parts[2]), parts[3], int(parts[4]), parts[5])
        except ValueError as exc:
            raise JournalIntegrityError(
                f"'{text.strip()[:80]}' is not a journal seal (it starts with {SEAL_PREFIX}:)."
            ) from exc


@dataclass(frozen=True, slots=True)
class JournalReport:
    entries: int
    first_bad_entry: int | None = None
    problem: str = ""
    head: Seal | None = None  # the journal's head now (set when the chain is intact)
    version1_entries: int = 0  # written before migration 0004: label and operation not covered
    seal_problem: str = ""  # what the journal lacks compared with the seal given

    @property
    def ok(self) -> bool:
        return self.first_bad_entry is None and not self.seal_problem


@dataclass(frozen=True, slots=True)
class Difference:
    kind: EntityKind
    entity_id: int
    problem: str
    fields: tuple[str, ...] = field(default=())


def verify_chain(session: Session, seal: Seal | None = None) -> JournalReport:
    operations, ops_digest, sealed_ops, problem = _operations(session, seal)
    prev, count, version1, sealed_head = GENESIS_HASH, 0, 0, None
    for m in session.execute(select(JournalEntryModel).order_by(JournalEntryModel.id)).scalars():
        count += 1
        bad = _entry_problem(m, prev, operations, version1 < count - 1)
        if bad:
            return JournalReport(count, m.id, bad)
        version1 += m.hash_version == 1
        prev = m.entry_hash
        if seal is not None and count == seal.entries:
            sealed_head = m.entry_hash
    if problem:
        return JournalReport(count, 0, problem)
    head = Seal(count, prev, len(operations), ops_digest)
    return JournalReport(
        count,
        head=head,
        version1_entries=version1,
        seal_problem=_against(seal, head, sealed_head, sealed_ops) if seal else "",
    )


def journal_head(session: Session) -> Seal:
    """The head as the tables hold it, without re-hashing the chain (fast: taken before every
    import's backup); `verify_chain` is what says the chain leading to it is sound."""
    count = session.scalar(select(func.count()).select_from(JournalEntryModel)) or 0
    last = session.scalar(
        select(JournalEntryModel.entry_hash).order_by(JournalEntryModel.id.desc()).limit(1)
    )
    operations, digest, _sealed, _problem = _operations(session, None)
    return Seal(count, last or GENESIS_HASH, len(operations), digest)


def _entry_problem(
    m: JournalEntryModel, prev: str, operations: Mapping[str, dict[str, Any]], v2_seen: bool
) -> str:
    if m.prev_hash != prev:
        return "an entry before this one was removed or altered"
    op = operations.get(m.operation)
    if op is None:
        return "its operation was removed from the journal's operations"
    if m.hash_version == 1 and v2_seen:
        return "a version 1 entry after version 2 ones (written outside the app)"
    version2 = m.hash_version == HASH_VERSION  # version 1 covered neither label nor operation
    fields = hashed_fields(
        *(m.at, m.author, m.operation, m.entity_kind, m.entity_id, m.action, m.before, m.after),
        label=m.label if version2 else None,
        op=op if version2 else None,
    )
    if entry_digest(prev, fields) != m.entry_hash:
        return "this entry was altered after it was written (or its operation was)"
    return ""


def _operations(
    session: Session, seal: Seal | None
) -> tuple[dict[str, dict[str, Any]], str, str | None, str]:
    """Every operation's immutable fields by id, their digest (in order), the digest of the
    first `seal.operations` of them, and a gap in their numbers if there is one."""
    digest = hashlib.sha256()
    by_id: dict[str, dict[str, Any]] = {}
    sealed: str | None = None
    problem = ""
    for o in session.execute(select(OperationModel).order_by(OperationModel.seq)).scalars():
        fields = operation_fields(o.id, o.seq, o.at, o.author, o.label, o.kind, o.undoes)
        by_id[o.id] = fields
        if o.seq != len(by_id) and not problem:
            problem = f"operation number {len(by_id)} is missing (removed outside the app)"
        digest.update((json.dumps(fields, sort_keys=True, ensure_ascii=False) + "\n").encode())
        if seal is not None and len(by_id) == seal.operations:
            sealed = digest.hexdigest()[:32]
    return by_id, digest.hexdigest()[:32], sealed, problem


def _against(seal: Seal, head: Seal, sealed_head: str | None, sealed_ops: str | None) -> str:
    if head.entries < seal.entries:
        missing = seal.entries - head.entries
        return (
            f"the seal counts {seal.entries} entries, the journal has {head.entries}: "
            f"the last {missing} were removed"
        )
    if seal.entries and sealed_head != seal.head:
        return f"entry {seal.entries} is not the one sealed: the journal was rewritten"
    if head.operations < seal.operations:
        return (
            f"the seal counts {seal.operations} operations, the journal has {head.operations}: "
            "operations were removed"
        )
    if seal.operations and sealed_ops != seal.operations_digest:
        return "the operations sealed were altered (an author, a label, a time)"
    return ""


def replay(session: Session, services: Mapping[EntityKind, CrudService[Any]]) -> list[Difference]:
    """Every record the journal and its table disagree on."""
    journal: dict[tuple[str, int], dict[str, Any] | None] = {}
    rows = session.execute(
        select(JournalEntryModel.entity_kind, JournalEntryModel.entity_id, JournalEntryModel.after)
        .order_by(JournalEntryModel.id)
        .execution_options(yield_per=5000)
    )
    for kind_value, entity_id, after in rows:
        journal[kind_value, entity_id] = after
    differences: list[Difference] = []
    for kind, service in services.items():
        models = session.scalars(select(service.mapper.model_cls)).all()
        tables = {
            int(r.id): codec.to_dict(r) for r in service.mapper.records(session, list(models))
        }
        expected = {i: a for (k, i), a in journal.items() if k == kind.value}
        for entity_id in sorted(set(tables) | set(expected)):
            found = _difference(kind, entity_id, expected, tables.get(entity_id))
            if found is not None:
                differences.append(found)
    return differences


def _difference(
    kind: EntityKind,
    entity_id: int,
    expected: Mapping[int, dict[str, Any] | None],
    table: dict[str, Any] | None,
) -> Difference | None:
    if entity_id not in expected:
        return Difference(kind, entity_id, "in the table, never in the journal")
    wanted = expected[entity_id]
    if wanted is None and table is not None:
        return Difference(kind, entity_id, "deleted in the journal, still in the table")
    if wanted is not None and table is None:
        return Difference(kind, entity_id, "in the journal, missing from the table")
    if wanted is None or table is None:
        return None
    changed = tuple(
        sorted(
            k for k in set(wanted) | set(table) if k != "version" and wanted.get(k) != table.get(k)
        )
    )
    if changed:
        return Difference(kind, entity_id, "differs from the journal", changed)
    return None
