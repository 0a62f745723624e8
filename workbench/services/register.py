"""Opening a register: one object that hands out every service over one database."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from platformdirs import user_data_dir
from sqlalchemy import Engine, inspect
from sqlalchemy.exc import DatabaseError

from workbench.domain.enums import EntityKind
from workbench.domain.errors import RegisterOpenError
from workbench.services._context import ServiceContext, default_author
from workbench.services._crud import CrudService
from workbench.services.audit_service import AuditService
from workbench.services.certification_service import CertificationService
from workbench.services.journal_service import JournalService
from workbench.services.notification_service import NotificationService
from workbench.services.organisation_service import OrganisationService
from workbench.services.subprocessor_service import SubprocessorService
from workbench.services.treatment_service import TreatmentService
from workbench.storage import migrate
from workbench.storage.backup import backup_sqlite
from workbench.storage.engine import database_url, make_engine, make_sessions, sqlite_path

APP_NAME = "dpo-workbench"


def default_register_path() -> Path:
    return Path(user_data_dir(APP_NAME, appauthor=False)) / "register.sqlite"


def demo_register_path() -> Path:
    return Path(user_data_dir(APP_NAME, appauthor=False)) / "demo.sqlite"


@dataclass
class Register:
    """Every service over one database. Safe to share between threads (sessions are per call)."""

    url: str
    engine: Engine
    context: ServiceContext
    organisations: OrganisationService
    treatments: TreatmentService
    subprocessors: SubprocessorService
    certifications: CertificationService
    audits: AuditService
    notifications: NotificationService
    journal: JournalService

    @property
    def path(self) -> Path | None:
        return sqlite_path(self.url)

    def service_for(self, kind: EntityKind) -> CrudService[Any]:
        return self._by_kind()[kind]

    def _by_kind(self) -> dict[EntityKind, CrudService[Any]]:
        return {
            EntityKind.ORGANISATION: self.organisations,
            EntityKind.TREATMENT: self.treatments,
            EntityKind.SUBPROCESSOR: self.subprocessors,
            EntityKind.CERTIFICATION: self.certifications,
            EntityKind.AUDIT: self.audits,
            EntityKind.NOTIFICATION: self.notifications,
        }

    def is_empty(self) -> bool:
        return not self.organisations.list()

    def close(self) -> None:
        self.engine.dispose()


def open_register(
    location: str | Path | None = None,
    author: str | None = None,
    upgrade: bool = True,
    backup_keep: int = 10,
) -> Register:
    """Open (creating if needed) and migrate a register. A path or a SQLAlchemy URL."""
    location = location or default_register_path()
    url = database_url(location)
    path = sqlite_path(url)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
    engine = make_engine(url)
    try:
        if migrate.is_newer_than_app(engine):
            raise RegisterOpenError(
                f"{location} was written by a newer DPO Workbench; "
                "update the application to open it."
            )
        if upgrade and migrate.needs_upgrade(engine):
            if path is not None and inspect(engine).get_table_names():
                engine.dispose()  # release the file so the backup sees every WAL page
                backup_sqlite(path, "before-migration", keep=backup_keep)
            migrate.upgrade(engine)
    except DatabaseError as exc:
        engine.dispose()
        raise RegisterOpenError(
            f"{location} is not a readable DPO Workbench register ({exc.orig}). "
            "Restore the latest backup with `dpo-workbench restore`."
        ) from exc
    return build_register(url, engine, author)


def build_register(url: str, engine: Engine, author: str | None = None) -> Register:
    context = ServiceContext(
        make_sessions(engine), author or os.environ.get("WORKBENCH_AUTHOR") or default_author()
    )
    organisations = OrganisationService(context)
    treatments = TreatmentService(context)
    subprocessors = SubprocessorService(context)
    certifications = CertificationService(context)
    audits = AuditService(context)
    notifications = NotificationService(context)
    by_kind: dict[EntityKind, CrudService[Any]] = {
        EntityKind.ORGANISATION: organisations,
        EntityKind.TREATMENT: treatments,
        EntityKind.SUBPROCESSOR: subprocessors,
        EntityKind.CERTIFICATION: certifications,
        EntityKind.AUDIT: audits,
        EntityKind.NOTIFICATION: notifications,
    }
    return Register(
        url=url,
        engine=engine,
        context=context,
        organisations=organisations,
        treatments=treatments,
        subprocessors=subprocessors,
        certifications=certifications,
        audits=audits,
        notifications=notifications,
        journal=JournalService(context, by_kind),
    )
