"""Structural limits on a file to import, checked before a library expands its structure.

A few bytes can describe a huge grid: `<w:gridSpan w:val="2000000000"/>` in one Word cell makes
python-docx build a row of two billion cells (16 GB after 27 minutes); a CSV line of a million
commas made header scoring run for minutes. The guards here read the raw structure, in bounded
memory, and refuse such a file with a clear `UnsafeFileError` (which table, row, column):
- `check_docx_structure`: streams word/document.xml with lxml's iterparse (no entities, no DTD)
  and bounds its size, the columns of each row (spans included), each span, the rows of each
  table (`max_word_rows`) and the cells of the document; a vertical merge continued in a
  table's first row (which python-docx cannot read) is reported as a damaged table;
- `check_ods_structure`: the same for an OpenDocument sheet's content.xml, where one element
  may stand for a billion rows or cells (`table:number-rows-repeated`); only repeated cells
  and rows that hold something count (LibreOffice repeats empty ones to the sheet's end);
- `check_row_width`: the header scan refuses a row wider than `max_columns`;
- `Budget`: the time a file may take to be analysed (`max_seconds`).
"""

from __future__ import annotations

import time
import zipfile
from pathlib import Path
from typing import Any

from lxml import etree

from importers._safety import MIB, SafetyLimits
from importers.xlsx_stream import _free, _safe_iterparse
from workbench.domain.errors import UnsafeFileError
from workbench.i18n import _

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_VAL = _W + "val"
_DOCUMENT_PART = "word/document.xml"
_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"


class Budget:
    """A deadline for analysing one file; `check()` raises once it is spent."""

    def __init__(self, path: Path, seconds: int) -> None:
        self._path = path
        self._seconds = seconds
        self._deadline = time.monotonic() + seconds

    def check(self) -> None:
        if time.monotonic() > self._deadline:
            raise UnsafeFileError(
                _(
                    "{file}: reading the file took more than the {seconds} s allowed "
                    "(setting import.max_seconds)."
                ).format(file=self._path, seconds=self._seconds)
            )


def check_row_width(path: Path, sheet: str, row: int, cells: list[str], limit: int) -> None:
    """Refuse a row with text beyond `limit` columns (row is 1-based, as a spreadsheet shows)."""
    if len(cells) <= limit:
        return
    width = len(cells)
    while width > limit and not cells[width - 1].strip():
        width -= 1
    if width > limit:
        where = f"{path}, sheet '{sheet}'" if sheet else str(path)
        raise UnsafeFileError(
            _(
                "{where}, row {row}: {count} columns, more than the {limit} allowed "
                "(setting import.max_columns)."
            ).format(where=where, row=row, count=width, limit=limit)
        )


def check_docx_structure(path: Path, limits: SafetyLimits, budget: Budget | None = None) -> None:
    """Bound the tables of a Word document by reading its XML, before python-docx does."""
    try:
        with zipfile.ZipFile(path) as archive:
            info = archive.getinfo(_DOCUMENT_PART)
            _check_part_size(path, info, limits)
            with archive.open(info) as stream:
                _TableScan(path, limits, budget).run(stream)
    except (KeyError, zipfile.BadZipFile, OSError, etree.LxmlError):
        return  # a damaged package: python-docx's own reading reports it (sources._open_docx)


def check_ods_structure(path: Path, limits: SafetyLimits, budget: Budget | None = None) -> None:
    """Bound the sheets of an OpenDocument file by reading content.xml, before calamine does."""
    try:
        with zipfile.ZipFile(path) as archive:
            info = archive.getinfo("content.xml")
            _check_part_size(path, info, limits)
            with archive.open(info) as stream:
                _scan_ods(path, stream, limits, budget)
    except (KeyError, zipfile.BadZipFile, OSError, etree.LxmlError):
        return  # a damaged package: calamine's own reading reports it (sources._open_workbook)


def _scan_ods(path: Path, stream: Any, limits: SafetyLimits, budget: Budget | None) -> None:
    sheet, row, cells = "", 0, 0
    for event, element in _table_events(stream, _TABLE + "table", _TABLE + "table-row"):
        if element.tag == _TABLE + "table":
            if event == "start":
                sheet, row = element.get(_TABLE + "name", ""), 0
            continue
        if event == "start":
            continue
        repeat = max(_integer(element.get(_TABLE + "number-rows-repeated")), 1)
        width = _ods_filled_width(element)
        row += repeat
        _free(element)
        if budget is not None:
            budget.check()
        if not width:
            continue
        where = f"{path}, sheet '{sheet}'"
        if width > limits.max_columns:
            raise UnsafeFileError(
                _(
                    "{where}, row {row}: {count} columns, more than the {limit} allowed "
                    "(setting import.max_columns)."
                ).format(where=where, row=row - repeat + 1, count=width, limit=limits.max_columns)
            )
        if row > limits.max_rows:
            raise UnsafeFileError(
                _("{where}: more than {limit} rows (setting import.max_rows).").format(
                    where=where, limit=limits.max_rows
                )
            )
        cells += width * repeat
        if cells > limits.max_cells:
            raise UnsafeFileError(
                _("{where}: more than {limit} cells (setting import.max_cells).").format(
                    where=where, limit=limits.max_cells
                )
            )


