"""`python -m tests`: the whole check, as CI runs it.

The static checks (ruff, formatting, mypy strict, import layers) run one after the other beside
pytest (Qt offscreen): pytest keeps one core busy, the checks take the other, which saves their
half-minute on a two-core machine. Their output is printed, step by step, once pytest ends.
Every step runs even if another failed, so one run shows every problem; the exit code is
non-zero if any step failed.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
SOURCES = ["workbench", "importers", "exporters", "ui", "tests", "bench", "tools"]
STATIC_CHECKS = {
    "ruff": [str(BIN / "ruff"), "check", *SOURCES],
    "format": [str(BIN / "ruff"), "format", "--check", *SOURCES],
    "mypy": [str(BIN / "mypy")],
    "import layers": [str(BIN / "lint-imports")],
}


def heading(name: str, command: list[str]) -> str:
    return f"\n=== {name}: {' '.join(command)}"


def run_static_checks(results: dict[str, tuple[bool, str]]) -> None:
    for name, command in STATIC_CHECKS.items():
        try:
            done = subprocess.run(
                command, cwd=ROOT, check=False, capture_output=True, text=True, errors="replace"
            )
        except OSError as exc:  # the tool is not installed: a failed step, said as such
            results[name] = (False, f"{exc}\n")
            continue
        results[name] = (done.returncode == 0, done.stdout + done.stderr)


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    static: dict[str, tuple[bool, str]] = {}
    beside = threading.Thread(target=run_static_checks, args=(static,))
    beside.start()
    command = [sys.executable, "-m", "pytest", "-q", *sys.argv[1:]]
    print(heading("pytest", command), flush=True)
    pytest_ok = subprocess.run(command, cwd=ROOT, check=False).returncode == 0
    beside.join()
    for name, command in STATIC_CHECKS.items():
        print(heading(name, command), flush=True)
        print(static[name][1], end="", flush=True)
    results = {name: ok for name, (ok, _output) in static.items()} | {"pytest": pytest_ok}
    failed = [name for name, ok in results.items() if not ok]
    print("\nfailed: " + ", ".join(failed) if failed else "\nall checks passed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
