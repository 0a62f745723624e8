"""A heading under a table's records ends the table when no record of it follows.

Tables written here in the seven languages and in xlsx, csv and docx rows: a table of
subprocessors or treatments, then a heading alone on its row ("Planned subprocessors",
"Historique des modifications", "Änderungen", "¿Preguntas u objeciones?") followed by a
sentence, an e-mail address, an empty table, or nothing. The heading is no record (GDPR Art. 30:
a register lists processing and processors, not the page's headings). And the other way: a lone
row followed by records is a section of the table, and a lone last row shaped like the table's
records (some record leaves the other columns empty too) is its last record."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from openpyxl import Workbook

from importers import propose_mapping, read_records, read_tables

Rows = list[list[str]]
Writer = Callable[[Path, Rows], Path]


def write_xlsx(path: Path, rows: Rows, merged: tuple[int, ...] = ()) -> Path:
    """The rows on one sheet; the rows numbered in `merged` (0-based) merged across the table."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    width = max(len(r) for r in rows)
    for row in rows:
        sheet.append(list(row))
    for index in merged:
        sheet.merge_cells(start_row=index + 1, start_column=1, end_row=index + 1, end_column=width)
    book.save(path)
    return path


def write_csv(path: Path, rows: Rows) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle, delimiter=";").writerows(rows)
    return path


def write_docx(path: Path, rows: Rows) -> Path:
    """One Word table; a row of one text is one cell merged across the table."""
    document = docx.Document()
    width = max(len(r) for r in rows)
    table = document.add_table(rows=0, cols=width)
    for row in rows:
        cells = table.add_row().cells
        if len(row) == 1:
            merged = cells[0].merge(cells[-1])
            merged.text = row[0]
            continue
        for cell, text in zip(cells, row, strict=False):
            cell.text = text
    document.save(str(path))
    return path


def names_read(path: Path) -> list[str]:
    found = []
    for table in read_tables(path):
        mapping = propose_mapping(table)
        found += [r.record.name for r in read_records(table, mapping).rows()]
    return found


ENGLISH = [
    ["No.", "Subprocessor", "Service", "Location"],
    ["1", "Cloud Hosting Ltd", "Application hosting and database", "Ireland"],
    ["2", "Mail Sender Inc.", "Transactional e-mail", "United States"],
    ["3", "Error Watch", "Error tracking", "Germany"],
    ["Planned subprocessors"],
    ["(None at present. New vendors are listed here before they receive any data.)"],
]
FRENCH = [
    ["Sous-traitant", "Finalité", "Pays"],
    ["Hébergeur Santé SAS", "Hébergement des données de santé", "France"],
    ["Courriel Express", "Envoi des courriels", "Irlande"],
    ["Historique des modifications"],
    ["Aucune modification depuis la première publication de cette liste."],
]
GERMAN = [
    ["Unterauftragsverarbeiter", "Zweck", "Land"],
    ["Wolke GmbH", "Hosting", "Deutschland"],
    ["Zahl AG", "Zahlungen", "Österreich"],
    ["Änderungen"],
]
SPANISH = [
    ["Subencargado", "Finalidad", "País"],
    ["Nube Ibérica", "Alojamiento", "España"],
    ["Correo Rápido", "Envío de correos", "Irlanda"],
    ["¿Preguntas u objeciones?"],
    ["privacidad@ejemplo.es"],
]
ITALIAN = [
    ["Sub-responsabile", "Finalità", "Paese"],
    ["Nuvola Italia", "Hosting", "Italia"],
    ["Posta Veloce", "Invio di e-mail", "Irlanda"],
    ["Domande o obiezioni"],
    ["Scriveteci se vi opponete a un nuovo sub-responsabile del trattamento."],
]
PORTUGUESE = [
    ["Subcontratante", "Finalidade", "País"],
    ["Nuvem Lusa", "Alojamento", "Portugal"],
    ["Correio Rápido", "Envio de e-mails", "Irlanda"],
    ["Subcontratantes previstos"],
    ["(Nenhum de momento.)"],
]
DUTCH = [
    ["Subverwerker", "Doel", "Locatie"],
    ["Wolk Hosting", "Hosting", "Nederland"],
    ["Snelle Post", "E-mail verzenden", "Ierland"],
    ["Wijzigingen"],
    ["Datum", "Wijziging"],
    ["—", "—"],
]


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        # the heading in the column of numbers, left of the names, a sentence in brackets under it
        (ENGLISH, ["Cloud Hosting Ltd", "Mail Sender Inc.", "Error Watch"]),
        (FRENCH, ["Hébergeur Santé SAS", "Courriel Express"]),
        (GERMAN, ["Wolke GmbH", "Zahl AG"]),  # the heading is the sheet's last row
        (SPANISH, ["Nube Ibérica", "Correo Rápido"]),  # an address under the heading
        (ITALIAN, ["Nuvola Italia", "Posta Veloce"]),
        (PORTUGUESE, ["Nuvem Lusa", "Correio Rápido"]),
        (DUTCH, ["Wolk Hosting", "Snelle Post"]),  # an empty table under the heading
    ],
    ids=["en", "fr", "de", "es", "it", "pt", "nl"],
)
@pytest.mark.parametrize("writer", [write_xlsx, write_csv, write_docx], ids=["xlsx", "csv", "docx"])
def test_a_heading_under_the_records_ends_the_table(
    tmp_path: Path, rows: Rows, expected: list[str], writer: Writer
) -> None:
    path = writer(tmp_path / f"list.{writer.__name__.removeprefix('write_')}", rows)
    assert names_read(path) == expected


