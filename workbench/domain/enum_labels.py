"""The labels of the register's codes (N_-marked English, translated where shown): one table
for the documents, which print them in the document's language, and the importers, which read
a label the export printed back as the code it stands for (a French register's "Exécution d'un
contrat" is the legal basis `contract`, stated, not guessed)."""

from __future__ import annotations

from enum import Enum
from functools import cache
from typing import TypeVar

from workbench.domain.enums import (
    Art9Condition,
    CertificationKind,
    DataSensitivity,
    DpiaStatus,
    LegalBasis,
    RecipientKind,
    RetentionUnit,
    Role,
    SubprocessorCategory,
    TreatmentStatus,
)
from workbench.domain.log_labels import LOG_ENUM_LABELS
from workbench.i18n import N_, SUPPORTED_LOCALES, translator

# Keyed by (enum class, value): members of different enums may share a value ("other").
_ENUM_PAIRS: tuple[tuple[Enum, str], ...] = (
    (Role.CONTROLLER, N_("Controller")),
    (Role.PROCESSOR, N_("Processor")),
    (LegalBasis.CONSENT, N_("Consent")),
    (LegalBasis.CONTRACT, N_("Performance of a contract")),
    (LegalBasis.LEGAL_OBLIGATION, N_("Legal obligation")),
    (LegalBasis.VITAL_INTERESTS, N_("Vital interests")),
    (LegalBasis.PUBLIC_TASK, N_("Public interest task")),
    (LegalBasis.LEGITIMATE_INTERESTS, N_("Legitimate interests")),
    (Art9Condition.EXPLICIT_CONSENT, N_("Explicit consent (Art. 9(2)(a))")),
    (Art9Condition.EMPLOYMENT_SOCIAL_SECURITY, N_("Employment and social security (Art. 9(2)(b))")),
    (Art9Condition.VITAL_INTERESTS, N_("Vital interests (Art. 9(2)(c))")),
    (Art9Condition.NOT_FOR_PROFIT_BODY, N_("Not-for-profit body (Art. 9(2)(d))")),
    (Art9Condition.MANIFESTLY_PUBLIC, N_("Made manifestly public (Art. 9(2)(e))")),
    (Art9Condition.LEGAL_CLAIMS, N_("Legal claims (Art. 9(2)(f))")),
    (Art9Condition.SUBSTANTIAL_PUBLIC_INTEREST, N_("Substantial public interest (Art. 9(2)(g))")),
    (Art9Condition.HEALTH_OR_SOCIAL_CARE, N_("Health or social care (Art. 9(2)(h))")),
    (Art9Condition.PUBLIC_HEALTH, N_("Public health (Art. 9(2)(i))")),
    (
        Art9Condition.ARCHIVING_RESEARCH_STATISTICS,
        N_("Archiving, research or statistics (Art. 9(2)(j))"),
    ),
    (DataSensitivity.STANDARD, N_("Standard")),
    (DataSensitivity.HEALTH, N_("Health data")),
    (DataSensitivity.SPECIAL, N_("Special category (Art. 9)")),
    (DataSensitivity.NIR, N_("Social security number (NIR)")),
    (DataSensitivity.CRIMINAL, N_("Criminal offences (Art. 10)")),
    (RetentionUnit.DAY, N_("days")),
    (RetentionUnit.WEEK, N_("weeks")),
    (RetentionUnit.MONTH, N_("months")),
    (RetentionUnit.YEAR, N_("years")),
    (TreatmentStatus.DRAFT, N_("Draft")),
    (TreatmentStatus.ACTIVE, N_("Active")),
    (TreatmentStatus.RETIRED, N_("Retired")),
    (SubprocessorCategory.HOSTING, N_("Data hosting")),
    (SubprocessorCategory.SECURITY, N_("IT security")),
    (SubprocessorCategory.ANALYTICS, N_("Analytics")),
    (SubprocessorCategory.APPLICATIONS, N_("Applications")),
    (SubprocessorCategory.COMMUNICATION, N_("Communication")),
    (SubprocessorCategory.CUSTOMER_RELATION, N_("Customer relations")),
    (SubprocessorCategory.OTHER, N_("Other")),
    (CertificationKind.HDS, N_("HDS (health data hosting)")),
    (CertificationKind.ISO27001, N_("ISO/IEC 27001")),
    (CertificationKind.OTHER, N_("Other certification")),
    (DpiaStatus.UNKNOWN, N_("Not stated")),
    (DpiaStatus.REQUIRED, N_("Required, not yet carried out")),
    (DpiaStatus.NOT_REQUIRED, N_("Not required")),
    (DpiaStatus.DONE, N_("Carried out")),
    (RecipientKind.INTERNAL, N_("Internal service")),
    (RecipientKind.PROCESSOR, N_("Processor")),
    (RecipientKind.AUTHORITY, N_("Public authority")),
    (RecipientKind.PARTNER, N_("Partner or third party")),
    (RecipientKind.OTHER, N_("Other recipient")),
)
ENUM_LABELS: dict[tuple[type, str], str] = {
    (type(k), k.value): v for k, v in (*_ENUM_PAIRS, *LOG_ENUM_LABELS.items())
}

E = TypeVar("E", bound=Enum)


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


@cache
def _by_label() -> dict[tuple[type, str], Enum]:
    from workbench.domain.enums import TransferMechanism
    from workbench.domain.reference import transfer_mechanisms

    found: dict[tuple[type, str], Enum] = {}
    for locale in SUPPORTED_LOCALES:
        gettext = translator(locale).gettext
        for (cls, value), msgid in ENUM_LABELS.items():
            found.setdefault((cls, _key(gettext(msgid))), cls(value))
        for code, info in transfer_mechanisms().items():
            if code in TransferMechanism.__members__:
                found.setdefault(
                    (TransferMechanism, _key(info.label(locale))), TransferMechanism(code)
                )
    return found


def member_of_label(enum_cls: type[E], text: str) -> E | None:
    """The member of `enum_cls` whose label, in French or English, is `text` (case and spacing
    aside): how a document printed it, read back as the code, stated. None for other words."""
    member = _by_label().get((enum_cls, _key(text))) if text.strip() else None
    return member if isinstance(member, enum_cls) else None
