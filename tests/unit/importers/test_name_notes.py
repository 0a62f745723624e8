"""A subprocessor's name cell of several lines: the lines under the name that are a note about
the vendor ("(optional if Customer uses the SMS feature)", "Group company owned by ...",
"Tochtergesellschaft von ...", "filiale de ...", "(solo si ...)") are no part of its name: the
name is the first line, the note is kept in the record's notes (marked: read from the cell's
layout), and a note saying the vendor is optional sets the flag (marked likewise). A name
written over two lines stays whole ("Amazon Web Services / EMEA SARL", "Google Cloud / France
SARL"): a line ending with a legal form continues the name, and is no address though it names
a country.

Written on Brevo's list (thirteenth set, in English); the cells and tables here are hand-written
in the seven languages, in xlsx, docx and csv (quoted newlines).
"""

from __future__ import annotations

import csv
from pathlib import Path

import docx
import pytest
from openpyxl import Workbook

from importers import propose_mapping, read_records, read_tables
from importers.subprocessor_cells import is_name_note, split_name_cell
from workbench.domain.enums import InferenceOrigin
from workbench.domain.records import Subprocessor


@pytest.mark.parametrize(
    ("cell", "name", "note"),
    [
        # English
        (
            "Vonage\n(optional if Customer uses the SMS feature)",
            "Vonage",
            "(optional if Customer uses the SMS feature)",
        ),
        (
            "Silver Line\nGroup company owned by Sendinblue",
            "Silver Line",
            "Group company owned by Sendinblue",
        ),
        (
            "Acme Europe Ltd\na subsidiary of Acme Inc.",
            "Acme Europe Ltd",
            "a subsidiary of Acme Inc.",
        ),
        ("Nimbus\n(formerly Cloudy Ltd)", "Nimbus", "(formerly Cloudy Ltd)"),
        (
            "Mailer\nUsed only where the newsletter feature is enabled.",
            "Mailer",
            "Used only where the newsletter feature is enabled.",
        ),
        # French
        (
            "Hébergeur Santé\nfiliale de Groupe Médical SA",
            "Hébergeur Santé",
            "filiale de Groupe Médical SA",
        ),
        (
            "Envoi SMS\n(uniquement si le client active les rappels)",
            "Envoi SMS",
            "(uniquement si le client active les rappels)",
        ),
        ("Nuage Ouest\nSociété du groupe Nuage", "Nuage Ouest", "Société du groupe Nuage"),
        # German
        (
            "Wolke GmbH\nTochtergesellschaft von Himmel AG",
            "Wolke GmbH",
            "Tochtergesellschaft von Himmel AG",
        ),
        ("Bote\n(nur bei Nutzung des SMS-Versands)", "Bote", "(nur bei Nutzung des SMS-Versands)"),
        (
            "Rechenzentrum Nord\nKonzerngesellschaft der Wolke GmbH",
            "Rechenzentrum Nord",
            "Konzerngesellschaft der Wolke GmbH",
        ),
        # Spanish
        (
            "Nube Datos\n(solo si el cliente usa los SMS)",
            "Nube Datos",
            "(solo si el cliente usa los SMS)",
        ),
        ("Correo Rápido\nEmpresa del grupo Correos", "Correo Rápido", "Empresa del grupo Correos"),
        # Italian
        (
            "Nuvola Servizi\nsocietà del gruppo Nuvola S.p.A.",
            "Nuvola Servizi",
            "società del gruppo Nuvola S.p.A.",
        ),
        (
            "Messaggi\n(opzionale, se il cliente usa gli SMS)",
            "Messaggi",
            "(opzionale, se il cliente usa gli SMS)",
        ),
        (
            "Amazon Web Services EMEA SARL\n(subfornitore di SMI)",
            "Amazon Web Services EMEA SARL",
            "(subfornitore di SMI)",
        ),
        # Portuguese
        ("Nuvem Dados\nempresa do grupo Nuvem", "Nuvem Dados", "empresa do grupo Nuvem"),
        (
            "Mensagens\n(apenas se o cliente usar SMS)",
            "Mensagens",
            "(apenas se o cliente usar SMS)",
        ),
        # Dutch
        (
            "Wolk Diensten\ndochteronderneming van Wolk B.V.",
            "Wolk Diensten",
            "dochteronderneming van Wolk B.V.",
        ),
        (
            "Berichten\n(alleen als de klant sms gebruikt)",
            "Berichten",
            "(alleen als de klant sms gebruikt)",
        ),
        (
            "Opslag Noord\nOnderdeel van de Wolk-groep",
            "Opslag Noord",
            "Onderdeel van de Wolk-groep",
        ),
    ],
)
def test_a_note_under_the_name_is_no_part_of_it(cell: str, name: str, note: str) -> None:
    read = split_name_cell(cell)
    assert (read.name, read.note, read.address) == (name, note, "")


