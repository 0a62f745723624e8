from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.domain import codec
from workbench.domain.enums import ChangeAction, EntityKind, LocationKind
from workbench.domain.records import Subprocessor, Treatment
from workbench.i18n import _
from workbench.services._crud import CrudService, require
from workbench.services._journal import UnitOfWork
from workbench.services._mapping import RecordMapper
from workbench.storage.models import OrganisationModel, SubprocessorModel, treatment_subprocessor


class SubprocessorService(CrudService[Subprocessor]):
    mapper = RecordMapper(EntityKind.SUBPROCESSOR, Subprocessor, SubprocessorModel)
    order_by = ("organisation_id", "category", "name", "id")

    def validate(self, session: Session, record: Subprocessor) -> dict[str, str]:
        problems: dict[str, str] = {}
        require(problems, bool(record.name.strip()), "name", _("A subprocessor needs a name."))
        require(
            problems,
            session.get(OrganisationModel, record.organisation_id) is not None,
            "organisation_id",
            _("No organisation with id {id}.").format(id=record.organisation_id),
        )
        for location in record.locations:
            if location.kind is LocationKind.COUNTRY and not (
                len(location.code) == 2 and location.code.isalpha() and location.code.isupper()
            ):
                problems["locations"] = _(
                    "'{code}' is not an ISO 3166-1 alpha-2 country code (e.g. FR, US)."
                ).format(code=location.code)
        require(problems, record.chain_level >= 1, "chain_level", _("The chain level starts at 1."))
        return problems

    def _before_delete(self, uow: UnitOfWork, entity_id: int) -> None:
        # The treatments using it lose the link (FK cascade); journal each so undo brings it back.
        from workbench.services.treatment_service import TreatmentService

        session = uow.session
        treatments = TreatmentService(self._context)
        linked = session.scalars(
            select(treatment_subprocessor.c.treatment_id).where(
                treatment_subprocessor.c.subprocessor_id == entity_id
            )
        ).all()
        for treatment_id in linked:
            before: Treatment = treatments._get(session, treatment_id)
            after = codec.to_dict(before) | {
                "subprocessor_ids": [s for s in before.subprocessor_ids if s != entity_id]
            }
            treatments.mapper.save_links(session, treatment_id, codec.from_dict(Treatment, after))
            uow.record(
                EntityKind.TREATMENT,
                treatment_id,
                ChangeAction.UPDATE,
                codec.to_dict(before),
                after,
            )
