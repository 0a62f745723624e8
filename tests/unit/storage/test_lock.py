from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.processes import child_python
from workbench.domain.errors import RegisterLockedError
from workbench.storage.lock import RegisterLock, is_locked, lock_path_for, read_holder

HOLD_LOCK = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from workbench.storage.lock import RegisterLock
    RegisterLock(Path(sys.argv[1])).acquire()
    print("locked", flush=True)
    time.sleep(60)
    """
)


@pytest.fixture
def holder(tmp_path: Path) -> Iterator[subprocess.Popen[str]]:
    """Another process holding the lock of tmp_path/register.sqlite."""
    with child_python(HOLD_LOCK, str(tmp_path / "register.sqlite"), ready="locked") as child:
        yield child


def test_a_second_process_is_refused_and_told_who_holds_the_lock(
    tmp_path: Path, holder: subprocess.Popen[str]
) -> None:
    with pytest.raises(RegisterLockedError) as refused:
        RegisterLock(tmp_path / "register.sqlite").acquire()
    assert f"process {holder.pid}" in str(refused.value)
    assert "read-only" in str(refused.value)
    assert is_locked(tmp_path / "register.sqlite")


def test_a_killed_holder_leaves_no_stale_lock(
    tmp_path: Path, holder: subprocess.Popen[str]
) -> None:
    os.kill(holder.pid, signal.SIGKILL)
    holder.wait()
    lock = RegisterLock(tmp_path / "register.sqlite").acquire()
    assert lock.held
    assert read_holder(lock.path).pid == os.getpid()
    lock.release()


def test_within_one_process_the_lock_is_shared_and_counted(tmp_path: Path) -> None:
    db = tmp_path / "register.sqlite"
    first = RegisterLock(db).acquire()
    second = RegisterLock(db).acquire()
    first.release()
    assert _other_process_can_lock(db) is False  # still held by `second`
    second.release()
    second.release()  # idempotent
    assert _other_process_can_lock(db) is True
    assert lock_path_for(db).name == "register.sqlite.lock"


def _other_process_can_lock(db: Path) -> bool:
    code = (
        "import sys\nfrom pathlib import Path\nfrom workbench.storage.lock import RegisterLock\n"
        "from workbench.domain.errors import RegisterLockedError\n"
        "try:\n    RegisterLock(Path(sys.argv[1])).acquire()\nexcept RegisterLockedError:\n"
        "    sys.exit(3)\n"
    )
    started = time.monotonic()
    result = subprocess.run([sys.executable, "-c", code, str(db)], check=False, timeout=60)
    assert time.monotonic() - started < 60
    return result.returncode == 0
