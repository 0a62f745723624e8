"""Writing the change journal, inside the caller's transaction.

Every write goes through `UnitOfWork.record`, so the data and its journal entry commit or roll
back together. The entries are hash-chained: each hash covers the previous entry's hash and this
entry's content, which makes an edit made outside the app detectable (`verify`).

Hash versions (the entry's `hash_version`): version 1 covered the entry's time, author,
operation id, kind, record id, action, before and after, but not its label nor its operation's
row (author, label, time: a forged label showed in `history`). Version 2, written since
migration 0004_journal_seal, covers every field of the entry (its label too) and the immutable
fields of its operation (id, seq, time, author, label, kind, undoes). The `undone` flag of an
operation is not covered: undo and redo set it later; it only decides what undo offers next, the
changes themselves are in the chain. Entries written before the migration keep their version 1
hash: re-hashing them would bless whatever was altered before (see the migration).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import uuid
from array import array
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Table, func, insert, select
from sqlalchemy.orm import Session

from workbench.domain.enums import ChangeAction, EntityKind
from workbench.storage.base import utc_now
from workbench.storage.bulk import JSON_NULL, BulkInsert
from workbench.storage.models import JournalEntryModel, OperationModel

GENESIS_HASH = "0" * 64
HASH_VERSION = 2
_JOURNAL_TABLE: Table = JournalEntryModel.__table__  # type: ignore[assignment]
# the columns of a journal entry as `record_encoded` writes them
_COLUMNS = (
    "at",
    "author",
    "operation",
    "label",
    "entity_kind",
    "action",
    "entity_id",
    "before",
    "after",
    "prev_hash",
    "entry_hash",
    "hash_version",
)


def canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def entry_digest(prev_hash: str, fields: dict[str, Any]) -> str:
    return hashlib.sha256((prev_hash + canonical(fields)).encode()).hexdigest()


class EntryHasher:
    """`entry_digest` for the many entries of one operation, kind and action (a bulk import):
    the constant fields are encoded once, only before/after/id per entry. The text hashed is
    the same, character for character: JSON is compositional, and the keys are written in the
    sorted order `json.dumps(sort_keys=True)` uses (a test compares both)."""

    def __init__(
        self,
        at: dt.datetime,
        author: str,
        operation: str,
        kind: str,
        action: str,
        label: str | None = None,
        op: dict[str, Any] | None = None,
    ):
        self._head = '{"action":' + canonical(action) + ',"after":'
        self._middle = ',"at":' + canonical(_utc_iso(at)) + ',"author":' + canonical(author)
        covered = "" if op is None else ',"label":' + canonical(label) + ',"op":' + canonical(op)
        self._tail = (
            ',"entity_kind":' + canonical(kind) + covered + ',"operation":' + canonical(operation)
        )

    def digest(
        self,
        prev_hash: str,
        entity_id: int,
        before: dict[str, Any] | None,
        after: dict[str, Any] | None,
    ) -> str:
        return self.digest_text(prev_hash, entity_id, canonical(before), canonical(after))

    def digest_text(self, prev_hash: str, entity_id: int, before: str, after: str) -> str:
        """`digest` of before and after given as their canonical texts (encoded once)."""
        text = "".join(
            (
                self._head,
                after,
                self._middle,
                ',"before":',
                before,
                ',"entity_id":',
                str(entity_id),
                self._tail,
                "}",
            )
        )
        return hashlib.sha256((prev_hash + text).encode()).hexdigest()


def hashed_fields(
    at: dt.datetime,
    author: str,
    operation: str,
    kind: str,
    entity_id: int,
    action: str,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
    label: str | None = None,
    op: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """What an entry's hash covers: version 1 without `op`, version 2 with its label and op."""
    fields = {
        "at": _utc_iso(at),
        "author": author,
        "operation": operation,
        "entity_kind": kind,
        "entity_id": entity_id,
        "action": action,
        "before": before,
        "after": after,
    }
    if op is not None:
        fields["label"] = label
        fields["op"] = op
    return fields


def operation_fields(
    op_id: str,
    seq: int,
    at: dt.datetime,
    author: str,
    label: str,
    kind: str,
    undoes: str | None,
) -> dict[str, Any]:
    """The immutable fields of an operation, as every version 2 entry of it hashes them."""
    return {
        "id": op_id,
        "seq": seq,
        "at": _utc_iso(at),
        "author": author,
        "label": label,
        "kind": kind,
        "undoes": undoes,
    }


def _utc_iso(at: dt.datetime) -> str:
    # SQLite hands datetimes back naive; they were written in UTC.
    if at.tzinfo is None:
        at = at.replace(tzinfo=dt.UTC)
    return at.astimezone(dt.UTC).isoformat()


