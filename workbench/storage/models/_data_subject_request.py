from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Column, Date, ForeignKey, Integer, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column

from workbench.storage.base import Base, TimestampMixin, VersionedMixin

request_treatment = Table(
    "request_treatment",
    Base.metadata,
    Column(
        "request_id", ForeignKey("data_subject_request.id", ondelete="CASCADE"), primary_key=True
    ),
    Column("treatment_id", ForeignKey("treatment.id", ondelete="CASCADE"), primary_key=True),
)


class DataSubjectRequestModel(TimestampMixin, VersionedMixin, Base):
    __tablename__ = "data_subject_request"

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisation.id", ondelete="RESTRICT"), index=True
    )
    received_on: Mapped[dt.date] = mapped_column(Date, index=True)
    requester: Mapped[str] = mapped_column(String(300), default="", info={"pii": True})
    requester_contact: Mapped[str] = mapped_column(Text, default="", info={"pii": True})
    channel: Mapped[str] = mapped_column(String(32))
    rights: Mapped[list[Any]] = mapped_column(JSON, default=list)
    description: Mapped[str] = mapped_column(Text, default="", info={"pii": True})
    role: Mapped[str] = mapped_column(String(32))
    identity: Mapped[str] = mapped_column(String(32))
    identity_requested_on: Mapped[dt.date | None] = mapped_column(Date)
    identity_received_on: Mapped[dt.date | None] = mapped_column(Date)
    extension_months: Mapped[int] = mapped_column(Integer, default=0)
    extension_reason: Mapped[str] = mapped_column(Text, default="")
    extension_notified_on: Mapped[dt.date | None] = mapped_column(Date)
    controller_notices: Mapped[list[Any]] = mapped_column(JSON, default=list)
    outcome: Mapped[str | None] = mapped_column(String(32))
    outcome_reason: Mapped[str] = mapped_column(Text, default="")
    closed_on: Mapped[dt.date | None] = mapped_column(Date)
    attachments: Mapped[list[Any]] = mapped_column(JSON, default=list)
    notes: Mapped[str] = mapped_column(Text, default="", info={"pii": True})
