"""How imported rows find the records they update: names, organisations, links.

Matching rule (documented for the DPO, shown in the preview):
- a treatment matches a stored treatment of the same organisation and role whose name is the same
  once case, accents, punctuation and spacing are ignored. No fuzzy matching: "Gestion de compte
  Patient" and "Gestion de compte Praticien" are different activities one letter apart;
- a subprocessor matches a stored subprocessor of the same organisation by its vendor key: the
  name folded, without a parenthesised part ("Twilio (SendGrid)" -> "twilio"), without company
  suffixes (Inc., LLC, SAS, GmbH...) and spaces ("New Relic" = "Newrelic"). The parenthesised
  part is never used to match, so "SendGrid", a vendor of its own, stays distinct from
  "Twilio (SendGrid)";
- a near name is never a match, only a *proposal* a person accepts or rejects (OpenRefine's
  reconciliation: a candidate with a score stays a candidate until someone matches it): a
  rapidfuzz ratio >= 90 on keys of at least 6 letters ("Cloudfare" -> "probably Cloudflare").
  Names whose numbers differ are never even proposed ("Laboratoire Biomed 2" is not "Biomed 1");
  a proposal where a whole word differs, or a short word ("Saint-Jeanne"/"Saint-Jean",
  "Dupond"/"Dupont", a first name) is a *near name*: only a decision on that row accepts it,
  never a blanket `--accept-fuzzy`;
- candidates come from blocks (the name's words, the first and last letters of its key), the
  smallest blocks first and at most CANDIDATES of them: the cost of a row does not grow with the
  number of stored vendors (bench/bench_import_matching.py);
- a matched record keeps its stored name; the file updates its other fields;
- an organisation matches by its folded name, or by the name without or inside its parentheses
  ("Podalire (Medaviz)" matches "Podalire"; a later "Medaviz" in the same file then matches it
  too). A missing organisation is created.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

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
FUZZY_CUTOFF = 90
FUZZY_MIN_LENGTH = 6
# Stored keys scored per row, at most (from the smallest blocks): bounds the cost of a row.
CANDIDATES = 32
# A single word that differs by a typo, not a different word: long enough and close enough.
TYPO_MIN_LENGTH = 8
TYPO_WORD_RATIO = 85
_DIGITS = re.compile(r"\d+")


def treatment_key(name: str) -> str:
    return fold(name)


def vendor_key(name: str) -> str:
    return "".join(vendor_words(name)) or fold(name).replace(" ", "")


def organisation_keys(name: str) -> list[str]:
    """Keys to try, best first: the whole name, the name outside parentheses, inside them."""
    keys = [fold(name), fold(_PAREN.sub(" ", name))]
    keys += [fold(inner) for inner in re.findall(r"\(([^)]*)\)", name)]
    return [k for k in dict.fromkeys(keys) if k]


def vendor_words(name: str) -> list[str]:
    """The words of a vendor's name as its key sees them (folded, no parentheses, no suffix)."""
    words = fold(_PAREN.sub(" ", name)).split()
    while len(words) > 1 and words[-1] in LEGAL_SUFFIXES:
        words.pop()
    return words


@dataclass(frozen=True, slots=True)
class Proposal:
    """A stored vendor an imported name is probably the same as; a person decides."""

    existing_id: int
    existing_name: str
    score: int  # rapidfuzz ratio of the two keys, 0-100
    near_name: bool  # a whole or short word differs: only a decision on the row accepts it


def near_name(name: str, other: str) -> bool | None:
    """None when the two names can never be the same vendor (their numbers differ); True when
    they differ by a whole word or a short one (a first name, "Dupond"/"Dupont"); False when
    one long word differs by a typo ("Cloudfare"/"Cloudflare")."""
    if _DIGITS.findall(" ".join(vendor_words(name))) != _DIGITS.findall(
        " ".join(vendor_words(other))
    ):
        return None
    words, others = vendor_words(name), vendor_words(other)
    only = [w for w in words if w not in others]
    only_other = [w for w in others if w not in words]
    if len(only) != 1 or len(only_other) != 1:
        return bool(only or only_other) and "".join(words) != "".join(others)
    a, b = only[0], only_other[0]
    if min(len(a), len(b)) < TYPO_MIN_LENGTH or a.startswith(b) or b.startswith(a):
        return True
    return bool(fuzz.ratio(a, b) < TYPO_WORD_RATIO)


def _blocks(key: str, words: list[str]) -> set[str]:
    """Where a near name of this vendor is looked for: its words, and the first and last letters
    of each (a typo leaves at least one of the three intact), its numbers, and the first and last
    letters of the whole key."""
    blocks = {"<" + key[:4], ">" + key[-4:]}
    for word in words:
        if word.isdigit():  # a number is a strong hint ("Fournisseur 00043 Santé Nord")
            blocks.add(word)
        elif len(word) >= 3:
            blocks.update((word, "<" + word[:4], ">" + word[-4:]))
    return blocks


class VendorIndex:
    """Vendor key -> ids for one organisation's subprocessors, with blocked near-name search."""

    def __init__(self, names: dict[int, str]) -> None:
        self._by_key: dict[str, list[int]] = defaultdict(list)
        self._names: dict[int, str] = {}
        self._blocks: dict[str, list[str]] = defaultdict(list)
        for entity_id, name in sorted(names.items()):
            self.add(name, entity_id)

    def __len__(self) -> int:
        return len(self._names)

    def exact(self, name: str) -> list[int]:
        """The stored vendors with this name's key, in id order (several: kept apart)."""
        return list(self._by_key.get(vendor_key(name), ()))

    def find(self, name: str) -> int | None:
        """The first stored vendor with this name's key (links resolve by exact names only)."""
        found = self._by_key.get(vendor_key(name))
        return found[0] if found else None

    def propose(self, name: str) -> Proposal | None:
        """The stored vendor this name is probably the same as, when it has no exact match."""
        words = vendor_words(name)
        key = "".join(words)
        if len(key) < FUZZY_MIN_LENGTH or not self._names:
            return None
        blocks = sorted(
            (self._blocks[b] for b in _blocks(key, words) if b in self._blocks), key=len
        )
        candidates: dict[str, None] = {}
        for block in blocks:
            for candidate in block:
                if len(candidates) >= CANDIDATES:
                    break
                if candidate != key:
                    candidates[candidate] = None
        scored = process.extract(
            key, list(candidates), scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF, limit=5
        )
        for candidate, score, _index in scored:
            existing_id = self._by_key[candidate][0]
            existing = self._names[existing_id]
            kind = near_name(name, existing)
            if kind is not None:
                return Proposal(existing_id, existing, round(score), kind)
        return None

    def add(self, name: str, entity_id: int) -> None:
        key = vendor_key(name)
        if key not in self._by_key:
            for block in _blocks(key, vendor_words(name)):
                self._blocks[block].append(key)
        self._by_key[key].append(entity_id)
        self._names[entity_id] = name


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
