"""Opening a file as grids of cell texts: sheets of a workbook, tables of a Word document, a CSV.

Each grid re-reads the file when iterated, so a 100k-row sheet is never held in memory: .xlsx
and .csv are streamed row by row (python-calamine, used for .ods, keeps its own compact copy of
the sheet while it is open).
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice
from pathlib import Path
from typing import Any

from python_calamine import CalamineError, CalamineWorkbook, PasswordError

from importers._safety import DEFAULT_LIMITS, SafetyLimits, guard_file
from importers._structure import Budget, check_docx_structure, check_ods_structure
from importers.xlsx_stream import XlsxWorkbook
from workbench.domain.errors import UnreadableFileError
from workbench.i18n import _

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy .xls, and every encrypted OOXML file
ZIP_MAGIC = b"PK\x03\x04"
CSV_DELIMITERS = ",;\t"
SNIFF_ROWS = 200  # rows of the sample compared when choosing the delimiter


def cell_text(value: Any) -> str:
    """A spreadsheet value as the text a person reads in the cell."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


# -- workbooks (xlsx, xlsm): streamed -------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class XlsxSheetGrid:
    file: Path
    sheet: str
    row_count: int
    context_title: str = ""
    book: XlsxWorkbook | None = field(default=None, compare=False, repr=False)

    def rows(self) -> Iterator[list[str]]:
        return (self.book or XlsxWorkbook(self.file)).rows(self.sheet)


def xlsx_grids(path: Path) -> list[XlsxSheetGrid]:
    # one workbook per file: its list of sheets and styles are read once, each pass over a
    # sheet reopens the zip (see importers/xlsx_stream.py)
    book = XlsxWorkbook(path)
    return [XlsxSheetGrid(path, name, book.row_count(name), book=book) for name in book.sheet_names]


# -- OpenDocument spreadsheets (ods) ---------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class SpreadsheetGrid:
    """A sheet read with python-calamine, which holds the whole sheet while it is open: used
    for .ods, which LibreOffice users write by hand and are small (xlsx is streamed)."""

    file: Path
    sheet: str
    row_count: int
    context_title: str = ""

    def rows(self) -> Iterator[list[str]]:
        with _open_workbook(self.file) as book:
            sheet = book.get_sheet_by_name(self.sheet)
            # Row indexes must match the file (provenance), so the empty area is kept; a row
            # ends at its last value, as the xlsx reader gives it (calamine pads every row to
            # the sheet's width, which would make a two-column fiche look as wide as the
            # table beside it)
            for raw in sheet.iter_rows():
                cells = [cell_text(v) for v in raw]
                while cells and not cells[-1]:
                    cells.pop()
                yield cells


def _open_workbook(path: Path) -> CalamineWorkbook:
    try:
        return CalamineWorkbook.from_path(str(path))
    except PasswordError as exc:
        raise UnreadableFileError(
            str(path), _("the workbook is password-protected; save an unprotected copy first.")
        ) from exc
    except (CalamineError, OSError, ValueError) as exc:
        raise UnreadableFileError(
            str(path),
            _("the file is damaged or not a spreadsheet ({detail}).").format(detail=exc),
        ) from exc


def spreadsheet_grids(path: Path) -> list[SpreadsheetGrid]:
    with _open_workbook(path) as book:
        grids = []
        for name in book.sheet_names:
            try:
                sheet = book.get_sheet_by_name(name)
            except CalamineError as exc:
                raise UnreadableFileError(
                    str(path), _("the sheet cannot be read ({detail}).").format(detail=exc), name
                ) from exc
            end = sheet.end
            grids.append(SpreadsheetGrid(path, name, (end[0] + 1) if end else 0))
        return grids


