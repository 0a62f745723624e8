"""Values "to be verified" in a document: the marks of `workbench.domain.inference`, printed.

A value the application inferred (read from free text, chosen by a rule, computed, assumed) is
never printed as if a person had stated it (the rule of issue 11). Every document collects the
marks of what it prints in a `MarkNotes`: a marked value gets an inline marker,
"[à vérifier, note 2]", and the notes — numbered, with the field and the reason
(`inference.describe` through the document's own translator) — follow the record or the table.
"""

from __future__ import annotations

from exporters._labels import DocText
from workbench.domain.inference import Marked, describe, marks_on
from workbench.domain.records import Unconfirmed
from workbench.i18n import N_

# The field a mark names, as a reader of the document calls it. A dotted field falls back on
# its head ("retention.unit" -> "Retention period") when it has no label of its own.
FIELD_LABELS: dict[str, str] = {
    "name": N_("Name"),
    "kind": N_("Kind"),
    "role": N_("Role"),
    "purpose": N_("Purpose"),
    "description": N_("Description"),
    "controller_ids": N_("Controllers served"),
    "processor_ids": N_("Processors of the group"),
    "joint_controller": N_("Joint controller"),
    "data_subjects": N_("Data subjects"),
    "data_categories": N_("Categories of personal data"),
    "legal_basis": N_("Legal basis (Art. 6)"),
    "art9_condition": N_("Art. 9 condition"),
    "legal_basis_text": N_("Legal basis as stated"),
    "retention": N_("Retention period"),
    "retention.duration": N_("Retention duration"),
    "retention.unit": N_("Retention unit"),
    "retention.start_event": N_("Retention starts at"),
    "recipients": N_("Recipients"),
    "transfers": N_("Transfers outside the EEA"),
    "security_measures": N_("Security measures"),
    "subprocessor_ids": N_("Subprocessors"),
    "dpia": N_("Impact assessment (Art. 35)"),
    "status": N_("Status"),
    "created_on": N_("Created on"),
    "last_reviewed_on": N_("Last reviewed on"),
    "next_review_on": N_("Next review on"),
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
    "contact_email": N_("Contact email"),
    "contact_phone": N_("Contact phone"),
    "address": N_("Address"),
    "chain_level": N_("Chain level"),
    "legal_name": N_("Legal name"),
    "registration": N_("Registration"),
    "dpo_name": N_("Data protection officer"),
    "dpo_email": N_("DPO email"),
    "dpo_phone": N_("DPO phone"),
    "dpo_company": N_("External DPO firm"),
    "dpo_organisation_id": N_("Group DPO"),
    "representative": N_("Representative (Art. 27)"),
    "representative_contact": N_("Representative's contact"),
    "security_policy": N_("Security policy"),
    "objection_period_days": N_("Objection period"),
    "certifier": N_("Certification body"),
    "number": N_("Number"),
    "scope": N_("Scope"),
    "hds_activities": N_("HDS activities"),
    "referential_version": N_("Referential version"),
    "issued_on": N_("Issued on"),
    "expires_on": N_("Valid until"),
    "last_surveillance_on": N_("Last surveillance audit"),
}


def field_label(text: DocText, field: str) -> str:
    label = FIELD_LABELS.get(field) or FIELD_LABELS.get(field.split(".", 1)[0])
    return text(label) if label else text(N_("Value"))


def reason(text: DocText, mark: Unconfirmed) -> str:
    return describe(mark, text)


class MarkNotes:
    """The numbered "to be verified" notes of one record, or of one table of records. A note
    starts with the record's name when the caller gives one (a table of many records, or a
    record other than the one the notes are about: its organisation, a subprocessor); with
    `named`, a record's own name is used when the caller gives none (the notes of a table)."""

    def __init__(self, text: DocText, named: bool = False) -> None:
        self.text = text
        self._named = named
        self._numbers: dict[tuple[str, object, Unconfirmed], int] = {}
        self._lines: list[str] = []
        self.issued: set[str] = set()  # the markers handed out, to find them in a cell

    def flag(self, record: Marked, *fields: str, name: str = "") -> str:
        """The marker to print beside the value of `fields`: "" when every one is stated."""
        numbers = sorted(
            {self._number(record, mark, name) for f in fields for mark in marks_on(record, f)}
        )
        if not numbers:
            return ""
        if len(numbers) == 1:
            marker = self.text(N_("[to be verified, note {number}]")).format(number=numbers[0])
        else:
            listed = ", ".join(str(n) for n in numbers)
            marker = self.text(N_("[to be verified, notes {numbers}]")).format(numbers=listed)
        self.issued.add(marker)
        return marker

    def add_rest(self, record: Marked, name: str = "") -> None:
        """Note every mark of `record` not flagged yet: a mark on a value the document does not
        print still says that the record holds an unconfirmed value."""
        for mark in record.unconfirmed:
            self._number(record, mark, name)

    def lines(self) -> list[str]:
        """ "2. Art. 9 condition: chosen by a rule — ..." in the order of the markers."""
        return list(self._lines)

    def __bool__(self) -> bool:
        return bool(self._lines)

    def _number(self, record: Marked, mark: Unconfirmed, name: str) -> int:
        key = (type(record).__name__, getattr(record, "id", None), mark)
        number = self._numbers.get(key)
        if number is None:
            if self._named and not name:
                name = str(getattr(record, "name", ""))
            number = self._numbers[key] = len(self._numbers) + 1
            label = field_label(self.text, mark.field)
            head = f"{number}. {name} — {label}" if name else f"{number}. {label}"
            self._lines.append(head + self.text.colon + reason(self.text, mark))
        return number


def has_marks(*groups: object) -> bool:
    """True if any record of the groups (iterables of records) carries a mark."""
    return any(getattr(r, "unconfirmed", ()) for group in groups for r in group)  # type: ignore[attr-defined]
