"""Waiting for the main window's lists, which read their rows in background jobs."""

from __future__ import annotations

from typing import Any

from pytestqt.qtbot import QtBot


def wait_lists_loaded(qtbot: QtBot, window: Any) -> None:
    """Until no list of `window` is reading its rows (then its rows are the register's)."""
    qtbot.waitUntil(lambda: not any(m.loading() for m in window.models.values()), timeout=10_000)
