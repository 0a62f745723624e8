"""Streaming .xlsx/.xlsm reader: cell texts row by row, memory flat whatever the sheet's size.

openpyxl's read-only mode streams too, but spends ~18 µs per cell (ElementTree plus a cell
object each); python-calamine is fast but holds the whole sheet. This reader parses the sheet
XML with lxml's iterparse, turns each cell straight into the text `sources.cell_text` would give
for python-calamine's value, and frees each row once read.

Rows follow python-calamine's `iter_rows` (see tests/unit/importers/test_xlsx_stream.py): the
n-th row yielded is row n of the file, rows with no text in between are yielded empty, empty rows
after the last one with text are not yielded. Two differences, both harmless downstream (every
consumer indexes cells with `i < len(cells)`, as for CSV and Word rows, which are ragged too):
- a row ends at its last non-empty cell (calamine pads every row to the sheet's width);
- cell i is column i of the file (calamine drops the sheet's leading empty columns).
"""

from __future__ import annotations

import datetime as dt
import mmap
import posixpath
import re
import tempfile
import zipfile
import zlib
from array import array
from collections.abc import Generator, Iterator
from pathlib import Path
from typing import IO, Any

from lxml import etree
from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format, is_timedelta_format
from openpyxl.utils.datetime import MAC_EPOCH, WINDOWS_EPOCH, from_excel

from workbench.domain.errors import UnreadableFileError
from workbench.i18n import _

MAIN_NAMESPACES = (
    "http://schemas.openxmlformats.org/spreadsheetml/2006/main",  # transitional
    "http://purl.oclc.org/ooxml/spreadsheetml/main",  # strict
)
PACKAGE_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships"
# Everything a damaged package or part raises while being read (a bad number is a ValueError,
# a bad shared-string index an IndexError, a missing part a KeyError).
DAMAGED = (
    zipfile.BadZipFile,
    zlib.error,
    KeyError,
    IndexError,
    ValueError,  # includes UnicodeDecodeError
    OverflowError,
    EOFError,
    OSError,
    NotImplementedError,  # an unsupported zip compression method
    etree.LxmlError,  # XMLSyntaxError and the like
)
# Built-in number formats that are dates: openpyxl's table, plus the East Asian locale date
# formats 27-36 and 50-58 that Excel leaves out of the file and python-calamine treats as dates.
DATE_FORMAT_IDS = frozenset(
    {i for i, code in BUILTIN_FORMATS.items() if is_date_format(code)}
    | set(range(27, 37))
    | set(range(50, 59))
)
DURATION_FORMAT_IDS = frozenset(
    i for i, code in BUILTIN_FORMATS.items() if is_timedelta_format(code)
)
_DIMENSION = re.compile(rb"<(?:[\w.-]+:)?dimension\b[^>]*?\bref\s*=\s*[\"']([^\"']*)[\"']")
_SHEET_DATA = re.compile(rb"<(?:[\w.-]+:)?sheetData\b")
_ROW_TAG = re.compile(rb"<(?:[\w.-]+:)?row\b([^>]*)>")
_ROW_NUMBER = re.compile(rb"\br\s*=\s*[\"'](\d+)[\"']")
_HEAD_CHUNK = 16 * 1024
_HEAD_LIMIT = 4 * 1024 * 1024  # <sheetData> comes after a few elements; never read further
_ESCAPED_CHAR = re.compile(r"_x([0-9A-Fa-f]{4})_")
_DIGITS = "0123456789"
EXCEL_MAX_ROWS = 1_048_576


def _parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False)


def _safe_iterparse(
    stream: IO[bytes], tag: tuple[str, ...], events: tuple[str, ...] = ("end",)
) -> Any:
    return etree.iterparse(
        stream,
        events=events,
        tag=tag,
        resolve_entities=False,
        no_network=True,
        huge_tree=False,
        load_dtd=False,
    )


def _free(element: Any) -> None:
    """Drop an element read by iterparse, and its earlier siblings, so the tree stays small."""
    element.clear()
    parent = element.getparent()
    if parent is not None:
        while element.getprevious() is not None:
            del parent[0]


