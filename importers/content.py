"""Column mapping from what the cells hold, where the header says nothing (or says it wrong).

A column the header mapping left unmapped takes the field its first rows unmistakably hold:
- e-mail addresses -> the contact e-mail (a "Contact" column of addresses is never a name);
- country or region names -> the location as written (the countries are read from it);
- SCC / DPF / BCR / adequacy wording -> the transfer mechanism as written;
- yes / no beside a header that speaks of transfers -> "transfer outside the EEA";
- GDPR Art. 6(1) wordings (treatments) -> the legal basis as written;
- postal addresses (a street number, a postcode) -> the address;
- when no column is the name (subprocessors): the first unmapped column of short, distinct,
  capitalised names that are none of the above ("Google Cloud Platform", "Brevo SAS").
A content-based guess gets a lower confidence than a header synonym (the wizard shows it amber),
and a header mapping is only replaced when the cells contradict it: e-mails under "Contact", or
a typed field (the yes/no transfer flag, a location, an e-mail, a mechanism) whose cells are not
of its type and unmistakably are of another one ("Base de transfert hors UE" over "CCT 2021/914
+ DPF" and "N/A" is the mechanism, not the flag; "Standort" over e-mail addresses is the e-mail;
"Legal basis" over transfer tools on a subprocessor list is the mechanism).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from importers.cleaning import fold, parse_bool
from importers.countries import NOT_APPLICABLE, is_place_name, parse_locations
from importers.legal_basis import parse_legal_basis
from importers.model import ColumnGuess, ColumnMapping, RecordKind
from importers.transfers import parse_mechanism
from importers.vocabulary import TRANSFER_OUTSIDE_EEA
from workbench.domain.enums import TransferMechanism

CONTENT_CONFIDENCE = 0.7
LOOSE = 0.75  # mapping.KEYWORD_CONFIDENCE: below it, a header is read by a loose likeness only
MIN_SAMPLES = 2
MOST = 0.6
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
_ADDRESS = re.compile(
    r"\b\d{1,5}[,]?\s+(?:[a-z]+\s+){0,3}(?:rue|avenue|boulevard|bd|allee|place|quai|chemin|road|"
    r"street|st|avenue|ave|way|lane|drive|strasse|str|weg|platz|calle|via|rua|straat|laan|tee)\b"
    r"|\b\d{4,5}\s+[a-z]+|\b[a-z]{1,2}\d{1,2}\s?\d[a-z]{2}\b|\bcs\s?\d+|\bcedex\b",
)
_TRANSFER_HEADER = re.compile(
    r"\b(?:transfers?|transferts?|transferencias?|trasferiment[io]|ubermittlung|doorgifte|"
    r"drittland|outside|hors)\b"
)
_SHORT = 80  # a country cell is short; a sentence that names a country is not a location
NAME_MAX_WORDS = 6  # an organisation's name is a few words; a description is a phrase
NAME_MAX_LENGTH = 60
DISTINCT = 0.8  # names of a list differ row to row; a category or a yes/no column repeats
LABEL_TO_TEXT = 2  # a row's label is at most twice as long as the texts beside it
POSITION_CONFIDENCE = 0.6  # the name told by the column's place: the wizard shows it amber
_NAME_START = re.compile(r"^[A-Z0-9\u00C0-\u00DE]")


def _is_email(text: str) -> bool:
    return bool(_EMAIL.search(text))


def _is_location(text: str) -> bool:
    # an address's domain is no country: "privacy@aruba.it" is not Italy
    return len(text) <= _SHORT and not _is_email(text) and bool(parse_locations(text))


def _is_mechanism(text: str) -> bool:
    mechanism = parse_mechanism(text)
    return mechanism is not None and parse_bool(text) is None


def _is_yes_no(text: str) -> bool:
    return parse_bool(text) is not None


def _is_legal_basis(text: str) -> bool:
    return parse_legal_basis(text) is not None


def _is_address(text: str) -> bool:
    return bool(_ADDRESS.search(fold(text))) and not _is_email(text)


# field -> (test on one cell, record kind it applies to; None = both)
_DETECTORS: tuple[tuple[str, Callable[[str], bool], RecordKind | None], ...] = (
    ("contact_email", _is_email, RecordKind.SUBPROCESSORS),
    (TRANSFER_OUTSIDE_EEA, _is_yes_no, RecordKind.SUBPROCESSORS),
    ("transfer_text", _is_mechanism, RecordKind.SUBPROCESSORS),
    ("location_text", _is_location, RecordKind.SUBPROCESSORS),
    ("legal_basis_text", _is_legal_basis, RecordKind.TREATMENTS),
    ("address", _is_address, RecordKind.SUBPROCESSORS),
)
# a header mapping the cells contradict: e-mail addresses under "Contact"
_REPLACEABLE = {"contact_name": "contact_email", "contact_email": "address", "notes": None}
# typed fields and the test their cells pass: a header naming one of them is overruled when
# its cells fail the test and unmistakably hold another of them (content wins over the header)
_TYPED: dict[str, Callable[[str], bool]] = {
    TRANSFER_OUTSIDE_EEA: _is_yes_no,
    "transfer_text": _is_mechanism,
    "location_text": _is_location,
    "locations": _is_location,
    "contact_email": _is_email,
}
_OVERRULING = frozenset({"contact_email", "transfer_text", "location_text"})


def typed_field(cell: str) -> str | None:
    """The typed field one cell unmistakably holds (an e-mail, a country, a transfer tool),
    else None: what a cell shifted into the wrong column still says of itself."""
    text = cell.strip()
    for key in ("contact_email", "location_text", "transfer_text"):
        if _TYPED[key](text) and not (key == "location_text" and len(text.split()) > 3):
            return key
    return None


def column_samples(rows: Sequence[Sequence[str]], index: int) -> list[str]:
    """The column's cells on record-like rows (two cells or more filled)."""
    return [
        row[index].strip()
        for row in rows
        if index < len(row) and row[index].strip() and sum(1 for c in row if c.strip()) >= 2
    ]


