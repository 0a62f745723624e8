"""Every user setting, declared once with its type and default (STYLE.md B7).

Settings live in an INI file in the user's config folder (`QSettings(IniFormat, UserScope)`);
tests redirect that folder with `QSettings.setPath`. Services never see a `QSettings`: they
get plain values (a path, a locale).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar, cast

from PySide6.QtCore import QByteArray, QSettings

from workbench.i18n import DEFAULT_LOCALE, SUPPORTED_LOCALES

ORGANISATION = "dpo-workbench"
APPLICATION = "dpo-workbench"
MAX_RECENT_REGISTERS = 8

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Key(Generic[T]):
    name: str
    default: T


LOCALE: Key[str] = Key("ui/locale", DEFAULT_LOCALE)
WINDOW_GEOMETRY: Key[bytes] = Key("window/geometry", b"")
WINDOW_STATE: Key[bytes] = Key("window/state", b"")
LAST_VIEW: Key[str] = Key("window/last_view", "dashboard")
LAST_REGISTER: Key[str] = Key("registers/last", "")
RECENT_REGISTERS: Key[list[str]] = Key("registers/recent", [])
# Per user, not per register: the folder is where this user keeps documents on this machine
# (a register file moved to another machine or shared would carry a path that means nothing
# there), and one user exporting from two registers expects the same place.
EXPORT_FOLDER: Key[str] = Key("export/last_folder", "")
HIDDEN_COLUMNS_PREFIX = "columns/hidden/"  # + list name -> list[str] of column keys


class Settings:
    def __init__(self, store: QSettings | None = None) -> None:
        self._store = store or QSettings(
            QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANISATION, APPLICATION
        )

    # -- typed access --------------------------------------------------------------------------
    def get(self, key: Key[T]) -> T:
        raw = self._store.value(key.name, None)
        if raw is None:
            return key.default
        return cast(T, _coerce(raw, key.default))

    def set(self, key: Key[T], value: T) -> None:
        stored: object = QByteArray(value) if isinstance(value, bytes) else value
        self._store.setValue(key.name, stored)

    def sync(self) -> None:
        self._store.sync()

    # -- derived settings ----------------------------------------------------------------------
    def locale(self) -> str:
        value = self.get(LOCALE)
        return value if value in SUPPORTED_LOCALES else DEFAULT_LOCALE

    def chosen_locale(self) -> str | None:
        """The language the user chose in Settings; None before any choice (first launch)."""
        value = self._store.value(LOCALE.name, None)
        return value if value in SUPPORTED_LOCALES else None

    def recent_registers(self) -> list[str]:
        return self.get(RECENT_REGISTERS)

    def remember_register(self, path: str) -> None:
        recent = [p for p in self.recent_registers() if p != path]
        self.set(RECENT_REGISTERS, [path, *recent][:MAX_RECENT_REGISTERS])
        self.set(LAST_REGISTER, path)

    def hidden_columns(self, list_name: str) -> list[str] | None:
        """Column keys the user hid in a list; None when never chosen (use the defaults)."""
        raw = self._store.value(HIDDEN_COLUMNS_PREFIX + list_name, None)
        return None if raw is None else _as_list(raw)

    def set_hidden_columns(self, list_name: str, keys: list[str]) -> None:
        # An INI file cannot tell an empty list from "unset"; a marker keeps "none hidden".
        self._store.setValue(HIDDEN_COLUMNS_PREFIX + list_name, keys or [""])


def _coerce(raw: object, default: object) -> object:
    if isinstance(default, bytes):
        return bytes(raw.data()) if isinstance(raw, QByteArray) else default
    if isinstance(default, list):
        return _as_list(raw)
    if isinstance(default, bool):
        return raw in (True, "true", "1", 1)
    if isinstance(default, int):
        try:
            return int(str(raw))
        except ValueError:
            return default
    return str(raw)


def _as_list(raw: object) -> list[str]:
    # QSettings' INI backend returns a one-element list as a plain string.
    items = raw if isinstance(raw, list) else [raw]
    return [str(item) for item in items if str(item)]
