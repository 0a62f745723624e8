"""The agreement column names the transfer tool when no column holds it; Nordic words for
"within the EU" are no transfer outside the EEA.

Written on KAMMAREN's policy ("Leverantör | Syfte | Region | DPA": "DPA + SCC"; "EU-intern, ej
tillämpligt"); the lists here are German and Italian, and the words Danish, Finnish, German.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from importers import propose_mapping, read_records, read_tables
from importers.content import CONTENT_CONFIDENCE
from importers.transfers import parse_mechanism
from workbench.domain.enums import TransferMechanism
from workbench.domain.records import Subprocessor

SCC = TransferMechanism.SCC_EU_2021_914_M2


def read(tmp_path: Path, rows: list[list[str]]) -> tuple[tuple[str | None, float], list[object]]:
    path = tmp_path / "liste.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, delimiter=";").writerows(rows)
    table = read_tables(path)[0]
    mapping = propose_mapping(table)
    column = mapping.columns[-1]
    records = [r.record for r in read_records(table, mapping).rows()]
    return (column.field, column.confidence), [
        r.transfer_mechanism for r in records if isinstance(r, Subprocessor)
    ]


@pytest.mark.parametrize(
    "rows",
    [
        [  # German
            ["Dienstleister", "Leistung", "Standort", "AVV"],
            ["Wolke GmbH", "Hosting", "Deutschland", "AVV vom 1.3.2024"],
            ["Mailer Inc.", "E-Mail-Versand", "USA", "AVV inkl. Standardvertragsklauseln"],
            ["Zahl AG", "Zahlungen", "Schweiz", "AVV"],
        ],
        [  # Italian
            ["Fornitore", "Servizio", "Paese", "DPA"],
            ["Nuvola S.r.l.", "Hosting", "Italia", "DPA firmato"],
            ["Mailer Inc.", "Invio e-mail", "Stati Uniti", "DPA + clausole contrattuali tipo"],
            ["Paga S.p.A.", "Pagamenti", "Italia", "DPA firmato"],
        ],
    ],
    ids=["de", "it"],
)
def test_the_agreement_column_states_the_tool_it_includes(
    tmp_path: Path, rows: list[list[str]]
) -> None:
    column, mechanisms = read(tmp_path, rows)
    assert column == ("transfer_text", CONTENT_CONFIDENCE)
    assert mechanisms == [None, SCC, None]


def test_a_transfer_column_keeps_the_mechanism_and_the_agreement_stays_unmapped(
    tmp_path: Path,
) -> None:
    rows = [
        ["Dienstleister", "Standort", "Garantien", "AVV"],
        ["Wolke GmbH", "Deutschland", "-", "AVV inkl. Standardvertragsklauseln"],
        ["Mailer Inc.", "USA", "Angemessenheitsbeschluss", "AVV"],
        ["Zahl AG", "Schweiz", "Angemessenheitsbeschluss", "AVV"],
    ]
    column, _mechanisms = read(tmp_path, rows)
    assert column[0] is None


@pytest.mark.parametrize(
    "text", ["Inden for EU/EØS", "EU:n sisällä", "EU-interne Verarbeitung", "Inom EU"]
)
def test_within_the_eu_is_no_transfer_outside_the_eea(text: str) -> None:
    assert parse_mechanism(text) is TransferMechanism.NONE_INTRA_EEA
