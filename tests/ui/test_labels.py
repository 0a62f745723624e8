"""Every closed list the forms show reads in words, in French and in English."""

from __future__ import annotations

import enum
import inspect

import pytest

from ui.labels import enum_label
from workbench.domain import enums

# shown by other means: mechanisms from the reference data, location kinds never shown
NOT_LISTED = {enums.TransferMechanism, enums.LocationKind}
SHOWN = [
    member
    for _name, cls in inspect.getmembers(enums, inspect.isclass)
    if issubclass(cls, enum.Enum) and cls.__module__ == enums.__name__ and cls not in NOT_LISTED
    for member in cls
]


@pytest.mark.parametrize("member", SHOWN, ids=lambda m: f"{type(m).__name__}.{m.name}")
def test_every_enum_value_has_a_label(member: enum.Enum) -> None:
    assert enum_label(member) != member.value


def test_finding_severities_in_french(french: None) -> None:
    assert [enum_label(s) for s in enums.FindingSeverity] == ["Majeur", "Mineur", "Observation"]
