"""Subprocessor cells that hold more than one value, and what the import infers from them.

- A company cell whose first line is the name and the next lines a postal address ("Sinch AB /
  Lindhagensgatan 74 Stockholm, / 112 18 Sweden"): the name is the first line, the address the
  rest, kept in the record's address (read from the cell's layout: marked inferred); likewise
  the address after a comma on the name's line ("HubSpot Inc., 25 First Street, ..."). Web links
  under the address ("Politique de confidentialité : / https://...") are no part of it: kept in
  the notes, marked likewise.
- A company cell whose lines under the name are a note about the vendor, not part of its name
  ("Vonage / (optional if Customer uses the SMS feature)", "Silver Line / Group company owned
  by Sendinblue", "Wolke GmbH / Tochtergesellschaft von ...", "Nubes / (solo si ...)"): the name
  is the lines above the note, the note kept in the notes (marked inferred); a note saying the
  vendor is optional also sets `optional`, marked likewise. A name written over two lines stays
  whole ("Amazon Web Services / EMEA SARL", "Google Cloud / France SARL"): a line ending with a
  legal form continues the name (never an address, though it names a country), and a line is a
  note only when it opens with a word relating the vendor to another or saying when it is used
  (a parenthesis opening so, or in lower case), or is a sentence (`is_name_note`).
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
from typing import NamedTuple

from importers.categories import infer_category
from importers.cleaning import clean_text, fold, parse_bool
from importers.content import _is_address as is_address
from importers.countries import is_place_name, parse_locations
from importers.marks import Cell
from importers.transfers import NONE_WORDS, parse_mechanism
from workbench.domain.enums import (
    InferenceOrigin,
    LocationKind,
    SubprocessorCategory,
    TransferMechanism,
)
from workbench.domain.records import Unconfirmed
from workbench.domain.reference import is_eea
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
    on one line, the text after a comma starts a postal address. The lines under the first
    that end with a legal form ("EMEA SARL", "France SARL") are the name's, not its address."""
    lines = [line.strip() for line in clean_text(text).split("\n")]
    if len(lines) < 2:
        return _split_on_dash(lines[0]) or _split_on_commas(" ".join(lines))
    named = 1
    while named < len(lines) and ends_with_legal_form(lines[named]):
        named += 1
    name, rest = " ".join(lines[:named]), lines[named:]
    if not rest:
        return name, ""
    looks_like_address = any(_STREET.search(line) for line in rest) or _ends_with_place(rest[-1])
    if not looks_like_address:
        return " ".join(lines), ""
    return name, "\n".join(line.rstrip(",") for line in rest)


def _ends_with_place(line: str) -> bool:
    """The line ends as an address does, with a country or a region alone after its last comma
    ("Stockholm, Sweden", "France"), not with a place inside a name ("l'Italia Digitale")."""
    return is_place_name(line.rsplit(",", 1)[-1].strip().rstrip("."))


# A company's legal form ending a line, folded ("EMEA SARL", "Operations Ltd", "Europe GmbH & Co.
# KG", "Italia S.r.l.", "España S.L.U.", "Portugal, Unipessoal Lda.", "Nederland B.V.", "Sverige AB
# (publ)", "Polska Sp. z o.o."): the seven languages' and the neighbours' usual forms
_LEGAL_FORM_END = re.compile(
    r"\b(?:inc|incorporated|ltd|limited|llc|llp|lp|plc|corp|corporation|co|company|pty|uc|dac"
    r"|ulc|sas|sasu|sarl|s a r l|eurl|sa|s a|s a s|sca|snc|gie|sem|gmbh|ag|kg|kgaa|ug"
    r"|ug haftungsbeschrankt|e v|se|s e|bv|b v|nv|n v|bvba|sprl|srl|s r l|spa|s p a|sagl|sl|s l"
    r"|slu|s l u|sau|s a u|lda|ltda|ab|ab publ|oy|oyj|as|a s|asa|aps|sp z o o|s r o|kft)$"
)


def ends_with_legal_form(line: str) -> bool:
    return bool(_LEGAL_FORM_END.search(fold(line)))


