"""What every service shares: the session factory, the author, and how a write is wrapped."""

from __future__ import annotations

import getpass
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import inspect
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from workbench.domain.errors import ConflictError, ReadOnlyRegisterError, ValidationError
from workbench.domain.records import Changes
from workbench.services._journal import UnitOfWork
from workbench.storage.engine import READ_TRANSACTION


def default_author() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no passwd entry (containers) or no login name
        return "unknown"


@dataclass
class ServiceContext:
    sessions: sessionmaker[Session]
    author: str = field(default_factory=default_author)
    read_only: bool = False
    # Called before every write of kind "import" (open_register sets it to a backup): a wrong
    # import can then be undone by restoring the file, whatever happened after it.
    before_import: Callable[[str], object] | None = None

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self.sessions() as session:
            # A plain deferred BEGIN: reading never queues behind a writer's IMMEDIATE lock.
            session.connection(execution_options={READ_TRANSACTION: True})
            yield session

    @contextmanager
    def write(
        self, label: str, kind: str = "edit", undoes: str | None = None
    ) -> Iterator[UnitOfWork]:
        """One transaction: the changes and their journal entries commit together or not at all."""
        if self.read_only:
            raise ReadOnlyRegisterError(
                "This register is open read-only (with --read-only, or because another "
                "process has it open for writing, or it is on a read-only disk); nothing was "
                "changed."
            )
        if kind == "import" and self.before_import is not None:
            self.before_import(label)
        with self.sessions() as session:
            stale: list[_StaleRecord] = []
            try:
                with session.begin():
                    uow = UnitOfWork(session, self.author, label, kind, undoes)
                    try:
                        yield uow
                        session.flush()
                        uow.flush()
                    except StaleDataError as exc:
                        # Note which record before the rollback expires every loaded object.
                        stale.append(_stale_record(session, exc))
                        raise
            except StaleDataError as exc:
                raise self._conflict(stale[0] if stale else None) from exc
            except IntegrityError as exc:
                raise ValidationError({"integrity": str(exc.orig)}) from exc

    def _conflict(self, stale: _StaleRecord | None) -> ConflictError:
        """Name the record somebody else changed, and its version now (read after rollback)."""
        if stale is None or stale.model_cls is None:
            return ConflictError(stale.table if stale else "record", 0, 0, 0)
        with self.sessions() as fresh:
            current = fresh.get(stale.model_cls, stale.entity_id)
            actual = int(current.version) if current is not None else 0
        return ConflictError(stale.table, stale.entity_id, stale.expected, actual)


@dataclass(frozen=True, slots=True)
class _StaleRecord:
    table: str
    model_cls: type[Any] | None = None
    entity_id: int = 0
    expected: int = 0


def _stale_record(session: Session, exc: StaleDataError) -> _StaleRecord:
    """SQLAlchemy names only the table; find the one changed object of it (no database read)."""
    found = _STALE_TABLE.search(str(exc))
    table = found.group(1) if found else "record"
    loaded = [o for o in session.identity_map.values() if getattr(o, "__tablename__", "") == table]
    modified = [o for o in loaded if inspect(o).modified]
    candidates = modified or loaded
    if len(candidates) != 1:
        return _StaleRecord(table)
    state = inspect(candidates[0])
    identity = state.identity
    version = state.dict.get("version", 0)
    return _StaleRecord(
        table,
        type(candidates[0]),
        int(identity[0]) if identity else 0,
        int(version or 0),
    )


_STALE_TABLE = re.compile(r"table '([A-Za-z0-9_]+)'")


def changes_of(uow: UnitOfWork) -> Changes:
    return Changes(
        kinds=frozenset(uow.touched),
        ids=uow.ids,
        operation=uow.operation,
        ids_by_kind=dict(uow.ids_by_kind),
    )
