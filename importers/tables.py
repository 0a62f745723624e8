"""Finding the table in a grid: the header row under title rows and intro text, then what each
row below it is (a record, a spacer, a repeated header, a section title, a footnote, or the
continuation of the record above when a row was split across pages)."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum
from itertools import islice, takewhile

from importers._safety import DEFAULT_LIMITS, SafetyLimits
from importers._structure import Budget, check_row_width
from importers.cleaning import clean_text, fold, is_mostly_upper
from importers.fiche_blocks import fiche_rows
from importers.mapping import guess_kind, map_headers, mapping_score
from importers.model import GridSource, RecordKind, TableCandidate
from importers.not_records import announced_as_not_records
from importers.repeated_labels import unlabelled
from importers.table_ends import (
    filled_columns,
    gap_start,
    header_like,
    is_lone_or_blank,
    is_table_of_countries,
    other_shaped_header,
)
from importers.transposed import transposed_table
from importers.vocabulary import BARE_CATEGORY_HEADERS, DATA_SOURCE_HEADERS, EXAMPLE_HEADERS
from workbench.domain.enums import Role, SubprocessorCategory

HEADER_SCAN_ROWS = 30
# A sheet this small is searched for further tables under the first one (an annex with its
# treatments, then its subprocessors); a longer sheet is one list (the cost stays one pass).
MULTI_TABLE_ROWS = 2000
DEEP_SCAN_ROWS = 200  # the rows of such a sheet looked at for a first header found further down
NEW_HEADER_CONFIDENCE = 0.85
PREVIEW_ROWS = 8
MIN_HEADER_FIELDS = 2

CATEGORY_WORDS: tuple[tuple[SubprocessorCategory, tuple[str, ...]], ...] = (
    (SubprocessorCategory.HOSTING, ("hebergement", "hosting", "infrastructure", "cloud")),
    (SubprocessorCategory.SECURITY, ("securite", "security")),
    (SubprocessorCategory.ANALYTICS, ("analytique", "analytics", "statistiques", "mesure")),
    (SubprocessorCategory.APPLICATIONS, ("applicatifs", "applications", "applicatif", "logiciels")),
    (SubprocessorCategory.COMMUNICATION, ("communication", "messagerie", "marketing")),
    (SubprocessorCategory.CUSTOMER_RELATION, ("relation client", "customer", "support", "crm")),
    (SubprocessorCategory.OTHER, ("autre", "autres", "other", "divers", "misc")),
)
_ROLE_TITLE = re.compile(
    r"traitements? (?:pour lesquels|dont) (?P<org>.+?) (?:agit|intervient) en (?:qualite|tant) de"
    r" (?P<role>responsable|sous traitant|co responsable)",
)
_ROLE_TITLE_EN = re.compile(
    r"processing (?:for which|where) (?P<org>.+?) (?:acts|is) as (?:a |the )?"
    r"(?P<role>controller|processor)"
)
_FOOTNOTE = re.compile(r"^\s*(?:\*|¹|²|³|\(\d+\)|\[\d+\]|\d+\)|note\b|nb\b|n\.b\.|source\b)", re.I)
# A note under or inside a table, in the seven languages: "DATE: August 19, 2024", "Last revised
# ...", "Nota: Todos os subcontratantes...", "Date de dernière mise à jour : ...", a legend
# ("DPF = Data Privacy Framework"). Matched on the folded text.
_NOTE = re.compile(
    r"^(?:date|dated|last (?:updated|revised|modified|update)|updated|effective|version|"
    r"(?:date de )?(?:derniere )?mise a jour|mis a jour|nota|note|notes|nb|n b|remarque|"
    r"stand|zuletzt|letzte aktualisierung|hinweis|anmerkung|fecha|actualizado|ultima actualizacion|"
    r"aggiornato|ultimo aggiornamento|atualizado|ultima atualizacao|bijgewerkt|laatst bijgewerkt|"
    r"opmerking|actualizacion|aktualisierung|aggiornamento|atualizacao|wijziging|"
    # "Pour plus d'informations ...", "Para más información ...": where to ask, not a record
    r"pour plus d informations?|for (?:more|further) information|weitere informationen|"
    r"para mas informacion|per (?:maggiori|ulteriori) informazioni|para mais informacoes|"
    r"voor meer informatie)\b"
    # a contact heading alone on its row, the contact block under the table
    r"|^(?:contacts?|contacto|contatt[oi]|contato|kontakt|contactgegevens|coordonnees)$"
)
_LEGEND = re.compile(r"^\S{1,12}\s*(?:=|:=)\s+\S")
NOTE_WORDS = 12  # a lone value this long is a sentence: a note, not a title
CONTINUED_NOTE_WORDS = 3  # a line of several words under an unfinished note goes on with it
_LEGAL_FORM = re.compile(
    r"\b(?:inc|ltd|llc|sas|sasu|sarl|sa|gmbh|ag|ab|bv|b v|nv|spa|s p a|srl|sl|plc|oy|as|aps|kg)$"
)


class RowKind(Enum):
    RECORD = "record"
    SPACER = "spacer"
    REPEATED_HEADER = "repeated_header"
    SECTION = "section"
    FOOTNOTE = "footnote"
    CONTINUATION = "continuation"


@dataclass(frozen=True, slots=True)
class Section:
    """What a section title row (or the heading above a Word table) says about the rows below."""

    title: str
    organisation: str = ""
    role: Role | None = None
    category: SubprocessorCategory | None = None
    row: int | None = None  # the title's row, as the file numbers it (None: a Word heading)


def read_section(title: str) -> Section:
    text = clean_text(title).replace("\n", " ")
    folded = fold(text)
    match = _ROLE_TITLE.search(folded) or _ROLE_TITLE_EN.search(folded)
    if match:
        role = (
            Role.PROCESSOR
            if "sous" in match.group("role") or "processor" in match.group("role")
            else Role.CONTROLLER
        )
        return Section(text, organisation=_org_name(text, match.group("org")), role=role)
    for category, words in CATEGORY_WORDS:
        if any(re.search(rf"\b{w}\b", folded) for w in words):
            return Section(text, category=category)
    return Section(text)


def _org_name(text: str, folded_org: str) -> str:
    """The organisation as written in the title, title-cased if the title is in capitals."""
    words = folded_org.split()
    original = text.split()
    # find the original words whose folded form matches the organisation's folded words
    for start in range(len(original)):
        chunk = original[start : start + len(words) + 2]
        for end in range(len(chunk), 0, -1):
            candidate = " ".join(chunk[:end])
            if fold(candidate) == folded_org:
                return _title(candidate) if is_mostly_upper(candidate) else candidate
    return folded_org.title()


def _title(text: str) -> str:
    return " ".join(
        "(" + w[1:].capitalize() if w.startswith("(") else w.capitalize() for w in text.split()
    )


def is_section_title(cells: list[str]) -> bool:
    texts = {c.strip() for c in cells if c.strip()}
    if len(texts) != 1:
        return False
    text = next(iter(texts))
    if _FOOTNOTE.match(text):
        return False
    section = read_section(text)
    return (
        is_mostly_upper(text)
        or section.role is not None
        or (section.category is not None and len(text) <= 40)
    )


def is_note(text: str) -> bool:
    """A note or footnote written on a row of its own (not a record, not a section title)."""
    folded = fold(text)
    words = folded.split()
    return (
        bool(_FOOTNOTE.match(text) or _NOTE.match(folded) or _LEGEND.match(text.strip()))
        or len(words) >= NOTE_WORDS
        or (text.rstrip().endswith(".") and len(words) >= NOTE_WORDS // 2)
    )


def lone_value_kind(cells: list[str], width: int, name_index: int | None) -> RowKind | None:
    """A row holding a single text (a merged cell, or one cell filled) in a table of several
    columns: a note, a section title, or the continuation of the record above; None otherwise.
    A lone company name ("Billie GmbH") or a name with its description on the lines under it
    (Annex 1, whose other column is merged down from the first row) stays a record."""
    texts = {c.strip() for c in cells if c.strip()}
    if len(texts) != 1 or width < 2:
        return None
    text = next(iter(texts))
    position = next(i for i, c in enumerate(cells) if c.strip())
    if name_index is not None and position != name_index and not _merged(cells):
        return RowKind.CONTINUATION  # a record split across pages: the name cell is above
    if is_section_title(cells):
        return RowKind.SECTION  # capitals, a role heading ("TRAITEMENTS POUR LESQUELS ...")
    if is_note(text):
        return RowKind.FOOTNOTE
    if "\n" in text or _LEGAL_FORM.search(fold(text)):
        return None  # a title is one line; a name with its description under it is a record
    return RowKind.SECTION


def _merged(cells: list[str]) -> bool:
    """A merged cell reads as the same text in every column it spans."""
    filled = [c for c in cells if c.strip()]
    return len(filled) > 1


def classify_row(
    cells: list[str], header_folds: tuple[str, ...], name_index: int | None
) -> RowKind:
    texts = {t for c in cells if (t := c.strip())}
    if not texts:
        return RowKind.SPACER
    if _is_repeated_header(cells, header_folds, name_index):
        return RowKind.REPEATED_HEADER
    if len(texts) == 1:  # a lone value, a title or a footnote (most rows hold several texts)
        kind = _one_text_kind(cells, header_folds, name_index)
        if kind is not None:
            return kind
    if name_index is not None and (name_index >= len(cells) or not cells[name_index].strip()):
        return RowKind.CONTINUATION
    return RowKind.RECORD


def _one_text_kind(
    cells: list[str], header_folds: tuple[str, ...], name_index: int | None
) -> RowKind | None:
    """What a row holding one text (in one cell or several) is, if not a record."""
    lone = lone_value_kind(cells, sum(1 for h in header_folds if h), name_index)
    if lone is not None:
        return lone
    if is_section_title(cells) and not (
        name_index is not None
        and name_index < len(cells)
        and cells[name_index].strip()
        and sum(1 for c in cells if c.strip()) == 1
        and not is_mostly_upper(cells[name_index])
    ):
        return RowKind.SECTION
    filled = [c for c in cells if c.strip()]
    if len(filled) == 1 and _FOOTNOTE.match(filled[0]):
        return RowKind.FOOTNOTE
    return None


def _weak_section(cells: list[str]) -> bool:
    """A lone value that is not plainly a title (capitals, a role heading, a category word)."""
    return not is_section_title(cells)


def classified_rows(
    rows: Iterator[list[str]],
    first: int,
    header_folds: tuple[str, ...],
    name_index: int | None,
    end: int | None = None,
) -> Iterator[tuple[int, list[str], RowKind]]:
    """(index, cells, kind) of the rows from `first`, a lone value's kind decided by the rows
    after it: a lone line in the name column is a section title when records follow it, but
    lone lines one after the other are records (Annex 1's third table lists names only, its
    other column merged down from the first row). A title repeated on the next row (a merged
    row, then the same title alone) is one title."""
    held: tuple[int, list[str]] | None = None  # a lone value waiting for the next row
    run = False  # inside a run of lone records
    core: frozenset[int] | None = None  # the columns every record of several cells fills
    open_note = False  # the row above is a note whose sentence goes on on the next row
    for index, cells in enumerate(rows):
        if index < first:
            continue
        if end is not None and index >= end:
            break  # the next table of the sheet starts here
        kind = classify_row(cells, header_folds, name_index)
        if open_note and kind is not RowKind.SPACER and continues_note(cells):
            kind = RowKind.FOOTNOTE
        open_note = kind is RowKind.FOOTNOTE and not _ends_sentence(_lone_text(cells))
        if (
            held is not None
            and kind in (RowKind.SECTION, RowKind.FOOTNOTE)
            and continues_note(cells)
            and _sentence_goes_on(_lone_text(held[1]), _lone_text(cells))
        ):  # the held line and this one are two lines of one sentence: a note, not a title
            yield held[0], held[1], RowKind.FOOTNOTE
            held, kind = None, RowKind.FOOTNOTE
            open_note = not _ends_sentence(_lone_text(cells))
        weak = kind is RowKind.SECTION and _weak_section(cells)
        if weak and run:
            kind = RowKind.RECORD
        elif weak and held is not None and _lone_text(held[1]) != _lone_text(cells):
            yield held[0], held[1], RowKind.RECORD
            held, run, kind = None, True, RowKind.RECORD
        elif weak:
            held = held or (index, cells)
            continue
        if kind in (RowKind.SPACER, RowKind.FOOTNOTE) and held is not None:
            yield index, cells, kind
            continue
        if held is not None:
            yield held[0], held[1], RowKind.SECTION
            held = None
        if kind is RowKind.RECORD and not weak:
            run = False
            if len({c.strip() for c in cells if c.strip()}) > 1:
                core = filled_columns(cells) if core is None else core & filled_columns(cells)
        yield index, cells, kind
    if held is not None:
        last = run or _shaped_like_records(held[1], core)
        yield held[0], held[1], RowKind.RECORD if last else RowKind.SECTION


def continues_note(cells: list[str]) -> bool:
    """A lone line under a note whose sentence is not finished is the rest of that sentence
    (a page's paragraph saved one line a row: "Pour les transferts hors de l'Union européenne,
    des garanties" / "appropriées sont mises en place (clauses ..." / "européenne)."): it
    starts in lower case or holds several words, and is no title (capitals, a role heading)."""
    text = _lone_text(cells)
    if len({c.strip() for c in cells if c.strip()}) != 1 or is_section_title(cells):
        return False
    return text[:1].islower() or len(text.split()) >= CONTINUED_NOTE_WORDS


def _sentence_goes_on(above: str, text: str) -> bool:
    """Two lone lines are one sentence wrapped over two rows ("Soweit personenbezogene Daten in
    ein Drittland übermittelt werden, stützen wir uns" / "auf die Standardvertragsklauseln ..."):
    the first does not end a sentence, and the second goes on in lower case, or ends the
    sentence, together long enough to be one (a title and a record are a few words each)."""
    if _ends_sentence(above):
        return False
    words = len(above.split()) + len(text.split())
    if text[:1].islower():
        return words >= NOTE_WORDS // 2
    return words >= NOTE_WORDS and _ends_sentence(text)


def _ends_sentence(text: str) -> bool:
    return text.rstrip().endswith((".", "!", "?", ":", "\u2026"))


def _shaped_like_records(cells: list[str], core: frozenset[int] | None) -> bool:
    """A lone value last in its table, in a column every record fills, where some record leaves
    every other column empty too: the table's last record, its other cells empty (a heading
    under the records, shaped unlike them, is a section of no record; see `_closing_heading`)."""
    columns = filled_columns(cells)
    return core is not None and len(columns) == 1 and core <= columns


def _lone_text(cells: list[str]) -> str:
    return next((c.strip() for c in cells if c.strip()), "")


def _is_repeated_header(
    cells: list[str], header_folds: tuple[str, ...], name_index: int | None
) -> bool:
    wanted = [h for h in header_folds if h]
    if not wanted:
        return False
    # cheap test first (this runs on every row): the name cell must repeat its header
    if name_index is not None and name_index < len(cells) and header_folds[name_index]:
        cell = cells[name_index]
        if len(cell) > 2 * len(header_folds[name_index]) + 10:
            return False
        if (
            _cannot_fold_to(cell, header_folds[name_index])
            or fold(cell) != header_folds[name_index]
        ):
            return False
    same = sum(
        1
        for i, h in enumerate(header_folds)
        if h and i < len(cells) and not _cannot_fold_to(cells[i], h) and fold(cells[i]) == h
    )
    return same >= max(2, int(0.6 * len(wanted)))


_ASCII_NOT_ALNUM = "".join(chr(code) for code in range(128) if not chr(code).isalnum())


def _cannot_fold_to(text: str, folded: str) -> bool:
    """Whether `fold(text)` surely differs from `folded` (not empty), told without folding (the
    name cell of every row is compared with its header). An ASCII text's fold is its runs of
    letters and digits, lower-cased, one space between them: it begins and ends with the text's
    first and last letter or digit, and is no longer than the text between them."""
    if not text.isascii():
        return False  # accents, ligatures, wide spaces: only folding tells
    core = text.strip(_ASCII_NOT_ALNUM)
    return (
        len(core) < len(folded) or core[:1].lower() != folded[0] or core[-1:].lower() != folded[-1]
    )


def find_header(rows: list[list[str]]) -> tuple[int, tuple[str, ...], RecordKind, float]:
    """(row index, headers, kind, score) of the best header among the first rows, or -1."""
    best: tuple[int, tuple[str, ...], RecordKind, float] = (-1, (), RecordKind.AUTO, 0.0)
    previous: list[str] = []
    repeated = _repeated_label_rows(rows)
    for index, row in enumerate(rows):
        filled = sum(1 for c in row if c.strip())
        if filled >= MIN_HEADER_FIELDS:
            headers = _with_merged_above(row, previous)
            kind, score = guess_kind(headers)
            from importers.content import refine_mapping

            mapping = map_headers(headers, kind)
            if sum(1 for c in mapping.columns if c.field) == 1:
                # one header known ("Pourquoi..."), the others told by their cells
                mapping = refine_mapping(mapping, rows[index + 1 : index + 1 + PREVIEW_ROWS])
                score = mapping_score(mapping)
            mapped = sum(1 for c in mapping.columns if c.field)
            if lists_data_categories(headers):
                # every header known, a data-category table's: found, to hold no record
                mapped = len(headers)
                score = max(score, float(mapped))
            if mapped and _row_key(row) in repeated:
                score += REPEATED_HEADER_BONUS
            if mapped >= MIN_HEADER_FIELDS and score > best[3]:
                best = (index, headers, kind, score)
        if filled:
            previous = row
    return best


# A row of labels written again above each part of a table (a page's tables one under the other,
# each under its heading, as "Unterauftragsverhältnisse | Adresse | Rolle" heads SeaTable's four
# tables): the repetition says it is the header, over a record whose long cells happen to hold a
# header word ("Hosting ..., Backup und E-Mail" holds "E-Mail")
REPEATED_HEADER_BONUS = 1.0


def _row_key(row: list[str]) -> tuple[str, ...]:
    return tuple(fold(c) for c in row if c.strip())


def _repeated_label_rows(rows: list[list[str]]) -> set[tuple[str, ...]]:
    """The rows of short labels (`header_like`) found twice or more among `rows`."""
    seen: set[tuple[str, ...]] = set()
    repeated: set[tuple[str, ...]] = set()
    for row in rows:
        if sum(1 for c in row if c.strip()) < MIN_HEADER_FIELDS or not header_like(row):
            continue
        key = _row_key(row)
        (repeated if key in seen else seen).add(key)
    return repeated


def _with_merged_above(row: list[str], above: list[str]) -> tuple[str, ...]:
    """Header cells left empty by a vertical merge take the text of the cell above them."""
    if sum(1 for c in above if c.strip()) < 2:
        above = []
    cells = [
        clean_text(c or (above[i] if i < len(above) else "")).replace("\n", " ")
        for i, c in enumerate(row)
    ]
    while cells and not cells[-1]:
        cells.pop()
    return tuple(cells)


def headerless_kind(rows: list[list[str]]) -> RecordKind | None:
    """Annex 2 has no header: two columns, section titles naming subprocessor categories."""
    widths = {sum(1 for c in r if c.strip()) for r in rows if any(c.strip() for c in r)}
    sections = [r for r in rows if is_section_title(r)]
    if widths and max(widths) == 2 and any(read_section(s[0] or s[-1]).category for s in sections):
        return RecordKind.SUBPROCESSORS
    return None


def table_candidates(
    source: GridSource, limits: SafetyLimits = DEFAULT_LIMITS, budget: Budget | None = None
) -> list[TableCandidate]:
    """The tables of a sheet: the first one under its title rows, then, in a small sheet, each
    further table whose own header follows a blank or title row."""
    several = 0 < source.row_count <= MULTI_TABLE_ROWS
    head = _head_rows(source, limits, budget, MULTI_TABLE_ROWS if several else HEADER_SCAN_ROWS)
    # a copied responsive table: each cell starts with its column's label, read without it
    source, head = unlabelled(source, head)
    fiches = fiche_rows(head) if several else None
    if fiches is not None:
        # "Fält | Värde" fiches under their headings: one sideways table, the sheet's other
        # tables looked for in the rows they leave
        sideways = transposed_table(source, fiches[0])
        if sideways is not None:
            rest = [[] if i in fiches[1] else row for i, row in enumerate(head)]
            return [sideways, *_ordinary_tables(source, rest, several)]
    return _ordinary_tables(source, head, several)


def _ordinary_tables(
    source: GridSource, head: list[list[str]], several: bool
) -> list[TableCandidate]:
    first = _candidate(source, head[:HEADER_SCAN_ROWS], head, 0)
    if first is None and several and len(head) > HEADER_SCAN_ROWS:
        # a small sheet whose first table lies under a long preamble (a title page, fiches):
        # looked for further down, as the tables under a first one are
        first = _candidate(source, head[:DEEP_SCAN_ROWS], head, 0)
    sideways = transposed_table(source, head) if several else None
    if sideways is not None and (first is None or _fields(first) < _fields(sideways)):
        return [sideways]  # labels down the first column, one record per column or block
    while several and first is not None and first.header_row > 0:
        # the best header of the first rows may be a second table's: an earlier one first
        earlier = _candidate(source, head[: first.header_row], head, 0)
        if earlier is None or earlier.header_row < 0 or not _sure_header(head, earlier):
            break
        between = head[earlier.header_row + 1 : first.header_row - 1]
        if not any(sum(1 for c in r if c.strip()) >= MIN_HEADER_FIELDS for r in between):
            break  # a group row over the header (a two-row header), not a table of its own
        first = earlier
    if first is None:
        return []
    tables, current = [first], first
    while several and current.header_row >= 0:
        start = _next_start(head, current)
        if start is None:
            break
        if current is tables[-1]:
            tables[-1] = _ending(current, gap_start(head, start, current.header_row))
        # the next table is imported only if its header maps as records (a table of countries
        # and recipients, or a document's version history, does not); one under it may
        found = _candidate(source, head[start : start + 1], head, start)
        if found is None:
            break
        current = found
        if not is_table_of_countries(found):
            tables.append(found)
    return [
        _without_closing_heading(head, _without_announced_part(head, t))
        for t in tables
        if not announced_as_not_records(head, t) and not describes_data_only(t)
    ]


# what a treatment is told by: its name or purpose, or its basis
_TREATMENT_KEYS = frozenset({"name", "name_and_purpose", "purpose", "legal_basis_text"})
# what a table says of the data of treatments named elsewhere
_DATA_FIELDS = frozenset({"data_categories", "data_subjects", "retention.text", "recipients"})


def describes_data_only(table: TableCandidate) -> bool:
    """A table of the data, not of treatments: its headers name only the data, whose data it
    is, who receives it and how long it is kept ("CATEGORY OF DATA | DATA CONCERNED |
    RETENTION PERIODS", "Individus concernés | Données ... concernées | Durée ..."), no purpose,
    name or basis; each row describes data the treatments of another table process, and is no
    record of its own."""
    from importers.mapping import map_headers

    if table.header_row < 0:
        return False
    if lists_data_categories(table.headers):
        return True
    if table.kind is not RecordKind.TREATMENTS:
        return False
    fields = [c.field for c in map_headers(table.headers, table.kind).columns if c.field]
    return len(fields) >= MIN_HEADER_FIELDS and set(fields) <= _DATA_FIELDS


def _headed_by(folded: str, words: tuple[str, ...]) -> bool:
    return any(folded == word or folded.startswith(word + " ") for word in words)


def lists_data_categories(headers: tuple[str, ...]) -> bool:
    """A table of data categories: a category column with only the category's examples and
    where its data comes from beside it ("Categorie | Voorbeelden | Bron", "Kategorie |
    Beispiele", "Catégorie de données | Exemples | Source"). Whatever kind its headers score (a
    bare "Catégorie" is also a subprocessor's), no column names a record, a purpose, a basis or
    a place: its rows are the data of the treatments the page names elsewhere."""
    texts = [fold(h) for h in headers if h.strip()]
    treatments = map_headers(tuple(headers), RecordKind.TREATMENTS)
    data = {fold(c.header) for c in treatments.columns if c.field == "data_categories"}
    categories = [t for t in texts if t in BARE_CATEGORY_HEADERS or t in data]
    described = [t for t in texts if _headed_by(t, EXAMPLE_HEADERS + DATA_SOURCE_HEADERS)]
    return (
        len(texts) >= MIN_HEADER_FIELDS
        and len(categories) == 1
        and len(categories) + len(described) == len(texts)
        and any(_headed_by(t, EXAMPLE_HEADERS) for t in described)
    )


def _without_announced_part(head: list[list[str]], table: TableCandidate) -> TableCandidate:
    """The table up to a repeat of its header under a heading announcing what follows as not
    (sub)processors ("BYOK providers / ... the parties below are not sub-processors of ...",
    "Outils internes (ne sont pas des sous-traitants)"): a second table of the same columns,
    whose rows are no records, ends the first where its heading starts."""
    if table.header_row < 0:
        return table
    own = tuple(fold(h) for h in table.headers)
    end = len(head) if table.end_row is None else min(table.end_row, len(head))
    for index in range(table.header_row + 2, end):
        if tuple(fold(c) for c in head[index][: len(own)]) != own:
            continue
        if announced_as_not_records(head, dataclasses.replace(table, header_row=index)):
            return _ending(table, gap_start(head, index, table.header_row))
    return table


# A closing heading under a table ("Planned subprocessors", "Questions or objection?",
# "Historique des modifications", "Änderungen"): a few words on one line, no sentence
HEADING_WORDS = 8
HEADING_CHARS = 80
_PLACEHOLDER = re.compile(r"^(?:[-–—/.*]+|n ?a|none|aucune?s?|keine?|ninguno|nessuno|nenhum|geen)$")


def _without_closing_heading(head: list[list[str]], table: TableCandidate) -> TableCandidate:
    """The table up to a heading under its records that no record of it follows: the text
    under the table, not a record nor a section of it (see `_closing_heading`)."""
    if table.header_row < 0:
        return table
    index = _closing_heading(head, table)
    return table if index is None else _ending(table, index)


def _closing_heading(head: list[list[str]], table: TableCandidate) -> int | None:
    """The row of a heading that ends the table, or None.

    A heading under a table's records is a text alone on its row, short and on one line (no
    sentence, no note, no company name with its legal form, no capitals or category title: those
    are the table's sections), with no record of the table under it: after it come nothing, a
    note, the text under a heading (a sentence, an e-mail address) or an empty table (a header
    of short labels, no value under it). A lone row followed by a row of the records' shape or
    by the repeated header is a section of the table (the existing rule); a run of lone rows is
    a list of names. What tells a heading from a last record whose other cells are empty:
    - followed by a sentence, an address or an empty table, it is a heading and its text;
    - followed by nothing or by a note ("* ...", "Note: ...", which speak of the table), it is a
      heading when shaped unlike the records: these all fill a column it leaves empty (or,
      merged across the row, it spans records filling several columns). Where some record
      leaves every other column empty too, it is shaped like one and stays a record
      (`classified_rows` reads it so)."""
    end = len(head) if table.end_row is None else min(table.end_row, len(head))
    own = tuple(fold(h) for h in table.headers)
    core: frozenset[int] | None = None  # the columns every record of the table fills
    under_record = False  # the row above (notes and blanks aside) is a record
    for index in range(table.header_row + 1, end):
        row = head[index]
        texts = {t for c in row if (t := c.strip())}
        if not texts:
            continue
        if len(texts) > 1:
            if _is_repeated_header(row, own, None):
                under_record = False
                continue
            core = filled_columns(row) if core is None else core & filled_columns(row)
            under_record = True
            continue
        text = next(iter(texts))
        if under_record and core is not None and _heading_text(row, text):
            under = _under_heading(head, index + 1, end, core, own)
            if under is _Under.TEXT or (under is _Under.NOTHING and _unlike_records(row, core)):
                return index
        under_record = under_record and is_note(text)
    return None


class _Under(Enum):
    """What follows a lone row under a table's records, up to the table's end."""

    RECORDS = "records"  # a row of the records' shape, the header again, or a short label
    NOTHING = "nothing"  # no row, or notes only (they speak of the table)
    TEXT = "text"  # a sentence, an address, or an empty table: a heading's content


def _unlike_records(row: list[str], core: frozenset[int]) -> bool:
    columns = filled_columns(row)
    if len(columns) > 1:  # one text merged across the row
        return len(core) >= MIN_HEADER_FIELDS
    return bool(core - columns)


def _heading_text(row: list[str], text: str) -> bool:
    from importers.content import typed_field

    return (
        "\n" not in text
        and len(text) <= HEADING_CHARS
        and len(text.split()) <= HEADING_WORDS
        and any(ch.isalpha() for ch in text)
        and not text.endswith((".", ",", ";"))
        and not is_note(text)
        and not is_section_title(row)
        and not _LEGAL_FORM.search(fold(text))
        and typed_field(text) is None
    )


def _under_heading(
    head: list[list[str]], start: int, end: int, core: frozenset[int], own: tuple[str, ...]
) -> _Under:
    from importers.content import typed_field

    rows = [r for r in head[start:end] if any(c.strip() for c in r)]
    for row in rows:
        texts = {t for c in row if (t := c.strip())}
        if len(texts) > 1 and (_is_repeated_header(row, own, None) or filled_columns(row) >= core):
            return _Under.RECORDS  # a record of the table, or its header again: a section
    first = [t for c in rows[0] if (t := c.strip())] if rows else []
    if not first or all(_marked_note(t) for r in rows for c in r if (t := c.strip())):
        return _Under.NOTHING
    if len(set(first)) == 1:
        return _Under.TEXT if _text_under_heading(first[0]) else _Under.RECORDS
    if not header_like(rows[0]) or any(typed_field(t) for t in first):
        return _Under.RECORDS  # values shaped unlike the others: a record missing some cells
    empty = all(
        len({t for c in row if (t := c.strip()) and not _PLACEHOLDER.match(fold(t) or t)}) <= 1
        for row in rows[1:]
    )
    return _Under.TEXT if empty else _Under.RECORDS


def _marked_note(text: str) -> bool:
    """A note marked as one ("* ...", "Note: ...", "DATE: ...", a legend): of the table."""
    return bool(_FOOTNOTE.match(text) or _NOTE.match(fold(text)) or _LEGEND.match(text.strip()))


def _text_under_heading(text: str) -> bool:
    """A sentence, or the address a heading gives ("Contact us" / "privacy@example.com"); a
    short label under a short label is a list of names, not a heading and its text."""
    from importers.content import typed_field

    stripped = text.strip()
    return (
        is_note(stripped)
        or stripped.endswith((".", "!", ")", "…"))
        or stripped.startswith("(")
        or len(stripped.split()) >= NOTE_WORDS // 2
        or typed_field(stripped) == "contact_email"
    )


def _next_start(head: list[list[str]], table: TableCandidate) -> int | None:
    """The header row of the next table: told by its fields or by its shape, the nearer."""
    found = [
        start
        for start in (_next_header(head, table), other_shaped_header(head, table.header_row))
        if start is not None
    ]
    return min(found, default=None)


def table_candidate(
    source: GridSource, limits: SafetyLimits = DEFAULT_LIMITS, budget: Budget | None = None
) -> TableCandidate | None:
    found = table_candidates(source, limits, budget)
    return found[0] if found else None


def _head_rows(
    source: GridSource, limits: SafetyLimits, budget: Budget | None, count: int
) -> list[list[str]]:
    rows = source.rows()
    try:  # a short pass over the first rows only; the full pass is the import's own
        head = []
        for number, row in enumerate(islice(rows, count), start=1):
            # header scoring is quadratic-ish in the width: bound it before scoring
            cells = list(row)
            check_row_width(source.file, source.sheet, number, cells, limits.max_columns)
            head.append(cells)
            if budget is not None:
                budget.check()
    finally:
        close = getattr(rows, "close", None)
        if close is not None:
            close()  # release the file now, not when the generator is collected
    return head


def _candidate(
    source: GridSource, scan: list[list[str]], head: list[list[str]], offset: int
) -> TableCandidate | None:
    index, headers, kind, score = find_header(scan)
    if index < 0:
        if offset:
            return None
        kind_found = headerless_kind(scan)
        if kind_found is None:
            return None
        width = max(len(r) for r in scan)
        return TableCandidate(
            source,
            -1,
            ("",) * width,
            kind_found,
            source.row_count,
            tuple(tuple(clean_text(c) for c in r) for r in scan[:PREVIEW_ROWS]),
            0.5,
        )
    index += offset
    preview = tuple(
        tuple(clean_text(c) for c in r) for r in head[index + 1 : index + 1 + PREVIEW_ROWS]
    )
    width = len(headers)
    return TableCandidate(
        source,
        index,
        headers,
        kind,
        max(0, source.row_count - index - 1),
        preview,
        min(1.0, score / max(width, 1)),
    )


def _fields(table: TableCandidate) -> int:
    """How many of the table's headers name a field."""
    from importers.mapping import map_headers

    return sum(1 for c in map_headers(table.headers, table.kind).columns if c.field)


def _ending(table: TableCandidate, end: int) -> TableCandidate:
    return dataclasses.replace(table, end_row=end, row_count=max(0, end - table.header_row - 1))


def _next_header(head: list[list[str]], table: TableCandidate) -> int | None:
    """The row where another table starts: after a blank or lone-value row, a header row whose
    columns map surely and differently from the current table's (not its repeated header)."""
    from importers.mapping import map_headers

    current = {c.field for c in map_headers(table.headers, table.kind).columns if c.field}
    own = tuple(fold(h) for h in table.headers)
    for index in range(table.header_row + 2, len(head)):
        row, above = head[index], head[index - 1]
        if sum(1 for c in row if c.strip()) < MIN_HEADER_FIELDS:
            continue
        if len({c.strip() for c in above if c.strip()}) > 1:
            continue  # a header follows a blank row or a title, never a record
        if tuple(fold(c) for c in row[: len(own)]) == own:
            continue
        if lists_data_categories(tuple(row)):
            return index  # a data-category table's header: the table ends above it
        kind, sure = _sure_fields(tuple(row))
        if len(sure) >= MIN_HEADER_FIELDS and (sure - current or kind is not table.kind):
            return index
    return None


def _sure_fields(headers: tuple[str, ...]) -> tuple[RecordKind, set[str]]:
    from importers.mapping import map_headers

    kind, _score = guess_kind(headers)
    mapping = map_headers(headers, kind)
    return kind, {
        c.field for c in mapping.columns if c.field and c.confidence >= NEW_HEADER_CONFIDENCE
    }


def _sure_header(head: list[list[str]], table: TableCandidate) -> bool:
    """The header names two fields surely, or names the entity surely and the cells under the
    other headers tell a field ("Provider | Gebiet | ...": a column of countries)."""
    headers = tuple(head[table.header_row])
    kind, sure = _sure_fields(headers)
    if len(sure) >= MIN_HEADER_FIELDS:
        return True
    if "name" not in sure:
        return False
    from importers.content import refine_mapping
    from importers.mapping import map_headers

    below = list(
        takewhile(
            lambda row: not is_lone_or_blank(row),
            head[table.header_row + 1 : table.header_row + 1 + PREVIEW_ROWS],
        )
    )  # the table's own rows, up to the text under it
    refined = refine_mapping(map_headers(headers, kind), below)
    return sum(1 for c in refined.columns if c.field) >= MIN_HEADER_FIELDS


__all__ = [
    "RowKind",
    "Section",
    "classified_rows",
    "classify_row",
    "mapping_score",
    "read_section",
    "table_candidate",
    "table_candidates",
]
