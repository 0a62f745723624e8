"""One writer per register file: an OS lock on `<register>.lock`, held while the register is open.

The lock is an advisory OS lock (fcntl.flock on POSIX, msvcrt.locking on Windows), so it goes
away with the process, even when the process is killed: a crash never leaves a stale lock behind.
The file also carries who holds it (user, host, pid, since) so that the second instance can say
who to ask. Within one process the lock is shared and counted: the GUI and a CLI call in the
same process serialise their writes themselves (one write thread), only other processes are kept
out.
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

_held: dict[Path, tuple[IO[str], int]] = {}
_held_guard = threading.Lock()


def lock_path_for(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


@dataclass(frozen=True, slots=True)
class LockHolder:
    user: str = "?"
    host: str = "?"
    pid: int = 0
    since: str = ""

    def describe(self) -> str:
        return f"{self.user} on {self.host} (process {self.pid}, since {self.since})"


class RegisterLock:
    """`acquire()` or raise RegisterLockedError; `release()` (idempotent)."""

    def __init__(self, db_path: Path) -> None:
        self.db_path = db_path.resolve()
        self.path = lock_path_for(self.db_path)
        self._acquired = False

    def acquire(self) -> RegisterLock:
        with _held_guard:
            if self.path in _held:
                handle, count = _held[self.path]
                _held[self.path] = (handle, count + 1)
                self._acquired = True
                return self
            handle = self.path.open("a+", encoding="utf-8")
            if not _try_lock(handle):
                holder = read_holder(self.path)
                handle.close()
                raise RegisterLockedError(
                    f"{self.db_path} is already open for writing by {holder.describe()}. "
                    "Close DPO Workbench there first, or open the register read-only."
                )
            _write_holder(handle)
            _held[self.path] = (handle, 1)
            self._acquired = True
            return self

    def release(self) -> None:
        with _held_guard:
            if not self._acquired:
                return
            self._acquired = False
            handle, count = _held[self.path]
            if count > 1:
                _held[self.path] = (handle, count - 1)
                return
            del _held[self.path]
            _unlock(handle)
            handle.close()

    @property
    def held(self) -> bool:
        return self._acquired


def is_locked(db_path: Path) -> bool:
    """True if some other process holds the register's lock right now."""
    path = lock_path_for(db_path.resolve())
    with _held_guard:
        if path in _held:
            return False
    if not path.exists():
        return False
    with path.open("a+", encoding="utf-8") as handle:
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


def _write_holder(handle: IO[str]) -> None:
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
    handle.seek(0)
    handle.truncate()
    handle.write(json.dumps(holder))
    handle.flush()


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(handle: IO[str]) -> bool:
        # Lock one byte far past the holder text, which the other side must still read.
        handle.seek(1 << 20)
        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(handle: IO[str]) -> None:
        handle.seek(1 << 20)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(handle: IO[str]) -> bool:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(handle: IO[str]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
