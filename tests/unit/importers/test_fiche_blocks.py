"""Key/value fiches headed "Field | Value", each under its heading, beside an ordinary table.

Written on KAMMAREN's register ("1.1 Onboarding ..." over "Fält | Värde", then "Ändamål | ...",
"Rättslig grund | ...", the sub-processors' table under the fiches); the sheets here are French
and German, hand-written.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from importers import propose_mapping, read_records, read_tables
from importers.fiche_blocks import is_field_value_header
from workbench.domain.enums import LegalBasis
from workbench.domain.errors import NoTableFoundError
from workbench.domain.records import Subprocessor, Treatment


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        (["Champ", "Valeur"], True),
        (["Feld", "Wert"], True),
        (["Field", "Value"], True),
        (["Värde", "Fält"], False),  # the value's header first: not the fiche's shape
        (["Finalité", "Base légale"], False),
        (["Feld", "Wert", "Notiz"], False),
    ],
)
def test_a_field_value_header_is_told_by_its_two_words(row: list[str], expected: bool) -> None:
    assert is_field_value_header(row) is expected


def _records(tmp_path: Path, rows: list[list[str]]) -> list[Treatment | Subprocessor]:
    path = tmp_path / "register.xlsx"
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    book.save(path)
    records: list[Treatment | Subprocessor] = []
    for table in read_tables(path):
        records.extend(r.record for r in read_records(table, propose_mapping(table)).rows())
    return records


def test_each_fiche_is_a_treatment_named_by_its_heading(tmp_path: Path) -> None:
    records = _records(
        tmp_path,
        [
            ["Registre des traitements"],
            ["1.1 Gestion des clients"],
            ["Champ", "Valeur"],
            ["Finalité", "Suivre les commandes"],
            ["Base légale", "Exécution du contrat"],
            ["Durée de conservation", "3 ans"],
            ["1.2 Prospection"],
            ["Champ", "Valeur"],
            ["Finalité", "Envoyer la lettre d'information"],
            ["Base légale", "Consentement"],
            ["Durée de conservation", "2 ans"],
            ["2. Sous-traitants"],
            ["Sous-traitant", "Service", "Pays"],
            ["Brevo", "E-mails", "France"],
            ["Scaleway", "Hébergement", "France"],
        ],
    )
    treatments = [r for r in records if isinstance(r, Treatment)]
    assert [t.name for t in treatments] == ["1.1 Gestion des clients", "1.2 Prospection"]
    assert [t.legal_basis for t in treatments] == [LegalBasis.CONTRACT, LegalBasis.CONSENT]
    processors = [r for r in records if isinstance(r, Subprocessor)]
    assert [p.name for p in processors] == ["Brevo", "Scaleway"]


def test_a_fiche_without_its_heading_is_not_named_by_a_guess(tmp_path: Path) -> None:
    # nothing names the record: refused as before, never named "Feld" or by its first value
    with pytest.raises(NoTableFoundError):
        _records(
            tmp_path,
            [
                ["Feld", "Wert"],
                ["Zweck", "Bestellungen abwickeln"],
                ["Rechtsgrundlage", "Vertrag"],
            ],
        )
