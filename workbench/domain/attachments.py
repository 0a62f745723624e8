"""A file kept in the register with the record it documents (a DPA, a certificate, an audit
report, a letter as sent).

The record holds what the file is and its SHA-256; the bytes are stored once per content, apart
from the record (`attachment_blob`), so that the journal carries the record and not 20 MiB of
base64, and undoing a removal finds the bytes again.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from workbench.domain.enums import AttachmentCategory, EntityKind

MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024  # 20 MiB: a scanned contract, not an archive


@dataclass(frozen=True, slots=True)
class Attachment:
    owner_kind: EntityKind  # the record the file documents
    owner_id: int
    file_name: str  # as the user's file was named (shown as plain text, never as markup)
    sha256: str  # of the bytes; the key of the stored content
    size: int
    category: AttachmentCategory = AttachmentCategory.OTHER
    media_type: str = "application/octet-stream"
    description: str = ""
    added_on: dt.date | None = None
    id: int | None = None
    version: int = 0
