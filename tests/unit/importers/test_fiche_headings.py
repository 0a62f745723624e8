"""A Word table of one fiche, without header, is named by the title above it.

Written on Comptoir des Cotonniers' eight "Base légale | ..." tables, each under a numbered bold
title and a sentence introducing it; the documents here are English and Spanish, hand-written.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document

from importers import propose_mapping, read_records, read_tables
from importers.sources import docx_grids
from workbench.domain.enums import LegalBasis
from workbench.domain.records import Treatment


def _fiche(document: object, rows: list[tuple[str, str]]) -> None:
    table = document.add_table(rows=len(rows), cols=2)  # type: ignore[attr-defined]
    for row, (label, value) in zip(table.rows, rows, strict=True):
        row.cells[0].text = label
        row.cells[1].text = value


def _document(tmp_path: Path) -> Path:
    document = Document()
    document.add_paragraph("Why we use your data")
    title = document.add_paragraph()
    title.add_run("1. Handling your orders").bold = True
    document.add_paragraph("To deliver what you order, we need the following information.")
    _fiche(
        document,
        [
            ("Categories of personal data", "Identity, contact details, addresses"),
            ("Legal basis", "We process your data to perform the contract of sale."),
            ("Retention", "Five years after the order"),
            ("Your rights", "You may ask for your data at any time."),
        ],
    )
    document.add_heading("2. Enviar boletines", level=2)
    document.add_paragraph("Le enviamos novedades si lo desea.")
    _fiche(
        document,
        [
            ("Categorías de datos personales", "Correo electrónico"),
            ("Base jurídica", "Su consentimiento"),
            ("Plazo de conservación", "Tres años"),
        ],
    )
    path = tmp_path / "fiches.docx"
    document.save(str(path))
    return path


def test_the_title_paragraph_above_a_table_is_kept(tmp_path: Path) -> None:
    grids = docx_grids(_document(tmp_path))
    assert [g.context_heading for g in grids] == ["1. Handling your orders", "2. Enviar boletines"]
    assert grids[0].context_title.startswith("To deliver")


def test_each_headerless_fiche_is_a_treatment_named_by_its_title(tmp_path: Path) -> None:
    records: list[Treatment] = []
    for table in read_tables(_document(tmp_path)):
        for row in read_records(table, propose_mapping(table)).rows():
            assert isinstance(row.record, Treatment)
            records.append(row.record)
    assert [r.name for r in records] == ["1. Handling your orders", "2. Enviar boletines"]
    assert [r.legal_basis for r in records] == [LegalBasis.CONTRACT, LegalBasis.CONSENT]


def test_a_table_with_its_own_header_is_not_named_by_the_title(tmp_path: Path) -> None:
    document = Document()
    title = document.add_paragraph()
    title.add_run("Our processing").bold = True
    table = document.add_table(rows=3, cols=2)
    for row, cells in zip(
        table.rows,
        [("Processing", "Legal basis"), ("Orders", "Contract"), ("Newsletter", "Consent")],
        strict=True,
    ):
        row.cells[0].text, row.cells[1].text = cells
    path = tmp_path / "table.docx"
    document.save(str(path))
    (found,) = read_tables(path)
    names = [r.record.name for r in read_records(found, propose_mapping(found)).rows()]
    assert names == ["Orders", "Newsletter"]
