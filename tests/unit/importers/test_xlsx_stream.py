"""The streaming xlsx reader against python-calamine (today's reference) on real and built files."""

from __future__ import annotations

import datetime as dt
import os
import tracemalloc
import zipfile
from pathlib import Path

import openpyxl
import pytest
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from python_calamine import CalamineWorkbook, SheetTypeEnum

from importers.sources import cell_text
from importers.xlsx_stream import SharedStrings, XlsxWorkbook
from tests.conftest import DATA_DIR
from workbench.domain.errors import UnreadableFileError

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
STRICT = "http://purl.oclc.org/ooxml/spreadsheetml/main"
DOC_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
STRICT_DOC_RELS = "http://purl.oclc.org/ooxml/officeDocument/relationships"
PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
MIB = 1024 * 1024


def calamine_rows(path: Path, sheet: str) -> list[list[str]]:
    """python-calamine's rows as texts, with the leading empty columns it drops put back."""
    grid = CalamineWorkbook.from_path(str(path)).get_sheet_by_name(sheet)
    offset = grid.start[1] if grid.start else 0
    return [[""] * offset + [cell_text(v) for v in row] for row in grid.iter_rows()]


def trimmed(rows: list[list[str]]) -> list[list[str]]:
    """Without trailing empty cells and trailing empty rows (calamine pads to the sheet's box)."""
    rows = [list(r) for r in rows]
    for row in rows:
        while row and row[-1] == "":
            row.pop()
    while rows and not rows[-1]:
        rows.pop()
    return rows


def assert_same_as_calamine(path: Path) -> None:
    book = XlsxWorkbook(path)
    sheets = CalamineWorkbook.from_path(str(path)).sheets_metadata
    assert book.sheet_names == [s.name for s in sheets if s.typ == SheetTypeEnum.WorkSheet]
    for name in book.sheet_names:
        ours = list(book.rows(name))
        assert ours == trimmed(ours), "rows end at their last text, no trailing empty rows"
        assert ours == trimmed(calamine_rows(path, name)), name


