from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from workbench.storage.base import Base, TimestampMixin, VersionedMixin
from workbench.storage.models._utc_datetime import UtcDateTime


class DeliveryModel(TimestampMixin, VersionedMixin, Base):
    __tablename__ = "delivery"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    signed_by: Mapped[str] = mapped_column(String(300), info={"pii": True})
    signed_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    journal_position: Mapped[int] = mapped_column(Integer, default=0)
    manifest_sha256: Mapped[str] = mapped_column(String(64), default="", index=True)
    files: Mapped[list[Any]] = mapped_column(JSON, default=list)
    recipient: Mapped[str] = mapped_column(String(300), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
