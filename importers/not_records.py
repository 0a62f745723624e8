"""A table its heading announces as holding no subprocessor: "Self-Hosted Infrastructure (not
third-party subprocessors)", "Infraestructura autoalojada (no son subprocesadores externos)".

A vendor's list often shows, under the subprocessors, what it runs itself or the software it
uses, headed as not being subprocessors; those rows are no third party processing for it (GDPR
Art. 28(2) and (4) concern another processor it engages), so they are no record of the register.
The heading is the text alone on its row just above the table's header (a title and its intro
line), or the Word heading above a document's table, read in the seven languages."""

from __future__ import annotations

import re

from importers.cleaning import fold
from importers.model import TableCandidate
from importers.table_ends import is_lone_or_blank

HEADING_ROWS = 2  # a heading and the sentence under it; the page's intro above them is not read
# A line of the heading this long is a paragraph of the intro: it announces the table only when
# it points at what follows ("the parties below are not sub-processors", "die folgenden Anbieter
# sind keine ..."); otherwise its "no sub-processors" is about something else than the table
# ("The self-hosted software engages no sub-processors — when you run it on your own
# infrastructure, ..." above lynox's list of its sub-processors)
HEADING_WORDS = 20
_POINTS_BELOW = re.compile(
    r"\b(?:below|following|listed here|ci dessous|suivants?|suivantes|folgenden?|nachfolgend\w*"
    r"|unten|siguientes?|a continuacion|seguintes?|abaixo|seguenti|di seguito|sotto"
    r"|hieronder|volgende|onderstaande)\b"
)


def _announces(text: str) -> bool:
    return len(text.split()) <= HEADING_WORDS or bool(_POINTS_BELOW.search(fold(text)))


# "not", then up to three words that qualify the noun ("are", "third party", "des", "externos"),
# then the word for a (sub)processor
_NEGATION = r"(?:not|non|no|pas|ne sont pas|keine?|nicht|nao|geen)"
_QUALIFIERS = (
    r"(?:(?:are|is|sont|sind|son|sono|sao|zijn|des|de|als|third party|tiers|externe?s?|externos?"
    r"|esterni|our|nos|unsere)\s+){0,3}"
)
_PROCESSOR = (
    r"(?:sub ?processors?|processors?|sous traitants?(?: ulterieurs?)?|unterauftragsverarbeiter"
    r"|auftragsverarbeiter|unterauftrags?bearbeiter|auftragsbearbeiter|sub ?prozessor(?:en)?"
    r"|unterauftragnehmer|subunternehmer|subprocesadores?|subencargados?|subcontratad[oa]s?"
    r"|encargados?|sub ?responsabili|responsabili|subcontratantes?|suboperadores?"
    r"|subverwerkers?|verwerkers?)"
)
_NOT_PROCESSORS = re.compile(rf"\b{_NEGATION}\s+{_QUALIFIERS}{_PROCESSOR}\b")


def says_not_processors(text: str) -> bool:
    """True when the text announces what follows as not being (sub)processors."""
    return bool(_NOT_PROCESSORS.search(fold(text)))


def heading_above(head: list[list[str]], table: TableCandidate) -> str:
    """The lone-text rows just above the table's header (at most HEADING_ROWS), and the
    document's paragraph and heading above a Word table whose header is its first row; of them,
    the lines that may announce it (`_announces`)."""
    lines: list[str] = []
    index = table.header_row - 1
    while index >= 0 and len(lines) < HEADING_ROWS and is_lone_or_blank(head[index]):
        text = next((c.strip() for c in head[index] if c.strip()), "")
        if text:
            lines.append(text)
        index -= 1
    if index < 0:
        # a Word table: the paragraph above it, and the heading above that paragraph (its
        # intro sentence may stand between the heading and the table)
        lines.append(table.source.context_title)
        heading = getattr(table.source, "context_heading", "")
        if heading and heading != table.source.context_title:
            lines.append(heading)
    return "\n".join(line for line in lines if _announces(line))


def announced_as_not_records(head: list[list[str]], table: TableCandidate) -> bool:
    """True when the table's heading announces its rows as not being subprocessors."""
    return table.header_row >= 0 and says_not_processors(heading_above(head, table))


__all__ = ["announced_as_not_records", "says_not_processors"]
