"""Subprocessor cells that hold more than one value, and what the import infers from them.

- A company cell whose first line is the name and the next lines a postal address ("Sinch AB /
  Lindhagensgatan 74 Stockholm, / 112 18 Sweden"): the name is the first line, the address the
  rest, kept in the record's address (read from the cell's layout: marked inferred); likewise
  the address after a comma on the name's line ("HubSpot Inc., 25 First Street, ..."). Web links
  under the address ("Politique de confidentialité : / https://...") are no part of it: kept in
  the notes, marked likewise.
- "Transfers outside the EU: No": the subprocessor's mechanism is "no transfer outside the EEA"
  (GDPR Chapter V applies only to transfers to a third country, Art. 44), inferred from the
  answer when no other column states a mechanism.
- A subprocessor's "Legal base" column (the basis of its own processing, not a transfer tool):
  kept in its notes, with the column's header.
- The category, when no column nor section says it, from the service's and the name's words
  (`importers.categories`), inferred.
"""

from __future__ import annotations

import re

from importers.categories import infer_category
from importers.cleaning import clean_text, fold, parse_bool
from importers.content import _is_address as is_address
from importers.countries import parse_locations
from importers.marks import Cell
from importers.transfers import parse_mechanism
from workbench.domain.enums import InferenceOrigin, SubprocessorCategory, TransferMechanism
from workbench.domain.records import Unconfirmed
from workbench.i18n import _

_STREET = re.compile(
    r"\d|\b(?:rue|avenue|road|street|strasse|straße|calle|via|rua|straat|quay|place|cedex)\b",
    re.I,
)


# the street's name before its number, as most of Europe writes it ("Rua Augusta 20", "Via Roma
# 10", "Calle Mayor 5", "Hauptstraße 3": `content`'s address test reads a number before the street)
_STREET_THEN_NUMBER = re.compile(
    r"\b(?:rua|avenida|av|travessa|via|viale|piazza|corso|calle|avda|paseo|plaza|strasse|str"
    r"|weg|platz|allee|straat|laan|plein|gracht|rue|street|road)\b[^,]*\d"
)


def split_name_address(text: str) -> tuple[str, str]:
    """(name, address): the address is '' unless the lines under the name look like one, or,
    on one line, the text after a comma starts a postal address."""
    lines = clean_text(text).split("\n")
    if len(lines) < 2:
        return _split_on_commas(" ".join(lines))
    rest = lines[1:]
    looks_like_address = any(_STREET.search(line) for line in rest) or bool(
        parse_locations(rest[-1])
    )
    if not looks_like_address:
        return " ".join(lines), ""
    return lines[0].strip(), "\n".join(line.strip().rstrip(",") for line in rest)


# a web link, alone on its line or after its label ("Politique de confidentialité :
# https://...", "Privacy policy: https://...", "Datenschutz: www...")
_URL = re.compile(r"(?:https?://|www\.)\S+$", re.I)
_LABELLED_URL = re.compile(r"^[^:\n]{1,60}:\s*(?:https?://|www\.)\S+$", re.I)


def split_links(address: str) -> tuple[str, str]:
    """(address, links): the lines under a name that are web links, each with the label line
    above it that ends with ':' ("Politique de confidentialité :", "Privacy policy:"), taken
    out of its postal address: where to read the company's terms is no part of where it is.
    Each link is one line of `links`, its label before it."""
    lines = [line.strip() for line in address.split("\n")]
    kept: list[str] = []
    links: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        following = lines[i + 1] if i + 1 < len(lines) else ""
        if _URL.match(line) or _LABELLED_URL.match(line):
            links.append(line)
        elif line.endswith(":") and _URL.match(following):
            links.append(f"{line} {following}")
            i += 1
        else:
            kept.append(line)
        i += 1
    return "\n".join(kept), "\n".join(links)


def split_name_cell(text: str) -> tuple[str, str, str]:
    """(name, address, links) of a subprocessor's name cell: the web links under the name
    (`split_links`) taken out first, then the name and its address (`split_name_address`)."""
    lines = clean_text(text).split("\n")
    rest, links = split_links("\n".join(lines[1:]))
    name, address = split_name_address("\n".join([lines[0], rest]) if rest else lines[0])
    return name, address, links


def links_mark(cell: Cell) -> Unconfirmed:
    return cell.mark(
        "notes",
        InferenceOrigin.RULE,
        _("the links under the name in the same cell were kept in the notes"),
    )


def _split_on_commas(line: str) -> tuple[str, str]:
    """ "HubSpot Inc., 25 First Street, 2nd Floor, Cambridge MA 02141, USA": the name is the
    text before the first comma followed by a street number or a postcode and what a postal
    address holds after it; "Stripe, Inc." and "Amazon Web Services, Inc." keep their comma."""
    parts = line.split(", ")
    for at in range(1, len(parts)):
        first = parts[at]
        if any(c.isdigit() for c in first) and (
            is_address(", ".join(parts[at : at + 2])) or _STREET_THEN_NUMBER.search(fold(first))
        ):
            return ", ".join(parts[:at]).strip(), "\n".join(p.strip() for p in parts[at:])
    return line, ""


def address_mark(cell: Cell) -> Unconfirmed:
    if "\n" not in clean_text(cell.text):
        note = _("the text after the name's comma in the same cell was read as the address")
    else:
        note = _("the lines under the name in the same cell were read as the address")
    return cell.mark("address", InferenceOrigin.RULE, note)


def transfers_outside(text: str) -> bool | None:
    """The yes/no of a "Transfers outside the EU" cell ("No", "Non", "Nein"...), or None."""
    first = clean_text(text).split("\n")[0] if text.strip() else ""
    answer = parse_bool(first)
    if answer is None and fold(first) in ("nein", "ja", "nee", "si", "sim", "nao"):
        answer = fold(first) in ("ja", "si", "sim")
    if answer is None and parse_mechanism(text) is TransferMechanism.NONE_INTRA_EEA:
        answer = False  # "N/A (no transfer)"
    return answer


def no_transfer_mark(cell: Cell) -> Unconfirmed:
    return cell.mark(
        "transfer_mechanism",
        InferenceOrigin.RULE,
        _("the file answers no to transfers outside the EU: read as no transfer outside the EEA"),
    )


def legal_basis_note(header: str, text: str, notes: str) -> str:
    """The subprocessor's notes with its "Legal base" cell added under the column's header."""
    value = " ".join(clean_text(text).split())
    if not value:
        return notes
    line = f"{header}: {value}" if header else value
    return f"{notes}\n{line}" if notes else line


def category_guess(
    description: str, name: str, header: str, row: int
) -> tuple[SubprocessorCategory, Unconfirmed] | None:
    """The category the service's words (else the name's) suggest, with its inferred mark."""
    found = infer_category(description, name)
    if found is None:
        return None
    category, text = found
    cell = Cell(text, header if text == description else "", row)
    note = _("category guessed from the words of the service or of the name")
    return category, cell.mark("category", InferenceOrigin.RULE, note)
