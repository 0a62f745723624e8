"""The manifest of a sealed package, in the format of the CNIL's LOUTRE tool.

LOUTRE ("LOgiciel Unique de TRaitement des Empreintes", github.com/LINCnil/loutre) is what CNIL
agents use to fingerprint the digital documents they collect during an inspection. Its content
file (`contenu.txt` by default) is one header line, then one line per document, tab-separated
and CRLF-terminated, sorted by name:

    Nom du document<TAB>Taille (octets)<TAB>SHA256
    registre.docx<TAB>48213<TAB>3f1c…(64 lowercase hex digits)

(src/serializers/ctn_file_cnil.rs and src/parsers/cnil_content_file.rs, LINCnil/loutre at
418c1b0f and 2c8d7d52). A package written here can therefore be checked by the auditor with the
CNIL's own tool, or with `dpo-workbench verify-package`, which reads the same format.

The manifest covers every file of the package but itself; its own SHA-256 is what the DPO's
sign-off records (and what a covering letter can quote): a manifest rewritten to match altered
files no longer has the recorded hash.
"""

from __future__ import annotations

import hashlib
import re
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from workbench.domain.errors import WorkbenchError

MANIFEST_NAME = "contenu.txt"
HEADER = ("Nom du document", "Taille (octets)", "SHA256")
MAX_MANIFEST_BYTES = 4 * 1024 * 1024  # some 40,000 lines: far beyond any package
# A register's package is megabytes; a zip announcing more is not one (and would cost minutes).
MAX_UNPACKED_BYTES = 2 * 1024**3
_CHUNK = 1024 * 1024
_HEX64 = re.compile(r"[0-9a-fA-F]{64}")


class PackageError(WorkbenchError):
    """A package or its manifest cannot be read; the message says which file and line."""


@dataclass(frozen=True, slots=True)
class ManifestLine:
    name: str  # relative, "/"-separated
    size: int
    sha256: str  # lowercase hex


@dataclass(frozen=True, slots=True)
class PackageCheck:
    manifest_sha256: str
    listed: int
    changed: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()
    unlisted: tuple[str, ...] = ()  # in the package, not in the manifest
    intact_names: tuple[str, ...] = field(default=(), repr=False)

    @property
    def intact(self) -> bool:
        return not (self.changed or self.missing or self.unlisted)


def fingerprint(stream: BinaryIO) -> tuple[int, str]:
    """(size, SHA-256) of a stream read in chunks: memory stays flat whatever the file's size."""
    digest = hashlib.sha256()
    size = 0
    while chunk := stream.read(_CHUNK):
        size += len(chunk)
        digest.update(chunk)
    return size, digest.hexdigest()


def manifest_for(folder: Path, names: Iterable[str]) -> bytes:
    """The manifest of the files `names` of `folder`, as LOUTRE writes it."""
    lines = ["\t".join(HEADER)]
    for name in sorted(names):
        with (folder / name).open("rb") as handle:
            size, sha = fingerprint(handle)
        lines.append(f"{name}\t{size}\t{sha}")
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


def read_manifest(data: bytes, source: str) -> list[ManifestLine]:
    """The lines of a manifest; a clear error naming `source` and the line otherwise."""
    if len(data) > MAX_MANIFEST_BYTES:
        raise PackageError(f"{source}: a manifest of {len(data)} bytes is not a package manifest.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise PackageError(f"{source}: not UTF-8 text (byte {exc.start}).") from exc
    rows = text.splitlines()
    if not rows or len(rows[0].rstrip("\t").split("\t")) != 3:
        raise PackageError(f"{source}, line 1: expected the header {'<TAB>'.join(HEADER)}.")
    if rows[0].rstrip("\t").split("\t")[2].strip().upper() not in ("SHA256", "SHA-256"):
        raise PackageError(f"{source}, line 1: only SHA-256 manifests are read.")
    lines = []
    for number, row in enumerate(rows[1:], start=2):
        if not row.strip():
            continue
        # A name may itself hold tabs (LOUTRE allows it): the size and hash are the last two.
        *name_parts, size, sha = row.rstrip("\t").split("\t") if "\t" in row else (row, "", "")
        name = "\t".join(name_parts)
        if not name or not size.isdigit() or not _HEX64.fullmatch(sha):
            raise PackageError(
                f"{source}, line {number}: expected name<TAB>size in bytes<TAB>SHA-256 (64 hex "
                f"digits), found {row[:120]!r}."
            )
        lines.append(ManifestLine(_safe_name(name, source, number), int(size), sha.lower()))
    return lines


def _safe_name(name: str, source: str, number: int) -> str:
    """A relative path inside the package: no absolute path, no "..", whatever the separator."""
    path = PurePosixPath(name.replace("\\", "/"))
    if path.is_absolute() or ".." in path.parts or not path.parts:
        raise PackageError(f"{source}, line {number}: {name!r} points outside the package.")
    return path.as_posix()


def verify(package: Path) -> PackageCheck:
    """Compare a package (a folder or a .zip) with its manifest, file by file."""
    if package.is_dir():
        return _verify(_folder_files(package), package.name)
    if zipfile.is_zipfile(package):
        with zipfile.ZipFile(package) as archive:
            return _verify(_zip_files(archive), package.name)
    raise PackageError(f"{package}: neither a package folder nor a zip file.")


def _verify(files: Iterator[tuple[str, BinaryIO]], source: str) -> PackageCheck:
    found: dict[str, tuple[int, str]] = {}
    manifest: bytes | None = None
    for name, stream in files:
        if name == MANIFEST_NAME:
            manifest = stream.read(MAX_MANIFEST_BYTES + 1)
        else:
            found[name] = fingerprint(stream)
    if manifest is None:
        raise PackageError(f"{source}: no {MANIFEST_NAME} in the package.")
    listed = read_manifest(manifest, f"{source}/{MANIFEST_NAME}")
    changed, missing, intact = [], [], []
    for line in listed:
        actual = found.get(line.name)
        if actual is None:
            missing.append(line.name)
        elif actual != (line.size, line.sha256):
            changed.append(line.name)
        else:
            intact.append(line.name)
    names = {line.name for line in listed}
    return PackageCheck(
        manifest_sha256=hashlib.sha256(manifest).hexdigest(),
        listed=len(listed),
        changed=tuple(changed),
        missing=tuple(missing),
        unlisted=tuple(sorted(set(found) - names)),
        intact_names=tuple(intact),
    )


def _folder_files(folder: Path) -> Iterator[tuple[str, BinaryIO]]:
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as handle:
                yield path.relative_to(folder).as_posix(), handle


def _zip_files(archive: zipfile.ZipFile) -> Iterator[tuple[str, BinaryIO]]:
    """Members streamed one by one (never all in memory), under the package's top folder."""
    infos = [i for i in archive.infolist() if not i.is_dir()]
    if sum(i.file_size for i in infos) > MAX_UNPACKED_BYTES:
        raise PackageError(
            f"{archive.filename}: unpacks to more than {MAX_UNPACKED_BYTES // 1024**3} GiB: "
            "not a register package."
        )
    prefix = _common_folder([i.filename for i in infos])
    for info in infos:
        with archive.open(info) as handle:
            yield info.filename[len(prefix) :], handle  # type: ignore[misc]


def _common_folder(names: list[str]) -> str:
    """ "pkg/" when every member sits in one top folder "pkg/", else ""."""
    tops = {n.split("/", 1)[0] for n in names}
    if len(tops) == 1 and all("/" in n for n in names):
        return next(iter(tops)) + "/"
    return ""
