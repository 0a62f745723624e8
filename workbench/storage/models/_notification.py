from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Date, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from workbench.storage.base import Base, TimestampMixin, VersionedMixin


class NotificationModel(TimestampMixin, VersionedMixin, Base):
    __tablename__ = "notification"

    id: Mapped[int] = mapped_column(primary_key=True)
    controller_id: Mapped[int] = mapped_column(
        ForeignKey("organisation.id", ondelete="RESTRICT"), index=True
    )
    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisation.id", ondelete="RESTRICT"), index=True
    )
    items: Mapped[list[Any]] = mapped_column(JSON, default=list)
    status: Mapped[str] = mapped_column(String(32))
    created_on: Mapped[dt.date | None] = mapped_column(Date)
    sent_on: Mapped[dt.date | None] = mapped_column(Date)
    objection_deadline: Mapped[dt.date | None] = mapped_column(Date)
    objection_received_on: Mapped[dt.date | None] = mapped_column(Date)
    objection_text: Mapped[str] = mapped_column(Text, default="")
    objection_decision: Mapped[str] = mapped_column(Text, default="")
    document_path: Mapped[str] = mapped_column(Text, default="")
    letter_language: Mapped[str] = mapped_column(String(8), default="", server_default="")
    notes: Mapped[str] = mapped_column(Text, default="")
