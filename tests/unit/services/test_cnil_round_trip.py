"""The CNIL model layout both ways: the Excel export's list sheet and fiches, imported back into
an empty register through the import service, give the same processing records."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from importers import RecordKind, propose_mapping, read_records, read_tables
from importers.cnil_model import read_cnil_register
from tests.unit.exporters.chain_register import fill_chain
from tests.unit.services.test_excel_register_language import raw_codes
from tests.unit.services.test_export_service import _contents
from workbench.services import Register, open_register
from workbench.services.demo import load_demo
from workbench.services.export_service import ExportService
from workbench.services.import_service import ImportService

SUBPROCESSOR_SHEETS = {"fr": "Sous-traitants", "en": "Subprocessors"}


def _through_the_cnil_layout(register: Register, tmp_path: Path, locale: str) -> Register:
    """Export; import the subprocessors sheet (the fiches name them), then the CNIL fiches."""
    path = tmp_path / f"registre-{locale}.xlsx"
    ExportService(register).export_register(path, "xlsx", locale)
    (subs,) = read_tables(path, SUBPROCESSOR_SHEETS[locale])
    batches = [read_records(subs, propose_mapping(subs, RecordKind.AUTO)), read_cnil_register(path)]
    empty = open_register(tmp_path / f"empty-cnil-{locale}.sqlite")
    ImportService(empty).apply(batches)
    return empty


@pytest.mark.parametrize("locale", ["fr"])
def test_the_demo_through_the_cnil_fiches_gives_the_same_treatments(
    register: Register, tmp_path: Path, locale: str
) -> None:
    load_demo(register)
    imported = _through_the_cnil_layout(register, tmp_path, locale)
    # the same workbook, French all the way down (the demo's 188 code cells were English)
    assert raw_codes(tmp_path / f"registre-{locale}.xlsx") == []
    try:
        got, _subs = _contents(imported)
    finally:
        imported.close()
    expected, _subs = _contents(register)
    assert got.keys() == expected.keys()
    for key, record in expected.items():
        assert _by_row(got[key]) == _by_row(record), key


def _by_row(record: dict[str, Any]) -> dict[str, Any]:
    """The fiche prints the categories on the model's rows (identity, NIR, health...): their
    order is the model's, not the register's. The working notes are not register content and
    are not on a fiche (the data sheets carry them). Everything else is compared as it is."""
    key = lambda c: (c["sensitivity"], c["subject"], c["name"])  # noqa: E731
    categories = sorted(record["data_categories"], key=key)
    return {**record, "data_categories": categories, "notes": None}


def test_marks_survive_the_cnil_fiches(register: Register, tmp_path: Path) -> None:
    fill_chain(register)
    imported = _through_the_cnil_layout(register, tmp_path, "fr")
    try:
        got = {t.name: t.unconfirmed for t in imported.treatments.list()}
    finally:
        imported.close()
    assert got == {t.name: t.unconfirmed for t in register.treatments.list()}
    assert any(got.values())


def test_stacked_fiches_of_a_large_register_import_back_too(
    register: Register, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Above FICHE_SHEETS_UP_TO processings the fiches share one sheet, each on its own page."""
    import openpyxl

    from exporters import _xlsx_cnil

    monkeypatch.setattr(_xlsx_cnil, "FICHE_SHEETS_UP_TO", 1)
    fill_chain(register)
    imported = _through_the_cnil_layout(register, tmp_path, "fr")
    try:
        got = {t.name: (t.unconfirmed, t.purpose) for t in imported.treatments.list()}
    finally:
        imported.close()
    assert got == {t.name: (t.unconfirmed, t.purpose) for t in register.treatments.list()}
    book = openpyxl.load_workbook(tmp_path / "registre-fr.xlsx")
    assert book.sheetnames[-2:] == ["Liste des traitements", "Fiches de registre"]
    stacked = book["Fiches de registre"]
    titles = [r[0].row for r in stacked.iter_rows() if str(r[0].value).startswith("Fiche de")]
    assert len(titles) == len(register.treatments.list())
    assert [b.id + 2 for b in stacked.row_breaks.brk] == titles[1:]  # each fiche: a new page
