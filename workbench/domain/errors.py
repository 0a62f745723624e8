"""Every error the core raises on purpose. Callers catch these, never SQLAlchemy's."""

from __future__ import annotations


class WorkbenchError(Exception):
    """Base class: the message is meant for the user, as is."""


class NotFoundError(WorkbenchError):
    def __init__(self, kind: str, entity_id: int) -> None:
        super().__init__(f"No {kind} with id {entity_id} in this register.")
        self.kind = kind
        self.entity_id = entity_id


class ValidationError(WorkbenchError):
    """A record breaks a rule; `problems` maps a field name to what is wrong with it."""

    def __init__(self, problems: dict[str, str]) -> None:
        detail = "; ".join(f"{name}: {text}" for name, text in problems.items())
        super().__init__(f"Invalid record: {detail}")
        self.problems = problems


class ConflictError(WorkbenchError):
    """Somebody else changed the record since it was read (optimistic locking)."""

    def __init__(self, kind: str, entity_id: int, expected: int, actual: int) -> None:
        super().__init__(
            f"The {kind} {entity_id} was changed by someone else since you opened it "
            f"(version {actual}, you had {expected}). Reload it and apply your change again."
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


class UnsafeFileError(WorkbenchError):
    """A file to import is refused before it is read: too large, a zip bomb, hostile XML."""


class EncryptedRegisterError(RegisterOpenError):
    """The register is encrypted and the passphrase is missing or wrong: ask for it again."""


class BackupError(WorkbenchError):
    """A backup cannot be made or restored (damaged backup, disk full...)."""
