"""The register "as of" a past moment (journal rebuild) against reading it now, growing sizes.

Each register is written through the services, so that every record has its journal entries:
N treatments created in one operation (as an import does), a moment taken, then a tenth of
them edited twice and a hundredth deleted (the journal: about 1.2 N treatment entries). Measured
in-process, best of three: the treatments list as of the moment (`AsOfRegister.treatments.rows()`:
one grouped query, one JSON decode per record) beside `TreatmentService.rows()` now, and the full
records (`list()`), which `list treatments --as-of` and the as-of view's forms read. Wall time
and CPU time (process_time); the limit is one second at 10k for the list the window shows.

Run from the checkout: PYTHONPATH=$PWD python bench/bench_as_of.py [N ...]
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from workbench.domain import Organisation, Treatment
from workbench.domain.enums import OrganisationKind
from workbench.services import open_register
from workbench.services.as_of_service import AsOfRegister

SIZES = (1_000, 10_000)
LIMIT_S = 1.0


def best_of(runs: int, work: Callable[[], Any]) -> tuple[float, float]:
    """The shortest wall and CPU time of `runs` runs, in seconds."""
    walls, cpus = [], []
    for _ in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        work()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return min(walls), min(cpus)


def build(path: Path, size: int) -> dt.datetime:
    reg = open_register(path, author="bench")
    org = reg.organisations.get(
        reg.organisations.create(Organisation(name="Podalire", kind=OrganisationKind.OWN)).ids[0]
    )
    assert org.id is not None
    batch = [
        Treatment(organisation_id=org.id, name=f"Traitement {i}", purpose=f"Finalité {i}")
        for i in range(size)
    ]
    reg.treatments.create_many(batch)
    moment = dt.datetime.now(dt.UTC)
    edited = [t for t in reg.treatments.list() if t.id is not None and t.id % 10 == 0]
    for step in ("modifié", "revu"):  # one operation each, as a bulk edit or an import
        with reg.context.write(f"bench: {step}") as uow:
            for t in reg.treatments.list():
                if t.id is not None and t.id % 10 == 0:
                    reg.treatments._update(uow, dataclasses.replace(t, purpose=step))
    for t in edited[::10]:
        reg.treatments.delete(t.id or 0)
    reg.close()
    return moment


def measure(reg: Any, moment: dt.datetime, size: int) -> list[tuple[float, float]]:
    # a new AsOfRegister each run: nothing cached from the previous run
    def past_rows() -> list[Any]:
        return AsOfRegister(reg, moment).treatments.rows()

    def past_records() -> list[Any]:
        return AsOfRegister(reg, moment).treatments.list()

    assert len(past_rows()) == size
    return [
        best_of(3, past_rows),
        best_of(3, reg.treatments.rows),
        best_of(3, past_records),
        best_of(3, reg.treatments.list),
    ]


def main(sizes: tuple[int, ...]) -> None:
    print(
        f"{'treatments':>10}  {'as-of rows s (cpu)':>20}  {'rows now s (cpu)':>18}  "
        f"{'as-of records s (cpu)':>22}  {'list now s (cpu)':>18}  limit {LIMIT_S} s"
    )
    for size in sizes:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "register.sqlite"
            moment = build(path, size)
            reg = open_register(path, author="bench")
            figures = measure(reg, moment, size)
            reg.close()
        cells = [f"{wall:.3f} ({cpu:.3f})" for wall, cpu in figures]
        print(f"{size:>10}  {cells[0]:>20}  {cells[1]:>18}  {cells[2]:>22}  {cells[3]:>18}")


if __name__ == "__main__":
    main(tuple(int(a) for a in sys.argv[1:]) or SIZES)
