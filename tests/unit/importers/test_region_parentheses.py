"""A region followed by a parenthesis naming a city and its country is that country: the
parenthesis says where in the region the data lies ("europe-west4 (Eemshaven, Nederland)",
"Europe (Paris, France)"), and its comma does not separate two places.

Written on CVeetje's "europe-west4 (Eemshaven, Nederland)"; the cells here are French, German,
Spanish, Italian and Portuguese, hand-written.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from importers import propose_mapping, read_records, read_tables
from importers.countries import parse_locations
from workbench.domain.records import Subprocessor


@pytest.mark.parametrize(
    ("cell", "codes"),
    [
        ("Europe (Paris, France)", ["FR"]),
        ("EU (Frankfurt am Main, Deutschland)", ["DE"]),
        ("europe-southwest1 (Madrid, España)", ["ES"]),
        ("Europa (Milano, Italia)", ["IT"]),
        ("Europa (Lisboa, Portugal)", ["PT"]),
        ("UE (Roubaix, France)", ["FR"]),
    ],
)
def test_a_region_with_its_city_and_country_is_the_country(cell: str, codes: list[str]) -> None:
    assert [location.code for location in parse_locations(cell)] == codes


@pytest.mark.parametrize(
    ("cell", "codes"),
    [
        # two countries in the parenthesis: both are places, beside the region
        ("UE (Irlande, Allemagne)", ["EU", "IE", "DE"]),
        # two cities of two countries: the parenthesis does not say one place
        ("Europe (Frankfurt, Paris)", ["EUROPE"]),
        # a region beside the city: not a city and its country
        ("Europe (Paris, EU)", ["EUROPE", "EU"]),
        # a comma outside any parenthesis still separates places
        ("Irland, USA", ["IE", "US"]),
    ],
)
def test_other_parentheses_keep_their_places(cell: str, codes: list[str]) -> None:
    assert [location.code for location in parse_locations(cell)] == codes


def test_a_list_of_cloud_regions_reads_their_countries(tmp_path: Path) -> None:
    rows = [
        ["Proveedor", "Servicio", "Ubicación"],
        ["Google Cloud", "Alojamiento", "europe-southwest1 (Madrid, España)"],
        ["OVHcloud", "Copias de seguridad", "Europa (Gravelines, Francia)"],
        ["Scaleway", "Almacenamiento", "Europa (Ámsterdam, Países Bajos)"],
    ]
    path = tmp_path / "proveedores.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, delimiter=";").writerows(rows)
    table = read_tables(path)[0]
    found = {
        r.record.name: {location.code for location in r.record.locations}
        for r in read_records(table, propose_mapping(table)).rows()
        if isinstance(r.record, Subprocessor)
    }
    assert found == {"Google Cloud": {"ES"}, "OVHcloud": {"FR"}, "Scaleway": {"NL"}}
