"""Reload a view once, shortly after a burst of register changes (an import publishes many)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

from ui.change_bus import ChangeBus
from workbench.domain.records import Changes

RELOAD_DELAY_MS = 300


class ReloadOnChange(QObject):
    def __init__(
        self, parent: QObject, reload: Callable[[], None], change_bus: ChangeBus | None
    ) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(RELOAD_DELAY_MS)
        self._timer.timeout.connect(reload)
        if change_bus is not None:
            change_bus.changed.connect(self._changed)

    def _changed(self, changes: Changes) -> None:
        if changes.kinds:
            self._timer.start()
