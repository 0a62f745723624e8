"""When a source's own wording says more than the structured value printed from it.

A document prints a subprocessor's server location as the countries recorded, named in the
document's language ("Localisation centre de données : Germany" reads "Allemagne"). The
source's words are kept, as written, only where they hold something the countries do not
("USA mais les données ... font l'objet d'une sauvegarde dans l'UE (France)", "données
hébergées et gérées par Medaviz"): the reader then sees both the value and what it came from.
"""

from __future__ import annotations

import re
from functools import cache

from babel import Locale

from exporters._labels import REGION_LABELS, DocText
from workbench.domain.records import Subprocessor

_SEPARATORS = re.compile(r"[,;/\n]|\s+(?:et|ou|and|or)\s+", re.IGNORECASE)
_PARENTHESES = re.compile(r"\([^)]*\)")
_ALIASES = frozenset({"usa", "us", "uk", "ue", "eu", "eee", "eea"})


def location_as_written(text: DocText, sub: Subprocessor) -> str:
    """The source's location wording when it says more than the recorded countries, else ""."""
    written = sub.location_text.strip()
    if not written or not sub.locations:
        return ""  # nothing written, or the wording is what the document prints already
    rest = written.split(":", 1)[1] if ":" in written else written  # "Localisation … : France"
    known = set(_ALIASES)
    for location in sub.locations:
        if location.detail:
            rest = rest.replace(location.detail, " ")
        known |= {location.code.casefold(), text.location(location).casefold()}
        known |= {name.casefold() for name in _names(location.code)}
        if location.code in REGION_LABELS:
            label = REGION_LABELS[location.code]
            known |= {label.casefold(), text(label).casefold()}
    rest = _PARENTHESES.sub(" ", rest)
    tokens = [t.strip(" .").casefold() for t in _SEPARATORS.split(rest)]
    return "" if all(t in known for t in tokens if t) else written


@cache
def _names(code: str) -> tuple[str, ...]:
    """A territory's name in the languages sources are written in."""
    names = (Locale.parse(lang).territories.get(code, "") for lang in ("fr", "en"))
    return tuple(n for n in names if n)
