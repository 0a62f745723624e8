"""Rows of a mapped table -> `ImportedRow`s: cleaning and parsing every mapped cell.

A value the builder derives, rather than finds stated, carries an `Unconfirmed` mark naming
the cell it came from (`importers.marks`): a mechanism, countries, a legal basis, an Art. 9
condition or a retention period read out of free text, a sensitivity guessed from keywords, a
category chosen from a section title, a role taken by default. A code in its own column (as the
Excel export writes them) is stated; the export's "unconfirmed" column gives back its marks.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from importers import legal_basis, subprocessor_cells, vocabulary
from importers.cleaning import clean_text, fold, parse_bool, split_values
from importers.countries import approximation_note, parse_locations
from importers.mapping import (
    NAME_AND_PURPOSE,
    TRANSFER_OUTSIDE_EEA,
    names_providers_by_kind,
    score_header,
)
from importers.marks import Cell, MarkError, parse_unconfirmed
from importers.model import ColumnMapping, ImportedRow, RecordKind, TableCandidate
from importers.retention import parse_retention
from importers.row_spans import Realigned, SpanProfile
from importers.tables import RowKind, Section, classified_rows, read_section
from importers.transfers import is_code as is_mechanism_code
from importers.transfers import parse_mechanism, several_named_note
from importers.values import (
    CATEGORY_LABELS,
    CellError,
    misfit_note,
    one_line,
    parse_categories,
    parse_category,
    parse_codes,
    parse_date,
    parse_dpia_status,
    parse_int,
    parse_recipient,
    parse_role,
    parse_status,
    parse_unit,
    split_name_and_purpose,
)
from workbench.domain.enums import (
    DataSensitivity,
    DpiaStatus,
    InferenceOrigin,
    Role,
    TransferMechanism,
    TreatmentStatus,
)
from workbench.domain.errors import ImportFileError, MappingError
from workbench.domain.inference import field_exists
from workbench.domain.names import readable_name
from workbench.domain.records import (
    DataCategory,
    Dpia,
    Provenance,
    Recipient,
    Retention,
    Subprocessor,
    Treatment,
    Unconfirmed,
)
from workbench.i18n import _
from workbench.progress import Progress

# the register's name columns hold 300 characters (workbench/storage/models: String(300))
NAME_MAX_LENGTH = 300
MIN_CLAUSE = 20  # a first clause shorter than this is no name: cut at a word instead
_CLAUSE_ENDS = (". ", "; ", ": ", ", ", " (", " – ", " — ", " - ")
_OPTIONAL = re.compile(
    r"\s*\((?:optional|optionnel|optionnelle|facultatif|facultative)\)\s*$", re.I
)
_DESCRIPTION_LOCATION = re.compile(
    r"localisation (?:du |des )?(?:centres? de donn[ée]es|serveurs?|h[ée]bergement)\s*:\s*"
    r"(?P<where>[^\n]+)",
    re.I,
)
_EXPORT_MARKERS = frozenset({"id"})
_RETENTION_PARTS = ("duration", "unit", "start_event")
_STRUCTURED_RETENTION = frozenset(f"retention.{part}" for part in _RETENTION_PARTS)
_RETENTION_MARKS = tuple((part, f"retention.{part}") for part in _RETENTION_PARTS)
_NO_RETENTION = Retention()  # frozen: one default shared by the rows that state none
_LISTED_SENSITIVE = 5  # categories named in a sensitivity mark's note


@dataclass
class _Row:
    """One row while its cells are read: the record's values, the fields the file supplied,
    what is not a record field (organisation, links by name), and the marks on derived values."""

    number: int
    values: dict[str, Any] = field(default_factory=dict)
    supplied: set[str] = field(default_factory=set)
    extra: dict[str, Any] = field(default_factory=dict)
    marks: dict[str, Unconfirmed] = field(default_factory=dict)  # one per field
    listed: list[Unconfirmed] = field(default_factory=list)  # the "unconfirmed" column's
    warnings: list[str] = field(default_factory=list)

    def put(self, name: str, value: Any, mark: Unconfirmed | None = None) -> None:
        self.values[name] = value
        self.supplied.add(name)
        self.marks.pop(name, None)  # a later column stating the value lifts an earlier mark
        if mark is not None:
            self.marks[mark.field] = mark

    def mark(self, mark: Unconfirmed) -> None:
        self.marks[mark.field] = mark


_TOOL_CELLS = "tool_cells"  # a row's notes and basis cells, read for a transfer tool last

_Reader = Callable[[str, Cell, bool, "_Row"], None]  # a column's key, its cell, canonical, row


# a column's key -> the record field its reading gives (for the marks on a realigned row)
_FIELD_OF_KEY = {
    "legal_basis_text": "legal_basis",
    NAME_AND_PURPOSE: "name",
    "location_text": "locations",
    "transfer_text": "transfer_mechanism",
    "retention.text": "retention",
}


# -- rows -> records -----------------------------------------------------------------------------
class RowBuilder:
    def __init__(self, table: TableCandidate, mapping: ColumnMapping, kind: RecordKind) -> None:
        self.table = table
        self.mapping = mapping
        self.kind = kind
        self.record_cls = Treatment if kind is RecordKind.TREATMENTS else Subprocessor
        # A file written by the Excel export (it has the ID column) is read exactly as written:
        # category tags say the sensitivity, no guessing from keywords.
        from_export = any(fold(h) in _EXPORT_MARKERS for h in table.headers)
        self.columns = [
            (c.index, c.field, c.header or str(c.index + 1), from_export and c.confidence >= 1.0)
            for c in mapping.columns
            if c.field
        ]
        # columns mapped by a likeness only (a fuzzy header, a keyword, the cells): one whose
        # cell does not fit its field is left out of the row, with a note, and never refuses
        # the table; a header known surely, or a field a person chose, refuses the cell
        self._guessed = {c.index for c in mapping.columns if c.guessed}
        self.fields = mapping.fields
        self._readers = [(column, self._reader(column[1])) for column in self.columns]
        # the same for every row (read once, not per row: a big sheet has 100k of them)
        self._file = str(table.file)
        self._file_name = readable_name(table.file.name)
        self._sheet = table.sheet

    def build(
        self,
        cells: list[str],
        section: Section,
        row_number: int,
        spanned: Realigned | None = None,
    ) -> ImportedRow:
        row = _Row(row_number)
        for (index, key, header, canonical), read in self._readers:
            cell = Cell(cells[index] if index < len(cells) else "", header, row_number)
            try:
                read(key, cell, canonical, row)
            except CellError as exc:
                if index not in self._guessed:
                    problem = str(exc)
                    raise ImportFileError(
                        self._file, problem, self._sheet, row_number, header
                    ) from exc
                row.warnings.append(
                    misfit_note(header, key, self.record_cls is Treatment, str(exc))
                )
        if spanned is not None:
            self._mark_spanned(row, spanned, cells)
        values = row.values
        self._fit_name(row)
        if not values.get("name"):
            raise ImportFileError(
                str(self.table.file),
                _("the name is empty."),
                self.table.sheet,
                row_number,
                self._name_header(),
            )
        provenance = Provenance(self._file_name, self._sheet, row_number)
        organisation = row.extra.get("organisation") or section.organisation
        if self.kind is RecordKind.TREATMENTS:
            self._treatment_extras(row, section)
        else:
            self._subprocessor_extras(row, section)
        for mark in row.listed:  # the export's own list of what is still to be confirmed
            row.mark(mark)
        record = self.record_cls(
            organisation_id=0,
            provenance=provenance,
            unconfirmed=tuple(row.marks.values()),
            **values,
        )
        return ImportedRow(
            record,
            frozenset(row.supplied),
            provenance,
            organisation,
            controllers=tuple(row.extra.get("controllers", ())),
            processors=tuple(row.extra.get("processors", ())),
            subprocessors=tuple(row.extra.get("subprocessors", ())),
            warnings=tuple(row.warnings),
            lists_unconfirmed="unconfirmed" in self.fields,
        )

    def _mark_spanned(self, row: _Row, spanned: Realigned, cells: list[str]) -> None:
        """A row realigned under a flattened span (`importers.row_spans`): the values taken
        from the row above, and those read from cells moved right, are the rule's reading."""
        for index, key, header, _canonical in self.columns:
            field_name = _FIELD_OF_KEY.get(key, key)
            if not row.values.get(field_name) or not field_exists(self.record_cls, field_name):
                continue  # nothing read: nothing to mark
            note = (
                _("taken from the row above: its cell spans this row in the source")
                if index in spanned.inherited
                else _(
                    "read from a cell moved left in the file: the cell spanning it was flattened"
                )
            )
            found = row.marks.get(field_name)
            if found is not None:
                note = f"{found.note}; {note}" if found.note else note
                row.mark(dataclasses.replace(found, note=note))
            else:
                cell = Cell(cells[index] if index < len(cells) else "", header, row.number)
                row.mark(cell.mark(field_name, InferenceOrigin.RULE, note))

    def _fit_name(self, row: _Row) -> None:
        """A name longer than the register holds (a sentence told as the name) is cut at its
        last clause before the limit, marked; the whole text is kept in the notes."""
        name = str(row.values.get("name", ""))
        if len(name) <= NAME_MAX_LENGTH:
            return
        head = name[:NAME_MAX_LENGTH]
        cut = max(head.rfind(end) for end in _CLAUSE_ENDS)
        short = head[:cut] if cut >= MIN_CLAUSE else head.rsplit(" ", 1)[0]
        note = _(
            "the cell is longer than a name can be ({limit} characters): the name is its start, "
            "the whole text is in the notes"
        ).format(limit=NAME_MAX_LENGTH)
        cell = Cell(name, self._name_header(), row.number)
        row.put("name", short.rstrip(), cell.mark("name", InferenceOrigin.RULE, note))
        row.values["notes"] = "\n".join(t for t in (name, row.values.get("notes", "")) if t)
        row.supplied.add("notes")

    def _name_header(self) -> str:
        return next(
            (c.header for c in self.mapping.columns if c.field in ("name", NAME_AND_PURPOSE)), ""
        )

    def _reader(self, key: str) -> _Reader:
        """How the cells of `key`'s column are read, chosen once per column: the tests are the
        same for every cell of a column (700,000 cells at 100k rows, issue 18)."""
        subprocessors = self.kind is RecordKind.SUBPROCESSORS
        if key == NAME_AND_PURPOSE:
            return self._read_name_and_purpose
        if key == "name":
            return self._read_name
        if key == TRANSFER_OUTSIDE_EEA:
            return self._read_transfers_outside
        if key == "legal_basis_text" and subprocessors:
            return self._read_basis_note
        if key == "notes" and subprocessors:
            return self._read_notes
        if key == "organisation":
            return self._read_organisation
        if key in ("controllers", "processors", "subprocessors"):
            return self._read_links
        if key == "unconfirmed":
            return self._read_unconfirmed
        if key == "data_categories":
            return self._read_categories
        if key in ("data_subjects", "security_measures"):
            return lambda k, cell, _c, row: row.put(k, split_values(cell.text))
        if key == "recipients":
            return lambda k, cell, _c, row: row.put(k, _recipients(cell.text))
        if key in ("legal_basis", "legal_basis_text", "art9_condition"):
            return lambda k, cell, _c, row: self._legal_basis(k, cell, row)
        if key.startswith("retention."):
            return lambda k, cell, _c, row: self._retention(k, cell, row)
        if key == "role":
            return self._read_role
        if key == "status":
            return lambda k, cell, _c, row: row.put(
                k, parse_status(cell.text) or TreatmentStatus.ACTIVE
            )
        if key == "optional":
            return lambda k, cell, _c, row: row.put(k, bool(parse_bool(cell.text)))
        if key.startswith("dpia."):
            return lambda k, cell, _c, row: self._dpia(k, cell, row)
        if key.endswith("_on"):
            return lambda k, cell, _c, row: row.put(k, parse_date(cell.text))
        if key == "chain_level":
            return lambda k, cell, _c, row: row.put(k, parse_int(cell.text) or 1)
        if key == "category":
            return lambda _k, cell, canonical, row: self._category(cell, canonical, row)
        if key in ("locations", "location_text", vocabulary.STORAGE_LOCATION):
            return lambda k, cell, _c, row: self._locations(k, cell, row)
        if key in ("transfer_mechanism", "transfer_text"):
            return lambda k, cell, _c, row: self._transfer(k, cell, row)
        if key in ("purpose", "legal_entity", "contact_name", "contact_email"):
            return lambda k, cell, _c, row: row.put(k, one_line(cell.text))
        return lambda k, cell, _c, row: row.put(k, clean_text(cell.text))

    def _read_name_and_purpose(self, _key: str, cell: Cell, _canonical: bool, row: _Row) -> None:
        name, purpose = split_name_and_purpose(cell.text)
        row.put("name", name)
        row.put("purpose", purpose)

    def _read_name(self, _key: str, cell: Cell, _canonical: bool, row: _Row) -> None:
        raw = cell.text
        name, address, links, note = one_line(raw), "", "", ""
        if self.kind is RecordKind.SUBPROCESSORS:
            name, address, links, note = subprocessor_cells.split_name_cell(raw)
        if self.kind is RecordKind.SUBPROCESSORS and _OPTIONAL.search(name):
            name = _OPTIONAL.sub("", name)
            row.put("optional", True)
        if self.kind is RecordKind.SUBPROCESSORS and _OPTIONAL.fullmatch(note):
            row.put("optional", True)  # "(optional)" on the line under the name, as after it
            note = ""
        elif subprocessor_cells.says_optional(note) and "optional" not in self.fields:
            row.put("optional", True, subprocessor_cells.optional_mark(cell))
        row.put("name", name)
        if address and "address" not in self.fields:
            row.put("address", address, subprocessor_cells.address_mark(cell))
        if links or note:  # added to the notes once every column is read (a notes column's first)
            row.extra["name_notes"] = (note, links, cell)

    def _read_transfers_outside(self, key: str, cell: Cell, _canonical: bool, row: _Row) -> None:
        row.extra[key] = (subprocessor_cells.transfers_outside(cell.text), cell)

    def _read_organisation(self, key: str, cell: Cell, _canonical: bool, row: _Row) -> None:
        row.extra[key] = one_line(cell.text)

    def _read_basis_note(self, _key: str, cell: Cell, _canonical: bool, row: _Row) -> None:
        notes = subprocessor_cells.legal_basis_note(
            cell.column, cell.text, row.values.get("notes", "")
        )
        row.put("notes", notes)
        row.extra.setdefault(_TOOL_CELLS, []).append(cell)

    def _read_notes(self, key: str, cell: Cell, _canonical: bool, row: _Row) -> None:
        """A subprocessor's notes, kept; their words may name its transfer tool
        (`_tool_in_notes`)."""
        row.put(key, clean_text(cell.text))
        row.extra.setdefault(_TOOL_CELLS, []).append(cell)

    def _read_links(self, key: str, cell: Cell, _canonical: bool, row: _Row) -> None:
        row.extra[key] = split_values(cell.text)
        row.supplied.add(_LINK_FIELDS[key])

    def _read_unconfirmed(self, _key: str, cell: Cell, _canonical: bool, row: _Row) -> None:
        try:
            row.listed.extend(parse_unconfirmed(cell.text, self.record_cls))
        except MarkError as exc:
            raise CellError(str(exc)) from exc

    def _read_categories(self, key: str, cell: Cell, canonical: bool, row: _Row) -> None:
        categories, guessed = parse_categories(cell.text, canonical)
        row.put(key, categories, _sensitivity_mark(cell, guessed) if guessed else None)

    def _read_role(self, key: str, cell: Cell, _canonical: bool, row: _Row) -> None:
        role = parse_role(cell.text)
        row.put(key, role or Role.CONTROLLER, None if role else _default_role_mark(cell))

    def _legal_basis(self, key: str, cell: Cell, row: _Row) -> None:
        text = clean_text(cell.text)
        if key == "legal_basis":
            basis = legal_basis.parse_legal_basis(text)
            stated = basis is None or legal_basis.is_code(text)
            note = legal_basis.approximation_note(text) or legal_basis.law_citation_note(text)
            row.put(key, basis, None if stated else cell.mark(key, note=note))
        elif key == "art9_condition":
            condition = legal_basis.parse_art9_condition(text)
            if text and condition is None:
                raise CellError(
                    _(
                        "'{value}' is not an Art. 9(2) condition (expected a code such as "
                        "9_2_h, a citation such as 9(2)(h), or the condition's words)."
                    ).format(value=text)
                )
            stated = condition is None or legal_basis.is_code(text)
            row.put(key, condition, None if stated else cell.mark(key))
        else:
            row.put(key, text)
            if "legal_basis" not in self.fields:
                basis = legal_basis.parse_legal_basis(text)
                notes = (
                    legal_basis.approximation_note(text),
                    legal_basis.law_citation_note(text),
                    legal_basis.several_bases_note(text),
                )
                note = "; ".join(n for n in notes if n) if basis else ""
                mark = cell.mark("legal_basis", note=note) if basis else None
                row.put("legal_basis", basis, mark)
            condition = legal_basis.parse_art9_condition(text)
            if "art9_condition" not in self.fields and condition is not None:
                # kept once the row's data categories are known (`_treatment_extras`)
                row.extra["art9_from_text"] = (condition, cell)

    def _retention(self, key: str, cell: Cell, row: _Row) -> None:
        current: Retention = row.values.get("retention", _NO_RETENTION)
        sub = key.split(".", 1)[1]
        if sub == "text":
            parsed = parse_retention(cell.text)
            if _STRUCTURED_RETENTION & self.fields:  # an export: its columns say it, not a parser
                parsed = dataclasses.replace(current, text=parsed.text)
            else:
                for part, field_name in _RETENTION_MARKS:
                    if getattr(parsed, part) not in (None, ""):
                        row.mark(cell.mark(field_name))
            current = parsed
        elif sub == "duration":
            current = dataclasses.replace(current, duration=parse_int(cell.text))
        elif sub == "unit":
            current = dataclasses.replace(current, unit=parse_unit(cell.text))
        elif sub == "start_event":
            current = dataclasses.replace(current, start_event=clean_text(cell.text))
        row.values["retention"] = current
        row.supplied.add("retention")

    def _dpia(self, key: str, cell: Cell, row: _Row) -> None:
        current: Dpia = row.values.get("dpia", Dpia())
        sub = key.split(".", 1)[1]
        if sub == "status":
            status, is_code = parse_dpia_status(cell.text)
            text = one_line(cell.text)
            if text and not is_code and status is DpiaStatus.UNKNOWN:
                row.warnings.append(
                    _(
                        "DPIA status '{value}' not recognised (expected required, not required "
                        "or done); left unknown."
                    ).format(value=text)
                )
            elif text and not is_code:
                row.mark(cell.mark(key))
            current = dataclasses.replace(current, status=status)
        elif sub == "reason":
            current = dataclasses.replace(current, reason=clean_text(cell.text))
        elif sub == "done_on":
            current = dataclasses.replace(current, done_on=parse_date(cell.text))
        row.values["dpia"] = current
        row.supplied.add("dpia")

    def _category(self, cell: Cell, canonical: bool, row: _Row) -> None:
        if canonical:
            found, mark = parse_category(cell.text), None
        else:
            found, mark = CATEGORY_LABELS.get(fold(cell.text)), None
            if found is None:
                found = read_section(cell.text).category
                mark = cell.mark(
                    "category",
                    InferenceOrigin.RULE,
                    _("category chosen from the words of the cell"),
                )
        if found is not None:
            row.put("category", found, mark)

    def _locations(self, key: str, cell: Cell, row: _Row) -> None:
        if key == "locations":
            locations, from_text = parse_codes(cell.text)
            row.put(key, locations, _locations_mark(cell) if from_text else None)
            return
        text = clean_text(cell.text)
        if key == vocabulary.STORAGE_LOCATION:  # its places join the processing column's
            self._storage_locations(text, cell, row)
            return
        row.put(key, "\n".join(t for t in (text, row.values.get(key, "")) if t))
        if "locations" not in self.fields:
            locations = parse_locations(text)
            locations += tuple(x for x in row.values.get("locations", ()) if x not in locations)
            mark = row.marks.get("locations") or _locations_mark(cell)
            row.put("locations", locations, mark if locations else None)
        self._tool_in_place(text, cell, row)

    def _tool_in_place(self, text: str, cell: Cell, row: _Row) -> None:
        """A place cell naming the transfer tool with the place ("USA + SCC", "United States
        (DPF)"), on a table with no transfer column: the tool is the row's mechanism, read out
        of words (marked), as a description's sentence naming one is."""
        if "transfer_text" in self.fields or "transfer_mechanism" in self.fields:
            return
        if row.values.get("transfer_mechanism") is not None:
            return
        mechanism = parse_mechanism(text)
        if mechanism is not None and mechanism.is_safeguard:
            row.put("transfer_text", text)
            row.put("transfer_mechanism", mechanism, _mechanism_mark(cell, text))

    def _storage_locations(self, text: str, cell: Cell, row: _Row) -> None:
        if "locations" in self.fields:
            return  # the codes are stated in their own column
        found = row.values.get("locations", ())
        added = tuple(x for x in parse_locations(text) if x not in found)
        kept = row.values.get("location_text", "")
        row.put("location_text", "\n".join(t for t in (kept, text) if t))
        if added:
            row.put("locations", found + added, row.marks.get("locations") or _locations_mark(cell))

    def _transfer(self, key: str, cell: Cell, row: _Row) -> None:
        if key == "transfer_mechanism":
            text = one_line(cell.text)
        else:
            text = clean_text(cell.text)
            row.put(key, text)
            if "transfer_mechanism" in self.fields:
                return
        mechanism = parse_mechanism(text)
        if subprocessor_cells.no_transfer_in_column(cell.column, text, mechanism):
            row.put(
                "transfer_mechanism",
                TransferMechanism.NONE_INTRA_EEA,
                subprocessor_cells.no_transfer_column_mark(cell),
            )
            return
        # a code is stated in the mechanism's own column; "BCR" in a free-text one is words
        stated = mechanism is None or (key == "transfer_mechanism" and is_mechanism_code(text))
        row.put("transfer_mechanism", mechanism, None if stated else _mechanism_mark(cell, text))

    def _infer_category(self, row: _Row, description: str) -> None:
        """No column nor section says the category: the service's or the name's words."""
        if "category" in row.supplied:
            return
        header = next((h for _i, k, h, _c in self.columns if k == "service_description"), "")
        name = row.values.get("name", "")
        guess = subprocessor_cells.category_guess(description, name, header, row.number)
        if guess is not None:
            row.put("category", *guess)

    def _treatment_extras(self, row: _Row, section: Section) -> None:
        if "role" not in row.supplied and section.role is not None:
            row.put("role", section.role)  # the title says it: "... agit en qualité de ..."
        elif "role" not in row.supplied:
            row.mark(_default_role_mark(Cell("", "", row.number)))
        found = row.extra.pop("art9_from_text", None)
        if found is not None:
            condition, cell = found
            categories: tuple[DataCategory, ...] = row.values.get("data_categories", ())
            # a condition's words ("consentement explicite") count for Art. 9 data only
            if legal_basis.cites_art9(cell.text) or any(c.sensitivity.is_art9 for c in categories):
                row.put("art9_condition", condition, cell.mark("art9_condition"))

    def _subprocessor_extras(self, row: _Row, section: Section) -> None:
        values, supplied = row.values, row.supplied
        note, links, name_cell = row.extra.pop("name_notes", ("", "", None))
        if name_cell is not None:
            notes = "\n".join(t for t in (values.get("notes", ""), note, links) if t)
            mark = subprocessor_cells.note_mark if note else subprocessor_cells.links_mark
            row.put("notes", notes, mark(name_cell))
        if "category" not in supplied and section.category is not None:
            note = (
                _("category chosen from the section title above the row")
                if section.row is not None
                else _("category chosen from the heading above the table")
            )
            title = Cell(section.title, "", section.row)
            row.put(
                "category", section.category, title.mark("category", InferenceOrigin.RULE, note)
            )
        description = values.get("service_description", "")
        header = next((h for _i, k, h, _c in self.columns if k == "service_description"), "")
        if "location_text" not in self.fields and "locations" not in self.fields and description:
            match = _DESCRIPTION_LOCATION.search(description)
            if match:  # Annex 2: "Localisation centre de données : États-Unis" in the description
                where = match.group("where").strip().rstrip(".")
                row.put("location_text", where)
                locations = parse_locations(where)
                cell = Cell(match.group(0), header, row.number)
                row.put("locations", locations, _locations_mark(cell) if locations else None)
        self._infer_category(row, description)
        outside, answer_cell = row.extra.pop(TRANSFER_OUTSIDE_EEA, (None, None))
        stated = values.get("transfer_mechanism")
        if outside is False and (stated is None or stated is TransferMechanism.NONE):
            row.put(
                "transfer_mechanism",
                TransferMechanism.NONE_INTRA_EEA,
                subprocessor_cells.no_transfer_mark(answer_cell),
            )
        if "transfer_text" not in self.fields and "transfer_mechanism" not in self.fields:
            for sentence in re.split(r"(?<=[.!?])\s+", description):
                mechanism = parse_mechanism(sentence) if len(sentence) > 3 else None
                if mechanism is not None and mechanism.is_safeguard:
                    row.put("transfer_text", sentence.strip())
                    cell = Cell(sentence, header, row.number)
                    row.put("transfer_mechanism", mechanism, _mechanism_mark(cell, sentence))
                    break
        self._tool_in_notes(row)

    def _tool_in_notes(self, row: _Row) -> None:
        """A notes or remarks cell ("SCCs/IDTA as applicable", "Standardvertragsklauseln"), or a
        subprocessor's "Legal basis" cell ("Sitz in der EU, keine Drittlandübermittlung"), naming
        the transfer tool, on a table with no transfer column and no tool read yet: the first
        sentence naming a safeguard (or that no data leaves the EEA) gives the mechanism,
        marked as read out of words; the cell stays in the notes."""
        cells: list[Cell] = row.extra.pop(_TOOL_CELLS, [])
        if "transfer_text" in self.fields or "transfer_mechanism" in self.fields:
            return
        if row.values.get("transfer_mechanism") is not None:
            return
        for cell in cells:
            # a sentence ends before a capital: "Art. 49 Abs. 1 lit. a DSGVO" is one citation
            for sentence in _SENTENCE_END.split(clean_text(cell.text)):
                mechanism = parse_mechanism(sentence) if len(sentence) > 3 else None
                if mechanism is not None and (
                    mechanism.is_safeguard or mechanism is TransferMechanism.NONE_INTRA_EEA
                ):
                    row.put("transfer_text", sentence.strip())
                    sentence_cell = Cell(sentence, cell.column, row.number)
                    row.put(
                        "transfer_mechanism", mechanism, _mechanism_mark(sentence_cell, sentence)
                    )
                    return


