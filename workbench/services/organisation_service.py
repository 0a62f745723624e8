from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.domain.enums import EntityKind, OrganisationKind
from workbench.domain.errors import ValidationError
from workbench.domain.records import Organisation
from workbench.i18n import _
from workbench.services._crud import CrudService, require
from workbench.services._journal import UnitOfWork
from workbench.services._mapping import RecordMapper
from workbench.storage.models import (
    BreachModel,
    DataSubjectRequestModel,
    OrganisationModel,
    SubprocessorModel,
    TreatmentModel,
)


class OrganisationService(CrudService[Organisation]):
    mapper = RecordMapper(EntityKind.ORGANISATION, Organisation, OrganisationModel)

    def own(self) -> list[Organisation]:
        return self.list(kind=OrganisationKind.OWN.value)

    def controllers(self) -> list[Organisation]:
        return self.list(kind=OrganisationKind.CLIENT_CONTROLLER.value)

    def find_by_name(self, name: str) -> Organisation | None:
        wanted = name.strip().casefold()
        return next((o for o in self.list() if o.name.casefold() == wanted), None)

    def validate(self, session: Session, record: Organisation) -> dict[str, str]:
        problems: dict[str, str] = {}
        require(problems, bool(record.name.strip()), "name", _("An organisation needs a name."))
        require(
            problems,
            0 < record.objection_period_days <= 365,
            "objection_period_days",
            _("The objection period is a number of days between 1 and 365."),
        )
        return problems

    def _before_delete(self, uow: UnitOfWork, entity_id: int) -> None:
        session = uow.session
        used = session.scalar(
            select(TreatmentModel.id).where(TreatmentModel.organisation_id == entity_id).limit(1)
        ) or session.scalar(
            select(SubprocessorModel.id)
            .where(SubprocessorModel.organisation_id == entity_id)
            .limit(1)
        )
        if used is not None:
            raise ValidationError(
                {
                    "id": _(
                        "This organisation still has treatments or subprocessors; "
                        "move or delete them first."
                    )
                }
            )
        logged = session.scalar(
            select(BreachModel.id).where(BreachModel.organisation_id == entity_id).limit(1)
        ) or session.scalar(
            select(DataSubjectRequestModel.id)
            .where(DataSubjectRequestModel.organisation_id == entity_id)
            .limit(1)
        )
        if logged is not None:  # the Art. 33(5) register and the request log are kept
            raise ValidationError(
                {"id": _("This organisation has breaches or data-subject requests on record.")}
            )
        from workbench.services.treatment_service import TreatmentService

        TreatmentService(self._context).unlink(uow, "controller_ids", entity_id)
