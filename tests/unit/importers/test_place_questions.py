"""A subprocessor's column asking where ("Where", "Où ?", "Wo werden die Daten verarbeitet?")
is its place column, by the question word it starts with.

Written on GoalPlate's "Subprocessor | What they see | Their purpose | Where" (and its Spanish
"Dónde"), where most cells are no country ("Google data centres (multiple regions)"), so the
column's content alone does not make it a place; the tables here are French, German, Italian
and Dutch, hand-written.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from importers import propose_mapping, read_records, read_tables
from importers.mapping import score_header
from importers.model import RecordKind
from workbench.domain.records import Subprocessor


@pytest.mark.parametrize(
    "header",
    [
        "Where",
        "Where is the data processed?",
        "Où ?",
        "Où sont hébergées les données ?",
        "Wo werden die Daten verarbeitet?",
        "¿Dónde?",
        "Dove sono trattati i dati",
        "Onde",
        "Waar worden de gegevens opgeslagen?",
        "Hvor behandles oplysningerne?",
    ],
)
def test_a_where_question_names_the_place(header: str) -> None:
    assert score_header(header, RecordKind.SUBPROCESSORS)[0] == "location_text"


def test_a_where_question_in_a_treatments_table_is_not_read_as_a_place() -> None:
    assert score_header("Wo", RecordKind.TREATMENTS)[0] != "location_text"


def _subprocessors(path: Path, rows: list[list[str]]) -> dict[str, set[str]]:
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, delimiter=";").writerows(rows)
    table = read_tables(path)[0]
    mapping = propose_mapping(table)
    assert mapping.kind is RecordKind.SUBPROCESSORS
    records = [r.record for r in read_records(table, mapping).rows()]
    return {
        s.name: {location.code for location in s.locations}
        for s in records
        if isinstance(s, Subprocessor)
    }


@pytest.mark.parametrize(
    "rows",
    [
        [
            ["Sous-traitant", "Données vues", "Service", "Où ?"],
            ["OVHcloud", "Dossiers patients", "Hébergement", "Roubaix, France"],
            ["Brevo", "Adresse e-mail", "Envoi des e-mails", "Centres de données Brevo"],
            ["Doctolib", "Rendez-vous", "Agenda", "Centres de données du prestataire"],
            ["Mailgun", "Adresse e-mail", "Routage", "Plusieurs régions"],
        ],
        [
            ["Unterauftragsverarbeiter", "Leistung", "Wo werden die Daten verarbeitet?"],
            ["Hetzner Online GmbH", "Hosting", "Falkenstein, Deutschland"],
            ["Brevo", "E-Mail-Versand", "Rechenzentren des Anbieters"],
            ["Mailgun", "Zustellung", "Mehrere Regionen"],
            ["Sentry", "Fehlerberichte", "Rechenzentren von Sentry"],
        ],
    ],
    ids=["fr-ou", "de-wo"],
)
def test_a_where_column_gives_the_places_it_names(tmp_path: Path, rows: list[list[str]]) -> None:
    found = _subprocessors(tmp_path / "liste.csv", rows)
    first = rows[1][0]
    assert found[first] == ({"FR"} if first == "OVHcloud" else {"DE"})
    # the cells naming no place give none
    assert all(found[row[0]] == set() for row in rows[2:])


def test_a_dutch_where_column_on_a_longer_list(tmp_path: Path) -> None:
    rows = [
        ["Subverwerker", "Doel", "Waar?"],
        ["Mollie B.V.", "Betalingen", "Amsterdam, Nederland"],
        ["Microsoft Azure", "Hosting", "Datacenters van Microsoft (meerdere regio's)"],
        ["Twilio", "SMS", "Verenigde Staten"],
        ["Apple", "Aanmelden", "Datacenters van Apple"],
        ["Meta", "Aanmelden", "Datacenters van Meta"],
    ]
    found = _subprocessors(tmp_path / "subverwerkers.csv", rows)
    assert found["Mollie B.V."] == {"NL"}
    assert found["Twilio"] == {"US"}
    assert found["Apple"] == set()