def content_field(
    samples: list[str], kind: RecordKind, header: str = "", most: float = MOST
) -> str | None:
    """The field most samples (a share `most` of them) unmistakably hold, or None."""
    if len(samples) < MIN_SAMPLES:
        return None
    for key, test, applies in _DETECTORS:
        if applies is not None and applies is not kind:
            continue
        if key == TRANSFER_OUTSIDE_EEA and not _TRANSFER_HEADER.search(fold(header)):
            continue
        hits = sum(1 for s in samples if test(s))
        if hits / len(samples) >= (0.8 if key == TRANSFER_OUTSIDE_EEA else most):
            return key
    return None


def _is_organisation_name(text: str) -> bool:
    """A cell that reads as an organisation's name: a few words starting with a capital, not a
    sentence, and nothing another detector reads (an e-mail, a country, a mechanism, yes/no)."""
    first = text.split("\n", 1)[0].strip()  # a name cell may hold the address under it
    words = first.split()
    if not words or len(words) > NAME_MAX_WORDS or len(first) > NAME_MAX_LENGTH:
        return False
    if not _NAME_START.match(first) or not any(c.isalpha() for c in first):
        return False
    if first.endswith((".", ":", "?")) and len(words) > 3:
        return False  # a sentence
    return not (
        _is_email(first) or _is_location(first) or _is_mechanism(first) or _is_yes_no(first)
    )


def _name_over_address(text: str) -> bool:
    """A cell whose first line is an organisation's name and the lines under it its postal
    address ("Adyen N.V. / Simon Carmiggeltstraat 6-50, 1011 DJ, Pays-Bas / ..."). The name
    may hold a place's name ("Satispay Europe S.A."), not be one."""
    first, _newline, rest = (part.strip() for part in text.partition("\n"))
    words = first.split()
    if not words or len(words) > NAME_MAX_WORDS or len(first) > NAME_MAX_LENGTH:
        return False
    if not _NAME_START.match(first) or (first.endswith((".", ":", "?")) and len(words) > 3):
        return False
    if is_place_name(first) or _is_email(first) or _is_mechanism(first) or _is_yes_no(first):
        return False
    return not _is_address(first) and _is_address(rest)


