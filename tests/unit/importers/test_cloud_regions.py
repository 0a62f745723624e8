"""A cloud provider's programmatic region name says the country the data lies in: AWS
"eu-central-1" is Germany, Google Cloud "europe-west4" the Netherlands, Azure "westeurope" the
Netherlands too (the providers' own region lists, cited in importers/countries.py). The country
is a reading of the identifier, so the mark on the locations says which region gave which
country; the region written as words ("West Europe") says only what its words say.

Written before any file of the corpus had such a cell; the cells below are hand-written in
German, Dutch, French, Italian and English, in csv and as bare cells.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from importers.countries import approximation_note, cloud_region_note
from tests.unit.importers.place_tables import codes, two_row_list
from workbench.domain.records import Subprocessor


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("eu-central-1", ["DE"]),  # AWS
        ("AWS eu-west-3", ["FR"]),
        ("`eu-west-1`", ["IE"]),  # in backticks, as a markdown page writes it
        ("EU-NORTH-1", ["SE"]),  # capitals
        ("Frankfurt (eu-central-1)", ["DE"]),
        ("us-east-1", ["US"]),
        ("europe-west4", ["NL"]),  # Google Cloud: not "Europe", the word in the identifier
        ("europe-west1", ["BE"]),
        ("europe-west9 (Paris)", ["FR"]),
        ("germanywestcentral", ["DE"]),  # Azure
        ("westeurope", ["NL"]),
        ("northeurope", ["IE"]),
        ("Rechenzentrum eu-central-1, Backups eu-west-1", ["DE", "IE"]),
        ("AWS `eu-west-1` (Ierland, EER)", ["IE", "EEA"]),  # the text's own places kept
        ("UE (francecentral)", ["EU", "FR"]),
    ],
)
def test_a_cloud_region_identifier_names_its_country(text: str, expected: list[str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("West Europe", ["EUROPE"]),  # words say Europe; only the identifier names the country
        ("North Europe", ["EUROPE"]),
        ("eu-fake-9", []),  # not a region of the providers' lists
        ("us-east", []),  # no number: no region
        ("Serveurs au Royaume-Uni", ["GB"]),  # a hyphenated country is no identifier
    ],
)
def test_what_is_no_region_identifier_reads_as_before(text: str, expected: list[str]) -> None:
    assert codes(text) == expected


def test_the_mark_says_which_region_gave_which_country() -> None:
    note = cloud_region_note("Frankfurt (eu-central-1), europe-west4")
    assert "eu-central-1" in note
    assert "europe-west4" in note
    assert "(DE)" in note
    assert "(NL)" in note
    assert "eu-central-1" in approximation_note("eu-central-1")  # the note a place cell gets
    assert cloud_region_note("Deutschland") == ""


@pytest.mark.parametrize(
    ("header", "cells", "expected"),
    [
        ("Standort", ("AWS eu-central-1", "GCP europe-west3"), [["DE"], ["DE"]]),
        ("Locatie", ("Azure westeurope", "AWS `eu-west-1`"), [["NL"], ["IE"]]),
        ("Localisation", ("eu-west-3", "francecentral"), [["FR"], ["FR"]]),
        ("Localizzazione", ("eu-south-1", "europe-west8"), [["IT"], ["IT"]]),
    ],
)
def test_a_list_reads_the_regions_countries_marked(
    tmp_path: Path, header: str, cells: tuple[str, str], expected: list[list[str]]
) -> None:
    records = two_row_list(tmp_path, header, cells)
    subprocessors = [r for r in records if isinstance(r, Subprocessor)]
    assert [[loc.code for loc in r.locations] for r in subprocessors] == expected
    for record, cell in zip(subprocessors, cells, strict=True):
        (mark,) = [m for m in record.unconfirmed if m.field == "locations"]
        assert "cloud region" in mark.note
        assert mark.source_text == cell
