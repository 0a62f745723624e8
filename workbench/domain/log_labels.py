"""Labels of the breach register's and request log's codes, shared by the UI and the documents
(marked with N_: translated where they are shown, in the UI's or the document's language)."""

from __future__ import annotations

from enum import Enum

from workbench.domain.enums import (
    Art34Exemption,
    BreachNature,
    BreachRisk,
    DataSubjectRight,
    IdentityCheck,
    NotificationPhase,
    RequestChannel,
    RequestOutcome,
)
from workbench.i18n import N_

LOG_ENUM_LABELS: dict[Enum, str] = {
    BreachNature.CONFIDENTIALITY: N_("Confidentiality (disclosure, access)"),
    BreachNature.INTEGRITY: N_("Integrity (alteration)"),
    BreachNature.AVAILABILITY: N_("Availability (loss, destruction)"),
    BreachRisk.UNLIKELY: N_("Unlikely to result in a risk"),
    BreachRisk.RISK: N_("Risk (notify the CNIL)"),
    BreachRisk.HIGH: N_("High risk (also inform the persons)"),
    NotificationPhase.COMPLETE: N_("Complete"),
    NotificationPhase.INITIAL: N_("Initial (to be completed)"),
    NotificationPhase.COMPLEMENTARY: N_("Complementary"),
    Art34Exemption.UNINTELLIGIBLE: N_("Data unintelligible, e.g. encrypted (Art. 34(3)(a))"),
    Art34Exemption.RISK_NO_LONGER_LIKELY: N_(
        "High risk no longer likely after measures (Art. 34(3)(b))"
    ),
    Art34Exemption.DISPROPORTIONATE_EFFORT: N_(
        "Disproportionate effort: public communication (Art. 34(3)(c))"
    ),
    DataSubjectRight.ACCESS: N_("Access (Art. 15)"),
    DataSubjectRight.RECTIFICATION: N_("Rectification (Art. 16)"),
    DataSubjectRight.ERASURE: N_("Erasure (Art. 17)"),
    DataSubjectRight.RESTRICTION: N_("Restriction (Art. 18)"),
    DataSubjectRight.PORTABILITY: N_("Portability (Art. 20)"),
    DataSubjectRight.OBJECTION: N_("Objection (Art. 21)"),
    DataSubjectRight.CONSENT_WITHDRAWAL: N_("Withdrawal of consent (Art. 7(3))"),
    DataSubjectRight.AUTOMATED_DECISION: N_("Automated decision (Art. 22)"),
    RequestChannel.EMAIL: N_("Email"),
    RequestChannel.POST: N_("Post"),
    RequestChannel.WEB_FORM: N_("Web form"),
    RequestChannel.PHONE: N_("Phone"),
    RequestChannel.IN_PERSON: N_("In person"),
    RequestChannel.OTHER: N_("Other channel"),
    IdentityCheck.NOT_NEEDED: N_("Not needed"),
    IdentityCheck.REQUESTED: N_("Proof asked, awaited"),
    IdentityCheck.VERIFIED: N_("Verified"),
    IdentityCheck.NOT_PROVIDED: N_("Not provided"),
    RequestOutcome.GRANTED: N_("Granted"),
    RequestOutcome.PARTLY_GRANTED: N_("Partly granted"),
    RequestOutcome.REFUSED: N_("Refused"),
    RequestOutcome.NO_DATA: N_("No data held"),
    RequestOutcome.WITHDRAWN: N_("Withdrawn"),
}
