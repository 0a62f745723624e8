"""Create, read, update and delete for one kind of record, journaled.

Concrete services subclass `CrudService`, give it a mapper and a `validate`, and add what is
special to their entity. Every public method is one transaction and returns frozen records.
"""

from __future__ import annotations

import builtins
import dataclasses
from collections.abc import Callable, Sequence
from typing import Any, Generic, Protocol, TypeVar

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from workbench.domain import codec, inference
from workbench.domain.enums import ChangeAction
from workbench.domain.errors import ConflictError, NotFoundError, ValidationError
from workbench.domain.records import Changes
from workbench.services._context import ServiceContext, changes_of
from workbench.services._journal import UnitOfWork
from workbench.services._mapping import RecordMapper
from workbench.services.operation_labels import record_action


class StoredRecord(Protocol):
    """What every register record has: an id once stored, and its optimistic-lock version."""

    @property
    def id(self) -> int | None: ...

    @property
    def version(self) -> int: ...


R = TypeVar("R", bound=StoredRecord)
LIST_BATCH = 1000  # rows read at a time by list(): a few at once in memory, not the table


class CrudService(Generic[R]):
    mapper: RecordMapper[R]
    order_by: tuple[str, ...] = ("name", "id")

    def __init__(self, context: ServiceContext) -> None:
        self._context = context

    @property
    def kind_name(self) -> str:
        return self.mapper.kind.value

    # -- reads ---------------------------------------------------------------------------------
    def list(self, **filters: Any) -> builtins.list[R]:
        with self._context.read() as session:
            return self._list(session, **filters)

    def _list(self, session: Session, **filters: Any) -> builtins.list[R]:
        model = self.mapper.model_cls
        query: Select[Any] = select(model)
        for name, value in filters.items():
            if value is not None:
                query = query.where(getattr(model, name) == value)
        query = query.order_by(*(getattr(model, c) for c in self.order_by))
        rows = session.scalars(query.execution_options(yield_per=LIST_BATCH))
        return self.mapper.streamed_records(session, rows)

    def names(self) -> dict[int, str]:
        """Record id -> name, read from those two columns only: the History view shows links
        by name, and listing 1,000 subprocessors in full held the GIL ~40 ms in its job."""
        model = self.mapper.model_cls
        with self._context.read() as session:
            rows = session.execute(select(model.id, model.name))
            return {entity_id: name for entity_id, name in rows}

    def exists(self) -> bool:
        """Whether any record of this kind is stored: one row read, not the whole list (the
        window asks after every change whether to show its welcome)."""
        with self._context.read() as session:
            return session.scalar(select(self.mapper.model_cls.id).limit(1)) is not None

    def get(self, entity_id: int) -> R:
        with self._context.read() as session:
            return self._get(session, entity_id)

    def _get(self, session: Session, entity_id: int) -> R:
        model = session.get(self.mapper.model_cls, entity_id)
        if model is None:
            raise NotFoundError(self.kind_name, entity_id)
        return self.mapper.records(session, [model])[0]

    # -- writes --------------------------------------------------------------------------------
    def validate(self, session: Session, record: R) -> dict[str, str]:
        """Field name -> problem. Subclasses add their rules."""
        return {}

    def create(self, record: R, label: str = "") -> Changes:
        return self.create_many([record], label)

    def create_many(self, records: Sequence[R], label: str = "") -> Changes:
        with self._context.write(label or record_action("create", self.mapper.kind)) as uow:
            for record in records:
                self._create(uow, record)
        return changes_of(uow)

    def _create(self, uow: UnitOfWork, record: R, entity_id: int | None = None) -> R:
        session = uow.session
        record = self.mapper.normalise_links(record)  # the journal must hold what a read returns
        self._check(session, record)
        model = self.mapper.new_model(record, entity_id)
        session.add(model)
        session.flush()
        self.mapper.save_links(session, model.id, record)
        stored: R = dataclasses.replace(record, id=model.id, version=model.version)  # type: ignore[type-var]
        uow.record(self.mapper.kind, model.id, ChangeAction.CREATE, None, codec.to_dict(stored))
        return stored

    def update(self, record: R, label: str = "") -> Changes:
        with self._context.write(label or record_action("edit", self.mapper.kind)) as uow:
            self._update(uow, record)
        return changes_of(uow)

    def _update(
        self, uow: UnitOfWork, record: R, check_version: bool = True, *, restoring: bool = False
    ) -> R:
        session = uow.session
        if record.id is None:
            raise ValidationError({"id": f"This {self.kind_name} has not been stored yet."})
        entity_id = record.id
        model = session.get(self.mapper.model_cls, entity_id)
        if model is None:
            raise NotFoundError(self.kind_name, entity_id)
        if check_version and model.version != record.version:
            raise ConflictError(self.kind_name, entity_id, record.version, model.version)
        record = self.mapper.normalise_links(record)
        before = self.mapper.records(session, [model])[0]
        if not restoring and hasattr(record, "unconfirmed"):
            record = inference.carry_marks(before, record)  # type: ignore[type-var]
        self._check(session, record)
        self.mapper.apply(model, record)
        self.mapper.save_links(session, entity_id, record)
        session.flush()
        after: R = dataclasses.replace(record, version=model.version)  # type: ignore[type-var]
        uow.record(
            self.mapper.kind,
            entity_id,
            ChangeAction.UPDATE,
            codec.to_dict(before),
            codec.to_dict(after),
        )
        return after

    def delete(self, entity_id: int, label: str = "") -> Changes:
        with self._context.write(label or record_action("delete", self.mapper.kind)) as uow:
            self._delete(uow, entity_id)
        return changes_of(uow)

    def _delete(self, uow: UnitOfWork, entity_id: int) -> None:
        session = uow.session
        model = session.get(self.mapper.model_cls, entity_id)
        if model is None:
            raise NotFoundError(self.kind_name, entity_id)
        before = self.mapper.records(session, [model])[0]
        self._before_delete(uow, entity_id)
        session.delete(model)
        session.flush()
        uow.record(self.mapper.kind, entity_id, ChangeAction.DELETE, codec.to_dict(before), None)

    def _before_delete(self, uow: UnitOfWork, entity_id: int) -> None:
        """Hook: journal the cascade a delete implies (links removed from other records)."""

    def unlink(self, uow: UnitOfWork, link_field: str, removed_id: int) -> None:
        """Drop `removed_id` from every record's `link_field` (a treatment's controller_ids,
        a breach's subprocessor_ids...), journaling each change, so that undoing the delete that
        removed the linked record brings the links back. The FK cascade alone would not."""
        session = uow.session
        spec = self.mapper.links[link_field]
        linked = session.scalars(
            select(spec.table.c[spec.own_column]).where(
                spec.table.c[spec.other_column] == removed_id
            )
        ).all()
        for own_id in linked:
            before = self._get(session, own_id)
            kept: dict[str, Any] = {
                link_field: tuple(i for i in getattr(before, link_field) if i != removed_id)
            }
            after = dataclasses.replace(before, **kept)  # type: ignore[type-var]
            self.mapper.save_links(session, own_id, after)
            uow.record(
                self.mapper.kind,
                own_id,
                ChangeAction.UPDATE,
                codec.to_dict(before),
                codec.to_dict(after),
            )

    # -- restore (undo, redo) ------------------------------------------------------------------
    def _restore(self, uow: UnitOfWork, entity_id: int, snapshot: dict[str, Any] | None) -> None:
        """Bring the record to `snapshot` (None = absent), journaling what that changes."""
        session = uow.session
        exists = session.get(self.mapper.model_cls, entity_id) is not None
        if snapshot is None:
            if exists:
                self._delete(uow, entity_id)
            return
        record = codec.from_dict(self.mapper.record_cls, snapshot)
        if exists:
            current_version = session.get(self.mapper.model_cls, entity_id).version  # type: ignore[union-attr]
            self._update(
                uow,
                dataclasses.replace(record, version=current_version),  # type: ignore[type-var]
                False,
                restoring=True,
            )
        else:
            self._create(uow, record, entity_id)

    # -- stated vs inferred ----------------------------------------------------------------
    def confirm(
        self, entity_ids: Sequence[int], fields: Sequence[str] | None = None, label: str = ""
    ) -> Changes:
        """A person confirms the inferred values of these records (all of them, or `fields`):
        the marks go, the values stay, and the confirmation is journaled like any edit."""
        with self._context.write(label or record_action("confirm", self.mapper.kind)) as uow:
            for entity_id in entity_ids:
                current = self._get(uow.session, entity_id)
                confirmed = inference.confirm(current, fields)  # type: ignore[type-var]
                if confirmed is not current:
                    self._update(uow, confirmed)
        return changes_of(uow)

    def _check(self, session: Session, record: R) -> None:
        problems = self.validate(session, record)
        for mark in getattr(record, "unconfirmed", ()):
            if not inference.field_exists(type(record), mark.field):
                problems["unconfirmed"] = f"'{mark.field}' is not a field of this record."
        if problems:
            raise ValidationError(problems)


def require(problems: dict[str, str], condition: bool, name: str, message: str) -> None:
    if not condition:
        problems[name] = message


Loader = Callable[[Session], list[Any]]