def _column_index(letters: str) -> int:
    """0-based column of "A", "Z", "AA"..., or ValueError."""
    if not letters or not letters.isalpha() or not letters.isascii() or len(letters) > 3:
        raise ValueError(f"bad cell reference column {letters!r}")
    index = 0
    for letter in letters.upper():
        index = index * 26 + ord(letter) - 64
    return index - 1


def _unescape(text: str) -> str:
    """OOXML writes control characters as _xHHHH_ (ECMA-376 22.9.2.19); calamine decodes them."""
    return _ESCAPED_CHAR.sub(lambda m: chr(int(m.group(1), 16)), text) if "_x" in text else text


def _iso_cell_text(value: str) -> str:
    """A t="d" cell (ISO 8601 in the XML) as `cell_text` renders the date or date-time."""
    moment = dt.datetime.fromisoformat(value.rstrip("Zz"))
    return moment.date().isoformat() if moment.time() == dt.time() else moment.isoformat()


def _date_cell_text(serial: float, duration: bool, epoch: dt.datetime) -> str:
    """A date-formatted number as `cell_text` renders python-calamine's value for it: a
    duration (timedelta), a time of day under 1, else a date or a date-time."""
    try:
        if duration:
            return str(from_excel(serial, epoch, timedelta=True))
        value: dt.datetime | dt.time = from_excel(serial, epoch)
    except (OverflowError, ValueError):  # beyond year 9999: Excel shows ####, we the number
        return str(int(serial)) if serial.is_integer() else str(serial)
    if isinstance(value, dt.time):
        return str(value)
    return value.date().isoformat() if value.time() == dt.time() else value.isoformat()


class _Names:
    """Tag names of one namespace (transitional or strict), precomputed for the hot loops."""

    def __init__(self, namespace: str) -> None:
        self.row = f"{{{namespace}}}row"
        self.cell = f"{{{namespace}}}c"
        self.value = f"{{{namespace}}}v"
        self.inline = f"{{{namespace}}}is"
        self.text = f"{{{namespace}}}t"
        self.run = f"{{{namespace}}}r"
        self.item = f"{{{namespace}}}si"


_NAMES = {ns: _Names(ns) for ns in MAIN_NAMESPACES}


def _rich_text(element: Any, names: _Names) -> str:
    """The text of an <si> or <is>: plain <t>, or rich-text runs <r><t> joined; phonetic
    guides (<rPh>) are left out, as Excel shows them only on demand."""
    if len(element) == 1:  # the usual <t> alone
        only = element[0]
        if only.tag == names.text:
            return _unescape(only.text or "")
    parts = []
    for child in element:
        tag = child.tag
        if tag == names.text:
            parts.append(child.text or "")
        elif tag == names.run:
            parts.extend(t.text or "" for t in child if t.tag == names.text)
    return _unescape("".join(parts))


