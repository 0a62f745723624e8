"""What every service shares: the session factory, the author, and how a write is wrapped."""

from __future__ import annotations

import getpass
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from workbench.domain.errors import ConflictError, ValidationError
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

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self.sessions() as session:
            yield session

    @contextmanager
    def write(
        self, label: str, kind: str = "edit", undoes: str | None = None
    ) -> Iterator[UnitOfWork]:
        """One transaction: the changes and their journal entries commit together or not at all."""
        with self.sessions() as session:
            try:
                with session.begin():
                    uow = UnitOfWork(session, self.author, label, kind, undoes)
                    yield uow
                    session.flush()
                    uow.flush()
            except StaleDataError as exc:
                raise ConflictError("record", 0, 0, 0) from exc
            except IntegrityError as exc:
                raise ValidationError({"integrity": str(exc.orig)}) from exc


def changes_of(uow: UnitOfWork) -> Changes:
    return Changes(kinds=frozenset(uow.touched), ids=tuple(uow.ids), operation=uow.operation)
