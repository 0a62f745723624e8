"""Import benchmark: full import (parse, map, clean, merge, commit) of generated treatment sheets
of 1k, 10k and 100k rows, beside a bare openpyxl read-only pass over the same file (issue 3's
yardstick: the import within 3x of it, memory flat), a bare python-calamine pass and a bare pass
of our streaming reader (importers/xlsx_stream.py).

Two layouts of the same rows: "inline" (openpyxl's write-only mode: inline strings, no
<dimension>) and "shared" (as Excel saves: a shared-strings table and a <dimension>). The
shared-strings table is the one part of an xlsx a reader must hold whole: its size grows with
the file's distinct texts (here two per row), whoever reads it.

Each measure runs in a fresh process; it prints seconds (wall), CPU seconds (user + system:
the figure to compare on a machine others load), rows/s, the peak of Python allocations
(tracemalloc, in a second run: it does not see lxml's or SQLite's C memory) and the process's
peak RSS (everything, the interpreter and its imports included).

"floor" is what an import cannot do without (issue 18: the import within 1.5x of it), side
by side in the same run: a bare lxml pass over the sheet (and its shared-strings table),
plus a raw sqlite3 `executemany` of exactly the rows the import just wrote (every table it
wrote to, read back from the register "import" left, into an empty register of the same
schema and indexes, one transaction), plus the canonical JSON and chained SHA-256 of those
journal entries. Its three parts are printed on the line after it, with the import's time
over the floor's ("x first" is each measure's time over the first one's).

    python bench/bench_import.py [--measures import,floor] [--no-trace] [SIZES...]
    (default: every measure, traced, at 1k 10k 100k)
"""

from __future__ import annotations

import json
import re
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
import zipfile
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


def make_sheet(path: Path, rows: int, shared_strings: bool = False) -> None:
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
    if shared_strings:
        to_shared_strings(path)


_INLINE_CELL = re.compile(
    r'(<c r="[A-Z]+\d+")(?: s="\d+")? t="inlineStr"><is><t(?: xml:space="preserve")?>(.*?)</t>'
    r"</is></c>",
    re.S,
)


def to_shared_strings(path: Path) -> None:
    """Rewrite openpyxl's inline strings as Excel writes texts: a shared-strings table cited by
    index (openpyxl always writes inline strings), and a <dimension> before the sheet data."""
    with zipfile.ZipFile(path) as source:
        parts = {item.filename: source.read(item) for item in source.infolist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    index: dict[str, int] = {}

    def cite(match: re.Match[str]) -> str:
        number = index.setdefault(match.group(2), len(index))
        return f'{match.group(1)} t="s"><v>{number}</v></c>'

    sheet = _INLINE_CELL.sub(cite, sheet)
    last_row = sheet.rsplit('<row r="', 1)[1].split('"', 1)[0]
    sheet = sheet.replace("<sheetData>", f'<dimension ref="A1:G{last_row}"/><sheetData>', 1)
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    items = "".join(f'<si><t xml:space="preserve">{text}</t></si>' for text in index)
    parts["xl/worksheets/sheet1.xml"] = sheet.encode()
    parts["xl/sharedStrings.xml"] = f'<sst xmlns="{main}">{items}</sst>'.encode()
    relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(
        b"</Relationships>",
        f'<Relationship Id="rIdStrings" Type="{relationships}/sharedStrings" '
        f'Target="sharedStrings.xml"/></Relationships>'.encode(),
    )
    content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
    override = f'<Override PartName="/xl/sharedStrings.xml" ContentType="{content_type}"/>'
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"</Types>", f"{override}</Types>".encode()
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)


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


def bare_stream(path: Path) -> int:
    from importers.xlsx_stream import XlsxWorkbook

    return sum(1 for _row in XlsxWorkbook(path).rows("Registre"))


def imported_register(path: Path) -> Path:
    """Where "import" leaves the register it imported `path` into (the floor reads it)."""
    return path.with_suffix(".imported.sqlite")


def full_import(path: Path) -> int:
    from importers import propose_mapping, read_records, read_tables
    from workbench.domain import Organisation
    from workbench.services import open_register
    from workbench.services.import_service import ImportService

    target = imported_register(path)  # the last run's is removed before the timing starts
    register = open_register(target, author="bench")
    register.organisations.create(Organisation(name="Podalire"))
    batches = [read_records(t, propose_mapping(t)) for t in read_tables(path)]
    result = ImportService(register).apply(batches)
    register.close()
    return result.report.new