class UnitOfWork:
    """One operation: a label, an author, and the journal entries it writes."""

    def __init__(
        self,
        session: Session,
        author: str,
        label: str,
        kind: str = "edit",
        undoes: str | None = None,
    ) -> None:
        self.session = session
        self.operation = uuid.uuid4().hex
        self.author = author
        self.label = label
        self.touched: set[EntityKind] = set()
        self.ids = array("q")  # every id written; 8 bytes each (an import writes 100k)
        self.ids_by_kind: dict[EntityKind, array[int]] = {}
        self._pending: list[dict[str, Any]] = []
        self._journal_insert: BulkInsert | None = None
        _serialise_writers(session)
        seq = session.scalar(select(func.coalesce(func.max(OperationModel.seq), 0))) or 0
        # The time is taken once this writer holds the register, so that operations' times
        # follow their order: "as of" a moment between two writers shows the first one only.
        self.at = utc_now()
        self.op = operation_fields(self.operation, seq + 1, self.at, author, label, kind, undoes)
        session.add(
            OperationModel(
                id=self.operation,
                seq=seq + 1,
                at=self.at,
                author=author,
                label=label,
                kind=kind,
                undoes=undoes,
            )
        )

    def record(
        self,
        kind: EntityKind,
        entity_id: int,
        action: ChangeAction,
        before: dict[str, Any] | None,
        after: dict[str, Any] | None,
    ) -> None:
        if action is ChangeAction.UPDATE and _same(before, after):
            return
        self.touched.add(kind)
        self.ids.append(entity_id)
        self.ids_of(kind).append(entity_id)
        self._pending.append(
            {
                "kind": kind.value,
                "entity_id": entity_id,
                "action": action.value,
                "before": before,
                "after": after,
            }
        )

    def ids_of(self, kind: EntityKind) -> array[int]:
        """The ids of `kind` written so far (the views update only those rows)."""
        return self.ids_by_kind.setdefault(kind, array("q"))

    @property
    def has_pending(self) -> bool:
        return bool(self._pending)

    def record_encoded(
        self, kind: EntityKind, action: ChangeAction, items: Sequence[tuple[int, str | None, str]]
    ) -> None:
        """Journal many changes of one kind at once (bulk import), written now, in the chain:
        (entity id, before, after), snapshots given as their canonical JSON text, which is both
        what the hash covers and what the entry stores (`workbench.storage.bulk`).

        Entries recorded one by one before are written first, so the chain keeps their order."""
        if not items:
            return
        self.flush()
        prev_hash = (
            self.session.scalar(
                select(JournalEntryModel.entry_hash).order_by(JournalEntryModel.id.desc()).limit(1)
            )
            or GENESIS_HASH
        )
        ids_of_kind = self.ids_of(kind)
        hasher = EntryHasher(
            self.at, self.author, self.operation, kind.value, action.value, self.label, self.op
        )
        constant = (self.at, self.author, self.operation, self.label, kind.value, action.value)
        rows = []
        for entity_id, before, after in items:
            before_text = JSON_NULL if before is None else before
            digest = hasher.digest_text(prev_hash, entity_id, before_text, after)
            rows.append((*constant, entity_id, before_text, after, prev_hash, digest, HASH_VERSION))
            prev_hash = digest
            self.ids.append(entity_id)
            ids_of_kind.append(entity_id)
        self.touched.add(kind)
        connection = self.session.connection()
        if self._journal_insert is None:
            self._journal_insert = BulkInsert(connection, _JOURNAL_TABLE, _COLUMNS)
        self._journal_insert.execute(connection, rows)

    def flush(self) -> None:
        """Write the pending entries, chaining their hashes. Called once, before commit."""
        if not self._pending:
            return
        prev = self.session.scalar(
            select(JournalEntryModel.entry_hash).order_by(JournalEntryModel.id.desc()).limit(1)
        )
        prev_hash = prev or GENESIS_HASH
        rows = []
        for item in self._pending:
            fields = hashed_fields(
                self.at,
                self.author,
                self.operation,
                item["kind"],
                item["entity_id"],
                item["action"],
                item["before"],
                item["after"],
                self.label,
                self.op,
            )
            digest = entry_digest(prev_hash, fields)
            rows.append(
                {
                    "at": self.at,
                    "author": self.author,
                    "operation": self.operation,
                    "label": self.label,
                    "entity_kind": item["kind"],
                    "entity_id": item["entity_id"],
                    "action": item["action"],
                    "before": item["before"],
                    "after": item["after"],
                    "prev_hash": prev_hash,
                    "entry_hash": digest,
                    "hash_version": HASH_VERSION,
                }
            )
            prev_hash = digest
        self.session.execute(insert(JournalEntryModel), rows)
        self._pending.clear()


# The transaction-scoped advisory lock all writers of a register queue on: this fixed class
# ("DPOW") and the register's schema, so that registers in other schemas of the same database
# (the tests run in parallel, one schema each) never queue behind this one's writers.
JOURNAL_LOCK_CLASS = 0x44504F57  # "DPOW"


def _serialise_writers(session: Session) -> None:
    """Queue concurrent writers so that operation numbers and the journal's chain stay linear.

    SQLite already does (BEGIN IMMEDIATE). On PostgreSQL two DPOs may write at once: each
    transaction first takes an advisory lock released at its commit or rollback, so the next
    one reads the previous one's last hash (never two entries chained to the same parent).
    """
    if session.get_bind().dialect.name == "postgresql":
        register = func.hashtext(func.current_schema())
        session.execute(select(func.pg_advisory_xact_lock(JOURNAL_LOCK_CLASS, register)))


def _same(before: dict[str, Any] | None, after: dict[str, Any] | None) -> bool:
    if before is None or after is None:
        return before is after
    ignore = {"version"}
    return {k: v for k, v in before.items() if k not in ignore} == {
        k: v for k, v in after.items() if k not in ignore
    }
