""" "Rechtsgrondslag", the Dutch GDPR's word for the legal basis (AVG art. 6), heads the basis
column surely, so that a Dutch purposes table stays the first table of its sheet when a table
scoring higher follows it.

Written while reading CVeetje's Dutch list: once "Verwerkte gegevens" named the data, xAI
Workspace's "Doel | Rechtsgrondslag" table (its basis header only a fuzzy reading of
"rechtsgrond") lost its place to the table of countries under it; the tables here are
hand-written.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from importers import propose_mapping, read_records, read_tables
from importers.mapping import score_header
from importers.model import RecordKind
from importers.tables import NEW_HEADER_CONFIDENCE
from workbench.domain.enums import LegalBasis
from workbench.domain.records import Subprocessor, Treatment


@pytest.mark.parametrize("header", ["Rechtsgrondslag", "Rechtsgrondslagen", "Wettelijke grondslag"])
def test_the_dutch_word_names_the_basis_surely(header: str) -> None:
    field, confidence = score_header(header, RecordKind.TREATMENTS)
    assert field == "legal_basis_text"
    assert confidence >= NEW_HEADER_CONFIDENCE


def test_a_dutch_purposes_table_above_a_list_of_subverwerkers(tmp_path: Path) -> None:
    rows = [
        ["Waarom wij je gegevens verwerken"],
        ["Doel", "Rechtsgrondslag"],
        ["De dienst leveren", "AVG art. 6 lid 1 sub b — uitvoering van een overeenkomst"],
        ["Nieuwsbrief versturen", "AVG art. 6 lid 1 sub a — toestemming"],
        ["Fraude voorkomen", "AVG art. 6 lid 1 sub f — gerechtvaardigd belang"],
        ["Met wie wij je gegevens delen"],
        ["Subverwerker", "Doel", "Locatie", "Waarborgen"],
        ["TransIP B.V.", "Hosting", "Nederland", "Geen doorgifte"],
        ["Mailgun Technologies, Inc.", "E-mail", "Verenigde Staten", "EU-modelcontractbepalingen"],
    ]
    path = tmp_path / "privacy.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle, delimiter=";").writerows(rows)
    records = [
        r.record
        for table in read_tables(path)
        for r in read_records(table, propose_mapping(table)).rows()
    ]
    treatments = [t for t in records if isinstance(t, Treatment)]
    assert [(t.name, t.legal_basis) for t in treatments] == [
        ("De dienst leveren", LegalBasis.CONTRACT),
        ("Nieuwsbrief versturen", LegalBasis.CONSENT),
        ("Fraude voorkomen", LegalBasis.LEGITIMATE_INTERESTS),
    ]
    assert [s.name for s in records if isinstance(s, Subprocessor)] == [
        "TransIP B.V.",
        "Mailgun Technologies, Inc.",
    ]
