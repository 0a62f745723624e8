"""Export benchmark: every document made from a snapshot, 1,000, 5,000 and 10,000 treatments.

    python bench/bench_export.py                 # the three sizes, the two registers
    python bench/bench_export.py --formats docx  # the Word register only (issue 18)
    python bench/bench_export.py --sizes 1000    # one size
    python bench/bench_export.py --formats list-docx list-xlsx list-csv extract-docx

Formats: docx, xlsx (the registers), list-docx, list-xlsx, list-csv (the subprocessor list),
extract-docx (the Art. 30(2) extract for the client controller, which every fifth treatment
serves). The sealed package is measured from a SQLite register by bench/bench_package.py.

Limits (issue 15): the Excel register of 10,000 treatments in under 30 s and 300 MiB. Besides
the wall-clock time the bench prints the process's CPU time (user + system): the export is
single-threaded, so on a shared machine (load above the core count) the CPU time is what the
export costs and the wall-clock time what the neighbours added.

Each run happens in a fresh process so that its peak memory (max RSS) is its own; the figure
printed is the growth over the process's state just before the export (snapshot built, modules
loaded). The register is generated in memory (exporters take a snapshot, not a database): 500
subprocessors and N treatments, each with a realistic load of categories, recipients, measures
and subprocessor links. Targets: time per treatment flat from 1,000 to 10,000; the Word
register's peak memory at the largest size within 1.5x of its peak at the smallest (its body is
streamed, issue 18), printed after its rows beside that limit.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from workbench.domain import (
    DataCategory,
    DataSensitivity,
    LegalBasis,
    Location,
    Organisation,
    OrganisationKind,
    Recipient,
    RecipientKind,
    Retention,
    RetentionUnit,
    Role,
    Subprocessor,
    SubprocessorCategory,
    TransferMechanism,
    Treatment,
)
from workbench.domain.snapshot import RegisterSnapshot

SUBPROCESSORS = 500
DOCX_MEMORY_LIMIT = 1.5  # peak at the largest size / peak at the smallest
COUNTRIES = ("FR", "DE", "IE", "US", "NL", "GB")


def make_snapshot(treatments: int, seed: int = 7) -> RegisterSnapshot:
    rng = random.Random(seed)
    orgs = (
        Organisation("Podalire", id=1, dpo_name="Jeanne Martin", dpo_email="dpo@example.fr"),
        Organisation("Cabinet client", kind=OrganisationKind.CLIENT_CONTROLLER, id=2),
    )
    categories = list(SubprocessorCategory)
    subs = tuple(
        Subprocessor(
            organisation_id=1,
            name=f"Vendor {i:04d}",
            category=categories[i % len(categories)],
            service_description="Hébergement et infogérance de la plateforme " * 2,
            data_categories=(
                DataCategory("Identification data", subject="Patients"),
                DataCategory("Medical information", DataSensitivity.HEALTH, "Patients"),
            ),
            locations=(Location(rng.choice(COUNTRIES)),),
            transfer_mechanism=TransferMechanism.SCC_EU_2021_914_M2,
            id=i + 1,
        )
        for i in range(SUBPROCESSORS)
    )
    records = tuple(
        Treatment(
            organisation_id=1,
            name=f"Traitement {i:05d}",
            role=Role.PROCESSOR if i % 5 == 0 else Role.CONTROLLER,
            controller_ids=(2,) if i % 5 == 0 else (),
            purpose="Gestion du compte et de la relation avec le patient, " * 2,
            data_subjects=("Patients", "Praticiens"),
            data_categories=tuple(
                DataCategory(
                    f"Donnée {k}", DataSensitivity.HEALTH if k == 0 else DataSensitivity.STANDARD
                )
                for k in range(6)
            ),
            legal_basis=LegalBasis.CONTRACT,
            retention=Retention("5 ans à compter de la dernière connexion", 5, RetentionUnit.YEAR),
            recipients=(
                Recipient("Service client", RecipientKind.INTERNAL),
                Recipient("Praticiens"),
            ),
            security_measures=("Chiffrement", "Journalisation", "Contrôle d'accès"),
            subprocessor_ids=tuple(rng.sample(range(1, SUBPROCESSORS + 1), 3)),
            id=i + 1,
        )
        for i in range(treatments)
    )
    return RegisterSnapshot(orgs, records, subs, (), as_of=dt.date(2026, 11, 22))


def _writer(fmt: str) -> Callable[[RegisterSnapshot, Path], None]:
    """The export of `fmt`, in French (the documents' typography is French-only work)."""
    from exporters import write_register_docx, write_register_xlsx
    from exporters.docx_client_extract import write_client_extract_docx
    from exporters.subprocessor_list import (
        write_subprocessors_csv,
        write_subprocessors_docx,
        write_subprocessors_xlsx,
    )

    simple = {
        "docx": write_register_docx,
        "xlsx": write_register_xlsx,
        "list-docx": write_subprocessors_docx,
        "list-xlsx": write_subprocessors_xlsx,
        "list-csv": write_subprocessors_csv,
    }
    if fmt == "extract-docx":
        return lambda snapshot, target: write_client_extract_docx(snapshot, 2, target, "fr")
    write = simple[fmt]
    return lambda snapshot, target: write(snapshot, target, "fr")


def run_one(size: int, fmt: str) -> dict[str, float]:
    snapshot = make_snapshot(size)
    writer = _writer(fmt)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    usage = resource.getrusage(resource.RUSAGE_SELF)
    cpu_before = usage.ru_utime + usage.ru_stime
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / f"out.{fmt.rsplit('-', 1)[-1]}"
        start = time.perf_counter()
        writer(snapshot, target)
        seconds = time.perf_counter() - start
        size_mb = target.stat().st_size / 1e6
    usage = resource.getrusage(resource.RUSAGE_SELF)
    cpu = usage.ru_utime + usage.ru_stime - cpu_before
    peak = usage.ru_maxrss
    return {"seconds": seconds, "cpu": cpu, "peak_mb": (peak - before) / 1024, "file_mb": size_mb}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 10000])
    parser.add_argument("--formats", nargs="+", default=["docx", "xlsx"])
    parser.add_argument("--one", nargs=2, metavar=("SIZE", "FORMAT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(int(args.one[0]), args.one[1])))
        return
    print(f"{'format':12} {'treatments':>10} {'seconds':>8} {'CPU s':>6} {'ms/treatment':>13} "
          f"{'peak MiB':>8} {'file MB':>8}   limits (xlsx at 10,000): 30 s, 300 MiB")  # fmt: skip
    for fmt in args.formats:
        peaks = []
        for size in args.sizes:
            out = subprocess.run(
                [sys.executable, __file__, "--one", str(size), fmt],
                check=True,
                capture_output=True,
                text=True,
            ).stdout
            r = json.loads(out)
            print(
                f"{fmt:12} {size:>10,} {r['seconds']:>8.2f} {r['cpu']:>6.1f} "
                f"{1000 * r['seconds'] / size:>13.2f} "
                f"{r['peak_mb']:>8.0f} {r['file_mb']:>8.1f}",
                flush=True,
            )
            peaks.append(max(r["peak_mb"], 1.0))
        if fmt == "docx" and len(peaks) > 1:
            ratio = peaks[-1] / peaks[0]
            verdict = "within" if ratio <= DOCX_MEMORY_LIMIT else "OVER"
            print(
                f"docx peak memory {args.sizes[-1]:,} / {args.sizes[0]:,}: {ratio:.2f}x "
                f"({verdict} the {DOCX_MEMORY_LIMIT}x limit)",
                flush=True,
            )


if __name__ == "__main__":
    main()
