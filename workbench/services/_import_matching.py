"""How imported rows find the records they update: names, organisations, links.

Matching rule (documented for the DPO, shown in the preview):
- a treatment matches a stored treatment of the same organisation and role whose name is the same
  once case, accents, punctuation and spacing are ignored. No fuzzy matching: "Gestion de compte
  Patient" and "Gestion de compte Praticien" are different activities one letter apart;
- a subprocessor matches a stored subprocessor of the same organisation by its vendor key: the
  name folded, without a parenthesised part ("Twilio (SendGrid)" -> "twilio"), without company
  suffixes (Inc., LLC, SAS, GmbH...) and spaces ("New Relic" = "Newrelic"); failing that, a
  rapidfuzz ratio >= 92 on keys of at least 6 letters (typos: "Cloudfare"). The parenthesised
  part is never used to match, so "SendGrid", a vendor of its own, stays distinct from
  "Twilio (SendGrid)";
- a matched record keeps its stored name; the file updates its other fields;
- an organisation matches by its folded name, or by the name without or inside its parentheses
  ("Podalire (Medaviz)" matches "Podalire"; a later "Medaviz" in the same file then matches it
  too). A missing organisation is created.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from rapidfuzz import fuzz, process

from importers.cleaning import fold

LEGAL_SUFFIXES = frozenset(
    {
        "inc",
        "llc",
        "ltd",
        "limited",
        "sas",
        "sasu",
        "sarl",
        "sa",
        "gmbh",
        "ag",
        "bv",
        "nv",
        "plc",
        "corp",
        "corporation",
        "co",
        "company",
        "srl",
        "spa",
        "ab",
        "oy",
        "as",
        "se",
    }
)
_PAREN = re.compile(r"\([^)]*\)")
FUZZY_CUTOFF = 92
FUZZY_MIN_LENGTH = 6


def treatment_key(name: str) -> str:
    return fold(name)


def vendor_key(name: str) -> str:
    words = fold(_PAREN.sub(" ", name)).split()
    while len(words) > 1 and words[-1] in LEGAL_SUFFIXES:
        words.pop()
    return "".join(words) or fold(name).replace(" ", "")


def organisation_keys(name: str) -> list[str]:
    """Keys to try, best first: the whole name, the name outside parentheses, inside them."""
    keys = [fold(name), fold(_PAREN.sub(" ", name))]
    keys += [fold(inner) for inner in re.findall(r"\(([^)]*)\)", name)]
    return [k for k in dict.fromkeys(keys) if k]


class VendorIndex:
    """Vendor key -> id for one organisation's subprocessors, with the fuzzy fallback."""

    def __init__(self, names: dict[int, str]) -> None:
        self._by_key: dict[str, int] = {}
        for entity_id, name in names.items():
            self._by_key.setdefault(vendor_key(name), entity_id)

    def find(self, name: str) -> int | None:
        key = vendor_key(name)
        found = self._by_key.get(key)
        if found is not None or len(key) < FUZZY_MIN_LENGTH or not self._by_key:
            return found
        best = process.extractOne(
            key, list(self._by_key), scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF
        )
        return None if best is None else self._by_key[best[0]]

    def add(self, name: str, entity_id: int) -> None:
        self._by_key.setdefault(vendor_key(name), entity_id)


class OrganisationResolver:
    """Organisation name -> id; creates the missing ones through `create` (or placeholders)."""

    def __init__(self, existing: dict[int, str], create: Callable[[str, bool], int]) -> None:
        self._by_key: dict[str, int] = {}
        for entity_id, name in existing.items():
            for key in organisation_keys(name):
                self._by_key.setdefault(key, entity_id)
        self._create = create
        self.created: dict[str, int] = {}

    def resolve(self, name: str, controller: bool = False) -> int:
        keys = organisation_keys(name)
        found = next((self._by_key[k] for k in keys if k in self._by_key), None)
        if found is None:
            found = self._create(name, controller)
            self.created[name] = found
        for key in keys:  # "Podalire (Medaviz)" teaches that "Medaviz" is the same organisation
            self._by_key.setdefault(key, found)
        return found
