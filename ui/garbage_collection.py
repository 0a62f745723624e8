"""Python's cycle collector, kept from stalling the window on a large register.

A full collection (generation 2) walks every object the process holds, holding the GIL: with
10,000 treatments open it took 100-300 ms each (up to 1.3 s under load), about once a second
while a list was read, on whichever thread happened to allocate. On the GUI thread that was
most of the longest stall of a sort (200 ms, 60 of them the sort) or an undo; on a job thread
the GUI thread waits for the GIL just as long. Nearly all of those objects live as long as the
window (modules, widgets, the rows shown) and the collections found nothing to free.

So, at each quiet moment (no job running), what is alive is moved out of the collector's
sight (`gc.freeze()`, O(1)): the automatic collections then walk only what was made since,
a few milliseconds. Frozen objects are still freed by their reference count when dropped (the
rows a reload replaces); only a reference cycle among them would stay, so at a quiet moment at
most every FULL_COLLECTION_EVERY_S, once the frozen objects are a quarter more than after the
last full collection (Python's own rule for its oldest generation: a register whose size is
steady is not walked again), the collector walks everything once, on the GUI thread (about
110 ms at 10,000 treatments), and freezes again. That is the pattern of pyqtgraph's
`GarbageCollector`: collections the application times, on the GUI thread, instead of whenever
and wherever allocation triggers them.

A job that builds a large structure (the Art. 28(2) plan decodes every treatment: 200,000 live
objects) still made Python walk it four times as it grew (a full collection each time the
unfrozen heap grows by a quarter, at most every 700 x 10 x 10 allocations: 40, 85, 130 and
200,000 objects, 300 ms of GIL in all). The thresholds below allow one full collection per
2,000 x 10 x 100 = 2 million allocations; the young generations stay small (2,000 and 20,000
objects: a few milliseconds each).

Every collection runs on the GUI thread (GuiThreadCollections): see there why.

While a job runs, what survives a young collection is frozen at once (`freeze_survivors`)
instead of being promoted: on the GUI thread's timer the young generation holds what the jobs
made in the last COUNTS_CHECKED_EVERY_MS (20,000-30,000 objects while the dashboard or the
checks read a 10,000-treatment register, 16-25 ms to walk), and each generation-1 collection
walked the last ten of them again: 30-70 ms on the GUI thread, the longest stall of opening the
window (bench_ui.py, 'gc'). A cycle that dies young is still freed by the next young
collection; one that outlives it waits for the next full collection, as what lives at a quiet
moment always did.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

FREEZE_EVERY_MS = 1_000
COUNTS_CHECKED_EVERY_MS = 100
FULL_COLLECTION_EVERY_S = 600.0
FULL_COLLECTION_GROWTH = 1.25
THRESHOLDS = (2_000, 10, 100)  # Python's: (700, 10, 10)


def no_job_running() -> bool:
    from ui.jobs import active_jobs  # the policy starts before the window needs the jobs

    return not active_jobs()


class GuiThreadCollections(QObject):
    """Python's automatic cycle collections, run on the GUI thread only.

    Python collects on whichever thread allocates. A cycle holding a Qt object made on the GUI
    thread (a chart's series, a model), collected on a job thread, runs ~QObject there: shiboken
    gives the GIL up in the destructor, which holds one of Qt's signal-slot mutexes and then
    waits for the GIL again, while the GUI thread, holding the GIL, waits for that mutex in a
    connect. Both wait for ever: the test suite hung so at 96 % in one fresh-clone run of 14,
    the GUI thread inside QChart's legend (QObject::connectImpl), the job thread in
    gc_collect_main -> QObject::~QObject -> Shiboken::GilState::acquire. So the automatic
    collections are off, and a timer on the GUI thread runs the generation Python would have
    run, by Python's own counts and thresholds (as pyqtgraph's GarbageCollector does); a cycle
    a job makes waits at most COUNTS_CHECKED_EVERY_MS for it."""

    def __init__(
        self, parent: QObject | None = None, freeze_survivors: Callable[[], bool] = lambda: False
    ) -> None:
        super().__init__(parent)
        self._freeze_survivors = freeze_survivors
        self._was_enabled = gc.isenabled()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(COUNTS_CHECKED_EVERY_MS)
        self._timer.timeout.connect(self.collect_due)
        self._timer.start()

    def collect_due(self) -> None:
        """The oldest generation whose count passed its threshold, as Python would have; what
        survives it is frozen when `freeze_survivors()` says so (a job is running)."""
        counts, thresholds = gc.get_count(), gc.get_threshold()
        for generation in (2, 1, 0):
            if counts[generation] > thresholds[generation]:
                gc.collect(generation)
                if self._freeze_survivors():
                    gc.freeze()
                return

    def stop(self) -> None:
        """Back to Python's automatic collections (tests). What is due is collected here
        first: re-enabled with its counts past the thresholds, Python would collect at the
        next allocation, wherever it is; inside a Qt object's destructor (shiboken looking up
        a Python override) a collection that destroys another Qt object waits on the mutex
        the first one holds, for ever (a test teardown hung so)."""
        self._timer.stop()
        self.collect_due()
        if self._was_enabled:
            gc.enable()


class CollectionPolicy(QObject):
    """Freezes what lives at quiet moments, and collects everything now and then."""

    def __init__(
        self,
        parent: QObject | None = None,
        quiet: Callable[[], bool] = no_job_running,
        full_every_s: float = FULL_COLLECTION_EVERY_S,
    ) -> None:
        super().__init__(parent)
        self._quiet = quiet
        self._full_every_s = full_every_s
        self._last_full = time.monotonic()
        self._python_thresholds = gc.get_threshold()
        gc.set_threshold(*THRESHOLDS)
        self.on_gui_thread = GuiThreadCollections(self, lambda: not self._quiet())
        self._timer = QTimer(self)
        self._timer.setInterval(FREEZE_EVERY_MS)
        self._timer.timeout.connect(self.tick)
        gc.freeze()  # what start-up made (modules, classes): about 130,000 objects
        self._frozen_after_full = gc.get_freeze_count()
        self._timer.start()

    def tick(self) -> None:
        if not self._quiet():
            return
        gc.freeze()
        if self.full_collection_due():
            self.collect_everything()

    def full_collection_due(self) -> bool:
        # Time first: counting the frozen objects walks them all (CPython's
        # gc.get_freeze_count is a list walk), 10-30 ms at 10,000 treatments, which the
        # bench's profile showed inside filter and sort stalls when it ran every second.
        if time.monotonic() - self._last_full < self._full_every_s:
            return False
        return gc.get_freeze_count() > self._frozen_after_full * FULL_COLLECTION_GROWTH

    def collect_everything(self) -> int:
        """One full collection of every object, frozen ones included; how many were freed."""
        gc.unfreeze()
        freed = gc.collect()
        gc.freeze()
        self._last_full = time.monotonic()
        self._frozen_after_full = gc.get_freeze_count()
        return freed

    def stop(self) -> None:
        """Back to Python's own collections (tests)."""
        self._timer.stop()
        gc.unfreeze()
        gc.set_threshold(*self._python_thresholds)
        self.on_gui_thread.stop()
