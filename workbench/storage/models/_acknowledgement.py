from __future__ import annotations

import datetime as dt

from sqlalchemy import DateTime, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from workbench.storage.base import Base


class FindingAcknowledgementModel(Base):
    """A DPO's acknowledgement of one finding (rule on a record), with the reason. Append-only:
    the latest row of a (rule, record) holds; a withdrawal is a row with an empty fingerprint.
    The fingerprint is that of the facts the finding rested on: once they change, the finding
    comes back. Each row is written in a journaled operation (kind "acknowledge")."""

    __tablename__ = "finding_acknowledgement"

    id: Mapped[int] = mapped_column(primary_key=True)
    rule_id: Mapped[str] = mapped_column(String(80), index=True)
    entity_kind: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[int] = mapped_column(Integer)
    fingerprint: Mapped[str] = mapped_column(String(64))
    reason: Mapped[str] = mapped_column(Text, info={"pii": True})
    author: Mapped[str] = mapped_column(String(200), info={"pii": True})
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    operation: Mapped[str] = mapped_column(String(64))
