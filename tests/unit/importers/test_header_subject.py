"""A header naming two fields is about the one it names first (its subject).

Written on Binance's "Legal Basis for our use of personal data (EEA and Switzerland)", read as
the data categories because "personal data" comes first in the vocabulary; the headers here
are French, German, Spanish and English, hand-written.
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
        ("Legal basis for processing your personal data", "legal_basis_text"),
        ("Base légale du traitement des données personnelles", "legal_basis_text"),
        ("Rechtsgrundlage der Verarbeitung personenbezogener Daten", "legal_basis_text"),
        ("Base jurídica del tratamiento de datos personales", "legal_basis_text"),
        # the other way round: the data named first, the basis after it
        ("Personal data processed on a legal basis", "data_categories"),
        ("Données personnelles traitées et base légale", "data_categories"),
    ],
)
def test_a_header_is_about_the_field_it_names_first(header: str, field: str) -> None:
    assert score_header(header, RecordKind.TREATMENTS)[0] == field


def test_a_basis_header_naming_the_data_reads_the_bases(tmp_path: Path) -> None:
    path = tmp_path / "purposes.csv"
    rows = [
        ["Why do we process your data?", "Legal basis for our use of personal data (EEA)"],
        ["Managing your account", "Processing is necessary for the performance of a contract"],
        ["Sending newsletters", "We rely on your consent"],
    ]
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)
    (table,) = read_tables(path)
    records = [r.record for r in read_records(table, propose_mapping(table)).rows()]
    assert all(isinstance(r, Treatment) for r in records)
    assert [getattr(r, "legal_basis", None) for r in records] == [
        LegalBasis.CONTRACT,
        LegalBasis.CONSENT,
    ]
