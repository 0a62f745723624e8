"""Where a location stands with respect to the EU and the EEA (GDPR Chapter V, HDS v2)."""

from __future__ import annotations

from workbench.domain.enums import LocationKind
from workbench.domain.records import Location
from workbench.domain.reference import eu_countries, is_eea, normalise_country_code

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
    return ", ".join(loc.code for loc in locations)
