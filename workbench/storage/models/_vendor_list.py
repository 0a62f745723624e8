from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Date, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from workbench.storage.base import Base


class VendorListVersionModel(Base):
    """One version of a vendor's published subprocessor list, as imported: the vendor's own
    subprocessors (chain level 2) at that date. Written by the import's operation; a version
    whose operation was undone does not count (`operation` joins the journal's operations)."""

    __tablename__ = "vendor_list_version"

    id: Mapped[int] = mapped_column(primary_key=True)
    vendor_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("subprocessor.id", ondelete="CASCADE"), index=True
    )
    listed_on: Mapped[dt.date] = mapped_column(Date)
    content_hash: Mapped[str] = mapped_column(String(64))  # SHA-256 of the file read
    source: Mapped[str] = mapped_column(String(500), default="")  # the file's name
    operation: Mapped[str] = mapped_column(String(64), index=True)
    # [{"id": subprocessor id, "name": ..., "locations": ["US", ...]}], in file order
    entries: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
