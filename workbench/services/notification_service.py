from __future__ import annotations

from sqlalchemy.orm import Session

from workbench.domain.enums import EntityKind
from workbench.domain.records import Notification
from workbench.i18n import _
from workbench.services._crud import CrudService, require
from workbench.services._mapping import RecordMapper
from workbench.storage.models import NotificationModel, OrganisationModel


class NotificationService(CrudService[Notification]):
    mapper = RecordMapper(EntityKind.NOTIFICATION, Notification, NotificationModel)
    order_by = ("created_on", "id")

    def validate(self, session: Session, record: Notification) -> dict[str, str]:
        problems: dict[str, str] = {}
        for name in ("controller_id", "organisation_id"):
            oid = getattr(record, name)
            require(
                problems,
                session.get(OrganisationModel, oid) is not None,
                name,
                _("No organisation with id {id}.").format(id=oid),
            )
        return problems
