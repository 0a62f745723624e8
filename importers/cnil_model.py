"""A register kept in the CNIL's spreadsheet model, read back: list sheet and fiches.

Reads "registre-traitement-simplifie.ods" as a DPO fills it in (any sheet names, one fiche per
sheet or several stacked, the model's fixed rows, its "-" and "Cliquez ici" placeholders left in
empty cells) and the Excel export's CNIL sheets (`exporters/_xlsx_cnil*.py`, the same blocks,
with the "Compléments du registre" block that carries the rest of the record). Block and row
labels are those of `workbench.domain.cnil_model`, in French or English.

Each fiche becomes one row of a table whose headers are the register's canonical ones, handed
to the ordinary row builder (`importers.building`): the import service receives an
`ImportBatch` like any other, and a value read out of free text (a retention period typed in
the model's "Durée de conservation" cells) is marked as derived exactly as in other files. A
processing listed on the list sheet without a fiche is imported with what the list says.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from importers._safety import DEFAULT_LIMITS, SafetyLimits
from importers._structure import Budget
from importers.cleaning import clean_text
from importers.mapping import propose_mapping
from importers.model import ImportBatch, RecordKind, TableCandidate
from importers.reading import read_records
from importers.sources import open_grids
from workbench.domain import cnil_model as m
from workbench.domain.enum_labels import member_of_label
from workbench.domain.enums import RecipientKind
from workbench.domain.errors import NoTableFoundError
from workbench.domain.fields import (
    TREATMENT_FIELDS,
    UNCONFIRMED_FIELD,
    format_category,
    format_recipient,
)
from workbench.i18n import _

PLACEHOLDERS = frozenset({"-", "–", "—", "/", "cliquez ici.", "cliquez ici", "n/a"})
_SPECS = (*TREATMENT_FIELDS, UNCONFIRMED_FIELD)
_BY_HEADER = {h.casefold(): f.key for f in _SPECS for h in (f.header("fr"), f.header("en"))}
_BLOCKS = (m.DESCRIPTION, m.ACTORS, m.PURPOSES, m.DATA, m.SENSITIVE, m.SUBJECTS, m.RECIPIENTS,
           m.SECURITY, m.TRANSFERS, m.EXTRA)  # fmt: skip
_ROW_LABELS = {
    label: label
    for label in (*(lb for lb, _ in m.STANDARD_ROWS), *(lb for lb, _ in m.SENSITIVE_ROWS))
}


def _value(text: str) -> str:
    value = clean_text(text).strip()
    return "" if value.casefold() in PLACEHOLDERS else value


@dataclass
class Fiche:
    sheet: str
    values: dict[str, list[str]] = field(default_factory=dict)
    retention: list[tuple[str, str]] = field(default_factory=list)  # (row label, period)

    def add(self, key: str, *lines: str) -> None:
        self.values.setdefault(key, []).extend(line for line in lines if line)

    def row(self) -> dict[str, str]:
        row = {key: "\n".join(lines) for key, lines in self.values.items()}
        if "retention.text" not in row and self.retention:
            periods = {period for _, period in self.retention}
            row["retention.text"] = (
                periods.pop()
                if len(periods) == 1
                else "\n".join(f"{label} : {period}" for label, period in self.retention)
            )
        return row


def _cells(row: list[str], width: int = 5) -> list[str]:
    values = [_value(c) for c in row]
    return values + [""] * max(0, width - len(values))


def read_fiches(rows: Iterator[list[str]], sheet: str) -> Iterator[Fiche]:
    """The fiches of one sheet, in order."""
    fiche: Fiche | None = None
    block: m.Label | None = None
    for raw in rows:
        cells = _cells(raw)
        first = cells[0]
        if not any(cells):
            continue
        found = next((b for b in _BLOCKS if b.matches(first)), None)
        if found is m.DESCRIPTION:
            if fiche is not None:
                yield fiche
            fiche, block = Fiche(sheet), found
            continue
        if found is not None:
            block = found
            if found is m.EXTRA and fiche is not None:  # the export's own block: no fallbacks
                fiche.values["_extra"] = ["yes"]
            continue
        if fiche is not None and block is not None:
            _read_row(fiche, block, first, cells[1:])
    if fiche is not None:
        yield fiche


def _read_row(fiche: Fiche, block: m.Label, label: str, rest: list[str]) -> None:
    b, c, d, e = rest[:4]
    if block is m.DESCRIPTION:
        if m.NAME.matches(label):
            fiche.add("name", b)
        elif m.REFERENCE.matches(label):
            fiche.add("id", b)
        elif m.CREATED.matches(label):
            fiche.values["_created"] = [b]
        elif m.UPDATED.matches(label):
            fiche.values["_updated"] = [b]
    elif block is m.ACTORS:
        if m.CONTROLLER.matches(label) or m.PROCESSOR.matches(label):
            fiche.add("organisation", b)
            if "role" not in fiche.values:
                fiche.values["_role"] = [label]
        elif m.SERVED.matches(label):
            fiche.add("controllers", b)
        elif m.GROUP_PROCESSOR.matches(label):
            fiche.add("processors", b)
        elif m.JOINT.matches(label):
            fiche.add("joint_controller", b)
    elif block is m.PURPOSES:
        if m.MAIN_PURPOSE.matches(label):
            fiche.add("purpose", b)
        elif m.sub_label(m.SUB_PURPOSE, label):
            fiche.add("description", b)
    elif block in (m.DATA, m.SENSITIVE):
        _read_categories(fiche, label, b, c)
    elif block is m.SUBJECTS:
        fiche.add("data_subjects", *(f"{b} ({c})" if b and c else b or c).split("\n"))
    elif block is m.RECIPIENTS:
        if m.SUBPROCESSORS_ROW.matches(label):
            fiche.add("subprocessors", *b.split("\n"))
        elif b or c:
            kind = member_of_label(RecipientKind, b)
            name = c or b if kind is not None else " — ".join(v for v in (b, c) if v)
            fiche.add("recipients", format_recipient(name, (kind or RecipientKind.OTHER).value))
    elif block is m.SECURITY:
        fiche.add("security_measures", " : ".join(v for v in (b, c) if v))
    elif block is m.TRANSFERS:
        if m.TRANSFERS_TEXT.matches(label):
            fiche.values["transfers"] = [b] if b else []
        elif b and "transfers" not in fiche.values:
            fiche.values.setdefault("_transfer_rows", []).append(
                " — ".join(v for v in (b, c, d, e) if v)
            )
    elif block is m.EXTRA:
        key = _BY_HEADER.get(" ".join(label.split()).casefold())
        if key is not None:
            fiche.values[key] = [b] if b else []


def _read_categories(fiche: Fiche, label: str, description: str, retention: str) -> None:
    row = next((r for r in m.ROW_SENSITIVITY if r.matches(label)), None)
    if row is None or not description:
        return
    sensitivity = m.ROW_SENSITIVITY[row].value
    for line in description.split("\n"):
        subject, sep, name = line.partition(":")
        if sep and subject.strip() and len(subject) <= 40 and "," not in subject and name.strip():
            fiche.add(
                "data_categories", format_category(name.strip(), subject.strip(), sensitivity)
            )
        elif line.strip():
            fiche.add("data_categories", format_category(line.strip(), "", sensitivity))
    if retention:
        fiche.retention.append((label, retention))


@dataclass(frozen=True)
class _Grid:
    """The fiches as one table of canonical columns, for the ordinary row builder."""

    file: Path
    sheet: str
    table: tuple[tuple[str, ...], ...]
    context_title: str = ""

    @property
    def row_count(self) -> int:
        return len(self.table)

    def rows(self) -> Iterator[list[str]]:
        return (list(r) for r in self.table)


_SPREADSHEETS = (".ods", ".xlsx", ".xlsm")
_LOOK_AHEAD = 60  # a fiche's "Description du traitement" block opens its sheet


def is_cnil_register(path: str | Path, grids: Sequence[Any]) -> bool:
    """A workbook laid out as the CNIL model: a sheet whose first rows open a fiche with the
    model's "Description du traitement" block (only those rows are read: cheap on any file).
    `grids` are the file's sheets, as the caller opened them (a file is opened once)."""
    if Path(path).suffix.lower() not in _SPREADSHEETS:
        return False
    for grid in grids:
        for number, raw in enumerate(grid.rows()):
            if number >= _LOOK_AHEAD:
                break
            if raw and m.DESCRIPTION.matches(_cells(raw)[0]):
                return True
    return False


