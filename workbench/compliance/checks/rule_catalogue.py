"""What each rule checks, and the recorded facts it reads: the catalogue `check --rules` prints
and the README lists (tests/unit/compliance/test_rule_catalogue.py keeps the two in step).

`reads` names fields of the record a finding links to. `check --json` gives their values as
the stated facts of the finding (the inferred ones are its `unconfirmed` marks), and an
acknowledgement holds while they stay the same.
"""

from __future__ import annotations

from dataclasses import dataclass

from workbench.i18n import N_, _


@dataclass(frozen=True, slots=True)
class RuleText:
    summary: str  # gettext id: what the rule checks
    reads: tuple[str, ...]  # fields of the linked record the finding rests on


_SUB_TRANSFER = ("locations", "transfer_mechanism", "transfer_text")
_SUB_HOSTING = ("category", "service_description", "data_categories", "locations")
_CERT = ("kind", "referential_version", "issued_on", "expires_on", "last_surveillance_on")
_ORG = ("contact_email", "contact_phone", "address", "dpo_name", "dpo_email")
_BREACH = ("aware_at", "risk", "authority_notifications", "not_notified_reason")

RULE_TEXTS: dict[str, RuleText] = {
    "transfer-without-mechanism": RuleText(
        N_("Data processed outside the EEA with no adequacy decision and no safeguard"),
        _SUB_TRANSFER,
    ),
    "transfer-to-verify": RuleText(
        N_("A transfer conclusion that rests on inferred countries or mechanism"), _SUB_TRANSFER
    ),
    "transfer-invalid-basis": RuleText(
        N_("A transfer basis that is void in law (Privacy Shield, Safe Harbour, pre-2021 SCCs)"),
        _SUB_TRANSFER,
    ),
    "transfer-needs-authorisation": RuleText(
        N_("Ad hoc clauses (Art. 46(3)) without the supervisory authority's authorisation"),
        _SUB_TRANSFER,
    ),
    "transfer-derogation-as-basis": RuleText(
        N_("An Art. 49 derogation used as the standing basis of a subprocessor"), _SUB_TRANSFER
    ),
    "transfer-scc-module-role": RuleText(
        N_("An SCC module that contradicts the organisation's role (module 2 or 3)"),
        ("transfer_mechanism",),
    ),
    "hds-host-to-verify": RuleText(
        N_("A health data host whose HDS certificate is missing or not confirmed"), _SUB_HOSTING
    ),
    "hds-transit-to-verify": RuleText(
        N_("Health data said to pass through only: is it hosting?"), _SUB_HOSTING
    ),
    "hds-host-not-certified": RuleText(
        N_("A health data host with no valid HDS certificate"), _SUB_HOSTING
    ),
    "hds-v2-outside-eea": RuleText(
        N_("Health data hosted outside the EEA (HDS v2 referential)"), _SUB_HOSTING
    ),
    "hds-own-certificate": RuleText(
        N_("The organisation hosts health data as processor without a valid HDS certificate"),
        ("kind",),
    ),
    "hosting-foreign-group-in-eea": RuleText(
        N_("Health data in the EEA at a group headquartered outside it (foreign access)"),
        ("name", "legal_entity", "locations", "data_categories"),
    ),
    "certificate-expired": RuleText(N_("A certificate past its expiry"), _CERT),
    "certificate-obsolete-standard": RuleText(
        N_("A certificate on a superseded standard (ISO 27001:2013, HDS v1)"), _CERT
    ),
    "certificate-expiring": RuleText(N_("A certificate about to expire"), _CERT),
    "certificate-surveillance-due": RuleText(
        N_("A certificate whose yearly surveillance audit is due"), _CERT
    ),
    "certificate-undated": RuleText(N_("A certificate with no issue or expiry date"), _CERT),
    "certificate-edition-unknown": RuleText(
        N_("A certificate of unknown edition after the end of the transition"), _CERT
    ),
    "certificate-to-verify": RuleText(
        N_("A certificate valid only by values not yet confirmed"), _CERT
    ),
    "treatment-no-purpose": RuleText(N_("A record with no purpose"), ("purpose", "description")),
    "treatment-no-legal-basis": RuleText(N_("A treatment with no legal basis"), ("legal_basis",)),
    "treatment-no-retention": RuleText(N_("A treatment with no retention period"), ("retention",)),
    "treatment-no-art9-condition": RuleText(
        N_("Health or special-category data without an Art. 9(2) condition"),
        ("data_categories", "art9_condition"),
    ),
    "treatment-art9-condition-to-verify": RuleText(
        N_("An Art. 9(2) condition not yet confirmed"), ("art9_condition",)
    ),
    "treatment-legal-basis-to-verify": RuleText(
        N_("A legal basis not yet confirmed"), ("legal_basis",)
    ),
    "subprocessor-unused": RuleText(N_("A subprocessor that serves no treatment"), ("name",)),
    "subprocessor-no-dpa": RuleText(
        N_("A processor with no Art. 28(3) contract date"), ("dpa_signed_on",)
    ),
    "subprocessor-joint-controller": RuleText(
        N_("A social network recorded as a processor: a joint controller (Art. 26)"),
        ("name", "category"),
    ),
    "treatment-retention-below-medical-record": RuleText(
        N_("A medical record (teleconsultation...) kept less than 20 years"),
        ("name", "purpose", "retention"),
    ),
    "organisation-no-contact": RuleText(
        N_("An organisation with no contact details (controller, processor)"), _ORG
    ),
    "organisation-no-dpo": RuleText(
        N_("An organisation that must designate a DPO (Art. 37(1)(c)) and has none"),
        ("dpo_name", "dpo_email", "dpo_company", "dpo_organisation_id"),
    ),
    "processor-record-controllers": RuleText(
        N_("Processor records that do not name each controller"), ("controller_ids",)
    ),
    "processor-link-without-record": RuleText(
        N_("A processor named on a treatment without its own processor record"),
        ("processor_ids",),
    ),
    "treatment-no-security-measures": RuleText(
        N_("Records with no description of the security measures"),
        ("security_measures", "security_policy"),
    ),
    "treatment-dpia-unknown": RuleText(
        N_("Health processing with no DPIA status"), ("dpia", "data_categories")
    ),
    "treatment-dpia-not-done": RuleText(
        N_("A DPIA required and not done"), ("dpia", "data_categories")
    ),
    "notification-overdue": RuleText(
        N_("An Art. 28(2) notification not sent in time"), ("status", "created_on")
    ),
    "notification-pending": RuleText(
        N_("Subprocessor changes not yet notified to the controllers"), ()
    ),
    "audit-overdue-actions": RuleText(N_("Corrective actions of an audit past due"), ("actions",)),
    "audit-late-notice": RuleText(
        N_("An audit notified later than the contract allows"),
        ("notice_received_on", "audit_on"),
    ),
    "audit-auditor-not-qualified": RuleText(
        N_("An auditor not independent or not certified"),
        ("auditor_independent", "auditor_certified"),
    ),
    "statement-contradicted": RuleText(
        N_("A published statement the register contradicts"), ("locations", "location_text")
    ),
    "breach-not-notified": RuleText(N_("A breach past the 72 hours without notification"), _BREACH),
    "breach-no-awareness": RuleText(N_("A breach with no moment of awareness"), ("aware_at",)),
    "breach-no-reason-recorded": RuleText(
        N_("A breach not notified and no reason recorded"), _BREACH
    ),
    "breach-persons-not-informed": RuleText(
        N_("A high-risk breach not communicated to the persons"),
        ("risk", "persons_informed_at", "art34_exemption"),
    ),
    "breach-not-passed-to-controllers": RuleText(
        N_("As processor, a breach not passed to the controllers"), ("controller_notices",)
    ),
    "request-overdue": RuleText(
        N_("A data-subject request past its deadline"), ("received_on", "extension_months")
    ),
    "request-extension-not-notified": RuleText(
        N_("An extension not told to the requester within the first month"),
        ("extension_months", "extension_notified_on"),
    ),
    "request-not-passed-to-controllers": RuleText(
        N_("As processor, a request not passed to the controllers"), ("controller_notices",)
    ),
}


def summary(rule_id: str) -> str:
    text = RULE_TEXTS.get(rule_id)
    return _(text.summary) if text else ""


def reads(rule_id: str) -> tuple[str, ...]:
    text = RULE_TEXTS.get(rule_id)
    return text.reads if text else ()


README_START = "<!-- rule catalogue: generated by tools/rule_catalogue.py, do not edit -->"
README_END = "<!-- end of the rule catalogue -->"


def catalogue_markdown() -> str:
    """The rule table of the README (English), one row per rule, sorted by id."""
    from workbench.compliance.checks.catalogue import ALL_RULES

    rows = [
        "| Rule | Severity | Reference | What it checks |",
        "|---|---|---|---|",
        *(
            f"| `{r.id}` | {r.severity.value} | {r.source} | {RULE_TEXTS[r.id].summary} |"
            for r in sorted(ALL_RULES, key=lambda r: r.id)
        ),
    ]
    return "\n".join([README_START, *rows, README_END])
