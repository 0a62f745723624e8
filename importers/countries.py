"""Countries and regions named in free text -> `Location` codes. Pure functions.

Country names come from Babel's CLDR territory names in several languages, so "Allemagne",
"Germany", "Deutschland" and "Alemania" all read as DE. Regions (EU, EEA, worldwide) stay
regions: "Union Européenne" is never turned into a list of invented countries.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from babel import Locale

from importers.cleaning import fold
from workbench.domain.enums import LocationKind
from workbench.domain.records import Location

LANGUAGES = ("en", "fr", "de", "es", "it", "nl", "pt", "pl", "sv", "da")
MAX_WORDS = 5

REGION_ALIASES: dict[str, str] = {
    "eu": "EU",
    "ue": "EU",
    "union europeenne": "EU",
    "l union europeenne": "EU",
    "european union": "EU",
    "the european union": "EU",
    "europaische union": "EU",
    "union europea": "EU",
    "unione europea": "EU",
    "europese unie": "EU",
    "eea": "EEA",
    "eee": "EEA",
    "espace economique europeen": "EEA",
    "european economic area": "EEA",
    "ewr": "EEA",
    "worldwide": "WORLDWIDE",
    "world wide": "WORLDWIDE",
    "global": "WORLDWIDE",
    "monde": "WORLDWIDE",
    "monde entier": "WORLDWIDE",
    "dans le monde entier": "WORLDWIDE",
    "international": "WORLDWIDE",
}

COUNTRY_ALIASES: dict[str, str] = {
    "usa": "US",
    "u s a": "US",
    "u s": "US",
    "etats unis": "US",
    "etats unis d amerique": "US",
    "united states of america": "US",
    "america": "US",
    "amerique": "US",
    "uk": "GB",
    "u k": "GB",
    "great britain": "GB",
    "grande bretagne": "GB",
    "angleterre": "GB",
    "england": "GB",
    "royaume uni": "GB",
    "holland": "NL",
    "hollande": "NL",
    "pays bas": "NL",
    "south korea": "KR",
    "coree du sud": "KR",
    "suisse": "CH",
    "el": "GR",  # EU documents write Greece as EL
}


_AUDIENCE = re.compile(
    r"\([^()]*\b(?:customers?|clients?|users?|utilisateurs?|kunden|nutzer|clientes?|usuarios?|"
    r"utenti|utilizadores|klanten|gebruikers)\b[^()]*\)",
    re.I,
)


@cache
def _names() -> dict[str, str]:
    """Folded territory name in any of LANGUAGES -> ISO 3166-1 alpha-2 code."""
    names: dict[str, str] = {}
    for language in LANGUAGES:
        for code, name in Locale(language).territories.items():
            if len(code) == 2 and code.isalpha() and code not in ("EU", "EZ", "UN", "QO", "ZZ"):
                folded = fold(name)
                if folded and len(folded) > 2:
                    names.setdefault(folded, code)
    names.update(COUNTRY_ALIASES)
    return names


@cache
def _codes() -> frozenset[str]:
    return frozenset(_names().values())


def country_code(name: str) -> str | None:
    """The ISO code of one country name or code ("France", "FR", "États-Unis"), else None."""
    text = name.strip()
    if len(text) == 2 and text.isalpha() and text.upper() in _codes():
        return text.upper()
    folded = fold(text)
    return _names().get(folded) or _names().get(re.sub(r"^(?:the|l|la|le|les) ", "", folded))


@lru_cache(maxsize=4096)
def parse_locations(text: str) -> tuple[Location, ...]:
    """Every country and region named in the text, in order, without duplicates.

    A whole item may be a code ("FR", "US"); inside a sentence only names count, so that the
    English word "us" or "in" is never read as a country.
    """
    found: list[Location] = []
    text = _AUDIENCE.sub(" ", text)  # "USA (US customers)": whom it serves, not where

    def add(code: str, kind: LocationKind) -> None:
        location = Location(code, kind)
        if location not in found:
            found.append(location)

    for item in re.split(r"[\n,;/]+|\s+(?:et|and|ou|or|&)\s+", text):
        words = fold(item).split()
        if not words:
            continue
        raw = item.strip()
        if len(words) == 1 and len(raw) in (2, 3) and raw.isupper():
            whole = REGION_ALIASES.get(words[0])
            if whole:
                add(whole, LocationKind.REGION)
                continue
            code = country_code(raw)
            if code:
                add(code, LocationKind.COUNTRY)
                continue
        i = 0
        while i < len(words):
            for size in range(min(MAX_WORDS, len(words) - i), 0, -1):
                phrase = " ".join(words[i : i + size])
                if phrase in REGION_ALIASES and (
                    size > 1 or len(phrase) > 2 or re.search(rf"\b{phrase.upper()}\b", raw)
                ):
                    add(REGION_ALIASES[phrase], LocationKind.REGION)
                    i += size
                    break
                code = _names().get(phrase)
                if code and (len(phrase) > 3 or phrase in COUNTRY_ALIASES):
                    add(code, LocationKind.COUNTRY)
                    i += size
                    break
            else:
                i += 1
    return tuple(found)


def format_location(location: Location) -> str:
    return location.code
