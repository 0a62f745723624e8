from __future__ import annotations

from pathlib import Path

import pytest

from importers import propose_mapping, read_records, read_tables
from importers.countries import (
    approximate_country,
    approximation_note,
    country_code,
    parse_locations,
)
from workbench.domain.enums import InferenceOrigin, LocationKind
from workbench.domain.records import Location, Subprocessor


def codes(text: str) -> list[tuple[str, LocationKind]]:
    return [(loc.code, loc.kind) for loc in parse_locations(text)]


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("France", "FR"),
        ("Allemagne", "DE"),
        ("Deutschland", "DE"),
        ("Alemania", "DE"),
        ("États-Unis", "US"),
        ("USA", "US"),
        ("UK", "GB"),
        ("Royaume-Uni", "GB"),
        ("Irlande", "IE"),
        ("fr", "FR"),
        ("EL", "GR"),
    ],
)
def test_country_names_in_several_languages(name: str, code: str) -> None:
    assert country_code(name) == code


def test_several_countries_one_per_line() -> None:
    assert codes("Germany\nBelgium") == [("DE", LocationKind.COUNTRY), ("BE", LocationKind.COUNTRY)]


@pytest.mark.parametrize(
    ("text", "region"),
    [
        ("European Union", "EU"),
        ("Union Européenne", "EU"),
        ("UE", "EU"),
        ("EEE", "EEA"),
        ("European Economic Area", "EEA"),
        ("Worldwide", "WORLDWIDE"),
        ("Monde entier", "WORLDWIDE"),
    ],
)
def test_regions_stay_regions(text: str, region: str) -> None:
    assert parse_locations(text) == (Location(region, LocationKind.REGION),)


@pytest.mark.parametrize(
    ("text", "region"),
    [
        ("data center globali del fornitore", "WORLDWIDE"),  # IT
        ("Copertura globale", "WORLDWIDE"),
        ("Rete mondiale", "WORLDWIDE"),
        ("In tutto il mondo", "WORLDWIDE"),
        ("Global", "WORLDWIDE"),  # ES, EN
        ("Infraestructura mundial", "WORLDWIDE"),
        ("En todo el mundo", "WORLDWIDE"),
        ("Rede mundial", "WORLDWIDE"),  # PT
        ("Weltweit", "WORLDWIDE"),  # DE
        ("Wereldwijd", "WORLDWIDE"),  # NL
        ("Couverture mondiale", "WORLDWIDE"),  # FR
        ("Europäische Union", "EU"),
        ("União Europeia", "EU"),
        ("Europäischer Wirtschaftsraum", "EEA"),
        ("EWR", "EEA"),
        ("Spazio Economico Europeo", "EEA"),
        ("SEE", "EEA"),
        ("Espacio Económico Europeo", "EEA"),
        ("Espaço Económico Europeu", "EEA"),
        ("Europese Economische Ruimte", "EEA"),
        ("EER", "EEA"),
        ("Europe", "EUROPE"),
        ("Europa", "EUROPE"),
    ],
)
def test_region_words_of_the_seven_languages(text: str, region: str) -> None:
    assert parse_locations(text) == (Location(region, LocationKind.REGION),)
    assert approximate_country(text) is None  # a region, never a misspelt country


def test_region_codes_that_are_words_count_only_in_capitals() -> None:
    assert parse_locations("see the annex, where we keep it") == ()
    assert parse_locations("dati nel SEE e negli USA") == (
        Location("EEA", LocationKind.REGION),
        Location("US", LocationKind.COUNTRY),
    )
    assert parse_locations("hosting in de EER") == (Location("EEA", LocationKind.REGION),)
    assert parse_locations("een eer voor ons") == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a region word (Italian)
            "Fornitore;Attività;Luogo del trattamento\n"
            "Google LLC;Notifiche;data center globali del fornitore (compresi USA)\n"
            "Acme S.p.A.;Hosting;Italia\n",
            (Location("WORLDWIDE", LocationKind.REGION), Location("US")),
        ),
        (  # a country abbreviation (Dutch)
            "Subverwerker;Doel;Locatie\nBerichtendienst;Berichten;Nederland / VAE\n"
            "Wolk BV;Hosting;Nederland\n",
            (Location("NL"), Location("AE")),
        ),
    ],
    ids=["region word", "abbreviation"],
)
def test_a_place_read_from_a_location_cell_is_marked_as_read(
    tmp_path: Path, text: str, expected: tuple[Location, ...]
) -> None:
    path = tmp_path / "list.csv"
    path.write_text(text, encoding="utf-8")
    table = read_tables(path)[0]
    first = next(iter(read_records(table, propose_mapping(table)).rows())).record
    assert isinstance(first, Subprocessor)
    assert first.locations == expected
    mark = next(m for m in first.unconfirmed if m.field == "locations")
    assert mark.origin is InferenceOrigin.READ_FROM_TEXT
    assert mark.source_text == text.splitlines()[1].split(";")[2]


