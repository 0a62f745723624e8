from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field, make_dataclass
from enum import StrEnum
from typing import Any

import pytest

from workbench.domain import (
    Audit,
    AuditAction,
    AuditRequester,
    AuditType,
    DataCategory,
    DataSensitivity,
    LegalBasis,
    Location,
    LocationKind,
    Provenance,
    Retention,
    RetentionUnit,
    Subprocessor,
    TransferMechanism,
    Treatment,
)
from workbench.domain.codec import from_dict, to_dict


def test_treatment_survives_a_json_round_trip_with_nested_values() -> None:
    treatment = Treatment(
        organisation_id=3,
        name="Gestion de compte Patient",
        data_categories=(
            DataCategory("Nom", DataSensitivity.STANDARD, "Patients"),
            DataCategory("Antécédents médicaux", DataSensitivity.HEALTH, "Patients"),
        ),
        legal_basis=LegalBasis.CONTRACT,
        retention=Retention(
            "5 ans à compter de la dernière mise en relation", 5, RetentionUnit.YEAR
        ),
        subprocessor_ids=(4, 9),
        next_review_on=dt.date(2027, 1, 31),
        provenance=Provenance("annexe1.docx", "Table 1", 2),
        id=12,
        version=3,
    )
    payload = json.loads(json.dumps(to_dict(treatment)))
    assert payload["legal_basis"] == "contract"
    assert payload["next_review_on"] == "2027-01-31"
    assert payload["data_categories"][1] == {
        "name": "Antécédents médicaux",
        "sensitivity": "health",
        "subject": "Patients",
    }
    assert from_dict(Treatment, payload) == treatment


def test_optional_enum_and_empty_nested_values_decode_to_none() -> None:
    subprocessor = Subprocessor(
        organisation_id=1,
        name="OVH Cloud US LLC",
        locations=(Location("US", LocationKind.COUNTRY, "Oregon or Virginia"),),
        transfer_mechanism=None,
    )
    decoded = from_dict(Subprocessor, to_dict(subprocessor))
    assert decoded.transfer_mechanism is None
    assert decoded.provenance is None
    assert decoded.locations[0].kind is LocationKind.COUNTRY
    with_mechanism = from_dict(Subprocessor, to_dict(subprocessor) | {"transfer_mechanism": "BCR"})
    assert with_mechanism.transfer_mechanism is TransferMechanism.BCR


def test_unknown_keys_from_an_older_or_newer_snapshot_are_ignored() -> None:
    audit = Audit(
        organisation_id=1,
        audit_type=AuditType.GDPR_CONTROLLER,
        requested_by=AuditRequester.PARTNER,
        actions=(AuditAction("Chiffrer les sauvegardes", "RSSI", dt.date(2026, 12, 1)),),
    )
    payload = to_dict(audit) | {"field_from_the_future": 1}
    assert from_dict(Audit, payload) == audit


def test_a_treatment_snapshot_from_before_recipient_records_and_dpia_status_still_reads() -> None:
    """Journal entries are never rewritten: an undo or an "as of" read of an entry written
    before recipients became records and the DPIA flag a status must still decode."""
    from workbench.domain import codec
    from workbench.domain.enums import DpiaStatus, RecipientKind
    from workbench.domain.records import Recipient, Treatment

    old = {"organisation_id": 1, "name": "Paie", "recipients": ["URSSAF"], "dpia_required": True}
    treatment = codec.from_dict(Treatment, old)
    assert treatment.recipients == (Recipient("URSSAF", RecipientKind.OTHER),)
    assert treatment.dpia.status is DpiaStatus.REQUIRED
    assert codec.from_dict(Treatment, old | {"dpia_required": None}).dpia.status is (
        DpiaStatus.UNKNOWN
    )
    assert "dpia_required" in old  # the snapshot itself is left as written


# Record types of this test only: one field of each kind of type hint the codec decodes.
class Colour(StrEnum):
    RED = "red"
    BLUE = "blue"


