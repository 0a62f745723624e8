from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, CheckConstraint, Date, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from workbench.storage.base import Base, TimestampMixin, VersionedMixin


class CertificationModel(TimestampMixin, VersionedMixin, Base):
    __tablename__ = "certification"
    __table_args__ = (
        CheckConstraint(
            "(organisation_id IS NULL) <> (subprocessor_id IS NULL)", name="one_holder"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(16), index=True)
    organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisation.id", ondelete="CASCADE"), index=True
    )
    subprocessor_id: Mapped[int | None] = mapped_column(
        ForeignKey("subprocessor.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(200), default="")
    certifier: Mapped[str] = mapped_column(String(200), default="")
    number: Mapped[str] = mapped_column(String(100), default="")
    scope: Mapped[str] = mapped_column(Text, default="")
    hds_activities: Mapped[list[Any]] = mapped_column(JSON, default=list)
    referential_version: Mapped[str] = mapped_column(String(50), default="")
    issued_on: Mapped[dt.date | None] = mapped_column(Date)
    expires_on: Mapped[dt.date | None] = mapped_column(Date, index=True)
    last_surveillance_on: Mapped[dt.date | None] = mapped_column(Date)
    unconfirmed: Mapped[list[Any]] = mapped_column(JSON, default=list)
    notes: Mapped[str] = mapped_column(Text, default="")
