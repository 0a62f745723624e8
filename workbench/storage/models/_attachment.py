from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from workbench.storage.base import Base, TimestampMixin, VersionedMixin


class AttachmentModel(TimestampMixin, VersionedMixin, Base):
    __tablename__ = "attachment"

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_kind: Mapped[str] = mapped_column(String(32), index=True)
    owner_id: Mapped[int] = mapped_column(Integer, index=True)
    file_name: Mapped[str] = mapped_column(String(300))
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    size: Mapped[int] = mapped_column(Integer)
    category: Mapped[str] = mapped_column(String(32))
    media_type: Mapped[str] = mapped_column(String(200), default="application/octet-stream")
    description: Mapped[str] = mapped_column(Text, default="")
    added_on: Mapped[dt.date | None] = mapped_column(Date)


class AttachmentBlobModel(Base):
    """The bytes of an attached file, once per content (SHA-256); never journaled."""

    __tablename__ = "attachment_blob"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    content: Mapped[bytes] = mapped_column(LargeBinary)
