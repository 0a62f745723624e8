"""Reference data shipped in `resources/reference/`: countries, adequacy, mechanisms, HDS.

Loaded once, read-only. Every list cites its source in the JSON file's `_source`.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

REFERENCE_DIR = Path(__file__).resolve().parent.parent.parent / "resources" / "reference"

# Regions the register keeps as regions (never expanded into an invented country).
REGIONS = ("EU", "EEA", "EUROPE", "WORLDWIDE")


@cache
def _load(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((REFERENCE_DIR / name).read_text(encoding="utf-8"))
    return data


@dataclass(frozen=True, slots=True)
class AdequacyDecision:
    code: str
    name: str
    full: bool  # False: only some importers are covered (US DPF, Canada PIPEDA...)
    scope_note: str
    decision: str
    adopted: dt.date | None
    valid_until: dt.date | None
    verified: bool
    kind: str = "country"  # or "international_organisation" (Art. 45(1)), which has no country code
    renewed: dt.date | None = None
    source: str = ""


@dataclass(frozen=True, slots=True)
class MechanismInfo:
    code: str
    article: str
    label_en: str
    label_fr: str
    needs_sa_authorisation: bool
    valid: bool = True  # False: invalidated or repealed, kept so an import records the claim
    source: str = ""

    def label(self, locale: str) -> str:
        return self.label_fr if locale.startswith("fr") else self.label_en


def normalise_country_code(code: str) -> str:
    code = code.strip().upper()
    aliases: dict[str, str] = _load("countries.json")["code_aliases"]
    return aliases.get(code, code)


@cache
def eea_countries() -> frozenset[str]:
    data = _load("countries.json")
    return frozenset(data["eu"] + data["eea_non_eu"] + data["eu_territories_with_own_code"])


@cache
def eu_countries() -> frozenset[str]:
    data = _load("countries.json")
    return frozenset(data["eu"] + data["eu_territories_with_own_code"])


def is_eea(code: str) -> bool:
    return normalise_country_code(code) in eea_countries()


@cache
def adequacy_decisions() -> dict[str, AdequacyDecision]:
    result = {}
    for d in _load("adequacy.json")["decisions"]:
        result[d["code"]] = AdequacyDecision(
            code=d["code"],
            name=d["name"],
            full=d["scope"] == "full",
            scope_note=d.get("scope_note", ""),
            decision=d["decision"],
            adopted=_date(d.get("adopted")),
            valid_until=_date(d.get("valid_until")),
            verified=bool(d.get("verified")),
            kind=d.get("kind", "country"),
            renewed=_date(d.get("renewed")),
            source=d.get("source", ""),
        )
    return result


def adequacy_for(code: str, on: dt.date | None = None) -> AdequacyDecision | None:
    """The Art. 45 decision covering `code` on date `on` (today when omitted), if any."""
    decision = adequacy_decisions().get(normalise_country_code(code))
    if decision is None:
        return None
    on = on or dt.date.today()
    if decision.adopted and on < decision.adopted:
        return None
    if decision.valid_until and on > decision.valid_until:
        return None
    return decision


@cache
def transfer_mechanisms() -> dict[str, MechanismInfo]:
    return {
        m["code"]: MechanismInfo(
            m["code"],
            m["article"],
            m["en"],
            m["fr"],
            m["sa_authorisation"],
            m.get("valid", True),
            m.get("source", ""),
        )
        for m in _load("transfer_mechanisms.json")["mechanisms"]
    }


@cache
def hds_activity_labels(locale: str = "fr") -> dict[int, str]:
    key = "fr" if locale.startswith("fr") else "en"
    return {a["number"]: a[key] for a in _load("hds_activities.json")["activities"]}


def hds_v2_applies_from() -> dt.date:
    return dt.date.fromisoformat(_load("hds_activities.json")["v2_applies_from"])


def hds_v2_transition_ends() -> dt.date:
    """After this date only HDS v2 certificates are valid (arrêté du 26 avril 2024, 24 months)."""
    return dt.date.fromisoformat(_load("hds_activities.json")["v2_transition_ends"])


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None
