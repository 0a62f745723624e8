"""Reading the journal: history of a record, the register "as of" a date, undo/redo, verify
(the proofs themselves are in journal_proof.py)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from workbench.domain import codec
from workbench.domain.enums import ChangeAction, EntityKind
from workbench.domain.errors import ConflictError, JournalIntegrityError, NothingToUndoError
from workbench.domain.records import Changes, JournalEntry
from workbench.i18n import _
from workbench.services._context import ServiceContext, changes_of
from workbench.services._crud import CrudService
from workbench.services.journal_proof import (
    Difference,
    JournalReport,
    Seal,
    journal_head,
    replay,
    verify_chain,
)
from workbench.services.operation_labels import REDO_OF, UNDO_OF
from workbench.storage.models import JournalEntryModel, OperationModel

UNDOABLE_KINDS = ("edit", "import", "redo")
# Entries read at a time: the driver's fetch and the JSON decoding of a batch is one C call
# that keeps the GIL (1,000 entries, the History page, held it ~40 ms while the window waited).
_BATCH = 100
_UNDO_CANDIDATE = (
    select(OperationModel)
    .where(OperationModel.kind.in_(UNDOABLE_KINDS), OperationModel.undone.is_(False))
    .order_by(OperationModel.seq.desc())
    .limit(1)
)
# Redo is possible only while nothing new was done after the undos (a linear history): the
# latest edit, import or live undo must be an undo.
_REDO_LAST = (
    select(OperationModel)
    .where(OperationModel.kind.in_(("edit", "import", "undo")))
    .where(~((OperationModel.kind == "undo") & OperationModel.undone.is_(True)))
    .order_by(OperationModel.seq.desc())
    .limit(1)
)
# OperationInfo's fields, in its order
_INFO_COLUMNS = (
    OperationModel.id,
    OperationModel.seq,
    OperationModel.at,
    OperationModel.author,
    OperationModel.label,
    OperationModel.kind,
    OperationModel.undone,
)


@dataclass(frozen=True, slots=True)
class OperationInfo:
    id: str
    seq: int
    at: dt.datetime
    author: str
    label: str
    kind: str
    undone: bool


class JournalService:
    def __init__(self, context: ServiceContext, services: Mapping[EntityKind, CrudService[Any]]):
        self._context = context
        self._services = services

    # -- reading -------------------------------------------------------------------------------
    def history(self, kind: EntityKind, entity_id: int) -> list[JournalEntry]:
        return self.entries(kind=kind, entity_id=entity_id)

    def entries(
        self,
        kind: EntityKind | None = None,
        entity_id: int | None = None,
        since: dt.datetime | None = None,
        until: dt.datetime | None = None,
        limit: int | None = None,
        after_id: int | None = None,
        before_id: int | None = None,
    ) -> list[JournalEntry]:
        """Entries in id order; with `limit`, the newest `limit` of those asked (a page: the
        History view reads the journal a page at a time, older ones `before_id` as it scrolls)."""
        query = select(JournalEntryModel).order_by(JournalEntryModel.id)
        if after_id is not None:  # a journal position (a package's sign-off)
            query = query.where(JournalEntryModel.id > after_id)
        if before_id is not None:
            query = query.where(JournalEntryModel.id < before_id)
        if kind is not None:
            query = query.where(JournalEntryModel.entity_kind == kind.value)
        if entity_id is not None:
            query = query.where(JournalEntryModel.entity_id == entity_id)
        if since is not None:
            query = query.where(JournalEntryModel.at > since)
        if until is not None:
            query = query.where(JournalEntryModel.at <= until)
        if limit is not None:
            query = query.order_by(None).order_by(JournalEntryModel.id.desc()).limit(limit)
        with self._context.read() as session:
            rows = [_entry(m) for m in session.scalars(query.execution_options(yield_per=_BATCH))]
        return rows[::-1] if limit is not None else rows

    def first_and_last_change(
        self, kind: EntityKind, until: dt.datetime | None = None
    ) -> dict[int, tuple[dt.datetime, dt.datetime]]:
        """Record id -> when its first and its latest change were recorded (up to `until`):
        the creation and update dates of the fiches (CNIL model register), in one query."""
        query = (
            select(
                JournalEntryModel.entity_id,
                func.min(JournalEntryModel.at),
                func.max(JournalEntryModel.at),
            )
            .where(JournalEntryModel.entity_kind == kind.value)
            .group_by(JournalEntryModel.entity_id)
        )
        if until is not None:
            query = query.where(JournalEntryModel.at <= until)
        with self._context.read() as session:
            rows = session.execute(query).all()
        return {entity_id: (_aware(first), _aware(last)) for entity_id, first, last in rows}

    def as_of(self, kind: EntityKind, when: dt.datetime) -> list[Any]:
        """Every record of `kind` as it stood at `when`, rebuilt from the journal
        (workbench/services/as_of_service.py says why that is exact)."""
        when = when.astimezone(dt.UTC)  # stored in UTC; SQLite compares the text
        latest = (
            select(func.max(JournalEntryModel.id))
            .where(JournalEntryModel.entity_kind == kind.value, JournalEntryModel.at <= when)
            .group_by(JournalEntryModel.entity_id)
        )
        record_cls = self._services[kind].mapper.record_cls
        with self._context.read() as session:
            snapshots = session.scalars(
                select(JournalEntryModel.after)
                .where(JournalEntryModel.id.in_(latest))
                .order_by(JournalEntryModel.entity_id)
            ).all()
        return [codec.from_dict(record_cls, s) for s in snapshots if s is not None]

    def began_at(self) -> dt.datetime | None:
        """When the register's first change was recorded (None: nothing recorded yet)."""
        with self._context.read() as session:
            first = session.scalar(select(func.min(JournalEntryModel.at)))
        return None if first is None else _aware(first)

    def operations(self, limit: int = 50) -> list[OperationInfo]:
        with self._context.read() as session:
            rows = session.scalars(
                select(OperationModel).order_by(OperationModel.seq.desc()).limit(limit)
            ).all()
            return [
                OperationInfo(o.id, o.seq, o.at, o.author, o.label, o.kind, o.undone) for o in rows
            ]

    def operation_summary(self, operation_id: str) -> dict[tuple[EntityKind, ChangeAction], int]:
        """How many records of each kind an operation created, changed, deleted (what undoing
        it would remove, restore or bring back)."""
        query = (
            select(JournalEntryModel.entity_kind, JournalEntryModel.action, func.count())
            .where(JournalEntryModel.operation == operation_id)
            .group_by(JournalEntryModel.entity_kind, JournalEntryModel.action)
        )
        with self._context.read() as session:
            return {
                (EntityKind(kind), ChangeAction(action)): count
                for kind, action, count in session.execute(query)
            }

    # -- undo / redo ---------------------------------------------------------------------------
    def can_undo(self) -> OperationInfo | None:
        with self._context.read() as session:
            op = self._undo_candidate(session)
            return None if op is None else _info(op)

    def can_redo(self) -> OperationInfo | None:
        with self._context.read() as session:
            op = self._redo_candidate(session)
            return None if op is None else _info(op)

    def undo_redo_state(self) -> tuple[OperationInfo | None, OperationInfo | None]:
        """What undo and redo would act on, in one read of the operations' light columns: the
        window asks after every change and view switch (two ORM reads were ~20 ms at 10k)."""
        with self._context.read() as session:
            undo = session.execute(_UNDO_CANDIDATE.with_only_columns(*_INFO_COLUMNS)).first()
            last = session.execute(_REDO_LAST.with_only_columns(*_INFO_COLUMNS)).first()
        redo = last if last is not None and last.kind == "undo" else None
        return (
            None if undo is None else OperationInfo(*undo),
            None if redo is None else OperationInfo(*redo),
        )

    def latest_entry_id(self) -> int:
        """The newest journal entry's id (0 when empty), read from the index alone."""
        with self._context.read() as session:
            return session.scalar(select(func.max(JournalEntryModel.id))) or 0

    def undo(self, operation_id: str | None = None) -> Changes:
        """Undo the last operation, or the one named, if nothing changed its records since."""
        with self._context.sessions() as probe:
            target = (
                probe.get(OperationModel, operation_id)
                if operation_id
                else self._undo_candidate(probe)
            )
            if target is None or target.undone or target.kind not in UNDOABLE_KINDS:
                raise NothingToUndoError(_("There is nothing to undo."))
            target_id, label = target.id, target.label
        with self._context.write(UNDO_OF.format(label=label), kind="undo", undoes=target_id) as uow:
            entries = self._entries_of(uow.session, target_id)
            self._ensure_unchanged_since(uow.session, entries, "after")
            for entry in reversed(entries):
                service = self._services[EntityKind(entry.entity_kind)]
                service._restore(uow, entry.entity_id, entry.before)
            uow.session.execute(
                update(OperationModel).where(OperationModel.id == target_id).values(undone=True)
            )
        return changes_of(uow)

    def redo(self) -> Changes:
        with self._context.sessions() as probe:
            undo_op = self._redo_candidate(probe)
            if undo_op is None or undo_op.undoes is None:
                raise NothingToUndoError(_("There is nothing to redo."))
            undo_id, original_id = undo_op.id, undo_op.undoes
            original = probe.get(OperationModel, original_id)
            label = original.label if original else ""
        with self._context.write(REDO_OF.format(label=label), kind="redo") as uow:
            entries = self._entries_of(uow.session, original_id)
            for entry in entries:
                service = self._services[EntityKind(entry.entity_kind)]
                service._restore(uow, entry.entity_id, entry.after)
            uow.session.execute(
                update(OperationModel).where(OperationModel.id == undo_id).values(undone=True)
            )
        return changes_of(uow)

    def _undo_candidate(self, session: Session) -> OperationModel | None:
        return session.scalars(_UNDO_CANDIDATE).first()

    def _redo_candidate(self, session: Session) -> OperationModel | None:
        last = session.scalars(_REDO_LAST).first()
        return last if last is not None and last.kind == "undo" else None

    def _entries_of(self, session: Session, operation_id: str) -> list[JournalEntryModel]:
        return list(
            session.scalars(
                select(JournalEntryModel)
                .where(JournalEntryModel.operation == operation_id)
                .order_by(JournalEntryModel.id)
            )
        )

    def _ensure_unchanged_since(
        self, session: Session, entries: list[JournalEntryModel], side: str
    ) -> None:
        """Refuse to undo an operation whose records were changed again after it."""
        left_by_op: dict[tuple[str, int], dict[str, Any] | None] = {}
        for e in entries:
            left_by_op[(e.entity_kind, e.entity_id)] = getattr(e, side)
        for (kind, entity_id), expected in left_by_op.items():
            service = self._services[EntityKind(kind)]
            model = session.get(service.mapper.model_cls, entity_id)
            current = (
                None
                if model is None
                else codec.to_dict(service.mapper.records(session, [model])[0])
            )
            if _without_version(current) != _without_version(expected):
                raise ConflictError(kind, entity_id, 0, 0 if model is None else model.version)

    # -- integrity (workbench/services/journal_proof.py) ----------------------------------------
    def verify(self, seal: Seal | str | None = None) -> JournalReport:
        """The chain, entries and operations; with `seal`, that nothing sealed is missing."""
        if isinstance(seal, str):
            seal = Seal.parse(seal)
        with self._context.read() as session:
            return verify_chain(session, seal)

    def seal(self) -> str | None:
        """The journal's head as one line to keep elsewhere; None if the journal is broken."""
        report = self.verify()
        return report.head.text() if report.ok and report.head is not None else None

    def head_seal(self) -> str:
        """The seal of the head as stored, not re-verified (cheap; for every backup)."""
        with self._context.read() as session:
            return journal_head(session).text()

    def replay(self) -> list[Difference]:
        """Every record whose table row differs from what its journal entries rebuild."""
        with self._context.read() as session:
            return replay(session, self._services)

    def require_intact(self) -> None:
        report = self.verify()
        if not report.ok:
            raise JournalIntegrityError(
                f"Journal entry {report.first_bad_entry}: {report.problem}."
            )