_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+(?=[A-ZÀ-ÖØ-Þ])")


@lru_cache(maxsize=4096)
def _recipients(text: str) -> tuple[Recipient, ...]:
    """The recipients a cell lists (cached: a column of a big sheet repeats a few lists)."""
    return tuple(parse_recipient(line) for line in split_values(text))


def _mechanism_mark(cell: Cell, text: str) -> Unconfirmed:
    """ "CCT + DPF" reads as the DPF: marked with the text, and the note says it names two."""
    return cell.mark("transfer_mechanism", note=several_named_note(text))


def _sensitivity_mark(cell: Cell, guessed: tuple[DataCategory, ...]) -> Unconfirmed:
    sensitive = [c for c in guessed if c.sensitivity is not DataSensitivity.STANDARD]
    if sensitive:
        names = "; ".join(
            f"{c.name} ({c.sensitivity.value})" for c in sensitive[:_LISTED_SENSITIVE]
        )
        if len(sensitive) > _LISTED_SENSITIVE:
            names += "; …"
        note = (
            _("sensitivity guessed from keywords: {names}; the others standard")
            if len(sensitive) < len(guessed)
            else _("sensitivity guessed from keywords: {names}")
        ).format(names=names)
    else:
        note = _("sensitivity guessed from keywords: none recognised as sensitive")
    return cell.mark("data_categories", InferenceOrigin.RULE, note)


