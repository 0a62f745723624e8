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
from workbench.domain.enum_labels import ENUM_LABELS
from workbench.domain.enums import (
    DataSensitivity,
    DpiaStatus,
    LocationKind,
    RecipientKind,
    RetentionUnit,
    TransferMechanism,
)
from workbench.domain.fields import format_category, format_recipient
from workbench.domain.records import DataCategory, Dpia, Location, Recipient, Subprocessor
from workbench.domain.reference import is_eea, transfer_mechanisms
from workbench.i18n import N_, translator

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
        """One cell line that the importer reads back (`fields.split_category`): the
        sensitivity tag in the document's language ("[Données de santé]")."""
        tag = category.sensitivity.value
        if category.sensitivity is not DataSensitivity.STANDARD:
            tag = self.enum(category.sensitivity)
        return format_category(category.name, category.subject, tag)

    def recipient_line(self, recipient: Recipient) -> str:
        """One cell line that the importer reads back (`fields.split_recipient`)."""
        if recipient.kind is RecipientKind.OTHER:
            return recipient.name
        return format_recipient(recipient.name, self.enum(recipient.kind))

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
