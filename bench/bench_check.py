"""`check` against `list treatments --json` on growing registers: CPU time and peak memory.

The register is the demo one (both seed documents: organisations, subprocessors, certificates,
treatments with their links) whose treatments are copied, rows and links, with SQL until it
holds N of them (the copy takes every column of the table as it is, so fields added to the
records come along). Each command runs in its own process; its user+system CPU time and peak
resident memory come from the kernel (wait4). Targets (issues 13 and 18): `check` within 2x the
`list treatments --json` time, and under 300 MiB at 100k treatments. `check --json` gives each
finding its stated facts and fingerprint (issue 13); `check --group rule` (the grouped text,
ending with the totals) is measured beside it and held to the same target.

Run from the checkout: PYTHONPATH=$PWD python bench/bench_check.py [N ...]
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

from workbench.services.demo import ensure_demo_register

SIZES = (1_000, 10_000, 100_000)
RATIO_TARGET = 2.0
MEMORY_TARGET_MIB = 300
TARGET_SIZE = 100_000


def build_register(path: Path, treatments: int) -> None:
    ensure_demo_register(path, author="bench").close()
    conn = sqlite3.connect(path)
    try:
        base = conn.execute("SELECT max(id), count(*) FROM treatment").fetchone()
        assert base[0] == base[1], "demo treatment ids are expected to be 1..n"
        columns = [row[1] for row in conn.execute("PRAGMA table_info(treatment)")]
        # Free texts made distinct per copy, as in a real register; the rest (categories,
        # subjects, retention, provenance) repeats as it does in one.
        texts = ("name", "purpose", "description")
        others = ", ".join(c for c in columns if c not in ("id", *texts))
        distinct = ", ".join(f"{c} || ' ({{copy}})'" for c in texts)
        links = {
            table: [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]
            for table in ("treatment_subprocessor", "treatment_controller")
        }
        copy = 1
        while base[0] * copy < treatments:
            offset = base[0] * copy
            upto = min(base[0], treatments - offset)  # the last copy: as many as still missing
            conn.execute(
                f"INSERT INTO treatment (id, {', '.join(texts)}, {others}) "  # noqa: S608
                f"SELECT id + {offset}, {distinct.format(copy=copy)}, {others} FROM treatment "
                f"WHERE id <= {upto}"
            )
            for table, (own, other) in links.items():
                conn.execute(
                    f"INSERT INTO {table} ({own}, {other}) "  # noqa: S608
                    f"SELECT {own} + {offset}, {other} FROM {table} WHERE {own} <= {upto}"
                )
            copy += 1
        conn.commit()
    finally:
        conn.close()


def measured(command: list[str]) -> tuple[float, float]:
    """CPU seconds (user+system) and peak resident MiB of one run of `command`."""
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    _pid, status, usage = os.wait4(child.pid, 0)
    if os.waitstatus_to_exitcode(status) not in (0, 1):  # check exits 1 on error findings
        raise SystemExit(f"{' '.join(command)} failed")
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def main(sizes: tuple[int, ...]) -> None:
    cli = [sys.executable, "-m", "workbench"]
    print(
        f"{'treatments':>10} {'list --json s':>14} {'check s':>8} {'ratio':>6} "
        f"{'grouped s':>10} {'ratio':>6} "
        f"{'list MiB':>9} {'check MiB':>10}   targets: ratio <= {RATIO_TARGET:.0f}x, "
        f"check < {MEMORY_TARGET_MIB} MiB at {TARGET_SIZE:,}"
    )
    with tempfile.TemporaryDirectory() as folder:
        for size in sizes:
            db = Path(folder) / f"register-{size}.sqlite"
            build_register(db, size)
            count = sqlite3.connect(db).execute("SELECT count(*) FROM treatment").fetchone()[0]
            list_s, list_mib = measured([*cli, "--db", str(db), "list", "treatments", "--json"])
            check_s, check_mib = measured([*cli, "--db", str(db), "check", "--json"])
            grouped_s, _mib = measured([*cli, "--db", str(db), "check", "--group", "rule"])
            ratio = check_s / list_s
            grouped = grouped_s / list_s
            verdict = "yes" if max(ratio, grouped) <= RATIO_TARGET else "NO"
            if size >= TARGET_SIZE:
                verdict += ", memory " + ("yes" if check_mib < MEMORY_TARGET_MIB else "NO")
            print(
                f"{count:>10,} {list_s:>14.2f} {check_s:>8.2f} {ratio:>5.2f}x "
                f"{grouped_s:>10.2f} {grouped:>5.2f}x "
                f"{list_mib:>9.0f} {check_mib:>10.0f}   met: {verdict}"
            )


if __name__ == "__main__":
    main(tuple(int(a) for a in sys.argv[1:]) or SIZES)
