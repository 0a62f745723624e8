from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, DateTime, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from workbench.storage.base import Base


class JournalEntryModel(Base):
    """Append-only. Each entry carries the hash of the previous one, so an edit or a removal made
    outside the app (with an SQLite shell) breaks the chain and `verify-journal` says where."""

    __tablename__ = "journal_entry"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), index=True)
    author: Mapped[str] = mapped_column(String(200), info={"pii": True})
    operation: Mapped[str] = mapped_column(String(64), index=True)
    label: Mapped[str] = mapped_column(String(300), default="")
    entity_kind: Mapped[str] = mapped_column(String(32), index=True)
    entity_id: Mapped[int] = mapped_column(Integer, index=True)
    action: Mapped[str] = mapped_column(String(16))
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON, info={"pii": True})
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON, info={"pii": True})
    prev_hash: Mapped[str] = mapped_column(String(64))
    entry_hash: Mapped[str] = mapped_column(String(64), unique=True)
    # what the hash covers (workbench/services/_journal.py); entries from before migration
    # 0004 are version 1
    hash_version: Mapped[int] = mapped_column(Integer, default=2, server_default="1")


class OperationModel(Base):
    """One service call that wrote something: the unit undo and redo work on."""

    __tablename__ = "operation"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, unique=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    author: Mapped[str] = mapped_column(String(200), info={"pii": True})
    label: Mapped[str] = mapped_column(String(300), default="")
    kind: Mapped[str] = mapped_column(String(32), default="edit")  # edit, import, undo, redo
    undoes: Mapped[str | None] = mapped_column(String(64), index=True)
    undone: Mapped[bool] = mapped_column(default=False)


class SettingModel(Base):
    """Register-wide settings that travel with the file (not the user's UI preferences)."""

    __tablename__ = "register_setting"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)
