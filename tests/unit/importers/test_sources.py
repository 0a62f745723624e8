from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from importers import propose_mapping, read_records, read_tables
from importers.sources import csv_grid, detect_encoding, open_grids
from tests.conftest import DATA_DIR
from workbench.domain.errors import NoTableFoundError, UnreadableFileError

ROWS = [["Subcontractor name", "Server location"], ["Mailjet", "Germany\nBelgium"], ["Brevo", "UE"]]


def write_csv(path: Path, text: str, encoding: str) -> Path:
    path.write_bytes(text.encode(encoding))
    return path


@pytest.mark.parametrize(
    ("delimiter", "encoding"),
    [(",", "utf-8"), (";", "cp1252"), ("\t", "latin-1"), (",", "utf-8-sig"), (";", "utf-8")],
)
def test_csv_delimiter_and_encoding_are_detected(
    tmp_path: Path, delimiter: str, encoding: str
) -> None:
    lines = [delimiter.join(['"' + c + '"' if "\n" in c else c for c in row]) for row in ROWS]
    text = "\r\n".join(lines) + "\r\nÉtats-Unis" + delimiter + "Société Générale\r\n"
    path = write_csv(tmp_path / "list.csv", text, encoding)
    grid = csv_grid(path)
    assert grid.delimiter == delimiter
    rows = list(grid.rows())
    assert rows[1] == ["Mailjet", "Germany\nBelgium"]  # quoted multi-line cell, CRLF file
    assert rows[3] == ["États-Unis", "Société Générale"]


def test_utf8_bom_is_not_part_of_the_first_header(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "bom.csv", "Subcontractor name,Server location\r\nX,FR\r\n", "utf-8-sig"
    )
    assert detect_encoding(path) == "utf-8-sig"
    assert read_tables(path)[0].headers[0] == "Subcontractor name"


def test_every_seed_file_opens(tmp_path: Path) -> None:
    del tmp_path
    names = {
        p.name: [g.sheet for g in open_grids(p)]
        for p in sorted(DATA_DIR.glob("*.*"))
        if p.suffix in (".docx", ".xlsx", ".ods", ".csv")
    }
    assert names["annex1.docx"] == ["Table 1", "Table 2", "Table 3"]
    assert names["annex1.xlsx"] == ["Annexe 1"]
    assert names["annex2.ods"] == ["Sous-traitants"]


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.xlsx"
    path.write_bytes(b"")
    with pytest.raises(UnreadableFileError, match=r"empty\.xlsx: the file is empty"):
        read_tables(path)


def test_password_protected_workbook_is_an_ole_file(tmp_path: Path) -> None:
    path = tmp_path / "protected.xlsx"
    path.write_bytes(bytes.fromhex("d0cf11e0a1b11ae1") + b"\0" * 512)
    with pytest.raises(UnreadableFileError, match="encrypted"):
        read_tables(path)


def test_truncated_workbook(tmp_path: Path) -> None:
    data = (DATA_DIR / "subcontractors.xlsx").read_bytes()
    path = tmp_path / "cut.xlsx"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(UnreadableFileError, match=r"cut\.xlsx: the file is truncated"):
        read_tables(path)


def test_truncated_word_document(tmp_path: Path) -> None:
    path = tmp_path / "cut.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/other.xml", "<x/>")
    with pytest.raises(UnreadableFileError, match=r"cut\.docx: the file is damaged"):
        read_tables(path)


