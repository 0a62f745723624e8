"""Where a location stands with respect to the EU and the EEA (GDPR Chapter V, HDS v2)."""

from __future__ import annotations

from babel import Locale

from workbench.domain.enums import LocationKind
from workbench.domain.records import Location
from workbench.domain.reference import eu_countries, is_eea, normalise_country_code
from workbench.i18n import current_locale

# Regions: "EU" and "EEA" are inside, "WORLDWIDE" is outside; "EUROPE" is ambiguous (CH, GB...)
# and never reported as outside, so that a check does not claim what the register does not say.
_OUTSIDE_REGIONS = frozenset({"WORLDWIDE"})


def outside_eea(location: Location) -> bool:
    if location.kind is LocationKind.REGION:
        return location.code.upper() in _OUTSIDE_REGIONS
    return not is_eea(location.code)


def outside_eu(location: Location) -> bool:
    if location.kind is LocationKind.REGION:
        return location.code.upper() in _OUTSIDE_REGIONS
    return normalise_country_code(location.code) not in eu_countries()


def describe(locations: tuple[Location, ...] | list[Location]) -> str:
    """Country names in the current language ("États-Unis"); regions by their code."""
    territories = Locale.parse(current_locale()).territories
    return ", ".join(
        loc.code
        if loc.kind is LocationKind.REGION
        else territories.get(normalise_country_code(loc.code), loc.code)
        for loc in locations
    )
