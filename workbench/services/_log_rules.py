"""Rules the breach register and the request log share: what a record links to exists, only a
record handled as processor lists the controllers told, and every moment has its time zone."""

from __future__ import annotations

from typing import Protocol

from sqlalchemy.orm import Session

from workbench.domain.breaches import ControllerNotice
from workbench.domain.enums import Role
from workbench.i18n import _
from workbench.services._crud import require
from workbench.services._moments import naive_problems
from workbench.storage.models import OrganisationModel, TreatmentModel


class LoggedRecord(Protocol):
    @property
    def organisation_id(self) -> int: ...
    @property
    def role(self) -> Role: ...
    @property
    def treatment_ids(self) -> tuple[int, ...]: ...
    @property
    def controller_notices(self) -> tuple[ControllerNotice, ...]: ...


def shared_problems(session: Session, record: LoggedRecord, processor_only: str) -> dict[str, str]:
    """`processor_only`: the message when a record not handled as processor lists notices."""
    problems: dict[str, str] = {}
    require(
        problems,
        session.get(OrganisationModel, record.organisation_id) is not None,
        "organisation_id",
        _("No organisation with id {id}.").format(id=record.organisation_id),
    )
    for tid in record.treatment_ids:
        treatment = session.get(TreatmentModel, tid)
        if treatment is None:
            problems["treatment_ids"] = _("No treatment with id {id}.").format(id=tid)
        elif treatment.organisation_id != record.organisation_id:
            problems["treatment_ids"] = _(
                "The treatment {id} is another organisation's: each keeps its own register."
            ).format(id=tid)
    require(
        problems,
        record.role is Role.PROCESSOR or not record.controller_notices,
        "controller_notices",
        processor_only,
    )
    for notice in record.controller_notices:
        if session.get(OrganisationModel, notice.controller_id) is None:
            problems["controller_notices"] = _("No organisation with id {id}.").format(
                id=notice.controller_id
            )
    problems.update(naive_problems(record))
    return problems
