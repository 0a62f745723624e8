"""Register-wide settings (the `register_setting` key/value table): they travel with the file."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from workbench.services._context import ServiceContext
from workbench.storage.models import SettingModel


class SettingService:
    def __init__(self, context: ServiceContext) -> None:
        self._context = context

    def get(self, key: str, default: Any = None) -> Any:
        with self._context.read() as session:
            row = session.get(SettingModel, key)
            return default if row is None else row.value

    def set(self, key: str, value: Any) -> None:
        with self._context.sessions() as session, session.begin():
            row = session.get(SettingModel, key)
            if row is None:
                session.add(SettingModel(key=key, value=value))
            else:
                row.value = value

    def delete(self, key: str) -> bool:
        with self._context.sessions() as session, session.begin():
            row = session.get(SettingModel, key)
            if row is None:
                return False
            session.delete(row)
            return True

    def keys(self, prefix: str = "") -> list[str]:
        with self._context.read() as session:
            query = select(SettingModel.key).order_by(SettingModel.key)
            if prefix:
                query = query.where(SettingModel.key.startswith(prefix, autoescape=True))
            return list(session.scalars(query))
