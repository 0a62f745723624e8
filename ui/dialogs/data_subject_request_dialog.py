"""Edit a data-subject request (Art. 12 to 22): the request, then how it is handled, with its
deadline computed (one month, Art. 12(3); Reg. 1182/71) and shown as computed."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QSpinBox, QTabWidget, QWidget

from ui.change_bus import ChangeBus
from ui.dialogs.entity_form_dialog import EntityFormDialog
from ui.dialogs.log_form_fields import read_table, text_box
from ui.widgets.form_editors import DateEdit, EnumComboBox, LinkedItemsEditor
from ui.widgets.inferred_marks import plain_label
from ui.widgets.list_editors import StringListEditor
from ui.widgets.log_editors import ControllerNoticeEditor, EnumChecklist
from workbench.compliance.calendar import FrenchCalendar
from workbench.compliance.legal_clocks import request_deadline
from workbench.domain.enums import (
    DataSubjectRight,
    EntityKind,
    IdentityCheck,
    RequestChannel,
    RequestOutcome,
    Role,
)
from workbench.domain.subject_requests import MAX_EXTENSION_MONTHS, DataSubjectRequest
from workbench.i18n import N_, _
from workbench.services import Register
from workbench.services.compliance_service import ComplianceService


class DataSubjectRequestDialog(EntityFormDialog[DataSubjectRequest]):
    kind = EntityKind.DATA_SUBJECT_REQUEST

    def __init__(
        self,
        register: Register,
        bus: ChangeBus,
        record: DataSubjectRequest,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(register, bus, record, parent)
        self._organisations = register.organisations.list()
        self._treatments = register.treatments.list()
        subdivision = ComplianceService(register).settings().holiday_subdivision
        self._calendar = FrenchCalendar(subdivision)
        self.tabs = QTabWidget()
        self._build_request()
        self._build_handling()
        self.finish_layout(self.tabs)
        self.saved.connect(lambda _changes: self._show_deadline(self.record))  # recomputed
        self.resize(820, 660)
        self.load_record()
        self.retranslate_fields()

    def _build_request(self) -> None:
        form = self.add_form_page(self.tabs)
        self.organisation = self.add_organisation_row(form, N_("Organisation"), self._organisations)
        self.received_on = self.add_row(form, "received_on", N_("Received on"), DateEdit())
        self.requester = self.add_row(form, "requester", N_("Requester"), QLineEdit())
        self.contact = self.add_row(form, "requester_contact", N_("Contact"), QLineEdit())
        self.channel = self.add_row(form, "channel", N_("Channel"), EnumComboBox(RequestChannel))
        self.rights = self.add_row(
            form, "rights", N_("Rights exercised"), EnumChecklist(DataSubjectRight)
        )
        self.description = self.add_row(form, "description", N_("The request"), text_box(70))
        self.role = self.add_row(form, "role", N_("Role"), EnumComboBox(Role))
        self.treatment_links = self.add_row(
            form, "treatment_ids", N_("Treatments concerned"), LinkedItemsEditor()
        )
        self.treatment_links.open_requested.connect(
            lambda tid: self.open_entity_requested.emit(EntityKind.TREATMENT, tid)
        )

    def _build_handling(self) -> None:
        form = self.add_form_page(self.tabs)
        self.deadline_title = QLabel()
        self.deadline_label = plain_label()  # computed, and said so
        self.deadline_label.setWordWrap(True)
        form.addRow(self.deadline_title, self.deadline_label)
        self.identity = self.add_row(
            form, "identity", N_("Identity check"), EnumComboBox(IdentityCheck)
        )
        self.identity_requested_on = self.add_row(
            form, "identity_requested_on", N_("Proof of identity asked on"), DateEdit()
        )
        self.identity_received_on = self.add_row(
            form, "identity_received_on", N_("Proof of identity received on"), DateEdit()
        )
        self.extension = self.add_row(
            form, "extension_months", N_("Extension (further months)"), QSpinBox()
        )
        self.extension.setRange(0, MAX_EXTENSION_MONTHS)
        self.extension_reason = self.add_row(
            form, "extension_reason", N_("Reasons for the extension"), text_box(50)
        )
        self.extension_notified_on = self.add_row(
            form, "extension_notified_on", N_("Person told of the extension on"), DateEdit()
        )
        self.controller_notices = self.add_row(
            form,
            "controller_notices",
            N_("Controllers it was passed to (as processor)"),
            ControllerNoticeEditor(),
        )
        self.add_controllers = QPushButton()
        form.addRow("", self.add_controllers)
        self.add_controllers.clicked.connect(
            lambda: self.controller_notices.add_controllers_of(
                self._treatments, self.treatment_links.checked_ids()
            )
        )
        self.outcome = self.add_row(
            form, "outcome", N_("Outcome"), EnumComboBox(RequestOutcome, True)
        )
        self.outcome_reason = self.add_row(
            form, "outcome_reason", N_("Reasons (a refusal: and the remedies)"), text_box(50)
        )
        self.closed_on = self.add_row(form, "closed_on", N_("Closed on"), DateEdit())
        self.attachments = self.add_row(
            form, "attachments", N_("Documents (paths)"), StringListEditor()
        )
        self.notes = self.add_row(form, "notes", N_("Notes"), text_box(50))
        self.role.currentIndexChanged.connect(self._role_changed)
        self.organisation.currentIndexChanged.connect(self._organisation_changed)

    def _fill_treatments(self, checked: tuple[int, ...]) -> None:
        """The organisation's own treatments (each keeps its own register)."""
        org = self.organisation.currentData()
        self.treatment_links.set_items(
            [
                (t.id, t.name)
                for t in self._treatments
                if t.id is not None and t.organisation_id == org
            ],
            checked,
        )

    def _organisation_changed(self) -> None:
        if not self._loading:
            self._fill_treatments(self.treatment_links.checked_ids())

    def _role_changed(self) -> None:
        processor = self.role.value() is Role.PROCESSOR
        self.controller_notices.setEnabled(processor)
        self.add_controllers.setEnabled(processor)

    def load(self, record: DataSubjectRequest) -> None:
        self.organisation.setCurrentIndex(self.organisation.findData(record.organisation_id))
        self.received_on.set_value(record.received_on)
        self.requester.setText(record.requester)
        self.contact.setText(record.requester_contact)
        self.channel.set_value(record.channel)
        self.rights.set_values(record.rights)
        self.description.setPlainText(record.description)
        self.role.set_value(record.role)
        self._fill_treatments(record.treatment_ids)
        self.identity.set_value(record.identity)
        self.identity_requested_on.set_value(record.identity_requested_on)
        self.identity_received_on.set_value(record.identity_received_on)
        self.extension.setValue(record.extension_months)
        self.extension_reason.setPlainText(record.extension_reason)
        self.extension_notified_on.set_value(record.extension_notified_on)
        self.controller_notices.set_controllers(
            {o.id: o.name for o in self._organisations if o.id is not None}
        )
        self.controller_notices.set_values(record.controller_notices)
        self.outcome.set_value(record.outcome)
        self.outcome_reason.setPlainText(record.outcome_reason)
        self.closed_on.set_value(record.closed_on)
        self.attachments.set_values(record.attachments)
        self.notes.setPlainText(record.notes)
        self._role_changed()
        self._show_deadline(record)

    def _show_deadline(self, record: DataSubjectRequest) -> None:
        deadline = request_deadline(record, self._calendar, dt.date.today())
        due = (
            _("suspended while proof of identity is awaited")
            if deadline.due_on is None
            else _("{date} (computed)").format(date=deadline.due_on.isoformat())
        )
        self.deadline_label.setText(f"{due}\n{deadline.basis}")

    def build_record(self) -> DataSubjectRequest:
        organisation_id = self.organisation.currentData()
        if organisation_id is None:
            self.problems["organisation_id"] = _("Choose the organisation that received it.")
        received = self.read_date("received_on", self.received_on)
        if received is None and "received_on" not in self.problems:
            self.problems["received_on"] = _("This field is required.")
        role = self.role.value() or Role.CONTROLLER
        notices: tuple[Any, ...] = ()
        if role is Role.PROCESSOR:
            notices = read_table(
                self.problems,
                "controller_notices",
                self.controller_notices,
                self.record.controller_notices,
            )
        return DataSubjectRequest(
            organisation_id=int(organisation_id or 0),
            received_on=received or self.record.received_on,
            requester=self.requester.text().strip(),
            requester_contact=self.contact.text().strip(),
            channel=self.channel.value() or RequestChannel.OTHER,
            rights=self.rights.values(),
            description=self.description.toPlainText().strip(),
            role=role,
            treatment_ids=self.treatment_links.checked_ids(),
            identity=self.identity.value() or IdentityCheck.NOT_NEEDED,
            identity_requested_on=self.read_date(
                "identity_requested_on", self.identity_requested_on
            ),
            identity_received_on=self.read_date("identity_received_on", self.identity_received_on),
            extension_months=self.extension.value(),
            extension_reason=self.extension_reason.toPlainText().strip(),
            extension_notified_on=self.read_date(
                "extension_notified_on", self.extension_notified_on
            ),
            controller_notices=notices,
            outcome=self.outcome.value(),
            outcome_reason=self.outcome_reason.toPlainText().strip(),
            closed_on=self.read_date("closed_on", self.closed_on),
            attachments=self.attachments.values(),
            notes=self.notes.toPlainText().strip(),
            id=self.record.id,
            version=self.record.version,
        )

    def retranslate_fields(self) -> None:
        for i, title in enumerate((N_("The request"), N_("Handling"))):
            self.tabs.setTabText(i, _(title))
        self.deadline_title.setText(_("Answer due (computed)"))
        self.add_controllers.setText(_("Add the controllers of the treatments concerned"))
        editors: list[Any] = [
            self.received_on,
            self.channel,
            self.rights,
            self.role,
            self.treatment_links,
            self.identity,
            self.identity_requested_on,
            self.identity_received_on,
            self.extension_notified_on,
            self.controller_notices,
            self.outcome,
            self.closed_on,
            self.attachments,
        ]
        for editor in editors:
            editor.retranslate_ui()
        self._show_deadline(self.record)
        self.setWindowTitle(
            _("Request of {who}").format(who=self.record.requester or self.record.id)
            if self.record.id is not None
            else _("New data-subject request")
        )
