"""Header words in Swedish, Danish, Norwegian and Finnish name the fields as the seven languages'
do (`importers.vocabulary_nordic`).

Written on KAMMAREN's ("Leverantör | Funktion | Dataplacering | Överföringsmekanism") and
Gaarsdal's ("Databehandler | Rolle | Land | Overførselsgrundlag") lists. Without them a header
of the first table row mapped one column at most, and the row under it, whose cells the content
reads as a name, a place and a transfer tool, was taken as the header. The lists here are
Norwegian and Finnish, hand-written.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from importers import propose_mapping, read_records, read_tables
from importers.mapping import score_header
from importers.model import RecordKind
from workbench.domain.enums import TransferMechanism
from workbench.domain.records import Subprocessor

S, T = RecordKind.SUBPROCESSORS, RecordKind.TREATMENTS


def read(tmp_path: Path, rows: list[list[str]]) -> tuple[list[str | None], list[Subprocessor]]:
    path = tmp_path / "leverandorer.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, delimiter=";").writerows(rows)
    table = read_tables(path)[0]
    mapping = propose_mapping(table)
    records = [r.record for r in read_records(table, mapping).rows()]
    return [c.field for c in mapping.columns], [r for r in records if isinstance(r, Subprocessor)]


@pytest.mark.parametrize(
    "rows",
    [
        [  # Norwegian
            ["Leverandør", "Funksjon", "Plassering", "Overføringsgrunnlag"],
            ["Nordhost AS", "Drift av servere", "Norge", "EØS-intern"],
            ["Mailpost Inc.", "Utsending av e-post", "USA", "SCC"],
            ["Tolk AB", "Oversettelse", "Sverige", "EØS-intern"],
        ],
        [  # Finnish
            ["Toimittaja", "Palvelu", "Sijainti", "Siirtoperuste"],
            ["Pilvi Oy", "Palvelinten ylläpito", "Suomi", "-"],
            ["Mailpost Inc.", "Sähköpostien lähetys", "USA", "SCC"],
            ["Kone AB", "Käännökset", "Ruotsi", "-"],
        ],
    ],
    ids=["no", "fi"],
)
def test_a_nordic_header_row_heads_its_table(tmp_path: Path, rows: list[list[str]]) -> None:
    fields, records = read(tmp_path, rows)
    assert fields == ["name", "service_description", "location_text", "transfer_text"]
    assert [r.name for r in records] == [row[0] for row in rows[1:]]
    assert records[1].transfer_mechanism is TransferMechanism.SCC_EU_2021_914_M2


@pytest.mark.parametrize(
    "header", ["Overførselsgrundlag", "Overføringsgrunnlag", "Överföringsmekanism", "Siirtoperuste"]
)
def test_the_basis_of_a_transfer_is_its_mechanism_not_a_legal_basis(header: str) -> None:
    assert score_header(header, S)[0] == "transfer_text"


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Rättslig grund", "legal_basis_text"),
        ("Retsgrundlag", "legal_basis_text"),
        ("Käsittelyperuste", "legal_basis_text"),
        ("Formål", "purpose"),
        ("Kategorier av registrerade", "data_subjects"),
        ("Modtagere", "recipients"),
        ("Säilytysaika", "retention.text"),
    ],
)
def test_treatment_headers_of_the_nordic_languages(header: str, field: str) -> None:
    assert score_header(header, T)[0] == field
