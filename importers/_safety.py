"""Guards run on a file before any importer parses it: size, zip bombs, hostile XML.

A file to import comes from outside (a vendor's spreadsheet, a colleague's Word register) and is
read by parsers that trust it. `guard_file(path)` refuses, with a clear `UnsafeFileError`:
- a file larger than `max_file_bytes` (oversized input exhausts memory before any row is read),
  whatever its format (CSV and text included);
- for zip-based formats (.xlsx, .xlsm, .ods, .docx...), an archive that expands beyond
  `max_uncompressed_bytes`, or any member that expands more than `max_ratio` times, or with more
  than `max_entries` members: a "zip bomb". The members are really decompressed (in chunks,
  stopping at the limit), because the sizes an archive declares can lie;
and it switches the standard library's XML parsers (ElementTree, SAX, minidom: used by openpyxl
and odfpy) to defusedxml's, which refuse entity expansion (billion laughs) and external entities
(XXE). python-docx and the xlsx reader (importers/xlsx_stream.py) parse with lxml with entity
resolution, DTD loading and network access off; calamine does not expand DTDs.

Limits on the structure (columns, spans, rows, cells, time) are in importers/_structure.py.
The limits are settings with defaults (`SafetyLimits`); the import service may build them from
the register's settings (`SafetyLimits.from_settings`).
"""

from __future__ import annotations

import dataclasses
import warnings
import zipfile
import zlib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import defusedxml

from workbench.domain.errors import UnsafeFileError
from workbench.i18n import _

MIB = 1024 * 1024
ZIP_FORMATS = frozenset({".xlsx", ".xlsm", ".xltx", ".ods", ".docx", ".docm", ".odt"})
_CHUNK = 256 * 1024
# Tiny members (XML with repeated tags) compress far more than 100:1 legitimately; the ratio
# only means something once a member is big.
_RATIO_FLOOR_BYTES = 2 * MIB


@dataclass(frozen=True, slots=True)
class SafetyLimits:
    max_file_bytes: int = 50 * MIB
    max_uncompressed_bytes: int = 500 * MIB
    max_ratio: int = 200
    max_entries: int = 10_000
    # structure (importers/_structure.py): Excel's own limits are 16,384 columns and 1,048,576
    # rows; a register has a few dozen columns
    max_columns: int = 1_000
    max_rows: int = 1_048_576
    max_cells: int = 1_000_000  # Word and ODS tables, which their readers hold whole
    max_document_bytes: int = 64 * MIB  # word/document.xml, which python-docx holds whole
    # python-docx reads ~3,000 table rows a second (less on a busy machine): a Word table of a
    # register has hundreds
    max_word_rows: int = 10_000
    max_seconds: int = 120  # to find the tables of one file

    @classmethod
    def from_settings(cls, settings: Mapping[str, Any]) -> SafetyLimits:
        """Limits from settings named like the fields (`import.max_file_bytes`...), else default."""
        values: dict[str, int] = {}
        for name in (f.name for f in dataclasses.fields(cls)):
            value = settings.get(f"import.{name}", settings.get(name))
            if isinstance(value, int) and not isinstance(value, bool) and value > 0:
                values[name] = value
        return cls(**values)


DEFAULT_LIMITS = SafetyLimits()


def guard_file(path: str | Path, limits: SafetyLimits = DEFAULT_LIMITS) -> Path:
    """Every check for a file about to be imported; returns the path. Raises UnsafeFileError."""
    path = Path(path)
    defuse_xml()
    check_file_size(path, limits.max_file_bytes)
    if path.suffix.lower() in ZIP_FORMATS:
        check_zip_archive(path, limits.max_ratio, limits.max_uncompressed_bytes, limits.max_entries)
    return path


def check_file_size(path: str | Path, limit: int = DEFAULT_LIMITS.max_file_bytes) -> int:
    """The file's size, if it is a readable regular file no larger than `limit` bytes."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise UnsafeFileError(
            _("{file}: cannot be read ({reason}).").format(file=path, reason=exc.strerror)
        ) from exc
    if not path.is_file():
        raise UnsafeFileError(_("{file}: is not a file.").format(file=path))
    if size > limit:
        raise UnsafeFileError(
            _(
                "{file}: the file is {size} MB, more than the {limit} MB allowed for an import "
                "(setting import.max_file_bytes)."
            ).format(file=path, size=_mb(size), limit=_mb(limit))
        )
    return size


def check_zip_archive(
    path: str | Path,
    max_ratio: int = DEFAULT_LIMITS.max_ratio,
    max_total: int = DEFAULT_LIMITS.max_uncompressed_bytes,
    max_entries: int = DEFAULT_LIMITS.max_entries,
) -> int:
    """Decompress every member (without keeping it) and refuse a zip bomb; the expanded size."""
    path = Path(path)
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            if len(members) > max_entries:
                raise UnsafeFileError(
                    _("{file}: the archive holds {count} files, more than {limit}.").format(
                        file=path, count=len(members), limit=max_entries
                    )
                )
            total = 0
            for member in members:
                total += _expanded_size(archive, member, path, max_ratio, total, max_total)
            return total
    except UnsafeFileError:
        raise
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        zlib.error,
        EOFError,
        OSError,
        ValueError,
    ) as exc:
        raise UnsafeFileError(
            _("{file}: not a valid {kind} file (damaged archive: {reason}).").format(
                file=path, kind=path.suffix.lstrip(".").upper() or "zip", reason=exc
            )
        ) from exc
    except (NotImplementedError, RuntimeError) as exc:  # encrypted or exotic compression
        raise UnsafeFileError(
            _("{file}: the archive cannot be read ({reason}).").format(file=path, reason=exc)
        ) from exc


def _expanded_size(
    archive: zipfile.ZipFile,
    member: zipfile.ZipInfo,
    path: Path,
    max_ratio: int,
    used: int,
    max_total: int,
) -> int:
    compressed = max(member.compress_size, 1)
    expanded = 0
    with archive.open(member) as stream:
        while chunk := stream.read(_CHUNK):
            expanded += len(chunk)
            if used + expanded > max_total:
                raise UnsafeFileError(
                    _(
                        "{file}: the archive expands to more than the {limit} MB allowed "
                        "(a zip bomb?) (setting import.max_uncompressed_bytes)."
                    ).format(file=path, limit=_mb(max_total))
                )
            if expanded > _RATIO_FLOOR_BYTES and expanded / compressed > max_ratio:
                raise UnsafeFileError(
                    _(
                        "{file}: '{member}' expands more than {ratio} times (a zip bomb?) "
                        "(setting import.max_ratio)."
                    ).format(file=path, member=member.filename, ratio=max_ratio)
                )
    return expanded


_defused = False


def defuse_xml() -> None:
    """Make the standard library's XML parsers refuse entity bombs and external entities."""
    global _defused  # noqa: PLW0603 - patching the standard library is process-wide anyway
    if not _defused:
        with warnings.catch_warnings():  # it imports its own deprecated cElementTree shim
            warnings.simplefilter("ignore", DeprecationWarning)
            defusedxml.defuse_stdlib()  # type: ignore[attr-defined]  # missing from the stubs
        _defused = True


def _mb(size: int) -> str:
    return f"{size / MIB:.1f}"
