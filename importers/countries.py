"""Countries and regions named in free text -> `Location` codes. Pure functions.

Country names come from Babel's CLDR territory names in several languages, so "Allemagne",
"Germany", "Deutschland" and "Alemania" all read as DE. Regions (EU, EEA, worldwide) stay
regions: "Union Européenne" is never turned into a list of invented countries. A name
misspelt by a letter or two ("United Stated", "Frnace") is read approximately, never as stated:
the caller's mark says so with `approximation_note`.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from babel import Locale
from rapidfuzz.distance import OSA
from rapidfuzz.process import extract

from importers.cleaning import fold
from workbench.domain.enums import LocationKind
from workbench.domain.records import Location
from workbench.domain.reference import eea_countries, eu_countries
from workbench.i18n import _, current_locale

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
    "europaischen union": "EU",
    "uniao europeia": "EU",
    "eu raum": "EU",
    "europaischer wirtschaftsraum": "EEA",
    "europaischen wirtschaftsraum": "EEA",
    "espacio economico europeo": "EEA",
    "spazio economico europeo": "EEA",
    "espaco economico europeu": "EEA",
    "europese economische ruimte": "EEA",
    "see": "EEA",  # Spazio/Espace économique européen: only in capitals (_ACRONYMS)
    "eer": "EEA",  # Europese Economische Ruimte
    # Europe as a continent, not the Union: the register's own region (reference.REGIONS)
    "europe": "EUROPE",
    "europa": "EUROPE",
    "worldwide": "WORLDWIDE",
    "world wide": "WORLDWIDE",
    "global": "WORLDWIDE",
    "globale": "WORLDWIDE",
    "globali": "WORLDWIDE",
    "monde": "WORLDWIDE",
    "mondial": "WORLDWIDE",
    "mondiale": "WORLDWIDE",
    "mondiali": "WORLDWIDE",
    "monde entier": "WORLDWIDE",
    "dans le monde entier": "WORLDWIDE",
    "international": "WORLDWIDE",
    "internacional": "WORLDWIDE",
    "internazionale": "WORLDWIDE",
    "mundial": "WORLDWIDE",
    "todo el mundo": "WORLDWIDE",
    "en todo el mundo": "WORLDWIDE",
    "in tutto il mondo": "WORLDWIDE",
    "todo o mundo": "WORLDWIDE",
    "weltweit": "WORLDWIDE",
    "wereldwijd": "WORLDWIDE",
    # the same words as adjectives, as a place cell writes them ("weltweites Netz", "réseau
    # mondial", "red global", "wereldwijde servers"): their inflected forms in the seven languages
    "weltweite": "WORLDWIDE",
    "weltweiten": "WORLDWIDE",
    "weltweiter": "WORLDWIDE",
    "weltweites": "WORLDWIDE",
    "wereldwijde": "WORLDWIDE",
    "mondiaux": "WORLDWIDE",
    "mondiales": "WORLDWIDE",
    "globaux": "WORLDWIDE",
    "globales": "WORLDWIDE",
    "mundiales": "WORLDWIDE",
    "globais": "WORLDWIDE",
    "mundiais": "WORLDWIDE",
}
# Region codes that are also words ("see", "eer", the Italian "ue"): read only in capitals
_ACRONYMS = frozenset({"eu", "ue", "see", "eer"})

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
    # names CLDR keeps only as variants of the current one ("Czechia", "Türkiye", "Eswatini"),
    # still the usual ones in published lists, in the seven languages
    "czech republic": "CZ",
    "republique tcheque": "CZ",
    "tschechische republik": "CZ",
    "republica checa": "CZ",
    "repubblica ceca": "CZ",
    "republica tcheca": "CZ",
    "tsjechische republiek": "CZ",
    "slovak republic": "SK",
    "republique slovaque": "SK",
    "slowakische republik": "SK",
    "hong kong": "HK",
    "hongkong": "HK",
    "macao": "MO",
    "macau": "MO",
    "russian federation": "RU",
    "federation de russie": "RU",
    "republic of korea": "KR",
    "republique de coree": "KR",
    "macedonia": "MK",
    "macedoine": "MK",
    "swaziland": "SZ",
    "burma": "MM",
    "ivory coast": "CI",
}
# Abbreviations of country names in the seven languages, read only in capitals like the region
# acronyms ("eau" is French for water, "vs" the Dutch and English for versus): the United Arab
# Emirates are "VAE" in Dutch and German (Verenigde Arabische Emiraten, Vereinigte Arabische
# Emirate), "EAU" in French, Spanish and Italian, "UAE" in English; the United States "EUA" in
# Portuguese, "EE. UU." in Spanish, "VS" or "V.S." in Dutch (Verenigde Staten); the United
# Kingdom "VK" in Dutch (Verenigd Koninkrijk), "R.-U." in French (Royaume-Uni; "RU" alone is
# Russia's code).
CAPITAL_ALIASES: dict[str, str] = {
    "uae": "AE",
    "vae": "AE",
    "eau": "AE",
    "eua": "US",
    "ee uu": "US",
    "eeuu": "US",  # written without the stops ("EEUU")
    "vs": "US",
    "v s": "US",
    "vk": "GB",
    "r u": "GB",
    "el": "GR",  # EU documents write Greece as EL; "el" is the Spanish article
}


# Approximate reading of a misspelt country ("United Stated", "Germay", "Frnace"): against the
# CLDR names in the seven languages the importer reads, one edit (a letter changed or dropped,
# or two swapped; never one added, never at the first letter) for a name of 5 to 9 letters, two
# from 10 letters; never for a shorter name, never when two countries are as near, never when
# the text is the name plus an ending ("Italian", "Indiana": an adjective, a place named after
# the country).
APPROXIMATE_LANGUAGES = ("en", "fr", "de", "es", "it", "pt", "nl")
APPROXIMATE_MIN_LETTERS = 5
APPROXIMATE_LONG_NAME = 10
APPROXIMATE_MAX_WORDS = 3
# a country's name followed by one of these words names a city: "Jersey City", "Mexico City"
_CITY_WORDS = frozenset({"city", "ville", "stadt", "ciudad", "citta", "cidade", "stad"})

# What a place cell says that is no place, blanked before its places are read:
# - "USA (US customers)": whom the place serves;
# - "Global (EU data)", "Global (datos de la UE)": whose data, not where (the place is global);
# - "EU/EEA", "UE/EEE", "EU/EWR": one area named two ways, the EEA, which holds the EU member
#   states and Iceland, Liechtenstein and Norway, where the GDPR applies since the EEA Joint
#   Committee's decision of 6 July 2018 (efta.int, "General Data Protection Regulation
#   incorporated into the EEA Agreement"): "EU/" is blanked before it.
_WHOSE_DATA = (
    r"\(\s*(?:the\s+)?(?:eu|eea|ue|eee|ewr|see|eer)[\s-]*(?:data|daten|donn[ée]es|datos|dati|dados"
    r"|gegevens)\s*\)|\(\s*(?:data|donn[ée]es|daten|datos|dati|dados|gegevens)\s+(?:de\s+la\s+|del"
    r"\s+|della\s+|da\s+|de\s+l[’']\s*|der\s+|van\s+de\s+|de\s+)?(?:eu|ue|eea|eee|ewr|see|eer)\s*\)"
)
_EU_BEFORE_EEA = r"\b(?:eu|ue)\s*/\s*(?=(?:eea|eee|ewr|see|eer)\b)"
# - "(e.g., UK South/West Europe)", "(z. B. Frankfurt)", "(p. ex. ...)": examples of the place
#   before it (cloud regions one may pick), no other place;
# - "outside the UK/EEA", "hors UE", "außerhalb der EU", "fuera de la UE", "fuori dall'UE",
#   "fora do EEE", "buiten de EER": a negation, naming where the place is not.
_EXAMPLES = (
    r"\(\s*(?:e\.\s*g\.|eg\b|for\s+example|for\s+instance|z\.\s*b\.|zum\s+beispiel|p\.\s*ex\."
    r"|par\s+exemple|ex\.|p\.\s*ej\.|por\s+ejemplo|ad\s+es\.|per\s+esempio|por\s+exemplo"
    r"|bijv\.|bv\.|bijvoorbeeld)[^()]*\)"
)
_OUTSIDE = (
    r"\b(?:outside|hors|au[sß]erhalb|fuera|fuori|fora|buiten)\s+(?:(?:of|the|de|du|des|der|dem"
    r"|la|el|los|del|dal|dalla|dello|do|da|dos|das)\s+|(?:l|dall|d)[’']\s*)*[\w.]+"
    r"(?:\s*/\s*[\w.]+)*"
)
_AUDIENCE = re.compile(
    r"\([^()]*\b(?:customers?|clients?|users?|utilisateurs?|kunden|nutzer|clientes?|usuarios?|"
    r"utenti|utilizadores|klanten|gebruikers)\b[^()]*\)"
    rf"|{_WHOSE_DATA}|{_EU_BEFORE_EEA}|{_EXAMPLES}|{_OUTSIDE}",
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


@cache
def _approximate_names() -> dict[str, str]:
    names: dict[str, str] = {}
    for language in APPROXIMATE_LANGUAGES:
        for code, name in Locale(language).territories.items():
            folded = fold(name)
            if code in _codes() and len(folded.replace(" ", "")) >= APPROXIMATE_MIN_LETTERS:
                names.setdefault(folded, code)
    return names


@cache
def _approximate_names_by_length() -> dict[int, list[str]]:
    by_length: dict[int, list[str]] = {}
    for name in _approximate_names():
        by_length.setdefault(len(name), []).append(name)
    return by_length


@lru_cache(maxsize=4096)
def approximate_country(text: str) -> str | None:
    """The code of the one country whose name `text` misspells by a letter or two, else None.

    Only for a text that names no place exactly: `parse_locations` tries the exact names first.
    """
    folded = fold(text)
    letters = folded.replace(" ", "")
    words = folded.split()
    if len(letters) < APPROXIMATE_MIN_LETTERS or not letters.isalpha():
        return None
    if len(words) > APPROXIMATE_MAX_WORDS or _CITY_WORDS.intersection(words):
        return None
    limit = 1 if len(letters) < APPROXIMATE_LONG_NAME else 2
    candidates = [  # a name more than `limit` letters longer or shorter cannot be as near
        name
        for size in range(len(folded) - limit, len(folded) + limit + 1)
        for name in _approximate_names_by_length().get(size, ())
    ]
    near = extract(folded, candidates, scorer=OSA.distance, score_cutoff=limit, limit=8)
    # a typo drops, changes or swaps letters of the name; never one that adds them ("Service"
    # is "Servie", Dutch for Serbia, plus a letter), nor one at its first letter ("Tiger")
    best = [(name, d) for name, d, _i in near if len(name) >= len(folded) and name[0] == folded[0]]
    if not best:
        return None
    nearest = min(d for _n, d in best)
    codes = {_approximate_names()[name] for name, d in best if d == nearest}
    if len(codes) != 1 or any(folded.startswith(name) for name, _d, _i in near):
        return None
    return codes.pop()


def approximation_note(text: str) -> str:
    """The note of a mark on locations read from `text`: which names were read approximately."""
    notes = [
        _("read as {country} (approximate match of «{text}»)").format(
            country=country_name(code), text=item.strip()
        )
        for item in _items(text)
        if (code := approximate_country(item)) is not None and not _exact_locations(item)
    ]
    readings = [note for note in (city_note(text), cloud_region_note(text)) if note]
    return "; ".join([*notes, *readings])


def country_name(code: str) -> str:
    language = current_locale().split("_")[0]
    locale = Locale(language if language in APPROXIMATE_LANGUAGES else "en")
    return f"{locale.territories.get(code, code)} ({code})"


def country_code(name: str) -> str | None:
    """The ISO code of one country name or code ("France", "FR", "États-Unis"), else None."""
    text = name.strip()
    if len(text) == 2 and text.isalpha() and text.upper() in _codes():
        return text.upper()
    folded = fold(text)
    if text.isupper() and folded in CAPITAL_ALIASES:  # "EL", "UAE"
        return CAPITAL_ALIASES[folded]
    return _names().get(folded) or _names().get(re.sub(r"^(?:the|l|la|le|les) ", "", folded))


_ITEM_SEPARATOR = re.compile(r"[\n,;/]+|\s+(?:et|and|ou|or|&)\s+")


_DASH = re.compile(r"\s+[\u2014\u2013-]\s+")  # a spaced dash, em, en or hyphen


_PARENTHESIS = re.compile(r"\([^()\n]*\)")


def _items(text: str) -> list[str]:
    lines = (_country_before_its_region(_without_dash_note(line)) for line in text.split("\n"))
    # "USA (US customers)": whom it serves
    return _split_outside_parentheses(_AUDIENCE.sub(" ", "\n".join(lines)))


def _split_outside_parentheses(text: str) -> list[str]:
    """The text's items, split at the separators that stand outside a parenthesis: what a
    parenthesis lists ("europe-west4 (Eemshaven, Nederland)", "Europe (Paris, France)") says
    where the place before it lies, one item with it; a parenthesis left open on its line
    protects nothing."""
    return _split_keeping_separators(text)[::2]


def _split_keeping_separators(text: str) -> list[str]:
    """item, separator, item, ...: the text split at the separators outside a parenthesis."""
    inside = [(m.start(), m.end()) for m in _PARENTHESIS.finditer(text)]
    parts: list[str] = []
    start = 0
    for match in _ITEM_SEPARATOR.finditer(text):
        if any(a < match.start() < b for a, b in inside):
            continue
        parts += [text[start : match.start()], match.group()]
        start = match.end()
    parts.append(text[start:])
    return parts


# The regions a country can be said to lie in, with their member states (the register's
# reference: EU27 and the outermost regions, the EEA adding Iceland, Liechtenstein, Norway)
_MEMBERS = {"EU": eu_countries, "EEA": eea_countries}


def _country_before_its_region(line: str) -> str:
    """The line without the region a slash puts after a country that lies in it: "Francia /
    UE", "Frankreich / EU", "IE/UE", "France / EU / EEA" name France, or Ireland, as "France
    (UE)" does; the region only says where the country lies. A region that does not hold the
    country ("US / EU", "Suisse / UE") is a second place, and stays."""
    parts = _split_keeping_separators(line)  # item, separator, item, ...
    kept = parts[:1]
    country = _one_country(parts[0])
    for separator, item in zip(parts[1::2], parts[2::2], strict=True):
        if country and separator.strip() == "/" and _holds(item, country):
            continue
        kept += [separator, item]
        country = _one_country(item)
    return "".join(kept)


def _one_country(item: str) -> str | None:
    places = _qualified_country(item) or _exact_locations(item)
    if len(places) != 1 or places[0].kind is not LocationKind.COUNTRY:
        return None
    return places[0].code if _names_a_place(item) else None


def _holds(item: str, country: str) -> bool:
    """The item is one region only, and the country is one of its member states."""
    places = _exact_locations(item)
    if len(places) != 1 or not _names_a_place(item) or places[0].code not in _MEMBERS:
        return False
    return country in _MEMBERS[places[0].code]()


def _without_dash_note(line: str) -> str:
    """A line's places without the note a dash puts after them: "Allemagne (UE) — Cloud peut
    utiliser infra hors UE" is Germany, "US – Virginia" the US; a dash between two places
    ("Irlande – États-Unis") joins them."""
    head, dash, tail = _split_dash(line)
    if not dash or not (_qualified_country(head) or _exact_locations(head)):
        return line
    inside = _place_inside_region(head, tail)
    if inside:  # "UE — Frankfurt", "EU – Francia": the place inside the region, as "EU (Frankfurt)"
        return f"{head.strip()} ({inside})"
    if all(_names_a_place(item) for item in _ITEM_SEPARATOR.split(tail) if item.strip()):
        return line
    return head


def _place_inside_region(head: str, tail: str) -> str:
    """The tail after a dash when the head is the EU, the EEA or Europe and the tail one of
    its countries or one city the register knows ("UE — Frankfurt", "EU – Francia"), else ''."""
    region = _exact_locations(head)
    place = tail.strip().rstrip(".;")
    if len(region) != 1 or region[0].code not in ("EU", "EEA", "EUROPE"):
        return ""
    if region[0].kind is not LocationKind.REGION:
        return ""
    code = REGION_CITIES.get(fold(place)) or country_code(place)
    return place if code and code in eea_countries() else ""


def _split_dash(line: str) -> tuple[str, str, str]:
    match = _DASH.search(line)
    if match is None:
        return line, "", ""
    return line[: match.start()], match.group(), line[match.end() :]


def is_place_name(item: str) -> bool:
    """The text is a place and nothing else: a country's name or code, or a region ("Europe",
    not "Satispay Europe S.A.")."""
    return _names_a_place(item)


def _names_a_place(item: str) -> bool:
    """The item is a place and nothing else: a country's name or code, or a region."""
    return bool(country_code(item) or fold(item) in REGION_ALIASES or _qualified_country(item))