# The words that open a note about the vendor under its name, folded, in the seven languages:
# how it relates to another company ("Group company owned by ...", "filiale de ...",
# "Tochtergesellschaft von ...", "empresa del grupo ...", "società del gruppo ...", "onderdeel
# van ..."), what it was called, when it is used ("optional if ...", "uniquement si ...", "nur
# für ..."). Read at the start of any line: no name's second line starts so.
_NOTE_OPENING = re.compile(
    r"^(?:(?:a |an )?(?:wholly owned )?(?:subsidiary|subsidiaries|affiliate|affiliated)"
    r"|(?:a |an )?group compan(?:y|ies)|(?:a|an) (?:company|member) of|member of|part of|owned by"
    r"|operated by|acquired by|formerly|previously|optional|optionally|only"
    r"|(?:une )?filiale|(?:societe|entite|entreprise|membre) (?:du|de notre) groupe"
    r"|societe affiliee|appartenant a|detenue? par|anciennement|uniquement|seulement"
    r"|optionnel(?:le)?|facultati(?:f|ve)"
    r"|tochter(?:gesellschaft|unternehmen|firma)|konzern(?:gesellschaft|unternehmen)"
    r"|gruppengesellschaft|verbundenes unternehmen|teil (?:der|des|von)|mitglied der"
    r"|im besitz von|gehoe?rt zu|ehemals|vormals|frueher|nur"
    r"|(?:una )?filial|(?:empresa|sociedad|entidad|miembro) del grupo|parte del grupo"
    r"|propiedad de|anteriormente|solamente|unicamente|opcional"
    r"|(?:societa )?controllata|(?:societa|membro) del gruppo|di proprieta di"
    r"|precedentemente|soltanto|esclusivamente|opzionale|facoltativ[oa]"
    r"|subsidiaria|(?:empresa|sociedade|entidade|membro) do grupo|parte do grupo|detida por"
    r"|apenas|somente|facultativo"
    r"|dochter(?:onderneming|maatschappij|bedrijf)|groeps(?:maatschappij|onderneming)"
    r"|onderdeel van|eigendom van|voorheen|uitsluitend|optioneel|alleen)\b"
)
# Words that open a note only in lower case or inside a parenthesis ("(solo si ...)", "(if
# ...)", "si le client ..."): capitalised, they may start a name's second line ("SI Conseil")
_CONDITION_OPENING = re.compile(
    r"^(?:if|when|where|unless|used|si|lorsque|quand|sauf|en cas d|pour|wenn|falls|sofern|bei"
    r"|fur|solo|cuando|salvo|en caso de|para|se|qualora|quando|in caso di|per|ex|gia|caso"
    r"|indien|als|wanneer|tenzij|voor|antes|mediante|via)\b"
)
_OPTIONAL_NOTE = re.compile(
    r"^(?:optional|optionally|optionnel(?:le)?|facultati(?:f|ve|vo|va)|opcional|opzionale"
    r"|facoltativ[oa]|optioneel)\b"
)


def is_name_note(line: str) -> bool:
    """The line under a company's name is a note about it, not part of its name: it opens
    with a note's words (`_NOTE_OPENING`), or with a condition's in lower case or inside a
    parenthesis; a parenthesis opening in lower case ("(formerly ...)", "(via ...)"); or a
    sentence (several words in lower case, ending with a full stop). A line ending with a legal
    form, or a parenthesis naming a company ("(Microsoft Ireland Operations Ltd)", "(Vertex AI &
    Vision)"), continues the name."""
    text = line.strip()
    inner = text.lstrip("([").strip()
    folded = fold(inner)
    if not folded:
        return False
    if _NOTE_OPENING.match(folded):
        return True
    bracketed = inner != text
    if bracketed and ends_with_legal_form(inner.rstrip(")]").strip()):
        return False
    lower = inner[0].islower()
    if (bracketed or lower) and _CONDITION_OPENING.match(folded):
        return True
    if bracketed and lower:
        return True
    return _is_sentence(text)


def _is_sentence(text: str) -> bool:
    """Several words in lower case, ending as a sentence does ("Used only where the SMS
    feature is enabled."), not with a legal form's full stop ("Sendinblue Inc.")."""
    words = text.split()
    lower = sum(1 for word in words[1:] if word[:1].islower())
    if any(c.isdigit() for c in text) or ends_with_legal_form(text):
        return False
    return text.endswith((".", "!", "?", ":")) and len(words) >= 3 and lower >= 2


