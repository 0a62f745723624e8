"""Words and values of a document in its own language (never the UI's).

Every exporter builds one `DocText(locale)` and asks it for labels: enum members through gettext
(area catalog `exporters`), transfer mechanisms from the reference data, countries and dates
through Babel's CLDR data ("22 novembre 2026", "États-Unis").
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from enum import Enum

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_decimal

from exporters._typography import french_day
from workbench.domain.enums import (
    Art9Condition,
    CertificationKind,
    DataSensitivity,
    DpiaStatus,
    LegalBasis,
    LocationKind,
    RecipientKind,
    RetentionUnit,
    Role,
    SubprocessorCategory,
    TransferMechanism,
    TreatmentStatus,
)
from workbench.domain.fields import format_category
from workbench.domain.log_labels import LOG_ENUM_LABELS
from workbench.domain.records import DataCategory, Dpia, Location, Recipient, Subprocessor
from workbench.domain.reference import is_eea, transfer_mechanisms
from workbench.i18n import N_, translator

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

SHORT_SENSITIVITY = {
    DataSensitivity.STANDARD: "",
    DataSensitivity.HEALTH: N_("health data"),
    DataSensitivity.SPECIAL: N_("sensitive data"),
    DataSensitivity.NIR: N_("NIR"),
    DataSensitivity.CRIMINAL: N_("offences and convictions"),
}

REGION_LABELS = {
    "EU": N_("European Union"),
    "EEA": N_("European Economic Area"),
    "EUROPE": N_("Europe"),
    "WORLDWIDE": N_("Worldwide"),
}

# XML 1.0 forbids these; a stray one pasted from a PDF must not make the document unreadable.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def clean_text(text: str) -> str:
    return _XML_ILLEGAL.sub("", text)


class DocText:
    """Labels, dates and numbers for one document language ("fr" or "en")."""

    def __init__(self, locale: str) -> None:
        self.locale = "fr" if locale.startswith("fr") else "en"
        self._translator = translator(self.locale)
        self._babel = Locale.parse(self.locale)

    @property
    def colon(self) -> str:
        """French puts a (non-breaking) space before the colon."""
        return "\u00a0: " if self.locale == "fr" else ": "

    def __call__(self, message: str) -> str:
        return self._translator.gettext(message)

    def enum(self, value: Enum | None) -> str:
        if value is None:
            return ""
        if isinstance(value, TransferMechanism):
            return self.mechanism(value)
        return self(ENUM_LABELS.get((type(value), value.value), str(value.value)))

    def mechanism(self, value: TransferMechanism | None) -> str:
        if value is None:
            return ""
        info = transfer_mechanisms().get(value.value)
        return info.label(self.locale) if info else value.value

    def date(self, value: dt.date | None) -> str:
        """ "1er avril 2026", "2 April 2026"."""
        if value is None:
            return ""
        long_date = format_date(value, format="long", locale=self.locale)
        return french_day(value, long_date) if self.locale == "fr" else long_date

    def number(self, value: float) -> str:
        return format_decimal(value, locale=self.locale)

    def yes_no(self, value: bool | None) -> str:
        if value is None:
            return ""
        return self(N_("Yes")) if value else self(N_("No"))

    def dpia(self, dpia: Dpia) -> str:
        """ "Carried out on 3 March 2026", "Not required: <reason>", "" when nobody said."""
        if dpia.status is DpiaStatus.UNKNOWN:
            return ""
        text = self.enum(dpia.status)
        if dpia.status is DpiaStatus.DONE and dpia.done_on:
            text = self(N_("Carried out on {date}")).format(date=self.date(dpia.done_on))
        return text + self.colon + dpia.reason if dpia.reason else text

    def recipient(self, recipient: Recipient) -> str:
        if recipient.kind is RecipientKind.OTHER:
            return recipient.name
        return f"{recipient.name} ({self.enum(recipient.kind)})"

    def location(self, location: Location) -> str:
        if location.kind is LocationKind.REGION or location.code in REGION_LABELS:
            name = self(REGION_LABELS.get(location.code, location.code))
        else:
            name = self._babel.territories.get(location.code, location.code)
        return f"{name} ({location.detail})" if location.detail else name

    def locations(self, locations: Iterable[Location]) -> list[str]:
        return [self.location(loc) for loc in locations]

    def server_location(self, sub: Subprocessor) -> str:
        """The countries by name in the document's language ("Germany Ireland" from an English
        source reads "Allemagne, Irlande"); the source's wording only when no country is
        recorded. How the countries were read is the mark's reason, printed with it."""
        return ", ".join(self.locations(sub.locations)) or sub.location_text

    def transfer(self, sub: Subprocessor) -> str:
        mechanism = sub.transfer_mechanism
        if mechanism is not None and mechanism.is_safeguard:
            return self.mechanism(mechanism)
        if mechanism is None and sub.transfer_text:
            return sub.transfer_text  # a wording no mechanism was read from: as written
        if any(_outside_eea(loc) for loc in sub.locations):
            # Data leave the EEA and nobody recorded on what basis (or the source says "N/A"):
            # "not applicable" would state the opposite of the truth to an auditor.
            return self(N_("Not stated"))
        return self(N_("N/A"))  # the source's "N/A" or "Sans objet", in this language

    def retention_unit(self, unit: RetentionUnit | None) -> str:
        return self.enum(unit)

    def category_line(self, category: DataCategory) -> str:
        """One cell line that the importer reads back (`fields.split_category`)."""
        return format_category(category.name, category.subject, category.sensitivity.value)

    def category_label(self, category: DataCategory) -> str:
        """For reading: "Medical information (health data)"; the subject is shown apart."""
        if category.sensitivity is DataSensitivity.STANDARD:
            return category.name
        return f"{category.name} ({self(SHORT_SENSITIVITY[category.sensitivity])})"


# What sources write in a cell that says nothing: printed in the document's own words instead.
_PLACEHOLDERS = frozenset({"n/a", "na", "n.a.", "-", "—", "sans objet", "none", "néant", "/"})


def is_placeholder(value: str) -> bool:
    return value.strip().casefold() in _PLACEHOLDERS


def group_by_subject(categories: Iterable[DataCategory]) -> list[tuple[str, list[DataCategory]]]:
    """("Patients", [...]), ("Health professionals", [...]) in first-seen order; "" = no subject."""
    groups: dict[str, list[DataCategory]] = {}
    for category in categories:
        groups.setdefault(category.subject, []).append(category)
    return list(groups.items())


def _outside_eea(location: Location) -> bool:
    if location.kind is LocationKind.REGION:
        return location.code not in ("EU", "EEA")
    return not is_eea(location.code)