def test_country_with_details_in_parentheses() -> None:
    assert codes("USA (datacenters located in Oregon or Virginia)") == [
        ("US", LocationKind.COUNTRY)
    ]


def test_seed_sentence_names_country_region_and_country() -> None:
    text = "USA mais les données de ces services font l'objet d'une sauvegarde dans l'UE (France)."
    assert [c for c, _k in codes(text)] == ["US", "EU", "FR"]


def test_english_words_inside_a_sentence_are_not_countries() -> None:
    assert parse_locations("let us in, it is fine") == ()


@pytest.mark.parametrize(
    ("typo", "code"),
    [
        ("United Stated", "US"),
        ("Germay", "DE"),
        ("Irelnd", "IE"),
        ("Frnace", "FR"),  # two letters swapped
        ("Allemange", "DE"),
        ("Netherland", "NL"),
        ("Portgal", "PT"),
        ("Suise", "CH"),
    ],
)
def test_a_country_misspelt_by_a_letter_or_two_is_read_approximately(typo: str, code: str) -> None:
    assert approximate_country(typo) == code
    assert codes(typo) == [(code, LocationKind.COUNTRY)]
    assert f"({code}) (approximate match of «{typo}»)" in approximation_note(typo)


@pytest.mark.parametrize(
    "text",
    [
        "Jersey City",  # a city named after a country
        "Mexico City",
        "Italian",  # the name plus an ending: an adjective, a state
        "Indiana",
        "Japn",  # under five letters: too short to guess
        "Paris",
        "Maine",
        "Omaha",
        "Irvine",
        "Frankfurt",
        "Virginia",
        "Stripe",
        "Hosting",
        "Service",  # "Servie" (Dutch for Serbia) plus a letter: a typo never adds one
        "Tiger",  # "Niger" but for the first letter
        "Roland",
        "Swedden",  # an added letter: refused too (strict)
        "Germanyy Germanyy Germanyy Germanyy",  # more than three words: a sentence
    ],
)
def test_a_near_miss_that_is_not_a_country_is_refused(text: str) -> None:
    assert approximate_country(text) is None
    assert codes(text) == []
    assert approximation_note(text) == ""


def test_an_exact_name_is_never_noted_as_approximate() -> None:
    assert approximation_note("Irland, Germany") == ""  # "Irland" is German for Ireland
    assert approximation_note("Austria, Germay") == (
        "read as Germany (DE) (approximate match of «Germay»)"
    )
    assert codes("Austria, Germay") == [("AT", LocationKind.COUNTRY), ("DE", LocationKind.COUNTRY)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nederland / VAE", ["NL", "AE"]),  # Dutch: Verenigde Arabische Emiraten
        ("Rechenzentren in Deutschland und den VAE", ["DE", "AE"]),  # German
        ("Países Bajos / EAU", ["NL", "AE"]),  # Spanish: Emiratos Árabes Unidos
        ("France, EAU", ["FR", "AE"]),  # French: Émirats arabes unis
        ("Brasil e EUA", ["BR", "US"]),  # Portuguese: Estados Unidos da América
        ("EE. UU. y Canadá", ["US", "CA"]),  # Spanish: Estados Unidos
        ("Ierland en het VK", ["IE", "GB"]),  # Dutch: Verenigd Koninkrijk
        ("Ireland, UAE", ["IE", "AE"]),
        ("Nederland en de VS", ["NL", "US"]),  # Dutch: Verenigde Staten
        ("Ierland; V.S.", ["IE", "US"]),
        ("EER/VS (DPF)", ["EEA", "US"]),  # a slash between a region and a country
        ("Irlande, R.-U. et Suisse", ["IE", "GB", "CH"]),  # French: Royaume-Uni
        ("UE / R-U", ["EU", "GB"]),
    ],
)
def test_country_abbreviations_of_the_seven_languages(text: str, expected: list[str]) -> None:
    assert [code for code, _kind in codes(text)] == expected


