"""Files kept with records (a DPA, a certificate, an audit report, a letter as sent).

API (also for the auditor package):
- `add_file(path, owner_kind, owner_id, category, description, today)` -> Changes: reads the
  file (at most MAX_ATTACHMENT_BYTES), stores its bytes once per SHA-256 and journals the
  attachment record in one transaction ("Attach file": Ctrl+Z removes it again);
- `of(owner_kind, owner_id)` -> the attachments of a record, oldest first;
- `content(attachment_id)` -> bytes, checked against the stored SHA-256;
- `write_copy(attachment_id, folder)` -> Path of a copy under `folder` (a private temp folder
  for opening it, the package folder for an export), named after the file, never overwriting;
- `remove(attachment_id)` -> Changes (journaled; undo brings it back, its bytes are kept).
"""

from __future__ import annotations

import builtins
import datetime as dt
import hashlib
import mimetypes
import re
from pathlib import Path

from sqlalchemy.orm import Session

from workbench.domain.attachments import MAX_ATTACHMENT_BYTES, Attachment
from workbench.domain.enums import AttachmentCategory, EntityKind
from workbench.domain.errors import JournalIntegrityError, NotFoundError, ValidationError
from workbench.domain.file_names import unused_path
from workbench.domain.records import Changes
from workbench.i18n import _
from workbench.services._context import changes_of
from workbench.services._crud import CrudService, require
from workbench.services._mapping import RecordMapper
from workbench.services.operation_labels import record_action
from workbench.storage.models import (
    AttachmentBlobModel,
    AttachmentModel,
    AuditModel,
    CertificationModel,
    NotificationModel,
    OrganisationModel,
    SubprocessorModel,
)

OWNER_MODELS: dict[EntityKind, type] = {
    EntityKind.ORGANISATION: OrganisationModel,
    EntityKind.SUBPROCESSOR: SubprocessorModel,
    EntityKind.CERTIFICATION: CertificationModel,
    EntityKind.AUDIT: AuditModel,
    EntityKind.NOTIFICATION: NotificationModel,
}
_UNSAFE_NAME = re.compile(r"[\x00-\x1f/\\:*?\"<>|]+")


class AttachmentService(CrudService[Attachment]):
    mapper = RecordMapper(EntityKind.ATTACHMENT, Attachment, AttachmentModel)
    order_by = ("owner_kind", "owner_id", "id")

    def of(self, owner_kind: EntityKind, owner_id: int) -> builtins.list[Attachment]:
        return self.list(owner_kind=owner_kind.value, owner_id=owner_id)

    def validate(self, session: Session, record: Attachment) -> dict[str, str]:
        problems: dict[str, str] = {}
        require(
            problems,
            record.owner_kind in OWNER_MODELS,
            "owner_kind",
            _("A file cannot be attached to a {kind}.").format(kind=record.owner_kind.value),
        )
        if record.owner_kind in OWNER_MODELS:
            owner_model = OWNER_MODELS[record.owner_kind]
            require(
                problems,
                session.get(owner_model, record.owner_id) is not None,
                "owner_id",
                _("No {kind} with id {id}.").format(
                    kind=record.owner_kind.value, id=record.owner_id
                ),
            )
        require(
            problems,
            session.get(AttachmentBlobModel, record.sha256) is not None,
            "sha256",
            _("The content of this file is not in the register."),
        )
        require(problems, bool(record.file_name.strip()), "file_name", _("A file needs a name."))
        return problems

    def add_file(
        self,
        path: str | Path,
        owner_kind: EntityKind,
        owner_id: int,
        category: AttachmentCategory = AttachmentCategory.OTHER,
        description: str = "",
        today: dt.date | None = None,
    ) -> Changes:
        path = Path(path)
        try:
            size = path.stat().st_size
        except OSError as exc:
            raise ValidationError(
                {"file": _("{file}: cannot be read ({reason}).").format(file=path, reason=exc)}
            ) from exc
        if size > MAX_ATTACHMENT_BYTES:
            raise ValidationError(
                {
                    "file": _(
                        "{file} is {size:.1f} MiB: an attached file is at most {limit} MiB."
                    ).format(file=path.name, size=size / 2**20, limit=MAX_ATTACHMENT_BYTES // 2**20)
                }
            )
        content = path.read_bytes()
        digest = hashlib.sha256(content).hexdigest()
        record = Attachment(
            owner_kind=owner_kind,
            owner_id=owner_id,
            file_name=path.name,
            sha256=digest,
            size=len(content),
            category=category,
            media_type=mimetypes.guess_type(path.name)[0] or "application/octet-stream",
            description=description.strip(),
            added_on=today or dt.date.today(),
        )
        with self._context.write(record_action("create", EntityKind.ATTACHMENT)) as uow:
            if uow.session.get(AttachmentBlobModel, digest) is None:
                uow.session.add(AttachmentBlobModel(sha256=digest, content=content))
                uow.session.flush()
            self._create(uow, record)
        return changes_of(uow)

    def remove(self, attachment_id: int) -> Changes:
        return self.delete(attachment_id)

    def content(self, attachment_id: int) -> bytes:
        with self._context.read() as session:
            model = session.get(AttachmentModel, attachment_id)
            if model is None:
                raise NotFoundError("attachment", attachment_id)
            blob = session.get(AttachmentBlobModel, model.sha256)
            if blob is None:
                raise NotFoundError("attachment content", attachment_id)
            content = bytes(blob.content)
            expected = model.sha256
        if hashlib.sha256(content).hexdigest() != expected:
            raise JournalIntegrityError(
                f"Attachment {attachment_id}: its content no longer matches its SHA-256."
            )
        return content

    def write_copy(self, attachment_id: int, folder: str | Path) -> Path:
        """A copy of the file under `folder`, named as it was (made safe), not overwriting."""
        attachment = self.get(attachment_id)
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        named = Path(safe_file_name(attachment.file_name))
        target = unused_path(folder, named.stem, named.suffix, counter=" ({n})")
        target.write_bytes(self.content(attachment_id))
        return target


def safe_file_name(name: str) -> str:
    """A file name any file system takes: path separators and control characters replaced."""
    cleaned = _UNSAFE_NAME.sub("_", name).strip(" .")
    return cleaned[:200] or "attachment"
