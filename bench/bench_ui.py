"""UI responsiveness: the longest stall of the GUI thread for each user action, at 1k and 10k.

    QT_QPA_PLATFORM=offscreen PYTHONPATH=$PWD python bench/bench_ui.py [--repeat N] [size ...]

A watchdog timer ticks every 5 ms on the GUI thread: while the thread runs a handler (or
waits for the GIL a job holds, or for a core) the timer cannot fire, so the longest gap
between two ticks while an action runs, and until the work it started has settled (no job
running and no timer-driven reload for a while), is the longest time the window could not
repaint or answer a key: the stall. Each action is started from the event loop as a user's
click would be, and the loop sleeps between events as the application's does. Each stall is
given three ways, since the machine may be shared: wall (as felt now); own (less the time the
OS kept the GUI thread waiting for a core, from /proc/thread-self/schedstat, and at most the
CPU time this process used in the gap: the GUI thread, or a job holding the GIL the GUI thread
waits for); cpu (the GUI thread's own CPU time in the gap: the work that blocks it on any
machine, which the limit is judged on). Under load, a job thread that the OS preempts while
it holds the GIL blocks the GUI thread without either using a core: an 11 s background job
beside an idle GUI thread gave 895 ms gaps with 4 ms of GUI-thread CPU at load 9; on a quiet
machine the GUI thread takes the GIL back within the 5 ms switch interval.
Actions: open (window built over the register and its start view shown), filter (typing
in the treatment list), sort, edit (a treatment saved through the service, the change
published as the form does), undo, checks (the checks view shown, then
run again), history (the History view shown after the edit), dashboard (refreshed). Target
(issue 15): every stall <= 100 ms at 10k treatments and 1k subprocessors. "settled" is how
long the background work after the action took. BENCH_UI_PROFILE=history,checks (or all)
prints the GUI thread's Python stacks sampled inside each action's longest stall.

Each action runs several times (--repeat, 5 by default; the window is opened 3 times) and the
median and the worst of each figure are printed, so that a maximum is not one lucky run; "gc"
is the longest cycle collection (any thread, holding the GIL) seen while the action ran. The
window runs the application's collection policy (ui/garbage_collection.py), as `run` does.

The registers (the demo one grown to N treatments and N/10 subprocessors, through the
services so the journal holds them) are slow to build: they are cached in the temp folder
(bench-ui-<schema>-<N>.sqlite) and copied for each run. Also prints the cold start.
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import importlib
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

STALL_LIMIT_MS = 100
TICK_MS = 5
SETTLE_QUIET_S = 0.6  # no job and no tick-late for this long: the action's work is done
ACTION_TIMEOUT_S = 180
BUSY_CHECK_S = 0.05  # how often the loop asks whether the action's work is done
SIZES = (10_000,)  # 1,000 too when asked: bench_ui.py 1000 10000
REPEAT = 5  # each action; the window is opened OPENS times
OPENS = 3
WINDOW_MODULES = (
    "ui.main_actions",  # imported by the window's __init__ (the menus need its slots)
    "ui.widgets.dashboard_widget",
    "ui.widgets.checks_widget",
    "ui.dialogs.import_wizard",
    "ui.dialogs.export_dialog",
)

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


# -- what the GUI thread runs in its longest stall (BENCH_UI_PROFILE=open,checks,... or all) ----
class StallSampler(threading.Thread):
    """Samples the GUI thread's Python stack every 2 ms (from another thread, as py-spy
    does from outside); `report` prints the stacks seen inside one time window."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self._gui = threading.main_thread().ident
        self._samples: list[tuple[float, tuple[str, ...]]] = []
        self._stop = threading.Event()
        self.start()

    def run(self) -> None:
        while not self._stop.wait(0.002):
            frame = sys._current_frames().get(self._gui or 0)
            stack: list[str] = []
            while frame is not None and len(stack) < 40:
                code = frame.f_code
                where = code.co_filename.rsplit("/wt-", 1)[-1].split("/", 1)[-1]
                stack.append(f"{where}:{frame.f_lineno} {code.co_name}")
                frame = frame.f_back
            self._samples.append((time.perf_counter(), tuple(stack)))

    def report(self, name: str, window: tuple[float, float]) -> None:
        self._stop.set()
        inside = [stack for at, stack in self._samples if window[0] <= at <= window[1]]
        ours = Counter(
            tuple(f for f in stack if f.startswith(("ui/", "workbench/", "exporters/")))[:6]
            for stack in inside
        )
        lines = [f"--- {name}: {len(inside)} samples in the longest stall ---"]
        lines += [f"{n:>5}  " + " < ".join(stack) for stack, n in ours.most_common(12)]
        print("\n".join(lines), file=sys.stderr)