@pytest.mark.parametrize(
    ("cell", "name"),
    [
        # a legal form on the second line: the name over two lines, though it names a country
        ("Amazon Web Services\nEMEA SARL", "Amazon Web Services EMEA SARL"),
        ("Google Cloud\nFrance SARL", "Google Cloud France SARL"),
        ("Microsoft Ireland\nOperations Ltd", "Microsoft Ireland Operations Ltd"),
        (
            "Wolke Rechenzentren\nDeutschland GmbH & Co. KG",
            "Wolke Rechenzentren Deutschland GmbH & Co. KG",
        ),
        ("Nube Datos\nEspaña S.L.U.", "Nube Datos España S.L.U."),
        ("Nuvola Servizi\nItalia S.r.l.", "Nuvola Servizi Italia S.r.l."),
        ("Nuvem Dados\nPortugal, Unipessoal Lda.", "Nuvem Dados Portugal, Unipessoal Lda."),
        ("Wolk Diensten\nNederland B.V.", "Wolk Diensten Nederland B.V."),
        # a name in sentence case, wrapped: its words in lower case are the name's
        (
            "Centre hospitalier\nuniversitaire de Nantes",
            "Centre hospitalier universitaire de Nantes",
        ),
        ("Caisse primaire\nd'assurance maladie", "Caisse primaire d'assurance maladie"),
        ("Instituto Nacional\nde Estadística", "Instituto Nacional de Estadística"),
        ("Agenzia per\nl'Italia Digitale", "Agenzia per l'Italia Digitale"),
        # a company or a product in parentheses: the name as written, whole
        ("Berget AI\n(Berget Cloud AB)", "Berget AI (Berget Cloud AB)"),
        (
            "LinkedIn\n(Microsoft Ireland Operations Ltd)",
            "LinkedIn (Microsoft Ireland Operations Ltd)",
        ),
        ("Google Cloud\n(Vertex AI & Vision)", "Google Cloud (Vertex AI & Vision)"),
        # a capitalised word that opens a condition only in lower case
        ("Groupe\nSI Conseil", "Groupe SI Conseil"),
    ],
)
def test_a_name_written_over_two_lines_stays_whole(cell: str, name: str) -> None:
    assert split_name_cell(cell) == (name, "", "", "")


@pytest.mark.parametrize(
    "line",
    [
        "EMEA SARL",
        "Operations Ltd",
        "(Berget Cloud AB)",
        "Sendinblue Inc.",
        "universitaire de Nantes",
    ],
)
def test_lines_continuing_a_name_are_no_note(line: str) -> None:
    assert not is_name_note(line)


def test_a_note_and_a_postal_address_under_the_name_are_told_apart() -> None:
    read = split_name_cell(
        "Sinch AB\nGroup company of Sinch Holding\nLindhagensgatan 74\n112 18 Stockholm"
    )
    assert read == (
        "Sinch AB",
        "Lindhagensgatan 74\n112 18 Stockholm",
        "",
        "Group company of Sinch Holding",
    )


def test_a_note_over_two_lines_is_one_note() -> None:
    read = split_name_cell("Vonage\n(optional if the Customer\nuses the SMS feature)")
    assert (read.name, read.note) == ("Vonage", "(optional if the Customer\nuses the SMS feature)")