# -- CSV ------------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class CsvGrid:
    file: Path
    encoding: str
    delimiter: str
    row_count: int
    sheet: str = ""
    context_title: str = ""

    def rows(self) -> Iterator[list[str]]:
        # errors="replace": Windows-1252 leaves five bytes undefined (0x81, 0x8D, 0x8F, 0x90,
        # 0x9D); a stray one in a vendor's file becomes U+FFFD instead of stopping the import.
        with self.file.open(encoding=self.encoding, newline="", errors="replace") as handle:
            for _line, row in _strict_rows(self.file, handle, self.delimiter):
                yield row


def detect_encoding(path: Path) -> str:
    """UTF-8 (with or without BOM) when the whole file decodes as such, else Windows-1252."""
    with path.open("rb") as handle:
        head = handle.read(4)
        if head.startswith(codecs.BOM_UTF8):
            return "utf-8-sig"
        if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return "utf-16"
        handle.seek(0)
        decoder = codecs.getincrementaldecoder("utf-8")()
        try:
            while chunk := handle.read(1 << 20):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            return "cp1252"
    return "utf-8"


def sniff_delimiter(sample: str) -> str:
    try:
        sniffed = csv.Sniffer().sniff(sample, delimiters=CSV_DELIMITERS).delimiter
    except csv.Error:
        # The sniffer gives up on quoted multi-line cells: count outside quotes on the first line.
        first = next(csv.reader(io.StringIO(sample), delimiter="\x00"), [""])
        line = first[0] if first else ""
        sniffed = max(CSV_DELIMITERS, key=line.count)
    # Title and intro lines above the table ("Los siguientes ... por cuenta de Socialo, S.L.:")
    # can mislead the sniffer: the table's delimiter is the one that splits the most rows into
    # the same number of fields; the sniffer's choice stands unless another splits more.
    table_rows = {d: _rows_of_one_width(sample, d) for d in CSV_DELIMITERS}
    best = max(CSV_DELIMITERS, key=lambda d: table_rows[d])
    return best if table_rows[best] > table_rows.get(sniffed, 0) else sniffed


def _rows_of_one_width(sample: str, delimiter: str) -> int:
    """How many rows of the sample have the most frequent width of two fields or more."""
    widths: dict[int, int] = {}
    try:
        for row in islice(csv.reader(io.StringIO(sample), delimiter=delimiter), SNIFF_ROWS):
            if len(row) >= 2:
                widths[len(row)] = widths.get(len(row), 0) + 1
    except csv.Error:
        return 0
    return max(widths.values(), default=0)


def csv_grid(path: Path, budget: Budget | None = None) -> CsvGrid:
    """The CSV's grid, once the whole file is read as strict CSV: a quote never closed, or a
    row with more or fewer fields than the header row of its table, is an error naming its
    line (read leniently, one stray quote swallowed the rest of the file into one cell). A row
    under a blank or one-text line (a title, a sentence) starts a table of its own width."""
    encoding = detect_encoding(path)
    try:
        with path.open(encoding=encoding, newline="", errors="replace") as handle:
            sample = handle.read(64 * 1024)
            handle.seek(0)
            delimiter = sniff_delimiter(sample)
            rows = 0
            width = 0  # fields of the header: the first row with two cells filled
            apart = True  # the row above is blank or holds one text (a title, a sentence)
            from importers.short_rows import TrailingSeparators

            trailing = TrailingSeparators(())
            for line, row in _strict_rows(path, handle, delimiter):
                rows += 1
                if budget is not None and not rows % 4096:
                    budget.check()
                filled = sum(1 for c in row if c.strip())
                if filled >= 2 and apart:
                    # a table's header, the first one or another under a blank or title line:
                    # a sheet saved as CSV keeps its tables one under the other, each with its
                    # own width, as the spreadsheet reader finds them in a sheet
                    width = len(row)
                    trailing = TrailingSeparators(tuple(row))
                elif filled >= 2:
                    ragged = _beyond(row, width, line) or trailing.contradicted(row, width, line)
                    if ragged is not None:
                        raise _ragged_error(path, ragged, width)
                apart = filled < 2
    except UnicodeError as exc:
        raise UnreadableFileError(
            str(path), _("not a readable CSV file ({detail}).").format(detail=exc)
        ) from exc
    return CsvGrid(path, encoding, delimiter, rows)


