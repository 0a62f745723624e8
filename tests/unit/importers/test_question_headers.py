"""A header asking the reader's question names its field by its first words.

Written on Vodafone's "How is your information used? | What data is used? | Lawful basis"; the
tables here are German and Spanish, hand-written.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from importers import propose_mapping, read_records, read_tables
from importers.mapping import score_header
from importers.model import RecordKind
from workbench.domain.enums import LegalBasis
from workbench.domain.records import Treatment


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Welche Daten verwenden wir?", "data_categories"),
        ("¿Qué datos utilizamos?", "data_categories"),
        ("Quelles données collectons-nous ?", "data_categories"),
        ("Wie verwenden wir Ihre Daten?", "purpose"),
        ("Hoe gebruiken wij uw gegevens?", "purpose"),
    ],
)
def test_a_question_header_names_its_field(header: str, field: str) -> None:
    assert score_header(header, RecordKind.TREATMENTS)[0] == field


def test_a_table_headed_by_questions_reads_as_treatments(tmp_path: Path) -> None:
    path = tmp_path / "zwecke.csv"
    rows = [
        ["Wie verwenden wir Ihre Daten?", "Welche Daten verwenden wir?", "Rechtsgrundlage"],
        ["Bestellungen abwickeln", "Kontaktdaten", "Vertragserfüllung"],
        ["Newsletter versenden", "E-Mail-Adresse", "Einwilligung"],
        ["Betrug verhindern", "Zahlungsdaten", "Berechtigtes Interesse"],
    ]
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, delimiter=";").writerows(rows)
    table = read_tables(path)[0]
    mapping = propose_mapping(table)
    assert mapping.kind is RecordKind.TREATMENTS
    found = [r.record for r in read_records(table, mapping).rows()]
    treatments = [t for t in found if isinstance(t, Treatment)]
    assert [t.name for t in treatments] == [r[0] for r in rows[1:]]
    assert [t.legal_basis for t in treatments] == [
        LegalBasis.CONTRACT,
        LegalBasis.CONSENT,
        LegalBasis.LEGITIMATE_INTERESTS,
    ]
