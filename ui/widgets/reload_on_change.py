"""Reload a view once, shortly after a burst of register changes (an import publishes many).

A view that is not on screen does not reload: it notes that it is stale and reloads when it
is shown again. With every view reloading, one edit on a 10,000-treatment register ran the
checks and the dashboard in the background and drew thousands of findings nobody looked at.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

from ui.change_bus import ChangeBus
from workbench.domain.records import Changes

RELOAD_DELAY_MS = 300


class ReloadOnChange(QObject):
    def __init__(
        self, parent: QWidget, reload: Callable[[], None], change_bus: ChangeBus | None
    ) -> None:
        super().__init__(parent)
        self._view = parent
        self._stale = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(RELOAD_DELAY_MS)
        self._timer.timeout.connect(reload)
        parent.installEventFilter(self)
        if change_bus is not None:
            change_bus.changed.connect(self._changed)

    def _changed(self, changes: Changes) -> None:
        if not changes.kinds:
            return
        if self._view.isVisible():
            self._timer.start()
        else:
            self._stale = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._view and event.type() == QEvent.Type.Show and self._stale:
            self._stale = False
            self._timer.start()
        return False

    def stale(self) -> bool:
        """Changes came in while the view was hidden: it reloads when shown."""
        return self._stale

    def pending(self) -> bool:
        """A reload is due (changes came in, the delay has not run out yet)."""
        return self._timer.isActive()
