from __future__ import annotations

import datetime as dt
import json

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
