from __future__ import annotations

import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import openpyxl
import pytest

from importers._safety import (
    SafetyLimits,
    check_file_size,
    check_zip_archive,
    defuse_xml,
    guard_file,
)
from workbench.domain.errors import UnsafeFileError

BILLION_LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
        for i in range(1, 10)
    )
    + "]>\n<lolz>&lol9;</lolz>"
)
XXE = '<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<r>&x;</r>'


def _bomb(path: Path, member_bytes: int, members: int = 1) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for i in range(members):
            with archive.open(f"xl/worksheets/sheet{i}.xml", "w") as out:
                block = b"\x00" * (1024 * 1024)
                for _ in range(member_bytes // len(block)):
                    out.write(block)
    return path


def test_a_real_workbook_passes(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    book.active.append(["Traitement", "Finalité"])  # type: ignore[union-attr]
    book.save(tmp_path / "register.xlsx")
    assert guard_file(tmp_path / "register.xlsx") == tmp_path / "register.xlsx"
    assert check_zip_archive(tmp_path / "register.xlsx") > 0


def test_an_oversized_file_is_refused_with_the_setting_to_change(tmp_path: Path) -> None:
    big = tmp_path / "big.csv"
    big.write_bytes(b"a;b\n" * 1000)
    with pytest.raises(UnsafeFileError, match=r"big\.csv.*import\.max_file_bytes"):
        check_file_size(big, limit=1000)
    assert check_file_size(big, limit=10_000) == 4000
    with pytest.raises(UnsafeFileError, match="cannot be read"):
        check_file_size(tmp_path / "absent.csv")
    with pytest.raises(UnsafeFileError, match="not a file"):
        check_file_size(tmp_path)


def test_a_zip_bomb_is_refused_by_its_ratio(tmp_path: Path) -> None:
    bomb = _bomb(tmp_path / "bomb.xlsx", 40 * 1024 * 1024)
    assert bomb.stat().st_size < 200_000
    with pytest.raises(UnsafeFileError, match="zip bomb"):
        guard_file(bomb)


def test_a_zip_bomb_is_refused_by_its_total(tmp_path: Path) -> None:
    bomb = _bomb(tmp_path / "wide.ods", 3 * 1024 * 1024, members=4)
    with pytest.raises(UnsafeFileError, match="max_uncompressed_bytes"):
        guard_file(bomb, SafetyLimits(max_uncompressed_bytes=8 * 1024 * 1024, max_ratio=10_000))
    with pytest.raises(UnsafeFileError, match="4 files"):
        check_zip_archive(bomb, max_entries=3)


def test_a_file_that_is_not_an_archive_is_a_clear_error(tmp_path: Path) -> None:
    fake = tmp_path / "register.docx"
    fake.write_text("not a zip", encoding="utf-8")
    with pytest.raises(UnsafeFileError, match=r"register\.docx: not a valid DOCX"):
        guard_file(fake)


def test_limits_come_from_settings_with_defaults() -> None:
    limits = SafetyLimits.from_settings({"import.max_file_bytes": 1234, "max_ratio": "x"})
    assert limits.max_file_bytes == 1234
    assert limits.max_ratio == SafetyLimits().max_ratio


def test_stdlib_xml_parsers_refuse_entity_bombs_and_external_entities(tmp_path: Path) -> None:
    defuse_xml()
    for hostile in (BILLION_LAUGHS, XXE):
        with pytest.raises(ValueError, match=r"(?i)entit"):  # defusedxml's DTDForbidden family
            ET.fromstring(hostile)  # noqa: S314 - defused by defuse_xml()
    book_path = tmp_path / "laughs.xlsx"
    book = openpyxl.Workbook()
    book.save(book_path)
    with zipfile.ZipFile(book_path) as src:
        parts = {name: src.read(name) for name in src.namelist()}
    parts["xl/workbook.xml"] = BILLION_LAUGHS.encode()
    with zipfile.ZipFile(book_path, "w") as out:
        for name, data in parts.items():
            out.writestr(name, data)
    # openpyxl parses with lxml when present (amplification limit), else with the defused stdlib.
    with pytest.raises((ValueError, SyntaxError), match=r"(?i)entit"):
        openpyxl.load_workbook(book_path)
