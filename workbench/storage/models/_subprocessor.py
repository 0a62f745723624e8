from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from workbench.storage.base import Base, TimestampMixin, VersionedMixin


class SubprocessorModel(TimestampMixin, VersionedMixin, Base):
    __tablename__ = "subprocessor"

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisation.id", ondelete="RESTRICT"), index=True
    )
    name: Mapped[str] = mapped_column(String(300), index=True)
    legal_entity: Mapped[str] = mapped_column(String(300), default="")
    category: Mapped[str] = mapped_column(String(32))
    service_description: Mapped[str] = mapped_column(Text, default="")
    data_categories: Mapped[list[Any]] = mapped_column(JSON, default=list)
    locations: Mapped[list[Any]] = mapped_column(JSON, default=list)
    location_text: Mapped[str] = mapped_column(Text, default="")
    transfer_mechanism: Mapped[str | None] = mapped_column(String(32))
    transfer_text: Mapped[str] = mapped_column(Text, default="")
    optional: Mapped[bool] = mapped_column(Boolean, default=False)
    dpa_signed_on: Mapped[dt.date | None] = mapped_column(Date)
    contract_start_on: Mapped[dt.date | None] = mapped_column(Date)
    contract_end_on: Mapped[dt.date | None] = mapped_column(Date)
    contact_name: Mapped[str] = mapped_column(String(200), default="", info={"pii": True})
    contact_email: Mapped[str] = mapped_column(String(200), default="", info={"pii": True})
    address: Mapped[str] = mapped_column(Text, default="")
    chain_level: Mapped[int] = mapped_column(Integer, default=1)
    provenance_file: Mapped[str | None] = mapped_column(Text)
    provenance_sheet: Mapped[str | None] = mapped_column(String(200))
    provenance_row: Mapped[int | None] = mapped_column(Integer)
    unconfirmed: Mapped[list[Any]] = mapped_column(JSON, default=list)
    notes: Mapped[str] = mapped_column(Text, default="")