def test_a_heading_merged_across_the_sheet_ends_the_table(tmp_path: Path) -> None:
    rows = [*FRENCH[:3], ["Questions ou objections ?"], ["Écrivez au DPO avant la date annoncée."]]
    path = write_xlsx(tmp_path / "fr.xlsx", rows, merged=(3, 4))
    assert names_read(path) == ["Hébergeur Santé SAS", "Courriel Express"]


def test_a_heading_followed_by_a_second_table_with_rows_ends_the_first(tmp_path: Path) -> None:
    rows = [
        *GERMAN,
        ["Datum", "Änderung"],
        ["1.3.2025", "Zahl AG hinzugefügt"],
        ["4.6.2025", "Wolke GmbH hinzugefügt"],
    ]
    assert names_read(write_xlsx(tmp_path / "de.xlsx", rows)) == ["Wolke GmbH", "Zahl AG"]


# a table whose records leave cells empty: a lone last row has their shape
SPARSE_FRENCH = [
    ["Sous-traitant", "Finalité", "Pays"],
    ["Hébergeur Santé", "Hébergement", ""],
    ["Courriel Express", "", "Irlande"],
]
SPARSE_GERMAN = [
    ["Anbieter", "Leistung", "Standort"],
    ["Wolke", "", "Deutschland"],
    ["Zahl", "Zahlungen", ""],
]


@pytest.mark.parametrize(
    ("rows", "last"),
    [(SPARSE_FRENCH, "Zendesk"), (SPARSE_GERMAN, "Mailjet")],
    ids=["fr", "de"],
)
@pytest.mark.parametrize("writer", [write_xlsx, write_csv], ids=["xlsx", "csv"])
def test_a_lone_last_row_shaped_like_the_records_is_a_record(
    tmp_path: Path, rows: Rows, last: str, writer: Writer
) -> None:
    """Some record leaves every column but the name empty: a last row of a name alone is a
    record, its other cells empty, with or without a note under the table."""
    suffix = writer.__name__.removeprefix("write_")
    for note in ([], [["* Liste mise à jour chaque trimestre."]]):
        path = writer(tmp_path / f"sparse.{suffix}", [*rows, [last], *note])
        assert names_read(path) == [rows[1][0], rows[2][0], last]


def test_a_lone_last_company_name_is_a_record_under_full_records(tmp_path: Path) -> None:
    rows = [*GERMAN[:3], ["Brief Versand GmbH"]]
    assert names_read(write_xlsx(tmp_path / "de.xlsx", rows)) == [
        "Wolke GmbH",
        "Zahl AG",
        "Brief Versand GmbH",
    ]


def test_a_heading_with_its_sentence_under_sparse_records_ends_the_table(tmp_path: Path) -> None:
    """Shaped like a record, but a sentence under it: a heading and its text."""
    rows = [*SPARSE_FRENCH, ["Sous-traitants prévus"], ["Aucun pour le moment."]]
    path = write_xlsx(tmp_path / "fr.xlsx", rows)
    assert names_read(path) == ["Hébergeur Santé", "Courriel Express"]


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        # a row merged across a Word table, then records: a section of the table
        (
            [*ENGLISH[:4], ["Planned subprocessors"], ["4", "Chat Desk", "Support chat", "France"]],
            ["Cloud Hosting Ltd", "Mail Sender Inc.", "Error Watch", "Chat Desk"],
        ),
        # a lone row in the column of names, then records
        (
            [*GERMAN[:3], ["", "Geplante Dienste"], ["Post AG", "Briefversand", "Schweiz"]],
            ["Wolke GmbH", "Zahl AG", "Post AG"],
        ),
        # a lone row, a blank row, the header again, then records
        (
            [
                *FRENCH[:3],
                ["Sous-traitants prévus"],
                [],
                FRENCH[0],
                ["Agenda Pro", "RDV", "France"],
            ],
            ["Hébergeur Santé SAS", "Courriel Express", "Agenda Pro"],
        ),
        # a lone row, an intro sentence, then records
        (
            [
                *SPANISH[:3],
                ["Otros proveedores"],
                ["Estos proveedores solo tratan datos de facturación."],
                ["Factura Fácil", "Facturación", "España"],
            ],
            ["Nube Ibérica", "Correo Rápido", "Factura Fácil"],
        ),
    ],
    ids=["en merged row", "de lone row", "fr repeated header", "es intro sentence"],
)
def test_a_lone_row_followed_by_records_stays_inside_the_table(
    tmp_path: Path, rows: Rows, expected: list[str]
) -> None:
    # a Word table's merged row reads as its text in every column; a sheet's as its first cell,
    # which left of the names reads as a record whose spanned cells were flattened (row_spans)
    docx_table = rows[0] == ENGLISH[0]
    path = (write_docx if docx_table else write_xlsx)(
        tmp_path / f"t.{'docx' if docx_table else 'xlsx'}", rows
    )
    assert names_read(path) == expected