# "Not applicable" in the seven languages, folded: a cell saying so names no place, though "SO"
# (French "sans objet") and "NA" are also the codes of Somalia and Namibia
NOT_APPLICABLE = frozenset(
    {
        "so",
        "s o",
        "sans objet",
        "non applicable",
        "non concerne",
        "n a",
        "na",
        "not applicable",
        "k a",
        "keine angabe",
        "entfallt",
        "nicht zutreffend",
        "nicht anwendbar",
        "no aplica",
        "no aplicable",
        "non applicabile",
        "non pertinente",
        "n v t",
        "niet van toepassing",
        "nao aplicavel",
        "nao se aplica",
    }
)


@lru_cache(maxsize=4096)
def parse_locations(text: str) -> tuple[Location, ...]:
    """Every country and region named in the text, in order, without duplicates.

    A whole item may be a code ("FR", "US"); inside a sentence only names count, so that the
    English word "us" or "in" is never read as a country. An item naming no place exactly may
    be a misspelt country (`approximate_country`): a caller marks it with `approximation_note`.
    """
    found: list[Location] = []
    if fold(text) in NOT_APPLICABLE:  # the whole cell: "FR, SO" lists Somalia
        return ()
    text, flagged = _without_flags(text)
    for item in _items(text):
        regions, item = _cloud_regions(item)  # noqa: PLW2901 - what the item says besides
        exact = (
            _qualified_country(item)
            or _place_in_region(item)
            or _city_in_region(item)
            or _code_before_place_noun(item)
            or _exact_locations(item)
        )
        code = None if exact or regions else approximate_country(item)
        places = exact or ((Location(code, LocationKind.COUNTRY),) if code else ())
        for location in (*places, *(Location(c, LocationKind.COUNTRY) for _r, c in regions)):
            if location not in found:
                found.append(location)
    for code in flagged:  # "Italia 🇮🇹": the flag says the country the words say
        if Location(code, LocationKind.COUNTRY) not in found:
            found.append(Location(code, LocationKind.COUNTRY))
    return tuple(found)


