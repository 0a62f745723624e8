"""Cells that start with their column's label: a web page's responsive table, copied.

A page that shows a table as stacked cards on a phone prints each column's label inside every
cell ("Finalité / ActivitéPour vous enregistrer ...", "Base juridique du traitement ...Exécution
d'un contrat"), and its header cell holds the label twice ("Type de donnéesType de données").
Copied or scraped, every cell of the column starts with the header's text: that text is the
column's label, not the cell's value, and is removed from the column's cells (the header cell
is left as it is: its words guess the kind). A column is read so only when at least two columns
of one header row do it, in every filled cell under the header, so a column whose values merely
share a first word keep it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from importers.model import GridSource

MIN_LABEL = 4  # characters: a shorter common start ("Le", "EU") is a word of the values
MIN_CELLS = 2  # filled cells under the header, each starting with the label
MIN_COLUMNS = 2  # columns of one header row labelled so: one alone may be a shared first word
SCAN_ROWS = 30  # the header rows looked at, as `tables.HEADER_SCAN_ROWS`


@dataclass(frozen=True, slots=True)
class UnlabelledGrid:
    """A grid whose cells are read without their column's repeated label."""

    inner: GridSource
    labels: tuple[tuple[int, str], ...]  # (column, label)

    @property
    def file(self) -> Path:
        return self.inner.file

    @property
    def sheet(self) -> str:
        return self.inner.sheet

    @property
    def row_count(self) -> int:
        return self.inner.row_count

    @property
    def context_title(self) -> str:
        return self.inner.context_title

    def rows(self) -> Iterator[list[str]]:
        return (without_labels(row, self.labels) for row in self.inner.rows())


def without_labels(row: list[str], labels: tuple[tuple[int, str], ...]) -> list[str]:
    cells = list(row)
    for column, label in labels:
        if column < len(cells) and cells[column].startswith(label):
            rest = cells[column][len(label) :]
            # the header cell keeps its text, doubled or not: its words guess the table's kind
            if rest.strip() and rest != label:
                cells[column] = rest
    return cells


def repeated_labels(head: list[list[str]]) -> tuple[tuple[int, str], ...]:
    """(column, label) of the columns whose every cell under a header row starts with the
    header's text (given once or twice); () when no header row has MIN_COLUMNS of them."""
    for index, row in enumerate(head[:SCAN_ROWS]):
        if sum(1 for c in row if c.strip()) < MIN_COLUMNS:
            continue
        found = [
            (column, label)
            for column, label in ((i, _once(h)) for i, h in enumerate(row))
            if len(label.strip()) >= MIN_LABEL
            and _labels_column(head[index + 1 :], column, label, doubled=label != row[column])
        ]
        if len(found) >= MIN_COLUMNS:
            return tuple(found)
    return ()


def _labels_column(rows: list[list[str]], column: int, label: str, doubled: bool) -> bool:
    """Every filled cell of the column starts with the label and goes on, glued to it unless
    the header is doubled ("ActivitéPour ...": a value that starts with the header's word and a
    space, "Traitement 30", is a value), never with a bare number; MIN_CELLS at least (the first
    cell that does not ends the look, so a long sheet costs one cell per column)."""
    count = 0
    for row in rows:
        cell = row[column] if column < len(row) else ""
        if not cell.strip():
            continue
        rest = cell[len(label) :]
        glued = doubled or not rest[:1].isspace()
        if not (cell.startswith(label) and rest.strip() and glued) or rest.strip().isdigit():
            return False
        count += 1
    return count >= MIN_CELLS


def _once(header: str) -> str:
    """A header cell that holds its label twice ("TypeType"), as the label once."""
    half = len(header) // 2
    return header[:half] if len(header) % 2 == 0 and header[:half] == header[half:] else header


def unlabelled(source: GridSource, head: list[list[str]]) -> tuple[GridSource, list[list[str]]]:
    """The source and its first rows read without repeated labels (the same when it has none)."""
    labels = repeated_labels(head)
    if not labels:
        return source, head
    return UnlabelledGrid(source, labels), [without_labels(r, labels) for r in head]


__all__ = ["UnlabelledGrid", "repeated_labels", "unlabelled"]
