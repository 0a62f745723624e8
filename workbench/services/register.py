"""Opening a register: one object that hands out every service over one database."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, inspect, select, text
from sqlalchemy.exc import DatabaseError

from workbench.domain.enums import EntityKind
from workbench.domain.errors import (
    BackupError,
    EncryptedRegisterError,
    ReadOnlyLocationError,
    ReadOnlyRegisterError,
    RegisterOpenError,
)
from workbench.services._context import ServiceContext, default_author
from workbench.services._crud import CrudService
from workbench.services.attachment_service import AttachmentService
from workbench.services.audit_service import AuditService
from workbench.services.breach_service import BreachService
from workbench.services.certification_service import CertificationService
from workbench.services.data_subject_request_service import DataSubjectRequestService
from workbench.services.delivery_service import DeliveryService
from workbench.services.journal_service import JournalService
from workbench.services.notification_service import NotificationService
from workbench.services.organisation_service import OrganisationService
from workbench.services.subprocessor_service import SubprocessorService
from workbench.services.treatment_service import TreatmentService
from workbench.storage import migrate
from workbench.storage.backup import (
    DEFAULT_KEEP,
    backup_sqlite,
    check_opens,
    latest_backup,
    list_backups,
    restore_sqlite,
)
from workbench.storage.engine import (
    database_url,
    location_is_writable,
    looks_encrypted,
    make_engine,
    make_sessions,
    sqlite_path,
    what_else_it_is,
)
from workbench.storage.locations import default_register_path
from workbench.storage.lock import RegisterLock
from workbench.storage.models import SettingModel

BACKUP_KEEP_SETTING = "backup_keep"


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
    breaches: BreachService
    requests: DataSubjectRequestService
    deliveries: DeliveryService
    attachments: AttachmentService
    journal: JournalService
    by_kind: dict[EntityKind, CrudService[Any]] = field(default_factory=dict)
    read_only: bool = False
    backup_keep: int = DEFAULT_KEEP
    lock: RegisterLock | None = None
    _passphrase: str | None = None

    @property
    def encrypted(self) -> bool:
        return self._passphrase is not None

    def backup(self, reason: str) -> Path | None:
        """Copy the register aside (rotating, newest `backup_keep` kept); None if not a file.

        Importers call this before an import, so that a wrong import can be undone by a
        restore as well as by undo. Safe while the register is open (SQLite backup API).
        """
        path = self.path
        if path is None:
            return None
        seal = self.journal.head_seal()  # beside the copy: the journal's head when taken
        return backup_sqlite(
            path, reason, keep=self.backup_keep, passphrase=self._passphrase, seal=seal
        )

    @property
    def path(self) -> Path | None:
        return sqlite_path(self.url)

    def service_for(self, kind: EntityKind) -> CrudService[Any]:
        return self.by_kind[kind]

    def is_empty(self) -> bool:
        return not self.organisations.exists()

    def set_backup_keep(self, keep: int) -> None:
        """How many automatic and manual backups to keep (a register setting, at least 1)."""
        if keep < 1:
            raise BackupError("Keep at least one backup.")
        if self.read_only:
            raise ReadOnlyRegisterError(
                "This register is open read-only: the number of backups kept is not changed."
            )
        with self.context.sessions.begin() as session:
            session.merge(SettingModel(key=BACKUP_KEEP_SETTING, value=keep))
        self.backup_keep = keep

    def integrity_problems(self) -> list[str]:
        """What SQLite's full integrity_check finds in the register file ([] when intact)."""
        if self.engine.dialect.name != "sqlite":
            raise BackupError("Only a register file can be checked this way.")
        with self.engine.connect() as conn:
            problems = [row[0] for row in conn.execute(text("PRAGMA integrity_check")).all()]
        return [] if problems == ["ok"] else problems

    def restore(self, backup: Path) -> tuple[Register, Path | None]:
        """Close this register, replace its file with `backup` and open it again: the new
        register, and the copy kept of the file as it was (None if it could not be read)."""
        path = self.path
        if path is None:
            raise BackupError("Only a register file can be restored from a backup.")
        check_opens(backup, self._passphrase)  # refused before this register is closed
        self.close()
        try:
            saved = restore_register(backup, path, self._passphrase)
        finally:
            reopened = open_register(path, self.context.author, passphrase=self._passphrase)
        return reopened, saved

    def close(self) -> None:
        self.engine.dispose()
        if self.lock is not None:
            self.lock.release()


