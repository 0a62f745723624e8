"""A place cell says more than the place: a city with its region, a transfer tool with the
country.

Written on Struktora's "Datenstandort" ("Frankfurt (EU)", "USA + SCC"); the tables here are
French, English and Spanish, hand-written.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from importers.countries import approximation_note
from tests.unit.importers.place_tables import codes, csv_subprocessors
from workbench.domain.enums import InferenceOrigin, TransferMechanism
from workbench.domain.records import Subprocessor


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Frankfurt (EU)", ["DE"]),
        ("Paris (UE)", ["FR"]),
        ("Dublin (EEA)", ["IE"]),
        ("Amsterdam (EU/EWR)", ["NL"]),
        ("EU (Frankfurt)", ["DE"]),  # the region first: read so since issue-14t
    ],
)
def test_a_city_with_its_region_is_its_country(text: str, expected: list[str]) -> None:
    assert codes(text) == expected
    assert "the country of the city" in approximation_note(text)


@pytest.mark.parametrize("text", ["Frankfurt", "Paris, Texas", "Paris (Texas)"])
def test_a_city_alone_or_with_a_state_is_not_read(text: str) -> None:
    assert codes(text) == []


def test_a_tool_in_the_place_cell_is_the_mechanism_and_marked(tmp_path: Path) -> None:
    records = csv_subprocessors(
        tmp_path,
        [
            ["Sous-traitant", "Finalité", "Localisation"],
            ["Brevo", "E-mails", "France"],
            ["Stripe", "Paiement", "États-Unis + CCT"],
            ["Intercom", "Support", "United States (DPF)"],
        ],
    )
    assert [codes_of(r) for r in records] == [["FR"], ["US"], ["US"]]
    mechanisms = [r.transfer_mechanism for r in records]
    assert mechanisms[0] is None
    assert mechanisms[1] is not None
    assert mechanisms[1].value.startswith("SCC_EU")
    assert mechanisms[2] is TransferMechanism.ADEQUACY_US_DPF
    for record in records[1:]:
        (mark,) = [m for m in record.unconfirmed if m.field == "transfer_mechanism"]
        assert mark.origin is InferenceOrigin.READ_FROM_TEXT


def test_a_transfer_column_keeps_its_say_over_the_place_cell(tmp_path: Path) -> None:
    records = csv_subprocessors(
        tmp_path,
        [
            ["Subencargado", "Ubicación", "Garantías"],
            ["Stripe", "EE. UU. + SCC", "DPF"],
            ["Mailgun", "EE. UU.", "DPF"],
        ],
    )
    assert [r.transfer_mechanism for r in records] == [TransferMechanism.ADEQUACY_US_DPF] * 2


def codes_of(record: Subprocessor) -> list[str]:
    return [location.code for location in record.locations]
