"""What the user reads for codes: enum labels, countries, dates, yes/no.

Enum values are stable machine codes (see workbench.domain.enums); their labels are marked
here with N_ and translated when shown, so a language switch relabels everything.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from functools import cache

from babel import Locale
from babel.dates import format_date

from workbench.domain import reference
from workbench.domain.enums import (
    Art9Condition,
    AttachmentCategory,
    AuditRequester,
    AuditStatus,
    AuditType,
    CertificationKind,
    ChangeAction,
    DataSensitivity,
    DpiaStatus,
    EntityKind,
    FindingSeverity,
    InferenceOrigin,
    LegalBasis,
    NotificationStatus,
    OrganisationKind,
    RecipientKind,
    RetentionUnit,
    Role,
    SubprocessorCategory,
    TransferMechanism,
    TreatmentStatus,
)
from workbench.domain.log_labels import LOG_ENUM_LABELS
from workbench.i18n import N_, _, current_locale

ENUM_LABELS: dict[Enum, str] = {
    Role.CONTROLLER: N_("Controller"),
    Role.PROCESSOR: N_("Processor"),
    OrganisationKind.OWN: N_("Own organisation"),
    OrganisationKind.CLIENT_CONTROLLER: N_("Client (controller)"),
    OrganisationKind.CLIENT_CATEGORY: N_("Category of clients (not a named controller)"),
    InferenceOrigin.READ_FROM_TEXT: N_("Read from the text"),
    InferenceOrigin.RULE: N_("Chosen by a rule"),
    InferenceOrigin.DEFAULT: N_("The application's default"),
    InferenceOrigin.COMPUTED: N_("Computed"),
    InferenceOrigin.ASSUMED: N_("Assumed when the data was entered"),
    DpiaStatus.UNKNOWN: N_("Not stated"),
    DpiaStatus.REQUIRED: N_("Required, not yet carried out"),
    DpiaStatus.NOT_REQUIRED: N_("Not required"),
    DpiaStatus.DONE: N_("Carried out"),
    RecipientKind.INTERNAL: N_("Internal service"),
    RecipientKind.PROCESSOR: N_("Processor"),
    RecipientKind.AUTHORITY: N_("Public authority"),
    RecipientKind.PARTNER: N_("Partner or third party"),
    RecipientKind.OTHER: N_("Other recipient"),
    OrganisationKind.OTHER: N_("Other"),
    LegalBasis.CONSENT: N_("Consent (Art. 6(1)(a))"),
    LegalBasis.CONTRACT: N_("Contract (Art. 6(1)(b))"),
    LegalBasis.LEGAL_OBLIGATION: N_("Legal obligation (Art. 6(1)(c))"),
    LegalBasis.VITAL_INTERESTS: N_("Vital interests (Art. 6(1)(d))"),
    LegalBasis.PUBLIC_TASK: N_("Public task (Art. 6(1)(e))"),
    LegalBasis.LEGITIMATE_INTERESTS: N_("Legitimate interests (Art. 6(1)(f))"),
    Art9Condition.EXPLICIT_CONSENT: N_("Explicit consent (Art. 9(2)(a))"),
    Art9Condition.EMPLOYMENT_SOCIAL_SECURITY: N_("Employment and social security (Art. 9(2)(b))"),
    Art9Condition.VITAL_INTERESTS: N_("Vital interests (Art. 9(2)(c))"),
    Art9Condition.NOT_FOR_PROFIT_BODY: N_("Not-for-profit body (Art. 9(2)(d))"),
    Art9Condition.MANIFESTLY_PUBLIC: N_("Made manifestly public (Art. 9(2)(e))"),
    Art9Condition.LEGAL_CLAIMS: N_("Legal claims (Art. 9(2)(f))"),
    Art9Condition.SUBSTANTIAL_PUBLIC_INTEREST: N_("Substantial public interest (Art. 9(2)(g))"),
    Art9Condition.HEALTH_OR_SOCIAL_CARE: N_("Health or social care (Art. 9(2)(h))"),
    Art9Condition.PUBLIC_HEALTH: N_("Public health (Art. 9(2)(i))"),
    Art9Condition.ARCHIVING_RESEARCH_STATISTICS: N_(
        "Archiving, research, statistics (Art. 9(2)(j))"
    ),
    DataSensitivity.STANDARD: N_("Standard"),
    DataSensitivity.HEALTH: N_("Health (Art. 9)"),
    DataSensitivity.SPECIAL: N_("Other special category (Art. 9)"),
    DataSensitivity.NIR: N_("Social security number (NIR)"),
    DataSensitivity.CRIMINAL: N_("Criminal offences (Art. 10)"),
    RetentionUnit.DAY: N_("days"),
    RetentionUnit.WEEK: N_("weeks"),
    RetentionUnit.MONTH: N_("months"),
    RetentionUnit.YEAR: N_("years"),
    TreatmentStatus.DRAFT: N_("Draft"),
    TreatmentStatus.ACTIVE: N_("Active"),
    TreatmentStatus.RETIRED: N_("Retired"),
    SubprocessorCategory.HOSTING: N_("Hosting"),
    SubprocessorCategory.SECURITY: N_("Security"),
    SubprocessorCategory.ANALYTICS: N_("Analytics"),
    SubprocessorCategory.APPLICATIONS: N_("Applications"),
    SubprocessorCategory.COMMUNICATION: N_("Communication"),
    SubprocessorCategory.CUSTOMER_RELATION: N_("Customer relations"),
    SubprocessorCategory.OTHER: N_("Other"),
    CertificationKind.HDS: N_("HDS (health data hosting)"),
    CertificationKind.ISO27001: N_("ISO/IEC 27001"),
    CertificationKind.OTHER: N_("Other"),
    AuditRequester.PARTNER: N_("Partner"),
    AuditRequester.PRACTITIONER: N_("Practitioner"),
    AuditRequester.OWN_ORGANISATION: N_("Own organisation"),
    AuditRequester.CERTIFICATION_BODY: N_("Certification body"),
    AuditType.GDPR_CONTROLLER: N_("GDPR audit by a controller (Art. 28(3)(h))"),
    AuditType.HDS_CERTIFICATION: N_("HDS certification audit"),
    AuditType.HDS_SURVEILLANCE: N_("HDS surveillance audit"),
    AuditType.ISO_CERTIFICATION: N_("ISO certification audit"),
    AuditType.ISO_SURVEILLANCE: N_("ISO surveillance audit"),
    AuditType.INTERNAL: N_("Internal audit"),
    AuditStatus.REQUESTED: N_("Requested"),
    AuditStatus.SCHEDULED: N_("Scheduled"),
    AuditStatus.IN_PROGRESS: N_("In progress"),
    AuditStatus.REPORT_RECEIVED: N_("Report received"),
    AuditStatus.ACTIONS_IN_PROGRESS: N_("Actions in progress"),
    AuditStatus.CLOSED: N_("Closed"),
    AuditStatus.CANCELLED: N_("Cancelled"),
    FindingSeverity.MAJOR: N_("Major"),
    FindingSeverity.MINOR: N_("Minor"),
    FindingSeverity.OBSERVATION: N_("Observation"),
    NotificationStatus.DRAFT: N_("Draft"),
    NotificationStatus.SENT: N_("Sent"),
    NotificationStatus.OBJECTION_RECEIVED: N_("Objection received"),
    NotificationStatus.DEEMED_ACCEPTED: N_("Deemed accepted"),
    EntityKind.ORGANISATION: N_("Organisation"),
    EntityKind.TREATMENT: N_("Treatment"),
    EntityKind.SUBPROCESSOR: N_("Subprocessor"),
    EntityKind.CERTIFICATION: N_("Certification"),
    EntityKind.AUDIT: N_("Audit"),
    EntityKind.NOTIFICATION: N_("Notification"),
    EntityKind.BREACH: N_("Breach"),
    EntityKind.DATA_SUBJECT_REQUEST: N_("Data-subject request"),
    EntityKind.DELIVERY: N_("Package for an auditor"),
    EntityKind.ATTACHMENT: N_("Attached file"),
    AttachmentCategory.DPA: N_("Data processing agreement"),
    AttachmentCategory.CERTIFICATE: N_("Certificate"),
    AttachmentCategory.AUDIT_REPORT: N_("Audit report"),
    AttachmentCategory.LETTER_SENT: N_("Letter as sent"),
    AttachmentCategory.OTHER: N_("Other document"),
    **LOG_ENUM_LABELS,
    ChangeAction.CREATE: N_("Created"),
    ChangeAction.UPDATE: N_("Changed"),
    ChangeAction.DELETE: N_("Deleted"),
}

REGION_LABELS = {
    "EU": N_("European Union"),
    "EEA": N_("European Economic Area"),
    "EUROPE": N_("Europe"),
    "WORLDWIDE": N_("Worldwide"),
}


def enum_label(value: Enum | None) -> str:
    if value is None:
        return ""
    if isinstance(value, TransferMechanism):
        info = reference.transfer_mechanisms().get(value.value)
        return info.label(current_locale()) if info else value.value
    text = ENUM_LABELS.get(value)
    return _(text) if text else str(value.value)


def yes_no(value: bool | None) -> str:
    if value is None:
        return ""
    return _("Yes") if value else _("No")


def date_text(value: dt.date | None) -> str:
    """A date as the user's language writes it (23/11/2026 in French, Nov 23, 2026 in English)."""
    if value is None:
        return ""
    return format_date(
        value,
        format="medium" if current_locale() == "en" else "short",
        locale=_babel_locale(current_locale()),
    )


def country_name(code: str) -> str:
    if code in REGION_LABELS:
        return _(REGION_LABELS[code])
    return countries(current_locale()).get(code, code)


@cache
def countries(locale: str) -> dict[str, str]:
    """ISO 3166-1 alpha-2 code -> name in `locale` (Babel's CLDR data), sorted by name."""
    territories = _babel_locale(locale).territories
    named = {
        code: name
        for code, name in territories.items()
        if len(code) == 2 and code.isalpha() and code not in ("ZZ", "EU", "EZ", "UN", "XA", "XB")
    }
    return dict(sorted(named.items(), key=lambda item: item[1].casefold()))


@cache
def _babel_locale(locale: str) -> Locale:
    return Locale.parse(locale)