def test_country_abbreviations_that_are_words_count_only_in_capitals() -> None:
    assert parse_locations("traitement de l'eau potable") == ()
    assert parse_locations("Portugal vs Espagne") == (Location("PT"), Location("ES"))
    assert parse_locations("Belgique vs. France") == (Location("BE"), Location("FR"))


def test_russia_s_code_is_not_the_french_abbreviation_of_the_united_kingdom() -> None:
    assert parse_locations("RU") == (Location("RU"),)
    assert parse_locations("Finlande, RU") == (Location("FI"), Location("RU"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Australië (Sydney), US (N. Virginia)", ["AU", "US"]),
        ("DE (Frankfurt), FR (Paris)", ["DE", "FR"]),
        ("Frankrijk (EU)", ["FR"]),  # the region it lies in, not a second place
        ("Deutschland (EWR)", ["DE"]),
        ("Germany (and France)", ["DE", "FR"]),
    ],
)
def test_a_country_with_a_qualifier_in_parentheses(text: str, expected: list[str]) -> None:
    assert [code for code, _kind in codes(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tschechische Republik (EU)", ["CZ"]),  # German: CLDR says "Tschechien"
        ("Repubblica Ceca", ["CZ"]),  # Italian: "Cechia"
        ("Tsjechische Republiek, Slowakije", ["CZ", "SK"]),  # Dutch
        ("República Checa y Portugal", ["CZ", "PT"]),  # Spanish
        ("Hong Kong / Singapore", ["HK", "SG"]),  # CLDR: "Hong Kong SAR China"
        ("Russian Federation", ["RU"]),
    ],
)
def test_a_country_by_its_former_or_long_name(text: str, expected: list[str]) -> None:
    assert [code for code, _kind in codes(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Deutschland – Rechenzentren in Frankfurt und Paris", ["DE"]),  # the note names a city
        ("Irlanda (UE) - replica possibile negli USA", ["IE"]),  # Italian: the note is not a place
        ("Nederland — alleen back-ups", ["NL"]),  # Dutch
        ("Irlande – États-Unis", ["IE", "US"]),  # a dash between two places joins them
        ("Ireland - EU", ["IE", "EU"]),
        ("- Países Bajos\n- EE. UU.", ["NL", "US"]),  # bullets, not a note
    ],
)
def test_what_a_dash_puts_after_a_place_is_a_note(text: str, expected: list[str]) -> None:
    assert [code for code, _kind in codes(text)] == expected


def test_el_is_greece_only_in_capitals() -> None:
    assert codes("EL, CY") == [("GR", LocationKind.COUNTRY), ("CY", LocationKind.COUNTRY)]
    assert parse_locations("el proveedor de identidad para el inicio de sesión") == ()


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("UE (Milano)", ["IT"]),  # a cloud region named after its city
        ("Europe (Stockholm)", ["SE"]),
        ("EWR (Irland)", ["IE"]),  # the region before a country in parentheses qualifies it
        ("UE (Alemania) / Estados Unidos", ["DE", "US"]),
        ("EU (Frankfurt am Main)", ["DE"]),
        ("Irland (EWR)", ["IE"]),  # the other way round, as before
        ("EU (EWR)", ["EU", "EEA"]),  # two regions stay two
    ],
)
def test_a_region_qualifies_the_country_or_city_it_holds(text: str, codes: list[str]) -> None:
    assert [location.code for location in parse_locations(text)] == codes
