"""A subprocessor's name cell with the postal address on the same line after commas: the name
is the company, the address the rest (kept as the address, marked inferred), in the seven
languages; a name that holds a comma itself keeps it."""

from __future__ import annotations

from pathlib import Path

import pytest

from importers import propose_mapping, read_records, read_tables
from importers.subprocessor_cells import split_name_address
from workbench.domain.records import Subprocessor


@pytest.mark.parametrize(
    ("cell", "name", "address"),
    [
        (
            "Dupont Hébergement SAS, 12 rue de la Paix, 75002 Paris, France",
            "Dupont Hébergement SAS",
            "12 rue de la Paix\n75002 Paris\nFrance",
        ),
        ("Wolke GmbH, Hauptstraße 3, 10115 Berlin", "Wolke GmbH", "Hauptstraße 3\n10115 Berlin"),
        (
            "Nubes Datos, S.L., Calle Mayor 5, 28013 Madrid, España",
            "Nubes Datos, S.L.",
            "Calle Mayor 5\n28013 Madrid\nEspaña",
        ),
        ("Nuvola S.r.l., Via Roma 10, 20121 Milano", "Nuvola S.r.l.", "Via Roma 10\n20121 Milano"),
        (
            "Nuvem, Lda., Rua Augusta 20, 1100-053 Lisboa, Portugal",
            "Nuvem, Lda.",
            "Rua Augusta 20\n1100-053 Lisboa\nPortugal",
        ),
        (
            "Wolk B.V., Keizersgracht 100, 1015 AA Amsterdam",
            "Wolk B.V.",
            "Keizersgracht 100\n1015 AA Amsterdam",
        ),
        (
            "Stripe, Inc., 510 Townsend Street, San Francisco, CA 94103, USA",
            "Stripe, Inc.",
            "510 Townsend Street\nSan Francisco\nCA 94103\nUSA",
        ),
    ],
)
def test_the_address_after_the_names_comma_is_the_address(
    cell: str, name: str, address: str
) -> None:
    assert split_name_address(cell) == (name, address)


@pytest.mark.parametrize(
    "cell",
    [
        "Stripe, Inc.",
        "Amazon Web Services EMEA SARL",
        "Nubes Datos, S.L.",
        "Dupont & Fils, SA",
        "8x8, Inc.",
        "Wolke GmbH, Deutschland",  # a country is no postal address
        "Company, 2 Sisters Food Group",
    ],
)
def test_a_name_holding_a_comma_keeps_it(cell: str) -> None:
    assert split_name_address(cell) == (cell, "")


def test_the_list_keeps_the_company_as_the_name_and_the_rest_as_its_address(
    tmp_path: Path,
) -> None:
    path = tmp_path / "unterauftragnehmer.csv"
    path.write_text(
        "Unterauftragnehmer;Leistung;Standort\n"
        "Wolke GmbH, Hauptstraße 3, 10115 Berlin;Hosting;Deutschland\n"
        "Stripe, Inc.;Zahlungen;USA\n",
        encoding="utf-8",
    )
    table = read_tables(path)[0]
    rows = list(read_records(table, propose_mapping(table)).rows())
    records = [r.record for r in rows]
    assert all(isinstance(r, Subprocessor) for r in records)
    assert [r.name for r in records] == ["Wolke GmbH", "Stripe, Inc."]
    first = records[0]
    assert isinstance(first, Subprocessor)
    assert first.address == "Hauptstraße 3\n10115 Berlin"
    mark = next(m for m in first.unconfirmed if m.field == "address")
    assert "comma" in mark.note
