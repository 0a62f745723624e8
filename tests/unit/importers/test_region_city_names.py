"""A cloud region's city, written as each of the seven languages writes it, names its country:
"UE (Fráncfort)" is Germany as "EU (Frankfurt)" is, "EU (Mailand)" Italy, "UE (Londres)" the
United Kingdom; a region's city alone, or a spelling that is also a word, names no country.

Written on Eleva.care's Spanish "UE (Fráncfort)"; the cells here are French, Italian,
Portuguese, German, Dutch and Spanish, hand-written.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from importers.countries import city_note
from tests.unit.importers.place_tables import codes, two_row_list
from workbench.domain.records import Subprocessor


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("UE (Fráncfort)", "DE"),  # es
        ("UE (Francfort)", "DE"),  # fr
        ("UE (Francfort-sur-le-Main)", "DE"),
        ("UE (Francoforte)", "DE"),  # it, pt
        ("Europa (Monaco di Baviera)", "DE"),  # it: Munich, not Monaco
        ("EU (Mailand)", "IT"),  # de
        ("EU (Milaan)", "IT"),  # nl
        ("UE (Milão)", "IT"),  # pt
        ("EU (Parijs)", "FR"),  # nl
        ("UE (Parigi)", "FR"),  # it
        ("UE (París)", "FR"),  # es
        ("UE (Ámsterdam)", "NL"),  # es
        ("UE (Amesterdão)", "NL"),  # pt
        ("UE (Estocolmo)", "SE"),  # es, pt
        ("EU (Kopenhagen)", "DK"),  # de, nl
        ("UE (Bruselas)", "BE"),  # es
        ("EU (Wenen)", "AT"),  # nl
        ("UE (Varsovia)", "PL"),  # es
        ("UE (Londres)", "GB"),  # fr, es: the region's city, wherever it lies
        ("UE (Dublino)", "IE"),  # it
        ("Francoforte (UE)", "DE"),  # the city first, its region in parentheses
        ("Mailand (EU)", "IT"),
    ],
)
def test_a_regions_city_in_any_language_names_its_country(text: str, code: str) -> None:
    assert codes(text) == [code]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Francoforte", []),  # a city alone is no place of the register
        ("Mailand", []),
        ("UE (Vienne)", ["EU"]),  # a French town and department as much as Vienna
        ("UE (seul)", ["EU"]),  # "Seúl" folds to the French word for alone
        ("UE (Francoforte, Parigi)", ["EU"]),  # two cities, two countries: not one place
    ],
)
def test_other_cities_name_no_country(text: str, expected: list[str]) -> None:
    assert codes(text) == expected


def test_the_mark_names_the_city_as_written() -> None:
    assert "Fráncfort" in city_note("UE (Fráncfort)")


@pytest.mark.parametrize(
    ("header", "cells", "expected"),
    [
        ("Región", ("UE (Fráncfort)", "UE (Estocolmo)"), [["DE"], ["SE"]]),
        ("Regione", ("UE (Francoforte)", "UE (Parigi)"), [["DE"], ["FR"]]),
        ("Region", ("EU (Mailand)", "EU (Kopenhagen)"), [["IT"], ["DK"]]),
        ("Regio", ("EU (Parijs)", "EU (Wenen)"), [["FR"], ["AT"]]),
    ],
)
def test_a_list_reads_the_cities_countries(
    tmp_path: Path, header: str, cells: tuple[str, str], expected: list[list[str]]
) -> None:
    records = two_row_list(tmp_path, header, cells)
    assert all(isinstance(r, Subprocessor) for r in records)
    found = [[loc.code for loc in r.locations] for r in records if isinstance(r, Subprocessor)]
    assert found == expected