def test_sheet_without_a_table(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    book.active.title = "Notes"
    book.active.append(["Compte rendu de réunion du 3 mars"])
    book.active.append(["Rien à importer ici."])
    path = tmp_path / "notes.xlsx"
    book.save(path)
    with pytest.raises(NoTableFoundError, match="no table with a recognisable header"):
        read_tables(path)


def test_unknown_sheet_name_lists_the_sheets() -> None:
    with pytest.raises(NoTableFoundError, match=r"no sheet named 'Feuil2' \(sheets: Annexe 1\)"):
        read_tables(DATA_DIR / "annex1.xlsx", sheet="Feuil2")


def test_unsupported_extension(tmp_path: Path) -> None:
    path = tmp_path / "register.pdf"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("a.txt", "x")
    with pytest.raises(UnreadableFileError, match="unsupported file type"):
        read_tables(path)


def test_macro_enabled_workbook_reads_like_xlsx(tmp_path: Path) -> None:
    path = tmp_path / "vendors.xlsm"
    path.write_bytes((DATA_DIR / "subcontractors.xlsx").read_bytes())
    (table,) = read_tables(path)
    assert table.headers[0] == "Subcontractor name"
    assert table.row_count == 9


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # read leniently, the stray quote made one record named "OVH,France AWS,USA" (issue 16)
        ('Subcontractor name,Server location\n"OVH,France\nAWS,USA\n', r"line 2: .*unterminated"),
        (
            "Subcontractor name;Server location\nOVH;France\nAWS;USA;Irlande\nX;Y\n",
            r"line 3: 3 fields where the header has 2",
        ),
        (  # the writer keeps trailing separators ("OVH;France;"): "AWS;USA" lost one
            "Subcontractor name;Server location;Description\nOVH;France;\nAWS;USA\n",
            r"line 3: 2 fields where the header has 3",
        ),
        (  # the proof may come after the short row: the short row's line is named
            "Subcontractor name;Server location;Description\nAWS;USA\nOVH;France;\n",
            r"line 2: 2 fields where the header has 3",
        ),
        (  # German: the country slid under "Leistung", the "Standort" column is missing
            "Anbieter;Leistung;Standort\nHetzner;Hosting;Deutschland\nMailjet;Frankreich\n",
            r"line 3: 2 fields where the header has 3",
        ),
    ],
    ids=[
        "unterminated quote",
        "one field too many",
        "one field missing",
        "missing, then proof",
        "shifted cells",
    ],
)
def test_malformed_csv_is_reported_with_its_line(tmp_path: Path, text: str, expected: str) -> None:
    path = write_csv(tmp_path / "bad.csv", text, "utf-8")
    with pytest.raises(UnreadableFileError, match=r"bad\.csv: " + expected):
        read_tables(path)


def test_a_title_line_and_empty_trailing_fields_are_not_ragged(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "ok.csv",
        "Subcontractor name;Server location\nHÉBERGEMENT\nOVH;France;;\n",
        "utf-8",
    )
    assert [r for r in csv_grid(path).rows()][2] == ["OVH", "France", "", ""]


def test_the_size_limit_applies_to_csv_and_text_files(tmp_path: Path) -> None:
    from importers._safety import SafetyLimits
    from workbench.domain.errors import UnsafeFileError

    for name in ("big.csv", "big.txt"):
        path = write_csv(tmp_path / name, "Subcontractor name;Server location\n" * 40, "utf-8")
        with pytest.raises(UnsafeFileError, match=r"import\.max_file_bytes"):
            open_grids(path, SafetyLimits(max_file_bytes=1000))


def test_a_row_wider_than_the_limit_is_refused_before_header_scoring(tmp_path: Path) -> None:
    from importers._safety import SafetyLimits
    from workbench.domain.errors import UnsafeFileError

    path = write_csv(tmp_path / "wide.csv", "Subcontractor name," + "x," * 50 + "y\n", "utf-8")
    with pytest.raises(UnsafeFileError, match=r"wide\.csv, row 1: 52 columns, more than the 40"):
        read_tables(path, limits=SafetyLimits(max_columns=40))


def test_the_time_budget_of_a_file_is_enforced(tmp_path: Path) -> None:
    from importers._safety import SafetyLimits
    from workbench.domain.errors import UnsafeFileError

    path = write_csv(tmp_path / "slow.csv", "Subcontractor name;Server location\nOVH;FR\n", "utf-8")
    spent = SafetyLimits(max_seconds=-1)  # a budget already spent: the first check refuses
    with pytest.raises(UnsafeFileError, match=r"more than the -1 s allowed"):
        read_tables(path, limits=spent)
    assert read_tables(path)  # the default budget is plenty


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "Anbieter;Standort;Leistung\nHetzner Online;Deutschland;Hosting\nMailjet;Frankreich\n",
            ["Hetzner Online", "Mailjet"],
        ),
        (
            "Proveedor,Ubicación,Servicio\nOVHcloud,Francia,Alojamiento\nStripe,Irlanda\n",
            ["OVHcloud", "Stripe"],
        ),
    ],
    ids=["German, ;", "Spanish, ,"],
)
def test_a_row_ended_at_its_last_filled_cell_reads_its_first_fields(
    tmp_path: Path, text: str, names: list[str]
) -> None:
    """Excel and many exports drop a row's trailing separators: no full-width row ends empty."""
    (table,) = read_tables(write_csv(tmp_path / "list.csv", text, "utf-8"))
    rows = [r.record for r in read_records(table, propose_mapping(table)).rows()]
    assert [r.name for r in rows] == names
    assert [getattr(r, "service_description", None) for r in rows][1] == ""
    assert [loc.code for loc in getattr(rows[1], "locations", ())] in (["FR"], ["IE"])