def write_package(
    path: Path,
    sheets: dict[str, str],
    *,
    strings: str | None = None,
    styles: str | None = None,
    workbook_pr: str = "",
    namespace: str = MAIN,
    absolute: bool = False,
    chartsheet: bool = False,
) -> Path:
    """A minimal .xlsx written by hand: each sheet given as the XML inside <worksheet>."""
    doc_rels = STRICT_DOC_RELS if namespace == STRICT else DOC_RELS
    base = "/xl/" if absolute else ""
    rels, entries = [], []
    for number, name in enumerate(sheets, start=1):
        rels.append(
            f'<Relationship Id="rId{number}" Type="{doc_rels}/worksheet" '
            f'Target="{base}worksheets/sheet{number}.xml"/>'
        )
        entries.append(f'<sheet name="{name}" sheetId="{number}" r:id="rId{number}"/>')
    if chartsheet:
        rels.append(
            f'<Relationship Id="rIdC" Type="{doc_rels}/chartsheet" Target="chartsheets/c1.xml"/>'
        )
        entries.insert(1, '<sheet name="Chart" sheetId="99" r:id="rIdC"/>')
    if strings is not None:
        rels.append(
            f'<Relationship Id="rIdS" Type="{doc_rels}/sharedStrings" '
            f'Target="{base}sharedStrings.xml"/>'
        )
    if styles is not None:
        rels.append(f'<Relationship Id="rIdY" Type="{doc_rels}/styles" Target="{base}styles.xml"/>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" '
            'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>',
        )
        archive.writestr(
            "_rels/.rels",
            f'<Relationships xmlns="{PKG_RELS}"><Relationship Id="rId1" '
            f'Type="{doc_rels}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        )
        archive.writestr(
            "xl/workbook.xml",
            f'<workbook xmlns="{namespace}" xmlns:r="{doc_rels}">{workbook_pr}'
            f"<sheets>{''.join(entries)}</sheets></workbook>",
        )
        archive.writestr(
            "xl/_rels/workbook.xml.rels",
            f'<Relationships xmlns="{PKG_RELS}">{"".join(rels)}</Relationships>',
        )
        for number, body in enumerate(sheets.values(), start=1):
            archive.writestr(
                f"xl/worksheets/sheet{number}.xml",
                f'<worksheet xmlns="{namespace}">{body}</worksheet>',
            )
        if chartsheet:
            archive.writestr("xl/chartsheets/c1.xml", f'<chartsheet xmlns="{namespace}"/>')
        if strings is not None:
            archive.writestr("xl/sharedStrings.xml", f'<sst xmlns="{namespace}">{strings}</sst>')
        if styles is not None:
            archive.writestr(
                "xl/styles.xml", f'<styleSheet xmlns="{namespace}">{styles}</styleSheet>'
            )
    return path


def date_styles(*format_ids: int, custom: tuple[tuple[int, str], ...] = ()) -> str:
    """styles.xml content: cell style i uses format_ids[i]."""
    formats = "".join(f'<numFmt numFmtId="{i}" formatCode="{code}"/>' for i, code in custom)
    xfs = "".join(f'<xf numFmtId="{i}" applyNumberFormat="1"/>' for i in format_ids)
    return f'<numFmts count="{len(custom)}">{formats}</numFmts><cellXfs>{xfs}</cellXfs>'


# -- the same rows as python-calamine --------------------------------------------------------------
@pytest.mark.parametrize("name", ["annex1.xlsx", "subcontractors.xlsx"])
def test_real_files_read_as_calamine_reads_them(name: str) -> None:
    assert_same_as_calamine(DATA_DIR / name)
    assert (
        len(list(XlsxWorkbook(DATA_DIR / name).rows(XlsxWorkbook(DATA_DIR / name).sheet_names[0])))
        > 5
    )


def test_openpyxl_workbook_with_every_value_type(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Values"
    values = [
        "text", " ", "", 5, 5.0, -0.0, 0.1 + 0.2, 1e20, 1.5e-7, 2**53 + 1, True, False,
        dt.date(2024, 3, 1), dt.datetime(2024, 3, 1, 12, 30), dt.datetime(2024, 3, 1, 0, 0, 1),
        dt.time(12, 30), dt.timedelta(days=1, hours=2), dt.datetime(1900, 1, 1),
        dt.datetime(1900, 3, 1), "=1+1", "_x000D_ line",
    ]  # fmt: skip
    for row, value in enumerate(values, start=5):  # the sheet starts at row 5, column C
        sheet.cell(row=row, column=3, value=value)
    sheet.cell(row=6, column=8, value="far right")
    sheet.cell(row=40, column=2).font = Font(bold=True)  # a styled empty cell after the data
    second = book.create_sheet("Second")
    second.append(["a", "b"])
    second.append([])
    second.append([None, None, "c"])
    book.save(tmp_path / "values.xlsx")
    assert_same_as_calamine(tmp_path / "values.xlsx")
    rows = list(XlsxWorkbook(tmp_path / "values.xlsx").rows("Values"))
    assert rows[:4] == [[], [], [], []]  # leading empty rows keep the row numbers right
    assert rows[4] == ["", "", "text"]
    assert rows[5] == ["", "", " ", "", "", "", "", "far right"]


def test_dates_with_builtin_and_custom_formats(tmp_path: Path) -> None:
    serials = [0, 0.25, 0.999, 1, 1.5, 59, 60, 61, 45352, 45352.520833333336, 45352.00001]
    format_ids = [14, 22, 46, 164, 165, 166, 2, 27, 45, 167]
    custom = ((164, "dd/mm/yyyy"), (165, "[h]:mm:ss"), (166, "h&quot;h&quot;mm"), (167, "0.00%"))
    cells = "".join(
        f'<row r="{r}">'
        + "".join(
            f'<c r="{chr(65 + s)}{r}" s="{s}"><v>{serial}</v></c>' for s in range(len(format_ids))
        )
        + "</row>"
        for r, serial in enumerate(serials, start=1)
    )
    styles = date_styles(*format_ids, custom=custom)
    path = write_package(
        tmp_path / "dates.xlsx", {"D": f"<sheetData>{cells}</sheetData>"}, styles=styles
    )
    assert_same_as_calamine(path)
    rows = list(XlsxWorkbook(path).rows("D"))
    assert rows[8][0] == "2024-03-01"
    assert rows[9][1] == "2024-03-01T12:30:00"


def test_a_date_beyond_year_9999_stays_a_number(tmp_path: Path) -> None:
    body = '<sheetData><row r="1"><c r="A1" s="1"><v>1e10</v></c></row></sheetData>'
    path = write_package(tmp_path / "far.xlsx", {"S": body}, styles=date_styles(0, 14))
    assert list(XlsxWorkbook(path).rows("S")) == [["10000000000"]]


def test_1904_epoch(tmp_path: Path) -> None:
    path = write_package(
        tmp_path / "mac.xlsx",
        {
            "S": '<sheetData><row r="1"><c r="A1" s="1"><v>43890</v></c>'
            '<c r="B1"><v>7</v></c></row></sheetData>'
        },
        styles=date_styles(0, 14),
        workbook_pr='<workbookPr date1904="1"/>',
    )
    assert_same_as_calamine(path)
    assert list(XlsxWorkbook(path).rows("S")) == [
        ["2024-03-01", "7"]
    ]  # 1904 epoch: 1462 days later than in 1900


def test_shared_strings_rich_text_and_phonetic_runs(tmp_path: Path) -> None:
    strings = (
        "<si><t>plain</t></si>"
        '<si><r><rPr><b/></rPr><t xml:space="preserve">bold </t></r><r><t>then plain</t></r></si>'
        '<si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh></si>'
        "<si><t>a_x000D_b</t></si>"
        "<si><t/></si>"
    )
    cells = "".join(f'<c r="{chr(65 + i)}1" t="s"><v>{i}</v></c>' for i in range(5))
    path = write_package(
        tmp_path / "rich.xlsx",
        {
            "S": f'<sheetData><row r="1">{cells}</row>'
            '<row r="3"><c r="B3" t="s"><v>0</v></c></row></sheetData>'
        },
        strings=strings,
    )
    assert_same_as_calamine(path)
    assert list(XlsxWorkbook(path).rows("S")) == [
        ["plain", "bold then plain", "東京", "a\rb"],
        [],
        ["", "plain"],
    ]


def test_inline_strings_from_write_only_mode(tmp_path: Path) -> None:
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("Registre")
    sheet.append(["Nom", "Finalité", None, "Date"])
    for number in range(50):
        sheet.append([f"Traitement {number}", "Paie", None, dt.date(2024, 1, 1 + number % 28)])
    styled = WriteOnlyCell(sheet, value="gras")
    styled.font = Font(bold=True)
    sheet.append([styled])
    book.save(tmp_path / "write_only.xlsx")
    assert_same_as_calamine(tmp_path / "write_only.xlsx")
    # no <dimension>: the row tags are counted instead
    assert XlsxWorkbook(tmp_path / "write_only.xlsx").row_count("Registre") == 52


def test_errors_booleans_formulas_iso_dates_and_cells_without_references(tmp_path: Path) -> None:
    sheet = (
        '<dimension ref="A1:D4"/><sheetData>'
        '<row r="1"><c r="A1" t="e"><v>#N/A</v></c><c r="B1" t="b"><v>1</v></c>'
        '<c r="C1" t="b"><v>0</v></c><c r="D1" t="d"><v>2024-03-01T00:00:00</v></c></row>'
        '<row r="2"><c r="A2"><f>1+1</f><v>2</v></c>'
        '<c r="B2" t="str"><f>"a"&amp;"b"</f><v>ab</v></c>'
        '<c r="C2"><f>A2*0.5</f><v>1.5</v></c><c r="D2" t="d"><v>2024-03-01T08:15:00</v></c></row>'
        "<row><c><v>1</v></c><c><v>2</v></c><c/><c><v>4</v></c></row>"  # no references at all
        '<row><c r="B4" t="str"><f>""</f><v></v></c><c r="C4"><v>3</v></c></row>'
        "</sheetData>"
    )
    path = write_package(tmp_path / "kinds.xlsx", {"S": sheet})
    assert_same_as_calamine(path)
    assert list(XlsxWorkbook(path).rows("S")) == [
        ["", "true", "false", "2024-03-01"],  # an error (#N/A) is no value
        ["2", "ab", "1.5", "2024-03-01T08:15:00"],
        ["1", "2", "", "4"],
        ["", "", "3"],
    ]


def test_two_worksheets_and_a_chartsheet_with_absolute_targets(tmp_path: Path) -> None:
    path = write_package(
        tmp_path / "two.xlsx",
        {
            "First": '<sheetData><row r="2"><c r="A2"><v>1</v></c></row></sheetData>',
            "Second": '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData>',
        },
        strings="<si><t>shared</t></si>",
        absolute=True,
        chartsheet=True,
    )
    book = XlsxWorkbook(path)
    assert book.sheet_names == ["First", "Second"]
    assert_same_as_calamine(path)
    assert list(book.rows("Second")) == [["shared"]]
    assert list(book.rows("First")) == [[], ["1"]]


def test_strict_ooxml(tmp_path: Path) -> None:
    body = (
        '<dimension ref="A1:B2"/><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c>'
        '<c r="B1" s="1"><v>45352</v></c></row>'
        '<row r="2"><c r="B2"><v>2.5</v></c></row></sheetData>'
    )
    strings, styles = "<si><t>strict</t></si>", date_styles(0, 14)
    strict = write_package(
        tmp_path / "strict.xlsx", {"S": body}, strings=strings, styles=styles, namespace=STRICT
    )
    transitional = write_package(
        tmp_path / "transitional.xlsx", {"S": body}, strings=strings, styles=styles
    )
    assert_same_as_calamine(transitional)
    book = XlsxWorkbook(strict)
    assert book.row_count("S") == 2
    assert list(book.rows("S")) == list(XlsxWorkbook(transitional).rows("S"))
    assert list(book.rows("S")) == [["strict", "2024-03-01"], ["", "2.5"]]


# -- row_count -----------------------------------------------------------------------------------
def test_row_count_reads_the_dimension_only(tmp_path: Path) -> None:
    assert XlsxWorkbook(DATA_DIR / "annex1.xlsx").row_count("Annexe 1") == len(
        calamine_rows(DATA_DIR / "annex1.xlsx", "Annexe 1")
    )
    corrupt = '<dimension ref="B3:G120"/><sheetData><row r="1"><c r="A1"><v>1</v></c>'
    path = write_package(
        tmp_path / "dims.xlsx",
        {
            "Corrupt": corrupt,
            "Empty": '<dimension ref="A1"/><sheetData/>',
            "None": "<sheetData/>",
            "Unnumbered": "<sheetData><row><c><v>1</v></c></row><row/><row></row></sheetData>",
        },
    )
    book = XlsxWorkbook(path)
    assert book.row_count("Corrupt") == 120  # the sheetData after it is cut: never parsed
    assert book.row_count("Empty") == 0
    assert book.row_count("None") == 0
    assert book.row_count("Unnumbered") == 3
    with pytest.raises(UnreadableFileError, match="Corrupt"):
        list(book.rows("Corrupt"))


def test_row_count_without_dimension_counts_rows_across_read_chunks(tmp_path: Path) -> None:
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("Registre")
    for number in range(1, 30_001):  # ~3 MiB of XML: row tags straddle the 1 MiB reads
        sheet.append([f"Traitement {number}", "Gestion des comptes"] if number % 7 else [])
    book.save(tmp_path / "long.xlsx")
    assert XlsxWorkbook(tmp_path / "long.xlsx").row_count("Registre") == 30_000


# -- damaged files -------------------------------------------------------------------------------
def test_truncated_zip(tmp_path: Path) -> None:
    data = (DATA_DIR / "annex1.xlsx").read_bytes()
    path = tmp_path / "cut.xlsx"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(UnreadableFileError, match=r"cut\.xlsx"):
        XlsxWorkbook(path)


def test_missing_sheet_part(tmp_path: Path) -> None:
    path = write_package(tmp_path / "gone.xlsx", {"S": "<sheetData/>"})
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(tmp_path / "missing.xlsx", "w") as out:
        for item in source.infolist():
            if item.filename != "xl/worksheets/sheet1.xml":
                out.writestr(item, source.read(item))
    book = XlsxWorkbook(tmp_path / "missing.xlsx")
    with pytest.raises(UnreadableFileError, match=r"missing\.xlsx, sheet 'S'"):
        list(book.rows("S"))


def test_xml_cut_inside_sheet_data_fails_while_iterating(tmp_path: Path) -> None:
    # ~90 KB of rows before the cut: lxml reads 32 KB at a time, and from lxml 6.2 an error in
    # a chunk is raised before that chunk's rows are given (6.1 gave them first, with the same
    # libxml2 2.14.6); a sheet cut past its first chunk, as a truncated real file is, still
    # gives its first rows before the error
    rows = "".join(f'<row r="{r}"><c r="A{r}"><v>{r}</v></c></row>' for r in range(1, 2000))
    path = write_package(
        tmp_path / "halfway.xlsx", {"Data": f"<sheetData>{rows}<row r="}, chartsheet=False
    )
    stream = XlsxWorkbook(path).rows("Data")
    assert next(stream) == ["1"]
    with pytest.raises(UnreadableFileError, match=r"halfway\.xlsx, sheet 'Data'"):
        list(stream)


def test_a_large_shared_strings_table_is_read_from_disk_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    texts = [f"Traitement n° {n} — données de santé" for n in range(3000)]
    strings = "".join(f"<si><t>{t}</t></si>" for t in texts)
    rows = "".join(
        f'<row r="{n + 1}"><c r="A{n + 1}" t="s"><v>{(n * 7) % 3000}</v></c>'
        f'<c r="B{n + 1}" t="s"><v>{n % 3}</v></c></row>'
        for n in range(6000)
    )
    path = write_package(
        tmp_path / "sst.xlsx", {"S": f"<sheetData>{rows}</sheetData>"}, strings=strings
    )
    in_memory = list(XlsxWorkbook(path).rows("S"))
    monkeypatch.setattr(SharedStrings, "SPILL_CHARS", 1000)  # ~25 strings, then to disk
    book = XlsxWorkbook(path)
    assert list(book.rows("S")) == in_memory
    assert in_memory[4] == [texts[28], texts[1]]
    assert book._strings is not None
    assert book._strings._file is not None  # it did spill
    assert len(book._strings) == 3000
    with pytest.raises(IndexError):
        book._strings[3000]


def test_spilled_strings_keep_memory_flat() -> None:
    assert SharedStrings.SPILL_CHARS <= 4 * MIB  # the default: a few MiB of text in memory
    strings = SharedStrings()
    tracemalloc.start()
    try:
        for n in range(200_000):
            strings.append(f"Gestion de compte Patient n° {n}: création, gestion et suppression")
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert strings[123_456].startswith("Gestion de compte Patient n° 123456:")
    # 13 MiB of text; held as Python strings it would take 25 MiB
    assert peak < 8 * MIB


def test_spilled_strings_read_by_their_mapping_even_when_more_come_after_a_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(SharedStrings, "SPILL_CHARS", 10)
    strings = SharedStrings()
    for text in ("Santé", "", "Intérêt légitime", "x" * 20):
        strings.append(text)
    assert strings._file is not None  # spilled
    assert [strings[i] for i in (3, 0, 1, 2)] == ["x" * 20, "Santé", "", "Intérêt légitime"]
    assert strings._mapped is not None  # read through the mapping, no seek
    strings.append("après")
    assert (strings[4], strings[0], len(strings)) == ("après", "Santé", 5)


@pytest.mark.parametrize("index", ["5", "-1", "x"])
def test_shared_string_index_out_of_range(tmp_path: Path, index: str) -> None:
    body = f'<sheetData><row r="1"><c r="A1" t="s"><v>{index}</v></c></row></sheetData>'
    path = write_package(tmp_path / "index.xlsx", {"S": body}, strings="<si><t>only</t></si>")
    with pytest.raises(UnreadableFileError, match=r"index\.xlsx, sheet 'S'"):
        list(XlsxWorkbook(path).rows("S"))


def test_not_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "fake.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "not a spreadsheet")
    with pytest.raises(UnreadableFileError, match=r"fake\.xlsx"):
        XlsxWorkbook(path)


def test_closing_the_generator_early_releases_the_file(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for number in range(100):
        sheet.append([number])
    book.save(tmp_path / "short.xlsx")
    rows = XlsxWorkbook(tmp_path / "short.xlsx").rows(sheet.title)
    assert next(rows) == ["0"]
    rows.close()
    (tmp_path / "short.xlsx").unlink()  # would fail on Windows with the zip still open


# -- memory ----------------------------------------------------------------------------------------
def test_memory_stays_flat_over_a_long_sheet(tmp_path: Path) -> None:
    row = (
        '<row r="{n}"><c r="A{n}" t="inlineStr"><is><t>Traitement {n}</t></is></c>'
        '<c r="B{n}" t="s"><v>0</v></c><c r="C{n}"><v>{n}</v></c><c r="D{n}"><v>2.5</v></c></row>'
    )
    rows = "".join(row.format(n=n) for n in range(1, 20_001))
    path = write_package(
        tmp_path / "long.xlsx",
        {"Long": f"<sheetData>{rows}</sheetData>"},
        strings="<si><t>Gestion de la paie des agents</t></si>",
    )
    reader = XlsxWorkbook(path)
    tracemalloc.start()  # Python objects: the rows, their texts, the element proxies
    try:
        cells = 0
        resident_at_start: int | None = None
        for number, cells_of_row in enumerate(reader.rows("Long")):
            cells += len(cells_of_row)
            if number == 1000:
                resident_at_start = resident_bytes()
        resident_at_end = resident_bytes()
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert cells == 20_000 * 4
    assert peak < 2 * MIB  # the sheet's texts held whole would take tens of MiB
    # libxml2's tree lives outside tracemalloc's sight: the rows read must be freed (63 MiB
    # of growth when they are not)
    if resident_at_start is not None and resident_at_end is not None:
        assert resident_at_end - resident_at_start < 8 * MIB


def resident_bytes() -> int | None:
    """The process's resident memory (Linux only)."""
    statm = Path("/proc/self/statm")
    if not statm.exists():
        return None
    return int(statm.read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE")