def open_register(
    location: str | Path | None = None,
    author: str | None = None,
    upgrade: bool = True,
    backup_keep: int | None = None,
    *,
    read_only: bool = False,
    passphrase: str | None = None,
) -> Register:
    """Open (creating if needed) and migrate a register. A path or a SQLAlchemy URL.

    A SQLite register is opened by one writer at a time (RegisterLockedError for the second);
    `read_only=True` needs no lock and refuses every write. `passphrase` opens (or creates) a
    SQLCipher-encrypted file. `backup_keep` overrides the register's `backup_keep` setting.
    """
    location = location or default_register_path()
    url = database_url(location)
    path = sqlite_path(url)
    lock: RegisterLock | None = None
    if path is not None:
        if read_only and not path.exists():
            raise RegisterOpenError(f"{path} does not exist.")
        other = what_else_it_is(path) if path.exists() else None
        if other is not None:
            raise RegisterOpenError(
                f"{path} is not a DPO Workbench register: it is {other}. Give the register "
                f"file with --db; to read this file into the register, use `dpo-workbench "
                f"import {path}`."
            )
        if not read_only and not location_is_writable(path):
            raise ReadOnlyLocationError(
                f"{path} is on a read-only file system or in a folder you may not write to: "
                "it can be opened read-only (--read-only), not changed."
            )
        path.parent.mkdir(parents=True, exist_ok=True)
        if not read_only:
            lock = RegisterLock(path).acquire()
    engine = make_engine(url, read_only=read_only, passphrase=passphrase)
    try:
        keep = _open_checks(engine, location, path, upgrade, read_only, passphrase, backup_keep)
    except BaseException:
        engine.dispose()
        if lock is not None:
            lock.release()
        raise
    reg = build_register(url, engine, author, read_only=read_only)
    reg.lock = lock
    reg.backup_keep = keep
    reg._passphrase = passphrase
    if path is not None and not read_only:
        reg.context.before_import = lambda _label: reg.backup("before-import")
    return reg


def register_is_encrypted(location: str | Path | None = None) -> bool:
    """True if the register file is SQLCipher-encrypted: ask for its passphrase before opening.

    The GUI calls this (it must not import workbench.storage), then
    `open_register(path, passphrase=...)`; a wrong passphrase raises EncryptedRegisterError.
    """
    path = sqlite_path(database_url(location or default_register_path()))
    return path is not None and path.exists() and looks_encrypted(path)


def register_backups(location: str | Path | None = None) -> list[Path]:
    """The backups of a register file, newest first (none for a database server)."""
    path = sqlite_path(database_url(location or default_register_path()))
    return [] if path is None else list_backups(path)


def restore_register(
    backup: Path, location: str | Path | None = None, passphrase: str | None = None
) -> Path | None:
    """Replace the register file with `backup`; return the copy made of it first, if readable.

    Refused while another process has the register open. The current file is kept as a
    `before-restore` backup when it can still be read, so a restore can itself be undone.
    """
    path = sqlite_path(database_url(location or default_register_path()))
    if path is None:
        raise BackupError("Only a register file can be restored from a backup.")
    if not backup.is_file():
        raise BackupError(f"There is no backup file {backup}.")
    check_opens(backup, passphrase)  # a wrong passphrase is said as such, before any change
    lock = RegisterLock(path).acquire()
    try:
        saved: Path | None = None
        if path.exists() and path.stat().st_size:
            try:
                seal = _file_seal(path, passphrase)
                saved = backup_sqlite(path, "before-restore", passphrase=passphrase, seal=seal)
            except Exception:  # a damaged file is why one restores: go on without a copy
                saved = None
        restore_sqlite(backup, path, passphrase)
        return saved
    finally:
        lock.release()