# a flag emoji: two regional indicator symbols, the letters of the country's ISO code (Unicode
# 15, "Regional Indicator Symbol Letter A" U+1F1E6 ... "Z" U+1F1FF)
_FLAG = re.compile("[\U0001f1e6-\U0001f1ff]{2}")


def _without_flags(text: str) -> tuple[str, list[str]]:
    """The text without its flag emojis, and the codes of the countries they stand for."""
    codes: list[str] = []

    def read(match: re.Match[str]) -> str:
        code = "".join(chr(ord(c) - 0x1F1E6 + ord("A")) for c in match.group())
        if country_code(code):
            codes.append(code)
        return " "

    return _FLAG.sub(read, text), codes


# the words for where servers stand, after a country's code ("US datacenters", "DE servers",
# "FR hosting", "US-Rechenzentren"), folded
_PLACE_NOUNS = frozenset(
    {"datacenter", "datacenters", "datacentre", "datacentres", "data", "center", "centers"}
    | {"centre", "centres", "servers", "server", "region", "regions", "hosting", "cloud"}
    | {"rechenzentrum", "rechenzentren", "serveurs", "servidores", "hebergement"}
)


def _code_before_place_noun(item: str) -> tuple[Location, ...]:
    """ "US datacenters" (after "EU/"), "DE servers": a country's code in capitals, then only
    the words for where servers stand, is that country."""
    words = item.split()
    if len(words) < 2 or not (len(words[0]) in (2, 3) and words[0].isupper()):
        return ()
    if not all(fold(w) in _PLACE_NOUNS for w in words[1:]):
        return ()
    code = country_code(words[0])
    return (Location(code, LocationKind.COUNTRY),) if code else ()


