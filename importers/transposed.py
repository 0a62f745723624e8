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
from importers.model import ColumnMapping, GridSource, RecordKind, TableCandidate
from workbench.domain.fields import SUBPROCESSOR_FIELDS, TREATMENT_FIELDS

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
    if found is None or found[2].index_of("name") is None:
        # a title row names the fiche when no label does (the purpose would stand for it)
        titled = _with_title_labels(_with_heading_row(head, source))
        named = _labels(titled) if titled is not None else None
        if titled is not None and named is not None and named[2].index_of("name") is not None:
            head, found = titled, named
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


def _with_title_labels(head: list[list[str]]) -> list[list[str]] | None:
    """The rows with each fiche's title row labelled as its name, or None when there is none.

    A fiche often names its record in a title row above its labels, not under a "Name" label:
    the label cell left empty ("| Gestion des clients" over "Finalité du traitement | ..."), or
    one merged cell across the fiche. A title row is the first row above the labels, or a row
    after a blank one (the next fiche of the same table), with a labelled row under it."""
    labelled = [i for i, r in enumerate(head) if sum(1 for c in r if c.strip()) >= 2]
    if not labelled:
        return None
    label_column = min(next(i for i, c in enumerate(head[r]) if c.strip()) for r in labelled)
    labels = tuple(_cell(head[r], label_column) for r in labelled if _cell(head[r], label_column))
    kind, _score = guess_kind(labels)
    specs = TREATMENT_FIELDS if kind is RecordKind.TREATMENTS else SUBPROCESSOR_FIELDS
    name_label = next(f.header_fr for f in specs if f.key == "name")  # "Traitement"
    rows = [list(r) for r in head]
    one_value = max(len(r) for r in head) <= label_column + 2  # a "label | value" fiche
    titled = False
    for index in range(len(rows) - 1):
        if not _is_title(rows, index, label_column, one_value):
            continue
        texts = [c.strip() for c in rows[index][label_column:] if c.strip()]
        one = len(set(texts)) == 1 and _cell(rows[index], label_column) != ""
        values = texts[:1] if one else rows[index][label_column + 1 :]
        rows[index] = [*rows[index][:label_column], name_label, *values]
        titled = True
    return rows if titled else None


def _with_heading_row(head: list[list[str]], source: GridSource) -> list[list[str]]:
    """The rows, with the document's title above the table as the fiche's title row when the
    table has none: a Word table of one fiche ("Base légale | ...", no header) under its bold
    title and the sentence introducing it, the title naming the record."""
    heading = getattr(source, "context_heading", "")
    labelled = [i for i, r in enumerate(head) if sum(1 for c in r if c.strip()) >= 2]
    if not heading or not labelled or any(any(c.strip() for c in r) for r in head[: labelled[0]]):
        return head
    width = max(len(r) for r in head)
    if width > 2:  # a fiche of one value per label: a wider grid is a table of its own
        return head
    first = labelled[0]
    return [*head[:first], [heading, *[""] * (width - 1)], *head[first:]]


def _is_title(rows: list[list[str]], index: int, label_column: int, one_value: bool) -> bool:
    row, below = rows[index], rows[index + 1]
    texts = {c.strip() for c in row[label_column:] if c.strip()}
    if not texts or not _cell(below, label_column) or sum(1 for c in below if c.strip()) < 2:
        return False
    filled = sum(1 for c in row if c.strip())
    # one merged cell across a fiche: its text in every cell, or once (a Word reader gives a
    # merged cell once); over several record columns a lone text is the table's title instead
    merged = len(texts) == 1 and (filled > 1 or one_value)
    if _cell(row, label_column) and not merged:
        return False  # a labelled row, not a title
    first = all(not any(c.strip() for c in r) for r in rows[:index])
    after_blank = index > 0 and not any(c.strip() for c in rows[index - 1])
    return first or after_blank


def _name_index(mapping: ColumnMapping) -> int:
    index = mapping.index_of("name")
    return index if index is not None else mapping.index_of(NAME_AND_PURPOSE) or 0


def _cell(row: list[str], index: int) -> str:
    return row[index].strip() if index < len(row) else ""


__all__ = ["TransposedGrid", "transposed_table"]
