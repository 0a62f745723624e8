"""One Art. 28(2) notification: what it announces, its letter, sending, objection, acceptance.

GDPR Art. 28(2): the processor informs the controller of any intended addition or replacement
of a subprocessor, "thereby giving the controller the opportunity to object to such changes".
The letter is written by the service (`NotificationWorkflow.write_letter`); this dialog only
asks for it, shows where the notification stands, and records what happened.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.change_bus import ChangeBus
from ui.file_opener import open_file, private_folder
from ui.jobs import show_error
from ui.labels import date_text
from ui.plain_text import plain_label
from ui.widgets.attachments_widget import AttachmentsWidget
from ui.widgets.form_editors import DateEdit
from workbench.compliance.notifications import effective_status
from workbench.domain.enums import EntityKind, NotificationStatus
from workbench.domain.errors import WorkbenchError
from workbench.domain.records import Changes, Notification
from workbench.i18n import N_, _, current_locale
from workbench.services import Register
from workbench.services.notification_workflow import NotificationWorkflow

CHANGE_LABELS = {
    "added": N_("New subprocessor"),
    "replaced": N_("Replacement"),
    "removed": N_("Subprocessor removed"),
    "new_location": N_("New location"),
    "lost_certification": N_("Certification lost"),
}


def change_label(code: str) -> str:
    return _(CHANGE_LABELS[code]) if code in CHANGE_LABELS else code


def standing_text(notification: Notification, today: dt.date) -> str:
    """Where the notification stands today, in words (the objection deadline, or acceptance)."""
    status = effective_status(notification, today)
    deadline = notification.objection_deadline
    if status is NotificationStatus.DRAFT:
        return _("Draft: not sent yet. The objection period starts when it is sent.")
    if status is NotificationStatus.DEEMED_ACCEPTED:
        return _("Deemed accepted: no objection was received by {date} (Art. 28(2)).").format(
            date=date_text(deadline)
        )
    if status is NotificationStatus.OBJECTION_RECEIVED:
        return _("Objection received on {date}.").format(
            date=date_text(notification.objection_received_on)
        )
    days = (deadline - today).days if deadline else 0
    return _("Sent on {sent}. The controller may object until {date} ({days} days left).").format(
        sent=date_text(notification.sent_on), date=date_text(deadline), days=days
    )


class NotificationDialog(QDialog):
    def __init__(
        self,
        register: Register,
        bus: ChangeBus,
        notification_id: int,
        parent: QWidget | None = None,
        today: dt.date | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("notification_dialog")
        self.register = register
        self.bus = bus
        self.notification_id = notification_id
        self.today = today or dt.date.today()
        self.workflow = NotificationWorkflow(register)
        self.record = register.notifications.get(notification_id)
        self.controller = plain_label()
        self.standing = plain_label()
        self.standing.setWordWrap(True)
        self.standing.setObjectName("notification_standing")
        self.items = QTableWidget(0, 3)
        self.items.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.items.horizontalHeader().setStretchLastSection(True)
        self.items.verticalHeader().setVisible(False)
        self.letter_path = plain_label()
        self.letter_path.setWordWrap(True)
        self.preview_button = QPushButton()
        self.preview_button.setObjectName("action_preview_letter")
        self.write_button = QPushButton()
        self.write_button.setObjectName("action_regenerate_letter")
        self.sent_on = DateEdit()
        self.mark_sent_button = QPushButton()
        self.mark_sent_button.setObjectName("action_mark_notification_sent")
        self.objection_on = DateEdit()
        self.objection_text = QPlainTextEdit()
        self.objection_text.setFixedHeight(70)
        self.decision = QLineEdit()
        self.objection_button = QPushButton()
        self.objection_button.setObjectName("action_record_objection")
        self.attachments = AttachmentsWidget(register, bus, EntityKind.NOTIFICATION)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        self._build()
        self.preview_button.clicked.connect(self.preview_letter)
        self.write_button.clicked.connect(lambda _checked=False: self.write_letter())
        self.mark_sent_button.clicked.connect(self.mark_sent)
        self.objection_button.clicked.connect(self.record_objection)
        self.resize(760, 640)
        self.retranslate_ui()
        self.load()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(self.controller)
        layout.addWidget(self.standing)
        layout.addWidget(self.items, 1)
        self.letter_box = QGroupBox()
        letter = QHBoxLayout(self.letter_box)
        letter.addWidget(self.letter_path, 1)
        letter.addWidget(self.preview_button)
        letter.addWidget(self.write_button)
        layout.addWidget(self.letter_box)
        self.send_box = QGroupBox()
        send = QHBoxLayout(self.send_box)
        self.sent_label = plain_label()
        send.addWidget(self.sent_label)
        send.addWidget(self.sent_on)
        send.addWidget(self.mark_sent_button)
        send.addStretch(1)
        layout.addWidget(self.send_box)
        self.objection_box = QGroupBox()
        objection = QFormLayout(self.objection_box)
        self.objection_labels = [plain_label(), plain_label(), plain_label()]
        objection.addRow(self.objection_labels[0], self.objection_on)
        objection.addRow(self.objection_labels[1], self.objection_text)
        objection.addRow(self.objection_labels[2], self.decision)
        objection.addRow("", self.objection_button)
        layout.addWidget(self.objection_box)
        layout.addWidget(self.attachments)
        layout.addWidget(self.buttons)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Notification of a subprocessor change (Art. 28(2))"))
        self.items.setHorizontalHeaderLabels([_("Subprocessor"), _("Change"), _("Detail")])
        self.letter_box.setTitle(_("Letter"))
        self.preview_button.setText(_("Preview"))
        self.write_button.setText(_("Write the letter…"))
        self.send_box.setTitle(_("Sending"))
        self.sent_label.setText(_("Sent on"))
        self.mark_sent_button.setText(_("Mark sent"))
        self.objection_box.setTitle(_("Objection"))
        for label, text in zip(
            self.objection_labels,
            (N_("Received on"), N_("Objection as received"), N_("Decision")),
            strict=True,
        ):
            label.setText(_(text))
        self.objection_button.setText(_("Record the objection"))
        self.attachments.retranslate_ui()

    def load(self) -> None:
        record = self.record
        controller = self.register.organisations.get(record.controller_id)
        self.controller.setText(_("To: {controller}").format(controller=controller.name))
        self.standing.setText(standing_text(record, self.today))
        self.items.setRowCount(len(record.items))
        for row, item in enumerate(record.items):
            for column, text in enumerate(
                (item.subprocessor_name, change_label(item.change), item.detail)
            ):
                self.items.setItem(row, column, QTableWidgetItem(text))
        self.items.resizeColumnsToContents()
        self.letter_path.setText(record.document_path or _("No letter written yet."))
        if record.document_path:
            self.write_button.setText(_("Regenerate the letter…"))
        status = effective_status(record, self.today)
        draft = status is NotificationStatus.DRAFT
        self.sent_on.set_value(record.sent_on or self.today)
        self.sent_on.setEnabled(draft)
        self.mark_sent_button.setEnabled(draft)
        can_object = status is NotificationStatus.SENT
        objected = status is NotificationStatus.OBJECTION_RECEIVED
        self.objection_box.setEnabled(can_object or objected)
        self.objection_on.set_value(record.objection_received_on or self.today)
        self.objection_text.setPlainText(record.objection_text)
        self.decision.setText(record.objection_decision)
        self.objection_on.setEnabled(can_object)
        self.objection_text.setReadOnly(objected)
        self.objection_button.setText(
            _("Save the decision") if objected else _("Record the objection")
        )
        self.attachments.set_owner(self.notification_id)

    # -- actions -------------------------------------------------------------------------------
    def _changed(self) -> None:
        self.record = self.register.notifications.get(self.notification_id)
        self.bus.publish(Changes(frozenset({EntityKind.NOTIFICATION}), (self.notification_id,)))
        self.load()

    def preview_letter(self) -> Path | None:
        """Write the letter as it would be sent into a private folder and open it."""
        folder = private_folder()
        path = folder / f"notification-{self.notification_id}-preview.docx"
        try:
            written = self.workflow.write_letter(
                self.notification_id, path, current_locale(), self.today
            )
        except (WorkbenchError, OSError) as exc:
            show_error(self, _("Cannot write the letter"), exc)
            return None
        open_file(written)
        return written

    def write_letter(self, path: Path | None = None) -> Path | None:
        """(Re)write the letter where the user says; the notification keeps where it is."""
        if path is None:
            suggested = self.record.document_path or str(
                Path.home() / f"notification-{self.notification_id}.docx"
            )
            chosen, _filter = QFileDialog.getSaveFileName(
                self, _("Write the letter"), suggested, _("Word (.docx)") + " (*.docx)"
            )
            if not chosen:
                return None
            path = Path(chosen)
        try:
            written = self.workflow.write_letter(
                self.notification_id, path, current_locale(), self.today
            )
            if str(written) != self.record.document_path:
                self.register.notifications.update(
                    dataclasses.replace(self.record, document_path=str(written))
                )
        except (WorkbenchError, OSError) as exc:
            show_error(self, _("Cannot write the letter"), exc)
            return None
        self._changed()
        return written

    def mark_sent(self) -> None:
        try:
            self.workflow.mark_sent(self.notification_id, self.sent_on.value() or self.today)
        except (WorkbenchError, ValueError) as exc:
            show_error(self, _("Cannot mark it sent"), exc)
            return
        self._changed()

    def record_objection(self) -> None:
        try:
            if self.record.status is NotificationStatus.OBJECTION_RECEIVED:
                self.register.notifications.update(
                    dataclasses.replace(
                        self.record, objection_decision=self.decision.text().strip()
                    )
                )
            else:
                self.workflow.record_objection(
                    self.notification_id,
                    self.objection_on.value() or self.today,
                    self.objection_text.toPlainText().strip(),
                    self.decision.text(),
                )
        except (WorkbenchError, ValueError) as exc:
            show_error(self, _("Cannot record the objection"), exc)
            return
        self._changed()
