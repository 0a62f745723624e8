"""`python -m tests`: the whole check, as CI runs it.

Static checks first (ruff, formatting, mypy strict, import layers), then pytest with Qt
offscreen, in two worker processes (pytest-xdist: the machine CI runs on has two cores; each
worker has its own temporary folders, Qt application and PostgreSQL schemas). Every step runs
even if an earlier one failed, so one run shows every problem; the exit code is non-zero if any
step failed.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
SOURCES = ["workbench", "importers", "exporters", "ui", "tests", "bench", "tools"]
# worksteal: an idle worker takes tests queued on the other, so the few long ones (kill and
# fuzz tests, several seconds each) do not leave one core idle at the end.
PARALLEL = ["--numprocesses", "2", "--dist", "worksteal"]


def step(name: str, command: list[str]) -> bool:
    print(f"\n=== {name}: {' '.join(command)}", flush=True)
    return subprocess.run(command, cwd=ROOT, check=False).returncode == 0


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    results = {
        "ruff": step("ruff", [str(BIN / "ruff"), "check", *SOURCES]),
        "format": step("format", [str(BIN / "ruff"), "format", "--check", *SOURCES]),
        "mypy": step("mypy", [str(BIN / "mypy")]),
        "import layers": step("import layers", [str(BIN / "lint-imports")]),
        "pytest": step("pytest", [sys.executable, "-m", "pytest", "-q", *PARALLEL, *sys.argv[1:]]),
    }
    failed = [name for name, ok in results.items() if not ok]
    print("\nfailed: " + ", ".join(failed) if failed else "\nall checks passed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
