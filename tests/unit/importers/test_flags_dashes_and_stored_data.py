"""Rules written after the twentieth held-out set's misses, each on cells of other languages
than the Italian and English files they were seen in:

- a flag emoji is the country whose ISO code its two letters spell ("Deutschland 🇩🇪");
- a region, a dash, then one of its countries or a city the register knows ("EU — Paris",
  "UE – Alemania") is that place, as "EU (Paris)" is; another country after the dash is a
  second place ("EU – US");
- a country's code in capitals followed only by the words for where servers stand ("US
  datacenters", "DE-Server") is that country;
- the data stored, kept or hosted only in the EU is no transfer outside the EEA (Art. 44), and
  "no third-country transfer" too.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from importers.transfers import parse_mechanism
from tests.unit.importers.place_tables import codes, csv_subprocessors
from workbench.domain.enums import TransferMechanism


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Deutschland 🇩🇪", ["DE"]),
        ("🇫🇷", ["FR"]),
        ("Irlande 🇮🇪, États-Unis 🇺🇸", ["IE", "US"]),
        ("EU — Paris", ["FR"]),
        ("UE – Alemania", ["DE"]),
        ("EU — Amsterdam 🇳🇱", ["NL"]),
        ("EU – US", ["EU"]),  # a third country after the dash: not inside the region
        ("EU/US datacenters", ["EU", "US"]),
        ("FR servers", ["FR"]),
        ("DE Rechenzentrum", ["DE"]),
        ("US customers", []),  # whom it serves, not where the servers are
    ],
)
def test_flags_dashes_and_codes_before_server_words(text: str, expected: list[str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    "cell",
    [
        "Data stored only in the EU",
        "Les données sont hébergées uniquement dans l'UE",
        "Los datos almacenados exclusivamente en la UE",
        "Os dados armazenados apenas na UE",
        "Gegevens opgeslagen uitsluitend in de EU",
        "Provider established in the EU — no third-country transfer",
    ],
)
def test_data_stored_only_in_the_eu_is_no_transfer(cell: str) -> None:
    assert parse_mechanism(cell) is TransferMechanism.NONE_INTRA_EEA


def test_data_stored_elsewhere_is_no_reading() -> None:
    assert parse_mechanism("Data stored in the US") is None


@pytest.mark.parametrize(
    "header",
    [
        "Mécanisme de garantie",
        "Meccanismo di garanzia",
        "Mecanismo de transferência",
        "Doorgiftemechanisme",
        "Safeguard mechanism",
    ],
)
def test_the_tools_own_name_for_its_column(tmp_path: Path, header: str) -> None:
    """Written after the twenty-first set's one miss (Ariven's Spanish "Mecanismo de garantía"
    column, unmapped): the same header in the other languages."""
    (record,) = csv_subprocessors(
        tmp_path,
        [["Name", "Location", header], ["Nuage Inc.", "USA", "Standard contractual clauses"]],
    )
    assert record.transfer_mechanism is TransferMechanism.SCC_EU_2021_914_M2


@pytest.mark.parametrize(
    "cell",
    [
        "Not applicable (processing within the EEA)",
        "Sans objet (traitement au sein de l'UE)",
        "Entfällt (Verarbeitung innerhalb der EU)",
        "Non applicabile (trattamento all'interno dell'UE)",
        "Não se aplica (tratamento dentro da UE)",
    ],
)
def test_the_processing_within_the_eea_is_no_transfer(cell: str) -> None:
    """Written after the twenty-second set's Spanish "No aplica (tratamiento dentro del EEE)"."""
    assert parse_mechanism(cell) is TransferMechanism.NONE_INTRA_EEA


@pytest.mark.parametrize(
    "text", ["Legítimo interesse (art. 7º, IX)", "Legítimo interés", "Légitime intérêt"]
)
def test_legitimate_interest_with_the_adjective_first(text: str) -> None:
    """Written after the twenty-second set's Portuguese "Legítimo interesse"."""
    from importers.legal_basis import parse_legal_basis
    from workbench.domain.enums import LegalBasis

    assert parse_legal_basis(text) is LegalBasis.LEGITIMATE_INTERESTS
