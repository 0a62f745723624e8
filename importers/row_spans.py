"""Rows whose spanning cells were flattened: a cell spanning rows kept on the first row only.

A page's table where one cell spans several rows (a general purpose over its processings, a
purpose over its descriptions) loses the span when it is copied as markdown, CSV or a plain
sheet: the spanned cell stays on the first row, and the rows under it start with what belongs
to the next column, their last cells empty ("Data analysis ... | PayLead | Contract performance
| " under "GENERAL PURPOSE | PROCESSING | RESPONSIBLE PARTY | LEGAL BASIS").

Such a row is told by its shape and its cells, not by its words: its filled cells are the
first ones, fewer than the header's columns; where they stand none agrees with its column, and
moved right by the cells it lacks some do (a value the column holds on a full row, a legal basis
under the column of bases, a bullet line under the column of bullet lines, a typed value under
its type's column). A row whose cells read right where they stand is a row with its last cells
empty, and stays. A lone text in the first column, left of the name column, is such a row when
it reads as a name of the table (as many words as its names) and not as a cell of its own
column (a group title is shorter): its name moved left, its cells after the name empty.

The cells such a row lacks are those of the row above, which spanned it:
- a spanned name means the row continues the record above (a description and its basis of the
  same purpose): the name is left empty, so that the row is read as that record's continuation;
- any other spanned cell (a general purpose over its processings) is the row above's value,
  marked as taken from it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from importers.cleaning import fold
from importers.content import typed_field
from importers.legal_basis import parse_legal_basis

BULLETS = ("•", "◦", "▪", "‣", "·", "- ", "* ", "– ")
MIN_FILLED = 2  # a row of one text is a title, a note or a continuation (tables.py says which)


def _filled_of(row: Sequence[str]) -> list[str]:
    return [c for c in row if c.strip()]


def _is_bullet(text: str) -> bool:
    return text.lstrip().startswith(BULLETS)


@dataclass
class _Column:
    values: set[str] = field(default_factory=set)
    bases: int = 0
    bullets: int = 0
    typed: dict[str, int] = field(default_factory=dict)
    count: int = 0
    fewest_words: int = 0
    most_words: int = 0

    def add(self, text: str) -> None:
        words = len(text.split())
        self.fewest_words = min(self.fewest_words, words) if self.count else words
        self.most_words = max(self.most_words, words)
        self.values.add(fold(text))
        self.bases += parse_legal_basis(text) is not None
        self.bullets += _is_bullet(text)
        kind = typed_field(text)
        if kind is not None:
            self.typed[kind] = self.typed.get(kind, 0) + 1
        self.count += 1

    def fits_length(self, text: str) -> bool:
        return self.count > 0 and self.fewest_words <= len(text.split()) <= self.most_words

    def agrees(self, text: str) -> bool:
        """The cell reads as one of this column's: a value it holds, or its cells' kind."""
        if not self.count:
            return False
        most = self.count / 2
        kind = typed_field(text)
        return (
            fold(text) in self.values
            or (self.bases >= most and parse_legal_basis(text) is not None)
            or (self.bullets >= most and _is_bullet(text))
            or (kind is not None and self.typed.get(kind, 0) >= most)
        )


@dataclass(frozen=True)
class Realigned:
    """What was done to one row: the columns it lacked (filled from the row above, or left
    empty for a spanned name) and how far its cells moved right."""

    shift: int
    inherited: tuple[int, ...]


class SpanProfile:
    """The columns of one table as its full rows show them, and the rule above."""

    def __init__(self, width: int, rows: Sequence[Sequence[str]], name_index: int | None) -> None:
        self.width = width
        self.name_index = name_index
        self.columns = [_Column() for _ in range(width)]
        for row in rows:
            if self._full(row):
                for column, text in zip(self.columns, row, strict=False):
                    column.add(text.strip())

    def _full(self, row: Sequence[str]) -> bool:
        return len(row) >= self.width and all(c.strip() for c in row[: self.width])

    def _agreement(self, cells: Sequence[str], offset: int) -> int:
        return sum(self.columns[i + offset].agrees(c.strip()) for i, c in enumerate(cells))

    def shift_of(self, row: Sequence[str]) -> int:
        """How far the row's cells moved left (0: the row stands as it is)."""
        filled = [i for i, c in enumerate(row) if c.strip()]
        count = len(filled)
        if filled == [0] and self.name_index:
            return self._lone_name_shift(row[0].strip(), self.name_index)
        if count < MIN_FILLED or count >= self.width or filled != list(range(count)):
            return 0
        cells = row[:count]
        shift = self.width - count
        # a row that reads right where it stands stays, whatever moving it would give
        if self._agreement(cells, 0):
            return 0
        return shift if self._agreement(cells, shift) else 0

    def _lone_name_shift(self, text: str, name_index: int) -> int:
        """A lone text in the first column, left of the name column, that reads as a name of
        this table and not as a cell of its own column (its length in words within the names'
        range, outside its column's): a record whose spanned first cells were flattened, its
        cells after the name empty too."""
        names, own = self.columns[name_index], self.columns[0]
        if own.count and all(value.replace(" ", "").isdigit() for value in own.values):
            return 0  # a column of row numbers spans no rows: a text there is a title, not a name
        if (names.agrees(text) or names.fits_length(text)) and not (
            own.agrees(text) or own.fits_length(text)
        ):
            return name_index
        return 0

    def realign(
        self, rows: Iterator[list[str]], first: int, end: int | None
    ) -> Iterator[tuple[int, list[str], Realigned | None]]:
        """(index, cells, what was done) for every row; only the table's rows are realigned."""
        above: list[str] | None = None
        for index, row in enumerate(rows):
            if index < first or (end is not None and index >= end):
                yield index, row, None
                continue
            shift = self.shift_of(row) if above is not None else 0
            if not shift or above is None:
                if self._full(row):
                    above = list(row)
                yield index, row, None
                continue
            spanned = tuple(range(shift))
            cells = list(row[: self.width - shift]) if len(_filled_of(row)) > 1 else [row[0]]
            # a spanned name: the same record goes on, the row is its continuation
            lead = [""] * shift if self.name_index in spanned else [above[i] for i in spanned]
            rebuilt = lead + cells + list(row[self.width :])
            above = ([above[i] for i in spanned] + cells + [""] * self.width)[: self.width]
            yield index, rebuilt, Realigned(shift, spanned)


__all__ = ["Realigned", "SpanProfile"]
