"""Cells that start with their column's label (a copied responsive web table) are read without it.

Written on Aegean's French table ("Finalité / ActivitéPour vous enregistrer ..."); the tables
here are German and English, hand-written, with the header given once and twice.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from importers import propose_mapping, read_records, read_tables
from importers.repeated_labels import repeated_labels
from workbench.domain.enums import LegalBasis
from workbench.domain.records import Treatment


def treatments(tmp_path: Path, rows: list[list[str]]) -> list[Treatment]:
    path = tmp_path / "zwecke.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, delimiter=";").writerows(rows)
    table = read_tables(path)[0]
    records = [r.record for r in read_records(table, propose_mapping(table)).rows()]
    return [r for r in records if isinstance(r, Treatment)]


GERMAN = [
    ["Zweck der VerarbeitungZweck der Verarbeitung", "RechtsgrundlageRechtsgrundlage"],
    ["Zweck der VerarbeitungVersand des Newsletters", "RechtsgrundlageEinwilligung"],
    ["Zweck der VerarbeitungAbwicklung Ihrer Bestellung", "RechtsgrundlageVertragserfüllung"],
    ["Zweck der VerarbeitungBetrugsprävention", "Rechtsgrundlage berechtigtes Interesse"],
]
ENGLISH = [
    ["Processing activity", "Legal basis"],
    ["Processing activitySending the newsletter", "Legal basisConsent"],
    ["Processing activityHandling your order", "Legal basisPerformance of a contract"],
    ["Processing activityFraud prevention", "Legal basisLegitimate interests"],
]


@pytest.mark.parametrize(
    ("rows", "names"),
    [
        (GERMAN, ["Versand des Newsletters", "Abwicklung Ihrer Bestellung", "Betrugsprävention"]),
        (ENGLISH, ["Sending the newsletter", "Handling your order", "Fraud prevention"]),
    ],
    ids=["de-doubled", "en-once"],
)
def test_a_label_repeated_in_every_cell_is_the_columns_not_the_values(
    tmp_path: Path, rows: list[list[str]], names: list[str]
) -> None:
    found = treatments(tmp_path, rows)
    assert [t.name for t in found] == names
    assert [t.legal_basis for t in found] == [
        LegalBasis.CONSENT,
        LegalBasis.CONTRACT,
        LegalBasis.LEGITIMATE_INTERESTS,
    ]


@pytest.mark.parametrize(
    "head",
    [
        # one column whose cells start with its header is a shared word, not a repeated label
        [["Hosting", "Land"], ["Hosting Frankfurt", "Deutschland"], ["Hosting Paris", "Paris"]],
        # values that start with their header's word and a space, or a number after it
        [["Traitement", "Objet"], ["Traitement 1", "Objet 1"], ["Traitement 2", "Objet 2"]],
        [["Zweck", "Ort"], ["Zweck Versand", "Ort Berlin"], ["Zweck Analyse", "Ort Köln"]],
    ],
)
def test_values_that_share_a_first_word_keep_it(head: list[list[str]]) -> None:
    assert repeated_labels(head) == ()
