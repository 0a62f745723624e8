"""Sealed-package benchmark: `export package` on a SQLite register of 1,000 and 10,000 treatments.

    python bench/bench_package.py                # 1,000 and 10,000
    python bench/bench_package.py --sizes 1000   # one size

The register is bench_export's generated one (500 subprocessors, every fifth treatment done for
a client controller), written into a fresh SQLite file by a first process; a second, fresh
process opens it and runs PackageService.build (both registers, the subprocessor list in three
formats, one extract per client, the JSON records, the LOUTRE manifest, the sign-off), so its
peak memory (max RSS growth over the opened register) is the package's own.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_export import make_snapshot  # the sibling bench's generated register


def fill(size: int, db: Path) -> None:
    """Write bench_export's snapshot into a new register; ids follow creation order from 1."""
    from workbench.services import open_register

    snapshot = make_snapshot(size)
    register = open_register(db, author="bench")
    try:
        for org in snapshot.organisations:
            register.organisations.create(dataclasses.replace(org, id=None))
        register.subprocessors.create_many(
            [dataclasses.replace(s, id=None) for s in snapshot.subprocessors], "bench"
        )
        register.treatments.create_many(
            [dataclasses.replace(t, id=None) for t in snapshot.treatments], "bench"
        )
    finally:
        register.close()


def run_one(db: Path) -> dict[str, float]:
    from workbench.services import open_register
    from workbench.services.package_service import PackageService

    register = open_register(db, author="bench")
    try:
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        target = db.parent / "package.zip"
        start = time.perf_counter()
        delivery = PackageService(register).build(target, "fr")
        seconds = time.perf_counter() - start
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    finally:
        register.close()
    return {
        "seconds": seconds,
        "peak_mb": (peak - before) / 1024,
        "file_mb": target.stat().st_size / 1e6,
        "files": len(delivery.files),
    }


def _child(*args: str) -> str:
    return subprocess.run(
        [sys.executable, __file__, *args], check=True, capture_output=True, text=True
    ).stdout


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--fill", nargs=2, metavar=("SIZE", "DB"), help=argparse.SUPPRESS)
    parser.add_argument("--one", metavar="DB", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.fill:
        fill(int(args.fill[0]), Path(args.fill[1]))
        return
    if args.one:
        print(json.dumps(run_one(Path(args.one))))
        return
    print(f"{'treatments':>10} {'seconds':>8} {'ms/treatment':>13} {'peak MB':>8} "
          f"{'zip MB':>7} {'files':>5}")  # fmt: skip
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as folder:
            db = Path(folder) / "register.sqlite"
            _child("--fill", str(size), str(db))
            r = json.loads(_child("--one", str(db)))
        print(
            f"{size:>10,} {r['seconds']:>8.2f} {1000 * r['seconds'] / size:>13.2f} "
            f"{r['peak_mb']:>8.0f} {r['file_mb']:>7.1f} {r['files']:>5.0f}",
            flush=True,
        )


if __name__ == "__main__":
    main()