def _beyond(row: list[str], width: int, line: int) -> tuple[int, int] | None:
    """(line, field count) of a row with text beyond the header's width (empty trailing fields
    are harmless), else None."""
    return (line, len(row)) if any(c.strip() for c in row[width:]) else None


def _ragged_error(path: Path, ragged: tuple[int, int], width: int) -> UnreadableFileError:
    line, count = ragged
    return UnreadableFileError(
        str(path),
        _(
            "line {line}: {count} fields where the header has {width} (a "
            "separator inside a value that is not quoted, or one missing?)."
        ).format(line=line, count=count, width=width),
    )


def _strict_rows(path: Path, handle: Any, delimiter: str) -> Iterator[tuple[int, list[str]]]:
    """(first line, fields) of each record; a malformed record is an error naming its line."""
    reader = csv.reader(handle, delimiter=delimiter, strict=True)
    while True:
        line = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            problem = (
                _("a quote opened on this line is never closed (unterminated quote).")
                if "unexpected end of data" in str(exc)
                else _("not a readable CSV record ({detail}).").format(detail=exc)
            )
            raise UnreadableFileError(
                str(path), _("line {line}: {problem}").format(line=line, problem=problem)
            ) from exc
        yield line, row


# -- Word tables ----------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class DocxGrid:
    file: Path
    sheet: str
    table_index: int
    row_count: int
    context_title: str = ""
    # the title paragraph above the table (bold, or a heading style), which may name a fiche
    context_heading: str = ""

    def rows(self) -> Iterator[list[str]]:
        table = _open_docx(self.file).tables[self.table_index]
        yield from docx_table_rows(table, self.file, self.sheet)


def docx_table_rows(table: Any, file: Path | None = None, name: str = "") -> Iterator[list[str]]:
    """Cell texts, paragraphs joined by newlines; a merged cell's text appears once only."""
    above: list[Any] = []
    for number, row in enumerate(table.rows, start=1):
        try:
            cells = list(row.cells)
        except ValueError as exc:  # a merge python-docx cannot resolve (no cell above it)
            raise UnreadableFileError(
                str(file or ""),
                _("the table's merged cells cannot be read ({detail}).").format(detail=exc),
                name,
                number,
            ) from exc
        texts: list[str] = []
        for i, cell in enumerate(cells):
            repeated_left = i > 0 and cells[i - 1]._tc is cell._tc
            repeated_above = i < len(above) and above[i]._tc is cell._tc
            texts.append("" if repeated_left or repeated_above else cell_paragraphs(cell))
        above = cells
        yield texts


def cell_paragraphs(cell: Any) -> str:
    lines = []
    for paragraph in cell.paragraphs:
        text = paragraph.text
        # read the style id from the XML: resolving style objects is slow in python-docx
        p_pr = paragraph._p.pPr
        style_id = (paragraph._p.style or "") if p_pr is not None else ""
        numbered = p_pr is not None and p_pr.numPr is not None
        if text.strip() and ("List" in style_id or numbered):
            text = "- " + text  # a Word bullet list: keep one value per line
        lines.append(text)
    return "\n".join(lines).strip()


def _open_docx(path: Path) -> Any:
    # Word tables are small and parsed several times (finding the header, then the rows): cache
    # the parsed document by content, not by mtime/size, which a file rewritten within one
    # timestamp tick can share with its previous version.
    return _open_docx_cached(str(path), path.read_bytes())


