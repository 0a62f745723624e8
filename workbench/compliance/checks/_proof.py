"""What a check may take as proven: a value with an unconfirmed mark is not.

The register marks the values the application inferred (workbench.domain.inference). A check
that reaches a conclusion through such a value does not present it as fact:
- a problem it finds through it is "to be verified": a warning at most, naming each value it
  rests on and why it is marked (`to_verify`);
- a value that would have made it pass does not make it pass silently: the check says what it
  would have concluded and that the value is to be confirmed (a "-to-verify" rule).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from workbench.compliance.checks.engine import Finding
from workbench.compliance.checks.severity import Severity
from workbench.domain.enums import InferenceOrigin
from workbench.domain.inference import Marked, describe, marks_on
from workbench.domain.records import Unconfirmed
from workbench.i18n import N_, _

# Whose value a mark is on ("" for the record the finding is about) and the mark itself.
Basis = tuple[tuple[str, Unconfirmed], ...]

_FIELD_LABELS = {
    "locations": N_("countries"),
    "transfer_mechanism": N_("transfer mechanism"),
    "category": N_("category"),
    "data_categories": N_("categories of data"),
    "legal_basis": N_("legal basis"),
    "art9_condition": N_("Art. 9(2) condition"),
    "retention": N_("retention period"),
    "security_measures": N_("security measures"),
    "security_policy": N_("security policy"),
    "dpia": N_("DPIA status"),
    "controller_ids": N_("controllers served"),
    "processor_ids": N_("processors"),
    "expires_on": N_("expiry date"),
    "issued_on": N_("issue date"),
    "referential_version": N_("referential version"),
    "last_surveillance_on": N_("date of the last surveillance audit"),
    "hds_activities": N_("HDS activities"),
    "kind": N_("kind"),
    "legal_entity": N_("legal entity"),
    "contact_name": N_("contact"),
    "contact_email": N_("contact"),
    "contact_phone": N_("contact"),
    "dpo_name": N_("DPO"),
    "dpo_email": N_("DPO"),
    "dpo_phone": N_("DPO"),
    "dpo_company": N_("DPO"),
    "dpo_organisation_id": N_("group DPO"),
}


def field_label(field: str) -> str:
    label = _FIELD_LABELS.get(field) or _FIELD_LABELS.get(field.split(".", maxsplit=1)[0])
    return _(label) if label else field.replace("_", " ")


def basis(record: Marked, *fields: str, owner: str = "") -> Basis:
    """The marks on `fields` of `record` (each once), as a basis a finding can rest on."""
    found: list[tuple[str, Unconfirmed]] = []
    for field in fields:
        for mark in marks_on(record, field):
            if (owner, mark) not in found:
                found.append((owner, mark))
    return tuple(found)


def read_by_rule(field: str, words: str, note: str) -> Basis:
    """The basis of a conclusion the application reached itself from `words` (a provider's
    name, a treatment's purpose): one unconfirmed value, chosen by a rule, saying why."""
    return (("", Unconfirmed(field, InferenceOrigin.RULE, source_text=words, note=note)),)


def reasons(rests_on: Basis) -> str:
    """'countries: read from the text “USA” (column Pays, row 4); …' in the reader's language."""
    parts = []
    for owner, mark in rests_on:
        label = field_label(mark.field)
        if owner:
            label = _("{field} of {record}").format(field=label, record=owner)
        reason = describe(mark).rstrip(".")  # the sentence around it has its own full stop
        parts.append(
            _("{field}: {reason}").format(field=label, reason=reason[0].lower() + reason[1:])
        )
    return _("; ").join(parts)  # French sets a space before the semicolon


def marks(rests_on: Basis) -> tuple[Unconfirmed, ...]:
    return tuple(mark for _owner, mark in rests_on)


def to_verify(finding: Finding, rests_on: Sequence[tuple[str, Unconfirmed]]) -> Finding:
    """`finding` as it stands when its conclusion rests on unconfirmed values: a warning at
    most, saying which values and why, and asking for them to be confirmed first."""
    if not rests_on:
        return finding
    severity = Severity.WARNING if finding.severity is Severity.ERROR else finding.severity
    return dataclasses.replace(
        finding,
        severity=severity,
        problem=finding.problem
        + " "
        + _("To be verified: this rests on values not yet confirmed ({reasons}).").format(
            reasons=reasons(tuple(rests_on))
        ),
        fix=_("Confirm or correct these values first.") + " " + finding.fix,
        unconfirmed=finding.unconfirmed + marks(tuple(rests_on)),
    )
