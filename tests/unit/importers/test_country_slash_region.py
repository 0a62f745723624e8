"""A country, a slash, then the region that holds it ("Francia / UE", "IE/UE") names the
country only, as "France (UE)" does, in the seven languages; a region that does not hold the
country after the slash ("US / EU") is a second place."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.unit.importers.place_tables import codes, two_row_list
from workbench.domain.records import Subprocessor


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("France / UE", "FR"),  # fr
        ("Ireland / EU", "IE"),  # en
        ("Deutschland / EU", "DE"),  # de
        ("Alemania / UE", "DE"),  # es
        ("Paesi Bassi / UE", "NL"),  # it
        ("Portugal / UE", "PT"),  # pt
        ("Nederland / EU", "NL"),  # nl
        ("IE/UE", "IE"),  # the codes, without spaces
        ("Österreich / EWR", "AT"),  # the EEA holds the EU's members
        ("Norge / EEA", "NO"),  # and Norway
        ("Belgique / UE / EEE", "BE"),  # two regions holding it
        ("Italia (Milano) / UE", "IT"),  # a country qualified by its city
        ("Italia (Milano, Lombardia) / UE", "IT"),  # the parenthesis' comma separates nothing
    ],
)
def test_a_country_then_the_region_holding_it_is_the_country(text: str, code: str) -> None:
    assert codes(text) == [code]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("US / EU", ["US", "EU"]),  # a region that does not hold the country
        ("Suisse / UE", ["CH", "EU"]),
        ("Norway / EU", ["NO", "EU"]),  # in the EEA, not in the EU
        ("Royaume-Uni / EEE", ["GB", "EEA"]),
        ("France, UE", ["FR", "EU"]),  # a comma lists two places; the slash alone qualifies
        ("France / Allemagne", ["FR", "DE"]),  # two countries
        ("UE / France", ["EU", "FR"]),  # the region first: two places, as written
    ],
)
def test_other_places_after_a_slash_stay(text: str, expected: list[str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("header", "cells"),
    [
        ("Sede", ("Italia / UE", "Francia / UE")),
        ("Standort", ("Italien / EU", "Frankreich / EU")),
        ("Ubicación", ("Italia/UE", "Francia/UE")),
        ("Locatie", ("Italië / EU", "Frankrijk / EU")),
    ],
)
def test_a_list_reads_the_countries_only(
    tmp_path: Path, header: str, cells: tuple[str, ...]
) -> None:
    records = two_row_list(tmp_path, header, cells)
    assert all(isinstance(r, Subprocessor) for r in records)
    assert [[loc.code for loc in r.locations] for r in records if isinstance(r, Subprocessor)] == [
        ["IT"],
        ["FR"],
    ]
