"""Wrapped-text rows measured only where the user looks.

`QTableView.resizeRowsToContents()` lays out the text of every row: 6,000 findings with a
problem and a fix each took 290 ms on the GUI thread at 1,000 treatments (bench_ui.py), and
it ran after every check. `VisibleRowSizer` measures the rows in the viewport (and a screen
below) once they come into view, a moment after a scroll, a resize or a new set of rows,
in turns of about 15 ms.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QTableView

MARGIN_ROWS = 40  # rows measured past the bottom edge, so a page down lands on measured rows
# A wrapped row takes ~2 ms to lay out: 85 rows held the first checks view 200 ms in one go.
TURN_S = 0.015


class VisibleRowSizer(QObject):
    def __init__(self, table: QTableView) -> None:
        super().__init__(table)
        self._table = table
        self._measured: set[int] = set()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(30)
        self._timer.timeout.connect(self._measure_visible)
        table.verticalScrollBar().valueChanged.connect(lambda _value: self._timer.start())
        table.horizontalHeader().sectionResized.connect(lambda *_args: self.invalidate())

    def invalidate(self) -> None:
        """The rows' texts or the columns' widths changed: measure again what is seen."""
        self._measured.clear()
        self._timer.start()

    def measured_rows(self) -> frozenset[int]:
        return frozenset(self._measured)

    def _measure_visible(self) -> None:
        table = self._table
        count = table.model().rowCount() if table.model() is not None else 0
        if not count:
            return
        first = max(0, table.rowAt(0))
        last = table.rowAt(table.viewport().height() - 1)
        last = count - 1 if last < 0 else last
        started = time.perf_counter()
        for row in range(first, min(count, last + MARGIN_ROWS + 1)):
            if row not in self._measured:
                self._measured.add(row)
                table.resizeRowToContents(row)
                if time.perf_counter() - started > TURN_S:  # the rest in a later turn
                    self._timer.start()
                    return
