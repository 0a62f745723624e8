"""The personal-data breach register (GDPR Art. 33(5)): one record per breach, notified or not.

Moments that start or stop a legal clock are timezone-aware datetimes: the 72 hours of
Art. 33(1) run from awareness in hours, across nights, weekends and clock changes, so a bare
date or a naive time would make the deadline a guess. Services store them in UTC.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from workbench.domain.enums import (
    Art34Exemption,
    BreachNature,
    BreachRisk,
    NotificationPhase,
    Role,
)
from workbench.domain.records import DataCategory


@dataclass(frozen=True, slots=True)
class AuthorityNotification:
    """One notification (or one phase of it, Art. 33(4)) to the supervisory authority (CNIL)."""

    at: dt.datetime
    reference: str = ""  # the CNIL's acknowledgement number
    phase: NotificationPhase = NotificationPhase.COMPLETE
    summary: str = ""


@dataclass(frozen=True, slots=True)
class ControllerNotice:
    """A breach or a request passed on to a controller by the organisation as processor
    (Art. 33(2) for breaches, Art. 28(3)(e) for requests)."""

    controller_id: int
    at: dt.datetime | None = None  # None: to do
    means: str = ""


@dataclass(frozen=True, slots=True)
class Breach:
    organisation_id: int
    title: str
    role: Role = Role.CONTROLLER  # PROCESSOR: tell the controllers without undue delay
    occurred_at: dt.datetime | None = None
    discovered_at: dt.datetime | None = None
    aware_at: dt.datetime | None = None  # Art. 33(1): the 72 hours start here
    ended_at: dt.datetime | None = None
    description: str = ""
    cause: str = ""
    natures: tuple[BreachNature, ...] = ()
    subject_categories: tuple[str, ...] = ()
    subjects_count: int | None = None  # approximate number of persons (Art. 33(3)(a))
    records_count: int | None = None  # approximate number of records (Art. 33(3)(a))
    data_categories: tuple[DataCategory, ...] = ()
    treatment_ids: tuple[int, ...] = ()
    subprocessor_ids: tuple[int, ...] = ()
    consequences: str = ""  # Art. 33(3)(c)
    measures_taken: str = ""  # Art. 33(3)(d)
    measures_proposed: str = ""
    risk: BreachRisk | None = None  # None: not assessed yet
    risk_reasoning: str = ""
    authority_notifications: tuple[AuthorityNotification, ...] = ()
    delay_reasons: str = ""  # Art. 33(1): a notification after 72 hours gives its reasons
    not_notified_reason: str = ""  # Art. 33(5): why a breach was not notified
    persons_informed_at: dt.datetime | None = None  # Art. 34(1)
    persons_informed_means: str = ""
    art34_exemption: Art34Exemption | None = None
    art34_exemption_reasoning: str = ""
    controller_notices: tuple[ControllerNotice, ...] = ()
    attachments: tuple[str, ...] = ()  # paths of the documents kept with the breach
    closed_on: dt.date | None = None
    notes: str = ""
    id: int | None = None
    version: int = 0

    @property
    def involves_health_data(self) -> bool:
        return any(c.is_health for c in self.data_categories)

    @property
    def first_notified_at(self) -> dt.datetime | None:
        moments = [n.at for n in self.authority_notifications]
        return min(moments) if moments else None
