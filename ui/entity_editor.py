"""Opening the edit form of any record, creating and deleting records, from anywhere.

Forms can open other forms (a treatment's subprocessor, a subprocessor's treatments): the link
is followed once the current form is saved or closed, so only one form is open at a time.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtWidgets import QMessageBox, QWidget

from ui.change_bus import ChangeBus
from ui.dialogs.audit_dialog import AuditDialog
from ui.dialogs.breach_dialog import BreachDialog
from ui.dialogs.certification_dialog import CertificationDialog
from ui.dialogs.data_subject_request_dialog import DataSubjectRequestDialog
from ui.dialogs.entity_form_dialog import EntityFormDialog
from ui.dialogs.organisation_dialog import OrganisationDialog
from ui.dialogs.subprocessor_dialog import SubprocessorDialog
from ui.dialogs.treatment_dialog import TreatmentDialog
from ui.jobs import Job, run_job, show_error
from ui.labels import enum_label
from ui.notification_desk import NotificationDesk
from ui.plain_text import ask
from workbench.domain.breaches import Breach
from workbench.domain.enums import (
    AuditRequester,
    AuditType,
    CertificationKind,
    EntityKind,
    OrganisationKind,
)
from workbench.domain.errors import WorkbenchError
from workbench.domain.records import (
    Audit,
    Certification,
    Organisation,
    Subprocessor,
    Treatment,
)
from workbench.domain.subject_requests import DataSubjectRequest
from workbench.i18n import _, ngettext
from workbench.services import Register

DIALOGS: dict[EntityKind, type[EntityFormDialog[Any]]] = {
    EntityKind.TREATMENT: TreatmentDialog,
    EntityKind.SUBPROCESSOR: SubprocessorDialog,
    EntityKind.ORGANISATION: OrganisationDialog,
    EntityKind.CERTIFICATION: CertificationDialog,
    EntityKind.AUDIT: AuditDialog,
    EntityKind.BREACH: BreachDialog,
    EntityKind.DATA_SUBJECT_REQUEST: DataSubjectRequestDialog,
}


class EntityEditor:
    def __init__(self, parent: QWidget, register: Register, bus: ChangeBus) -> None:
        self._parent = parent
        self.register = register
        self._bus = bus
        self.current: EntityFormDialog[Any] | None = None
        self.notifications = NotificationDesk(parent, register, bus)

    def can_edit(self, kind: EntityKind) -> bool:
        return kind in DIALOGS or kind is EntityKind.NOTIFICATION

    def blank(self, kind: EntityKind) -> Any:
        """A new record with sensible defaults (the first own organisation), or None."""
        own = self.register.organisations.own()
        org_id = own[0].id if own and own[0].id is not None else None
        if kind is EntityKind.ORGANISATION:
            return Organisation(name="", kind=OrganisationKind.OWN)
        if org_id is None:
            QMessageBox.information(
                self._parent,
                _("No organisation yet"),
                _("Create your own organisation first (Organisations, then New)."),
            )
            return None
        if kind is EntityKind.TREATMENT:
            return Treatment(organisation_id=org_id, name="")
        if kind is EntityKind.SUBPROCESSOR:
            return Subprocessor(organisation_id=org_id, name="")
        if kind is EntityKind.CERTIFICATION:
            return Certification(kind=CertificationKind.HDS, organisation_id=org_id)
        if kind is EntityKind.AUDIT:
            return Audit(org_id, AuditType.GDPR_CONTROLLER, AuditRequester.PARTNER)
        if kind is EntityKind.BREACH:
            return Breach(organisation_id=org_id, title="")
        if kind is EntityKind.DATA_SUBJECT_REQUEST:
            return DataSubjectRequest(organisation_id=org_id, received_on=dt.date.today())
        return None

    def create(self, kind: EntityKind) -> None:
        if kind is EntityKind.NOTIFICATION:  # drafted from the changes to announce
            self.notifications.draft()
            return
        record = self.blank(kind)
        if record is not None:
            self._run(kind, record)

    def open(self, kind: EntityKind, entity_id: int) -> None:
        if kind is EntityKind.NOTIFICATION:
            self.notifications.open(entity_id)
            return
        if kind not in DIALOGS:
            return
        try:
            record = self.register.service_for(kind).get(entity_id)
        except WorkbenchError as exc:
            show_error(self._parent, _("Cannot open this record"), exc)
            return
        self._run(kind, record)

    def dialog_for(self, kind: EntityKind, record: Any) -> EntityFormDialog[Any]:
        return DIALOGS[kind](self.register, self._bus, record, self._parent)

    def _run(self, kind: EntityKind, record: Any) -> None:
        dialog = self.dialog_for(kind, record)
        follow: list[tuple[EntityKind, int]] = []

        def follow_link(link_kind: EntityKind, link_id: int) -> None:
            # Leave this form (saving or discarding as the user says), then open the other.
            if dialog.confirm_discard():
                follow.append((link_kind, link_id))
                dialog.done(0)

        dialog.open_entity_requested.connect(follow_link)
        self.current = dialog
        try:
            dialog.exec()
        finally:
            self.current = None
            dialog.deleteLater()
        if follow:
            self.open(*follow[0])

    def delete(self, kind: EntityKind, entity_id: int) -> bool:
        service = self.register.service_for(kind)
        try:
            record = service.get(entity_id)
        except WorkbenchError as exc:
            show_error(self._parent, _("Cannot delete this record"), exc)
            return False
        name = next(
            (v for f in ("name", "title", "requester") if (v := getattr(record, f, ""))),
            str(entity_id),
        )
        if not ask(  # the name is data: shown as written, never as markup
            self._parent,
            _("Delete"),
            _("Delete the {kind} “{name}”? You can undo it with Ctrl+Z.").format(
                kind=enum_label(kind).lower(), name=name
            ),
        ):
            return False
        try:
            self._bus.publish(service.delete(entity_id))
        except WorkbenchError as exc:
            show_error(self._parent, _("Cannot delete this record"), exc)
            return False
        return True

    def confirm_marks(self, kind: EntityKind, ids: list[int], values: int) -> Job | None:
        """Confirm, after asking, the inferred values of several records: one journaled
        operation ("Confirm … values" in History, undone with Ctrl+Z)."""
        question = _(
            "Confirm {values} in {records}? They are then recorded as stated by you; "
            "History keeps the confirmation and Ctrl+Z undoes it."
        ).format(
            values=ngettext("{count} inferred value", "{count} inferred values", values).format(
                count=values
            ),
            records=ngettext("{count} record", "{count} records", len(ids)).format(count=len(ids)),
        )
        answer = QMessageBox.question(self._parent, _("Confirm inferred values"), question)
        if answer != QMessageBox.StandardButton.Yes:
            return None
        service = self.register.service_for(kind)
        return (
            run_job(self._parent, lambda _progress: service.confirm(ids))
            .on_success(self._bus.publish)
            .with_progress(_("Confirming inferred values…"))
            .start()
        )
