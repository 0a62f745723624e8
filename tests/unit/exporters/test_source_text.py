"""A source's location wording is kept, as written, only where it says more than the countries."""

from __future__ import annotations

import pytest

from exporters._labels import DocText
from exporters._source_text import location_as_written
from workbench.domain.enums import LocationKind
from workbench.domain.records import Location, Subprocessor

US, FR, DE, BE = Location("US"), Location("FR"), Location("DE"), Location("BE")
EU = Location("EU", LocationKind.REGION)


@pytest.mark.parametrize(
    ("written", "locations"),
    [
        ("Localisation centre de données : États-Unis", (US,)),
        ("Localisation centre de données : Union Européenne", (EU,)),
        ("Germany\nBelgium", (DE, BE)),
        ("France ou Allemagne", (FR, DE)),
        ("USA (datacenters located in Oregon or Virginia)", (Location("US", detail="x"),)),
        ("", (FR,)),
    ],
)
def test_wording_that_only_names_the_countries_is_not_repeated(
    written: str, locations: tuple[Location, ...]
) -> None:
    sub = Subprocessor(organisation_id=1, name="S", location_text=written, locations=locations)
    assert location_as_written(DocText("fr"), sub) == ""


@pytest.mark.parametrize(
    ("written", "locations"),
    [
        (
            "Localisation centre de données : USA mais les données de ces services font l'objet "
            "d'une sauvegarde dans l'UE (France).",
            (US,),
        ),
        ("données hébergées et gérées par Medaviz", (FR, DE)),
        ("Germany\nBelgium", (DE,)),  # a country the register does not hold
    ],
)
def test_wording_that_says_more_is_kept_as_written(
    written: str, locations: tuple[Location, ...]
) -> None:
    sub = Subprocessor(organisation_id=1, name="S", location_text=written, locations=locations)
    assert location_as_written(DocText("fr"), sub) == written
