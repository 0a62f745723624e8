"""The Excel register, reopened with openpyxl: canonical sheets, CNIL layout, safe cells."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from exporters import write_register_xlsx
from tests.unit.exporters.sample_register import FORMULA_NAME, FORMULA_VALUES, SampleIds
from workbench.domain.fields import SUBPROCESSOR_FIELDS, TREATMENT_FIELDS, format_category
from workbench.domain.snapshot import RegisterSnapshot


@pytest.fixture
def dated(snapshot: RegisterSnapshot) -> RegisterSnapshot:
    return dataclasses.replace(snapshot, as_of=dt.date(2026, 11, 22))


@pytest.fixture
def french_book(dated: RegisterSnapshot, tmp_path: Path) -> Any:
    path = tmp_path / "registre.xlsx"
    write_register_xlsx(dated, path, "fr")
    return openpyxl.load_workbook(path)


def rows_by_header(sheet: Any) -> list[dict[str, Any]]:
    rows = list(sheet.iter_rows(values_only=True))
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


def test_sheets_one_per_entity_then_the_cnil_layout(
    dated: RegisterSnapshot, french_book: Any
) -> None:
    count = len(dated.treatments)
    assert french_book.sheetnames == [
        "Traitements",
        "Sous-traitants",
        "Certifications",
        "Liste des traitements",
        *[f"Fiche {n}" for n in range(1, count + 1)],
    ]


def test_headers_are_exactly_the_canonical_fields(french_book: Any) -> None:
    treatments = next(french_book["Traitements"].iter_rows(max_row=1, values_only=True))
    assert list(treatments) == [f.header("fr") for f in TREATMENT_FIELDS]
    subs = next(french_book["Sous-traitants"].iter_rows(max_row=1, values_only=True))
    assert list(subs) == [f.header("fr") for f in SUBPROCESSOR_FIELDS]


def test_every_treatment_with_its_values(
    dated: RegisterSnapshot, sample_ids: SampleIds, french_book: Any
) -> None:
    rows = rows_by_header(french_book["Traitements"])
    assert sorted(r["ID"] for r in rows) == sorted(t.id for t in dated.treatments)
    account = next(r for r in rows if r["ID"] == sample_ids.patient_account)
    treatment = next(t for t in dated.treatments if t.id == sample_ids.patient_account)
    assert account["Traitement"] == "Gestion de compte Patient"
    assert account["Organisme"] == "Podalire"
    assert account["Rôle"] == "controller"
    assert account["Base légale (art. 6)"] == "contract"
    assert account["Condition de l'art. 9"] == "9_2_h"
    assert account["Durée de conservation"] == "5 ans à compter de la dernière mise en relation"
    assert account["Durée (nombre)"] == 5
    assert account["Durée (unité)"] == "year"
    assert account["Données personnelles traitées"].split("\n") == [
        format_category(c.name, c.subject, c.sensitivity.value) for c in treatment.data_categories
    ]
    assert account["Sous-traitants"].split("\n") == ["OVHcloud", "Twilio"]
    assert account["Mesures de sécurité"].split("\n") == [
        "Chiffrement au repos",
        "Journalisation des accès",
    ]
    assert account["Statut de l'AIPD"] == "required"
    assert account["Date de création"] == dt.datetime(2023, 1, 15)
    processor = next(r for r in rows if r["ID"] == sample_ids.teleconsultation)
    assert processor["Responsables de traitement servis"] == "Cabinet Dr Durand"


def test_every_subprocessor_with_its_values(
    dated: RegisterSnapshot, sample_ids: SampleIds, french_book: Any
) -> None:
    rows = rows_by_header(french_book["Sous-traitants"])
    assert sorted(r["ID"] for r in rows) == sorted(s.id for s in dated.subprocessors)
    twilio = next(r for r in rows if r["ID"] == sample_ids.twilio)
    assert twilio["Pays"].split("\n") == ["US", "EU"]
    assert twilio["Garantie de transfert"] == "SCC_EU_2021_914_M2"
    assert twilio["Optionnel"] == "Oui"
    assert twilio["Catégorie"] == "applications"
    assert twilio["Catégories de données"] == "Patients: Phone number"


def test_sheets_have_frozen_header_filter_widths_and_wrapping(french_book: Any) -> None:
    for name in ("Traitements", "Sous-traitants", "Certifications", "Liste des traitements"):
        sheet = french_book[name]
        assert sheet.freeze_panes == "A2"
        assert sheet.auto_filter.ref.startswith("A1:")
        assert sheet.auto_filter.ref.endswith(str(sheet.max_row))
        assert sheet.column_dimensions["A"].width > 0
        assert sheet.cell(2, 2).alignment.wrap_text
        assert sheet.cell(1, 1).font.bold


def test_rows_are_tall_enough_for_their_lines(french_book: Any) -> None:
    sheet = french_book["Traitements"]
    name = [cell.value for cell in sheet[1]].index("Traitement")
    heights = {
        row[0].row: sheet.row_dimensions[row[0].row].height
        for row in sheet.iter_rows(min_row=2)
        if row[name].value == "Gestion de compte Patient"
    }
    (height,) = heights.values()
    assert height is not None
    assert height >= 4 * 12  # four data categories, one per line
    assert sheet.print_title_rows == "$1:$1"


def test_no_cell_is_a_formula_and_values_stay_as_written(french_book: Any) -> None:
    seen = set()
    for sheet in french_book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str):
                    seen.add(cell.value)
                    if cell.value.startswith(("=", "+", "-", "@")):
                        assert cell.quotePrefix, (sheet.title, cell.coordinate)
    assert FORMULA_NAME in seen
    assert set(FORMULA_VALUES) <= seen


def test_cnil_list_and_record_sheets(dated: RegisterSnapshot, french_book: Any) -> None:
    listing = rows_by_header(french_book["Liste des traitements"])
    assert [r["Traitement"] for r in listing] == [t.name for t in dated.treatments]
    number = next(i for i, t in enumerate(dated.treatments, 1) if t.name.startswith("Gestion"))
    assert listing[number - 1]["Fiche"] == f"Fiche {number}"
    fiche = french_book[f"Fiche {number}"]
    assert fiche["A1"].value == "Gestion de compte Patient"
    fields = {row[0]: row[1] for row in fiche.iter_rows(min_row=3, values_only=True)}
    assert fields["Finalité principale"] == "Création, gestion et suppression du compte Patient."
    assert fields["Catégories de personnes concernées"] == "Patients"
    assert fields["Données sensibles"].split("\n") == [
        "NIR (facultatif) (NIR)",
        "Patients\u00a0: Motif de consultation (données de santé)",
    ]
    assert fields["Durées de conservation"].startswith("5 ans")
    assert "Twilio — États-Unis — Clauses contractuelles types" in fields["Transferts hors UE"]
    assert fields["Date de création de la fiche"] == dt.datetime(2023, 1, 15)


def test_english_export_has_english_headers_and_sheets(
    dated: RegisterSnapshot, tmp_path: Path
) -> None:
    path = tmp_path / "register.xlsx"
    write_register_xlsx(dated, path, "en")
    book = openpyxl.load_workbook(path)
    assert book.sheetnames[:4] == [
        "Treatments",
        "Subprocessors",
        "Certifications",
        "Processing activities list",
    ]
    header = next(book["Treatments"].iter_rows(max_row=1, values_only=True))
    assert list(header) == [f.header("en") for f in TREATMENT_FIELDS]
    assert book.properties.language == "en"