def _open_checks(
    engine: Engine,
    location: str | Path,
    path: Path | None,
    upgrade: bool,
    read_only: bool,
    passphrase: str | None,
    backup_keep: int | None,
) -> int:
    """Check the file is sound, back it up and migrate it; return the number of backups kept."""
    try:
        if path is not None and path.exists() and path.stat().st_size > 0:
            _check_sqlite_integrity(engine, path)
        if migrate.is_newer_than_app(engine):
            raise RegisterOpenError(
                f"{location} was written by a newer DPO Workbench; "
                "update the application to open it."
            )
        keep = _setting_backup_keep(engine) if backup_keep is None else backup_keep
        if migrate.needs_upgrade(engine):
            if read_only:
                raise RegisterOpenError(
                    f"{location} needs an upgrade to this version of DPO Workbench; "
                    "open it once for writing first."
                )
            if upgrade:
                if path is not None and inspect(engine).get_table_names():
                    seal = _journal_seal(engine)
                    engine.dispose()  # release the file so the backup sees every WAL page
                    backup_sqlite(
                        path, "before-migration", keep=keep, passphrase=passphrase, seal=seal
                    )
                migrate.upgrade(engine)
        return keep
    except DatabaseError as exc:
        raise _unreadable(location, path, passphrase, str(exc.orig)) from exc


def _journal_seal(engine: Engine) -> str | None:
    """The journal head of a register about to be migrated or replaced, for its backup's seal.

    The journal's head is read with the tables of revision 0001 (entries and operations have
    kept their columns since), so an older register is sealed before it is migrated. None when
    the file holds no journal that can be read: the backup is still made, without a seal.
    """
    from sqlalchemy.orm import Session

    from workbench.services.journal_proof import journal_head

    try:
        with Session(engine) as session:
            return journal_head(session).text()
    except DatabaseError:
        return None


def _file_seal(path: Path, passphrase: str | None) -> str | None:
    engine = make_engine(database_url(path), read_only=True, passphrase=passphrase)
    try:
        return _journal_seal(engine)
    finally:
        engine.dispose()


def _check_sqlite_integrity(engine: Engine, path: Path) -> None:
    # quick_check reads every page (not the index contents): a damaged file is refused at open,
    # with the way out, instead of failing later in the middle of some screen.
    with engine.connect() as conn:
        problems = [row[0] for row in conn.execute(text("PRAGMA quick_check")).all()]
    if problems != ["ok"]:
        raise _unreadable(path, path, None, "; ".join(problems[:3]))


def _unreadable(
    location: str | Path, path: Path | None, passphrase: str | None, detail: str
) -> RegisterOpenError:
    if path is not None and looks_encrypted(path):
        if passphrase is None:
            return EncryptedRegisterError(
                f"{location} is encrypted (or damaged): give its passphrase "
                "(--passphrase-file or WORKBENCH_PASSPHRASE)."
            )
        return EncryptedRegisterError(
            f"{location} cannot be opened with this passphrase (wrong passphrase, or the file "
            "is damaged)."
        )
    backup = latest_backup(path) if path is not None else None
    advice = (
        f" The latest backup is {backup}: restore it with `dpo-workbench --db {path} restore "
        f"{backup}`."
        if backup is not None
        else " No backup of it was found."
    )
    return RegisterOpenError(
        f"{location} is not a readable DPO Workbench register ({detail}).{advice}"
    )


def _setting_backup_keep(engine: Engine) -> int:
    if not inspect(engine).has_table(SettingModel.__tablename__):
        return DEFAULT_KEEP
    with engine.connect() as conn:
        value = conn.execute(
            select(SettingModel.value).where(SettingModel.key == BACKUP_KEEP_SETTING)
        ).scalar()
    return value if isinstance(value, int) and value > 0 else DEFAULT_KEEP


def build_register(
    url: str, engine: Engine, author: str | None = None, *, read_only: bool = False
) -> Register:
    context = ServiceContext(
        make_sessions(engine),
        author or os.environ.get("WORKBENCH_AUTHOR") or default_author(),
        read_only=read_only,
    )
    organisations = OrganisationService(context)
    treatments = TreatmentService(context)
    subprocessors = SubprocessorService(context)
    certifications = CertificationService(context)
    audits = AuditService(context)
    notifications = NotificationService(context)
    breaches = BreachService(context)
    requests = DataSubjectRequestService(context)
    deliveries = DeliveryService(context)
    attachments = AttachmentService(context)
    services: tuple[CrudService[Any], ...] = (
        organisations,
        treatments,
        subprocessors,
        certifications,
        audits,
        notifications,
        breaches,
        requests,
        deliveries,
        attachments,
    )
    # one table from kind to service, for the journal (undo, replay) and `service_for`
    by_kind = {service.mapper.kind: service for service in services}
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
        breaches=breaches,
        requests=requests,
        deliveries=deliveries,
        attachments=attachments,
        journal=JournalService(context, by_kind),
        by_kind=by_kind,
        read_only=read_only,
    )
