"""The column holding the subprocessor's name, in the seven languages, by header or by content.

Tables written here in each language, as a DPO receives them (a title and an intro line above
the header, a CSV separated by ";" whose intro holds commas), read as a new user would."""

from __future__ import annotations

from pathlib import Path

import pytest

from importers import propose_mapping, read_records, read_tables
from importers.content import name_column
from importers.mapping import map_headers, score_header
from importers.model import RecordKind
from importers.sources import sniff_delimiter

S, T = RecordKind.SUBPROCESSORS, RecordKind.TREATMENTS

TABLES = {
    "fr": ("Raison sociale", "Prestation", "Pays"),
    "en": ("Name of the entity", "Activity", "Location"),
    "de": ("Name des Dienstleisters", "Tätigkeit", "Standort"),
    "es": ("Nombre del subencargado", "Actividad", "País"),
    "it": ("Ragione sociale", "Attività svolta", "Sede"),
    "pt": ("Denominação social", "Atividade", "Localização"),
    "nl": ("Naam van de subverwerker", "Activiteit", "Locatie"),
}
ROWS = (
    ("Acme Hosting SAS", "Hébergement", "France"),
    ("Nubes Datos S.L.", "Correo", "España"),
    ("Wolke GmbH", "Support", "Deutschland"),
)


def write_list(path: Path, header: tuple[str, ...], rows: tuple[tuple[str, ...], ...]) -> Path:
    lines = [
        "Liste / List / Lista",
        "Updated, as agreed, on 1 December 2026: the entities below, in order",
        ";".join(header),
        *(";".join(r) for r in rows),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def names_read(path: Path) -> list[str]:
    table = read_tables(path)[0]
    mapping = propose_mapping(table)
    assert mapping.kind is S
    return [r.record.name for r in read_records(table, mapping).rows()]


@pytest.mark.parametrize("language", sorted(TABLES))
def test_a_name_header_in_each_language_names_the_column(tmp_path: Path, language: str) -> None:
    path = write_list(tmp_path / f"{language}.csv", TABLES[language], ROWS)
    assert names_read(path) == [r[0] for r in ROWS]
    table = read_tables(path)[0]
    name, service, location = (c.field for c in propose_mapping(table).columns)
    assert (name, service) == ("name", "service_description")
    assert location in ("locations", "location_text")  # "Pays" is the export's own header


@pytest.mark.parametrize(
    "header",
    [
        "Nombre de la Entidad",
        "Razón social",
        "Denominación",
        "Entidad",
        "Denominazione",
        "Nome del sub-responsabile",
        "Entidade",
        "Denominação",
        "Naam",
        "Bedrijfsnaam",
        "Verwerker",
        "Auftragsverarbeiter",
        "Unternehmen",
        "Firmenname",
        "Nom de l'entité",
        "Dénomination sociale",
    ],
)
def test_name_headers_of_the_seven_languages(header: str) -> None:
    assert score_header(header, S)[0] == "name"


def test_a_header_starting_with_name_keeps_a_surer_reading() -> None:
    assert score_header("Name", S) == ("name", 0.95)
    assert score_header("Nom du contact", S)[0] == "contact_name"
    assert score_header("Naam contactpersoon", S)[0] == "contact_name"
    # treatments are not read by the subprocessors' fallback
    assert score_header("Nombre de la Entidad", T)[0] is None


def test_the_contact_block_under_a_table_is_no_record(tmp_path: Path) -> None:
    rows = (
        *ROWS,
        ("Actualización de esta lista", "", ""),
        ("Contacto", "", ""),
        ("Para más información sobre esta lista: dpo@example.org", "", ""),
        ("Kontakt", "", ""),
        ("For more information, write to privacy@example.org", "", ""),
    )
    path = write_list(tmp_path / "es.csv", TABLES["es"], rows)
    assert names_read(path) == [r[0] for r in ROWS]


def test_the_delimiter_is_the_tables_not_the_intro_lines() -> None:
    sample = "Title\nIntro, with, commas, here\nA;B;C\n1;2;3\n4;5;6\n7;8;9\n"
    assert sniff_delimiter(sample) == ";"
    assert sniff_delimiter("a,b,c\n1,2,3\n4,5,6\n") == ","
    assert sniff_delimiter("a\tb\n1\t2; 3\n4\t5\n") == "\t"


def test_without_a_name_header_the_column_of_organisation_names_is_the_name(
    tmp_path: Path,
) -> None:
    path = write_list(tmp_path / "wer.csv", ("Wer", "Leistung", "Standort"), ROWS)
    table = read_tables(path)[0]
    mapping = propose_mapping(table)
    assert [c.field for c in mapping.columns] == ["name", "service_description", "location_text"]
    assert mapping.columns[0].confidence < 0.9  # told by content: shown as a guess
    assert names_read(path) == [r[0] for r in ROWS]


def test_descriptions_categories_and_countries_are_not_names() -> None:
    mapping = map_headers(("Quoi", "Type", "Land"), S)
    rows = [
        ("Hosting of the production platform and its backups", "Cloud", "Ireland"),
        ("Sending of the transactional e-mails to every user", "Cloud", "Germany"),
        ("Support tickets, answered by the vendor's own team", "Cloud", "France"),
    ]
    assert name_column(mapping, rows) is None  # sentences, a repeated word, countries
    treatments = map_headers(("Quoi", "Land"), T)
    assert name_column(treatments, [("Acme SAS", "France"), ("Wolke GmbH", "Germany")]) is None
