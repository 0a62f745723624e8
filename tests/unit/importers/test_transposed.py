"""Sideways tables (labels down the first column, one record per column or per block) read as
records, in xlsx and docx, never as rows of junk."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import docx
import openpyxl

from importers import propose_mapping, read_records, read_tables
from importers.model import RecordKind
from workbench.domain.enums import InferenceOrigin, LegalBasis, TransferMechanism
from workbench.domain.records import Location, Subprocessor, Treatment

ACROSS = [
    ["Sous-traitants ultérieurs", "", ""],
    ["Nom", "Brevo", "Scaleway"],
    ["Prestation", "Envoi des e-mails", "Hébergement"],
    ["Pays", "France", "France, Pays-Bas"],
    ["Garanties", "Pas de transfert", "Pas de transfert"],
]
BLOCKS = [
    ["Vendor details", ""],
    ["Name", "Brevo"],
    ["Service", "E-mail delivery"],
    ["Server location", "France"],
    ["Transfer mechanism", "None"],
    ["", ""],
    ["Name", "Twilio Inc."],
    ["Service", "Text messages"],
    ["Server location", "USA (Oregon)"],
    ["Transfer mechanism", "SCC"],
]
FICHE = [
    ["Nom du traitement", "Gestion des rendez-vous"],
    ["Finalité", "Prise et rappel des rendez-vous des patients"],
    ["Base légale", "Exécution d'un contrat"],
    ["Personnes concernées", "Patients"],
    ["Durée de conservation", "2 ans après le dernier rendez-vous"],
]


def xlsx(path: Path, rows: list[list[str]]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def word(path: Path, rows: list[list[str]]) -> Path:
    document = docx.Document()
    document.add_paragraph("Annexe : fiche")
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    document.save(str(path))
    return path


def records(path: Path) -> list[Any]:
    tables = read_tables(path)
    assert len(tables) == 1
    table = tables[0]
    return [r.record for r in read_records(table, propose_mapping(table)).rows()]


def test_one_vendor_per_column_in_xlsx(tmp_path: Path) -> None:
    brevo, scaleway = records(xlsx(tmp_path / "across.xlsx", ACROSS))
    assert isinstance(brevo, Subprocessor)
    assert isinstance(scaleway, Subprocessor)
    assert (brevo.name, brevo.service_description) == ("Brevo", "Envoi des e-mails")
    assert scaleway.locations == (Location("FR"), Location("NL"))
    assert brevo.transfer_mechanism is TransferMechanism.NONE_INTRA_EEA
    assert brevo.provenance is not None
    assert brevo.provenance.row == 2  # the row of its name in the file


def test_key_value_blocks_one_vendor_each_in_xlsx(tmp_path: Path) -> None:
    brevo, twilio = records(xlsx(tmp_path / "blocks.xlsx", BLOCKS))
    assert isinstance(brevo, Subprocessor)
    assert isinstance(twilio, Subprocessor)
    assert [brevo.name, twilio.name] == ["Brevo", "Twilio Inc."]
    assert twilio.locations == (Location("US"),)
    assert twilio.transfer_mechanism is not None
    assert twilio.transfer_mechanism.value.startswith("SCC")
    assert twilio.provenance is not None
    assert twilio.provenance.row == 7
    mark = next(m for m in twilio.unconfirmed if m.field == "locations")
    assert (mark.origin, mark.source_text, mark.column, mark.row) == (
        InferenceOrigin.READ_FROM_TEXT,
        "USA (Oregon)",
        "Server location",
        7,
    )


def test_a_fiche_in_a_word_table_is_one_treatment(tmp_path: Path) -> None:
    path = word(tmp_path / "fiche.docx", FICHE)
    table = read_tables(path)[0]
    assert table.kind is RecordKind.TREATMENTS
    (fiche,) = records(path)
    assert isinstance(fiche, Treatment)
    assert fiche.name == "Gestion des rendez-vous"
    assert fiche.purpose == "Prise et rappel des rendez-vous des patients"
    assert fiche.legal_basis is LegalBasis.CONTRACT
    assert fiche.retention.text.startswith("2 ans")


def test_vendor_blocks_in_a_word_table(tmp_path: Path) -> None:
    names = [r.name for r in records(word(tmp_path / "blocks.docx", BLOCKS))]
    assert names == ["Brevo", "Twilio Inc."]


def test_an_ordinary_table_is_not_read_sideways(tmp_path: Path) -> None:
    rows = [
        ["Name", "Service", "Server location"],
        ["Brevo", "E-mail delivery", "France"],
        ["Twilio", "Text messages", "USA"],
        ["Scaleway", "Hosting", "France"],
    ]
    found = records(xlsx(tmp_path / "rows.xlsx", rows))
    assert [r.name for r in found] == ["Brevo", "Twilio", "Scaleway"]
    # two columns of names and places are a list, not labels and values
    pairs = [["Subprocessor", "Country"], ["Brevo", "France"], ["Twilio", "USA"]]
    found = records(xlsx(tmp_path / "pairs.xlsx", pairs))
    assert [r.name for r in found] == ["Brevo", "Twilio"]


# One small table per treatment, its title in the first row (no "Name" label), in the layouts
# a page exported to Word or to a sheet gives: the label cell empty, or one merged title cell.
TITLED = {
    "fr": [
        ["", "Gestion des rendez-vous"],
        ["Finalité du traitement", "Prise et rappel des rendez-vous des patients"],
        ["Base légale du traitement", "Exécution d'un contrat"],
        ["Durée de conservation", "2 ans après le dernier rendez-vous"],
    ],
    "es": [
        ["", "Gestión de clientes"],
        ["Finalidad del tratamiento", "Gestionar los pedidos y las entregas"],
        ["Base legal", "Ejecución de un contrato"],
        ["Destinatarios", "Servicios internos"],
    ],
    "de": [
        ["", "Newsletter"],
        ["Zweck der Verarbeitung", "Versand des Newsletters an Abonnenten"],
        ["Rechtsgrundlage", "Einwilligung"],
        ["Speicherdauer", "Bis zum Widerruf"],
    ],
}


def word_tables(path: Path, fiches: list[list[list[str]]], merged: bool = False) -> Path:
    document = docx.Document()
    document.add_paragraph("Traitements / Tratamientos / Verarbeitungen")
    for rows in fiches:
        table = document.add_table(rows=len(rows), cols=2)
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                table.cell(r, c).text = text
        if merged:
            title = rows[0][1]
            table.cell(0, 0).merge(table.cell(0, 1)).text = title
    document.save(str(path))
    return path


def test_a_fiche_under_its_title_row_is_one_treatment_named_by_it(tmp_path: Path) -> None:
    path = word_tables(tmp_path / "fiches.docx", list(TITLED.values()))
    found = []
    for table in read_tables(path):
        found += [r.record for r in read_records(table, propose_mapping(table)).rows()]
    assert [t.name for t in found] == [
        "Gestion des rendez-vous",
        "Gestión de clientes",
        "Newsletter",
    ]
    assert all(isinstance(t, Treatment) for t in found)
    assert [t.legal_basis for t in found] == [
        LegalBasis.CONTRACT,
        LegalBasis.CONTRACT,
        LegalBasis.CONSENT,
    ]
    assert found[2].purpose == "Versand des Newsletters an Abonnenten"


def test_a_merged_title_row_names_the_fiche(tmp_path: Path) -> None:
    (treatment,) = records(word_tables(tmp_path / "merged.docx", [TITLED["fr"]], merged=True))
    assert isinstance(treatment, Treatment)
    assert treatment.name == "Gestion des rendez-vous"
    assert treatment.purpose == "Prise et rappel des rendez-vous des patients"


def test_fiches_one_under_the_other_in_a_sheet(tmp_path: Path) -> None:
    second = [["", "Gestion des plaintes"], *[[label, "x"] for label, _v in TITLED["fr"][1:]]]
    rows = [*TITLED["fr"], ["", ""], *second]
    names = [t.name for t in records(xlsx(tmp_path / "fiches.xlsx", rows))]
    assert names == ["Gestion des rendez-vous", "Gestion des plaintes"]
