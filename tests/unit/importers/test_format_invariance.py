"""The same table reads the same from a workbook, an OpenDocument sheet and a CSV file.

Every page of the real-file corpus is built into the three sheet containers (as
`tests/data/real/make_real_files.py` builds its own one) and imported with its automatic
mapping: each record's kind, name, countries, mechanism and legal basis must be the same from
all three. Before the OpenDocument reader ended each row at its last value, as the xlsx reader
does, Kammaren's and Annex27's fiches ("Fält | Värde" beside a five-column table) lost their
title names in .ods. Word documents are left out: a page's headings are paragraphs there and
rows in a sheet, and `python -m tests.unit.importers.format_invariance` lists how they differ.
"""

from __future__ import annotations

from pathlib import Path

from odf.opendocument import OpenDocumentSpreadsheet
from odf.table import Table, TableCell, TableRow
from odf.text import P

from importers.sources import spreadsheet_grids
from tests.unit.importers.format_invariance import build, build_as, readings

SHEETS = ("xlsx", "ods", "csv")
# pages whose only tables are Word fiches under headings: as a sheet they hold no table
EMPTY_AS_SHEETS = frozenset({"comptoir_finalites", "ryanair_destinataires"})


def test_every_corpus_page_reads_the_same_from_the_three_sheet_containers(tmp_path: Path) -> None:
    differing = []
    for ident in build.FORMATS:
        first, *others = (readings(build_as(ident, container, tmp_path)) for container in SHEETS)
        assert first or ident in EMPTY_AS_SHEETS, ident
        differing += [ident for other in others if other != first]
    assert differing == []


def test_an_ods_row_ends_at_its_last_value(tmp_path: Path) -> None:
    document = OpenDocumentSpreadsheet()
    table = Table(name="Feuille")
    for values in (["Fiche", "", "", ""], ["Finalité", "Paie", "", ""], ["a", "b", "c", "d"]):
        row = TableRow()
        for value in values:
            cell = TableCell(valuetype="string") if value else TableCell()
            if value:
                cell.addElement(P(text=value))
            row.addElement(cell)
        table.addElement(row)
    document.spreadsheet.addElement(table)
    path = tmp_path / "fiche.ods"
    document.save(str(path))
    (grid,) = spreadsheet_grids(path)
    assert list(grid.rows()) == [["Fiche"], ["Finalité", "Paie"], ["a", "b", "c", "d"]]