# a place with what the text says of it in parentheses, the cell's closing punctuation after
# them ("Unión Europea (España).", "Frankrijk (EU);", "US (N. Virginia)."): no part of the place
_QUALIFIED = re.compile(r"^\s*(?P<head>[^()]+?)\s*\((?P<inner>[^()]*)\)[\s.;:!?\u2026]*$")


def _qualified_country(item: str) -> tuple[Location, ...]:
    """A country with what the text says of it in parentheses: "US (N. Virginia)", "Australië
    (Sydney)", "Frankrijk (EU)": the country alone, its code read as a whole item (in capitals)
    and the region in parentheses the one it lies in, not a second place. Empty when the
    parentheses name another country ("Germany (and US)")."""
    match = _QUALIFIED.match(item)
    if match is None:
        return ()
    head = _exact_locations(match.group("head"))
    if len(head) != 1 or head[0].kind is not LocationKind.COUNTRY:
        return ()
    inner = _exact_locations(match.group("inner"))
    return head if all(place.kind is LocationKind.REGION for place in inner) else ()


# The cities cloud providers name their regions after ("EU (Frankfurt)", "Europe (Paris)",
# "Asia Pacific (Tokyo)"): the city says the country the data lies in. Each city is written as
# the seven languages write it ("UE (Francfort)", "UE (Fráncfort)", "UE (Francoforte)", "EU
# (Mailand)", "EU (Parijs)"), folded; never a spelling that is also a word or another place of
# the register's languages (the French "Vienne" is a French town and department, the Spanish
# "Seúl" folds to the French "seul").
REGION_CITIES: dict[str, str] = {
    # Germany
    "frankfurt": "DE",
    "frankfurt am main": "DE",
    "francfort": "DE",  # fr, es (Fráncfort)
    "francfort sur le main": "DE",
    "francoforte": "DE",  # it, pt
    "francoforte sul meno": "DE",
    "berlin": "DE",
    "berlino": "DE",  # it
    "berlijn": "DE",  # nl
    "munich": "DE",
    "munchen": "DE",
    "munique": "DE",  # pt
    "monaco di baviera": "DE",  # it
    "nuremberg": "DE",  # en, fr (Nuremberg), es (Núremberg)
    "nurnberg": "DE",  # de (Nürnberg)
    "nuernberg": "DE",  # de, written without the umlaut
    "norimberga": "DE",  # it
    "neurenberg": "DE",  # nl
    "hamburg": "DE",  # de, en, nl
    "hambourg": "DE",  # fr
    "amburgo": "DE",  # it
    "hamburgo": "DE",  # es, pt
    "dusseldorf": "DE",  # de (Düsseldorf), en, fr
    "duesseldorf": "DE",  # de, written without the umlaut
    # France
    "paris": "FR",  # en, fr, de, es (París), pt
    "parigi": "FR",  # it
    "parijs": "FR",  # nl
    "marseille": "FR",
    "marseilles": "FR",
    "marsella": "FR",  # es
    "marsiglia": "FR",  # it
    "marselha": "FR",  # pt
    "strasbourg": "FR",  # en, fr
    "strassburg": "FR",  # de (Straßburg)
    "strasburgo": "FR",  # it
    "estrasburgo": "FR",  # es, pt
    "straatsburg": "FR",  # nl
    "roubaix": "FR",
    "gravelines": "FR",
    # Ireland
    "dublin": "IE",  # es, pt (Dublín)
    "dublino": "IE",  # it
    # the Netherlands
    "amsterdam": "NL",  # es (Ámsterdam)
    "amesterdao": "NL",  # pt (Amesterdão)
    # Sweden
    "stockholm": "SE",
    "estocolmo": "SE",  # es, pt
    "stoccolma": "SE",  # it
    # Italy
    "milan": "IT",  # en, fr, es (Milán)
    "milano": "IT",
    "mailand": "IT",  # de
    "milaan": "IT",  # nl
    "milao": "IT",  # pt (Milão)
    # Spain
    "madrid": "ES",
    # Switzerland
    "zurich": "CH",  # de (Zürich), es (Zúrich)
    "zurigo": "CH",  # it
    "zurique": "CH",  # pt
    # the United Kingdom
    "london": "GB",
    "londres": "GB",  # fr, es, pt
    "londra": "GB",  # it
    "londen": "GB",  # nl
    # Poland
    "warsaw": "PL",
    "varsovie": "PL",  # fr
    "warschau": "PL",  # de, nl
    "varsovia": "PL",  # es, pt (Varsóvia)
    "varsavia": "PL",  # it
    "warszawa": "PL",
    # the Nordic capitals
    "helsinki": "FI",
    "oslo": "NO",
    "copenhagen": "DK",
    "copenhague": "DK",  # fr, es
    "kopenhagen": "DK",  # de, nl
    "copenaghen": "DK",  # it
    "copenhaga": "DK",  # pt
    # Belgium
    "brussels": "BE",
    "bruxelles": "BE",  # fr, it
    "brussel": "BE",  # nl, de (Brüssel)
    "bruselas": "BE",  # es
    "bruxelas": "BE",  # pt
    # Austria
    "vienna": "AT",  # en, it
    "wien": "AT",
    "viena": "AT",  # es, pt
    "wenen": "AT",  # nl
    # beyond Europe
    "tokyo": "JP",
    "tokio": "JP",  # de, es, nl
    "toquio": "JP",  # pt (Tóquio)
    "osaka": "JP",
    "sydney": "AU",
    "melbourne": "AU",
    "singapore": "SG",
    "mumbai": "IN",
    "seoul": "KR",  # en, fr (Séoul), de
    "sao paulo": "BR",
    "montreal": "CA",
    "toronto": "CA",
}


