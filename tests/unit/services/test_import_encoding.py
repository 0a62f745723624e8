"""A bulk-created record encoded once: its row and snapshot text are what the slow path gives."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from typing import Any

import pytest

from workbench.domain import codec
from workbench.domain.enums import (
    DataSensitivity,
    DpiaStatus,
    InferenceOrigin,
    LegalBasis,
    RecipientKind,
    RetentionUnit,
    Role,
    SubprocessorCategory,
    TransferMechanism,
)
from workbench.domain.records import (
    DataCategory,
    Dpia,
    Location,
    Provenance,
    Recipient,
    Retention,
    Subprocessor,
    Treatment,
    Unconfirmed,
)
from workbench.services import Register
from workbench.services._import_encoding import RecordEncoder, replacer
from workbench.services._journal import canonical

TREATMENT = Treatment(
    organisation_id=3,
    name='Téléconsultation "vidéo" \\ 🩺',
    role=Role.PROCESSOR,
    purpose="ligne 1\nligne 2\t\x01",
    controller_ids=(2, 7),
    data_subjects=("Patients", "Praticiens"),
    data_categories=(
        DataCategory("NIR", DataSensitivity.NIR),
        DataCategory("Antécédents", DataSensitivity.HEALTH, "Patients"),
    ),
    legal_basis=LegalBasis.CONTRACT,
    retention=Retention("5 ans", 5, RetentionUnit.YEAR, "la fin"),
    recipients=(Recipient("Service client", RecipientKind.OTHER, "tickets"),),
    dpia=Dpia(DpiaStatus.DONE, "revue", dt.date(2026, 1, 31)),
    created_on=dt.date(2024, 4, 30),
    provenance=Provenance("registre.xlsx", "Registre", 12),
    unconfirmed=(Unconfirmed("role", InferenceOrigin.DEFAULT, "", "Rôle", 12, "par défaut"),),
)
SUBPROCESSOR = Subprocessor(
    organisation_id=1,
    name="OVH",
    category=SubprocessorCategory.HOSTING,
    locations=(Location("FR"),),
    transfer_mechanism=TransferMechanism.NONE_INTRA_EEA,
    optional=True,
    chain_level=2,
)


@pytest.mark.parametrize(
    "record",
    [
        TREATMENT,
        Treatment(organisation_id=1, name="Minimal"),
        # values not of their declared type take the generic path, with the same result
        dataclasses.replace(TREATMENT, notes=None, provenance=None),  # type: ignore[arg-type]
        dataclasses.replace(TREATMENT, data_subjects=["liste"]),  # type: ignore[arg-type]
        SUBPROCESSOR,
    ],
)
def test_a_record_encoded_once_gives_the_slow_paths_snapshot_text_and_row(
    register: Register, record: Any
) -> None:
    mapper = (
        register.treatments.mapper
        if isinstance(record, Treatment)
        else register.subprocessors.mapper
    )
    encoder = RecordEncoder(mapper, ("created_at",))
    row, head, tail = encoder.encode(record)
    stored = dataclasses.replace(record, id=41, version=1)
    assert encoder.snapshot(head, 41, tail) == canonical(codec.to_dict(stored))
    assert encoder.columns[0] == "id"
    assert encoder.columns[-2:] == ("version", "created_at")
    expected = mapper.row_values(record) | {"version": 1}
    values = dict(zip(encoder.columns[1:-1], row[1:], strict=True))
    assert values.keys() == expected.keys()
    table = mapper.model_cls.__table__
    for name, value in values.items():
        if name in table.c and type(table.c[name].type).__name__ == "JSON":
            assert json.loads(value) == expected[name], name  # the snapshot's own text
        else:
            assert value == expected[name], name


@pytest.mark.parametrize("record", [TREATMENT, SUBPROCESSOR])
def test_a_replacer_gives_what_dataclasses_replace_gives(record: Any) -> None:
    names = ("organisation_id", "name", "provenance")
    values = (9, "Autre nom", Provenance("autre.xlsx", "Feuille", 3))
    replaced = replacer(type(record), names)(record, *values)
    assert replaced == dataclasses.replace(record, **dict(zip(names, values, strict=True)))
    with pytest.raises(TypeError, match="no init field"):
        replacer(type(record), ("organisation_id", "colour"))


@pytest.mark.parametrize(
    ("record", "given", "values"),
    [
        (
            TREATMENT,
            ("organisation_id", "controller_ids", "processor_ids", "subprocessor_ids"),
            (7, (2, 5), (), (3,)),
        ),
        # a value not of its declared type takes the generic path, the given values kept
        (
            dataclasses.replace(TREATMENT, notes=None),  # type: ignore[arg-type]
            ("organisation_id", "controller_ids", "processor_ids", "subprocessor_ids"),
            (7, (), (4,), ()),
        ),
        (SUBPROCESSOR, ("organisation_id", "chain_level"), (8, 3)),
    ],
)
def test_given_values_encode_as_the_record_that_has_them(
    register: Register, record: Any, given: tuple[str, ...], values: tuple[Any, ...]
) -> None:
    mapper = (
        register.treatments.mapper
        if isinstance(record, Treatment)
        else register.subprocessors.mapper
    )
    placed = dataclasses.replace(record, **dict(zip(given, values, strict=True)))
    assert placed != record
    expected = RecordEncoder(mapper, ("created_at",)).encode(placed)
    assert RecordEncoder(mapper, ("created_at",), given).encode(record, *values) == expected
