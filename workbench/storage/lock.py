"""One writer per register file, whatever the name it is opened by: an OS lock on the file itself.

On POSIX the lock is `flock` on the database file: it belongs to the file (its device and
inode), not to a name, so a hard link, a symlink or a second mount path of the same file meets
the same lock (a lock keyed by path let two writers into one file, which SQLite then corrupted).
flock locks are independent of the byte-range locks SQLite takes on the same file. On Windows,
whose locks are mandatory (a lock on the database would block SQLite itself), the lock is
`msvcrt.locking` on `<register>.lock`.

The lock is an advisory OS lock, so it goes away with the process, even when the process is
killed: a crash never leaves a stale lock behind. `<register>.lock` also carries who holds it
(user, host, pid, since) so that the second instance can say who to ask; a second name of the
file has its own `.lock`, so the holder may then be unknown. Within one process the lock is
shared and counted per file identity: the GUI and a CLI call in the same process serialise
their writes themselves (one write thread), only other processes are kept out.
"""

from __future__ import annotations

import datetime as dt
import getpass
import json
import os
import socket
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from workbench.domain.errors import RegisterLockedError

WINDOWS = sys.platform == "win32"
# held locks of this process, by file identity (device, inode): the handle locked, and a count
_held: dict[tuple[int, int], tuple[IO[bytes], int]] = {}
_held_guard = threading.Lock()


def lock_path_for(db_path: Path) -> Path:
    """The file naming who holds the lock (and, on Windows, the file locked)."""
    return db_path.with_name(db_path.name + ".lock")


@dataclass(frozen=True, slots=True)
class LockHolder:
    user: str = "?"
    host: str = "?"
    pid: int = 0
    since: str = ""

    def describe(self) -> str:
        if not self.pid:  # the holder opened the file by another name: its .lock is there
            return "another process (possibly through another name or path of the file)"
        return f"{self.user} on {self.host} (process {self.pid}, since {self.since})"


class RegisterLock:
    """`acquire()` or raise RegisterLockedError; `release()` (idempotent)."""

    def __init__(self, db_path: Path) -> None:
        self.db_path = db_path.resolve()
        self.path = lock_path_for(self.db_path)
        self._identity: tuple[int, int] | None = None

    def acquire(self) -> RegisterLock:
        with _held_guard:
            handle = _open_lock_target(self.db_path, self.path)
            identity = _identity(handle)
            if identity in _held:
                handle.close()
                held, count = _held[identity]
                _held[identity] = (held, count + 1)
                self._identity = identity
                return self
            if not _try_lock(handle):
                holder = read_holder(self.path)
                handle.close()
                raise RegisterLockedError(
                    f"{self.db_path} is already open for writing by {holder.describe()}. "
                    "Close DPO Workbench there first, or open the register read-only "
                    "(the option --read-only of the command line; read commands fall back "
                    "to it by themselves)."
                )
            _write_holder(self.path)
            _held[identity] = (handle, 1)
            self._identity = identity
            return self

    def release(self) -> None:
        with _held_guard:
            identity, self._identity = self._identity, None
            if identity is None:
                return
            handle, count = _held[identity]
            if count > 1:
                _held[identity] = (handle, count - 1)
                return
            del _held[identity]
            _clear_holder(self.path)
            _unlock(handle)
            handle.close()

    @property
    def held(self) -> bool:
        return self._identity is not None


def is_locked(db_path: Path) -> bool:
    """True if some other process holds the register's lock right now."""
    db_path = db_path.resolve()
    target = lock_path_for(db_path) if WINDOWS else db_path
    if not target.exists():
        return False
    with _held_guard, target.open("rb") as handle:
        if _identity(handle) in _held:
            return False
        if _try_lock(handle):
            _unlock(handle)
            return False
        return True


def read_holder(path: Path) -> LockHolder:
    try:
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8") or "{}")
    except (OSError, ValueError):
        return LockHolder()
    return LockHolder(
        user=str(data.get("user", "?")),
        host=str(data.get("host", "?")),
        pid=int(data.get("pid", 0)),
        since=str(data.get("since", "")),
    )


def _write_holder(path: Path) -> None:
    """Best effort: who holds the lock, for the message of the next one (not the lock)."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = "?"
    holder = {
        "user": user,
        "host": socket.gethostname(),
        "pid": os.getpid(),
        "since": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
    }
    try:
        if WINDOWS:  # pragma: no cover - the locked file itself: rewrite, keep the handle's lock
            with path.open("r+", encoding="utf-8") as handle:
                handle.truncate()
                handle.write(json.dumps(holder))
        else:
            descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
                handle.write(json.dumps(holder))
    except OSError:
        pass  # a read-only folder: the lock holds all the same


def _clear_holder(path: Path) -> None:
    try:
        with path.open("r+", encoding="utf-8") as handle:
            handle.truncate()
    except OSError:
        pass


def _identity(handle: IO[bytes]) -> tuple[int, int]:
    status = os.fstat(handle.fileno())
    return (status.st_dev, status.st_ino)


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _open_lock_target(db_path: Path, lock_path: Path) -> IO[bytes]:
        del db_path
        return lock_path.open("a+b")

    def _try_lock(handle: IO[bytes]) -> bool:
        # Lock one byte far past the holder text, which the other side must still read.
        handle.seek(1 << 20)
        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(handle: IO[bytes]) -> None:
        handle.seek(1 << 20)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _open_lock_target(db_path: Path, lock_path: Path) -> IO[bytes]:
        """The database file itself, created empty (private) if new: SQLite takes an empty
        file as a new database. Opened for reading only: flock needs no more."""
        del lock_path
        try:
            return db_path.open("rb")
        except FileNotFoundError:
            os.close(os.open(db_path, os.O_WRONLY | os.O_CREAT, 0o600))
            return db_path.open("rb")

    def _try_lock(handle: IO[bytes]) -> bool:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(handle: IO[bytes]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
