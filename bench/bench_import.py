"""Import benchmark: full import (parse, map, clean, merge, commit) of generated treatment sheets
of 1k, 10k and 100k rows (read with python-calamine, and streamed with openpyxl as the importer
does for workbooks above `importers.sources.STREAM_BYTES`), beside a bare openpyxl read-only
pass (and a bare calamine pass) over the same file. Each measure runs in a fresh process; it
prints seconds, rows/s, the peak of Python allocations (tracemalloc, in a second run) and the
process's peak RSS.

    python bench/bench_import.py [SIZES...]        # default: 1000 10000 100000
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HEADERS = [
    "Traitement",
    "Finalité",
    "Données personnelles traitées",
    "Base légale",
    "Durée de conservation",
    "Personnes concernées",
    "Destinataires",
]
# Cell texts taken from the seed's Annex 1, cycled over the generated rows.
CATEGORIES = [
    "- Civilité,\n- Nom,\n- Prénom,\n- Email,\n- Numéro de mobile,\n- NIR (facultatif)",
    "Données Patient :\n- Taille (facultative),\n- Poids (facultatif),\n- Antécédents médicaux",
    "- Date et heure de création de compte,\n- Adresse IP",
]
BASES = [
    "Nécessaire à l'exécution du contrat auquel la Personne concernée est partie.",
    "Intérêt légitime.",
    "Obligations légales.",
    "Consentement (désinscription possible à tout moment).",
]
RETENTIONS = [
    "5 ans à compter de la dernière mise en relation en cas d'inactivité du Compte personnel.",
    "24 mois après la collecte des enquêtes.",
    "Jusqu'à 12 mois après collecte des données.",
    "1 mois après la création du log.",
]


def make_sheet(path: Path, rows: int) -> None:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Registre")
    sheet.append(["Registre des activités de traitement"])
    sheet.append([])
    sheet.append(HEADERS)
    for i in range(rows):
        sheet.append(
            [
                f"Traitement {i:06d}",
                f"Gestion de compte Patient n° {i}: création, gestion et suppression du compte.",
                CATEGORIES[i % 3],
                BASES[i % 4],
                RETENTIONS[i % 4],
                "Patients\nPraticiens",
                "Service client",
            ]
        )
    book.save(str(path))


def bare_openpyxl(path: Path) -> int:
    from openpyxl import load_workbook

    book = load_workbook(str(path), read_only=True)
    count = sum(1 for _row in book["Registre"].iter_rows(values_only=True))
    book.close()
    return count


def bare_calamine(path: Path) -> int:
    from python_calamine import CalamineWorkbook

    with CalamineWorkbook.from_path(str(path)) as book:
        return sum(1 for _row in book.get_sheet_by_name("Registre").iter_rows())


def full_import(path: Path) -> int:
    from importers import propose_mapping, read_records, read_tables
    from workbench.domain import Organisation
    from workbench.services import open_register
    from workbench.services.import_service import ImportService

    with tempfile.TemporaryDirectory() as folder:
        register = open_register(Path(folder) / "bench.sqlite", author="bench")
        register.organisations.create(Organisation(name="Podalire"))
        batches = [read_records(t, propose_mapping(t)) for t in read_tables(path)]
        result = ImportService(register).apply(batches)
        register.close()
        return result.report.new


def full_import_streamed(path: Path) -> int:
    """The same, reading the workbook with openpyxl's streaming mode (files above STREAM_BYTES)."""
    from importers import sources

    sources.STREAM_BYTES = 0
    return full_import(path)


MEASURES = {
    "openpyxl": bare_openpyxl,
    "calamine": bare_calamine,
    "import": full_import,
    "import-streamed": full_import_streamed,
}


def measure(name: str, path: Path, trace: bool) -> dict[str, float]:
    if trace:
        tracemalloc.start()
    start = time.perf_counter()
    rows = MEASURES[name](path)
    seconds = time.perf_counter() - start
    peak = tracemalloc.get_traced_memory()[1] if trace else 0
    rss_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "rows": rows,
        "seconds": seconds,
        "py_peak_mib": peak / 2**20,
        "rss_mib": rss_kib / 1024,
    }


def in_subprocess(name: str, path: Path, trace: bool) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, __file__, "--measure", name, str(path), "1" if trace else "0"],
        check=True,
        capture_output=True,
        text=True,
        cwd=ROOT,
    ).stdout
    return dict(json.loads(out.strip().splitlines()[-1]))


def main(sizes: list[int]) -> None:
    cache = Path(tempfile.gettempdir()) / "dpo-bench-import"
    cache.mkdir(exist_ok=True)
    print(
        f"{'rows':>7} {'measure':>9} {'seconds':>8} {'rows/s':>9} {'py peak MiB':>12} "
        f"{'RSS MiB':>8} {'x openpyxl':>10}"
    )
    for size in sizes:
        path = cache / f"treatments_{size}.xlsx"
        if not path.exists():
            make_sheet(path, size)
        base = None
        for name in ("openpyxl", "calamine", "import", "import-streamed"):
            timed = in_subprocess(name, path, trace=False)
            traced = in_subprocess(name, path, trace=True)
            base = base or timed["seconds"]
            print(
                f"{size:>7} {name:>9} {timed['seconds']:>8.2f} {size / timed['seconds']:>9.0f} "
                f"{traced['py_peak_mib']:>12.1f} {timed['rss_mib']:>8.1f} "
                f"{timed['seconds'] / base:>10.2f}",
                flush=True,
            )


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--measure":
        sys.path.insert(0, str(ROOT))
        print(json.dumps(measure(sys.argv[2], Path(sys.argv[3]), sys.argv[4] == "1")))
    else:
        main([int(a) for a in sys.argv[1:]] or [1000, 10000, 100000])