HEADERS = {
    "en": ["Company", "Service", "Location"],
    "fr": ["Sous-traitant", "Prestation", "Pays"],
    "de": ["Unterauftragsverarbeiter", "Leistung", "Standort"],
}
ROWS = {
    "en": [
        ["Vonage\n(optional if Customer uses the SMS feature)", "SMS routing", "EU"],
        ["Silver Line\nGroup company owned by Sendinblue", "Customer support", "India"],
        ["Amazon Web Services\nEMEA SARL", "Hosting", "Ireland"],
    ],
    "fr": [
        ["Envoi SMS\n(facultatif : seulement si le client active les rappels)", "SMS", "France"],
        ["Hébergeur Santé\nfiliale de Groupe Médical SA", "Hébergement HDS", "France"],
        ["Google Cloud\nFrance SARL", "Hébergement", "Belgique"],
    ],
    "de": [
        ["Bote\n(optional, nur bei SMS-Versand)", "SMS-Versand", "Deutschland"],
        ["Wolke GmbH\nTochtergesellschaft von Himmel AG", "Hosting", "Deutschland"],
        ["Microsoft Ireland\nOperations Ltd", "E-Mail", "Irland"],
    ],
}
NAMES = {
    "en": ["Vonage", "Silver Line", "Amazon Web Services EMEA SARL"],
    "fr": ["Envoi SMS", "Hébergeur Santé", "Google Cloud France SARL"],
    "de": ["Bote", "Wolke GmbH", "Microsoft Ireland Operations Ltd"],
}


def _xlsx(path: Path, lang: str) -> Path:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(HEADERS[lang])
    for cells in ROWS[lang]:
        sheet.append(cells)
    book.save(path)
    return path


def _docx(path: Path, lang: str) -> Path:
    document = docx.Document()
    table = document.add_table(rows=1, cols=3)
    for cell, text in zip(table.rows[0].cells, HEADERS[lang], strict=True):
        cell.text = text
    for values in ROWS[lang]:
        for cell, text in zip(table.add_row().cells, values, strict=True):
            cell.text = text
    document.save(str(path))
    return path


def _csv(path: Path, lang: str) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")  # the name cells' newlines quoted
        writer.writerow(HEADERS[lang])
        writer.writerows(ROWS[lang])
    return path


def _records(path: Path) -> list[Subprocessor]:
    table = read_tables(path)[0]
    records = [row.record for row in read_records(table, propose_mapping(table)).rows()]
    assert all(isinstance(record, Subprocessor) for record in records)
    return [record for record in records if isinstance(record, Subprocessor)]


@pytest.mark.parametrize("lang", ["en", "fr", "de"])
@pytest.mark.parametrize(("suffix", "write"), [(".xlsx", _xlsx), (".docx", _docx), (".csv", _csv)])
def test_the_list_names_each_vendor_and_keeps_its_note(
    tmp_path: Path, lang: str, suffix: str, write: object
) -> None:
    assert callable(write)
    records = _records(write(tmp_path / f"list{suffix}", lang))
    assert [record.name for record in records] == NAMES[lang]
    optional, related, whole = records
    note_lines = [ROWS[lang][i][0].split("\n", 1)[1] for i in (0, 1)]
    assert [optional.notes, related.notes, whole.notes] == [*note_lines, ""]
    assert [record.optional for record in records] == [True, False, False]
    mark = next(m for m in related.unconfirmed if m.field == "notes")
    assert mark.origin is InferenceOrigin.RULE
    assert (mark.column, mark.row) == (HEADERS[lang][0], 3)
    assert mark.source_text == ROWS[lang][1][0]
    assert any(m.field == "optional" for m in optional.unconfirmed)
    assert not any(m.field in ("notes", "optional", "address") for m in whole.unconfirmed)
    assert whole.address == ""


def test_a_notes_column_keeps_its_text_first(tmp_path: Path) -> None:
    path = tmp_path / "sous_traitants.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(["Sous-traitant", "Prestation", "Pays", "Remarques"])
        writer.writerow(
            ["Nuage Ouest\nSociété du groupe Nuage", "Hébergement", "France", "Revu en 2026"]
        )
    (record,) = _records(path)
    assert record.name == "Nuage Ouest"
    assert record.notes == "Revu en 2026\nSociété du groupe Nuage"


def test_optional_alone_under_the_name_is_the_flag(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(["Sub-processor", "Service", "Location"])
        writer.writerow(["Twilio\n(optional)", "SMS", "USA"])
    (record,) = _records(path)
    assert (record.name, record.optional, record.notes) == ("Twilio", True, "")


@pytest.mark.parametrize(
    ("cell", "name", "address"),
    [
        ("Nubes Datos\nMadrid, España", "Nubes Datos", "Madrid, España"),
        ("OVH\nFrance", "OVH", "France"),
        (
            "Wolke Rechenzentren GmbH\nBerlin, Deutschland.",
            "Wolke Rechenzentren GmbH",
            "Berlin, Deutschland.",
        ),
    ],
)
def test_a_place_ending_the_lines_under_the_name_is_its_address(
    cell: str, name: str, address: str
) -> None:
    assert split_name_cell(cell) == (name, address, "", "")
