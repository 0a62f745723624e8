"""The headers of a table describing data, in the seven languages: "Individus concernés" (whose
data), "Données à caractère personnel concernées" / "Data concerned" (which data), a header
starting with the word for duration ("Durée au terme duquel les données sont supprimées",
"Dauer der Speicherung") its retention.

Written on SALTO's retention table ("Individus concernés | Données à caractère personnel
concernées | Durée au terme duquel les données sont supprimées et/ou anonymisées"), read as
treatments under SALTO's purposes; the sheets here are English, German, Italian and Dutch.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from importers import propose_mapping, read_records, read_tables
from importers.mapping import score_header
from importers.model import RecordKind


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Individus concernés", "data_subjects"),
        ("Individuals concerned", "data_subjects"),
        ("Betrokken personen", "data_subjects"),
        ("Données à caractère personnel concernées", "data_categories"),
        ("Data concerned", "data_categories"),
        ("Betroffene Daten", "data_categories"),
        ("Durée au terme duquel les données sont supprimées et/ou anonymisées", "retention.text"),
        ("Dauer der Speicherung", "retention.text"),
        ("Durata della conservazione", "retention.text"),
        ("Duur van de bewaring", "retention.text"),
    ],
)
def test_the_data_headers_name_their_fields(header: str, field: str) -> None:
    assert score_header(header, RecordKind.TREATMENTS)[0] == field


SHEETS = {
    "en": (
        ("Purpose", "Legal basis"),
        [
            ("Manage accounts", "Contract"),
            ("Send offers", "Consent"),
            ("Prevent fraud", "Legitimate interest"),
        ],
        ("Individuals concerned", "Data concerned", "Duration after which the data is deleted"),
        [
            ("Unconfirmed users", "All their data", "30 days"),
            ("Former subscribers", "Account data", "3 years"),
        ],
    ),
    "de": (
        ("Zweck", "Rechtsgrundlage"),
        [
            ("Konten verwalten", "Vertrag"),
            ("Angebote senden", "Einwilligung"),
            ("Betrug verhindern", "Berechtigtes Interesse"),
        ],
        ("Betroffene Personen", "Betroffene Daten", "Dauer, nach der die Daten gelöscht werden"),
        [
            ("Unbestätigte Nutzer", "Alle Daten", "30 Tage"),
            ("Ehemalige Abonnenten", "Kontodaten", "3 Jahre"),
        ],
    ),
    "it": (
        ("Finalità", "Base giuridica"),
        [
            ("Gestire gli account", "Contratto"),
            ("Inviare offerte", "Consenso"),
            ("Prevenire le frodi", "Legittimo interesse"),
        ],
        ("Persone interessate", "Dati interessati", "Durata della conservazione"),
        [
            ("Utenti non confermati", "Tutti i dati", "30 giorni"),
            ("Ex abbonati", "Dati dell'account", "3 anni"),
        ],
    ),
    "nl": (
        ("Doel", "Rechtsgrondslag"),
        [
            ("Accounts beheren", "Overeenkomst"),
            ("Aanbiedingen sturen", "Toestemming"),
            ("Fraude voorkomen", "Gerechtvaardigd belang"),
        ],
        ("Betrokken personen", "Betrokken gegevens", "Duur van de bewaring"),
        [
            ("Onbevestigde gebruikers", "Alle gegevens", "30 dagen"),
            ("Oud-abonnees", "Accountgegevens", "3 jaar"),
        ],
    ),
}


@pytest.mark.parametrize("language", sorted(SHEETS))
def test_a_retention_table_under_the_purposes_holds_no_record(
    tmp_path: Path, language: str
) -> None:
    header, purposes, data_header, data = SHEETS[language]
    book = openpyxl.Workbook()
    rows = [["Purposes"], list(header), *map(list, purposes), ["How long the data is kept"]]
    rows += [list(data_header), *map(list, data)]
    for row in rows:
        book.active.append(row)
    path = tmp_path / f"privacy_{language}.xlsx"
    book.save(str(path))
    names = [
        r.record.name
        for table in read_tables(path)
        for r in read_records(table, propose_mapping(table)).rows()
    ]
    assert names == [row[0] for row in purposes]
