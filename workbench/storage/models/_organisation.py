from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from workbench.storage.base import Base, TimestampMixin, VersionedMixin


class OrganisationModel(TimestampMixin, VersionedMixin, Base):
    __tablename__ = "organisation"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), index=True)
    kind: Mapped[str] = mapped_column(String(32))
    legal_name: Mapped[str] = mapped_column(String(300), default="")
    registration: Mapped[str] = mapped_column(String(200), default="")
    address: Mapped[str] = mapped_column(Text, default="")
    contact_name: Mapped[str] = mapped_column(String(200), default="", info={"pii": True})
    contact_email: Mapped[str] = mapped_column(String(200), default="", info={"pii": True})
    contact_phone: Mapped[str] = mapped_column(String(50), default="", info={"pii": True})
    dpo_name: Mapped[str] = mapped_column(String(200), default="", info={"pii": True})
    dpo_email: Mapped[str] = mapped_column(String(200), default="", info={"pii": True})
    dpo_phone: Mapped[str] = mapped_column(String(50), default="", info={"pii": True})
    dpo_company: Mapped[str] = mapped_column(String(300), default="")
    dpo_organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisation.id", ondelete="SET NULL")
    )
    representative: Mapped[str] = mapped_column(String(200), default="", info={"pii": True})
    representative_contact: Mapped[str] = mapped_column(Text, default="", info={"pii": True})
    security_policy_title: Mapped[str | None] = mapped_column(String(300))
    security_policy_version: Mapped[str | None] = mapped_column(String(50))
    security_policy_issued_on: Mapped[dt.date | None] = mapped_column(Date)
    security_policy_reference: Mapped[str | None] = mapped_column(Text)
    objection_period_days: Mapped[int] = mapped_column(Integer, default=30)
    unconfirmed: Mapped[list[Any]] = mapped_column(JSON, default=list)
    notes: Mapped[str] = mapped_column(Text, default="")