def cnil_table(path: str | Path, grids: Sequence[Any]) -> TableCandidate:
    """The model's list sheet and fiches as one table of processings, under the register's
    own headers: what the import wizard shows and maps like any other table."""
    return read_cnil_register(path, grids=grids).table


def read_cnil_register(
    path: str | Path, limits: SafetyLimits = DEFAULT_LIMITS, grids: Sequence[Any] | None = None
) -> ImportBatch:
    """The processings of a CNIL-model register (.ods, .xlsx), as a batch for ImportService."""
    path = Path(path)
    if grids is None:
        grids = open_grids(path, limits, Budget(path, limits.max_seconds))
    fiches: list[Fiche] = []
    listed: list[dict[str, str]] = []
    for grid in grids:
        rows = list(grid.rows())
        listed += _list_rows(rows)
        fiches += read_fiches(iter(rows), grid.sheet)
    from_fiches = [_finish(f.row()) for f in fiches]
    named = {r.get("name", "").casefold() for r in from_fiches}
    records = [r for r in from_fiches if r.get("name")]
    records += [_finish(r) for r in listed if r["name"].casefold() not in named]
    default = next((r["_organisation"] for r in listed if r.get("_organisation")), "")
    for record in records:  # the list sheet's organisation block names whose register it is
        if default and not record.get("organisation"):
            record["organisation"] = default
    if not records:
        raise NoTableFoundError(
            str(path), _("no fiche de registre (block 'Description du traitement') was found.")
        )
    # The ID column (the fiche's N° / RÉF, never matched on) says what the export's does: the
    # cells are stated where the model puts them (a category on the health row is health data).
    keys = ["id", *(f.key for f in _SPECS if f.key != "id" and any(f.key in r for r in records))]
    table = (
        tuple(f.header("fr") for f in _SPECS if f.key in keys),
        *(tuple(r.get(k, "") for k in keys) for r in records),
    )
    fiches_grid = _Grid(path, m.FICHES_SHEET("fr"), table)
    candidate = TableCandidate(
        fiches_grid, 0, table[0], RecordKind.TREATMENTS, len(table) - 1, (), 1.0
    )
    return read_records(candidate, propose_mapping(candidate, RecordKind.TREATMENTS))