def _without_version(snapshot: dict[str, Any] | None) -> dict[str, Any] | None:
    return None if snapshot is None else {k: v for k, v in snapshot.items() if k != "version"}


def _entry(m: JournalEntryModel) -> JournalEntry:
    at = m.at if m.at.tzinfo else m.at.replace(tzinfo=dt.UTC)
    return JournalEntry(
        id=m.id,
        at=at,
        author=m.author,
        operation=m.operation,
        label=m.label,
        entity_kind=EntityKind(m.entity_kind),
        entity_id=m.entity_id,
        action=ChangeAction(m.action),
        before=m.before,
        after=m.after,
        entry_hash=m.entry_hash,
    )


def _info(o: OperationModel) -> OperationInfo:
    return OperationInfo(o.id, o.seq, o.at, o.author, o.label, o.kind, o.undone)


def _aware(moment: dt.datetime) -> dt.datetime:
    """SQLite gives back naive datetimes; the journal writes them in UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


IGNORED_FIELDS = frozenset({"version"})  # bumped by every write: not a change anyone made


def changed_fields(entry: JournalEntry) -> tuple[str, ...]:
    """The fields an entry changed, in the record's order (every field of a creation or a
    deletion). Read where the entries are read, off the window's thread: comparing the two
    snapshots of 1,000 entries took ~120 ms (History's "Fields changed" column)."""
    before = entry.before or {}
    after = entry.after or {}
    names = dict.fromkeys((*after, *before))  # a deletion's fields are all in `before`
    return tuple(
        name for name in names if name not in IGNORED_FIELDS and before.get(name) != after.get(name)
    )
