"""A second table with the same columns as the first, under a heading announcing its rows as not
(sub)processors, ends the first table: its repeated header is no repeat inside one list, and
its rows are no records.

Written on CVeetje's English page (its "BYOK providers" table, "the parties below are not
sub-processors of CVeetje", the same columns as its active sub-processors, all in one sheet);
the sheets here are German, French, Spanish and Dutch, hand-written, in xlsx, ods-like csv and
with the announcement in the heading or in the sentence under it.
"""

from __future__ import annotations

import csv
from pathlib import Path

import openpyxl
import pytest

from importers import propose_mapping, read_records, read_tables

SHEETS = {
    "de": (
        ("Unterauftragsverarbeiter", "Zweck", "Standort"),
        [
            ("Hetzner Online GmbH", "Hosting", "Deutschland"),
            ("Brevo", "E-Mail-Versand", "Frankreich"),
        ],
        ("Eigene Schlüssel (BYOK)", "Die folgenden Anbieter sind keine Unterauftragsverarbeiter."),
        [("OpenAI", "KI mit eigenem Schlüssel", "USA"), ("Mistral AI", "KI", "Frankreich")],
    ),
    "fr": (
        ("Sous-traitant", "Finalité", "Pays"),
        [("OVH SAS", "Hébergement", "France"), ("Brevo", "Envoi d'e-mails", "France")],
        ("Vos propres clés (BYOK)", "Les fournisseurs ci-dessous ne sont pas des sous-traitants."),
        [("OpenAI", "IA avec votre clé", "États-Unis"), ("Mistral AI", "IA", "France")],
    ),
    "es": (
        ("Subencargado", "Finalidad", "País"),
        [("Amazon Web Services", "Alojamiento", "Irlanda"), ("Brevo", "Correo", "Francia")],
        ("Proveedores con su propia clave (no son subencargados)", ""),
        [("OpenAI", "IA con su clave", "Estados Unidos"), ("Mistral AI", "IA", "Francia")],
    ),
    "nl": (
        ("Subverwerker", "Doel", "Locatie"),
        [("TransIP B.V.", "Hosting", "Nederland"), ("Mollie B.V.", "Betalingen", "Nederland")],
        ("Eigen API-sleutel", "Onderstaande partijen zijn geen subverwerkers van ons."),
        [("OpenAI", "AI met eigen sleutel", "Verenigde Staten"), ("Mistral AI", "AI", "Frankrijk")],
    ),
}


def _rows(language: str, announced: bool) -> list[list[str]]:
    header, kept, (heading, sentence), dropped = SHEETS[language]
    if not announced:
        heading, sentence = "Support", ""
    rows = [["Liste"], list(header), *map(list, kept), [heading]]
    if sentence:
        rows.append([sentence])
    rows += [list(header), *map(list, dropped), ["Stand: 2026-05-15"]]
    return rows


def _names(path: Path) -> list[str]:
    names: list[str] = []
    for table in read_tables(path):
        names += [r.record.name for r in read_records(table, propose_mapping(table)).rows()]
    return names


@pytest.mark.parametrize("language", sorted(SHEETS))
def test_the_announced_rows_of_a_sheet_are_no_records(tmp_path: Path, language: str) -> None:
    book = openpyxl.Workbook()
    for row in _rows(language, announced=True):
        book.active.append(row)
    path = tmp_path / f"liste_{language}.xlsx"
    book.save(str(path))
    assert _names(path) == [row[0] for row in SHEETS[language][1]]


@pytest.mark.parametrize("language", ["de", "fr"])
def test_the_same_in_a_csv(tmp_path: Path, language: str) -> None:
    path = tmp_path / f"liste_{language}.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle, delimiter=";").writerows(_rows(language, announced=True))
    assert _names(path) == [row[0] for row in SHEETS[language][1]]


@pytest.mark.parametrize("language", ["de", "nl"])
def test_a_repeated_header_under_another_heading_keeps_its_rows(
    tmp_path: Path, language: str
) -> None:
    book = openpyxl.Workbook()
    for row in _rows(language, announced=False):
        book.active.append(row)
    path = tmp_path / f"liste_{language}.xlsx"
    book.save(str(path))
    _header, kept, _heading, more = SHEETS[language]
    assert _names(path) == [row[0] for row in (*kept, *more)]
