"""UI responsiveness: the longest stall of the GUI thread for each user action, at 1k and 10k.

    QT_QPA_PLATFORM=offscreen PYTHONPATH=$PWD python bench/bench_ui.py [size ...]

A watchdog timer ticks every 5 ms on the GUI thread; the longest gap between two ticks while
an action runs, and until the work it started has settled (no job running and no timer-driven
reload for a while), is the longest time the window could not repaint or answer a key: the
stall. Each action is started from the event loop as a user's click would be. Actions: open
(window built over the register and its start view shown), filter (typing in the treatment
list), sort, edit (a treatment saved through the service, the change published as the form
does), undo, checks (the checks view run again), history (the History view shown after the
edit), dashboard (refreshed). Target (issue 15): every stall <= 100 ms at 10k treatments and
1k subprocessors. "settled" is how long the background work after the action took.

The registers (the demo one grown to N treatments and N/10 subprocessors, through the
services so the journal holds them) are slow to build: they are cached in the temp folder
(bench-ui-<schema>-<N>.sqlite) and copied for each run. Also prints the cold start.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

STALL_LIMIT_MS = 100
TICK_MS = 5
SETTLE_QUIET_S = 0.8  # no job and no tick-late for this long: the action's work is done
ACTION_TIMEOUT_S = 180
SIZES = (1_000, 10_000)

COLD_START = """
import time; t0 = time.perf_counter()
from ui.app import application, create_main_window
window = create_main_window({db!r}, False)
window.show(); application().processEvents()
print(time.perf_counter() - t0)
"""


def cold_start(db: Path) -> float:
    env = dict(os.environ, XDG_CONFIG_HOME=str(db.parent / "config"))
    out = subprocess.run(
        [sys.executable, "-c", COLD_START.format(db=str(db))],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    return float(out.stdout.strip().splitlines()[-1])


# -- the registers -------------------------------------------------------------------------------
def schema_key() -> str:
    versions = Path(__file__).parents[1] / "workbench" / "storage" / "migrations" / "versions"
    names = sorted(p.name for p in versions.glob("*.py"))
    return hashlib.sha256("\n".join(names).encode()).hexdigest()[:10]


def build_register(path: Path, treatments: int) -> None:
    from workbench.domain.records import Subprocessor, Treatment
    from workbench.services.demo import ensure_demo_register

    register = ensure_demo_register(path, author="bench")
    try:
        own = register.organisations.own()[0].id
        assert own is not None
        subprocessors = [
            Subprocessor(organisation_id=own, name=f"Prestataire {i:04d}", legal_entity="SAS")
            for i in range(treatments // 10)
        ]
        created = register.subprocessors.create_many(subprocessors, "bench").ids
        models = register.treatments.list()
        batch = [
            replace(
                models[i % len(models)],
                id=None,
                version=0,
                name=f"{models[i % len(models)].name} ({i})",
                subprocessor_ids=(created[i % len(created)], created[(i * 7) % len(created)]),
            )
            for i in range(treatments - len(models))
        ]
        for start in range(0, len(batch), 2_000):  # one operation per 2,000, as imports do
            register.treatments.create_many(batch[start : start + 2_000], "bench")
        assert isinstance(batch[0], Treatment)
    finally:
        register.close()


def cached_register(size: int, folder: Path) -> Path:
    cache = Path(tempfile.gettempdir()) / f"bench-ui-{schema_key()}-{size}.sqlite"
    if not cache.exists():
        started = time.perf_counter()
        partial = cache.with_suffix(".partial")
        partial.unlink(missing_ok=True)
        build_register(partial, size)
        partial.replace(cache)
        print(f"  (built the {size:,}-treatment register in {time.perf_counter() - started:.0f} s)")
    copy = folder / f"r{size}.sqlite"
    shutil.copyfile(cache, copy)
    return copy


# -- the watchdog --------------------------------------------------------------------------------
class StallWatch:
    """Longest gap between two ticks of a GUI-thread timer, from `start()` to `settle()`."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self._timer = QTimer()
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)
        self._last = time.perf_counter()
        self._last_cpu = time.thread_time()
        self.longest = 0.0
        self.longest_cpu = 0.0
        self._timer.start()

    def _tick(self) -> None:
        now, cpu = time.perf_counter(), time.thread_time()
        self.longest = max(self.longest, now - self._last)
        self.longest_cpu = max(self.longest_cpu, cpu - self._last_cpu)
        self._last, self._last_cpu = now, cpu

    def measure(
        self, action: Callable[[], object], busy: Callable[[], bool]
    ) -> tuple[float, float, float]:
        """(longest stall ms, the GUI thread's CPU ms in its longest gap, seconds until settled)
        of `action`, run from the event loop. On a loaded machine the wall-clock stall also
        holds the time the system gave other processes; the CPU figure does not."""
        from PySide6.QtCore import QEventLoop, QTimer
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance()
        assert app is not None
        self.settle(busy)
        self.longest = self.longest_cpu = 0.0
        self._last, self._last_cpu = time.perf_counter(), time.thread_time()
        started = self._last
        QTimer.singleShot(0, action)
        quiet_since = None
        while time.perf_counter() - started < ACTION_TIMEOUT_S:
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
            now = time.perf_counter()
            if busy() or now - started < 0.05:
                quiet_since = None
            elif quiet_since is None:
                quiet_since = now
            elif now - quiet_since >= SETTLE_QUIET_S:
                break
        settled = (quiet_since or time.perf_counter()) - started
        stall = max(0.0, self.longest - TICK_MS / 1000)
        return stall * 1000, self.longest_cpu * 1000, settled

    def settle(self, busy: Callable[[], bool]) -> None:
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance()
        assert app is not None
        quiet_since = time.perf_counter()
        while time.perf_counter() - quiet_since < SETTLE_QUIET_S:
            app.processEvents()
            if busy():
                quiet_since = time.perf_counter()


