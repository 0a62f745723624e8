"""French typography for every document the workbench writes (Word, Excel, CSV, letters).

Rules of the *Lexique des règles typographiques en usage à l'Imprimerie nationale*, as summed up
in https://sophieviguiercorrectrice.com/pages/mes-orthotrucs/ponctuation/ponctuation-et-espaces.html
and https://www.gassendi.asso.fr/site3/9-blog/84-quelques-regles-simples-en-matiere-de-typographie.html:
- the colon takes a non-breaking word space before it (U+00A0);
- the semicolon, the exclamation and the question mark take a narrow non-breaking space (U+202F);
- French quotation marks take a non-breaking space inside: « texte »;
- the first day of a month is written "1er" ("1er avril 2026"), the other days as numbers.

Only a space already there is made non-breaking: a source's "dba: Smsmode" or "https://" is
data, and adding a space inside it would change what the source says. Quotation marks are the
exception: « and » are French by construction, and their inner space is always added.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

NBSP = "\u00a0"  # espace insécable (mot)
NNBSP = "\u202f"  # espace fine insécable

_BEFORE_COLON = re.compile(r"[ \u00a0\u202f]+:")
_BEFORE_HIGH = re.compile(r"[ \u00a0\u202f]+([;!?])")
_AFTER_OPENING = re.compile(r"«[ \u00a0\u202f]*")
_BEFORE_CLOSING = re.compile(r"[ \u00a0\u202f]*»")


def french_spacing(text: str) -> str:
    """`text` with the spaces of French punctuation made non-breaking (see the module notes)."""
    if not text:
        return text
    if ":" in text:
        text = _BEFORE_COLON.sub(NBSP + ":", text)
    if ";" in text or "!" in text or "?" in text:
        text = _BEFORE_HIGH.sub(NNBSP + r"\1", text)
    if "«" in text or "»" in text:
        text = _AFTER_OPENING.sub("«" + NBSP, text)
        text = _BEFORE_CLOSING.sub(NBSP + "»", text)
    return text


def typography(language: str) -> Callable[[str], str]:
    """The text fixer for a document in `language`: French spacing, or the text unchanged."""
    return french_spacing if language.startswith("fr") else _unchanged


def _unchanged(text: str) -> str:
    return text


def french_day(day: dt.date, long_date: str) -> str:
    """ "1 avril 2026" (CLDR's long date) -> "1er avril 2026"; other days unchanged."""
    if day.day == 1 and long_date.startswith("1 "):
        return "1er" + long_date[1:]
    return long_date
