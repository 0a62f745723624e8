from __future__ import annotations

import json
from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy import String, func, select, type_coerce
from sqlalchemy.orm import Session

from workbench.domain.enums import (
    EntityKind,
    LegalBasis,
    OrganisationKind,
    Role,
    TreatmentStatus,
)
from workbench.domain.records import Treatment
from workbench.i18n import _
from workbench.services._crud import CrudService, require
from workbench.services._journal import UnitOfWork
from workbench.services._mapping import LinkSpec, RecordMapper
from workbench.storage.models import (
    OrganisationModel,
    SubprocessorModel,
    TreatmentModel,
    treatment_controller,
    treatment_processor,
    treatment_subprocessor,
)


@dataclass(frozen=True, slots=True)
class TreatmentRow:
    """What a list shows of a treatment: cheap to load for tens of thousands of rows."""

    id: int
    name: str
    organisation: str
    role: Role
    legal_basis: LegalBasis | None
    retention_text: str
    status: TreatmentStatus
    subprocessor_count: int
    unconfirmed_fields: tuple[str, ...] = ()  # the fields whose value is still to be verified


def marked_fields(stored: object) -> tuple[str, ...]:
    """The fields named by a stored `unconfirmed` list (text, or already decoded)."""
    if isinstance(stored, str):
        if stored == "[]":
            return ()
        stored = json.loads(stored)
    return tuple(m["field"] for m in stored or ())  # type: ignore[attr-defined]


class TreatmentService(CrudService[Treatment]):
    mapper = RecordMapper(
        EntityKind.TREATMENT,
        Treatment,
        TreatmentModel,
        links={
            "controller_ids": LinkSpec(treatment_controller, "treatment_id", "organisation_id"),
            "processor_ids": LinkSpec(treatment_processor, "treatment_id", "organisation_id"),
            "subprocessor_ids": LinkSpec(treatment_subprocessor, "treatment_id", "subprocessor_id"),
        },
    )
    order_by = ("organisation_id", "role", "id")

    def rows(
        self, organisation_id: int | None = None, ids: Collection[int] | None = None
    ) -> list[TreatmentRow]:
        """The list's light rows: of one organisation, of some treatments (`ids`: the rows a
        write touched, read again alone), or all."""
        counts = (
            select(
                treatment_subprocessor.c.treatment_id,
                func.count().label("n"),
            )
            .group_by(treatment_subprocessor.c.treatment_id)
            .subquery()
        )
        query = (
            select(
                TreatmentModel.id,
                TreatmentModel.name,
                OrganisationModel.name,
                TreatmentModel.role,
                TreatmentModel.legal_basis,
                TreatmentModel.retention_text,
                TreatmentModel.status,
                func.coalesce(counts.c.n, 0),
                # as text: most are "[]", which need no JSON parsing (10k rows: see bench)
                type_coerce(TreatmentModel.unconfirmed, String),
            )
            .join(OrganisationModel, OrganisationModel.id == TreatmentModel.organisation_id)
            .outerjoin(counts, counts.c.treatment_id == TreatmentModel.id)
            .order_by(TreatmentModel.organisation_id, TreatmentModel.role, TreatmentModel.id)
        )
        if organisation_id is not None:
            query = query.where(TreatmentModel.organisation_id == organisation_id)
        if ids is not None:
            query = query.where(TreatmentModel.id.in_(list(ids)))
        with self._context.read() as session:
            return [
                TreatmentRow(
                    id=row[0],
                    name=row[1],
                    organisation=row[2],
                    role=Role(row[3]),
                    legal_basis=LegalBasis(row[4]) if row[4] else None,
                    retention_text=row[5],
                    status=TreatmentStatus(row[6]),
                    subprocessor_count=row[7],
                    unconfirmed_fields=marked_fields(row[8]),
                )
                for row in session.execute(query)
            ]

    def using_subprocessor(self, subprocessor_id: int) -> list[Treatment]:
        with self._context.read() as session:
            ids = session.scalars(
                select(treatment_subprocessor.c.treatment_id).where(
                    treatment_subprocessor.c.subprocessor_id == subprocessor_id
                )
            ).all()
            models = session.scalars(
                select(TreatmentModel).where(TreatmentModel.id.in_(ids)).order_by(TreatmentModel.id)
            )
            return self.mapper.records(session, models)

    def _before_delete(self, uow: UnitOfWork, entity_id: int) -> None:
        from workbench.services.breach_service import BreachService
        from workbench.services.data_subject_request_service import DataSubjectRequestService

        BreachService(self._context).unlink(uow, "treatment_ids", entity_id)
        DataSubjectRequestService(self._context).unlink(uow, "treatment_ids", entity_id)

    def validate(self, session: Session, record: Treatment) -> dict[str, str]:
        problems: dict[str, str] = {}
        require(problems, bool(record.name.strip()), "name", _("A treatment needs a name."))
        require(
            problems,
            session.get(OrganisationModel, record.organisation_id) is not None,
            "organisation_id",
            _("No organisation with id {id}.").format(id=record.organisation_id),
        )
        require(
            problems,
            record.role is Role.PROCESSOR or not record.controller_ids,
            "controller_ids",
            _("Only a treatment carried out as processor lists the controllers it serves."),
        )
        for oid in record.controller_ids:
            if session.get(OrganisationModel, oid) is None:
                problems["controller_ids"] = _("No organisation with id {id}.").format(id=oid)
        for oid in record.processor_ids:
            processor = session.get(OrganisationModel, oid)
            if processor is None:
                problems["processor_ids"] = _("No organisation with id {id}.").format(id=oid)
            elif processor.kind != OrganisationKind.OWN.value or oid == record.organisation_id:
                problems["processor_ids"] = _(
                    "A processor of the group is another organisation of this register "
                    "(Art. 28); subprocessors are linked as subprocessors."
                )
        for sid in record.subprocessor_ids:
            if session.get(SubprocessorModel, sid) is None:
                problems["subprocessor_ids"] = _("No subprocessor with id {id}.").format(id=sid)
        retention = record.retention
        require(
            problems,
            retention.duration is None or retention.duration > 0,
            "retention",
            _("A retention duration is a positive number."),
        )
        return problems
