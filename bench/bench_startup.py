"""CPU time of starting the CLI, beside the bare interpreter, and the imports that cost most.

For each command: the median user+system CPU time of RUNS fresh processes, its ratio to
`python -c "import argparse, sqlite3"` and the target ratio (issue 18: `--help` within 3x,
`list treatments` on an empty register within 6x); then, per command, the top-level packages
whose imports cost most (`python -X importtime`, self times summed per package).

Run from the checkout: PYTHONPATH=$PWD python bench/bench_startup.py [RUNS]
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

RUNS = 7
TOP = 8


def cpu_seconds(command: list[str]) -> float:
    """User + system CPU time of one run of `command` (its own, from the kernel's accounting)."""
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _pid, status, usage = os.wait4(child.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(command)} failed")
    return usage.ru_utime + usage.ru_stime


def import_offenders(arguments: list[str]) -> list[tuple[str, float]]:
    """Milliseconds of import (self time) per top-level package, most expensive first."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "workbench", *arguments],
        capture_output=True,
        text=True,
        check=True,
    )
    per_package: defaultdict[str, float] = defaultdict(float)
    for line in done.stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        self_us, _cumulative, name = line.removeprefix("import time:").split("|")
        per_package[name.strip().split(".")[0]] += int(self_us) / 1000
    return sorted(per_package.items(), key=lambda item: -item[1])[:TOP]


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else RUNS
    script = Path(sys.executable).with_name("dpo-workbench")
    cli = [str(script)] if script.exists() else [sys.executable, "-m", "workbench"]
    with tempfile.TemporaryDirectory() as folder:
        empty = str(Path(folder) / "empty.sqlite")
        create = [*cli, "--db", empty, "--create", "list", "treatments"]  # then it exists
        subprocess.run(create, check=True, capture_output=True)
        cases = [
            (
                'python -c "import argparse, sqlite3"',
                [sys.executable, "-c", "import argparse, sqlite3"],
                None,
                [],
            ),
            ("dpo-workbench --help", [*cli, "--help"], 3.0, ["--help"]),
            (
                "dpo-workbench --db <empty> list treatments",
                [*cli, "--db", empty, "list", "treatments"],
                6.0,
                ["--db", empty, "list", "treatments"],
            ),
        ]
        print(f"CPU time (user+sys), median of {runs} runs; {' '.join(cli)}\n")
        print(f"{'command':44} {'median ms':>10} {'min ms':>8} {'ratio':>7} {'target':>7}  met")
        baseline = 0.0
        for label, command, target, _arguments in cases:
            times = [cpu_seconds(command) for _ in range(runs)]
            median = statistics.median(times)
            baseline = baseline or median
            ratio = median / baseline
            goal = f"{target:.0f}x" if target else ""
            met = ("yes" if ratio <= target else "NO") if target else ""
            print(
                f"{label:44} {median * 1000:10.0f} {min(times) * 1000:8.0f} "
                f"{ratio:6.1f}x {goal:>7}  {met}"
            )
        for label, _command, target, arguments in cases:
            if target is None:
                continue
            print(f"\nimport time by package, {label} (self ms, -X importtime):")
            for package, milliseconds in import_offenders(arguments):
                print(f"  {package:36} {milliseconds:7.1f}")


if __name__ == "__main__":
    main()
