from __future__ import annotations

from sqlalchemy import Integer, String, Text
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
    contact_email: Mapped[str] = mapped_column(String(200), default="", info={"pii": True})
    dpo_name: Mapped[str] = mapped_column(String(200), default="", info={"pii": True})
    dpo_email: Mapped[str] = mapped_column(String(200), default="", info={"pii": True})
    representative: Mapped[str] = mapped_column(String(200), default="", info={"pii": True})
    objection_period_days: Mapped[int] = mapped_column(Integer, default=30)
    notes: Mapped[str] = mapped_column(Text, default="")