def says_optional(note: str) -> bool:
    """The note under the name says the vendor is optional ("(optional if Customer uses the
    SMS feature)", "(facultatif)", "(opcional: ...)")."""
    return bool(_OPTIONAL_NOTE.match(fold(note.strip().lstrip("(["))))


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


class NameCell(NamedTuple):
    """What a subprocessor's name cell holds: the name, the postal address under it, the web
    links under it and the note about the vendor under it (each '' when the cell has none)."""

    name: str
    address: str
    links: str
    note: str


def split_name_cell(text: str) -> NameCell:
    """A subprocessor's name cell read: the web links under the name (`split_links`) taken out
    first, then the note lines about the vendor (`is_name_note`: the note is the first such
    line and the lines after it that hold no address), then the name and its address
    (`split_name_address`)."""
    lines = clean_text(text).split("\n")
    rest, links = split_links("\n".join(lines[1:]))
    kept, note = _split_note([line for line in rest.split("\n") if line.strip()] if rest else [])
    name, address = split_name_address("\n".join([lines[0], *kept]))
    return NameCell(name, address, links, note)


def _split_note(lines: list[str]) -> tuple[list[str], str]:
    """(the lines that are the name's or its address's, the note): the note lines, each with
    the lines under it that continue it (`note_continues`)."""
    kept: list[str] = []
    note: list[str] = []
    for line in lines:
        if is_name_note(line) or (note and note_continues(note[-1], line)):
            note.append(line.strip())
        else:
            kept.append(line)
    return kept, "\n".join(note)


def note_continues(note: str, line: str) -> bool:
    """A line under a note line is the note's when the note's parenthesis is still open or the
    line starts in lower case; a street, a number or a legal form starts something else."""
    text = line.strip()
    if _STREET.search(text) or ends_with_legal_form(text):
        return False
    return note.count("(") > note.count(")") or text[:1].islower()


def links_mark(cell: Cell) -> Unconfirmed:
    return cell.mark(
        "notes",
        InferenceOrigin.RULE,
        _("the links under the name in the same cell were kept in the notes"),
    )


def note_mark(cell: Cell) -> Unconfirmed:
    return cell.mark(
        "notes",
        InferenceOrigin.RULE,
        _("the lines under the name in the same cell were read as a note and kept in the notes"),
    )


def optional_mark(cell: Cell) -> Unconfirmed:
    return cell.mark(
        "optional",
        InferenceOrigin.RULE,
        _("the note under the name in the same cell says the subprocessor is optional"),
    )


def _split_on_commas(line: str) -> tuple[str, str]:
    """ "HubSpot Inc., 25 First Street, 2nd Floor, Cambridge MA 02141, USA": the name is the
    text before the first comma followed by a street number or a postcode and what a postal
    address holds after it; "Stripe, Inc." and "Amazon Web Services, Inc." keep their comma."""
    parts = _comma_parts(line)
    for at in range(1, len(parts)):
        first = parts[at]
        if any(c.isdigit() for c in first) and (
            is_address(", ".join(parts[at : at + 2])) or _STREET_THEN_NUMBER.search(fold(first))
        ):
            return ", ".join(parts[:at]).strip(), "\n".join(p.strip() for p in parts[at:])
    return line, ""


# a dash between spaces, the em or the en one ("Google (Firebase) — Google Ireland Ltd., Gordon
# House, ..."); a hyphen joins words of a name ("Haufe-Lexware", "Open-Xchange - Cloud") and
# is not read so
_NAME_DASH = re.compile(r"\s+[\u2014\u2013]\s+")


