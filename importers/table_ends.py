"""Where a table of a sheet ends when the next one has a header the vocabulary does not know.

A page saved as a sheet keeps its tables one under the other with headings, sentences and
bullet lines between them ("Finalidad | Base legal", then a heading, an intro and a bullet
list, then "País | Destinatarios | Datos transferidos"; a treatments table, then "Version
history" and "Version number | Change description | Date"). Under a known header the next
table is found by its header's fields (tables._next_header); here it is found by its shape: a
run of lone-text or blank rows, then a row of short, header-like cells filling other columns
than the table's header, with a row of the same shape under it. The table ends where the run
starts: the text between two tables belongs to neither."""

from __future__ import annotations

from importers.cleaning import fold
from importers.mapping import map_headers
from importers.model import TableCandidate

MIN_CELLS = 2
HEADER_WORDS = 4  # "Datos transferidos", "Change description": a header cell is a few words
HEADER_CHARS = 40
SURE = 0.85


def filled_columns(row: list[str]) -> frozenset[int]:
    return frozenset(i for i, c in enumerate(row) if c.strip())


def is_lone_or_blank(row: list[str]) -> bool:
    """A blank row, or one text alone on its row (a heading, a sentence, a bullet line, or a
    merged cell repeating one text across the row)."""
    return len({c.strip() for c in row if c.strip()}) <= 1


def header_like(row: list[str]) -> bool:
    """Short labels: no sentence, no list, no line break, no number alone, all distinct."""
    cells = [c.strip() for c in row if c.strip()]
    if len(cells) < MIN_CELLS or len({fold(c) for c in cells}) != len(cells):
        return False
    return all(
        len(c) <= HEADER_CHARS
        and len(c.split()) <= HEADER_WORDS
        and "\n" not in c
        and not c.endswith((".", ":", ";", ","))
        and any(ch.isalpha() for ch in c)
        and not c[0].isdigit()
        for c in cells
    )


def other_shaped_header(head: list[list[str]], header_row: int) -> int | None:
    """The first row under the table at `header_row` that starts another table by its shape
    (see the module docstring), or None."""
    own = filled_columns(head[header_row])
    gap = False  # the rows above are blank or lone text, after at least one record
    for index in range(header_row + 1, len(head) - 1):
        row = head[index]
        if is_lone_or_blank(row):
            gap = gap or index > header_row + 1
            continue
        columns = filled_columns(row)
        below = filled_columns(head[index + 1])
        if (
            gap
            and (columns != own or _numbered_below(head, header_row, index))
            and header_like(row)
            and len(below) >= MIN_CELLS
            and below <= columns
        ):
            return index
        gap = False
    return None


def _numbered_below(head: list[list[str]], header_row: int, index: int) -> bool:
    """A row of labels as wide as the table heads another table when the rows under it are
    numbered (a version, a date: "1.0 | Document created | 25.2.2022") where the table's own
    records start with words: a record's name never starts with a number, a version's does.
    ("Newsletter | E-mail | Consent" under a lone section row starts with a word: a record.)"""
    records = [r for r in head[header_row + 1 : index] if not is_lone_or_blank(r)]
    under = [r for r in head[index + 1 : index + 1 + MIN_CELLS + 1] if not is_lone_or_blank(r)]
    if not records or not under:
        return False
    return all(_starts_with_words(r) for r in records) and not any(
        _starts_with_words(r) for r in under
    )


def _starts_with_words(row: list[str]) -> bool:
    first = next(c.strip() for c in row if c.strip())
    return not first[0].isdigit()


def gap_start(head: list[list[str]], index: int, header_row: int) -> int:
    """The first row of the blank or lone-text run just above `index` (the table's last record
    is above it)."""
    start = index
    while start - 1 > header_row and is_lone_or_blank(head[start - 1]):
        start -= 1
    return start


def is_table_of_countries(table: TableCandidate) -> bool:
    """A table keyed by country ("País | Destinatarios | Datos transferidos", "Land | Ontvangers
    | ..."): its first column is the place and no header names an entity, so each row says what
    goes to a country, not who a subprocessor is; its rows are not records."""
    columns = map_headers(table.headers, table.kind).columns
    first = next((c for c in columns if c.header.strip()), None)
    if first is None or first.field != "location_text" or first.confidence < SURE:
        return False
    return not any(c.field == "name" and c.confidence >= SURE for c in columns)


__all__ = [
    "gap_start",
    "header_like",
    "is_lone_or_blank",
    "is_table_of_countries",
    "other_shaped_header",
]
