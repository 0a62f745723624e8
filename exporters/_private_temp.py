"""openpyxl's temporary sheet files, kept private and beside the export.

In write-only mode openpyxl streams each sheet to a temporary file created by
`openpyxl.worksheet._writer.create_temporary_file`, in the system's temporary folder, and
removes it only when the workbook is saved or at interpreter exit: an interrupted export of an
encrypted register left its contents there in plaintext, unknown to the user. Within
`sheets_beside(target)` (on this thread) those files are created in the export's own
folder where its `.part` file is written, 0600 and hidden (`.openpyxl.*.xml`), and every one of
them is removed when the block ends, whether the export finished, failed or was cancelled. A
killed export leaves them beside its target; the next export into that folder removes those
older than STALE_SECONDS.
"""

from __future__ import annotations

import os
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from openpyxl.worksheet import _writer as openpyxl_writer

from workbench.domain.errors import ExportError

PREFIX = ".openpyxl."
STALE_SECONDS = 3600  # a sheet being written is touched all along; an hour old, it is orphaned
_local = threading.local()
_system_temporary_file = openpyxl_writer.create_temporary_file


def _create_temporary_file(suffix: str = "") -> str:
    target: Path | None = getattr(_local, "target", None)
    if target is None:
        return str(_system_temporary_file(suffix))
    try:
        descriptor, name = tempfile.mkstemp(
            suffix=suffix or ".xml", prefix=PREFIX, dir=target.parent
        )
    except OSError as exc:  # a read-only or full folder: said of the export, not of our file
        raise ExportError(f"Cannot write {target}: {exc.strerror or exc}.") from exc
    os.close(descriptor)  # mkstemp creates it 0600
    _local.created.append(name)
    openpyxl_writer.ALL_TEMP_FILES.append(name)
    return name


openpyxl_writer.create_temporary_file = _create_temporary_file


@contextmanager
def sheets_beside(target: Path) -> Iterator[None]:
    """Within this block (this thread), openpyxl's sheet files go beside `target`."""
    _remove_stale(target.parent)
    previous = getattr(_local, "target", None), getattr(_local, "created", [])
    _local.target, _local.created = target, []
    try:
        yield
    finally:
        for name in _local.created:
            Path(name).unlink(missing_ok=True)
        _local.target, _local.created = previous


def _remove_stale(folder: Path) -> None:
    limit = time.time() - STALE_SECONDS
    for leftover in folder.glob(PREFIX + "*"):
        try:
            if leftover.stat().st_mtime < limit:
                leftover.unlink()
        except OSError:
            continue  # another export's, or not ours to remove: leave it
