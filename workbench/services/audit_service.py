from __future__ import annotations

from sqlalchemy.orm import Session

from workbench.domain.enums import EntityKind
from workbench.domain.records import Audit
from workbench.i18n import _
from workbench.services._crud import CrudService, require
from workbench.services._mapping import RecordMapper
from workbench.storage.models import AuditModel, OrganisationModel, SubprocessorModel


class AuditService(CrudService[Audit]):
    mapper = RecordMapper(EntityKind.AUDIT, Audit, AuditModel)
    order_by = ("audit_on", "id")

    def validate(self, session: Session, record: Audit) -> dict[str, str]:
        problems: dict[str, str] = {}
        require(
            problems,
            session.get(OrganisationModel, record.organisation_id) is not None,
            "organisation_id",
            _("No organisation with id {id}.").format(id=record.organisation_id),
        )
        require(
            problems,
            record.notice_received_on is None
            or record.audit_on is None
            or record.notice_received_on <= record.audit_on,
            "notice_received_on",
            _("The notice is received before the audit date."),
        )
        require(
            problems,
            record.subprocessor_id is None
            or session.get(SubprocessorModel, record.subprocessor_id) is not None,
            "subprocessor_id",
            _("No subprocessor with id {id}.").format(id=record.subprocessor_id),
        )
        return problems
