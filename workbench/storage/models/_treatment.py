from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Column, Date, ForeignKey, Integer, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column

from workbench.storage.base import Base, TimestampMixin, VersionedMixin

# Links to other entities are real tables with foreign keys; value lists owned by the treatment
# (data categories, subjects, recipients...) are JSON columns: they have no identity of their own.
treatment_controller = Table(
    "treatment_controller",
    Base.metadata,
    Column("treatment_id", ForeignKey("treatment.id", ondelete="CASCADE"), primary_key=True),
    Column("organisation_id", ForeignKey("organisation.id", ondelete="CASCADE"), primary_key=True),
)

# Own organisations processing on the treatment's behalf (Art. 28 inside a group).
treatment_processor = Table(
    "treatment_processor",
    Base.metadata,
    Column("treatment_id", ForeignKey("treatment.id", ondelete="CASCADE"), primary_key=True),
    Column("organisation_id", ForeignKey("organisation.id", ondelete="CASCADE"), primary_key=True),
)

treatment_subprocessor = Table(
    "treatment_subprocessor",
    Base.metadata,
    Column("treatment_id", ForeignKey("treatment.id", ondelete="CASCADE"), primary_key=True),
    Column("subprocessor_id", ForeignKey("subprocessor.id", ondelete="CASCADE"), primary_key=True),
)


class TreatmentModel(TimestampMixin, VersionedMixin, Base):
    __tablename__ = "treatment"

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisation.id", ondelete="RESTRICT"), index=True
    )
    name: Mapped[str] = mapped_column(String(300), index=True)
    role: Mapped[str] = mapped_column(String(32))
    purpose: Mapped[str] = mapped_column(Text, default="")
    description: Mapped[str] = mapped_column(Text, default="")
    joint_controller: Mapped[str] = mapped_column(String(300), default="")
    data_subjects: Mapped[list[Any]] = mapped_column(JSON, default=list)
    data_categories: Mapped[list[Any]] = mapped_column(JSON, default=list)
    legal_basis: Mapped[str | None] = mapped_column(String(32))
    art9_condition: Mapped[str | None] = mapped_column(String(16))
    legal_basis_text: Mapped[str] = mapped_column(Text, default="")
    retention_text: Mapped[str] = mapped_column(Text, default="")
    retention_duration: Mapped[int | None] = mapped_column(Integer)
    retention_unit: Mapped[str | None] = mapped_column(String(16))
    retention_start_event: Mapped[str] = mapped_column(Text, default="")
    recipients: Mapped[list[Any]] = mapped_column(JSON, default=list)
    transfers: Mapped[str] = mapped_column(Text, default="")
    security_measures: Mapped[list[Any]] = mapped_column(JSON, default=list)
    dpia_status: Mapped[str] = mapped_column(String(16), default="unknown")
    dpia_reason: Mapped[str] = mapped_column(Text, default="")
    dpia_done_on: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(16))
    created_on: Mapped[dt.date | None] = mapped_column(Date)
    last_reviewed_on: Mapped[dt.date | None] = mapped_column(Date)
    next_review_on: Mapped[dt.date | None] = mapped_column(Date)
    provenance_file: Mapped[str | None] = mapped_column(Text)
    provenance_sheet: Mapped[str | None] = mapped_column(String(200))
    provenance_row: Mapped[int | None] = mapped_column(Integer)
    unconfirmed: Mapped[list[Any]] = mapped_column(JSON, default=list)
    notes: Mapped[str] = mapped_column(Text, default="")