# The programmatic names cloud providers give their regions, and the country each lies in: a
# DPA often gives the region a database runs in ("`eu-central-1`", "AWS eu-west-3",
# "europe-west4", "germanywestcentral") and no country. Sources, each region's physical
# location: AWS, docs.aws.amazon.com/global-infrastructure/latest/regions/aws-regions.html;
# Google Cloud, cloud.google.com/about/locations ("europe-west1: St. Ghislain, Belgium");
# Azure, learn.microsoft.com/azure/reliability/regions-list ("West Europe ... Netherlands
# ... westeurope"). Only these identifiers: "West Europe" written as words says Europe, as the
# text does; the country a region name gives is a reading, and the mark's note says so.
CLOUD_REGIONS: dict[str, str] = {
    # AWS
    "us-east-1": "US",
    "us-east-2": "US",
    "us-west-1": "US",
    "us-west-2": "US",
    "ca-central-1": "CA",
    "sa-east-1": "BR",
    "eu-central-1": "DE",
    "eu-central-2": "CH",
    "eu-west-1": "IE",
    "eu-west-2": "GB",
    "eu-west-3": "FR",
    "eu-north-1": "SE",
    "eu-south-1": "IT",
    "eu-south-2": "ES",
    "ap-northeast-1": "JP",
    "ap-northeast-2": "KR",
    "ap-northeast-3": "JP",
    "ap-southeast-1": "SG",
    "ap-southeast-2": "AU",
    "ap-south-1": "IN",
    # Google Cloud
    "europe-west1": "BE",
    "europe-west2": "GB",
    "europe-west3": "DE",
    "europe-west4": "NL",
    "europe-west6": "CH",
    "europe-west8": "IT",
    "europe-west9": "FR",
    "europe-west10": "DE",
    "europe-west12": "IT",
    "europe-north1": "FI",
    "europe-north2": "SE",
    "europe-central2": "PL",
    "europe-southwest1": "ES",
    "us-central1": "US",
    "us-east1": "US",
    "us-east4": "US",
    "us-east5": "US",
    "us-west1": "US",
    "us-west2": "US",
    "us-west3": "US",
    "us-west4": "US",
    "us-south1": "US",
    "northamerica-northeast1": "CA",
    "northamerica-northeast2": "CA",
    "southamerica-east1": "BR",
    "asia-northeast1": "JP",
    "asia-southeast1": "SG",
    "asia-south1": "IN",
    "australia-southeast1": "AU",
    # Azure
    "westeurope": "NL",
    "northeurope": "IE",
    "francecentral": "FR",
    "francesouth": "FR",
    "germanywestcentral": "DE",
    "germanynorth": "DE",
    "switzerlandnorth": "CH",
    "switzerlandwest": "CH",
    "swedencentral": "SE",
    "norwayeast": "NO",
    "italynorth": "IT",
    "polandcentral": "PL",
    "spaincentral": "ES",
    "belgiumcentral": "BE",
    "austriaeast": "AT",
    "uksouth": "GB",
    "ukwest": "GB",
    "eastus": "US",
    "eastus2": "US",
    "westus": "US",
    "westus2": "US",
    "westus3": "US",
    "centralus": "US",
    "canadacentral": "CA",
    "australiaeast": "AU",
    "japaneast": "JP",
}
# a region identifier as a token of its own (in backticks or not): letters, hyphens, a number
_CLOUD_REGION_TOKEN = re.compile(r"(?<![\w-])[A-Za-z]+(?:-[A-Za-z]+)*(?:-?\d{1,2})?(?![\w-])")


