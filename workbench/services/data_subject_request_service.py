"""The log of data-subject requests (GDPR Art. 12 to 22)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from workbench.domain.enums import EntityKind, IdentityCheck, RequestOutcome
from workbench.domain.subject_requests import MAX_EXTENSION_MONTHS, DataSubjectRequest
from workbench.i18n import _
from workbench.services._crud import require
from workbench.services._log_rules import shared_problems
from workbench.services._mapping import LinkSpec, RecordMapper
from workbench.services._moments import UtcCrudService
from workbench.storage.models import (
    DataSubjectRequestModel,
    request_treatment,
)


class DataSubjectRequestService(UtcCrudService[DataSubjectRequest]):
    mapper = RecordMapper(
        EntityKind.DATA_SUBJECT_REQUEST,
        DataSubjectRequest,
        DataSubjectRequestModel,
        links={"treatment_ids": LinkSpec(request_treatment, "request_id", "treatment_id")},
    )
    order_by = ("organisation_id", "received_on", "id")

    def validate(self, session: Session, record: DataSubjectRequest) -> dict[str, str]:
        problems = shared_problems(
            session, record, _("Only a request received as processor is passed on to controllers.")
        )
        require(
            problems,
            0 <= record.extension_months <= MAX_EXTENSION_MONTHS,
            "extension_months",
            _("The deadline can be extended by at most two further months (Art. 12(3))."),
        )
        received = record.received_on
        _not_before(problems, "identity_requested_on", received, record.identity_requested_on)
        _not_before(problems, "identity_received_on", received, record.identity_received_on)
        _not_before(
            problems,
            "identity_received_on",
            record.identity_requested_on,
            record.identity_received_on,
        )
        require(
            problems,
            record.identity is not IdentityCheck.REQUESTED
            or record.identity_requested_on is not None,
            "identity_requested_on",
            _("Say when the proof of identity was asked for: the deadline waits from then."),
        )
        _not_before(problems, "extension_notified_on", received, record.extension_notified_on)
        _not_before(problems, "closed_on", received, record.closed_on)
        require(
            problems,
            record.closed_on is None or record.outcome is not None,
            "outcome",
            _("A closed request records its outcome."),
        )
        require(
            problems,
            record.outcome is not RequestOutcome.REFUSED or bool(record.outcome_reason.strip()),
            "outcome_reason",
            _("A refusal gives its reasons and the remedies to the person (Art. 12(4))."),
        )
        return problems


def _not_before(
    problems: dict[str, str], key: str, earliest: dt.date | None, day: dt.date | None
) -> None:
    if earliest is not None and day is not None and day < earliest and key not in problems:
        problems[key] = _("This date cannot be before {date}.").format(date=earliest.isoformat())
