"""The values the import engine hands to its callers (CLI, service, UI wizard)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from importers.record_kind import RecordKind as RecordKind  # noqa: PLC0414 - re-exported (mypy)
from workbench.progress import NullProgress, Progress

if TYPE_CHECKING:  # annotations only: `RecordKind` (the CLI's --kind) needs no record class
    from workbench.domain.records import Provenance, Subprocessor, Treatment


class GridSource(Protocol):
    """A sheet or a Word table as rows of cell texts; `rows()` can be called again (streams)."""

    @property
    def file(self) -> Path: ...

    @property
    def sheet(self) -> str: ...

    @property
    def row_count(self) -> int: ...

    @property
    def context_title(self) -> str:
        """Text just above the table in a document (a Word heading), '' for a sheet."""

    def rows(self) -> Iterator[list[str]]: ...


@dataclass(frozen=True, slots=True)
class TableCandidate:
    """A table found in a file: where its header is and what it seems to hold."""

    source: GridSource
    header_row: int  # index in source.rows(); -1 for a table without a header row
    headers: tuple[str, ...]
    kind: RecordKind
    row_count: int  # rows below the header, spacer and section rows included
    preview_rows: tuple[tuple[str, ...], ...] = ()
    score: float = 0.0  # how sure the header detection is, 0..1
    end_row: int | None = None  # index where the next table of the same sheet starts
    # the file's row number of each source row, when the source rearranges the file's grid
    # (a sideways table, `importers.transposed`); empty: source row index + 1
    row_numbers: tuple[int, ...] = ()

    def row_number(self, index: int) -> int:
        """The row the file numbers `index` of `source.rows()` as."""
        return self.row_numbers[index] if index < len(self.row_numbers) else index + 1

    @property
    def file(self) -> Path:
        return self.source.file

    @property
    def sheet(self) -> str:
        return self.source.sheet

    @property
    def width(self) -> int:
        return len(self.headers)


# At or above: the header names its field (equal to, or containing, a known header: mapping's
# CONTAINS_CONFIDENCE), or a person chose it (1.0); below, the mapping is a likeness only.
SURE_MAPPING = 0.85


@dataclass(frozen=True, slots=True)
class ColumnGuess:
    index: int
    header: str
    field: str | None  # a key of workbench.domain.fields (or "name_and_purpose"); None = ignored
    confidence: float  # 1.0 = canonical header, 0 = not mapped

    @property
    def guessed(self) -> bool:
        """Mapped by a likeness only (a fuzzy header, a keyword, the cells): a cell that does
        not fit the field is left out of its row, with a note, rather than refusing the table."""
        return self.field is not None and self.confidence < SURE_MAPPING


@dataclass(frozen=True, slots=True)
class ColumnMapping:
    kind: RecordKind
    columns: tuple[ColumnGuess, ...]

    def index_of(self, field_key: str) -> int | None:
        return next((c.index for c in self.columns if c.field == field_key), None)

    @property
    def fields(self) -> frozenset[str]:
        return frozenset(c.field for c in self.columns if c.field)

    def with_field(self, index: int, field_key: str | None) -> ColumnMapping:
        """The user's correction: column `index` now feeds `field_key` (None = ignore it)."""
        columns = tuple(
            replace(c, field=field_key, confidence=1.0)
            if c.index == index
            else (
                replace(c, field=None, confidence=0.0) if field_key and c.field == field_key else c
            )
            for c in self.columns
        )
        return ColumnMapping(self.kind, columns)

    def to_profile(self) -> dict[str, Any]:
        """A JSON-able profile: header text -> field, reusable on the next version of a file."""
        return {
            "kind": self.kind.value,
            "columns": {c.header: c.field for c in self.columns if c.header},
        }


@dataclass(frozen=True, slots=True)
class ImportedRow:
    """One record read from the file, not yet matched against the register."""

    record: Treatment | Subprocessor  # organisation_id is 0: the service resolves `organisation`
    fields: frozenset[str]  # record attributes the file supplied (others keep their stored value)
    provenance: Provenance
    organisation: str = ""  # '' = the import's default organisation
    controllers: tuple[str, ...] = ()  # names, for treatments carried out as processor
    processors: tuple[str, ...] = ()  # names of own organisations processing on its behalf
    subprocessors: tuple[str, ...] = ()  # names, linked within the same organisation
    warnings: tuple[str, ...] = ()
    # The file lists which values are still unconfirmed (an export's "unconfirmed" column):
    # a value it gives again without listing it is confirmed there.
    lists_unconfirmed: bool = False


@dataclass(frozen=True, slots=True)
class ImportBatch:
    """A table with its mapping, ready to stream records. Reading happens in `rows()`."""

    table: TableCandidate
    mapping: ColumnMapping
    kind: RecordKind
    build: Callable[[TableCandidate, ColumnMapping, RecordKind, Progress], Iterator[ImportedRow]]
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return self.table.row_count

    def rows(self, progress: Progress | None = None) -> Iterator[ImportedRow]:
        return self.build(self.table, self.mapping, self.kind, progress or NullProgress())
