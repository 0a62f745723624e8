"""`export package`: one sealed delivery of the register for an auditor, signed off by the DPO.

A package is a folder (or a zip of that folder) holding, from one snapshot of the register:
the Word and Excel registers, the subprocessor list (Word, Excel, CSV), a machine-readable JSON
of every record, the files attached to the records (package_attachments.py), and
`contenu.txt`, the manifest of every file's size and SHA-256 in the format of the CNIL's LOUTRE
tool (exporters/package_manifest.py). Writing it records a `Delivery`: who
signed it off, when, up to which journal entry, and the manifest's own SHA-256. Then:

- `verify(path)` says whether a package is still byte for byte what was delivered, and, when
  the register knows its manifest, who signed it off and when;
- `changes_since_last_sign_off()` lists the journal entries written since the last package.

The package is assembled in a private folder beside the target and moved into place only once
complete; an existing target is never overwritten (a delivered package is evidence).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from workbench.domain import codec
from workbench.domain.attachments import Attachment
from workbench.domain.enums import EntityKind
from workbench.domain.errors import ExportError
from workbench.domain.file_names import file_stem, unused_path
from workbench.domain.records import Delivery, JournalEntry
from workbench.i18n import _
from workbench.progress import NullProgress, Progress
from workbench.services.export_service import ExportService
from workbench.services.package_attachments import (
    PackagedAttachment,
    attachments_in,
    write_attachments,
)
from workbench.services.register import Register

if TYPE_CHECKING:
    from exporters.package_manifest import PackageCheck
    from workbench.domain.snapshot import RegisterSnapshot

# File names in the package's language: what the auditor opens first must read naturally.
_NAMES = {
    "fr": {
        "register": "registre",
        "subprocessors": "sous-traitants",
        "data": "registre-donnees.json",
        "extract": "extrait",
    },
    "en": {
        "register": "register",
        "subprocessors": "subprocessors",
        "data": "register-data.json",
        "extract": "extract",
    },
}
JSON_FORMAT = "dpo-workbench/register-package"
JSON_FORMAT_VERSION = 1


@dataclass(frozen=True, slots=True)
class VerifiedPackage:
    check: PackageCheck
    sign_off: Delivery | None  # the register's record of this manifest, if it has one


class PackageService:
    def __init__(self, register: Register) -> None:
        self._register = register

    def build(
        self,
        target: Path,
        locale: str = "fr",
        organisation: str | int | None = None,
        recipient: str = "",
        progress: Progress | None = None,
    ) -> Delivery:
        """Write the package to `target` (a folder, or a zip when it ends in .zip), sign it off."""
        progress = progress or NullProgress()
        locale = "fr" if locale.startswith("fr") else "en"
        as_zip = target.suffix.lower() == ".zip"
        _refuse_existing(target)
        if not target.parent.is_dir():
            raise ExportError(
                _("Cannot write {target}: the folder {folder} does not exist.").format(
                    target=target, folder=target.parent
                )
            )
        position, snapshot, attachments = self._consistent_snapshot(organisation)
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
        try:
            packaged = write_attachments(
                self._register, attachments, staging, snapshot, locale, progress
            )
            names = self._write_documents(staging, snapshot, locale, position, packaged, progress)
            from exporters.package_manifest import MANIFEST_NAME, manifest_for

            manifest = manifest_for(staging, names)
            _write_private(staging / MANIFEST_NAME, manifest)
            if as_zip:
                _zip_folder(staging, target, target.stem, snapshot.as_of)
            else:
                os.replace(staging, target)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        shutil.rmtree(staging, ignore_errors=True)
        try:
            created = self._register.deliveries.create(
                Delivery(
                    name=target.name,
                    signed_by=self._register.context.author,
                    signed_at=dt.datetime.now(dt.UTC).replace(microsecond=0),
                    journal_position=position,
                    manifest_sha256=hashlib.sha256(manifest).hexdigest(),
                    files=(*sorted(names), MANIFEST_NAME),
                    recipient=recipient,
                )
            )
        except BaseException:
            _remove(target)  # a package nobody signed off is not a delivery
            raise
        return self._register.deliveries.get(created.ids[0])

    def _consistent_snapshot(
        self, organisation: str | int | None
    ) -> tuple[int, RegisterSnapshot, list[Attachment]]:
        """The register, its attachments and the journal position they stand at, read so that
        they agree: a write between the reads is seen, and the reading is done again."""
        exports = ExportService(self._register)
        for _attempt in range(3):
            before = self._position()
            snapshot = exports.snapshot(None, organisation)
            attachments = attachments_in(self._register, snapshot)
            if self._position() == before:
                return before, snapshot, attachments
        raise ExportError("The register kept changing while the package was read; try again.")

    def _position(self) -> int:
        latest = self._register.journal.entries(limit=1)
        return latest[0].id if latest else 0

    def _write_documents(
        self,
        folder: Path,
        snapshot: RegisterSnapshot,
        locale: str,
        position: int,
        packaged: list[PackagedAttachment],
        progress: Progress,
    ) -> list[str]:
        from exporters import (
            write_register_docx,
            write_register_xlsx,
            write_subprocessors_csv,
            write_subprocessors_docx,
            write_subprocessors_xlsx,
        )

        stems = _NAMES[locale]
        writers = [
            (f"{stems['register']}.docx", write_register_docx),
            (f"{stems['register']}.xlsx", write_register_xlsx),
            (f"{stems['subprocessors']}.docx", write_subprocessors_docx),
            (f"{stems['subprocessors']}.xlsx", write_subprocessors_xlsx),
            (f"{stems['subprocessors']}.csv", write_subprocessors_csv),
        ]
        names = []
        for name, writer in writers:
            progress.check_cancelled()
            writer(snapshot, folder / name, locale, progress)
            names.append(name)
        names.extend(self._write_extracts(folder, snapshot, locale, stems["extract"], progress))
        data = stems["data"]
        record = _register_data(snapshot, position, packaged)
        payload = json.dumps(record, ensure_ascii=False, indent=1)
        _write_private(folder / data, payload.encode("utf-8"))
        names.append(data)
        names.extend(p.path for p in packaged)
        return names

    def _write_extracts(
        self,
        folder: Path,
        snapshot: RegisterSnapshot,
        locale: str,
        stem: str,
        progress: Progress,
    ) -> list[str]:
        """One Art. 30(2) extract per controller served, for that client's auditor."""
        from exporters.docx_client_extract import processing_for, write_client_extract_docx

        names: list[str] = []
        for controller in snapshot.organisations:
            if controller.id is None or not processing_for(snapshot, controller.id):
                continue
            progress.check_cancelled()
            path = unused_path(folder, f"{stem}-{file_stem(controller.name, 'client')}", ".docx")
            write_client_extract_docx(snapshot, controller.id, path, locale, progress)
            names.append(path.name)
        return names

    # -- after the delivery --------------------------------------------------------------------
    def verify(self, package: Path) -> VerifiedPackage:
        from exporters.package_manifest import verify

        check = verify(package)
        known = [
            d
            for d in self._register.deliveries.list()
            if d.manifest_sha256 == check.manifest_sha256
        ]
        return VerifiedPackage(check, known[-1] if known else None)

    def last_sign_off(self) -> Delivery | None:
        deliveries = self._register.deliveries.list()
        return max(deliveries, key=lambda d: d.journal_position, default=None)

    def changes_since_last_sign_off(self) -> tuple[Delivery | None, list[JournalEntry]]:
        """The journal entries after the last package's position, the sign-offs left out."""
        last = self.last_sign_off()
        since = last.journal_position if last else 0
        entries = [
            e
            for e in self._register.journal.entries(after_id=since)
            if e.entity_kind is not EntityKind.DELIVERY
        ]
        return last, entries


