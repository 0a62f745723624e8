"""Every error the core raises on purpose. Callers catch these, never SQLAlchemy's."""

from __future__ import annotations

from workbench.i18n import _


class WorkbenchError(Exception):
    """Base class: the message is meant for the user, as is."""


class NotFoundError(WorkbenchError):
    def __init__(self, kind: str, entity_id: int) -> None:
        super().__init__(
            _("No {kind} with id {id} in this register.").format(kind=kind, id=entity_id)
        )
        self.kind = kind
        self.entity_id = entity_id


class ValidationError(WorkbenchError):
    """A record breaks a rule; `problems` maps a field name to what is wrong with it."""

    def __init__(self, problems: dict[str, str]) -> None:
        detail = "; ".join(f"{name}: {text}" for name, text in problems.items())
        super().__init__(_("Invalid record: {detail}").format(detail=detail))
        self.problems = problems


class ConflictError(WorkbenchError):
    """Somebody else changed the record since it was read (optimistic locking)."""

    def __init__(self, kind: str, entity_id: int, expected: int, actual: int) -> None:
        super().__init__(
            _(
                "The {kind} {id} was changed by someone else since you opened it "
                "(version {actual}, you had {expected}). Reload it and apply your change again."
            ).format(kind=kind, id=entity_id, actual=actual, expected=expected)
        )
        self.kind = kind
        self.entity_id = entity_id
        self.expected = expected
        self.actual = actual


class RegisterOpenError(WorkbenchError):
    """The register file cannot be opened: missing, corrupt, locked, or from a newer version."""


class NothingToUndoError(WorkbenchError):
    pass


class JournalIntegrityError(WorkbenchError):
    """The journal's hash chain is broken: an entry was altered or removed outside the app."""


class RegisterLockedError(RegisterOpenError):
    """Another DPO Workbench (this machine or another) has the register open for writing."""


class ReadOnlyRegisterError(WorkbenchError):
    """A write was attempted on a register opened read-only."""


class ReadOnlyLocationError(RegisterOpenError):
    """The register is on a read-only file system, or in a folder this user may not write to:
    it can be opened read-only, not for writing."""


class EnvironmentFaultError(WorkbenchError):
    """The machine refused a write or a read: disk full, read-only file system, permission,
    a file name the system cannot encode. The message says which, and that nothing was half
    written; never the data being written."""


class UnsafeFileError(WorkbenchError):
    """A file to import is refused before it is read: too large, a zip bomb, hostile XML."""


class EncryptedRegisterError(RegisterOpenError):
    """The register is encrypted and the passphrase is missing or wrong: ask for it again."""


class ExportError(WorkbenchError):
    """An export could not be written (folder missing, file locked, disk full...)."""


class ImportFileError(WorkbenchError):
    """A file cannot be imported. The message names the file, and the sheet, row (1-based, as a
    spreadsheet shows it) and column when they are known, then what was expected."""

    def __init__(
        self,
        file: str,
        problem: str,
        sheet: str = "",
        row: int | None = None,
        column: str = "",
    ) -> None:
        where = [file]
        if sheet:
            where.append(f"sheet '{sheet}'")
        if row is not None:
            where.append(f"row {row}")
        if column:
            where.append(f"column '{column}'")
        super().__init__(f"{', '.join(where)}: {problem}")
        self.file = file
        self.sheet = sheet
        self.row = row
        self.column = column
        self.problem = problem


class UnreadableFileError(ImportFileError):
    """Empty, truncated, encrypted, or not the format its name says."""


class NoTableFoundError(ImportFileError):
    """No sheet or table of the file has a header the importer recognises."""


class OrganisationNeededError(ImportFileError):
    """Rows name no organisation and the register has none (or several) of its own: the import
    must be told which one to import into, or which to create."""

    def __init__(
        self, file: str, several: bool, sheet: str = "", row: int | None = None, hint: str = ""
    ) -> None:
        problem = (
            _("the register has several organisations of its own; name the one to import into.")
            if several
            else _(
                "the register has no organisation of its own to import into; name the one to "
                "create."
            )
        )
        super().__init__(file, f"{problem} {hint}".strip(), sheet, row)
        self.several = several


class MappingError(ImportFileError):
    """A required column (the name) is not mapped, or a mapping profile does not fit the file."""


class BackupError(WorkbenchError):
    """A backup cannot be made or restored (damaged backup, disk full...)."""
