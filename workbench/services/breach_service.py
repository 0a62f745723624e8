"""The breach register (GDPR Art. 33(5)): every breach is documented, notified or not."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from workbench.domain.breaches import Breach
from workbench.domain.enums import EntityKind
from workbench.i18n import _
from workbench.services._crud import require
from workbench.services._log_rules import shared_problems
from workbench.services._mapping import LinkSpec, RecordMapper
from workbench.services._moments import UtcCrudService, naive_problems
from workbench.storage.models import (
    BreachModel,
    SubprocessorModel,
    breach_subprocessor,
    breach_treatment,
)


class BreachService(UtcCrudService[Breach]):
    mapper = RecordMapper(
        EntityKind.BREACH,
        Breach,
        BreachModel,
        links={
            "treatment_ids": LinkSpec(breach_treatment, "breach_id", "treatment_id"),
            "subprocessor_ids": LinkSpec(breach_subprocessor, "breach_id", "subprocessor_id"),
        },
    )
    order_by = ("organisation_id", "aware_at", "id")

    def validate(self, session: Session, record: Breach) -> dict[str, str]:
        problems = shared_problems(
            session,
            record,
            _("Only a breach suffered as processor is passed on to controllers (Art. 33(2))."),
        )
        require(problems, bool(record.title.strip()), "title", _("A breach needs a short title."))
        for sid in record.subprocessor_ids:
            sub = session.get(SubprocessorModel, sid)
            if sub is None:
                problems["subprocessor_ids"] = _("No subprocessor with id {id}.").format(id=sid)
            elif sub.organisation_id != record.organisation_id:
                problems["subprocessor_ids"] = _(
                    "The subprocessor {id} is another organisation's."
                ).format(id=sid)
        if not naive_problems(record):  # aware and naive moments cannot be compared
            _check_moments(problems, record)
        for name, count in (
            ("subjects_count", record.subjects_count),
            ("records_count", record.records_count),
        ):
            require(problems, count is None or count >= 0, name, _("A number, 0 or more."))
        return problems


def _check_moments(problems: dict[str, str], record: Breach) -> None:
    """The order a breach's moments come in: it happens, is discovered, one becomes aware of
    it (Art. 33(1): the 72 hours start at awareness), then notifies."""
    _in_order(
        problems,
        "discovered_at",
        record.occurred_at,
        record.discovered_at,
        _("A breach is discovered after it happened."),
    )
    _in_order(
        problems,
        "aware_at",
        record.discovered_at or record.occurred_at,
        record.aware_at,
        _("One becomes aware of a breach after it happened and was discovered."),
    )
    for notification in record.authority_notifications:
        _in_order(
            problems,
            "authority_notifications",
            record.aware_at,
            notification.at,
            _("A notification to the CNIL comes after the organisation became aware."),
        )
    _in_order(
        problems,
        "persons_informed_at",
        record.occurred_at,
        record.persons_informed_at,
        _("Persons are informed of a breach after it happened."),
    )


def _in_order(
    problems: dict[str, str],
    key: str,
    first: dt.datetime | None,
    then: dt.datetime | None,
    message: str,
) -> None:
    if first is not None and then is not None and then < first:
        problems[key] = message
