"""What the importer's rule tests share: the codes a place cell reads as, the subprocessors a
small list reads as (a CSV or a sheet written in the test, read and mapped as a new user's
import is), and the names every table of a file reads as."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path

import openpyxl

from importers import propose_mapping, read_records, read_tables
from importers.countries import parse_locations
from workbench.domain.records import Subprocessor


def codes(text: str) -> list[str]:
    """The codes of the countries and regions a place cell names, in order."""
    return [location.code for location in parse_locations(text)]


def list_subprocessors(path: Path) -> list[Subprocessor]:
    """The records of the file's only table, read with its automatic mapping: all of them
    subprocessors."""
    (table,) = read_tables(path)
    records = [r.record for r in read_records(table, propose_mapping(table)).rows()]
    assert all(isinstance(r, Subprocessor) for r in records)
    return records  # type: ignore[return-value]


def names_read(path: Path) -> list[str]:
    """The names of the records of every table of the file, each read with its automatic
    mapping."""
    names = []
    for table in read_tables(path):
        names += [r.record.name for r in read_records(table, propose_mapping(table)).rows()]
    return names


def csv_subprocessors(tmp_path: Path, rows: list[list[str]]) -> list[Subprocessor]:
    """`rows` (the header first) written as a CSV, then read as `list_subprocessors` does."""
    path = tmp_path / "list.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)
    return list_subprocessors(path)


def two_row_list(tmp_path: Path, header: str, cells: tuple[str, ...]) -> list[Subprocessor]:
    """ "Name;Service;<header>" and two vendors whose last cells are `cells`, read as above."""
    path = tmp_path / "list.csv"
    path.write_text(
        f"Name;Service;{header}\nNuvola S.r.l.;Hosting;{cells[0]}\nNuage SAS;Backup;{cells[1]}\n",
        encoding="utf-8",
    )
    return list_subprocessors(path)


def sheet_subprocessors(tmp_path: Path, rows: Sequence[Sequence[str]]) -> list[Subprocessor]:
    """`rows` written as the one sheet of a workbook, then read as `list_subprocessors` does."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(list(row))
    path = tmp_path / "list.xlsx"
    book.save(path)
    return list_subprocessors(path)
