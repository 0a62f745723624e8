"""A table's first column is its names when no header names them: told by place and content.

Written on Ryanair's recipients ("Compagnie Ryanair | Type de données | Base du transfert ...",
a header naming the kind of recipient) and Perplexity's treatments ("Context | Examples of
Personal data | Primary Purpose and Legal Basis"). The tables here are other layouts in other
languages; the name so told is a guess (its confidence is the position one, shown amber), and
a header over the names that names no field heads their section.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from importers import propose_mapping, read_records, read_tables
from importers.content import POSITION_CONFIDENCE, first_column_name
from importers.mapping import map_headers, score_header
from importers.model import ImportedRow, RecordKind
from workbench.domain.enums import (
    InferenceOrigin,
    LegalBasis,
    SubprocessorCategory,
    TransferMechanism,
)
from workbench.domain.records import Subprocessor

T, S = RecordKind.TREATMENTS, RecordKind.SUBPROCESSORS


def read(tmp_path: Path, rows: list[list[str]]) -> tuple[RecordKind, float, list[ImportedRow]]:
    path = tmp_path / "table.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, delimiter=";").writerows(rows)
    table = read_tables(path)[0]
    mapping = propose_mapping(table)
    assert mapping.columns[0].field == "name"
    return mapping.kind, mapping.columns[0].confidence, list(read_records(table, mapping).rows())


GERMAN_TREATMENTS = [
    ["Kontext", "Rechtsgrundlage", "Speicherdauer"],
    ["Kundenkonto", "Wir verarbeiten diese Daten zur Vertragserfüllung.", "Bis zur Löschung"],
    ["Newsletter", "Ihre Einwilligung, die Sie jederzeit widerrufen können.", "Bis zum Widerruf"],
    ["Bewerbungen", "Unser berechtigtes Interesse an der Auswahl der Bewerber.", "Sechs Monate"],
]
ITALIAN_TREATMENTS = [
    ["Contesto", "Categorie di dati", "Base giuridica"],
    ["Iscrizione alla newsletter", "Indirizzo e-mail e preferenze di invio", "Consenso"],
    ["Gestione degli ordini", "Nome, indirizzo di consegna e telefono", "Esecuzione del contratto"],
]


@pytest.mark.parametrize(
    ("rows", "bases"),
    [
        (
            GERMAN_TREATMENTS,
            [LegalBasis.CONTRACT, LegalBasis.CONSENT, LegalBasis.LEGITIMATE_INTERESTS],
        ),
        (ITALIAN_TREATMENTS, [LegalBasis.CONSENT, LegalBasis.CONTRACT]),
    ],
)
def test_treatments_named_by_their_first_column(
    tmp_path: Path, rows: list[list[str]], bases: list[LegalBasis]
) -> None:
    kind, confidence, read_rows = read(tmp_path, rows)
    assert (kind, confidence) == (T, POSITION_CONFIDENCE)  # "Kontext" is no "Kontakt"
    assert [r.record.name for r in read_rows] == [r[0] for r in rows[1:]]
    assert [getattr(r.record, "legal_basis", None) for r in read_rows] == bases


def test_a_recipients_table_headed_by_the_kind_of_recipient(tmp_path: Path) -> None:
    rows = [
        ["Terceros", "Categorías de datos", "Garantías"],  # Spanish: "third parties"
        [
            "Empresas de mensajería que entregan los pedidos",
            "Nombre, dirección de entrega y teléfono del cliente",
            "N/A",
        ],
        [
            "Entidades bancarias y proveedores de pago",
            "Datos de la tarjeta y de los pagos",
            "Cláusulas contractuales tipo",
        ],
    ]
    kind, confidence, read_rows = read(tmp_path, rows)
    assert (kind, confidence) == (S, POSITION_CONFIDENCE)
    assert [r.record.name for r in read_rows] == [r[0] for r in rows[1:]]
    assert [getattr(r.record, "transfer_mechanism", None) for r in read_rows] == [
        TransferMechanism.NONE,
        TransferMechanism.SCC_EU_2021_914_M2,
    ]


def test_the_header_over_the_names_is_their_section(tmp_path: Path) -> None:
    _kind, _confidence, read_rows = read(
        tmp_path,
        [
            ["Hosting providers", "Categories of personal data", "Safeguards"],
            [
                "The data centre operators that keep our servers",
                "Logs and backups of the platform",
                "N/A",
            ],
            [
                "The teams that run our databases for us",
                "Customer records and their history",
                "N/A",
            ],
        ],
    )
    for row in read_rows:
        assert getattr(row.record, "category", None) is SubprocessorCategory.HOSTING
        mark = next(m for m in row.record.unconfirmed if m.field == "category")
        assert mark.origin is InferenceOrigin.RULE
        assert mark.source_text == "Hosting providers"
        assert mark.row == 1  # the header's row


def test_a_first_column_of_descriptions_beside_short_values_is_no_name() -> None:
    mapping = map_headers(("Quoi", "Base légale", "Durée de conservation"), T)
    rows = [
        (
            "Ce traitement permet de gérer la paie de tous les salariés et leurs primes",
            "Contrat",
            "5 ans",
        ),
        (
            "Ce traitement permet de gérer les candidatures reçues par les ressources humaines",
            "Consentement",
            "2 ans",
        ),
    ]
    assert first_column_name(mapping, rows) is None
    numbers = [("1", "Consentement", "3 ans"), ("2", "Contrat de travail", "5 ans")]
    assert first_column_name(mapping, numbers) is None  # a number labels nothing


def test_a_short_word_a_letter_off_a_synonym_is_another_word() -> None:
    assert score_header("Context", S)[0] is None  # not "Contact"
    assert score_header("Kontext", T)[0] is None
    assert score_header("Unterauftragsverhältnisse", S)[0] == "name"  # a long compound's stem


@pytest.mark.parametrize(
    "rows",
    [
        [  # German: transfers keyed by the activity
            ["Tätigkeit", "Empfängerland", "Geeignete Garantien"],
            ["Kundenservice", "Marokko", "Standardvertragsklauseln"],
            ["Webanalyse", "Vereinigte Staaten", "Standardvertragsklauseln"],
            ["Inkasso", "Tunesien", "Standardvertragsklauseln"],
        ],
        [  # Spanish
            ["Actividad", "País de destino", "Garantías"],
            ["Atención al cliente", "Marruecos", "Cláusulas contractuales tipo"],
            ["Analítica web", "Estados Unidos", "Cláusulas contractuales tipo"],
            ["Cobro de deudas", "Túnez", "Cláusulas contractuales tipo"],
        ],
    ],
    ids=["de", "es"],
)
def test_a_recipients_table_keyed_by_activity_is_named_by_it(
    tmp_path: Path, rows: list[list[str]]
) -> None:
    kind, confidence, found = read(tmp_path, rows)
    assert kind is S
    assert confidence == POSITION_CONFIDENCE
    assert [r.record.name for r in found] == [row[0] for row in rows[1:]]
    records = [r.record for r in found if isinstance(r.record, Subprocessor)]
    assert [[loc.code for loc in r.locations] for r in records] == [["MA"], ["US"], ["TN"]]
    assert {r.transfer_mechanism for r in records} == {TransferMechanism.SCC_EU_2021_914_M2}
