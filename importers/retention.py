"""Retention text -> `Retention` (duration, unit, start event). Pure functions; text always kept.

Reads the first period the text states: "5 ans à compter de la dernière mise en relation",
"24 mois après la collecte", "1 month", "Jusqu'à 12 mois après collecte des données",
"au bout de 4 mois", "De 30 à 360 jours" (the upper bound). A text that states no period
("Cf. Gestion des documents Utilisateurs") keeps only its text.
"""

from __future__ import annotations

import re
from functools import lru_cache

from importers.cleaning import clean_text
from workbench.domain.enums import RetentionUnit
from workbench.domain.records import Retention

_UNITS = {
    "an": RetentionUnit.YEAR,
    "ans": RetentionUnit.YEAR,
    "annee": RetentionUnit.YEAR,
    "année": RetentionUnit.YEAR,
    "années": RetentionUnit.YEAR,
    "annees": RetentionUnit.YEAR,
    "year": RetentionUnit.YEAR,
    "years": RetentionUnit.YEAR,
    "yr": RetentionUnit.YEAR,
    "yrs": RetentionUnit.YEAR,
    "mois": RetentionUnit.MONTH,
    "month": RetentionUnit.MONTH,
    "months": RetentionUnit.MONTH,
    "semaine": RetentionUnit.WEEK,
    "semaines": RetentionUnit.WEEK,
    "week": RetentionUnit.WEEK,
    "weeks": RetentionUnit.WEEK,
    "jour": RetentionUnit.DAY,
    "jours": RetentionUnit.DAY,
    "day": RetentionUnit.DAY,
    "days": RetentionUnit.DAY,
}
_WORDS = {
    "un": 1,
    "une": 1,
    "one": 1,
    "deux": 2,
    "two": 2,
    "trois": 3,
    "three": 3,
    "quatre": 4,
    "four": 4,
    "cinq": 5,
    "five": 5,
    "six": 6,
    "sept": 7,
    "seven": 7,
    "huit": 8,
    "eight": 8,
    "neuf": 9,
    "nine": 9,
    "dix": 10,
    "ten": 10,
    "douze": 12,
    "twelve": 12,
    "vingt": 20,
    "twenty": 20,
    "trente": 30,
    "thirty": 30,
}
_NUMBER = r"(?P<number>\d{1,4}|" + "|".join(_WORDS) + r")(?:\s*\(\s*(?P<digits>\d{1,4})\s*\))?"
_UNIT = r"(?P<unit>" + "|".join(sorted(_UNITS, key=len, reverse=True)) + r")\b"
_RANGE = re.compile(r"\bde\s+\d{1,4}\s+(?:à|a|to)\s+" + _NUMBER + r"\s+" + _UNIT, re.IGNORECASE)
_PERIOD = re.compile(r"(?<![\w.])" + _NUMBER + r"\s+" + _UNIT, re.IGNORECASE)
_START = re.compile(
    r"^\W*(?:[àa] compter (?:du |des |de |d')|[àa] partir (?:du |des |de |d')|apr[èe]s |suivant "
    r"|from |after |following )"
    r"(?P<event>[^.;(\n]+?)(?=\s+ou\s+|\s+or\s+|[.;(\n,]|$)",
    re.IGNORECASE,
)


@lru_cache(maxsize=4096)
def parse_retention(text: str) -> Retention:
    cleaned = clean_text(text)
    if not cleaned:
        return Retention()
    match = _RANGE.search(cleaned) or _PERIOD.search(cleaned)
    if match is None:
        return Retention(text=cleaned)
    raw = match.group("digits") or match.group("number")
    number = int(raw) if raw.isdigit() else _WORDS[raw.lower()]
    unit = _UNITS[match.group("unit").lower()]
    if number <= 0:
        return Retention(text=cleaned)
    start = _START.match(cleaned[match.end() :])
    event = start.group("event").strip() if start else ""
    return Retention(text=cleaned, duration=number, unit=unit, start_event=event)
