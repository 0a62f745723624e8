"""A table of data categories told by its headers alone: a bare category column, its examples and
where the data comes from ("Categorie | Voorbeelden | Bron", "Catégorie | Exemples | Source"),
no name, purpose, basis or place. Its rows are the data of the treatments the page names in
another table, no records, whatever kind a bare "Catégorie" scores (it is also a subprocessor's).

Written on Annex27's Dutch privacy page, whose data-category table was read as six subprocessors
named by their examples; the tables here are French, German, Spanish, Italian, Portuguese and
English, hand-written, in Word pages and in sheets, above or under the purposes.
"""

from __future__ import annotations

from pathlib import Path

import docx
import openpyxl
import pytest

from importers import propose_mapping, read_records, read_tables
from importers.tables import lists_data_categories

PURPOSES = (("Purpose", "Legal basis"), ("Manage accounts", "Contract"), ("Send news", "Consent"))
CATEGORIES = {
    "fr": (
        ("Catégorie", "Exemples", "Source"),
        ("Identité", "Nom, prénom, adresse", "Vous-même"),
        ("Connexion", "Adresse IP, journaux", "Nos serveurs"),
    ),
    "de": (
        ("Kategorie", "Beispiele", "Herkunft"),
        ("Stammdaten", "Name, Anschrift", "Sie selbst"),
        ("Nutzungsdaten", "IP-Adresse, Browser", "Ihr Gerät"),
    ),
    "es": (
        ("Categoría", "Ejemplos", "Fuente"),
        ("Identificación", "Nombre, apellidos, correo", "El propio interesado"),
        ("Facturación", "NIF, dirección, pagos", "Nuestro proveedor de pagos"),
    ),
    "it": (
        ("Categoria", "Esempi"),  # without the source column
        ("Dati anagrafici", "Nome, cognome, indirizzo"),
        ("Dati di navigazione", "Indirizzo IP, cookie tecnici"),
    ),
    "pt": (
        ("Categoria de dados", "Exemplos", "Origem dos dados"),  # what the headers are of
        ("Contacto", "Nome, e-mail, telefone", "O titular"),
        ("Pagamento", "IBAN, NIF", "O banco"),
    ),
    "en": (
        ("Examples", "Category", "Source"),  # the category not first
        ("Name, email address", "Account data", "You"),
        ("Card number, billing address", "Payment data", "Our payment provider"),
    ),
}


def _word(tmp_path: Path, language: str, categories_first: bool) -> Path:
    document = docx.Document()
    tables = [PURPOSES, CATEGORIES[language]]
    for rows in reversed(tables) if categories_first else tables:
        table = document.add_table(rows=0, cols=len(rows[0]))
        for row in rows:
            for cell, text in zip(table.add_row().cells, row, strict=True):
                cell.text = text
        document.add_paragraph("")
    path = tmp_path / f"privacy_{language}.docx"
    document.save(str(path))
    return path


def _sheet(tmp_path: Path, language: str, categories_first: bool) -> Path:
    book = openpyxl.Workbook()
    blocks = [[("Finalités",), *PURPOSES], [("Données",), *CATEGORIES[language]]]
    for block in reversed(blocks) if categories_first else blocks:
        for row in block:
            book.active.append(list(row))
        book.active.append([])
    path = tmp_path / f"privacy_{language}.xlsx"
    book.save(str(path))
    return path


def _names(path: Path) -> list[str]:
    return [
        r.record.name
        for table in read_tables(path)
        for r in read_records(table, propose_mapping(table)).rows()
    ]


@pytest.mark.parametrize("categories_first", [False, True], ids=["under", "above"])
@pytest.mark.parametrize("language", sorted(CATEGORIES))
def test_a_data_category_table_of_a_word_page_holds_no_record(
    tmp_path: Path, language: str, categories_first: bool
) -> None:
    assert _names(_word(tmp_path, language, categories_first)) == ["Manage accounts", "Send news"]


def test_a_data_category_header_ends_the_purposes_table_above_it(tmp_path: Path) -> None:
    """In a sheet, the rows under a data-category header are no more purposes."""
    assert _names(_sheet(tmp_path, "it", False)) == ["Manage accounts", "Send news"]


def test_a_data_category_header_is_found_above_its_rows(tmp_path: Path) -> None:
    """In a sheet, the data-category table above the purposes is found by its own header, not
    by its first row (which would read as a subprocessors header)."""
    assert _names(_sheet(tmp_path, "pt", True)) == ["Manage accounts", "Send news"]


@pytest.mark.parametrize(
    "headers",
    [
        ("Catégorie", "Nom", "Pays"),  # a subprocessor list by category
        ("Category", "Provider", "Examples"),  # the provider names the record
        ("Kategorie", "Beispiele", "Zweck"),  # a purpose beside the examples
        ("Categoría", "Fuente"),  # no examples: nothing says the rows are data
        ("Catégorie", "Catégories", "Exemples"),  # two category columns
        ("Exemples", "Source"),  # no category
    ],
)
def test_other_tables_with_a_category_or_examples_are_not_data_category_tables(
    headers: tuple[str, ...],
) -> None:
    assert not lists_data_categories(headers)


def test_a_subprocessor_list_by_category_keeps_its_records(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    for row in (
        ("Catégorie", "Sous-traitant", "Pays"),
        ("Hébergement", "OVHcloud", "France"),
        ("Emailing", "Brevo", "France"),
    ):
        book.active.append(list(row))
    path = tmp_path / "sous_traitants.xlsx"
    book.save(str(path))
    assert _names(path) == ["OVHcloud", "Brevo"]
