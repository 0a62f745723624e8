"""Tables written sideways: field labels down the first column, one record per block or column.

Two layouts a DPO receives besides the usual one-record-per-row table:
- across: "Name | Brevo | Scaleway" / "Location | France | France" / ... (a vendor comparison,
  the CNIL's fiche with one treatment per column): each column right of the labels is a record;
- blocks: "Name | Brevo" / "Location | France" / "Name | Scaleway" / "Location | France" (a
  vendor's "key | value" sheet, one Word table of fiches): each block that starts with the name
  label again is a record.
The labels are read as headers (`mapping.score_header`), the grid is turned into the usual one,
label row first, and the table is read like any other: cleaning, marks and checks alike. Each
record keeps the file row of its name label as its row, so marks and messages point at it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from importers.cleaning import clean_text, fold
from importers.mapping import CONTAINS_CONFIDENCE, NAME_AND_PURPOSE, guess_kind, map_headers
from importers.model import ColumnMapping, GridSource, TableCandidate

MIN_LABELS = 3  # fields named down the column: fewer is a two-column list, not a fiche
SURE_SHARE = 0.6  # of the labels, the share that must read surely as fields
MAX_LABEL_WORDS = 10  # a label is a few words; a sentence in the first column is data
# a fiche has a few dozen labels at most; more distinct values down the first column are a
# column of names (an ordinary table): given up before any header is scored (the cost stays low)
MAX_LABELS = 40
PREVIEW_ROWS = 8


@dataclass(frozen=True, slots=True)
class TransposedGrid:
    """The records of a sideways table as rows under one header row (the labels)."""

    file: Path
    sheet: str
    context_title: str
    grid: tuple[tuple[str, ...], ...]

    @property
    def row_count(self) -> int:
        return len(self.grid)

    def rows(self) -> Iterator[list[str]]:
        return (list(r) for r in self.grid)


def transposed_table(source: GridSource, head: list[list[str]]) -> TableCandidate | None:
    """The sideways table of these rows (the whole sheet, or its first rows), or None."""
    found = _labels(head)
    if found is None:
        return None
    label_column, labels, mapping = found
    name_key = fold(labels[_name_index(mapping)])
    name_rows = [r for r, row in enumerate(head) if fold(_cell(row, label_column)) == name_key]
    records: list[tuple[int, dict[str, str]]] = []  # (file row of the name, label -> value)
    width = max(len(r) for r in head)
    blocks = [*name_rows[1:], len(head)]
    for start, end in zip(name_rows, blocks, strict=True):
        for column in range(label_column + 1, width):
            if not _cell(head[start], column):
                continue
            values: dict[str, str] = {}
            for row in head[start:end]:
                label = fold(_cell(row, label_column))
                if label and _cell(row, column) and label not in values:
                    values[label] = _cell(row, column)
            records.append((start + 1, values))
    if not records:
        return None
    keys = [fold(label) for label in labels]
    grid = (labels, *(tuple(values.get(k, "") for k in keys) for _row, values in records))
    rearranged = TransposedGrid(source.file, source.sheet, source.context_title, grid)
    return TableCandidate(
        rearranged,
        0,
        labels,
        mapping.kind,
        len(records),
        tuple(tuple(clean_text(c) for c in r) for r in grid[1 : 1 + PREVIEW_ROWS]),
        min(1.0, sum(c.confidence for c in mapping.columns if c.field) / len(labels)),
        row_numbers=(0, *(row for row, _values in records)),
    )


def _labels(head: list[list[str]]) -> tuple[int, tuple[str, ...], ColumnMapping] | None:
    """(label column, distinct labels in order, their mapping) when the rows read sideways."""
    filled = [r for r in head if sum(1 for c in r if c.strip()) >= 2]
    if len(filled) < MIN_LABELS:
        return None
    label_column = min(next(i for i, c in enumerate(r) if c.strip()) for r in filled)
    labels: dict[str, str] = {}
    for row in filled:
        label = clean_text(_cell(row, label_column)).replace("\n", " ").rstrip(" :")
        if label and len(label.split()) <= MAX_LABEL_WORDS:
            labels.setdefault(fold(label), label)
            if len(labels) > MAX_LABELS:
                return None
    ordered = tuple(labels.values())
    if len(ordered) < MIN_LABELS:
        return None
    kind, _score = guess_kind(ordered)
    mapping = map_headers(ordered, kind)
    sure = sum(1 for c in mapping.columns if c.field and c.confidence >= CONTAINS_CONFIDENCE)
    if sure < MIN_LABELS or sure < SURE_SHARE * len(ordered):
        return None
    if mapping.index_of("name") is None and mapping.index_of(NAME_AND_PURPOSE) is None:
        return None
    return label_column, ordered, mapping


def _name_index(mapping: ColumnMapping) -> int:
    index = mapping.index_of("name")
    return index if index is not None else mapping.index_of(NAME_AND_PURPOSE) or 0


def _cell(row: list[str], index: int) -> str:
    return row[index].strip() if index < len(row) else ""


__all__ = ["TransposedGrid", "transposed_table"]