def _cloud_regions(item: str) -> tuple[list[tuple[str, str]], str]:
    """The cloud region identifiers in the item with their countries, and the item without
    them (what else it says: "Frankfurt (eu-central-1)" still names nothing else)."""
    found: list[tuple[str, str]] = []

    def blank(match: re.Match[str]) -> str:
        code = CLOUD_REGIONS.get(match.group().lower())
        if code is None:
            return match.group()
        found.append((match.group(), code))
        return " "

    rest = _CLOUD_REGION_TOKEN.sub(blank, item)
    return found, rest.replace("``", " ")


def cloud_region_note(text: str) -> str:
    """The note of a mark on locations read from `text`: which cloud regions were read as the
    country they lie in."""
    notes = [
        _("read as {country} (the country of the cloud region «{region}»)").format(
            country=country_name(code), region=region
        )
        for item in _items(text)
        for region, code in _cloud_regions(item)[0]
    ]
    return "; ".join(notes)


def _place_in_region(item: str) -> tuple[Location, ...]:
    """A region with the country, or the city, it means in parentheses: "EU (Frankfurt)" is
    Germany, "EU (Nederländerna)" the Netherlands. The region only says where that country lies;
    empty unless the head is one region and the parentheses only a country or a region's city."""
    match = _QUALIFIED.match(item)
    if match is None:
        return ()
    head = _exact_locations(match.group("head"))
    if len(head) != 1 or head[0].kind is not LocationKind.REGION:
        return ()
    # the whole parenthesis is the place: "(compresi USA)" adds a country, it does not qualify
    inner = match.group("inner")
    code = REGION_CITIES.get(fold(inner)) or country_code(inner) or _city_and_country(inner)
    return (Location(code, LocationKind.COUNTRY),) if code else ()


