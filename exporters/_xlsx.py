"""Streaming Excel sheets with safe cells, for every workbook the workbench writes.

Workbooks are created in openpyxl's write-only mode: rows go to disk as they are produced, so
memory stays flat for registers of any size. Cells are built here and nowhere else because of
one rule: a value starting with "=", "+", "-", "@", a tab or a carriage return is written as
text, never as a formula (CSV/formula injection, OWASP), and marked with Excel's quote prefix
so that editing the cell later does not turn it into one either.
"""

from __future__ import annotations

import datetime as dt
import io
import shutil
import zipfile
from collections.abc import Generator, Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from copy import copy
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.comments import Comment
from openpyxl.comments.comment_sheet import CommentRecord
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import to_excel
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from exporters._files import as_datetime, atomic_target, write_stable_zip
from exporters._private_temp import sheets_beside
from workbench.domain.errors import ExportError

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
Value = str | int | float | bool | dt.date | None

HEADER, TEXT, DATE, TITLE, LABEL = (
    "Register header",
    "Register text",
    "Register date",
    "Register title",
    "Register label",
)
# A value to be verified (inferred, not confirmed): shaded, with the reason in a comment.
UNCONFIRMED, UNCONFIRMED_DATE = "Register to be verified", "Register date to be verified"
UNCONFIRMED_FILL = "FCE4D6"


def new_workbook(when: dt.date, title: str, language: str, author: str = "") -> Workbook:
    workbook = Workbook(write_only=True)
    thin = Side(style="thin", color="8EAADB")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    top_wrap = Alignment(wrap_text=True, vertical="top")
    styles = [
        NamedStyle(
            HEADER,
            font=Font(bold=True, color="FFFFFF"),
            fill=PatternFill("solid", fgColor="1F4E79"),
            alignment=Alignment(wrap_text=True, vertical="center"),
            border=border,
        ),
        NamedStyle(TEXT, alignment=top_wrap, border=border),
        NamedStyle(DATE, alignment=top_wrap, border=border, number_format="yyyy-mm-dd"),
        NamedStyle(
            UNCONFIRMED,
            alignment=top_wrap,
            border=border,
            fill=PatternFill("solid", fgColor=UNCONFIRMED_FILL),
        ),
        NamedStyle(
            UNCONFIRMED_DATE,
            alignment=top_wrap,
            border=border,
            fill=PatternFill("solid", fgColor=UNCONFIRMED_FILL),
            number_format="yyyy-mm-dd",
        ),
        NamedStyle(TITLE, font=Font(bold=True, size=14, color="1F4E79")),
        NamedStyle(
            LABEL,
            font=Font(bold=True),
            fill=PatternFill("solid", fgColor="D9E2F3"),
            alignment=top_wrap,
            border=border,
        ),
    ]
    for style in styles:
        workbook.add_named_style(style)
    props = workbook.properties
    props.title = title
    props.creator = author or "DPO Workbench"
    props.lastModifiedBy = author or "DPO Workbench"
    props.language = language
    props.created = props.modified = as_datetime(when)
    return workbook