@lru_cache(maxsize=4)
def _open_docx_cached(path: str, data: bytes) -> Any:
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from lxml.etree import XMLSyntaxError

    # python-docx walks the package parts without checking them: a damaged
    # [Content_Types].xml surfaces as an AttributeError deep inside it (found by fuzzing).
    damaged = (PackageNotFoundError, zipfile.BadZipFile, XMLSyntaxError, KeyError, ValueError)
    try:
        document = docx.Document(io.BytesIO(data))
        # a damaged Word namespace leaves a root python-docx does not know, which fails only
        # when the body is first read: read it now (found by fuzzing)
        if getattr(document.element, "body", None) is None:
            raise ValueError("word/document.xml has no Word body")
        return document
    except (*damaged, AttributeError, TypeError, IndexError) as exc:
        raise UnreadableFileError(
            path,
            _("the file is damaged or not a Word document ({detail}).").format(detail=exc),
        ) from exc


def docx_grids(path: Path) -> list[DocxGrid]:
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = _open_docx(path)
    grids = []
    last_text = last_heading = ""
    index = 0
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            if block.text.strip():
                last_text = block.text.strip()
                if _is_heading(block):
                    last_heading = last_text
        elif isinstance(block, Table):
            name = _("Table {number}").format(number=index + 1)
            grids.append(DocxGrid(path, name, index, len(block.rows), last_text, last_heading))
            index += 1
            last_text = last_heading = ""
    return grids


HEADING_MAX_WORDS = 20  # a title is a line; a bold sentence of a paragraph's length is text


def _is_heading(paragraph: Any) -> bool:
    """A paragraph written as a title: a heading style, or every run of its text in bold."""
    text = paragraph.text.strip()
    if not text or len(text.split()) > HEADING_MAX_WORDS:
        return False
    style = getattr(paragraph.style, "name", "") or ""
    if style.lower().startswith(("heading", "titre", "title")):
        return True
    runs = [run for run in paragraph.runs if run.text.strip()]
    return bool(runs) and all(run.bold for run in runs)


# -- dispatch -------------------------------------------------------------------------------------
def open_grids(
    path: Path, limits: SafetyLimits = DEFAULT_LIMITS, budget: Budget | None = None
) -> list[XlsxSheetGrid] | list[SpreadsheetGrid] | list[CsvGrid] | list[DocxGrid]:
    """Every grid of the file, or UnreadableFileError naming what is wrong with it.

    The file is guarded first (importers/_safety.py: size, zip bomb, hostile XML, whatever the
    format), a Word document's tables are bounded before python-docx expands them."""
    if not path.is_file():
        raise UnreadableFileError(str(path), _("no such file."))
    suffix = path.suffix.lower()
    with path.open("rb") as handle:
        magic = handle.read(8)
    if not magic:
        raise UnreadableFileError(str(path), _("the file is empty."))
    if suffix in {".csv", ".txt"}:
        guard_file(path, limits)
        return [csv_grid(path, budget)]
    if magic.startswith(OLE_MAGIC):
        raise UnreadableFileError(
            str(path),
            _(
                "the file is encrypted (password-protected) or in the old binary format; "
                "open it in your office suite and save it unprotected as .xlsx, .ods or .docx."
            ),
        )
    if not magic.startswith(ZIP_MAGIC) or not zipfile.is_zipfile(path):
        raise UnreadableFileError(
            str(path), _("the file is truncated or is not a {suffix} file.").format(suffix=suffix)
        )
    guard_file(path, limits)  # size, zip bomb, hostile XML: refused before any parser sees it
    if suffix in (".xlsx", ".xlsm"):
        return xlsx_grids(path)
    if suffix == ".ods":
        check_ods_structure(path, limits, budget)
        return spreadsheet_grids(path)
    if suffix == ".docx":
        check_docx_structure(path, limits, budget)
        return docx_grids(path)
    raise UnreadableFileError(
        str(path),
        _("unsupported file type {suffix}: use .xlsx, .xlsm, .ods, .csv or .docx.").format(
            suffix=suffix
        ),
    )
