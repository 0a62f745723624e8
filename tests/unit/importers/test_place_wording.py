"""Place cells that name one area two ways or say whose data, and a storage column beside the
processing one, in the seven languages."""

from __future__ import annotations

from pathlib import Path

import pytest

from importers import propose_mapping, read_records, read_tables
from importers.mapping import STORAGE_LOCATION
from tests.unit.importers.place_tables import codes
from workbench.domain.records import Subprocessor


@pytest.mark.parametrize(
    "text",
    [
        "Configured EU/EEA region",
        "Région UE/EEE configurée",
        "Región UE/EEE configurada",
        "Konfigurierte EU/EWR-Region",
        "Regione UE/SEE configurata",
        "Região UE/EEE configurada",
        "Geconfigureerde EU/EER-regio",
    ],
)
def test_eu_slash_eea_names_the_eea(text: str) -> None:
    assert codes(text) == ["EEA"]


@pytest.mark.parametrize(
    "text",
    [
        "Global (EU data)",
        "Weltweit (EU-Daten)",
        "Mondial (données UE)",
        "Global (datos de la UE)",
        "Globale (dati UE)",
        "Global (dados da UE)",
        "Wereldwijd (EU-gegevens)",
    ],
)
def test_a_parenthesis_saying_whose_data_is_no_place(text: str) -> None:
    assert codes(text) == ["WORLDWIDE"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("EU, EEA", ["EU", "EEA"]),  # two areas listed apart stay two
        ("EU (data hosted in Ireland)", ["EU", "IE"]),  # a place in the parenthesis is read
    ],
)
def test_other_wordings_keep_their_places(text: str, expected: list[str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("headers", "language"),
    [
        (("Unternehmen", "Ort der Verarbeitung", "Speicherort", "Sitz des Unternehmens"), "de"),
        (("Empresa", "País de tratamiento", "País de almacenamiento", "País corporativo"), "es"),
        (("Prestataire", "Lieu de traitement", "Lieu de stockage", "Siège"), "fr"),
    ],
)
def test_the_storage_column_adds_its_places(
    tmp_path: Path, headers: tuple[str, ...], language: str
) -> None:
    path = tmp_path / f"{language}.csv"
    rows = ["Wolke GmbH;Deutschland;Irland;USA", "Nube S.L.;España;España;España"]
    path.write_text(";".join(headers) + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    table = read_tables(path)[0]
    mapping = propose_mapping(table)
    assert mapping.columns[2].field == STORAGE_LOCATION
    records = [r.record for r in read_records(table, mapping).rows()]
    assert all(isinstance(r, Subprocessor) for r in records)
    wolke, nube = records
    assert isinstance(wolke, Subprocessor)
    assert isinstance(nube, Subprocessor)
    assert [p.code for p in wolke.locations] == ["DE", "IE"]  # not the seat's US
    assert wolke.location_text == "Deutschland\nIrland"
    assert [p.code for p in nube.locations] == ["ES"]
    assert any(m.field == "locations" for m in wolke.unconfirmed)
