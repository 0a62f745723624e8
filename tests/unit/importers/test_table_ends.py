"""Several tables on one sheet or in one CSV, the next one's header unknown to the vocabulary.

Tables written here in several languages and layouts, as a page saved as a sheet keeps them: a
table, then a heading, sentences and bullet lines, then a table of countries or a version
history (which hold no record), or a second list of subprocessors under weak headers."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from openpyxl import Workbook

from importers import propose_mapping, read_records, read_tables
from importers.model import RecordKind
from importers.table_ends import header_like
from workbench.domain.errors import UnreadableFileError

Rows = list[list[str]]

SPANISH = [
    ["Por qué tratamos tus datos"],
    ["Finalidad", "Base legal"],
    ["Gestión de clientes", "Art. 6(1)(b) RGPD — ejecución de un contrato"],
    ["Boletín", "Art. 6(1)(a) RGPD — consentimiento"],
    ["Con quién compartimos tus datos"],
    ["Utilizamos los siguientes proveedores:"],
    ["- Hoster (Francia) — aloja la base de datos"],
    ["- Mailer (Estados Unidos) — envía los correos"],
    ["Transferencias internacionales"],
    ["País", "Destinatarios", "Datos transferidos"],
    ["Francia", "Hoster", "Todos los datos"],
    ["Estados Unidos", "Mailer", "Direcciones de correo"],
]
ENGLISH = [
    ["Purpose", "Categories of data", "Retention", "Legal basis"],
    ["Customer support", "Name, e-mail", "3 years", "Legitimate interest"],
    ["Payroll", "Bank details", "5 years", "Legal obligation"],
    ["Other processing"],
    [],
    ["Newsletter", "E-mail", "Until unsubscribed", "Consent"],
    ["Version history"],
    [],
    ["Version number", "Change description", "Date"],
    ["1.0", "Document created", ""],
    ["2.0", "Document updated", "25.2.2022"],
]
DUTCH = [
    ["Gegevensverwerking door providers"],
    ["Wanneer u de dienst gebruikt, worden uw gegevens verwerkt door:"],
    ["Provider", "Regio", "Beleid voor gegevensbewaring"],
    ["Wolk BV", "Nederland", "30 dagen bewaard"],
    ["Rekenkracht Inc.", "Verenigde Staten", "Niet bewaard"],
    ["Wij gebruiken uitsluitend zakelijke toegang."],
    ["Subverwerkers"],
    ["Subverwerker", "Doel", "Locatie"],
    ["Betaal Ltd", "Betalingsverwerking", "Ierland"],
]
GERMAN = [
    ["KI-Anbieter"],
    ["Anbieter", "Gebiet", "Hinweise"],
    ["Wolke GmbH", "Deutschland", "Keine Speicherung"],
    ["Rechner Inc.", "Vereinigte Staaten", "30 Tage"],
    ["Wir nutzen nur geschäftliche Zugänge."],
    ["Unterauftragsverarbeiter"],
    ["Unterauftragsverarbeiter", "Zweck", "Standort"],
    ["Zahl AG", "Zahlungen", "Österreich"],
]


def write_xlsx(path: Path, rows: Rows) -> Path:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row or [None])
    book.save(path)
    return path


def records(path: Path) -> list[tuple[RecordKind, str]]:
    found = []
    for table in read_tables(path):
        mapping = propose_mapping(table)
        found += [(mapping.kind, r.record.name) for r in read_records(table, mapping).rows()]
    return found


def test_a_table_ends_at_the_text_under_it_and_a_table_of_countries_is_no_record(
    tmp_path: Path,
) -> None:
    found = records(write_xlsx(tmp_path / "es.xlsx", SPANISH))
    assert found == [
        (RecordKind.TREATMENTS, "Gestión de clientes"),
        (RecordKind.TREATMENTS, "Boletín"),
    ]


def test_a_version_history_under_the_table_is_no_record(tmp_path: Path) -> None:
    names = [name for _kind, name in records(write_xlsx(tmp_path / "en.xlsx", ENGLISH))]
    # the lone section row inside the table, followed by a record of its shape, stays inside
    assert names == ["Customer support", "Payroll", "Newsletter"]


FRENCH_VERSIONS = [
    ["Finalité", "Base légale", "Durée de conservation"],
    ["Gestion des clients", "Exécution du contrat", "3 ans"],
    ["Prospection", "Consentement", "3 ans après le dernier contact"],
    ["Historique des versions"],
    [],
    ["Version", "Modification", "Date"],
    ["1.0", "Création du document", "12/03/2021"],
    ["1.1", "Ajout de la prospection", "05/01/2023"],
]
GERMAN_VERSIONS = [
    ["Zweck", "Rechtsgrundlage", "Speicherdauer"],
    ["Kundenverwaltung", "Vertragserfüllung", "3 Jahre"],
    ["Newsletter", "Einwilligung", "Bis zum Widerruf"],
    ["Änderungshistorie"],
    ["Version", "Änderung", "Datum"],
    ["2.0", "Neufassung", "1.3.2024"],
    ["2.1", "Newsletter ergänzt", "4.6.2025"],
]


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        (FRENCH_VERSIONS, ["Gestion des clients", "Prospection"]),
        (GERMAN_VERSIONS, ["Kundenverwaltung", "Newsletter"]),
    ],
    ids=["fr", "de"],
)
def test_a_version_history_as_wide_as_the_table_is_no_record(
    tmp_path: Path, rows: Rows, expected: list[str]
) -> None:
    """Same width as the table above: the numbered rows under its labels tell another table."""
    assert [name for _kind, name in records(write_xlsx(tmp_path / "v.xlsx", rows))] == expected


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        # "Regio" is a known header: two sure fields
        (DUTCH, ["Wolk BV", "Rekenkracht Inc.", "Betaal Ltd"]),
        # only "Anbieter" is known; the countries under "Gebiet" tell the location
        (GERMAN, ["Wolke GmbH", "Rechner Inc.", "Zahl AG"]),
    ],
    ids=["nl header", "de content"],
)
def test_a_first_table_under_weak_headers_is_found_above_a_known_one(
    tmp_path: Path, rows: Rows, expected: list[str]
) -> None:
    found = records(write_xlsx(tmp_path / "list.xlsx", rows))
    assert [name for _kind, name in found] == expected
    assert {kind for kind, _name in found} == {RecordKind.SUBPROCESSORS}


@pytest.mark.parametrize(
    ("language", "rows"),
    [("es", SPANISH), ("en", ENGLISH), ("nl", DUTCH)],
)
def test_a_csv_of_several_tables_of_different_widths_reads_like_the_sheet(
    tmp_path: Path, language: str, rows: Rows
) -> None:
    """Each table has its own width; the lone lines between them are written with one field,
    as a CSV writer writes a row of one cell (no padding to the widest table)."""
    csv = tmp_path / f"{language}.csv"
    csv.write_text("\n".join(";".join(r) for r in rows) + "\n", encoding="utf-8")
    assert records(csv) == records(write_xlsx(tmp_path / f"{language}.xlsx", rows))


def test_a_row_short_of_its_own_table_is_still_refused(tmp_path: Path) -> None:
    csv = tmp_path / "bad.csv"
    csv.write_text(
        "Name;Country\nA;France\n\nName;Service;Country\nB;Mail;Spain\nC;Spain\n",
        encoding="utf-8",
    )
    with pytest.raises(UnreadableFileError, match="line 6: 2 fields where the header has 3"):
        read_tables(csv)


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        (["Version number", "Change description", "Date"], True),
        (["País", "Destinatarios", "Datos transferidos"], True),
        (["Acme SAS", "Hébergement des données de santé.", "France"], False),
        (["1.0", "Document created"], False),
        (["Wolke GmbH", "Wolke GmbH"], False),
        (["Customer support", "Name, e-mail\nPhone"], False),
    ],
)
def test_a_header_is_short_distinct_labels(row: list[str], expected: bool) -> None:
    assert header_like(row) is expected


def test_a_first_table_under_a_long_preamble_is_found(tmp_path: Path) -> None:
    # written on KAMMAREN's register (its sub-processors under three fiches, row 39): here a
    # German list under 34 rows of notes, hand-written
    preamble = [[f"Hinweis {n}: diese Liste wird jährlich geprüft."] for n in range(34)]
    rows = [
        *preamble,
        ["Dienstleister", "Standort", "Garantien"],
        ["Wolke GmbH", "Deutschland", "-"],
        ["Mailer Inc.", "USA", "Standardvertragsklauseln"],
    ]
    path = tmp_path / "liste.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, delimiter=";").writerows(rows)
    table = read_tables(path)[0]
    assert table.header_row == len(preamble)
    names = [r.record.name for r in read_records(table, propose_mapping(table)).rows()]
    assert names == ["Wolke GmbH", "Mailer Inc."]