def _split_on_dash(line: str) -> tuple[str, str] | None:
    """ "Google (Firebase Authentication) — Google Ireland Ltd., Gordon House, Barrow Street,
    Dublin 4, Irland": the name is the text before the dash when the text after it starts with
    the company's legal entity or its postal address (its first part ends with a legal form, or
    is a street or holds a number); the rest is the address, one part a line. None otherwise: a
    dash before a description ("Stripe — payments") or a brand ("Wildbit LLC – Postmark, 225
    Chestnut Street, ...") is the name's."""
    parts = _NAME_DASH.split(line, maxsplit=1)
    if len(parts) != 2 or not parts[0].strip() or not parts[1].strip():
        return None
    head, tail = parts[0].strip(), parts[1].strip()
    pieces = [p.strip() for p in _comma_parts(tail) if p.strip()]
    if not (ends_with_legal_form(pieces[0]) or _STREET.search(pieces[0])):
        return None  # "Wildbit LLC – Postmark, 225 Chestnut Street": the brand, then the address
    return head, "\n".join(pieces)


def _comma_parts(line: str) -> list[str]:
    """The line's parts between ", ", a parenthesis kept whole ("USA (Workers, KV, R2)")."""
    parts: list[str] = []
    depth, start = 0, 0
    for at, char in enumerate(line):
        depth += (char == "(") - (char == ")")
        if depth <= 0 and line.startswith(", ", at):
            parts.append(line[start:at])
            start = at + 2
    parts.append(line[start:])
    return [part for part in parts if part]


def address_mark(cell: Cell) -> Unconfirmed:
    text = clean_text(cell.text)
    if "\n" not in text and _split_on_dash(text):
        note = _("the text after the dash in the same cell was read as the address")
    elif "\n" not in text:
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
    if answer is None and fold(first) in NONE_WORDS:
        answer = False  # "Übermittlung: Keine", "Transferencia: Ninguna": no transfer
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


# The word for the transfer itself, not for its tool, in a column's header ("Transfer",
# "Transfert", "Übermittlung", "Transferencia", "Trasferimento", "Doorgifte"), folded
_TRANSFER_WORDS = frozenset(
    {"transfer", "transfers", "transfert", "transferts", "ubermittlung", "drittlandtransfer"}
    | {"transferencia", "transferencias", "trasferimento", "trasferimenti", "doorgifte"}
)
_TOOL_WORDS = frozenset(
    {"mechanism", "mechanisms", "mecanisme", "mecanismo", "meccanismo", "safeguard", "safeguards"}
    | {"garanties", "garantien", "garantias", "garanzie", "waarborgen", "tool", "instrument"}
    | {"garantie", "garantia", "garanzia", "waarborg", "tools", "instruments", "outil"}
    | {"basis", "base", "grundlage", "rechtsgrundlage", "grondslag", "mecanismos"}
)
_EEA_REGIONS = frozenset({"EU", "EEA"})
_PLACE_ONLY_WORDS = 4  # "EU", "EU/EEA", "Germany (EU)": a place, not a sentence about one


def no_transfer_in_column(header: str, text: str, read: TransferMechanism | None) -> bool:
    """The cell of a transfer column says there is no transfer outside the EEA (GDPR Art. 44
    concerns transfers to a third country) though it names no tool: under a header naming the
    transfer itself ("Transfer", "Übermittlung"), a plain "None" / "Keine" / "Aucun" (read as
    the stated none); under any transfer header, the EU or the EEA alone, or countries of the
    EEA alone, before any remark ("EU", "EU; zero-retention commitment", "Deutschland")."""
    if read is TransferMechanism.NONE:  # "N/A" stays not applicable: only the word "none"
        words = set(fold(header).split())
        said_none = fold(text) in NONE_WORDS
        return said_none and bool(words & _TRANSFER_WORDS) and not words & _TOOL_WORDS
    if read is not None:
        return False
    first = text.split(";", maxsplit=1)[0].split("\n", maxsplit=1)[0]
    if len(first.split()) > _PLACE_ONLY_WORDS:
        return False
    places = parse_locations(first)
    return bool(places) and all(
        (p.kind is LocationKind.REGION and p.code in _EEA_REGIONS)
        or (p.kind is LocationKind.COUNTRY and is_eea(p.code))
        for p in places
    )


def no_transfer_column_mark(cell: Cell) -> Unconfirmed:
    return cell.mark(
        "transfer_mechanism",
        InferenceOrigin.RULE,
        _(
            "the transfer column names no tool but no transfer, or only places in the EEA: read"
            " as no transfer outside the EEA"
        ),
    )
