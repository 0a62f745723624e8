"""A table whose headers name only the data (its categories, whose it is, who receives it, how
long it is kept), no purpose, name or basis, describes the data of treatments named elsewhere:
its rows are no records.

Written on SALTO's retention table ("Individus concernés | Données à caractère personnel
concernées | Durée ...") under its purposes table, and Qwant's "CATEGORY OF DATA | DATA CONCERNED
| RETENTION PERIODS" above its own; the sheets here are French, German, Spanish and English,
hand-written, the data table under or above the purposes table.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from importers import propose_mapping, read_records, read_tables
from importers.tables import describes_data_only

PURPOSES = {
    "fr": (
        ("Finalité", "Base légale"),
        [("Gérer les comptes", "Exécution du contrat"), ("Envoyer la newsletter", "Consentement")],
        ("Catégories de données", "Personnes concernées", "Durée de conservation"),
        [("Données de compte", "Abonnés", "3 ans"), ("Données de paiement", "Abonnés", "13 mois")],
    ),
    "de": (
        ("Zweck", "Rechtsgrundlage"),
        [("Konten verwalten", "Vertrag"), ("Newsletter versenden", "Einwilligung")],
        ("Datenkategorien", "Betroffene Personen", "Speicherdauer"),
        [("Kontodaten", "Kunden", "3 Jahre"), ("Zahlungsdaten", "Kunden", "10 Jahre")],
    ),
    "es": (
        ("Finalidad", "Base jurídica"),
        [("Gestionar las cuentas", "Contrato"), ("Enviar el boletín", "Consentimiento")],
        ("Categorías de datos", "Interesados", "Plazo de conservación"),
        [("Datos de la cuenta", "Clientes", "3 años"), ("Datos de pago", "Clientes", "5 años")],
    ),
    "en": (
        ("Purpose", "Legal basis"),
        [("Manage accounts", "Contract"), ("Send the newsletter", "Consent")],
        ("Categories of personal data", "Data subjects", "Retention period"),
        [("Account data", "Customers", "3 years"), ("Payment data", "Customers", "13 months")],
    ),
}


def _sheet(tmp_path: Path, language: str, data_first: bool) -> Path:
    header, purposes, data_header, data = PURPOSES[language]
    blocks = [
        [["Finalités"], list(header), *map(list, purposes)],
        [["Données"], list(data_header), *map(list, data)],
    ]
    book = openpyxl.Workbook()
    for block in reversed(blocks) if data_first else blocks:
        for row in block:
            book.active.append(row)
        book.active.append([])
    path = tmp_path / f"registre_{language}_{int(data_first)}.xlsx"
    book.save(str(path))
    return path


@pytest.mark.parametrize("data_first", [False, True], ids=["under", "above"])
@pytest.mark.parametrize("language", sorted(PURPOSES))
def test_a_data_table_beside_purposes_holds_no_record(
    tmp_path: Path, language: str, data_first: bool
) -> None:
    path = _sheet(tmp_path, language, data_first)
    names = [
        r.record.name
        for table in read_tables(path)
        for r in read_records(table, propose_mapping(table)).rows()
    ]
    assert names == [row[0] for row in PURPOSES[language][1]]


def test_a_purposes_table_is_no_data_table(tmp_path: Path) -> None:
    path = _sheet(tmp_path, "fr", False)
    assert [describes_data_only(t) for t in read_tables(path)] == [False]