def sampler(name: str) -> StallSampler | None:
    wanted = os.environ.get("BENCH_UI_PROFILE", "").split(",")
    return StallSampler() if name in wanted or "all" in wanted else None


# -- the watchdog --------------------------------------------------------------------------------
class RunQueueClock:
    """Nanoseconds the GUI thread has spent runnable but waiting for a core (Linux schedstat:
    time the OS gave other processes); 0 where the kernel does not say."""

    def __init__(self) -> None:
        try:  # opened once: opening a /proc file took ~3 ms under load
            self._fd: int | None = os.open("/proc/thread-self/schedstat", os.O_RDONLY)
        except OSError:
            self._fd = None

    def __call__(self) -> int:
        if self._fd is None:
            return 0
        try:
            return int(os.pread(self._fd, 100, 0).split()[1])
        except (OSError, IndexError, ValueError):
            return 0


@dataclass
class Stall:
    """The longest time the GUI thread processed no event during one action, three ways."""

    wall: float = 0.0  # what a user feels on this machine, at this load
    quiet: float = 0.0  # "own": the gap less the time the OS kept the GUI thread waiting
    # for a core, and at most the CPU time this process used in it (the GUI thread, and jobs
    # holding the GIL it waits for; a job thread preempted while it holds the GIL blocks the
    # GUI thread without using CPU, so this is still above what a quiet machine shows)
    cpu: float = 0.0  # the GUI thread's own CPU time in a gap
    gc: float = 0.0  # the longest cycle collection during the action, on any thread
    window: tuple[float, float] = (0.0, 0.0)  # when the longest (quiet) gap was

    def add(self, wall: float, queued: float, cpu: float, ours: float, now: float) -> None:
        quiet = max(cpu, min(wall - queued, ours))
        if quiet > self.quiet:
            self.quiet, self.window = quiet, (now - wall, now)
        self.wall = max(self.wall, wall)
        self.cpu = max(self.cpu, cpu)


class CollectionClock:
    """The longest pause of Python's cycle collector since `reset`, on any thread (it holds the
    GIL, so a collection in a job stalls the GUI thread as long), from `gc.callbacks`."""

    def __init__(self) -> None:
        self._started: dict[int, float] = {}
        self.longest = 0.0
        gc.callbacks.append(self._callback)

    def _callback(self, phase: str, _info: dict[str, int]) -> None:
        thread = threading.get_ident()
        if phase == "start":
            self._started[thread] = time.perf_counter()
        elif thread in self._started:
            self.longest = max(self.longest, time.perf_counter() - self._started.pop(thread))


class StallWatch:
    """Gaps between two ticks of a GUI-thread timer: while the thread runs an event's handler
    (or waits for the GIL, or for a core) the timer cannot fire, so the longest gap is the
    longest time the window answered no key and painted nothing."""

    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self._timer = QTimer()
        self._timer.setInterval(TICK_MS)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._tick)
        self._queued_ns = RunQueueClock()
        self._collections = CollectionClock()
        self._reset()
        self._timer.start()

    def _reset(self) -> None:
        self._last = time.perf_counter()
        self._last_cpu = time.thread_time()
        self._last_queued = self._queued_ns()
        self._last_process = time.process_time()
        self._collections.longest = 0.0
        self.stall = Stall()

    def _tick(self) -> None:
        now, cpu, queued = time.perf_counter(), time.thread_time(), self._queued_ns()
        process = time.process_time()
        queued_s = (queued - self._last_queued) / 1e9
        gap_cpu, gap_process = cpu - self._last_cpu, process - self._last_process
        self.stall.add(now - self._last, queued_s, gap_cpu, gap_process, now)
        self._last, self._last_cpu, self._last_queued = now, cpu, queued
        self._last_process = process

    def measure(
        self, name: str, action: Callable[[], object], busy: Callable[[], bool]
    ) -> tuple[Stall, float]:
        """The longest stall (ms) of `action`, run from the event loop as a click would be, and
        the seconds until the work it started settled."""
        from PySide6.QtCore import QEventLoop, QTimer
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance()
        assert app is not None
        self.settle(busy)
        profile = sampler(name)
        self._reset()
        started = self._last
        QTimer.singleShot(0, action)
        quiet_since = None
        checked = 0.0
        while time.perf_counter() - started < ACTION_TIMEOUT_S:
            # Sleeps until the next event (a tick at the latest), as the application's own
            # loop does: a spinning loop would take the GIL from the jobs it waits for.
            app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
            now = time.perf_counter()
            if now - checked < BUSY_CHECK_S:
                continue
            checked = now
            if busy() or now - started < 0.05:
                quiet_since = None
            elif quiet_since is None:
                quiet_since = now
            elif now - quiet_since >= SETTLE_QUIET_S:
                break
        settled = (quiet_since or time.perf_counter()) - started
        if profile is not None:
            profile.report(name, self.stall.window)
        tick = TICK_MS / 1000  # a gap of one tick is no stall
        found = self.stall
        stall = Stall(
            max(0.0, found.wall - tick) * 1000,
            max(0.0, found.quiet - tick) * 1000,
            found.cpu * 1000,
            self._collections.longest * 1000,
        )
        return stall, settled

    def settle(self, busy: Callable[[], bool]) -> None:
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance()
        assert app is not None
        from PySide6.QtCore import QEventLoop

        quiet_since = time.perf_counter()
        while time.perf_counter() - quiet_since < SETTLE_QUIET_S:
            app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
            if busy():
                quiet_since = time.perf_counter()