def _register_data(
    snapshot: RegisterSnapshot, position: int, packaged: list[PackagedAttachment]
) -> dict[str, object]:
    """Every record of the snapshot as the codec writes it: what a tool reads back."""
    return {
        "format": JSON_FORMAT,
        "format_version": JSON_FORMAT_VERSION,
        "as_of": snapshot.as_of.isoformat(),
        "journal_position": position,
        "organisation_id": snapshot.focus_id,
        "organisations": [codec.to_dict(o) for o in snapshot.organisations],
        "treatments": [codec.to_dict(t) for t in snapshot.treatments],
        "subprocessors": [codec.to_dict(s) for s in snapshot.subprocessors],
        "certifications": [codec.to_dict(c) for c in snapshot.certifications],
        # Each attached file's record (owner, category, SHA-256 as attached) and its place here.
        "attachments": [{**codec.to_dict(p.attachment), "path": p.path} for p in packaged],
    }


def _refuse_existing(target: Path) -> None:
    if target.exists():
        raise ExportError(
            _(
                "{target} already exists: a package is never overwritten (it may have been "
                "delivered); choose another name."
            ).format(target=target)
        )


def _zip_folder(folder: Path, target: Path, top: str, when: dt.date) -> None:
    """The package folder as a zip under one top folder, entries dated `when`, then moved in."""
    from exporters._files import zip_timestamp

    fd, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    os.close(fd)
    temp = Path(temp_name)
    try:
        with zipfile.ZipFile(temp, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for path in sorted(p for p in folder.rglob("*") if p.is_file()):
                info = zipfile.ZipInfo(f"{top}/{path.relative_to(folder).as_posix()}")
                info.date_time = zip_timestamp(when)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o600 << 16
                with path.open("rb") as source, archive.open(info, "w") as sink:
                    shutil.copyfileobj(source, sink, 1024 * 1024)
        os.replace(temp, target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def _write_private(path: Path, data: bytes) -> None:
    """0600 like every export: the package is personal data, not for the machine's other users."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)


def _remove(target: Path) -> None:
    if target.is_dir():
        shutil.rmtree(target, ignore_errors=True)
    else:
        target.unlink(missing_ok=True)