def _finish(row: dict[str, str]) -> dict[str, str]:
    """What a hand-filled model says only in the model's places (the export's "Compléments"
    block says it under the register's own headers): the role by the actor row, the record's
    dates by the fiche's, the transfers by the rows of the transfers table."""
    if "_extra" in row:
        return row
    if "_role" in row:
        row["role"] = "processor" if m.PROCESSOR.matches(row["_role"]) else "controller"
    for key, model_key in (("created_on", "_created"), ("last_reviewed_on", "_updated")):
        if row.get(model_key):
            row[key] = row[model_key]
    if "_transfer_rows" in row:
        row["transfers"] = row["_transfer_rows"]
    return row


_LIST_COLUMNS = (
    ("name", m.NAME),
    ("purpose", m.MAIN_PURPOSE),
    ("_created", m.CREATED),
    ("_updated", m.UPDATED),
)


def _list_rows(rows: list[str] | list[list[str]]) -> list[dict[str, str]]:
    """The processings of a list sheet ("2 - Liste des traitements"), by the model's headers."""
    found: list[dict[str, str]] = []
    columns: dict[str, int] | None = None
    organisation = ""
    for raw in rows:
        cells = _cells(list(raw), 8)
        if columns is None:
            if m.ORGANISATION.matches(cells[0]) and not organisation:
                organisation = cells[1]
            if any(m.NAME.matches(c) for c in cells) and any(m.REFERENCE.matches(c) for c in cells):
                columns = {}
                for index, text in enumerate(cells):
                    for key, label in _LIST_COLUMNS:
                        if label.matches(text):
                            columns[key] = index
                if "name" not in columns:
                    columns = None
            continue
        name = cells[columns["name"]]
        if name:
            listed = {k: cells[i] for k, i in columns.items() if i < len(cells)}
            found.append({**listed, "_organisation": organisation})
    return found
