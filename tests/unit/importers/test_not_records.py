"""A table its heading announces as holding no subprocessor (software a vendor runs itself,
under its list of subprocessors) yields no record, in the seven languages."""

from __future__ import annotations

from pathlib import Path

import docx
import openpyxl
import pytest

from importers.not_records import says_not_processors
from tests.unit.importers.place_tables import names_read

SUBPROCESSORS = (
    ("Unternehmen", "Leistung", "Standort"),
    ("Wolke GmbH", "Hosting", "Deutschland"),
    ("Brief AG", "E-Mail-Versand", "Österreich"),
)
OWN = (
    ("Software", "Zweck", "Standort", "Hinweise"),
    ("PostgreSQL", "Datenbank", "Deutschland", "Selbst betrieben"),
    ("Valkey", "Zwischenspeicher", "Deutschland", "Selbst betrieben"),
)
HEADINGS = {
    "de": "Selbst betriebene Systeme (keine Unterauftragsverarbeiter)",
    "en": "Self-hosted software (not third-party sub-processors)",
    "fr": "Outils internes (ne sont pas des sous-traitants)",
    "es": "Infraestructura propia (no son subencargados externos)",
    "it": "Infrastruttura interna (non sono sub-responsabili)",
    "pt": "Infraestrutura própria (não são subcontratantes)",
    "nl": "Eigen systemen (geen subverwerkers)",
}


def write_sheet(path: Path, heading: str) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    rows: list[tuple[str, ...]] = [("Liste der Unterauftragsverarbeiter",), *SUBPROCESSORS, ()]
    rows += [(heading,), ("Die folgenden Systeme betreiben wir selbst.",), *OWN]
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


@pytest.mark.parametrize("language", sorted(HEADINGS))
def test_a_table_headed_as_not_subprocessors_holds_no_record(tmp_path: Path, language: str) -> None:
    path = write_sheet(tmp_path / f"{language}.xlsx", HEADINGS[language])
    assert names_read(path) == ["Wolke GmbH", "Brief AG"]


def test_the_same_table_under_another_heading_is_read(tmp_path: Path) -> None:
    path = write_sheet(tmp_path / "weitere.xlsx", "Weitere Unterauftragsverarbeiter")
    assert names_read(path) == ["Wolke GmbH", "Brief AG", "PostgreSQL", "Valkey"]


def test_a_word_table_under_such_a_heading_holds_no_record(tmp_path: Path) -> None:
    document = docx.Document()
    for heading, rows in (("Sous-traitants ultérieurs", SUBPROCESSORS), (HEADINGS["fr"], OWN)):
        document.add_heading(heading, level=2)
        table = document.add_table(rows=0, cols=len(rows[0]))
        for row in rows:
            cells = table.add_row().cells
            for cell, text in zip(cells, row, strict=False):
                cell.text = text
    path = tmp_path / "annexe.docx"
    document.save(str(path))
    assert names_read(path) == ["Wolke GmbH", "Brief AG"]


@pytest.mark.parametrize(
    "text",
    [
        "Non-EU sub-processors",
        "Processors not located in the EU",
        "Sous-traitants hors UE (pas de transfert)",
        "Subencargados que no tratan datos de salud",
    ],
)
def test_a_heading_that_only_qualifies_the_processors_announces_nothing(text: str) -> None:
    assert not says_not_processors(text)
