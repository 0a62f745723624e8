from __future__ import annotations

from sqlalchemy.orm import Session

from workbench.domain.enums import EntityKind, LocationKind
from workbench.domain.records import Subprocessor
from workbench.i18n import _
from workbench.services._crud import CrudService, require
from workbench.services._journal import UnitOfWork
from workbench.services._mapping import RecordMapper
from workbench.storage.models import OrganisationModel, SubprocessorModel


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
        from workbench.services.breach_service import BreachService
        from workbench.services.treatment_service import TreatmentService

        TreatmentService(self._context).unlink(uow, "subprocessor_ids", entity_id)
        BreachService(self._context).unlink(uow, "subprocessor_ids", entity_id)