class XlsxWorkbook:
    """The sheets of an .xlsx/.xlsm; each `rows()` pass reopens the file and streams one sheet."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._sheets: dict[str, str] = {}  # worksheet name -> part name in the zip
        self._strings_part = ""
        self._strings: SharedStrings | None = None
        self._date_styles: dict[str, bool] = {}  # style index -> is a duration
        self._epoch = WINDOWS_EPOCH
        try:
            with zipfile.ZipFile(path) as archive:
                self._read_workbook(archive)
        except DAMAGED as exc:
            raise self._damaged(exc) from exc

    @property
    def sheet_names(self) -> list[str]:
        return list(self._sheets)

    def row_count(self, sheet: str) -> int:
        """The last row number the sheet's <dimension> states; 0 when it states none (or
        just "A1", which Excel writes for an empty sheet). Reads the part's first bytes only."""
        part = self._part(sheet)
        try:
            with zipfile.ZipFile(self.path) as archive, archive.open(part) as stream:
                head = b""
                while len(head) < _HEAD_LIMIT:
                    chunk = stream.read(_HEAD_CHUNK)
                    head += chunk
                    found = _DIMENSION.search(head)
                    if found or not chunk or _SHEET_DATA.search(head):
                        break
        except DAMAGED as exc:
            raise self._damaged(exc, sheet) from exc
        if found is None:
            return self._scan_last_row(sheet, part)
        last = found.group(1).decode("ascii", "replace").split(":")[-1].lstrip("$")
        digits = last[len(last.rstrip(_DIGITS)) :] if last != "A1" else ""
        return int(digits) if digits else 0

    def _scan_last_row(self, sheet: str, part: str) -> int:
        """The number of the sheet's last <row>, for a sheet with no <dimension> (openpyxl's
        write-only mode writes none): the row tags found in the raw XML, which takes a tenth
        of a parse (no element is built). A count for progress bars, never for reading."""
        last = 0
        try:
            with zipfile.ZipFile(self.path) as archive, archive.open(part) as stream:
                carry = b""
                while True:
                    chunk = stream.read(1 << 20)
                    data = carry + chunk
                    # a tag cut by the chunk's end is read with the next chunk
                    cut = data.rfind(b"<") if chunk else len(data)
                    body, carry = (data[:cut], data[cut:]) if cut > 0 else (data, b"")
                    for tag in _ROW_TAG.finditer(body):
                        number = _ROW_NUMBER.search(tag.group(1))
                        last = int(number.group(1)) if number else last + 1
                    if not chunk:
                        return last
        except DAMAGED as exc:
            raise self._damaged(exc, sheet) from exc

    def rows(self, sheet: str) -> Generator[list[str], None, None]:
        """Every row of the sheet as cell texts (see the module docstring for the layout)."""
        part = self._part(sheet)
        try:
            archive = zipfile.ZipFile(self.path)
        except DAMAGED as exc:
            raise self._damaged(exc, sheet) from exc
        try:  # the generator may be closed after a few rows: the finally releases the file
            if self._strings is None:
                self._strings = self._read_strings(archive)
            with archive.open(part) as stream:
                yield from self._sheet_rows(stream, self._strings)
        except DAMAGED as exc:
            raise self._damaged(exc, sheet) from exc
        finally:
            archive.close()

    # -- the sheet ------------------------------------------------------------------------------
    def _sheet_rows(self, stream: IO[bytes], strings: SharedStrings) -> Iterator[list[str]]:
        date_styles = self._date_styles
        default_style = date_styles.get("0")
        epoch = self._epoch
        columns: dict[str, int] = {}
        names: _Names | None = None
        value_tag = inline_tag = ""
        parent: Any = None
        last_row = 0  # file row number of the last <row> read
        yielded = 0  # rows yielded so far
        rows = _safe_iterparse(stream, tuple(n.row for n in _NAMES.values()))
        for _event, row in rows:
            if names is None:
                names = _NAMES[row.tag[1 : row.tag.index("}")]]
                value_tag, inline_tag = names.value, names.inline
                parent = row.getparent()
            number_text = row.get("r")
            number = int(number_text) if number_text is not None else last_row + 1
            if number <= last_row:
                raise ValueError(f"row {number} comes after row {last_row}")
            if number > EXCEL_MAX_ROWS:  # else the rows before it are yielded, empty, one by one
                raise ValueError(f"row {number} is beyond Excel's last row {EXCEL_MAX_ROWS}")
            last_row = number
            cells: list[str] = []
            column = -1
            # the hot loop (once per cell): attribute reads and child lookups cost the most,
            # so each is done once and only where needed
            for cell in row:
                ref = cell.get("r")
                if ref is None:  # some generators omit references: cells follow each other
                    # (an <extLst> closing the row lands here too, and holds no <v>)
                    column += 1
                else:
                    letters = ref.rstrip(_DIGITS)
                    found = columns.get(letters)
                    if found is None:
                        found = columns[letters] = _column_index(letters)
                    column = found
                kind = cell.get("t")
                size = len(cell)
                if not size:
                    continue  # a styled empty cell
                first = cell[0]
                if kind == "inlineStr":
                    text = _rich_text(first, names) if first.tag == inline_tag else ""
                else:
                    if first.tag == value_tag:
                        value = first.text
                    else:  # a formula <f> before its cached value
                        value = next((c.text for c in cell if c.tag == value_tag), None)
                    if not value:
                        continue
                    if kind == "s":
                        index = int(value)
                        if index < 0:
                            raise IndexError(f"shared string {index}")
                        text = strings[index]
                    elif kind is None or kind == "n":
                        style = cell.get("s")
                        duration = date_styles.get(style) if style else default_style
                        if duration is None:
                            serial = float(value)
                            text = str(int(serial)) if serial.is_integer() else str(serial)
                        else:
                            text = _date_cell_text(float(value), duration, epoch)
                    elif kind == "str":
                        text = _unescape(value)
                    elif kind == "e":
                        continue  # #N/A, #REF!...: no value, as python-calamine reads it
                    elif kind == "b":
                        text = "true" if value.strip() in ("1", "true") else "false"
                    elif kind == "d":
                        text = _iso_cell_text(value)
                    else:
                        raise ValueError(f"unknown cell type {kind!r}")
                if not text:
                    continue
                width = len(cells)
                if column == width:
                    cells.append(text)
                elif column > width:
                    cells.extend([""] * (column - width))
                    cells.append(text)
                else:  # cells out of order: place it where its reference says
                    cells[column] = text
            row.clear()  # free the row read, and the (cleared) rows before it
            while row.getprevious() is not None:
                del parent[0]
            if cells:
                while yielded < number - 1:  # rows without text before this one
                    yielded += 1
                    yield []
                yielded = number
                yield cells

    # -- the package ----------------------------------------------------------------------------
    def _read_workbook(self, archive: zipfile.ZipFile) -> None:
        package = _relationships(archive, "")
        workbook_part = next((t for kind, t in package.values() if kind == "officeDocument"), "")
        if not workbook_part:
            raise KeyError("no workbook in the package")
        root = etree.fromstring(archive.read(workbook_part), _parser())
        namespace = etree.QName(root).namespace
        if namespace not in _NAMES:
            raise ValueError(f"not a SpreadsheetML workbook ({namespace})")
        related = _relationships(archive, workbook_part)
        for properties in root.iter(f"{{{namespace}}}workbookPr"):
            if properties.get("date1904", "").lower() in ("1", "true"):
                self._epoch = MAC_EPOCH
        for sheet in root.iter(f"{{{namespace}}}sheet"):
            rel_id = next((str(v) for k, v in sheet.attrib.items() if str(k).endswith("}id")), "")
            kind, target = related.get(rel_id, ("", ""))
            if kind == "worksheet":  # chartsheets, dialog sheets and macro sheets hold no table
                self._sheets[sheet.get("name", "")] = target
        for kind, target in related.values():
            if kind == "sharedStrings":
                self._strings_part = target
            elif kind == "styles":
                self._date_styles = _date_styles(archive.read(target))

    def _read_strings(self, archive: zipfile.ZipFile) -> SharedStrings:
        strings = SharedStrings()
        if not self._strings_part:
            return strings
        with archive.open(self._strings_part) as stream:
            items = _safe_iterparse(stream, tuple(n.item for n in _NAMES.values()))
            names: _Names | None = None
            for _event, item in items:
                if names is None:
                    names = _NAMES[item.tag[1 : item.tag.index("}")]]
                strings.append(_rich_text(item, names))
                _free(item)
        return strings

    def _part(self, sheet: str) -> str:
        try:
            return self._sheets[sheet]
        except KeyError as exc:
            raise self._damaged(exc, sheet) from exc

    def _damaged(self, exc: BaseException, sheet: str = "") -> UnreadableFileError:
        detail = f"{type(exc).__name__}: {exc}" if not isinstance(exc, OSError) else str(exc)
        if sheet:
            problem = _("the sheet cannot be read ({detail}).").format(detail=detail)
        else:
            problem = _("the file is damaged or not a spreadsheet ({detail}).").format(
                detail=detail
            )
        return UnreadableFileError(str(self.path), problem, sheet)


