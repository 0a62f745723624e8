"""Opening a file with the application the desktop associates with it.

Attached files and letter previews are written to a private folder (created 0700 by `mkdtemp`,
removed at exit) and opened from there: the register's content never lands in a shared
temporary folder readable by other users.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

_private: Path | None = None


def private_folder() -> Path:
    """A folder only this user can read, for the files opened in this session."""
    global _private  # noqa: PLW0603 - one folder per process, created when first needed
    if _private is None or not _private.exists():
        _private = Path(tempfile.mkdtemp(prefix="dpo-workbench-"))
        atexit.register(shutil.rmtree, _private, True)
    return _private


def open_file(path: Path) -> bool:
    """Open `path` with the desktop's application for it; False if none could."""
    return bool(QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))))
