"""Each table of the real-file corpus read from the four containers a DPO receives, compared.

    python -m tests.unit.importers.format_invariance [ID ...]

`tests/data/real/make_real_files.py` builds each source page into one container (xlsx, ods, csv
or docx). Here every page is built into all four, and each is imported with its automatic
mapping, as the recall does (`real_corpus.imported`): what a record reads as (its kind, name,
countries, transfer mechanism and legal basis) should not depend on the container the same
table came in. Every difference against the corpus's own container is listed: a reader's
brittleness (a merged cell, a line break, a delimiter) found without a new file.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from tests.unit.importers.real_corpus import REAL_DIR, imported

sys.path.insert(0, str(REAL_DIR))
import make_real_files as build

CONTAINERS = ("xlsx", "ods", "csv", "docx")
Reading = tuple[str, str, tuple[str, ...], str, str]


def readings(path: Path) -> list[Reading]:
    """What each record of the file reads as, in the file's order."""
    found: list[Reading] = []
    for row in imported(path, []):
        record = row.record
        mechanism = getattr(record, "transfer_mechanism", None)
        basis = getattr(record, "legal_basis", None)
        found.append(
            (
                type(record).__name__,
                " ".join(record.name.split()),
                tuple(location.code for location in getattr(record, "locations", ())),
                mechanism.value if mechanism is not None else "",
                basis.value if basis is not None else "",
            )
        )
    return found


def build_as(ident: str, container: str, folder: Path) -> Path:
    blocks = build.parse(
        build.SOURCES / f"{ident}.md", ident not in build.ONE_TABLE_ACROSS_BLANK_LINES
    )
    target = folder / f"{ident}.{container}"
    if container == "xlsx":
        build.write_xlsx(blocks, target, ident.split("_", maxsplit=1)[0])
    elif container == "ods":
        build.write_ods(blocks, target, ident.split("_", maxsplit=1)[0])
    elif container == "csv":
        build.write_csv(blocks, target, build.CSV_DIALECT.get(ident, ","))
    else:
        build.write_docx(blocks, target)
    return target


def differences(ident: str, folder: Path) -> list[str]:
    """How each other container's readings differ from those of the corpus's own container."""
    own = build.FORMATS[ident]
    reference = readings(build_as(ident, own, folder))
    lines: list[str] = []
    for container in CONTAINERS:
        if container == own:
            continue
        other = readings(build_as(ident, container, folder))
        if other == reference:
            continue
        missing = [r for r in reference if r not in other]
        added = [r for r in other if r not in reference]
        lines.append(f"{ident}: {own} -> {container}: {len(missing)} lost, {len(added)} new")
        lines += [f"    - {r}" for r in missing[:6]]
        lines += [f"    + {r}" for r in added[:6]]
    return lines


def main(only: list[str]) -> int:
    idents = only or list(build.FORMATS)
    report: list[str] = []
    with tempfile.TemporaryDirectory() as folder:
        for ident in idents:
            report += differences(ident, Path(folder))
    print("\n".join(report) if report else "every table reads the same from the four containers")
    changed = sum(1 for line in report if not line.startswith(" "))
    print(f"{len(idents)} pages, {changed} container pairs differing")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