def _default_role_mark(cell: Cell) -> Unconfirmed:
    return cell.mark(
        "role",
        InferenceOrigin.DEFAULT,
        _("the file does not say; a processing activity is recorded as controller by default"),
    )


def build_rows(
    table: TableCandidate, mapping: ColumnMapping, kind: RecordKind, progress: Progress
) -> Iterator[ImportedRow]:
    """Stream the records of a table; raises ImportFileError on the first unreadable cell."""
    check_mapping(table, mapping)
    builder = RowBuilder(table, mapping, kind)
    name_index = mapping.index_of("name")
    if name_index is None:
        name_index = mapping.index_of(NAME_AND_PURPOSE)
    header_folds = tuple(fold(h) for h in table.headers)
    section = (
        read_section(table.source.context_title)
        if table.source.context_title
        else _names_heading(table, kind, name_index)
    )
    total = max(table.row_count, 1)
    pending: tuple[int, list[str], Section, Realigned | None] | None = None
    realigned: dict[int, Realigned] = {}

    def source_rows() -> Iterator[list[str]]:
        width = max((i + 1 for i, h in enumerate(table.headers) if h.strip()), default=0)
        spans = SpanProfile(width, table.preview_rows, name_index)
        for index, cells, done in spans.realign(
            table.source.rows(), table.header_row + 1, table.end_row
        ):
            if done is not None:
                realigned[index] = done
            yield cells

    rows = classified_rows(
        source_rows(), table.header_row + 1, header_folds, name_index, table.end_row
    )
    for index, cells, row_kind in rows:
        progress.check_cancelled()
        done = index - table.header_row
        progress.report(min(done, total), total)
        if row_kind is RowKind.CONTINUATION and pending is not None:
            merged = [
                "\n".join(t for t in (a, b) if t.strip())
                for a, b in zip(
                    _pad(pending[1], len(cells)), _pad(cells, len(pending[1])), strict=True
                )
            ]
            pending = (pending[0], merged, pending[2], pending[3])
            continue
        if pending is not None and row_kind is not RowKind.CONTINUATION:
            yield builder.build(pending[1], pending[2], pending[0], pending[3])
            pending = None
        if row_kind is RowKind.SECTION:
            found = read_section(next(c for c in cells if c.strip()))
            # a role heading starts a new part; a category row keeps the part's organisation
            section = (
                dataclasses.replace(found, row=index + 1)
                if found.role is not None
                else Section(
                    found.title, section.organisation, section.role, found.category, index + 1
                )
            )
        elif row_kind is RowKind.RECORD:
            pending = (table.row_number(index), list(cells), section, realigned.pop(index, None))
    if pending is not None:
        yield builder.build(pending[1], pending[2], pending[0], pending[3])