class SharedStrings:
    """The workbook's shared-strings table: every distinct text of the workbook, which cells
    cite by index, in any order. A reader must keep it whole; Excel writes every text there,
    so on a 100k-row sheet of distinct texts it is tens of MiB. Beyond SPILL_CHARS of text it
    moves to a temporary file (UTF-8, with an array of offsets: 8 bytes of memory per string)
    that is memory-mapped once the table is read: a lookup slices the mapping, no seek nor read
    call, and the pages are the kernel's to keep or drop (clean file pages), so the process's
    own memory stays flat (bench/bench_import.py, "shared", at 1M rows)."""

    SPILL_CHARS = 2 * 1024 * 1024

    def __init__(self) -> None:
        self._memory: list[str] = []
        self._chars = 0
        self._file: IO[bytes] | None = None
        self._offsets = array("Q")  # start of each string in the file, then the file's end
        self._mapped: mmap.mmap | None = None

    def __len__(self) -> int:
        return len(self._memory) if self._file is None else len(self._offsets) - 1

    def append(self, text: str) -> None:
        if self._file is None:
            self._memory.append(text)
            self._chars += len(text)
            if self._chars > self.SPILL_CHARS:
                self._spill()
            return
        if self._mapped is not None:  # appended after a lookup: mapped again at the next
            self._mapped.close()
            self._mapped = None
        self._file.write(text.encode("utf-8"))
        self._offsets.append(self._file.tell())

    def __getitem__(self, index: int) -> str:
        if self._file is None:
            return self._memory[index]
        mapped = self._mapped or self._map()
        if not 0 <= index < len(self._offsets) - 1:
            raise IndexError(f"shared string {index} of {len(self._offsets) - 1}")
        return mapped[self._offsets[index] : self._offsets[index + 1]].decode("utf-8")

    def _map(self) -> mmap.mmap:
        assert self._file is not None  # noqa: S101 - only called once spilled
        self._file.flush()
        # never empty: spilled beyond SPILL_CHARS of text
        self._mapped = mmap.mmap(self._file.fileno(), 0, access=mmap.ACCESS_READ)
        return self._mapped

    def _spill(self) -> None:
        # lives as long as the workbook's table: closed, and so deleted, when it is collected
        self._file = tempfile.TemporaryFile()  # noqa: SIM115
        self._offsets.append(0)
        held, self._memory = self._memory, []
        for text in held:
            self.append(text)


