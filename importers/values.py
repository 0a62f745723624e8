"""Cell text -> register values: the parsers the row builder applies to every mapped cell.

Each parser that can read free text also says whether it *derived* the value (a country read
out of "USA (datacenters in Oregon or Virginia)", a sensitivity guessed from keywords) or found
it stated (a code, an exact label), so that the builder marks only what the application guessed.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from importers.cleaning import clean_text, fold, has_markup, html_to_lines, split_values
from importers.countries import country_code, parse_locations
from importers.sensitivity import classify
from workbench.domain.enum_labels import member_of_label
from workbench.domain.enums import (
    DataSensitivity,
    DpiaStatus,
    LocationKind,
    RecipientKind,
    RetentionUnit,
    Role,
    SubprocessorCategory,
    TreatmentStatus,
)
from workbench.domain.fields import (
    SUBPROCESSOR_FIELDS,
    TREATMENT_FIELDS,
    split_category,
    split_recipient,
)
from workbench.domain.records import DataCategory, Location, Recipient
from workbench.i18n import _

REGION_CODES = frozenset({"EU", "EEA", "WORLDWIDE"})
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


class CellError(ValueError):
    """A cell cannot be read: raised by a parser, turned into ImportFileError with the place."""


def one_line(text: str) -> str:
    return " ".join(clean_text(text).split())


def parse_categories(
    text: str, canonical: bool
) -> tuple[tuple[DataCategory, ...], tuple[DataCategory, ...]]:
    """Data categories, one per value, and those whose sensitivity was guessed.

    A lead-in ending with ':' ("Patients:", "Données sensibles :") gives the subject, or the
    sensitivity, of the values after it; otherwise the sensitivity comes from keywords
    (`importers.sensitivity`): a guess. A "[health]" tag, and an export's column (canonical,
    read exactly as `format_category` wrote it), state it."""
    if canonical:
        result = []
        for line in clean_text(text).split("\n"):
            if line.strip():
                name, subject, code = split_category(line)
                result.append(DataCategory(name, DataSensitivity(code), subject))
        return tuple(result), ()
    return _free_categories(text)


@lru_cache(maxsize=4096)
def _free_categories(text: str) -> tuple[tuple[DataCategory, ...], tuple[DataCategory, ...]]:
    result: list[DataCategory] = []
    guessed: list[DataCategory] = []
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
        tagged = bool(code) and value.endswith("]")
        sensitivity = DataSensitivity(code) if tagged else forced or classify(name)
        category = DataCategory(name, sensitivity, subject)
        if category not in result:
            result.append(category)
            if not tagged:
                guessed.append(category)
    return tuple(result), tuple(guessed)


def parse_codes(text: str) -> tuple[tuple[Location, ...], tuple[str, ...]]:
    """Countries and regions, one per value; and the values read out of free text (not a code
    nor a country's name: "USA (datacenters in Oregon)"). A code may carry what the register
    says of the place in parentheses ("FR (région parisienne)"), as the Excel export writes it."""
    locations: list[Location] = []
    read_from_text: list[str] = []
    for line in split_values(text):
        for value in (v.strip() for v in _SEPARATOR.split(line)):
            if value:
                locations.extend(_one_location(value, read_from_text))
    return tuple(dict.fromkeys(locations)), tuple(read_from_text)


_SEPARATOR = re.compile(r"[,;](?![^()]*\))")  # not inside parentheses
_CODE_WITH_DETAIL = re.compile(r"^(?P<code>[A-Za-z]{2}|EU|EEA|WORLDWIDE)\s*\((?P<detail>.+)\)$")


def _balanced(text: str) -> bool:
    depth = 0
    for char in text:
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth < 0:
            return False
    return depth == 0


def _one_location(value: str, read_from_text: list[str]) -> tuple[Location, ...]:
    with_detail = _CODE_WITH_DETAIL.match(value)
    if with_detail and not _balanced(with_detail.group("detail")):
        with_detail = None  # "FR (x), DE (y)" is two places, not FR with "x), DE (y"
    code, detail = (
        (with_detail.group("code").upper(), with_detail.group("detail").strip())
        if with_detail
        else (value.upper(), "")
    )
    if code in REGION_CODES:
        return (Location(code, LocationKind.REGION, detail),)
    found = country_code(code if with_detail else value)
    if found is not None and (not with_detail or found == code):
        return (Location(found, LocationKind.COUNTRY, detail),)
    parsed = parse_locations(value)
    if not parsed:
        raise CellError(_("'{value}' is not a country or region.").format(value=value))
    read_from_text.append(value)
    return parsed


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
        found = labels.get(fold(value)) or member_of_label(enum_cls, value)
        if found is None:
            choices = ", ".join(m.value for m in enum_cls)
            raise CellError(
                _("'{value}' is not one of: {choices}.").format(value=value, choices=choices)
            )
        return found

    return parse


CATEGORY_LABELS = {fold(m.value.replace("_", " ")): m for m in SubprocessorCategory}
CATEGORY_LABELS.update(
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
parse_category = _enum_or_label(SubprocessorCategory, CATEGORY_LABELS)
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


def parse_recipient(line: str) -> Recipient:
    name, kind = split_recipient(line)
    return Recipient(name, RecipientKind(kind))


_DPIA_STATUSES = {
    "required": DpiaStatus.REQUIRED,
    "requise": DpiaStatus.REQUIRED,
    "oui": DpiaStatus.REQUIRED,
    "yes": DpiaStatus.REQUIRED,
    "not required": DpiaStatus.NOT_REQUIRED,
    "non requise": DpiaStatus.NOT_REQUIRED,
    "non": DpiaStatus.NOT_REQUIRED,
    "no": DpiaStatus.NOT_REQUIRED,
    "done": DpiaStatus.DONE,
    "realisee": DpiaStatus.DONE,
    "faite": DpiaStatus.DONE,
}


def parse_dpia_status(raw: str) -> tuple[DpiaStatus, bool]:
    """A DPIA status as an export writes it (its code) or as people write it ("oui", "non
    requise"); and whether it was the code. Words it does not know give UNKNOWN."""
    text = clean_text(raw).strip()
    if text in DpiaStatus._value2member_map_:
        return DpiaStatus(text), True
    labelled = member_of_label(DpiaStatus, text)
    if labelled is not None:
        return labelled, True
    return _DPIA_STATUSES.get(fold(text).strip(" ."), DpiaStatus.UNKNOWN), False


def misfit_note(header: str, key: str, treatments: bool, problem: str) -> str:
    """The note on a row whose cell does not fit the field its column was guessed to feed."""
    specs = TREATMENT_FIELDS if treatments else SUBPROCESSOR_FIELDS
    label = next((_(s.header_en) for s in specs if s.key == key), key)
    return _(
        "column '{header}' was read as '{field}' from its header's likeness only, and this "
        "cell is not one ({problem}): the cell is left out; map the column in the import "
        "wizard or a mapping profile if it holds something else."
    ).format(header=header, field=label, problem=problem.rstrip("."))
