"""Environment faults as one clear sentence: disk full, read-only file system, permission, a file
name the system cannot encode, a database refusing a write.

The CLI's last resort (workbench/cli/main.py) asks `describe_fault` about any exception that is
not a WorkbenchError. The sentence names the fault and the file when known, and says that
nothing was half written (every write is one transaction, every file is written aside and
renamed). It never quotes the statement or its parameters: those are register contents (a
full disk during an import printed 11 KB of them).
"""

from __future__ import annotations

import errno
from collections.abc import Iterator

from workbench.i18n import _

_SQLITE_MESSAGES = (
    ("database or disk is full", errno.ENOSPC),
    ("attempt to write a readonly database", errno.EROFS),
    ("disk i/o error", errno.EIO),
    ("unable to open database file", errno.EACCES),
)


def describe_fault(exc: BaseException) -> str | None:
    """The sentence for an environment fault, or None if `exc` is not one (a bug: let it show)."""
    for cause in _chain(exc):
        if isinstance(cause, UnicodeError) and "surrogate" in str(cause):
            return _(
                "a file or folder name is not valid text in this system's encoding (it was "
                "written on another system): rename it and try again; nothing was written."
            )
        if isinstance(cause, OSError) and cause.errno is not None:
            message = _os_fault(cause.errno, cause.filename)
            if message:
                return message
        text = str(cause).lower()
        for known, code in _SQLITE_MESSAGES:
            if _is_database_error(cause) and known in text:
                return _os_fault(code, None)
    orig = getattr(exc, "orig", None)
    if orig is not None and _is_database_error(orig):
        return _("the database refused the operation ({reason}); nothing was written.").format(
            reason=str(orig).splitlines()[0] if str(orig) else type(orig).__name__
        )
    return None


def _os_fault(code: int, filename: object) -> str | None:
    where = _(" ({file})").format(file=filename) if filename else ""
    if code in (errno.ENOSPC, errno.EDQUOT):
        return _(
            "no space left on the disk{where}; nothing was written. Free some space and try again."
        ).format(where=where)
    if code == errno.EROFS:
        return _(
            "the file system is read-only{where}; nothing was written. Read commands work "
            "with --read-only."
        ).format(where=where)
    if code in (errno.EACCES, errno.EPERM):
        return _(
            "permission denied{where}: you may not write (or read) there; nothing was written."
        ).format(where=where)
    if code == errno.EIO:
        return _("the disk reported an input/output error{where}; nothing was written.").format(
            where=where
        )
    return None


def _chain(exc: BaseException) -> Iterator[BaseException]:
    seen: set[int] = set()
    pending: list[BaseException | None] = [exc]
    while pending:
        current = pending.pop(0)
        if current is None or id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        orig = getattr(current, "orig", None)
        pending += [orig if isinstance(orig, BaseException) else None]
        pending += [current.__cause__, current.__context__]


def _is_database_error(exc: object) -> bool:
    """A DB-API error (sqlite3, sqlcipher3, psycopg), known by its class, not by importing."""
    names = {cls.__name__ for cls in type(exc).__mro__}
    return bool(names & {"DatabaseError", "OperationalError", "DBAPIError"})