Measured = tuple[Stall, float]  # the longest stall, seconds until settled
ACTIONS = (
    "open",
    "filter",
    "sort",
    "edit",
    "undo",
    "checks",
    "checks again",
    "history",
    "dashboard",
)


class Window:
    """One window over the bench's register, and the actions a user would take in it."""

    def __init__(self, register: object, settings: object, watch: StallWatch) -> None:
        self.register, self.settings, self.watch = register, settings, watch
        self.window: object = None

    def busy(self) -> bool:
        from ui import jobs

        pending = self.window is not None and self.window.has_pending_work()  # type: ignore[attr-defined]
        return bool(jobs.active_jobs()) or pending

    def measure(self, name: str, action: Callable[[], object]) -> Measured:
        return self.watch.measure(name, action, self.busy)

    def show(self, key: str) -> None:
        """Go to a view, not measured: the action after it starts from a settled window."""
        self.window.show_view(key)  # type: ignore[attr-defined]
        self.watch.settle(self.busy)

    def open(self) -> Measured:
        from ui.main_window import MainWindow

        def open_window() -> None:
            window = MainWindow(self.register, self.settings)  # type: ignore[arg-type]
            window.resize(1366, 768)
            window.show()
            window.start_view()
            self.window = window

        return self.measure("open", open_window)

    def close(self) -> None:
        self.window.close()  # type: ignore[attr-defined]
        self.window.deleteLater()  # type: ignore[attr-defined]
        self.window = None
        self.watch.settle(self.busy)


def run_actions(db: Path, watch: StallWatch, repeat: int) -> dict[str, list[Measured]]:
    from PySide6.QtCore import QSettings, Qt

    from ui.settings import Settings
    from workbench.services import open_register

    settings = Settings(QSettings(str(db.with_suffix(".ini")), QSettings.Format.IniFormat))
    register = open_register(db)
    # The modules the window imports as it builds: loading them is start-up time (the cold
    # start below), before any window shows; "open" is the window built over this register.
    for module in WINDOW_MODULES:
        importlib.import_module(module)
    results: dict[str, list[Measured]] = {action: [] for action in ACTIONS}
    bench = Window(register, settings, watch)
    for opened in range(OPENS):  # the first showing of the checks too, once per window
        results["open"].append(bench.open())
        views = bench.window.views  # type: ignore[attr-defined]
        results["checks"].append(bench.measure("checks", partial(bench.window.show_view, "checks")))  # type: ignore[attr-defined]
        if opened < OPENS - 1:
            bench.close()
    window: Any = bench.window
    bench.show("treatments")
    treatments = window.list_view("treatments")

    def keystroke(text: str) -> Callable[[], None]:
        def typed() -> None:
            treatments.filter_edit.setText(text)
            treatments.apply_filter()

        return typed

    results["filter"] = [
        bench.measure("filter", keystroke(text))
        for text in ("t", "té", "tél", "télé", "", "site", "")
    ]
    treatment_service: Any = register.treatments
    first_id = treatment_service.list()[0].id
    checks, dashboard = views["checks"], views["dashboard"]
    for turn in range(repeat):
        order = Qt.SortOrder.AscendingOrder if turn % 2 == 0 else Qt.SortOrder.DescendingOrder
        results["sort"].append(
            bench.measure("sort", partial(treatments.table.sortByColumn, 1, order))
        )
        current = treatment_service.get(first_id)
        changed = replace(current, purpose=current.purpose + " (revu)")

        def edit(changed: Any = changed) -> None:
            window.publish(treatment_service.update(changed, "bench edit"))

        results["edit"].append(bench.measure("edit", edit))
        results["undo"].append(bench.measure("undo", window.undo))
        results["history"].append(bench.measure("history", lambda: window.show_view("history")))
        results["checks again"].append(bench.measure("checks again", checks.refresh))
        bench.show("dashboard")
        results["dashboard"].append(bench.measure("dashboard", dashboard.refresh))
        bench.show("treatments")
    bench.close()
    register.close()
    return results