def run_actions(db: Path, watch: StallWatch) -> dict[str, tuple[float, float, float]]:
    from PySide6.QtCore import QSettings, Qt

    from ui import jobs
    from ui.main_window import MainWindow
    from ui.settings import Settings
    from workbench.services import open_register

    settings = Settings(QSettings(str(db.with_suffix(".ini")), QSettings.Format.IniFormat))
    holder: dict[str, MainWindow] = {}
    register = open_register(db)

    def busy() -> bool:
        window = holder.get("window")
        pending = window is not None and window.has_pending_work()
        return bool(jobs.active_jobs()) or pending

    def open_window() -> None:
        window = MainWindow(register, settings)
        window.resize(1366, 768)
        window.show()
        window.start_view()
        holder["window"] = window

    results: dict[str, tuple[float, float, float]] = {}
    results["open"] = watch.measure(open_window, busy)
    window = holder["window"]
    window.show_view("treatments")
    watch.settle(busy)
    treatments = window.list_view("treatments")

    def keystroke(text: str) -> Callable[[], None]:
        def typed() -> None:
            treatments.filter_edit.setText(text)
            treatments.apply_filter()

        return typed

    keystrokes = [
        watch.measure(keystroke(text), busy) for text in ("t", "té", "tél", "télé", "", "site", "")
    ]
    results["filter"] = max(keystrokes)
    results["sort"] = watch.measure(
        lambda: treatments.table.sortByColumn(1, Qt.SortOrder.AscendingOrder), busy
    )
    first = register.treatments.list()[0]

    def edit() -> None:
        changed = replace(first, purpose=first.purpose + " (revu)")
        window.publish(register.treatments.update(changed, "bench edit"))

    results["edit"] = watch.measure(edit, busy)
    results["undo"] = watch.measure(window.undo, busy)
    results["checks"] = watch.measure(lambda: window.show_view("checks"), busy)
    checks = window.views["checks"]
    results["checks again"] = watch.measure(checks.refresh, busy)  # type: ignore[attr-defined]
    results["history"] = watch.measure(lambda: window.show_view("history"), busy)
    dashboard = window.views["dashboard"]
    window.show_view("dashboard")
    watch.settle(busy)
    results["dashboard"] = watch.measure(dashboard.refresh, busy)  # type: ignore[attr-defined]
    window.close()
    window.deleteLater()
    watch.settle(busy)
    register.close()
    return results


def main(sizes: tuple[int, ...]) -> None:
    from PySide6.QtWidgets import QApplication

    _app = QApplication.instance() or QApplication([])
    watch = StallWatch()
    print(f"longest GUI-thread stall per action; limit {STALL_LIMIT_MS} ms at 10,000 treatments")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        table: dict[int, dict[str, tuple[float, float, float]]] = {}
        for size in sizes:
            db = cached_register(size, folder)
            table[size] = run_actions(db, watch)
        actions = list(next(iter(table.values())))
        header = "".join(
            f"{f'{size:,}: stall ms':>17}{'cpu ms':>8}{'settled s':>10}" for size in sizes
        )
        print(f"{'action':<14}{header}   limit (on the cpu figure at {max(sizes):,})")
        for action in actions:
            cells = ""
            for size in sizes:
                stall, cpu, settled = table[size][action]
                cells += f"{stall:>17.0f}{cpu:>8.0f}{settled:>10.1f}"
            worst = table[max(sizes)][action][1]
            verdict = "ok" if worst <= STALL_LIMIT_MS else "OVER"
            print(f"{action:<14}{cells}   {STALL_LIMIT_MS} ms {verdict}")
        load = os.getloadavg()[0]
        print(f"load average during the run: {load:.1f} on {os.cpu_count()} cores")
        start = cold_start(cached_register(max(sizes), folder))
        print(f"cold start to shown window ({max(sizes):,} treatments): {start:.2f} s")


if __name__ == "__main__":
    main(tuple(int(a) for a in sys.argv[1:]) or SIZES)
