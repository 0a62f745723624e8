"""gettext for the whole application.

`_` translates in the current UI language; `N_` only marks a module-level constant for
extraction. Documents (exports, letters) take their own language: `translator(locale)` gives
a `gettext` function for that language without touching the UI's.
Never installed into builtins: import these names explicitly.
"""

from __future__ import annotations

import datetime as dt
import gettext as _gettext
from functools import cache
from pathlib import Path

# One catalog per area, so each area's translators work on their own file; chained at load.
DOMAINS = ("core", "importers", "exporters", "ui")
LOCALE_DIR = Path(__file__).resolve().parent.parent / "resources" / "locale"
SUPPORTED_LOCALES = ("fr", "en")
DEFAULT_LOCALE = "fr"

_current: _gettext.NullTranslations = _gettext.NullTranslations()
_current_locale = "en"


@cache
def _translations(locale: str) -> _gettext.NullTranslations:
    chain = _gettext.NullTranslations()
    for domain in DOMAINS:
        catalog = _gettext.translation(domain, LOCALE_DIR, languages=[locale], fallback=True)
        if type(catalog) is not _gettext.NullTranslations:
            if type(chain) is _gettext.NullTranslations:
                chain = catalog
            else:
                chain.add_fallback(catalog)
    return chain


def setup_i18n(locale: str) -> None:
    """Switch the UI language. English is the source language of the catalogs."""
    global _current, _current_locale  # noqa: PLW0603 - the process has one UI language
    _current = _translations(locale)
    _current_locale = locale


def current_locale() -> str:
    return _current_locale


def _(message: str) -> str:
    return _current.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _current.ngettext(singular, plural, n)


def N_(message: str) -> str:  # noqa: N802 - gettext convention
    return message


class DocumentTranslator:
    """gettext for one document language, independent of the UI language."""

    def __init__(self, locale: str) -> None:
        self.locale = locale
        self._t = _translations(locale)

    def gettext(self, message: str) -> str:
        return self._t.gettext(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self._t.ngettext(singular, plural, n)


def translator(locale: str) -> DocumentTranslator:
    return DocumentTranslator(locale)


def sentence_date(day: dt.date) -> str:
    """A date inside a sentence, as the current language writes it: "31 octobre 2025",
    "October 31, 2025" (check messages; table cells use ui.labels.date_text, files ISO dates)."""
    from babel.dates import format_date  # its locale data only when a date is shown

    return format_date(day, format="long", locale=_current_locale)
