"""Cell text as people write it -> clean text and lists of values. Pure functions.

Seed cells carry HTML fragments (`<p>`, `<ul><li>`, `<i>`, `&nbsp;`), bullet lists written by hand
("- Civilité, - Nom"), Word's soft hyphens and non-breaking spaces.
"""

from __future__ import annotations

import html
import re
import unicodedata
from functools import lru_cache

SOFT_HYPHEN = "\u00ad"
SPACES = {"\u00a0": " ", "\u202f": " ", "\u2007": " ", "\u2009": " ", "\u200b": "", "\ufeff": ""}
_SPACE_TABLE = str.maketrans({SOFT_HYPHEN: "", **SPACES, "\r": ""})
_APOSTROPHES = str.maketrans(dict.fromkeys("\u2019\u2018\u02bc\u00b4\u2032", " "))
# A tag is an HTML element's name right after "<" or "</" (no space: "x < y > z" is text), then
# its attributes; only HTML's elements count (those rich-text cells carry, and the active ones,
# script, iframe..., removed as before), so "a <b and c> d" is a tag but "<Nom du patient>" or
# "débit <100 Mo>" are text.
_HTML_ELEMENTS = (
    "a|abbr|b|big|blockquote|body|br|button|code|del|div|em|embed|font|form|h[1-6]|head|hr|html|"
    "i|iframe|img|input|ins|li|link|mark|math|meta|object|ol|p|pre|q|s|script|small|span|strike|"
    "strong|style|sub|sup|svg|table|tbody|td|tfoot|th|thead|title|tr|u|ul"
)
_TAG = re.compile(
    rf"<(/?)({_HTML_ELEMENTS})(?=[\s/>])(?:[^<>\"']|\"[^\"]*\"|'[^']*')*>", re.IGNORECASE
)
_BLOCK_TAGS = {"p", "div", "br", "li", "ul", "ol", "tr", "h1", "h2", "h3", "h4", "table"}
BULLETS = ("- ", "• ", "– ", "— ", "* ", "· ", "▪ ", "◦ ", "o ")
_BULLET_SPLIT = re.compile(r"(?:^|\s)[-•–—▪◦·](?=\s)")
_MULTI_SPACE = re.compile(r"[ \t]+")


def normalise_spaces(text: str) -> str:
    """NBSP and friends to spaces, soft hyphens and zero-width marks out, CRLF to LF."""
    return text.translate(_SPACE_TABLE)


def has_markup(text: str) -> bool:
    return "<" in text and _TAG.search(text) is not None


def html_to_lines(text: str) -> list[tuple[str, bool]]:
    """Lines of an HTML fragment, each with whether it was in italics (a description)."""
    lines: list[tuple[str, bool]] = []
    current: list[str] = []
    italic_depth = 0
    current_italic = True  # a line is italic when all its text is
    has_text = False
    pos = 0

    def flush() -> None:
        nonlocal current, current_italic, has_text
        line = _MULTI_SPACE.sub(" ", html.unescape("".join(current))).strip()
        if line:
            lines.append((normalise_spaces(line).strip(), current_italic and has_text))
        current, current_italic, has_text = [], True, False

    for match in _TAG.finditer(text):
        chunk = text[pos : match.start()]
        if chunk.strip():
            current.append(chunk)
            has_text = True
            current_italic = current_italic and italic_depth > 0
        elif chunk:
            current.append(" ")
        closing, tag = match.group(1) == "/", match.group(2).lower()
        if tag in ("i", "em"):
            if not closing and current and has_text and italic_depth == 0:
                flush()  # "Name <i>description</i>": the description starts a new line
            italic_depth = max(0, italic_depth + (-1 if closing else 1))
            if closing:
                flush()
        elif tag in _BLOCK_TAGS:
            flush()
        pos = match.end()
    chunk = text[pos:]
    if chunk.strip():
        current.append(chunk)
        has_text = True
        current_italic = current_italic and italic_depth > 0
    flush()
    return lines


def strip_markup(text: str) -> str:
    """An HTML fragment (or plain text) as plain text, one line per block."""
    if has_markup(text) or "&" in text:
        return "\n".join(line for line, _italic in html_to_lines(text))
    return text


