"""The French Excel register is French all the way down: the scan that finds a raw code in any
cell (used on the demo's export in test_cnil_round_trip.py)."""

from __future__ import annotations

import re
from pathlib import Path

import openpyxl

from workbench.domain.enum_labels import ENUM_LABELS
from workbench.domain.enums import TransferMechanism
from workbench.domain.fields import UNCONFIRMED_FIELD

CODES = {value for _cls, value in ENUM_LABELS} | {m.value for m in TransferMechanism}
TAG = re.compile(r"\[([^\]]+)\]\s*$")


def raw_codes(path: Path) -> list[tuple[str, str, str]]:
    """(sheet, cell, code) for every data cell, or line of one, that is a code or ends in a
    [code] tag. The machine column of the marks (JSON for the trip back) is not text to read."""
    found = []
    book = openpyxl.load_workbook(path, read_only=True)
    for sheet in book.worksheets:
        skip: set[int] = set()
        for number, row in enumerate(sheet.iter_rows(), start=1):
            for cell in row:
                value = getattr(cell, "value", None)
                if number == 1 and value == UNCONFIRMED_FIELD.header("fr"):
                    skip.add(cell.column)
                if not isinstance(value, str) or cell.column in skip:
                    continue
                for line in value.split("\n"):
                    tag = TAG.search(line)
                    for word in (line.strip(), tag.group(1).strip() if tag else ""):
                        if word in CODES:
                            found.append((sheet.title, cell.coordinate, word))
    return found


def test_the_scan_finds_a_code_left_in_a_cell(tmp_path: Path) -> None:
    path = tmp_path / "codes.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["Rôle", "Données"])
    book.active.append(["controller", "Patients: Nom\nPatients: Diagnostic [health]"])
    book.save(path)
    assert raw_codes(path) == [("Sheet", "A2", "controller"), ("Sheet", "B2", "health")]
