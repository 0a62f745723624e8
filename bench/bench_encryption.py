"""Cost of encryption at rest (SQLCipher) against a plain SQLite register, at growing sizes.

For N treatments: open (key derivation included), import (one create_many transaction, as an
import does), list them all, 50 single edits (one transaction each), backup. Prints seconds for
plain and encrypted and the ratio. Run: python bench/bench_encryption.py [N ...]
"""

from __future__ import annotations

import dataclasses
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from workbench.domain import Organisation, OrganisationKind, Treatment
from workbench.services import Register, open_register

SIZES = (250, 1000, 4000)
EDITS = 50
PASSPHRASE = "bench passphrase"  # noqa: S105 - a benchmark, not a secret


def timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def run(folder: Path, rows: int, passphrase: str | None) -> dict[str, float]:
    path = folder / f"{'encrypted' if passphrase else 'plain'}-{rows}.sqlite"
    figures: dict[str, float] = {}
    holder: list[Register] = []
    figures["open"] = timed(
        lambda: holder.append(open_register(path, author="bench", passphrase=passphrase))
    )
    reg = holder[0]
    org_id = reg.organisations.create(Organisation(name="Bench", kind=OrganisationKind.OWN)).ids[0]
    batch = [
        Treatment(organisation_id=org_id, name=f"Traitement {n}", purpose="Gestion " * 20)
        for n in range(rows)
    ]
    figures["import"] = timed(lambda: reg.treatments.create_many(batch, label="Import"))
    listed: list[Treatment] = []
    figures["list"] = timed(lambda: listed.extend(reg.treatments.list()))

    def edit() -> None:
        for treatment in listed[:EDITS]:
            reg.treatments.update(dataclasses.replace(treatment, notes="revu"))

    figures["50 edits"] = timed(edit)
    figures["backup"] = timed(lambda: reg.backup("bench"))
    reg.close()
    figures["reopen"] = timed(
        lambda: open_register(path, author="bench", passphrase=passphrase).close()
    )
    return figures


def main(sizes: tuple[int, ...]) -> None:
    print(f"{'rows':>6} {'step':>9} {'plain s':>9} {'encrypted s':>12} {'ratio':>6}")
    with tempfile.TemporaryDirectory() as tmp:
        for rows in sizes:
            plain = run(Path(tmp), rows, None)
            encrypted = run(Path(tmp), rows, PASSPHRASE)
            for step, seconds in plain.items():
                ratio = encrypted[step] / seconds if seconds else float("nan")
                print(f"{rows:>6} {step:>9} {seconds:>9.3f} {encrypted[step]:>12.3f} {ratio:>6.2f}")


if __name__ == "__main__":
    main(tuple(int(a) for a in sys.argv[1:]) or SIZES)
