"""Where the window learns that the register changed (STYLE.md B4, after Anki's OpChanges).

Every write made through the UI publishes the `Changes` the service returned; lists, the
dashboard and the history listen and reload only when a change touches what they show.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from workbench.domain.records import Changes


class ChangeBus(QObject):
    changed = Signal(object)  # Changes

    def publish(self, changes: Changes) -> None:
        if changes.kinds:
            self.changed.emit(changes)
