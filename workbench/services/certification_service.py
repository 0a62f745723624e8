from __future__ import annotations

from sqlalchemy.orm import Session

from workbench.domain.enums import CertificationKind, EntityKind
from workbench.domain.records import Certification
from workbench.i18n import _
from workbench.services._crud import CrudService, require
from workbench.services._mapping import RecordMapper
from workbench.storage.models import CertificationModel

HDS_ACTIVITIES = range(1, 7)  # CSP R.1111-9, 1° to 6°


class CertificationService(CrudService[Certification]):
    mapper = RecordMapper(EntityKind.CERTIFICATION, Certification, CertificationModel)
    order_by = ("kind", "expires_on", "id")

    def of_subprocessor(self, subprocessor_id: int) -> list[Certification]:
        return self.list(subprocessor_id=subprocessor_id)

    def of_organisation(self, organisation_id: int) -> list[Certification]:
        return self.list(organisation_id=organisation_id)

    def validate(self, session: Session, record: Certification) -> dict[str, str]:
        problems: dict[str, str] = {}
        require(
            problems,
            (record.organisation_id is None) != (record.subprocessor_id is None),
            "holder",
            _("A certificate belongs to exactly one organisation or one subprocessor."),
        )
        require(
            problems,
            all(a in HDS_ACTIVITIES for a in record.hds_activities),
            "hds_activities",
            _("HDS activities are numbered 1 to 6 (CSP R.1111-9)."),
        )
        require(
            problems,
            record.kind is CertificationKind.HDS or not record.hds_activities,
            "hds_activities",
            _("Only an HDS certificate lists HDS activities."),
        )
        require(
            problems,
            record.issued_on is None
            or record.expires_on is None
            or record.expires_on > record.issued_on,
            "expires_on",
            _("The expiry date comes after the issue date."),
        )
        return problems