def _ods_filled_width(row: Any) -> int:
    """Columns up to the last cell holding a value, repeated cells counted as many times."""
    width = filled = 0
    for cell in row:
        repeat = max(_integer(cell.get(_TABLE + "number-columns-repeated")), 1)
        width += repeat
        if len(cell) or cell.get(_OFFICE + "value-type") is not None:
            filled = width
    return filled


def _check_part_size(path: Path, info: zipfile.ZipInfo, limits: SafetyLimits) -> None:
    if info.file_size > limits.max_document_bytes:
        raise UnsafeFileError(
            _(
                "{file}: the document body is {size} MB, more than the {limit} MB "
                "allowed (setting import.max_document_bytes)."
            ).format(
                file=path,
                size=f"{info.file_size / MIB:.1f}",
                limit=f"{limits.max_document_bytes / MIB:.1f}",
            )
        )


class _TableScan:
    """The walk over every table row (nested tables included), one row in memory at a time."""

    def __init__(self, path: Path, limits: SafetyLimits, budget: Budget | None) -> None:
        self.path = path
        self.limits = limits
        self.budget = budget
        self.table_number = 0  # of the top-level table, as the import names it ("Table 2")
        self.depth = 0
        self.rows_in_table: list[int] = []
        self.cells = 0

    def run(self, stream: Any) -> None:
        for event, element in _table_events(stream, _W + "tbl", _W + "tr"):
            if element.tag == _W + "tbl":
                self._table(event)
            elif event == "end":
                self._row(element)
                _free(element)
                if self.budget is not None:
                    self.budget.check()

    def _table(self, event: str) -> None:
        if event == "start":
            self.depth += 1
            if self.depth == 1:
                self.table_number += 1
            self.rows_in_table.append(0)
        else:
            self.depth -= 1
            self.rows_in_table.pop()

    def _row(self, tr: Any) -> None:
        self.rows_in_table[-1] += 1
        row = self.rows_in_table[-1]
        if row > self.limits.max_word_rows:
            self._refuse(
                _(
                    "more than {limit} rows, too many for a Word table (setting "
                    "import.max_word_rows): save the table as a spreadsheet and import that."
                ).format(limit=self.limits.max_word_rows),
                row,
            )
        width = self._grid_skip(tr, "gridBefore") + self._grid_skip(tr, "gridAfter")
        for column, tc in enumerate(tr.iterchildren(_W + "tc"), start=1):
            tc_pr = tc.find(_W + "tcPr")
            span = self._span(tc_pr, row, column)
            width += span
            if row == 1 and tc_pr is not None:
                merge = tc_pr.find(_W + "vMerge")
                if merge is not None and merge.get(_VAL, "continue") != "restart":
                    self._refuse(
                        _(
                            "column {column} continues a vertical merge, but it is in the "
                            "table's first row (a damaged table): open the file in your word "
                            "processor, unmerge that cell and save it again."
                        ).format(column=column),
                        row,
                    )
            if width > self.limits.max_columns:
                self._refuse(self._too_wide(), row)
        self.cells += width
        if self.cells > self.limits.max_cells:
            self._refuse(
                _("the tables hold more than {limit} cells (setting import.max_cells).").format(
                    limit=self.limits.max_cells
                ),
                row,
            )

    def _span(self, tc_pr: Any, row: int, column: int) -> int:
        grid_span = tc_pr.find(_W + "gridSpan") if tc_pr is not None else None
        if grid_span is None:
            return 1
        span = _integer(grid_span.get(_VAL))
        if span > self.limits.max_columns:
            self._refuse(
                _(
                    "column {column} spans {span} columns, more than the {limit} allowed "
                    "(setting import.max_columns)."
                ).format(column=column, span=span, limit=self.limits.max_columns),
                row,
            )
        return max(span, 1)

    def _grid_skip(self, tr: Any, name: str) -> int:
        tr_pr = tr.find(_W + "trPr")
        element = tr_pr.find(_W + name) if tr_pr is not None else None
        skip = _integer(element.get(_VAL)) if element is not None else 0
        if skip > self.limits.max_columns:
            self._refuse(self._too_wide(), self.rows_in_table[-1])
        return max(skip, 0)

    def _too_wide(self) -> str:
        return _("more than {limit} columns (setting import.max_columns).").format(
            limit=self.limits.max_columns
        )

    def _refuse(self, problem: str, row: int) -> None:
        table = _("Table {number}").format(number=self.table_number)
        raise UnsafeFileError(
            _("{file}, {table}, row {row}: {problem}").format(
                file=self.path, table=table, row=row, problem=problem
            )
        )


def _table_events(stream: Any, table: str, row: str) -> Any:
    """Start and end of each table and row, streamed (no entities, no DTD, no huge tree)."""
    return _safe_iterparse(stream, (table, row), ("start", "end"))


def _integer(text: str | None) -> int:
    """A span or grid count as Word writes it; anything unreadable counts as one column."""
    try:
        return int(text or "1")
    except ValueError:
        return 1