def _city_and_country(inner: str) -> str | None:
    """The country a parenthesis names with its city, after a region ("Europe (Paris,
    France)", "europe-west4 (Eemshaven, Nederland)", "EU (Frankfurt am Main, Deutschland)"):
    one country, the other items naming no place or a city of that country; else None
    ("(Frankfurt, Paris)" names two countries, "(Irlande, Allemagne)" too)."""
    items = [item for item in _ITEM_SEPARATOR.split(inner) if item.strip()]
    if len(items) < 2:
        return None
    countries = {code for item in items if (code := country_code(item))}
    cities = {REGION_CITIES[fold(item)] for item in items if fold(item) in REGION_CITIES}
    # "EU (Falkenstein/Nuernberg)", "Europe (Frankfurt, Berlin)": the cities of one country and
    # no country named say that country, as one city does
    if not countries and len(cities) == 1:
        countries = cities
    if len(countries) != 1 or not cities <= countries:
        return None
    others = [i for i in items if not country_code(i) and fold(i) not in REGION_CITIES]
    if any(_exact_locations(item) for item in others):  # "(Paris, EU)": a region besides
        return None
    return countries.pop()


# the words before a city that say the data lies there ("Servidores en París", "Server in
# Frankfurt", "Serveurs à Paris", "Servidores em Lisboa", "Rechenzentrum im ..."), folded
_PLACE_PREPOSITIONS = frozenset({"in", "en", "a", "em", "im", "te", "at", "nel", "dans", "bei"})


