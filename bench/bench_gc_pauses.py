"""The garbage collector's pauses during the window's actions (bench_ui.py, with a gc callback).

    QT_QPA_PLATFORM=offscreen PYTHONPATH=$PWD python bench/bench_gc_pauses.py [size ...]

Runs `bench_ui.py` and, beside its table, prints the collector's passes over 5 ms: how many per
action and generation, and the longest (ms, generation, thread, action). A full pass (generation
2) walks every tracked object while holding the GIL: at 10,000 treatments, before
ui/gc_pauses.py, they took 250-770 ms on job threads and were the window's longest stalls.
Then the cycles a full collection still finds at exit (what freezing kept from the collector).
"""

from __future__ import annotations

import gc
import sys
import threading
import time
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))
import bench_ui  # beside this file

PAUSE_S = 0.005
_started: dict[int, float] = {}
pauses: list[tuple[float, int, str, str]] = []  # seconds, generation, thread, action
action = ["(between actions)"]


def _timed(phase: str, info: dict[str, Any]) -> None:
    thread = threading.get_ident()
    if phase == "start":
        _started[thread] = time.perf_counter()
        return
    took = time.perf_counter() - _started.pop(thread, time.perf_counter())
    if took > PAUSE_S:
        name = threading.current_thread().name
        pauses.append((took, info["generation"], name, action[0]))


def report() -> None:
    per_action = Counter((a, generation) for _t, generation, _n, a in pauses)
    print(f"collector passes over {PAUSE_S * 1000:.0f} ms: {len(pauses)}, ", end="")
    print(f"{sum(p[0] for p in pauses):.2f} s in all")
    for (name, generation), count in sorted(per_action.items()):
        print(f"  {name:<20} generation {generation}: {count}")
    longest = sorted(pauses, reverse=True)[:10]
    print("longest:", ", ".join(f"{t * 1000:.0f} ms (gen {g}, {n}, {a})" for t, g, n, a in longest))
    gc.unfreeze()
    started = time.perf_counter()
    found = gc.collect()
    print(f"cycles found at exit: {found} in {time.perf_counter() - started:.2f} s")


def main() -> None:
    measure = bench_ui.StallWatch.measure

    def named(watch: bench_ui.StallWatch, name: str, *args: Any) -> Any:
        action[0] = name
        try:
            return measure(watch, name, *args)
        finally:
            action[0] = "(between actions)"

    bench_ui.StallWatch.measure = named  # type: ignore[method-assign,assignment]
    gc.callbacks.append(_timed)
    bench_ui.main(tuple(int(a) for a in sys.argv[1:]) or bench_ui.SIZES)
    report()


if __name__ == "__main__":
    main()
