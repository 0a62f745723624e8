"""The window's views, each built when first asked for, or in an idle turn after the window shows.

Building the eleven views at once (nine lists, History, the dashboard, the checks) held the
GUI thread about 130 ms when a 10,000-treatment register opened (bench_ui.py): now only the
start view is built before the window shows, and the others one per idle turn of the event
loop, or at once when something asks for one (a menu, a test, a dashboard card).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QWidget


class LazyViews(dict[str, QWidget]):
    """`views[key]` builds the view the first time; `key in views` is true of every view
    the window has, built or not; iterating gives the built ones."""

    def __init__(self, keys: Sequence[str], build: Callable[[str], QWidget]) -> None:
        super().__init__()
        self._keys = tuple(keys)
        self._build = build

    def __missing__(self, key: str) -> QWidget:
        if key not in self._keys:
            raise KeyError(key)
        widget = self._build(key)
        self[key] = widget
        return widget

    def __contains__(self, key: object) -> bool:
        return key in self._keys

    def get(self, key: str, default: QWidget | None = None) -> QWidget | None:  # type: ignore[override]
        return self[key] if key in self._keys else default

    def unbuilt(self) -> list[str]:
        return [k for k in self._keys if not dict.__contains__(self, k)]


class IdleBuilder(QObject):
    """Builds the views nobody asked for yet, one per idle turn of the event loop."""

    def __init__(self, parent: QObject, views: LazyViews) -> None:
        super().__init__(parent)
        self._views = views
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._build_one)
        self._timer.start()

    def _build_one(self) -> None:
        unbuilt = self._views.unbuilt()
        if unbuilt:
            self._views[unbuilt[0]]
        if len(unbuilt) <= 1:
            self._timer.stop()

    def pending(self) -> bool:
        return self._timer.isActive()

    def stop(self) -> None:
        """The views were dropped (another register opened)."""
        self._timer.stop()
        self.deleteLater()