def _relationships(archive: zipfile.ZipFile, part: str) -> dict[str, tuple[str, str]]:
    """Id -> (type's last word, target part name) of each internal relationship of `part`
    ("" for the package itself); targets are relative to the part's folder, or absolute."""
    folder, name = posixpath.split(part)
    rels_part = posixpath.join(folder, "_rels", f"{name}.rels")
    root = etree.fromstring(archive.read(rels_part), _parser())
    related = {}
    for rel in root.iter(f"{{{PACKAGE_RELATIONSHIPS}}}Relationship"):
        target = rel.get("Target", "")
        if rel.get("TargetMode") == "External" or not target:
            continue
        if target.startswith("/"):
            resolved = target.lstrip("/")
        else:
            resolved = posixpath.normpath(posixpath.join(folder, target))
        kind = rel.get("Type", "").rsplit("/", 1)[-1]
        related[rel.get("Id", "")] = (kind, resolved)
    return related


def _date_styles(styles_xml: bytes) -> dict[str, bool]:
    """Cell style index (as written in a cell's s="...") -> True for a duration format, False
    for a date/time format; styles of other formats are absent."""
    root = etree.fromstring(styles_xml, _parser())
    namespace = etree.QName(root).namespace
    custom: dict[int, str] = {}
    for fmt in root.iter(f"{{{namespace}}}numFmt"):
        custom[int(fmt.get("numFmtId", "-1"))] = fmt.get("formatCode", "")
    styles: dict[str, bool] = {}
    for xfs in root.iter(f"{{{namespace}}}cellXfs"):
        for index, xf in enumerate(x for x in xfs if x.tag == f"{{{namespace}}}xf"):
            format_id = int(xf.get("numFmtId", "0"))
            code = custom.get(format_id)
            if code is not None:
                if is_timedelta_format(code):
                    styles[str(index)] = True
                elif is_date_format(code):
                    styles[str(index)] = False
            elif format_id in DATE_FORMAT_IDS:
                styles[str(index)] = format_id in DURATION_FORMAT_IDS
    return styles


__all__ = ["XlsxWorkbook"]
