"""Journal snapshots as a DPO reads them: field labels instead of attribute names, values in
words (enum labels, country names, dates) instead of stored JSON."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter
from dataclasses import dataclass
from enum import Enum
from typing import Any

from ui.labels import country_name, date_text, enum_label, yes_no
from ui.widgets.moment_edit import moment_field_text
from workbench.domain import codec, inference
from workbench.domain.breaches import AuthorityNotification, Breach, ControllerNotice
from workbench.domain.enums import EntityKind
from workbench.domain.fields import format_category
from workbench.domain.records import (
    Audit,
    AuditAction,
    AuditFinding,
    Certification,
    DataCategory,
    Delivery,
    Dpia,
    Location,
    Notification,
    NotificationItem,
    Organisation,
    Provenance,
    Recipient,
    Retention,
    SecurityPolicy,
    Subprocessor,
    Treatment,
    Unconfirmed,
)
from workbench.domain.subject_requests import DataSubjectRequest
from workbench.i18n import N_, _

RECORD_CLASSES: dict[EntityKind, type[Any]] = {
    EntityKind.ORGANISATION: Organisation,
    EntityKind.TREATMENT: Treatment,
    EntityKind.SUBPROCESSOR: Subprocessor,
    EntityKind.CERTIFICATION: Certification,
    EntityKind.AUDIT: Audit,
    EntityKind.NOTIFICATION: Notification,
    EntityKind.BREACH: Breach,
    EntityKind.DATA_SUBJECT_REQUEST: DataSubjectRequest,
    EntityKind.DELIVERY: Delivery,
}

FIELD_LABELS = {
    "organisation_id": N_("Organisation"),
    "controller_id": N_("Controller"),
    "controller_ids": N_("Controllers served"),
    "subprocessor_id": N_("Subprocessor"),
    "subprocessor_ids": N_("Subprocessors"),
    "name": N_("Name"),
    "kind": N_("Kind"),
    "legal_name": N_("Legal name"),
    "registration": N_("Registration"),
    "address": N_("Address"),
    "contact_email": N_("Contact email"),
    "contact_phone": N_("Contact phone"),
    "dpo_name": N_("DPO"),
    "dpo_email": N_("DPO email"),
    "dpo_phone": N_("DPO phone"),
    "dpo_company": N_("External DPO firm"),
    "dpo_organisation_id": N_("The group's DPO, designated by"),
    "representative": N_("Representative"),
    "representative_contact": N_("Representative's contact"),
    "security_policy": N_("Security policy"),
    "objection_period_days": N_("Objection period (days)"),
    "role": N_("Role"),
    "purpose": N_("Purpose"),
    "description": N_("Description"),
    "joint_controller": N_("Joint controller"),
    "data_subjects": N_("Data subjects"),
    "data_categories": N_("Categories of personal data"),
    "legal_basis": N_("Legal basis (Art. 6)"),
    "art9_condition": N_("Art. 9 condition"),
    "legal_basis_text": N_("Legal basis as stated"),
    "retention": N_("Retention period"),
    "recipients": N_("Recipients"),
    "transfers": N_("Transfers outside the EEA"),
    "security_measures": N_("Security measures"),
    "dpia": N_("Impact assessment (DPIA)"),
    "processor_ids": N_("Processors of the group"),
    "unconfirmed": N_("Values to be confirmed"),
    "status": N_("Status"),
    "created_on": N_("Created on"),
    "last_reviewed_on": N_("Last reviewed on"),
    "next_review_on": N_("Next review on"),
    "provenance": N_("Imported from"),
    "notes": N_("Notes"),
    "legal_entity": N_("Legal entity"),
    "category": N_("Category"),
    "service_description": N_("Service provided"),
    "locations": N_("Countries"),
    "location_text": N_("Server location"),
    "transfer_mechanism": N_("Transfer mechanism"),
    "transfer_text": N_("Transfer mechanism as stated"),
    "optional": N_("Optional"),
    "dpa_signed_on": N_("DPA signed on"),
    "contract_start_on": N_("Contract start"),
    "contract_end_on": N_("Contract end"),
    "contact_name": N_("Contact"),
    "chain_level": N_("Chain level"),
    "certifier": N_("Certifier"),
    "number": N_("Number"),
    "scope": N_("Scope"),
    "hds_activities": N_("HDS activities"),
    "referential_version": N_("Referential version"),
    "issued_on": N_("Issued on"),
    "expires_on": N_("Expires on"),
    "last_surveillance_on": N_("Last surveillance audit"),
    "audit_type": N_("Audit type"),
    "requested_by": N_("Requested by"),
    "requester_name": N_("Requester"),
    "auditor": N_("Auditor"),
    "auditor_independent": N_("Independent auditor"),
    "auditor_certified": N_("Certified auditor"),
    "notice_received_on": N_("Notice received on"),
    "audit_on": N_("Audit date"),
    "conclusions_received_on": N_("Conclusions received on"),
    "cost_borne_by": N_("Cost borne by"),
    "findings": N_("Findings"),
    "actions": N_("Corrective actions"),
    "items": N_("Changes announced"),
    "sent_on": N_("Sent on"),
    "objection_deadline": N_("Objection deadline"),
    "objection_received_on": N_("Objection received on"),
    "objection_text": N_("Objection"),
    "document_path": N_("Letter"),
    "letter_language": N_("Letter language"),
    "signed_by": N_("Signed off by"),
    "signed_at": N_("Signed off at"),
    "journal_position": N_("Journal position"),
    "manifest_sha256": N_("Manifest SHA-256"),
    "files": N_("Files"),
    "recipient": N_("Recipient"),
}


def field_label(name: str) -> str:
    label = FIELD_LABELS.get(name)
    return _(label) if label else name.replace("_", " ").capitalize()


def decoded(kind: EntityKind, snapshot: dict[str, Any] | None) -> Any:
    """The typed record a snapshot holds, or None (absent, or unreadable by this version)."""
    if snapshot is None:
        return None
    try:
        return codec.from_dict(RECORD_CLASSES[kind], snapshot)
    except (KeyError, TypeError, ValueError):
        return None


def field_text(record: Any, name: str, raw: object, names: dict[int, str] | None = None) -> str:
    """The value of `name` in words; `raw` (the stored JSON value) when it cannot be typed."""
    if record is None or not hasattr(record, name):
        return "" if raw is None else str(raw)
    value = getattr(record, name)
    if name.endswith("_ids") or name.endswith("_id"):
        ids = value if isinstance(value, tuple) else (() if value is None else (value,))
        return "; ".join((names or {}).get(i, f"#{i}") for i in ids)
    return value_text(value)


def value_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return yes_no(value)
    if isinstance(value, Enum):
        return enum_label(value)
    if isinstance(value, dt.datetime):  # a moment: on the Paris wall clock, to the minute
        return moment_field_text(value)
    if isinstance(value, dt.date):
        return date_text(value)
    if isinstance(value, DataCategory):
        return format_category(value.name, value.subject, value.sensitivity.value)
    if isinstance(value, Location):
        name = country_name(value.code)
        return f"{name} ({value.detail})" if value.detail else name
    if isinstance(value, Retention):
        return value.text
    if isinstance(value, Unconfirmed):
        return f"{field_label(value.field.split('.')[0])}: {inference.describe(value)}"
    if isinstance(value, Recipient):
        parts = (value.name, enum_label(value.kind), value.detail)
        return " - ".join(p for p in parts if p)
    if isinstance(value, Dpia):
        parts = (enum_label(value.status), value.reason, date_text(value.done_on))
        return " - ".join(p for p in parts if p)
    if isinstance(value, SecurityPolicy):
        policy = (value.title, value.version, date_text(value.issued_on), value.reference)
        return " - ".join(p for p in policy if p)
    if isinstance(value, Provenance):
        row = _("row {row}").format(row=value.row) if value.row is not None else ""
        return " / ".join(p for p in (value.file, value.sheet, row) if p)
    if isinstance(value, AuditFinding | AuditAction | NotificationItem):
        return " - ".join(str(v) for v in dataclasses.astuple(value) if v not in (None, ""))
    if isinstance(value, AuthorityNotification | ControllerNotice):
        facts = (getattr(value, f.name) for f in dataclasses.fields(value))
        return " - ".join(value_text(v) for v in facts if v not in (None, ""))
    if isinstance(value, tuple):
        separator = "\n" if any(dataclasses.is_dataclass(v) for v in value) else "; "
        return separator.join(value_text(v) for v in value)
    return str(value)


@dataclass(frozen=True, slots=True)
class ListChange:
    """What an update did to a list field: the items it removed and added, in words."""

    removed: tuple[str, ...]
    added: tuple[str, ...]
    kept: int  # items in both


def list_change(
    before: Any, after: Any, name: str, names: dict[int, str] | None = None
) -> ListChange | None:
    """The items a list field lost and gained between two typed records (categories,
    recipients, locations, linked subprocessors...); None when the field is not a list on
    both sides (a creation or a deletion shows the whole list)."""
    old, new = getattr(before, name, None), getattr(after, name, None)
    if not isinstance(old, tuple) or not isinstance(new, tuple):
        return None

    def words(value: object) -> str:
        if name.endswith("_ids") and isinstance(value, int):
            return (names or {}).get(value, f"#{value}")
        return value_text(value)

    old_texts, new_texts = [words(v) for v in old], [words(v) for v in new]
    left, right = Counter(old_texts), Counter(new_texts)
    removed, added = left - right, right - left
    return ListChange(
        tuple(t for t in dict.fromkeys(old_texts) if t in removed for _ in range(removed[t])),
        tuple(t for t in dict.fromkeys(new_texts) if t in added for _ in range(added[t])),
        sum((left & right).values()),
    )