FLOOR_PARTS: dict[str, float] = {}
FLOOR_CPU: dict[str, float] = {}  # the same parts' CPU time (user + system)


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def floor(path: Path) -> int:
    """The floor's three parts, timed one after the other (see the module's docstring)."""
    import hashlib
    import shutil
    import sqlite3

    from workbench.domain import Organisation
    from workbench.services import open_register

    imported = imported_register(path)
    if not imported.exists():
        raise SystemExit("run the 'import' measure first: the floor writes the rows it wrote")
    with tempfile.TemporaryDirectory() as folder:
        empty = Path(folder) / "empty.sqlite"
        register = open_register(empty, author="bench")
        register.organisations.create(Organisation(name="Podalire"))  # as "import" did first
        register.close()
        source = sqlite3.connect(imported)
        with sqlite3.connect(empty) as connection:
            tables = [
                row[0]
                for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
            ]
            count = "SELECT count(*) FROM {}"
            already = {t: connection.execute(count.format(t)).fetchone()[0] for t in tables}
        # what the import wrote: the rows beyond those an empty register has, per table
        written = {
            t: source.execute(f"SELECT * FROM {t} LIMIT -1 OFFSET ?", (already[t],)).fetchall()  # noqa: S608
            for t in tables
        }
        entries = source.execute(
            "SELECT at, author, operation, entity_kind, entity_id, action, before, after, label "
            "FROM journal_entry ORDER BY id"
        ).fetchall()
        snapshots = [
            (
                at,
                author,
                op,
                kind,
                eid,
                action,
                json.loads(b) if b else None,
                json.loads(a) if a else None,
                label,
            )
            for at, author, op, kind, eid, action, b, a, label in entries
        ]
        source.close()
        target = Path(folder) / "floor.sqlite"
        shutil.copyfile(empty, target)

        start, cpu = time.perf_counter(), cpu_seconds()
        rows = _lxml_pass(path)
        FLOOR_PARTS["lxml"] = time.perf_counter() - start
        FLOOR_CPU["lxml"] = cpu_seconds() - cpu

        start, cpu = time.perf_counter(), cpu_seconds()
        connection = sqlite3.connect(target, isolation_level=None)
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("PRAGMA synchronous=NORMAL")
        connection.execute("BEGIN IMMEDIATE")
        for table, values in written.items():
            if values:
                marks = ", ".join("?" * len(values[0]))
                connection.executemany(f"INSERT INTO {table} VALUES ({marks})", values)  # noqa: S608
        connection.execute("COMMIT")
        connection.close()
        FLOOR_PARTS["sqlite"] = time.perf_counter() - start
        FLOOR_CPU["sqlite"] = cpu_seconds() - cpu

        start, cpu = time.perf_counter(), cpu_seconds()
        previous = ""
        for at, author, op, kind, eid, action, before, after, label in snapshots:
            fields = {
                "at": at,
                "author": author,
                "operation": op,
                "entity_kind": kind,
                "entity_id": eid,
                "action": action,
                "before": before,
                "after": after,
                "label": label,
                "op": {"id": op, "seq": 2, "at": at, "author": author, "label": label},
            }
            text = json.dumps(fields, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
            previous = hashlib.sha256((previous + text).encode()).hexdigest()
        FLOOR_PARTS["json+sha256"] = time.perf_counter() - start
        FLOOR_CPU["json+sha256"] = cpu_seconds() - cpu
    return rows


def _lxml_pass(path: Path) -> int:
    """Every cell's text of the sheet, shared strings looked up in a list held in memory."""
    from lxml import etree

    main = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    rows = 0
    with zipfile.ZipFile(path) as book:
        strings: list[str] = []
        if "xl/sharedStrings.xml" in book.namelist():
            with book.open("xl/sharedStrings.xml") as part:
                for _event, item in etree.iterparse(part, tag=f"{main}si"):
                    strings.append("".join(item.itertext()))
                    item.clear()
        with book.open("xl/worksheets/sheet1.xml") as part:
            for _event, row in etree.iterparse(part, tag=f"{main}row"):
                for cell in row:
                    if cell.get("t") == "s":
                        _text = strings[int(cell.findtext(f"{main}v") or 0)]
                    else:
                        _text = "".join(cell.itertext())
                rows += 1
                row.clear()
    return rows


MEASURES = {
    "openpyxl": bare_openpyxl,
    "calamine": bare_calamine,
    "stream": bare_stream,
    "import": full_import,
    "floor": floor,  # after "import": it writes what the import wrote
}


def measure(name: str, path: Path, trace: bool) -> dict[str, float]:
    if name == "import":  # the register the last run left (deleting 100 MB is no import work)
        target = imported_register(path)
        for old in target.parent.glob(target.name + "*"):
            old.unlink()
    if trace:
        tracemalloc.start()
    start, cpu = time.perf_counter(), cpu_seconds()
    rows = MEASURES[name](path)
    seconds = time.perf_counter() - start
    cpu = cpu_seconds() - cpu
    peak = tracemalloc.get_traced_memory()[1] if trace else 0
    rss_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    if name == "floor":  # its own parts only, not the untimed reading of what to write
        seconds = sum(FLOOR_PARTS.values())
        cpu = sum(FLOOR_CPU.values())
    return {
        "rows": rows,
        "seconds": seconds,
        "cpu": cpu,
        "py_peak_mib": peak / 2**20,
        "rss_mib": rss_kib / 1024,
        **{f"part_{k}": v for k, v in FLOOR_PARTS.items()},
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


def main(sizes: list[int], measures: list[str], trace: bool = True) -> None:
    cache = Path(tempfile.gettempdir()) / "dpo-bench-import"
    cache.mkdir(exist_ok=True)
    print(
        f"{'layout':>6} {'rows':>7} {'measure':>9} {'seconds':>8} {'cpu s':>8} {'rows/s':>9} "
        f"{'py peak MiB':>12} {'RSS MiB':>8} {'x first':>8}"
    )
    for layout in ("inline", "shared"):
        for size in sizes:
            name = "treatments" if layout == "inline" else "treatments_shared"
            path = cache / f"{name}_{size}.xlsx"
            if not path.exists():
                # in a child process: Linux keeps a process's peak RSS across fork and exec,
                # so a big file built here would inflate every measure's RSS after it
                subprocess.run(
                    [sys.executable, __file__, "--make", str(path), str(size), layout],
                    check=True,
                    cwd=ROOT,
                )
            timings = {}
            for measure_name in measures:
                timed = in_subprocess(measure_name, path, trace=False)
                traced = in_subprocess(measure_name, path, trace=True) if trace else timed
                timings[measure_name] = timed
                first = timings[measures[0]]["seconds"]
                print(
                    f"{layout:>6} {size:>7} {measure_name:>9} {timed['seconds']:>8.2f} "
                    f"{timed['cpu']:>8.2f} {size / timed['seconds']:>9.0f} "
                    f"{traced['py_peak_mib']:>12.1f} {timed['rss_mib']:>8.1f} "
                    f"{timed['seconds'] / first:>8.2f}",
                    flush=True,
                )
            if "import" in timings and "floor" in timings:
                parts = {k[5:]: v for k, v in timings["floor"].items() if k.startswith("part_")}
                ratio = timings["import"]["seconds"] / timings["floor"]["seconds"]
                cpu_ratio = timings["import"]["cpu"] / timings["floor"]["cpu"]
                print(
                    f"{'':>24} floor = "
                    + " + ".join(f"{k} {v:.2f}" for k, v in parts.items())
                    + f"; import / floor = {ratio:.2f}x (target 1.5x), in CPU time "
                    f"{cpu_ratio:.2f}x",
                    flush=True,
                )


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--make":
        make_sheet(Path(sys.argv[2]), int(sys.argv[3]), shared_strings=sys.argv[4] == "shared")
    elif len(sys.argv) > 1 and sys.argv[1] == "--measure":
        sys.path.insert(0, str(ROOT))
        print(json.dumps(measure(sys.argv[2], Path(sys.argv[3]), sys.argv[4] == "1")))
    else:
        arguments = sys.argv[1:]
        chosen = list(MEASURES)
        if arguments[:1] == ["--measures"]:
            chosen, arguments = arguments[1].split(","), arguments[2:]
        trace = "--no-trace" not in arguments  # halves the time; py peak MiB then reads 0
        arguments = [a for a in arguments if a != "--no-trace"]
        main([int(a) for a in arguments] or [1000, 10000, 100000], chosen, trace)