# What `clean_text` would change: markup or an entity, a character `normalise_spaces` maps, a
# run of spaces or a tab, a blank line, a line's leading or trailing white space (str.strip's
# white space, which is \s and str.isspace). A text with none of them is returned as it is: most
# cells of a big sheet are such texts, each distinct (a name, a purpose), so the cache misses.
# The pattern's alternatives are told one by one (a regular expression of six alternatives
# tried at every position costs 5 µs on a purpose's text, these tests under 2 µs): a character
# of the class, two spaces, white space at either end, white space beside a line break.
_CLEANED_CHARACTER = re.compile("[<&\t\r" + "".join([SOFT_HYPHEN, *SPACES]) + "]")
_SPACE_BY_LINE_BREAK = re.compile(r"\s\n|\n\s")


def _needs_cleaning(text: str) -> bool:
    return bool(
        text[:1].isspace()
        or text[-1:].isspace()
        or "  " in text
        or _CLEANED_CHARACTER.search(text)
        or ("\n" in text and _SPACE_BY_LINE_BREAK.search(text))
    )


@lru_cache(maxsize=4096)
def clean_text(text: str) -> str:
    """Plain text, single spaces, lines kept, blank lines dropped."""
    if not text:
        return ""
    if not _needs_cleaning(text):
        return text
    text = normalise_spaces(strip_markup(text))
    lines = (_MULTI_SPACE.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def strip_bullet(line: str) -> str:
    stripped = line.strip()
    for bullet in BULLETS:
        if stripped.startswith(bullet):
            return stripped[len(bullet) :].strip()
    return stripped


@lru_cache(maxsize=4096)
def split_values(text: str) -> tuple[str, ...]:
    """Several values in one cell -> one value each.

    One value per line; bullets ("- ", "• ", "– ") also separate values written on one line
    ("- Civilité, - Nom, - Prénom"); the trailing comma or full stop of a list item goes.
    A line without bullets is kept whole (commas inside a sentence are not separators).
    """
    values: list[str] = []
    for line in clean_text(text).split("\n"):
        stripped = line.strip()
        if not stripped:
            continue
        starts_with_bullet = stripped.startswith(BULLETS)
        parts = _BULLET_SPLIT.split(" " + stripped) if starts_with_bullet else [stripped]
        if not starts_with_bullet and len(_BULLET_SPLIT.findall(" " + stripped)) >= 2:
            # "Historique incluant : – Civilité, – Nom": a lead-in, then the items
            parts = _BULLET_SPLIT.split(" " + stripped)
        for part in parts:
            item = strip_bullet(part).strip().rstrip(",;").strip()
            if item.endswith(".") and not item.endswith("..."):
                item = item[:-1].rstrip()
            if item:
                values.append(item)
    return tuple(values)


_NON_ALNUM = re.compile(r"[^0-9a-z]+")


@lru_cache(maxsize=16384)
def fold(text: str) -> str:
    """Lower case, no accents, punctuation to spaces: for comparing names and headers."""
    # a typographic apostrophe separates words as the straight one does ("l’EEE", "d’adéquation"):
    # dropped with the other non-ASCII marks, it glued them ("leee", "dadequation")
    decomposed = unicodedata.normalize(
        "NFKD", normalise_spaces(text).translate(_APOSTROPHES).casefold()
    )
    plain = decomposed.encode("ascii", "ignore").decode("ascii")
    return " ".join(_NON_ALNUM.sub(" ", plain).split())


def is_mostly_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 3 and sum(c.isupper() for c in letters) / len(letters) >= 0.8


# yes / no in the seven languages (ja: German and Dutch; si: Spanish si, Italian si)
_YES = frozenset({"oui", "yes", "true", "vrai", "1", "x", "o", "y", "ja", "si", "sim"})
_NO = frozenset({"non", "no", "false", "faux", "0", "n", "nein", "nee", "nao"})


def parse_bool(text: str) -> bool | None:
    folded = fold(text)
    if folded in _YES:
        return True
    if folded in _NO:
        return False
    return None
