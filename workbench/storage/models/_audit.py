from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Boolean, Date, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from workbench.storage.base import Base, TimestampMixin, VersionedMixin


class AuditModel(TimestampMixin, VersionedMixin, Base):
    __tablename__ = "audit"

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisation.id", ondelete="RESTRICT"), index=True
    )
    audit_type: Mapped[str] = mapped_column(String(32))
    requested_by: Mapped[str] = mapped_column(String(32))
    requester_name: Mapped[str] = mapped_column(String(300), default="")
    auditor: Mapped[str] = mapped_column(String(300), default="", info={"pii": True})
    auditor_independent: Mapped[bool | None] = mapped_column(Boolean)
    auditor_certified: Mapped[bool | None] = mapped_column(Boolean)
    scope: Mapped[str] = mapped_column(Text, default="")
    notice_received_on: Mapped[dt.date | None] = mapped_column(Date)
    audit_on: Mapped[dt.date | None] = mapped_column(Date)
    conclusions_received_on: Mapped[dt.date | None] = mapped_column(Date)
    cost_borne_by: Mapped[str] = mapped_column(String(300), default="")
    status: Mapped[str] = mapped_column(String(32))
    findings: Mapped[list[Any]] = mapped_column(JSON, default=list)
    actions: Mapped[list[Any]] = mapped_column(JSON, default=list, info={"pii": True})
    notes: Mapped[str] = mapped_column(Text, default="")
    subprocessor_id: Mapped[int | None] = mapped_column(
        ForeignKey("subprocessor.id", ondelete="SET NULL"), index=True
    )