def _names_heading(table: TableCandidate, kind: RecordKind, name_index: int | None) -> Section:
    """The header over a column of names that names no field heads the kind of records below
    it ("Fournisseurs d'hébergement", "Tiers"): the section of every row, as a title row is."""
    if name_index is None or table.header_row < 0 or name_index >= len(table.headers):
        return Section("")
    header = table.headers[name_index]
    field = score_header(header, kind)[0]
    if field == "name" and names_providers_by_kind(header):
        field = None  # "Fournisseurs d'hébergement": the names, under the kind they are of
    if not header.strip() or field is not None:
        return Section("")
    return dataclasses.replace(read_section(header), row=table.row_number(table.header_row))


def _pad(cells: list[str], width: int) -> list[str]:
    return list(cells) + [""] * max(0, width - len(cells))


def check_mapping(table: TableCandidate, mapping: ColumnMapping) -> None:
    if mapping.index_of("name") is None and mapping.index_of(NAME_AND_PURPOSE) is None:
        headers = ", ".join(f"'{h}'" for h in table.headers if h) or _("none")
        raise MappingError(
            str(table.file),
            _(
                "no column holds the name of each record (headers found: {headers}); map one "
                "with a mapping profile or in the import wizard."
            ).format(headers=headers),
            table.sheet,
            table.header_row + 1 if table.header_row >= 0 else None,
        )


__all__ = ["TransferMechanism", "build_rows", "check_mapping"]


# the file's column of names -> the record's link field of ids
_LINK_FIELDS = {
    "controllers": "controller_ids",
    "processors": "processor_ids",
    "subprocessors": "subprocessor_ids",
}


def _locations_mark(cell: Cell) -> Unconfirmed:
    """Places read out of words; the note says which were read as a misspelt country's."""
    return cell.mark("locations", note=approximation_note(cell.text))
