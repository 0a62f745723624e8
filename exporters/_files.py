"""Writing export files safely and reproducibly.

`atomic_target` hands out a temporary file next to the target and renames it over the target
only when the export finished: a crash, an error or a cancel leaves the previous file as it was
(the rename is atomic on one file system, hence the same folder).

`write_stable_zip` rewrites an Office (zip) package with fixed entry dates: python-docx and
openpyxl stamp every zip entry with the current time, which is why two exports of the same
register would otherwise never be byte-identical.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from workbench.domain.errors import ExportError
from workbench.domain.os_errors import os_error_reason
from workbench.i18n import _
from workbench.progress import Progress


@contextmanager
def atomic_target(target: str | Path) -> Iterator[Path]:
    target = Path(target)
    if not target.parent.is_dir():
        raise ExportError(
            _("Cannot write {target}: the folder {folder} does not exist.").format(
                target=target, folder=target.parent
            )
        )
    try:  # mkstemp creates it 0600: private until renamed (then the target's mode, see below)
        fd, temp_name = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=".part", dir=target.parent
        )
    except OSError as exc:  # a read-only or full folder, or one the user may not write in
        raise ExportError(_cannot_write(target, exc)) from exc
    os.close(fd)
    temp = Path(temp_name)
    try:
        yield temp
        os.chmod(temp, _target_mode(target))
        os.replace(temp, target)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise ExportError(_cannot_write(target, exc)) from exc
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def _cannot_write(target: Path, error: OSError) -> str:
    return _("Cannot write {target}: {reason}.").format(
        target=target, reason=os_error_reason(error)
    )


def _target_mode(target: Path) -> int:
    """Keep the mode of the file replaced; a new file is private (0600): an export of the
    register is personal data, not for the other users of the machine."""
    if target.exists():
        return target.stat().st_mode & 0o777
    return 0o600


def zip_timestamp(when: dt.date) -> tuple[int, int, int, int, int, int]:
    if not 1980 <= when.year <= 2107:  # the years a zip entry can hold
        return (1980, 1, 1, 0, 0, 0)
    return (when.year, when.month, when.day, 0, 0, 0)


def write_stable_zip(package: bytes, path: Path, when: dt.date) -> None:
    """Copy every entry of `package` to `path`, in order, dated `when` at midnight."""
    stamp = zip_timestamp(when)
    with (
        zipfile.ZipFile(io.BytesIO(package)) as source,
        zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as target,
    ):
        for entry in source.infolist():
            info = zipfile.ZipInfo(entry.filename, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            target.writestr(info, source.read(entry.filename))


def as_datetime(when: dt.date) -> dt.datetime:
    """The document timestamp for a snapshot date: midnight UTC, naive as the writers expect."""
    return dt.datetime(when.year, when.month, when.day)


class Ticker:
    """Calls `check_cancelled` on every step and `report` about a hundred times in all."""

    def __init__(self, progress: Progress, total: int, message: str) -> None:
        self._progress = progress
        self._total = max(total, 1)
        self._every = max(self._total // 100, 1)
        self._done = 0
        self._message = message
        progress.report(0, self._total, message)

    def __call__(self) -> None:
        self._progress.check_cancelled()
        self._done += 1
        if self._done % self._every == 0 or self._done == self._total:
            self._progress.report(min(self._done, self._total), self._total, self._message)

    def finish(self) -> None:
        self._progress.report(self._total, self._total, self._message)
