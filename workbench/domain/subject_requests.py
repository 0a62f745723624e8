"""The log of data-subject requests (GDPR Art. 12 to 22).

The deadline itself is not stored: it is computed from the dates below (one month from
receipt, Art. 12(3), counted per Reg. (EEC, Euratom) 1182/71) and shown as computed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from workbench.domain.breaches import ControllerNotice
from workbench.domain.enums import (
    DataSubjectRight,
    IdentityCheck,
    RequestChannel,
    RequestOutcome,
    Role,
)

MAX_EXTENSION_MONTHS = 2  # Art. 12(3): "extended by two further months"


@dataclass(frozen=True, slots=True)
class DataSubjectRequest:
    organisation_id: int
    received_on: dt.date
    requester: str = ""
    requester_contact: str = ""
    channel: RequestChannel = RequestChannel.EMAIL
    rights: tuple[DataSubjectRight, ...] = ()
    description: str = ""
    role: Role = Role.CONTROLLER  # PROCESSOR: the request belongs to the controllers
    treatment_ids: tuple[int, ...] = ()
    identity: IdentityCheck = IdentityCheck.NOT_NEEDED
    identity_requested_on: dt.date | None = None  # the clock stops (Art. 12(6))...
    identity_received_on: dt.date | None = None  # ...and runs again
    extension_months: int = 0  # 0, 1 or 2 (Art. 12(3))
    extension_reason: str = ""
    extension_notified_on: dt.date | None = None  # the person is told within the first month
    controller_notices: tuple[ControllerNotice, ...] = ()
    outcome: RequestOutcome | None = None  # None: still open
    outcome_reason: str = ""  # a refusal gives its reasons and the remedies (Art. 12(4))
    closed_on: dt.date | None = None
    attachments: tuple[str, ...] = ()
    notes: str = ""
    id: int | None = None
    version: int = 0

    @property
    def is_open(self) -> bool:
        return self.closed_on is None
