"""The engine's entry points: find the tables of a file, then stream their records."""

from __future__ import annotations

from pathlib import Path

from importers._safety import DEFAULT_LIMITS, SafetyLimits
from importers._structure import Budget
from importers.building import build_rows, check_mapping
from importers.cleaning import fold
from importers.mapping import propose_mapping
from importers.model import ColumnMapping, ImportBatch, RecordKind, TableCandidate
from importers.sources import open_grids
from importers.tables import table_candidates
from workbench.domain.errors import NoTableFoundError
from workbench.i18n import _
from workbench.progress import NullProgress, Progress


def read_tables(
    path: str | Path, sheet: str | None = None, limits: SafetyLimits = DEFAULT_LIMITS
) -> list[TableCandidate]:
    """Every table of the file with a recognisable header, best first within file order.

    `sheet` keeps only the sheet (or Word table, "Table 2") of that name. Raises
    UnreadableFileError for a damaged file, NoTableFoundError when nothing looks like a table,
    UnsafeFileError for a file over the limits (size, structure, `limits.max_seconds`).
    """
    path = Path(path)
    budget = Budget(path, limits.max_seconds)
    grids = open_grids(path, limits, budget)
    if sheet is not None:
        names = [g.sheet for g in grids]
        grids = [g for g in grids if g.sheet == sheet]  # type: ignore[assignment]
        if not grids:
            raise NoTableFoundError(
                str(path),
                _("there is no sheet named '{sheet}' (sheets: {names}).").format(
                    sheet=sheet, names=", ".join(names)
                ),
            )
    tables = [t for g in grids for t in table_candidates(g, limits, budget)]
    exported = [t for t in tables if is_export_table(t)]
    if exported:  # our own Excel export: its entity sheets, not its summaries and CNIL fiches
        tables = exported
    elif sheet is None:
        from importers.cnil_model import cnil_table, is_cnil_register

        if is_cnil_register(path, grids):  # a register kept in the CNIL's model: fiche by fiche
            tables = [cnil_table(path, grids)]
    if not tables:
        raise NoTableFoundError(
            str(path),
            _(
                "no table with a recognisable header (e.g. 'Finalités', 'Base légale', "
                "'Subcontractor name', 'Server location') was found."
            ),
            sheet or "",
        )
    return tables


def is_export_table(table: TableCandidate) -> bool:
    """A sheet written by the Excel export: an ID column and canonical headers throughout."""
    if "id" not in (fold(h) for h in table.headers):
        return False
    mapping = propose_mapping(table, table.kind)
    return sum(1 for c in mapping.columns if c.field and c.confidence >= 1.0) >= 5


def read_records(
    table: TableCandidate, mapping: ColumnMapping, progress: Progress | None = None
) -> ImportBatch:
    """A batch ready for `ImportService.preview/apply`; rows are streamed when it is read."""
    check_mapping(table, mapping)
    kind = mapping.kind if mapping.kind is not RecordKind.AUTO else table.kind
    del progress  # reading happens when the batch is consumed, with that caller's progress
    return ImportBatch(table, mapping, kind, build_rows)


def load_all(batch: ImportBatch, progress: Progress | None = None) -> list[object]:
    """Every record of a batch in memory (small files, tests)."""
    return list(batch.rows(progress or NullProgress()))
