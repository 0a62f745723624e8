from __future__ import annotations

import dataclasses

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.domain.enums import EntityKind, OrganisationKind
from workbench.domain.errors import ValidationError
from workbench.domain.names import organisation_named
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
        """The clients served as processor: named controllers and categories of clients."""
        client_kinds = (OrganisationKind.CLIENT_CONTROLLER, OrganisationKind.CLIENT_CATEGORY)
        return [o for o in self.list() if o.kind in client_kinds]

    def find_by_name(self, name: str) -> Organisation | None:
        return organisation_named(self.list(), name)

    def validate(self, session: Session, record: Organisation) -> dict[str, str]:
        problems: dict[str, str] = {}
        require(problems, bool(record.name.strip()), "name", _("An organisation needs a name."))
        require(
            problems,
            0 < record.objection_period_days <= 365,
            "objection_period_days",
            _("The objection period is a number of days between 1 and 365."),
        )
        if record.dpo_organisation_id is not None:
            shared = session.get(OrganisationModel, record.dpo_organisation_id)
            require(
                problems,
                shared is not None and record.dpo_organisation_id != record.id,
                "dpo_organisation_id",
                _("The group DPO is designated by another organisation of this register."),
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

        treatments = TreatmentService(self._context)
        treatments.unlink(uow, "controller_ids", entity_id)
        treatments.unlink(uow, "processor_ids", entity_id)
        self._unlink_group_dpo(uow, entity_id)

    def _unlink_group_dpo(self, uow: UnitOfWork, entity_id: int) -> None:
        """Organisations that shared the deleted one's DPO no longer do (journaled, undoable)."""
        session = uow.session
        sharing = session.scalars(
            select(OrganisationModel.id).where(OrganisationModel.dpo_organisation_id == entity_id)
        ).all()
        for other_id in sharing:
            before = self._get(session, other_id)
            self._update(uow, dataclasses.replace(before, dpo_organisation_id=None))
