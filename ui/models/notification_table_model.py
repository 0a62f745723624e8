from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ui.models.entity_table_model import RIGHT, Column, EntityTableModel
from workbench.domain.enums import EntityKind, NotificationStatus
from workbench.domain.records import Notification
from workbench.i18n import N_
from workbench.services import Register
from workbench.services.notification_workflow import NotificationWorkflow


@dataclass(frozen=True, slots=True)
class NotificationRow:
    notification: Notification
    controller: str
    status: NotificationStatus  # as it stands today: "deemed accepted" once the deadline passed

    @property
    def id(self) -> int:
        return self.notification.id or 0

    @property
    def changes(self) -> str:
        from ui.dialogs.notification_dialog import change_label

        return "; ".join(
            f"{item.subprocessor_name} ({change_label(item.change)})"
            for item in self.notification.items
        )


class NotificationTableModel(EntityTableModel[NotificationRow]):
    list_name = "notifications"
    kinds = frozenset({EntityKind.NOTIFICATION, EntityKind.ORGANISATION})
    columns = (
        Column("id", N_("ID"), lambda r: r.id, RIGHT, visible_by_default=False),
        Column("controller", N_("Controller informed"), lambda r: r.controller),
        Column("status", N_("Status"), lambda r: r.status),
        Column("changes", N_("Changes announced"), lambda r: r.changes),
        Column("created_on", N_("Created on"), lambda r: r.notification.created_on),
        Column("sent_on", N_("Sent on"), lambda r: r.notification.sent_on),
        Column("deadline", N_("Objection deadline"), lambda r: r.notification.objection_deadline),
    )

    def __init__(self, register: Register) -> None:
        super().__init__()
        self._register = register

    def load_rows(self) -> Sequence[NotificationRow]:
        return [
            NotificationRow(v.notification, v.controller_name, v.status)
            for v in NotificationWorkflow(self._register).views()
        ]
