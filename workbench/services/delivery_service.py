from __future__ import annotations

from sqlalchemy.orm import Session

from workbench.domain.enums import EntityKind
from workbench.domain.records import Delivery
from workbench.i18n import _
from workbench.services._crud import CrudService, require
from workbench.services._mapping import RecordMapper
from workbench.storage.models import DeliveryModel


class DeliveryService(CrudService[Delivery]):
    mapper = RecordMapper(EntityKind.DELIVERY, Delivery, DeliveryModel)
    order_by = ("signed_at", "id")

    def validate(self, session: Session, record: Delivery) -> dict[str, str]:
        problems: dict[str, str] = {}
        require(problems, bool(record.signed_by.strip()), "signed_by", _("Say who signs off."))
        require(
            problems,
            len(record.manifest_sha256) == 64,
            "manifest_sha256",
            _("A sign-off needs the SHA-256 of the package's manifest."),
        )
        return problems