def add_sheet(
    workbook: Workbook,
    title: str,
    widths: Sequence[float],
    header: Sequence[str] | None = None,
    fit_width: bool = False,
) -> Any:
    """A write-only sheet with column widths, printed landscape on A4, fitted to as few pages
    wide as stay readable (`fit_width`: one), each page footed with the sheet's name and its
    page number; with a header: frozen, bold, filterable, repeated on every printed page."""
    sheet = new_sheet(workbook, title)
    sheet.__dict__["_workbench_widths"] = list(widths)
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.page_setup.fitToWidth = 1 if fit_width else -(-int(sum(widths)) // READABLE_PAGE_WIDTH)
    sheet.page_setup.fitToHeight = 0  # as many pages down as the rows need
    sheet.oddFooter.center.text = "&A — &P / &N"
    if header is not None:
        sheet.freeze_panes = "A2"
        sheet.print_title_rows = "1:1"
        append_row(sheet, [cell(sheet, h, HEADER) for h in header])
    return sheet


# Column width units on one landscape A4 page at about 65 % (the smallest scale that reads well
# on paper: LibreOffice prints about 140 units at 100 %).
READABLE_PAGE_WIDTH = 220
LINE_HEIGHT = 12.75  # points per line of 10-11 pt text
MAX_ROW_HEIGHT = 409  # Excel's limit


def append_row(sheet: Any, cells: Sequence[Cell | None]) -> None:
    """Append a row tall enough for its wrapped text.

    Neither Excel nor LibreOffice reliably fits row heights to wrapped text when opening a file
    (LibreOffice left multi-line cells overlapping in the PDF rendering), so the height is
    estimated here from the text length and the column width.
    """
    widths: list[float] = sheet.__dict__.get("_workbench_widths", [])
    number = sheet.__dict__.get("_workbench_rows", 0) + 1
    sheet.__dict__["_workbench_rows"] = number
    lines = 1
    for index, item in enumerate(cells):
        if item is not None and isinstance(item.value, str) and index < len(widths):
            # LibreOffice's PDF rendering wraps an 80-wide column at about 72 characters of
            # text (wider glyphs than the width unit's): a fuller estimate cut lines off.
            # bold labels and headers (a font other than the default) take a fifth more room
            ratio = 0.72 if item.style.fontId else 0.9
            per_line = max(int(widths[index] * ratio), 1)
            needed = sum(-(-len(part) // per_line) or 1 for part in item.value.split("\n"))
            lines = max(lines, needed)
    if lines > 1:
        # handed to the row writer, not kept in openpyxl's row_dimensions (an object per row:
        # 200 MiB for the 400,000 rows of 10,000 stacked fiches)
        sheet.__dict__["_workbench_height"] = min(lines * LINE_HEIGHT + 3, MAX_ROW_HEIGHT)
    sheet.append(list(cells))


class _StreamingSheet(WriteOnlyWorksheet):  # type: ignore[misc]
    """A write-only sheet that writes its rows itself.

    Titled without openpyxl's duplicate check, which compares a new title with every existing
    one (thousands of record sheets made it quadratic): `new_sheet` keeps titles unique with a
    set. Rows are `Cell`s written straight to the sheet's XML stream, one lxml element per row:
    openpyxl's own path (a WriteOnlyCell per value, its type guessed again, a style looked up
    per cell) cost about 40 µs a cell, most of the time of a 10,000-processing register.
    """

    @property
    def title(self) -> str:
        return str(self._WorkbookChild__title)

    @title.setter
    def title(self, value: str) -> None:
        self._WorkbookChild__title = value

    def _write_rows(self) -> Generator[None, Sequence[Cell | None], None]:
        # The rows go to a file of their own as XML text; `close` puts them in the sheet's
        # <sheetData>, which openpyxl's stream writes empty.
        try:
            xf = self._writer.xf.send(True)
        except StopIteration:
            self._already_saved()
        styles: dict[int, str] = {}
        with Path(self._writer.out + ".rows").open("w", encoding="utf-8") as rows:
            number = 1
            try:
                while True:
                    cells = yield
                    rows.write(self._row_xml(cells, number, styles))
                    number += 1
            except GeneratorExit:
                pass
        with xf.element("sheetData"):
            pass
        self._writer.xf.send(None)

    def close(self) -> None:
        super().close()
        rows = Path(self._writer.out + ".rows")
        if not rows.exists():
            return
        sheet = Path(self._writer.out)
        head, empty, tail = sheet.read_bytes().partition(b"<sheetData/>")
        if not empty:
            head, empty, tail = head.partition(b"<sheetData></sheetData>")
        with sheet.open("wb") as out, rows.open("rb") as body:
            out.write(head + b"<sheetData>")
            shutil.copyfileobj(body, out, 1 << 20)
            out.write(b"</sheetData>" + tail)
        rows.unlink()

    def _row_xml(self, cells: Sequence[Cell | None], number: int, styles: dict[int, str]) -> str:
        suffix = str(number)
        parts = [f'<row r="{suffix}"']
        height = self.__dict__.pop("_workbench_height", None)
        if height is not None:
            parts.append(f' ht="{height}" customHeight="1"')
        parts.append(">")
        for column, item in enumerate(cells):
            if item is None:
                continue
            reference = _LETTERS[column] + suffix
            style = styles.get(id(item.style))
            if style is None:
                style = styles[id(item.style)] = str(self.parent._cell_styles.add(item.style))
            value = item.value
            if isinstance(value, str):
                space = ' xml:space="preserve"' if value != value.strip() else ""
                text = value.translate(_XML_ESCAPES)
                parts.append(f'<c r="{reference}" s="{style}" t="inlineStr">')
                parts.append(f"<is><t{space}>{text}</t></is></c>")
            elif value is None:
                parts.append(f'<c r="{reference}" s="{style}"/>')
            else:
                kind = ' t="b"' if isinstance(value, bool) else ""
                if isinstance(value, bool):
                    value = int(value)
                elif isinstance(value, dt.date):
                    value = to_excel(value)
                parts.append(f'<c r="{reference}" s="{style}"{kind}><v>{value}</v></c>')
            if item.comment is not None:
                record = CommentRecord(ref=reference, author=item.comment.author)
                record.text.t = item.comment.content
                record.height, record.width = item.comment.height, item.comment.width
                self._comments.append(record)
        parts.append("</row>")
        return "".join(parts)


_XML_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
_LETTERS = [get_column_letter(i) for i in range(1, 16385)]


@dataclass(slots=True)
class Cell:
    """A value with its style (shared, never changed) and, maybe, a comment."""

    value: Value
    style: StyleArray
    comment: Comment | None = None


def new_sheet(workbook: Workbook, title: str) -> Any:
    taken: set[str] = workbook.__dict__.setdefault("_workbench_titles", set())
    base = safe_sheet_title(title)
    candidate, number = base, 1
    while candidate.casefold() in taken:
        number += 1
        suffix = f" ({number})"
        candidate = base[: 31 - len(suffix)] + suffix
    taken.add(candidate.casefold())
    sheet = _StreamingSheet(parent=workbook, title=candidate)
    workbook._add_sheet(sheet)
    return sheet


def finish_table(sheet: Any, columns: int, rows: int) -> None:
    """Autofilter over the header and the `rows` data rows, then flush the sheet to disk."""
    sheet.auto_filter.ref = f"A1:{get_column_letter(columns)}{rows + 1}"
    sheet.close()


def cell(sheet: Any, value: Value | Iterable[str], style: str = TEXT) -> Cell:
    """One cell; a list becomes one value per line; dates get the date style."""
    if isinstance(value, list | tuple):
        value = "\n".join(str(v) for v in value)
    if isinstance(value, dt.date) and style in (TEXT, UNCONFIRMED):
        style = DATE if style == TEXT else UNCONFIRMED_DATE
    quoted = False
    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("", value) or None
        # never a formula: written as text (inline strings are), with Excel's quote prefix so
        # that editing the cell later does not turn it into one either
        quoted = value is not None and value.startswith(FORMULA_TRIGGERS)
    return Cell(value, _style_array(sheet.parent, style, quoted))  # type: ignore[arg-type]


def flagged_cell(sheet: Any, value: Value | Iterable[str], reasons: Sequence[str]) -> Cell:
    """A cell whose value is to be verified: shaded, the reasons in its comment (the value
    itself stays as it is, so that the workbook imports back unchanged)."""
    if not reasons:
        return cell(sheet, value)
    result = cell(sheet, value, UNCONFIRMED)
    words = ILLEGAL_CHARACTERS_RE.sub("", "\n".join(reasons))
    result.comment = Comment(words, "DPO Workbench", width=320, height=120)
    return result


def _style_array(workbook: Workbook, style: str, quoted: bool = False) -> StyleArray:
    """The style indexes of a named style (with the quote prefix), resolved once per workbook
    and shared by every cell of that style (openpyxl looks the name up again for each of the
    hundreds of thousands of cells otherwise)."""
    cache: dict[tuple[str, bool], StyleArray] = workbook.__dict__.setdefault(
        "_workbench_styles", {}
    )
    if (style, quoted) not in cache:
        array = copy(workbook._named_styles[style].as_tuple())
        array.quotePrefix = int(quoted)
        cache[(style, quoted)] = array
    return cache[(style, quoted)]


_FORBIDDEN_IN_TITLES = str.maketrans({c: " " for c in "[]:*?/\\"})


def safe_sheet_title(title: str) -> str:
    """Excel refuses []:*?/\\ in sheet names and anything beyond 31 characters."""
    return title.translate(_FORBIDDEN_IN_TITLES).strip("' ")[:31] or "Sheet"


@contextmanager
def streaming(workbook: Workbook, target: str | Path) -> Iterator[Workbook]:
    """Stream the sheets to private temporary files beside `target` (exporters/_private_temp.py),
    closed and removed if the export stops half-way (error, cancel) as when it ends."""
    folder = Path(target).parent
    if not folder.is_dir():
        raise ExportError(f"Cannot write {target}: the folder {folder} does not exist.")
    with sheets_beside(Path(target)):
        try:
            yield workbook
        except BaseException:
            for sheet in workbook.worksheets:
                if not sheet.closed:
                    with suppress(Exception):
                        sheet.close()
            raise


def save_workbook(workbook: Workbook, path: str | Path, when: dt.date) -> None:
    # What Workbook.save does, minus its `properties.modified = now`: the document is dated by
    # its snapshot, so the same register gives the same bytes whatever the second of the export.
    buffer = io.BytesIO()
    if workbook.write_only and not workbook.worksheets:
        workbook.create_sheet()
    workbook.properties.modified = as_datetime(when)
    ExcelWriter(
        workbook, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, allowZip64=True)
    ).save()
    with atomic_target(path) as temp:
        write_stable_zip(buffer.getvalue(), temp, when)
