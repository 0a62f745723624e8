"""Another process using the register: a second app instance, a colleague's writer."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def child_python(script: str, *args: str, ready: str) -> Iterator[subprocess.Popen[str]]:
    """A Python process running `script` with `args`, handed over once it prints `ready` (it
    has taken what it holds: a lock, an open register); killed at the end. Its stdin is a pipe,
    for scripts that hold until told to stop."""
    child = subprocess.Popen(
        [sys.executable, "-c", script, *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == ready
        yield child
    finally:
        child.kill()
        child.wait()