def spread(values: list[float]) -> str:
    return f"{statistics.median(values):>5.0f}{max(values):>5.0f}"


def main(sizes: tuple[int, ...], repeat: int) -> None:
    from PySide6.QtWidgets import QApplication

    _app = QApplication.instance() or QApplication([])
    collections: Any = None
    try:  # as `ui.app.run` does (absent from trees before it: the same bench runs on them)
        from ui.garbage_collection import CollectionPolicy
    except ImportError:
        print("(Python's own cycle collections: no ui.garbage_collection in this tree)")
    else:
        collections = CollectionPolicy(_app)
    watch = StallWatch()
    print(
        f"longest GUI-thread stall per action, ms; limit {STALL_LIMIT_MS} ms at 10,000 treatments"
    )
    print(
        "  wall: as felt on this machine now; own: less the GUI thread's wait for a core, at\n"
        "  most this process's CPU time in the gap (GUI thread + jobs holding the GIL); cpu: the\n"
        "  GUI thread's own CPU time in a gap (judged); each as median and worst of n runs;\n"
        "  gc: the longest cycle collection (worst); settled: s until background work ended"
    )
    loads = [os.getloadavg()[0]]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for size in sizes:
            started = time.perf_counter()
            table = run_actions(cached_register(size, folder), watch, repeat)
            loads.append(os.getloadavg()[0])
            print(f"\n{size:,} treatments ({time.perf_counter() - started:.0f} s)")
            print(
                f"{'action':<13}{'n':>3}{'wall med':>10}{'max':>5}{'own med':>9}{'max':>5}"
                f"{'cpu med':>9}{'max':>5}{'gc':>6}{'settled':>9}   limit (cpu, worst)"
            )
            for action, measures in table.items():
                stalls = [m[0] for m in measures]
                worst_cpu = max(s.cpu for s in stalls)
                verdict = "ok" if worst_cpu <= STALL_LIMIT_MS else "OVER"
                print(
                    f"{action:<13}{len(measures):>3}{'':>2}{spread([s.wall for s in stalls])}"
                    f"{'':>4}{spread([s.quiet for s in stalls])}"
                    f"{'':>4}{spread([s.cpu for s in stalls])}"
                    f"{max(s.gc for s in stalls):>6.0f}"
                    f"{statistics.median(m[1] for m in measures):>9.1f}"
                    f"   {STALL_LIMIT_MS} ms {verdict if size >= 10_000 else ''}"
                )
        print(
            "load average (1 min) at start and after each size: "
            + ", ".join(f"{load:.1f}" for load in loads)
            + f" on {os.cpu_count()} cores"
        )
        start = cold_start(cached_register(max(sizes), folder))
        print(f"cold start to shown window ({max(sizes):,} treatments): {start:.2f} s")
    if collections is not None:  # what froze and then became a cycle waits for a full pass
        began = time.perf_counter()
        freed = collections.collect_everything()
        spent = (time.perf_counter() - began) * 1000
        print(f"full collection after the run: {freed} objects freed, {spent:.0f} ms")


def arguments(argv: list[str]) -> tuple[tuple[int, ...], int]:
    parser = argparse.ArgumentParser(
        description="The longest GUI-thread stall of each user action, per register size.",
        epilog="Run with QT_QPA_PLATFORM=offscreen PYTHONPATH=$PWD; "
        "BENCH_UI_PROFILE=history,checks (or all) samples the stalls.",
    )
    parser.add_argument(
        "sizes", nargs="*", type=int, help=f"treatments (default: {' '.join(map(str, SIZES))})"
    )
    parser.add_argument("--repeat", type=int, default=REPEAT, help="runs of each action")
    args = parser.parse_args(argv)
    return tuple(args.sizes) or SIZES, args.repeat


if __name__ == "__main__":
    main(*arguments(sys.argv[1:]))
