"""Rows of a mapped table -> `ImportedRow`s: cleaning and parsing every mapped cell."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import Any

from importers.cleaning import clean_text, fold, has_markup, html_to_lines, parse_bool, split_values
from importers.countries import country_code, parse_locations
from importers.legal_basis import parse_legal_basis
from importers.mapping import NAME_AND_PURPOSE
from importers.model import ColumnMapping, ImportedRow, RecordKind, TableCandidate
from importers.retention import parse_retention
from importers.sensitivity import classify
from importers.tables import RowKind, Section, classify_row, read_section
from importers.transfers import parse_mechanism
from workbench.domain.enums import (
    Art9Condition,
    DataSensitivity,
    DpiaStatus,
    LocationKind,
    RecipientKind,
    RetentionUnit,
    Role,
    SubprocessorCategory,
    TransferMechanism,
    TreatmentStatus,
)
from workbench.domain.errors import ImportFileError, MappingError
from workbench.domain.fields import split_category, split_recipient
from workbench.domain.records import (
    DataCategory,
    Dpia,
    Location,
    Provenance,
    Recipient,
    Retention,
    Subprocessor,
    Treatment,
)
from workbench.i18n import _
from workbench.progress import Progress

REGION_CODES = frozenset({"EU", "EEA", "WORLDWIDE"})
_OPTIONAL = re.compile(
    r"\s*\((?:optional|optionnel|optionnelle|facultatif|facultative)\)\s*$", re.I
)
_DESCRIPTION_LOCATION = re.compile(
    r"localisation (?:du |des )?(?:centres? de donn[ée]es|serveurs?|h[ée]bergement)\s*:\s*"
    r"(?P<where>[^\n]+)",
    re.I,
)
_SENSITIVE_LEAD = re.compile(r"sensib|sensitive|donn[ée]es de sant[ée]|health data", re.I)
_ROLES = {
    "controller": Role.CONTROLLER,
    "responsable de traitement": Role.CONTROLLER,
    "responsable": Role.CONTROLLER,
    "processor": Role.PROCESSOR,
    "sous traitant": Role.PROCESSOR,
}
_STATUS = {
    "draft": TreatmentStatus.DRAFT,
    "brouillon": TreatmentStatus.DRAFT,
    "active": TreatmentStatus.ACTIVE,
    "actif": TreatmentStatus.ACTIVE,
    "en cours": TreatmentStatus.ACTIVE,
    "retired": TreatmentStatus.RETIRED,
    "retire": TreatmentStatus.RETIRED,
    "archive": TreatmentStatus.RETIRED,
}


_EXPORT_MARKERS = frozenset({"id"})


class CellError(ValueError):
    """A cell cannot be read: raised by a parser, turned into ImportFileError with the place."""


def _one_line(text: str) -> str:
    return " ".join(clean_text(text).split())


# -- value parsers ----------------------------------------------------------------------------
def parse_categories(text: str, canonical: bool) -> tuple[DataCategory, ...]:
    """Data categories, one per value. A lead-in ending with ':' ("Patients:", "Données
    sensibles :") gives the subject, or the sensitivity, of the values after it. An export's
    column (canonical) is read exactly as `format_category` wrote it."""
    if canonical:
        result = []
        for line in clean_text(text).split("\n"):
            if line.strip():
                name, subject, code = split_category(line)
                result.append(DataCategory(name, DataSensitivity(code), subject))
        return tuple(result)
    return _free_categories(text)


@lru_cache(maxsize=4096)
def _free_categories(text: str) -> tuple[DataCategory, ...]:
    result: list[DataCategory] = []
    subject = ""
    forced: DataSensitivity | None = None
    for value in split_values(text):
        if value.endswith(":") and len(value) <= 60:
            lead = value[:-1].strip()
            if _SENSITIVE_LEAD.search(lead) and not lead.lower().startswith(
                ("patient", "praticien")
            ):
                forced = DataSensitivity.HEALTH
            else:
                subject, forced = lead, None
            continue
        name, _subject, code = split_category(value) if value.endswith("]") else (value, "", "")
        if code and code != "standard":
            sensitivity = DataSensitivity(code)
        else:
            sensitivity = forced or classify(name)
        category = DataCategory(name, sensitivity, subject)
        if category not in result:
            result.append(category)
    return tuple(result)


def parse_codes(text: str) -> tuple[Location, ...]:
    locations: list[Location] = []
    for value in split_values(text.replace(",", "\n").replace(";", "\n")):
        code = value.strip().upper()
        if code in REGION_CODES:
            locations.append(Location(code, LocationKind.REGION))
            continue
        found = country_code(value)
        if found is None:
            parsed = parse_locations(value)
            if not parsed:
                raise CellError(_("'{value}' is not a country or region.").format(value=value))
            locations.extend(parsed)
        else:
            locations.append(Location(found, LocationKind.COUNTRY))
    return tuple(dict.fromkeys(locations))


def parse_date(text: str) -> dt.date | None:
    value = text.strip()
    if not value:
        return None
    for fmt in ("%Y-%m-%d", "%d/%m/%Y", "%d/%m/%y", "%d.%m.%Y", "%Y-%m-%dT%H:%M:%S"):
        try:
            return dt.datetime.strptime(value[:19], fmt).date()
        except ValueError:
            continue
    raise CellError(
        _("'{value}' is not a date (expected 2024-04-30 or 30/04/2024).").format(value=value)
    )


def _enum_or_label(enum_cls: Any, labels: dict[str, Any]) -> Callable[[str], Any]:
    def parse(text: str) -> Any:
        value = text.strip()
        if not value:
            return None
        if value in enum_cls._value2member_map_:
            return enum_cls(value)
        found = labels.get(fold(value))
        if found is None:
            choices = ", ".join(m.value for m in enum_cls)
            raise CellError(
                _("'{value}' is not one of: {choices}.").format(value=value, choices=choices)
            )
        return found

    return parse


_CATEGORY_LABELS = {fold(m.value.replace("_", " ")): m for m in SubprocessorCategory}
_CATEGORY_LABELS.update(
    {
        "hebergement": SubprocessorCategory.HOSTING,
        "hebergement de donnees": SubprocessorCategory.HOSTING,
        "securite": SubprocessorCategory.SECURITY,
        "securite informatique": SubprocessorCategory.SECURITY,
        "analytique": SubprocessorCategory.ANALYTICS,
        "applicatifs": SubprocessorCategory.APPLICATIONS,
        "relation client": SubprocessorCategory.CUSTOMER_RELATION,
        "autre": SubprocessorCategory.OTHER,
    }
)
parse_role = _enum_or_label(Role, _ROLES)
parse_status = _enum_or_label(TreatmentStatus, _STATUS)
parse_category = _enum_or_label(SubprocessorCategory, _CATEGORY_LABELS)
parse_unit = _enum_or_label(
    RetentionUnit,
    {
        "ans": RetentionUnit.YEAR,
        "annees": RetentionUnit.YEAR,
        "mois": RetentionUnit.MONTH,
        "jours": RetentionUnit.DAY,
        "semaines": RetentionUnit.WEEK,
    },
)
parse_art9 = _enum_or_label(Art9Condition, {})


def parse_int(text: str) -> int | None:
    value = text.strip()
    if not value:
        return None
    try:
        return int(float(value))
    except ValueError as exc:
        raise CellError(_("'{value}' is not a whole number.").format(value=value)) from exc


def split_name_and_purpose(text: str) -> tuple[str, str]:
    """Annex 1's "Finalités": the name, then the description in italics or on the next lines."""
    if has_markup(text):
        marked = html_to_lines(text)
        names = [line for line, italic in marked if not italic]
        rest = [line for line, italic in marked if italic]
        if not names and rest:
            names, rest = rest[:1], rest[1:]
        if len(names) > 1 and not rest:
            names, rest = names[:1], names[1:]
        return " ".join(names[:1]), " ".join(names[1:] + rest)
    lines = clean_text(text).split("\n")
    return lines[0], " ".join(lines[1:])


# -- rows -> records -----------------------------------------------------------------------------
class RowBuilder:
    def __init__(self, table: TableCandidate, mapping: ColumnMapping, kind: RecordKind) -> None:
        self.table = table
        self.mapping = mapping
        self.kind = kind
        # A file written by the Excel export (it has the ID column) is read exactly as written:
        # category tags say the sensitivity, no guessing from keywords.
        from_export = any(fold(h) in _EXPORT_MARKERS for h in table.headers)
        self.columns = [
            (c.index, c.field, c.header, from_export and c.confidence >= 1.0)
            for c in mapping.columns
            if c.field
        ]
        self.fields = mapping.fields

    def build(self, cells: list[str], section: Section, row_number: int) -> ImportedRow:
        values: dict[str, Any] = {}
        supplied: set[str] = set()
        extra: dict[str, Any] = {}
        for index, key, header, canonical in self.columns:
            raw = cells[index] if index < len(cells) else ""
            try:
                self._read(key, raw, canonical, values, supplied, extra)
            except CellError as exc:
                raise ImportFileError(
                    str(self.table.file),
                    str(exc),
                    self.table.sheet,
                    row_number,
                    header or str(index + 1),
                ) from exc
        if not values.get("name"):
            raise ImportFileError(
                str(self.table.file),
                _("the name is empty."),
                self.table.sheet,
                row_number,
                self._name_header(),
            )
        provenance = Provenance(self.table.file.name, self.table.sheet, row_number)
        organisation = extra.get("organisation") or section.organisation
        if self.kind is RecordKind.TREATMENTS:
            if "role" not in supplied and section.role is not None:
                values["role"], supplied = section.role, supplied | {"role"}
            record: Treatment | Subprocessor = Treatment(
                organisation_id=0, provenance=provenance, **values
            )
        else:
            self._subprocessor_extras(values, supplied, section)
            record = Subprocessor(organisation_id=0, provenance=provenance, **values)
        return ImportedRow(
            record,
            frozenset(supplied),
            provenance,
            organisation,
            tuple(extra.get("controllers", ())),
            processors=tuple(extra.get("processors", ())),
            subprocessors=tuple(extra.get("subprocessors", ())),
        )

    def _name_header(self) -> str:
        return next(
            (c.header for c in self.mapping.columns if c.field in ("name", NAME_AND_PURPOSE)), ""
        )

    def _read(
        self,
        key: str,
        raw: str,
        canonical: bool,
        values: dict[str, Any],
        supplied: set[str],
        extra: dict[str, Any],
    ) -> None:
        def put(name: str, value: Any) -> None:
            values[name] = value
            supplied.add(name)

        if key == NAME_AND_PURPOSE:
            name, purpose = split_name_and_purpose(raw)
            put("name", name)
            put("purpose", purpose)
        elif key == "name":
            name = _one_line(raw)
            if self.kind is RecordKind.SUBPROCESSORS and _OPTIONAL.search(name):
                name = _OPTIONAL.sub("", name)
                put("optional", True)
            put("name", name)
        elif key in ("organisation",):
            extra["organisation"] = _one_line(raw)
        elif key == "controllers":
            extra["controllers"] = split_values(raw)
            supplied.add("controller_ids")
        elif key == "processors":
            extra["processors"] = split_values(raw)
            supplied.add("processor_ids")
        elif key == "subprocessors":
            extra["subprocessors"] = split_values(raw)
            supplied.add("subprocessor_ids")
        elif key == "data_categories":
            put(key, parse_categories(raw, canonical))
        elif key in ("data_subjects", "security_measures"):
            put(key, split_values(raw))
        elif key == "recipients":
            put(key, tuple(_recipient(line) for line in split_values(raw)))
        elif key == "legal_basis":
            text = clean_text(raw)
            put(key, parse_legal_basis(text))
        elif key == "legal_basis_text":
            text = clean_text(raw)
            put(key, text)
            if "legal_basis" not in self.fields:
                put("legal_basis", parse_legal_basis(text))
        elif key.startswith("retention."):
            self._retention(key, raw, values, supplied)
        elif key == "role":
            put(key, parse_role(raw) or Role.CONTROLLER)
        elif key == "status":
            put(key, parse_status(raw) or TreatmentStatus.ACTIVE)
        elif key == "art9_condition":
            put(key, parse_art9(raw))
        elif key == "optional":
            put(key, bool(parse_bool(raw)))
        elif key.startswith("dpia."):
            self._dpia(key, raw, values, supplied)
        elif key.endswith("_on"):
            put(key, parse_date(raw))
        elif key == "chain_level":
            put(key, parse_int(raw) or 1)
        elif key == "category":
            found = (
                parse_category(raw)
                if canonical
                else (_CATEGORY_LABELS.get(fold(raw)) or read_section(raw).category)
            )
            if found is not None:
                put(key, found)
        elif key == "locations":
            put(key, parse_codes(raw))
        elif key == "location_text":
            text = clean_text(raw)
            put(key, text)
            if "locations" not in self.fields:
                put("locations", parse_locations(text))
        elif key == "transfer_mechanism":
            put(key, parse_mechanism(_one_line(raw)))
        elif key == "transfer_text":
            text = clean_text(raw)
            put(key, text)
            if "transfer_mechanism" not in self.fields:
                put("transfer_mechanism", parse_mechanism(text))
        elif key in ("name", "purpose", "legal_entity", "contact_name", "contact_email"):
            put(key, _one_line(raw))
        else:
            put(key, clean_text(raw))

    def _retention(self, key: str, raw: str, values: dict[str, Any], supplied: set[str]) -> None:
        current: Retention = values.get("retention", Retention())
        sub = key.split(".", 1)[1]
        if sub == "text":
            parsed = parse_retention(raw)
            explicit = {
                "retention.duration",
                "retention.unit",
                "retention.start_event",
            } & self.fields
            if explicit:  # an export: the structured columns say it, not the parser
                parsed = Retention(parsed.text, current.duration, current.unit, current.start_event)
            current = parsed
        elif sub == "duration":
            current = Retention(current.text, parse_int(raw), current.unit, current.start_event)
        elif sub == "unit":
            current = Retention(
                current.text, current.duration, parse_unit(raw), current.start_event
            )
        elif sub == "start_event":
            current = Retention(current.text, current.duration, current.unit, clean_text(raw))
        values["retention"] = current
        supplied.add("retention")

    def _dpia(self, key: str, raw: str, values: dict[str, Any], supplied: set[str]) -> None:
        current: Dpia = values.get("dpia", Dpia())
        sub = key.split(".", 1)[1]
        if sub == "status":
            current = dataclasses.replace(current, status=parse_dpia_status(raw))
        elif sub == "reason":
            current = dataclasses.replace(current, reason=clean_text(raw))
        elif sub == "done_on":
            current = dataclasses.replace(current, done_on=parse_date(raw))
        values["dpia"] = current
        supplied.add("dpia")

    def _subprocessor_extras(
        self, values: dict[str, Any], supplied: set[str], section: Section
    ) -> None:
        if "category" not in supplied and section.category is not None:
            values["category"] = section.category
            supplied.add("category")
        description = values.get("service_description", "")
        if "location_text" not in self.fields and "locations" not in self.fields and description:
            match = _DESCRIPTION_LOCATION.search(description)
            if match:  # Annex 2: "Localisation centre de données : États-Unis" in the description
                where = match.group("where").strip().rstrip(".")
                values["location_text"] = where
                values["locations"] = parse_locations(where)
                supplied.update({"location_text", "locations"})
        if "transfer_text" not in self.fields and "transfer_mechanism" not in self.fields:
            for sentence in re.split(r"(?<=[.!?])\s+", description):
                mechanism = parse_mechanism(sentence) if len(sentence) > 3 else None
                if mechanism is not None and mechanism.is_safeguard:
                    values["transfer_mechanism"] = mechanism
                    values["transfer_text"] = sentence.strip()
                    supplied.update({"transfer_mechanism", "transfer_text"})
                    break


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
        read_section(table.source.context_title) if table.source.context_title else Section("")
    )
    total = max(table.row_count, 1)
    pending: tuple[int, list[str], Section] | None = None
    for index, cells in enumerate(table.source.rows()):
        if index <= table.header_row:
            continue
        progress.check_cancelled()
        done = index - table.header_row
        progress.report(min(done, total), total)
        row_kind = classify_row(cells, header_folds, name_index)
        if row_kind is RowKind.CONTINUATION and pending is not None:
            merged = [
                "\n".join(t for t in (a, b) if t.strip())
                for a, b in zip(
                    _pad(pending[1], len(cells)), _pad(cells, len(pending[1])), strict=True
                )
            ]
            pending = (pending[0], merged, pending[2])
            continue
        if pending is not None and row_kind is not RowKind.CONTINUATION:
            yield builder.build(pending[1], pending[2], pending[0])
            pending = None
        if row_kind is RowKind.SECTION:
            found = read_section(next(c for c in cells if c.strip()))
            # a role heading starts a new part; a category row keeps the part's organisation
            section = (
                found
                if found.role is not None
                else Section(found.title, section.organisation, section.role, found.category)
            )
        elif row_kind is RowKind.RECORD:
            pending = (index + 1, list(cells), section)
    if pending is not None:
        yield builder.build(pending[1], pending[2], pending[0])


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


def _recipient(line: str) -> Recipient:
    name, kind = split_recipient(line)
    return Recipient(name, RecipientKind(kind))


_DPIA_STATUSES = {
    "required": DpiaStatus.REQUIRED,
    "requise": DpiaStatus.REQUIRED,
    "oui": DpiaStatus.REQUIRED,
    "yes": DpiaStatus.REQUIRED,
    "not required": DpiaStatus.NOT_REQUIRED,
    "not_required": DpiaStatus.NOT_REQUIRED,
    "non requise": DpiaStatus.NOT_REQUIRED,
    "non": DpiaStatus.NOT_REQUIRED,
    "no": DpiaStatus.NOT_REQUIRED,
    "done": DpiaStatus.DONE,
    "realisee": DpiaStatus.DONE,
    "faite": DpiaStatus.DONE,
}


def parse_dpia_status(raw: str) -> DpiaStatus:
    """A DPIA status as an export writes it (code or label) or as people write it."""
    text = fold(clean_text(raw)).strip(" .")
    for status in DpiaStatus:
        if text == status.value:
            return status
    return _DPIA_STATUSES.get(text, DpiaStatus.UNKNOWN)