def _head_city(head: str) -> tuple[str, str] | None:
    """(the city as written, its country) of a head that is a city, or ends with one after a
    preposition ("Servidores en París"); None otherwise."""
    whole = REGION_CITIES.get(fold(head))
    if whole is not None:
        return head.strip(), whole
    words = head.split()
    folded = [fold(w) for w in words]
    for size in (3, 2, 1):
        if len(words) > size and folded[-size - 1] in _PLACE_PREPOSITIONS:
            code = REGION_CITIES.get(" ".join(folded[-size:]))
            if code is not None:
                return " ".join(words[-size:]), code
    return None


def _city_in_region(item: str) -> tuple[Location, ...]:
    """A city with the region it lies in in parentheses ("Frankfurt (EU)", "Paris (UE)"): the
    city's country, as "EU (Frankfurt)" is. Empty unless the head is one city of
    `REGION_CITIES` and the parentheses name regions only: a city alone is not read ("Paris,
    Texas" is no France), nor one named with a state or another country ("Paris (Texas)")."""
    match = _QUALIFIED.match(item)
    if match is None:
        return ()
    city = _head_city(match.group("head"))
    places = _exact_locations(match.group("inner"))
    if city is None or not places:
        return ()
    code = city[1]
    # the parentheses say where the city lies: regions, or the city's own country with them
    # ("Servidores en Fráncfort (Alemania, UE)")
    if any(p.kind is not LocationKind.REGION and p.code != code for p in places):
        return ()
    return (Location(code, LocationKind.COUNTRY),)


def city_note(text: str) -> str:
    """The note of a mark on locations read from `text`: which cities were read as their
    country (a city is where the data lies; its country is what the register keeps)."""
    notes = []
    for item in _items(text):
        cities = _cities_read(item)
        if not cities:
            continue
        country = country_name(REGION_CITIES[fold(cities[0])])
        if len(cities) == 1:
            note = _("read as {country} (the country of the city «{city}»)")
            notes.append(note.format(country=country, city=cities[0]))
        else:
            note = _("read as {country} (the country of the cities «{cities}»)")
            notes.append(note.format(country=country, cities=", ".join(cities)))
    return "; ".join(notes)


def _cities_read(item: str) -> list[str]:
    """The cities, as written, an item's country was read from: the city before a region
    ("Frankfurt (EU)", "Servidores en París (UE)"), or the cities inside a region's parentheses
    ("EU (Frankfurt)", "EU (Falkenstein/Nuernberg)")."""
    match = _QUALIFIED.match(item)
    if match is None:
        return []
    if _city_in_region(item) and (found := _head_city(match.group("head"))):
        return [found[0]]
    if _place_in_region(item):
        return _cities_alone(match.group("inner"))
    return []


def _cities_alone(inner: str) -> list[str]:
    """The cities a parenthesis names when it names no country ("Falkenstein/Nuernberg")."""
    items = [item.strip() for item in _ITEM_SEPARATOR.split(inner) if item.strip()]
    if any(country_code(item) for item in items):
        return []
    return [item for item in items if fold(item) in REGION_CITIES]


def _capital_alias(phrase: str, raw: str) -> str | None:
    code = CAPITAL_ALIASES.get(phrase)
    written = r"\W*".join(re.escape(part.upper()) for part in phrase.split())
    return code if code and re.search(rf"\b{written}\b", raw) else None


def _exact_locations(item: str) -> tuple[Location, ...]:
    found: list[Location] = []

    def add(code: str, kind: LocationKind) -> None:
        location = Location(code, kind)
        if location not in found:
            found.append(location)

    words = fold(item).split()
    raw = item.strip()
    if len(words) == 1 and len(raw) in (2, 3) and raw.isupper():
        whole = REGION_ALIASES.get(words[0])
        if whole:
            return (Location(whole, LocationKind.REGION),)
        code = country_code(raw)
        if code:
            return (Location(code, LocationKind.COUNTRY),)
    i = 0
    while i < len(words):
        for size in range(min(MAX_WORDS, len(words) - i), 0, -1):
            phrase = " ".join(words[i : i + size])
            if phrase in REGION_ALIASES and (
                size > 1
                or (len(phrase) > 2 and phrase not in _ACRONYMS)
                or re.search(rf"\b{phrase.upper()}\b", raw)
            ):
                add(REGION_ALIASES[phrase], LocationKind.REGION)
                i += size
                break
            code = _names().get(phrase) or _capital_alias(phrase, raw)
            city = i + size < len(words) and words[i + size] in _CITY_WORDS
            short_ok = phrase in COUNTRY_ALIASES or phrase in CAPITAL_ALIASES
            if code and (len(phrase) > 3 or short_ok) and not city:
                add(code, LocationKind.COUNTRY)
                i += size
                break
        else:
            i += 1
    return tuple(found)


def format_location(location: Location) -> str:
    return location.code
