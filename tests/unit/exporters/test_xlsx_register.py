"""The Excel register, reopened with openpyxl: canonical sheets, CNIL layout, safe cells."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from exporters import write_register_xlsx
from exporters._labels import DocText
from tests.unit.exporters.sample_register import FORMULA_NAME, FORMULA_VALUES, SampleIds
from workbench.domain.fields import (
    SUBPROCESSOR_FIELDS,
    TREATMENT_FIELDS,
    UNCONFIRMED_FIELD,
)
from workbench.domain.references import treatment_reference
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
        "Valeurs à vérifier",
        "Liste des traitements",
        *[f"Fiche {treatment_reference(t.id)}" for t in dated.treatments],
    ]
    assert count == len(french_book.sheetnames) - 5


def test_headers_are_exactly_the_canonical_fields(french_book: Any) -> None:
    treatments = next(french_book["Traitements"].iter_rows(max_row=1, values_only=True))
    marks = UNCONFIRMED_FIELD.header("fr")
    assert list(treatments) == [*(f.header("fr") for f in TREATMENT_FIELDS), marks]
    subs = next(french_book["Sous-traitants"].iter_rows(max_row=1, values_only=True))
    assert list(subs) == [*(f.header("fr") for f in SUBPROCESSOR_FIELDS), marks]


def test_every_treatment_with_its_values(
    dated: RegisterSnapshot, sample_ids: SampleIds, french_book: Any
) -> None:
    rows = rows_by_header(french_book["Traitements"])
    assert sorted(r["ID"] for r in rows) == sorted(t.id for t in dated.treatments)
    account = next(r for r in rows if r["ID"] == sample_ids.patient_account)
    treatment = next(t for t in dated.treatments if t.id == sample_ids.patient_account)
    assert account["Traitement"] == "Gestion de compte Patient"
    assert account["Organisme"] == "Podalire"
    assert account["Rôle"] == "Responsable de traitement"
    assert account["Base légale (art. 6)"] == "Exécution d'un contrat"
    assert account["Condition de l'art. 9"] == (
        "Médecine et prise en charge sanitaire ou sociale (art. 9.2.h)"
    )
    assert account["Durée de conservation"] == "5 ans à compter de la dernière mise en relation"
    assert account["Durée (nombre)"] == 5
    assert account["Durée (unité)"] == "ans"
    assert account["Données personnelles traitées"].split("\n") == [
        DocText("fr").category_line(c) for c in treatment.data_categories
    ]
    lines = account["Données personnelles traitées"].split("\n")
    assert "Patients: Motif de consultation [Données de santé]" in lines  # no code in French
    assert account["Sous-traitants"].split("\n") == ["OVHcloud", "Twilio"]
    assert account["Mesures de sécurité"].split("\n") == [
        "Chiffrement au repos",
        "Journalisation des accès",
    ]
    assert account["Statut de l'AIPD"] == "Requise, non encore réalisée"
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
    assert twilio["Garantie de transfert"] == (
        "Clauses contractuelles types 2021/914, module 2 (RT vers ST)"
    )
    assert twilio["Optionnel"] == "Oui"
    assert twilio["Catégorie"] == "Applicatifs"
    assert twilio["Catégories de données"] == "Patients: Phone number"


def test_sheets_have_frozen_header_filter_widths_and_wrapping(french_book: Any) -> None:
    for name in ("Traitements", "Sous-traitants", "Certifications"):
        sheet = french_book[name]
        assert sheet.freeze_panes == "A2"
        assert sheet.auto_filter.ref.startswith("A1:")
        assert sheet.auto_filter.ref.endswith(str(sheet.max_row))
        assert sheet.column_dimensions["A"].width > 0
        assert sheet.cell(2, 2).alignment.wrap_text
        assert sheet.cell(1, 1).font.bold
    listing = french_book["Liste des traitements"]
    header = next(r[0].row for r in listing.iter_rows() if r[0].value == "Nom du traitement")
    assert listing.freeze_panes == f"A{header + 1}"  # below the organisations' block
    assert listing.print_title_rows == f"${header}:${header}"
    assert listing.auto_filter.ref.startswith(f"A{header}:")


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
    sheet = french_book["Liste des traitements"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "Registre des activités de traitement"
    block = {r[0]: r[1:] for r in rows if r[0]}
    assert block["Organisme"][0] in {o.name for o in dated.organisations}
    start = next(i for i, r in enumerate(rows) if r[0] == "Nom du traitement")
    assert rows[start][:7] == (
        "Nom du traitement",
        "N° / RÉF",
        "Date de création de la fiche",
        "Dernière mise à jour de la fiche",
        "Finalité principale",
        "Données sensibles ? Oui/non",
        "Fiche",
    )
    listing = [dict(zip(rows[start], r, strict=True)) for r in rows[start + 1 :]]
    assert [r["Nom du traitement"] for r in listing] == [t.name for t in dated.treatments]
    account = next(r for r in listing if r["Nom du traitement"] == "Gestion de compte Patient")
    treatment = next(t for t in dated.treatments if t.name == "Gestion de compte Patient")
    reference = treatment_reference(treatment.id)
    assert (account["N° / RÉF"], account["Fiche"]) == (reference, f"Fiche {reference}")
    assert account["Données sensibles ? Oui/non"] == "Oui"
    fiche = list(french_book[f"Fiche {reference}"].iter_rows(values_only=True))
    assert fiche[0][0] == f"Fiche de registre {reference}\xa0: Gestion de compte Patient"
    labels = [r[0] for r in fiche]
    blocks = [
        "Description du traitement",
        "Acteurs",
        "Finalité(s) du traitement effectué",
        "Catégories de données personnelles concernées",
        "Données sensibles",
        "Catégories de personnes concernées",
        "Destinataires",
        "Mesures de sécurité",
        "Transferts hors UE",
        "Compléments du registre",
    ]
    assert [label for label in labels if label in blocks] == blocks  # the model's order
    fields = {r[0]: r[1:] for r in fiche if r[0]}
    assert fields["Finalité principale"][0] == "Création, gestion et suppression du compte Patient."
    assert fields["Catégorie 1"][0] == "Patients"
    assert fields["Numéro de Sécurité Sociale (ou NIR)"][0] == "NIR (facultatif)"
    assert fields["Données concernant la santé"][0] == "Patients\xa0: Motif de consultation"
    assert fields["Données concernant la santé"][1].startswith("5 ans")  # retention per row
    assert fields["Données génétiques"][0] is None  # the model's fixed rows, even when empty
    assert fields["Transferts hors UE"][:4] == (
        "Destinataire",
        "Pays",
        "Type de garanties",
        "Lien vers la documentation",
    )
    twilio = next(v for k, v in fields.items() if k.startswith("Organisme ") and v[0] == "Twilio")
    assert twilio[1] == "États-Unis"
    assert twilio[2].startswith("Clauses contractuelles types")
    assert fields["Acteurs"][:4] == ("Nom", "Adresse", "Téléphone", "Adresse mél")
    assert fields["Responsable du traitement"][0] == "Podalire"
    assert fields["Date de création"][0] == dt.datetime(2023, 1, 15)  # the record's own field


def test_english_export_has_english_headers_and_sheets(
    dated: RegisterSnapshot, tmp_path: Path
) -> None:
    path = tmp_path / "register.xlsx"
    write_register_xlsx(dated, path, "en")
    book = openpyxl.load_workbook(path)
    assert book.sheetnames[:5] == [
        "Treatments",
        "Subprocessors",
        "Certifications",
        "Values to be verified",
        "Processing activities list",
    ]
    header = next(book["Treatments"].iter_rows(max_row=1, values_only=True))
    assert list(header) == [*(f.header("en") for f in TREATMENT_FIELDS), "Unconfirmed values"]
    assert book.properties.language == "en"
