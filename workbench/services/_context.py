"""What every service shares: the session factory, the author, and how a write is wrapped."""

from __future__ import annotations

import getpass
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from sqlalchemy import inspect
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from workbench.domain.errors import ConflictError, ReadOnlyRegisterError, ValidationError
from workbench.domain.records import Changes
from workbench.services._journal import UnitOfWork


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

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self.sessions() as session:
            yield session

    @contextmanager
    def write(
        self, label: str, kind: str = "edit", undoes: str | None = None
    ) -> Iterator[UnitOfWork]:
        """One transaction: the changes and their journal entries commit together or not at all."""
        if self.read_only:
            raise ReadOnlyRegisterError(
                "This register is open read-only (another DPO Workbench has it open for "
                "writing); nothing was changed."
            )
        with self.sessions() as session:
            try:
                with session.begin():
                    uow = UnitOfWork(session, self.author, label, kind, undoes)
                    yield uow
                    session.flush()
                    uow.flush()
            except StaleDataError as exc:
                raise self._conflict(session, exc) from exc
            except IntegrityError as exc:
                raise ValidationError({"integrity": str(exc.orig)}) from exc

    def _conflict(self, session: Session, exc: StaleDataError) -> ConflictError:
        """Name the record that somebody else changed (SQLAlchemy only names its table)."""
        found = _STALE_TABLE.search(str(exc))
        table = found.group(1) if found else "record"
        stale = [
            obj
            for obj in session.identity_map.values()
            if getattr(obj, "__tablename__", None) == table and hasattr(obj, "version")
        ]
        if len(stale) != 1:
            return ConflictError(table, 0, 0, 0)
        obj = stale[0]
        model_cls, entity_id = type(obj), int(getattr(obj, "id", 0))
        expected = int(inspect(obj).committed_state.get("version", obj.version) or 0)
        with self.sessions() as fresh:
            current = fresh.get(model_cls, entity_id)
            actual = int(current.version) if current is not None else 0
        return ConflictError(table, entity_id, expected, actual)


_STALE_TABLE = re.compile(r"table '([A-Za-z0-9_]+)'")


def changes_of(uow: UnitOfWork) -> Changes:
    return Changes(kinds=frozenset(uow.touched), ids=tuple(uow.ids), operation=uow.operation)
