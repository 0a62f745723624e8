from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Column, Date, ForeignKey, Integer, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column

from workbench.storage.base import Base, TimestampMixin, VersionedMixin
from workbench.storage.models._utc_datetime import UtcDateTime

# Links to treatments and subprocessors are real tables (as a treatment's): deleting one of them
# unlinks it, journaled, instead of leaving a dangling id in a JSON list.
breach_treatment = Table(
    "breach_treatment",
    Base.metadata,
    Column("breach_id", ForeignKey("breach.id", ondelete="CASCADE"), primary_key=True),
    Column("treatment_id", ForeignKey("treatment.id", ondelete="CASCADE"), primary_key=True),
)

breach_subprocessor = Table(
    "breach_subprocessor",
    Base.metadata,
    Column("breach_id", ForeignKey("breach.id", ondelete="CASCADE"), primary_key=True),
    Column("subprocessor_id", ForeignKey("subprocessor.id", ondelete="CASCADE"), primary_key=True),
)


class BreachModel(TimestampMixin, VersionedMixin, Base):
    __tablename__ = "breach"

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisation.id", ondelete="RESTRICT"), index=True
    )
    title: Mapped[str] = mapped_column(String(300), index=True)
    role: Mapped[str] = mapped_column(String(32))
    occurred_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    discovered_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    aware_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime, index=True)
    ended_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    description: Mapped[str] = mapped_column(Text, default="", info={"pii": True})
    cause: Mapped[str] = mapped_column(Text, default="")
    natures: Mapped[list[Any]] = mapped_column(JSON, default=list)
    subject_categories: Mapped[list[Any]] = mapped_column(JSON, default=list)
    subjects_count: Mapped[int | None] = mapped_column(Integer)
    records_count: Mapped[int | None] = mapped_column(Integer)
    data_categories: Mapped[list[Any]] = mapped_column(JSON, default=list)
    consequences: Mapped[str] = mapped_column(Text, default="")
    measures_taken: Mapped[str] = mapped_column(Text, default="")
    measures_proposed: Mapped[str] = mapped_column(Text, default="")
    risk: Mapped[str | None] = mapped_column(String(16))
    risk_reasoning: Mapped[str] = mapped_column(Text, default="")
    authority_notifications: Mapped[list[Any]] = mapped_column(JSON, default=list)
    delay_reasons: Mapped[str] = mapped_column(Text, default="")
    not_notified_reason: Mapped[str] = mapped_column(Text, default="")
    persons_informed_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    persons_informed_means: Mapped[str] = mapped_column(Text, default="")
    art34_exemption: Mapped[str | None] = mapped_column(String(16))
    art34_exemption_reasoning: Mapped[str] = mapped_column(Text, default="")
    controller_notices: Mapped[list[Any]] = mapped_column(JSON, default=list)
    attachments: Mapped[list[Any]] = mapped_column(JSON, default=list)
    closed_on: Mapped[dt.date | None] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="", info={"pii": True})
