""" "Data processed" in the seven languages ("Verwerkte data", "Verarbeitete Daten", "Datos
tratados", "Dati trattati", "Dados tratados") heads the categories of data, never the name: a
list whose name column has no header is named by its first column, not by the data it lists.

Written on CVeetje's Dutch page ("| Doel | Verwerkte data | Locatie | Waarborg", the card titles
in a first column without header), whose records were named by their data ("Account- en
profielgegevens, CV-content, ..."); the tables here are German, Spanish, Italian and
Portuguese, hand-written (those named surely by their first column already, kept as guards),
and Dutch sheets.
"""

from __future__ import annotations

from pathlib import Path

import docx
import openpyxl
import pytest

from importers import propose_mapping, read_records, read_tables
from importers.mapping import score_header
from importers.model import RecordKind
from workbench.domain.records import Subprocessor


@pytest.mark.parametrize(
    "header",
    [
        "Verwerkte data",
        "Verwerkte gegevens",
        "Verarbeitete Daten",
        "Datos tratados",
        "Dati trattati",
        "Dados tratados",
        "Processed data",
    ],
)
@pytest.mark.parametrize("kind", [RecordKind.SUBPROCESSORS, RecordKind.TREATMENTS])
def test_data_processed_names_the_data_categories(header: str, kind: RecordKind) -> None:
    assert score_header(header, kind)[0] == "data_categories"


TABLES = {
    "de": (
        ["", "Zweck", "Verarbeitete Daten", "Standort"],
        [
            ["Hetzner Online GmbH", "Hosting", "Kontodaten, Protokolle, Uploads", "Deutschland"],
            [
                "Brevo SAS",
                "E-Mail-Versand",
                "E-Mail-Adresse, Name, Inhalt der E-Mail",
                "Frankreich",
            ],
            ["Stripe, Inc.", "Zahlungen", "Name, E-Mail-Adresse, Zahlungsbetrag", "USA"],
        ],
    ),
    "es": (
        ["", "Finalidad", "Datos tratados", "Ubicación"],
        [
            [
                "Amazon Web Services EMEA SARL",
                "Alojamiento",
                "Cuenta, registros, archivos",
                "Irlanda",
            ],
            ["Brevo SAS", "Envío de correos", "Correo electrónico, nombre, contenido", "Francia"],
            ["Stripe, Inc.", "Pagos", "Nombre, correo electrónico, importe", "Estados Unidos"],
        ],
    ),
    "it": (
        ["", "Finalità", "Dati trattati", "Paese"],
        [
            ["Aruba S.p.A.", "Hosting", "Dati dell'account, log, file caricati", "Italia"],
            ["Brevo SAS", "Invio di e-mail", "Indirizzo e-mail, nome, contenuto", "Francia"],
            ["Stripe, Inc.", "Pagamenti", "Nome, indirizzo e-mail, importo", "Stati Uniti"],
        ],
    ),
    "pt": (
        ["", "Finalidade", "Dados tratados", "País"],
        [
            ["OVH Hispano S.L.", "Alojamento", "Dados da conta, registos, ficheiros", "Espanha"],
            ["Brevo SAS", "Envio de e-mails", "Endereço de e-mail, nome, conteúdo", "França"],
            ["Stripe, Inc.", "Pagamentos", "Nome, endereço de e-mail, montante", "Estados Unidos"],
        ],
    ),
}


@pytest.mark.parametrize("language", sorted(TABLES))
def test_a_list_without_a_name_header_is_named_by_its_first_column(
    tmp_path: Path, language: str
) -> None:
    header, rows = TABLES[language]
    document = docx.Document()
    table = document.add_table(rows=0, cols=len(header))
    for cells in (header, *rows):
        for cell, value in zip(table.add_row().cells, cells, strict=True):
            cell.text = value
    path = tmp_path / f"liste_{language}.docx"
    document.save(str(path))
    names = [
        r.record.name
        for found in read_tables(path)
        for r in read_records(found, propose_mapping(found)).rows()
        if isinstance(r.record, Subprocessor)
    ]
    assert names == [row[0] for row in rows]


# The Dutch headers a letter or two from "verwerker" (processor): read by their sound as the
# name before the phrase was known, so these lists were named by their data
DUTCH = {
    "Verwerkte data": [
        ["TransIP B.V.", "Hosting", "Accountgegevens, logbestanden", "Nederland"],
        ["Mollie B.V.", "Betalingen", "Naam, e-mailadres, bedrag", "Nederland"],
        ["Mailgun Technologies, Inc.", "E-mail", "E-mailadres, onderwerp", "Verenigde Staten"],
    ],
    "Verwerkte persoonsgegevens": [
        ["Leaseweb Netherlands B.V.", "Hosting", "Accountgegevens, uploads", "Nederland"],
        ["Postmark (ActiveCampaign, LLC)", "E-mail", "E-mailadres, inhoud", "Verenigde Staten"],
        ["Sentry (Functional Software, Inc.)", "Foutmeldingen", "IP-adres, browser", "Duitsland"],
    ],
}


@pytest.mark.parametrize("data_header", sorted(DUTCH))
def test_a_dutch_sheet_is_named_by_its_first_column(tmp_path: Path, data_header: str) -> None:
    rows = DUTCH[data_header]
    book = openpyxl.Workbook()
    book.active.append(["Subverwerkers"])
    book.active.append(["", "Doel", data_header, "Locatie"])
    for row in rows:
        book.active.append(row)
    path = tmp_path / "subverwerkers.xlsx"
    book.save(str(path))
    names = [
        r.record.name
        for found in read_tables(path)
        for r in read_records(found, propose_mapping(found)).rows()
        if isinstance(r.record, Subprocessor)
    ]
    assert names == [row[0] for row in rows]
