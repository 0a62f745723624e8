"""A region followed by a country in parentheses is that country, with or without the cell's
closing punctuation after the parenthesis: "Unión Europea (España)." is Spain, as "EU
(Deutschland)" is Germany (the sixth set's rule); the final full stop or semicolon is no part
of the place. Likewise a country followed by its region ("Frankrijk (EU).") and a country with
a qualifier ("US (N. Virginia).").

Written on Salturno's "Unión Europea (España)." (thirteenth set, Spanish); the cells here are
hand-written in the seven languages.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from importers import propose_mapping, read_records, read_tables
from importers.countries import parse_locations
from workbench.domain.records import Subprocessor

REGION_COUNTRY = [
    ("Unión Europea (España)", "ES"),
    ("Espacio Económico Europeo (Noruega)", "NO"),
    ("Union européenne (France)", "FR"),
    ("l'Union européenne (Irlande)", "IE"),
    ("Espace économique européen (Islande)", "IS"),
    ("Europäische Union (Deutschland)", "DE"),
    ("EWR (Norwegen)", "NO"),
    ("Unione europea (Italia)", "IT"),
    ("SEE (Norvegia)", "NO"),
    ("União Europeia (Portugal)", "PT"),
    ("EEE (Noruega)", "NO"),
    ("Europese Unie (Nederland)", "NL"),
    ("EER (Noorwegen)", "NO"),
    ("European Union (Ireland)", "IE"),
    ("the European Union (Sweden)", "SE"),
    ("EEA (Liechtenstein)", "LI"),
    ("EU (Frankfurt)", "DE"),
]


@pytest.mark.parametrize("ending", ["", ".", ";", " .", ":"])
@pytest.mark.parametrize(("cell", "code"), REGION_COUNTRY)
def test_a_region_with_its_country_in_parentheses_is_the_country(
    cell: str, code: str, ending: str
) -> None:
    assert [location.code for location in parse_locations(cell + ending)] == [code]


@pytest.mark.parametrize("ending", ["", ".", ";"])
@pytest.mark.parametrize(
    ("cell", "codes"),
    [
        ("Frankrijk (EU)", ["FR"]),
        ("Allemagne (UE)", ["DE"]),
        ("US (N. Virginia)", ["US"]),
        ("Frankfurt (EU)", ["DE"]),
        # the parenthesis names another country: two places, punctuation or not
        ("Deutschland (und USA)", ["DE", "US"]),
        ("Irlande (et États-Unis)", ["IE", "US"]),
        ("UE (Irlande, Allemagne)", ["EU", "IE", "DE"]),
    ],
)
def test_other_parentheses_read_the_same_with_a_final_stop(
    cell: str, codes: list[str], ending: str
) -> None:
    assert [location.code for location in parse_locations(cell + ending)] == codes


def test_a_list_with_a_full_stop_after_each_place_reads_the_countries(tmp_path: Path) -> None:
    path = tmp_path / "subencargados.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(["Proveedor", "Función", "Ubicación principal del tratamiento"])
        writer.writerow(["Nube Datos, S.L.", "Alojamiento.", "Unión Europea (España)."])
        writer.writerow(["Correo Rápido", "Envíos.", "Espacio Económico Europeo (Noruega)."])
        writer.writerow(["Mensajes Inc.", "SMS.", "Estados Unidos."])
    table = read_tables(path)[0]
    records = [row.record for row in read_records(table, propose_mapping(table)).rows()]
    assert all(isinstance(record, Subprocessor) for record in records)
    codes = [
        [location.code for location in record.locations]
        for record in records
        if isinstance(record, Subprocessor)
    ]
    assert codes == [["ES"], ["NO"], ["US"]]