def _names_with_addresses(column: ColumnGuess, samples: list[str]) -> bool:
    """A column its cells alone mapped to the address (or to the place, the address naming a
    country), whose cells are mostly a name with its address under it: the names (their
    addresses are split off as the record's address)."""
    if column.field not in ("address", "location_text") or column.confidence != CONTENT_CONFIDENCE:
        return False
    return sum(1 for s in samples if _name_over_address(s)) >= MOST * len(samples)


def name_column(mapping: ColumnMapping, rows: Sequence[Sequence[str]]) -> int | None:
    """The column of distinct organisation names when no header names one (subprocessors), or
    None: the first unmapped column whose cells are mostly short names, all different, or the
    first column of names with their addresses under them that the cells mapped to the
    address or the place."""
    if mapping.kind is not RecordKind.SUBPROCESSORS or mapping.index_of("name") is not None:
        return None
    for column in mapping.columns:
        samples = column_samples(rows, column.index)
        with_addresses = _names_with_addresses(column, samples)
        if column.field is not None and not with_addresses:
            continue
        if len(samples) < MIN_SAMPLES or len(set(samples)) < DISTINCT * len(samples):
            continue
        names = sum(1 for s in samples if _is_organisation_name(s))
        if with_addresses or names >= MOST * len(samples):
            return column.index
    return None


def _is_row_label(text: str) -> bool:
    """A cell that can label its row: words, not a value another detector reads (an e-mail,
    a transfer tool, yes/no). Its length is judged against the cells beside it."""
    first = text.split("\n", 1)[0].strip()
    if not re.search(r"[^\W\d_]{3}", first):
        return False
    return not (_is_email(first) or _is_mechanism(first) or _is_yes_no(first))


def _mean_length(samples: list[str]) -> float:
    return sum(len(s) for s in samples) / len(samples) if samples else 0.0


# A recipients table keyed by the activity ("Activité | Pays de destination | Encadrement du
# transfert"): without a name column, the activity its first column heads labels each row
_KEYING_FIELDS = {RecordKind.SUBPROCESSORS: ("service_description",)}


def first_column_name(mapping: ColumnMapping, rows: Sequence[Sequence[str]]) -> int | None:
    """The first column as the name column, told by its place and its cells, when no column
    is the name: its header names no field (it heads the kind of records, "Tiers", or the
    context, "Context"), two columns or more beside it are mapped, and its cells are distinct
    labels no longer than twice the longest texts beside them (a name labels its row, what is
    said of it is as long or longer: a column of descriptions beside short codes and countries
    is no name). Any kind: a treatments table named by its first column, a recipients table;
    a recipients table's first column may also head the activity its rows are kept for."""
    if mapping.index_of("name") is not None or mapping.index_of("name_and_purpose") is not None:
        return None
    filled = [c for c in mapping.columns if column_samples(rows, c.index)]
    if not filled or filled[0].field not in (None, *_KEYING_FIELDS.get(mapping.kind, ())):
        return None
    first, others = filled[0], [c for c in filled[1:] if c.field is not None]
    samples = column_samples(rows, first.index)
    if len(others) < MIN_SAMPLES or len(set(samples)) < DISTINCT * len(samples):
        return None
    if sum(1 for s in samples if _is_row_label(s)) < MOST * len(samples):
        return None
    beside = max(_mean_length(column_samples(rows, c.index)) for c in others)
    return first.index if _mean_length(samples) <= LABEL_TO_TEXT * beside else None


def refine_mapping(mapping: ColumnMapping, rows: Sequence[Sequence[str]]) -> ColumnMapping:
    """The header mapping, with unmapped (or contradicted) columns mapped by their content."""
    refined = _refine_fields(mapping, rows)
    name = name_column(refined, rows)
    confidence = CONTENT_CONFIDENCE
    if name is None:
        name, confidence = first_column_name(refined, rows), POSITION_CONFIDENCE
    if name is None:
        return refined
    return ColumnMapping(
        refined.kind,
        tuple(
            ColumnGuess(c.index, c.header, "name", confidence) if c.index == name else c
            for c in refined.columns
        ),
    )