@dataclass(frozen=True)
class Leaf:
    label: str
    on: dt.date | None = None


@dataclass(frozen=True)
class Every:
    name: str
    count: int = 0
    colour: Colour | None = None
    colours: frozenset[Colour] = frozenset()
    day: dt.date | None = None
    moment: dt.datetime | None = None
    leaf: Leaf | None = None
    leaves: tuple[Leaf | None, ...] = ()
    groups: tuple[tuple[Leaf, ...], ...] = ()
    words: tuple[str, ...] = ()
    either: int | str | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    anything: Any = None
    later: Later | None = None  # a record type defined below this one


@dataclass(frozen=True)
class Later:
    every: Every | None = None  # refers back: decoders are looked up when decoding


def test_every_kind_of_field_decodes_from_its_json() -> None:
    moment = dt.datetime(2026, 12, 1, 21, 30, tzinfo=dt.UTC)
    record = Every(
        name="x",
        count=3,
        colour=Colour.RED,
        colours=frozenset({Colour.RED, Colour.BLUE}),
        day=dt.date(2026, 6, 30),
        moment=moment,
        leaf=Leaf("a", dt.date(2027, 1, 1)),
        leaves=(Leaf("b"), None),
        groups=((Leaf("c"),), ()),
        words=("un", "deux"),
        either="texte",
        extra={"k": [1, 2]},
        anything={"free": True},
        later=Later(Every(name="inner", colour=Colour.BLUE)),
    )
    payload = json.loads(json.dumps(to_dict(record)))
    assert from_dict(Every, payload) == record
    decoded = from_dict(Every, payload)
    assert type(decoded.leaves) is tuple
    assert type(decoded.colours) is frozenset
    assert decoded.later is not None
    assert decoded.later.every is not None
    assert decoded.later.every.colour is Colour.BLUE


def test_values_read_from_columns_are_kept_and_none_stays_none() -> None:
    moment = dt.datetime(2026, 12, 1, 21, 30)
    decoded = from_dict(
        Every,
        {"name": "x", "day": dt.date(2026, 1, 2), "moment": moment, "leaf": None, "colour": None},
    )
    assert decoded.day == dt.date(2026, 1, 2)
    assert decoded.moment is moment
    assert decoded.leaf is None
    assert decoded.colour is None
    assert decoded.count == 0  # absent: the field's default


def test_a_field_added_to_a_record_type_decodes_without_codec_change() -> None:
    # Another record version: a tuple of nested records added (as engineers add fields).
    grown = make_dataclass(
        "Grown",
        [("name", str), ("sites", tuple[Leaf, ...], field(default=()))],
        frozen=True,
    )
    payload = {"name": "n", "sites": [{"label": "Paris", "on": "2026-01-31"}], "gone": 1}
    decoded = from_dict(grown, payload)
    assert decoded.sites == (Leaf("Paris", dt.date(2026, 1, 31)),)
    assert from_dict(grown, {"name": "n"}).sites == ()


def test_a_bad_value_fails_as_before() -> None:
    with pytest.raises(ValueError, match="'green' is not a valid Colour"):
        from_dict(Every, {"name": "x", "colour": "green"})
    with pytest.raises(TypeError):
        from_dict(Colour, {"name": "x"})  # not a record type


def test_identical_nested_values_decode_to_one_shared_record() -> None:
    payload = {"name": "x", "leaves": [{"label": "a"}, {"label": "a"}, {"label": "b"}]}
    first, second = from_dict(Every, payload), from_dict(Every, payload)
    assert first.leaves[0] is first.leaves[1] is second.leaves[0]  # frozen: nothing can tell
    assert first.leaves[2] == Leaf("b")
    assert from_dict(Every, {"name": "x", "leaf": {"label": 1}}).leaf == Leaf(1)  # type: ignore[arg-type]
    assert type(from_dict(Every, {"name": "x", "leaf": {"label": True}}).leaf.label) is bool  # type: ignore[union-attr]