def overruling_field(header_field: str, samples: list[str], kind: RecordKind) -> str | None:
    """The typed field the cells unmistakably hold when they do not fit the header's typed
    field, or None (the header stands). A mechanism must be named at least once: a column of
    "N/A" alone says nothing of its field. A cell saying "not applicable" ("N/A", "SO") holds
    no value, so it is not counted; when no other cell fits the header's field, half of them
    holding another typed field is enough (the header is contradicted by every value)."""
    fits = _TYPED.get(header_field)
    valued = [s for s in samples if fold(s) and fold(s) not in NOT_APPLICABLE]
    if fits is None or len(samples) < MIN_SAMPLES or len(valued) < MIN_SAMPLES:
        return None
    fitting = sum(1 for s in valued if fits(s))
    if fitting >= len(valued) / 2:
        return None
    found = content_field(valued, kind, most=MOST if fitting else 0.5)
    if found not in _OVERRULING or found == header_field:
        return None
    if found == "transfer_text" and all(
        parse_mechanism(s) is TransferMechanism.NONE for s in samples
    ):
        return None
    return found


def transfer_basis_column(header_field: str, samples: list[str], kind: RecordKind) -> bool:
    """A subprocessor list's "Legal basis" column whose cells name transfer tools, not a basis
    of Art. 6(1) GDPR ("Intra-group Agreement with SCCs", "GDPR"): the transfer's basis
    (Chapter V), read as the mechanism. One tool named is enough, and no cell may name an Art. 6
    basis but through a tool's words ("standard contractual clauses" is no contract)."""
    if header_field != "legal_basis_text" or kind is not RecordKind.SUBPROCESSORS:
        return False
    tools = [s for s in samples if (m := parse_mechanism(s)) is not None and m.is_safeguard]
    if len(samples) < MIN_SAMPLES or not tools:
        return False
    return not any(_is_legal_basis(s) for s in samples if s not in tools)


def loosely_contradicted(column: ColumnGuess, samples: list[str]) -> bool:
    """A typed field (a place, a transfer tool, an e-mail, the transfer flag) that the header
    names only by a loose likeness, and that none of the column's cells holds: "Modes de
    paiement" over "Carte de crédit", "PayPal" is a few letters from "lieu de traitement", no
    place. The header says nothing of the column, left to its cells. A header read surely (a
    synonym, a phrase it contains) stands whatever its cells."""
    fits = _TYPED.get(column.field or "")
    valued = [s for s in samples if fold(s) and fold(s) not in NOT_APPLICABLE]
    if fits is None or column.confidence >= LOOSE or len(valued) < MIN_SAMPLES:
        return False
    return not any(fits(s) for s in valued)


def _field_by_content(column: ColumnGuess, samples: list[str], kind: RecordKind) -> str | None:
    """The field the cells give the column instead of its header's, or None (it stands)."""
    if column.field is not None and transfer_basis_column(column.field, samples, kind):
        return "transfer_text"
    if column.field is None:
        return content_field(samples, kind, column.header)
    if column.field not in _REPLACEABLE:
        return overruling_field(column.field, samples, kind)
    found = content_field(samples, kind, column.header)
    # a replaceable header's field stands unless the cells say the other one
    return found if found == _REPLACEABLE[column.field] else None


def _refine_fields(mapping: ColumnMapping, rows: Sequence[Sequence[str]]) -> ColumnMapping:
    taken = {c.field for c in mapping.columns if c.field}
    columns: list[ColumnGuess] = []
    for column in mapping.columns:
        samples = column_samples(rows, column.index)
        found = _field_by_content(column, samples, mapping.kind)
        guess = column
        if found is None and loosely_contradicted(column, samples):
            taken.discard(column.field)
            guess = ColumnGuess(column.index, column.header, None, 0.0)
            found = _field_by_content(guess, samples, mapping.kind)
        if found is None or found == guess.field or found in taken:
            columns.append(guess)
            continue
        taken.discard(guess.field)
        taken.add(found)
        columns.append(ColumnGuess(column.index, column.header, found, CONTENT_CONFIDENCE))
    return ColumnMapping(mapping.kind, tuple(columns))
