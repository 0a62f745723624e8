"""Edit a processing activity: the Art. 30(1) and 30(2) fields, on five tabs."""

from __future__ import annotations

import dataclasses

from PySide6.QtWidgets import (
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTabWidget,
    QWidget,
)

from ui.change_bus import ChangeBus
from ui.dialogs.entity_form_dialog import EntityFormDialog
from ui.widgets.form_editors import (
    DateEdit,
    EnumComboBox,
    LinkedItemsEditor,
)
from ui.widgets.list_editors import StringListEditor
from ui.widgets.table_editor import CategoryEditor
from workbench.domain.enums import (
    Art9Condition,
    DpiaStatus,
    EntityKind,
    LegalBasis,
    RetentionUnit,
    Role,
    TreatmentStatus,
)
from workbench.domain.records import Recipient, Retention, Treatment
from workbench.i18n import N_, _
from workbench.services import Register


def _text_box(height: int = 70) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setFixedHeight(height)
    return box


class TreatmentDialog(EntityFormDialog[Treatment]):
    kind = EntityKind.TREATMENT

    def __init__(
        self, register: Register, bus: ChangeBus, record: Treatment, parent: QWidget | None = None
    ) -> None:
        super().__init__(register, bus, record, parent)
        self.tabs = QTabWidget()
        self._organisations = register.organisations.list()
        self._build_general()
        self._build_data()
        self._build_legal()
        self._build_links()
        self._build_review()
        self.finish_layout(self.tabs)
        self.resize(820, 640)
        self.load_record()
        self.retranslate_fields()

    # -- tabs ----------------------------------------------------------------------------------
    def _build_general(self) -> None:
        form = self.add_form_page(self.tabs)
        self.name = self.add_row(form, "name", N_("Name"), QLineEdit())
        self.organisation = self.add_organisation_row(form, N_("Organisation"), self._organisations)
        self.role = self.add_row(form, "role", N_("Role"), EnumComboBox(Role))
        self.controllers = self.add_row(
            form, "controller_ids", N_("Controllers served"), LinkedItemsEditor()
        )
        self.controllers.setMaximumHeight(130)
        self.status = self.add_row(form, "status", N_("Status"), EnumComboBox(TreatmentStatus))
        self.purpose = self.add_row(form, "purpose", N_("Purpose"), _text_box())
        self.description = self.add_row(form, "description", N_("Description"), _text_box())
        self.joint = self.add_row(form, "joint_controller", N_("Joint controller"), QLineEdit())
        self.notes = self.add_row(form, "notes", N_("Notes"), _text_box(50))
        self.role.currentIndexChanged.connect(self._role_changed)
        self.controllers.open_requested.connect(
            lambda oid: self.open_entity_requested.emit(EntityKind.ORGANISATION, oid)
        )

    def _build_data(self) -> None:
        form = self.add_form_page(self.tabs)
        self.subjects = self.add_row(form, "data_subjects", N_("Data subjects"), StringListEditor())
        self.categories = self.add_row(
            form, "data_categories", N_("Categories of personal data"), CategoryEditor()
        )
        self.recipients = self.add_row(form, "recipients", N_("Recipients"), StringListEditor())
        self.measures = self.add_row(
            form, "security_measures", N_("Security measures"), StringListEditor()
        )

    def _build_legal(self) -> None:
        form = self.add_form_page(self.tabs)
        self.legal_basis = self.add_row(
            form, "legal_basis", N_("Legal basis (Art. 6)"), EnumComboBox(LegalBasis, True)
        )
        self.art9 = self.add_row(
            form, "art9_condition", N_("Art. 9 condition"), EnumComboBox(Art9Condition, True)
        )
        self.legal_text = self.add_row(
            form, "legal_basis_text", N_("Legal basis as stated"), _text_box(50)
        )
        self.dpia = self.add_row(
            form, "dpia", N_("Impact assessment (DPIA)"), EnumComboBox(DpiaStatus, False)
        )
        self.retention_text = self.add_row(form, "retention", N_("Retention period"), QLineEdit())
        self.retention_duration = self.add_row(
            form, "retention_duration", N_("Retention duration"), QSpinBox()
        )
        self.retention_duration.setRange(0, 1000)
        self.retention_unit = self.add_row(
            form, "retention_unit", N_("Retention unit"), EnumComboBox(RetentionUnit, True)
        )
        self.retention_start = self.add_row(
            form, "retention_start", N_("Retention starts at"), QLineEdit()
        )
        self.transfers = self.add_row(
            form, "transfers", N_("Transfers outside the EEA"), _text_box(50)
        )

    def _build_links(self) -> None:
        form = self.add_form_page(self.tabs)
        self.subprocessors = self.add_row(
            form, "subprocessor_ids", N_("Subprocessors"), LinkedItemsEditor()
        )
        self.subprocessors.open_requested.connect(
            lambda sid: self.open_entity_requested.emit(EntityKind.SUBPROCESSOR, sid)
        )

    def _build_review(self) -> None:
        form = self.add_form_page(self.tabs)
        self.created_on = self.add_row(form, "created_on", N_("Created on"), DateEdit())
        self.last_reviewed_on = self.add_row(
            form, "last_reviewed_on", N_("Last reviewed on"), DateEdit()
        )
        self.next_review_on = self.add_row(form, "next_review_on", N_("Next review on"), DateEdit())

    def _role_changed(self) -> None:
        self.controllers.setEnabled(self.role.value() is Role.PROCESSOR)

    # -- record <-> fields ---------------------------------------------------------------------
    def load(self, record: Treatment) -> None:
        self.name.setText(record.name)
        self.organisation.setCurrentIndex(self.organisation.findData(record.organisation_id))
        self.role.set_value(record.role)
        self.controllers.set_items(
            [(o.id, o.name) for o in self._organisations if o.id is not None],
            record.controller_ids,
        )
        self.status.set_value(record.status)
        self.purpose.setPlainText(record.purpose)
        self.description.setPlainText(record.description)
        self.joint.setText(record.joint_controller)
        self.notes.setPlainText(record.notes)
        self.subjects.set_values(record.data_subjects)
        self.categories.set_values(record.data_categories)
        self.recipients.set_values(tuple(r.name for r in record.recipients))
        self.measures.set_values(record.security_measures)
        self.legal_basis.set_value(record.legal_basis)
        self.art9.set_value(record.art9_condition)
        self.legal_text.setPlainText(record.legal_basis_text)
        self.dpia.set_value(record.dpia.status)
        self.retention_text.setText(record.retention.text)
        self.retention_duration.setValue(record.retention.duration or 0)
        self.retention_unit.set_value(record.retention.unit)
        self.retention_start.setText(record.retention.start_event)
        self.transfers.setPlainText(record.transfers)
        self.subprocessors.set_items(
            [(s.id, s.name) for s in self.register.subprocessors.list() if s.id is not None],
            record.subprocessor_ids,
        )
        self.created_on.set_value(record.created_on)
        self.last_reviewed_on.set_value(record.last_reviewed_on)
        self.next_review_on.set_value(record.next_review_on)
        self._role_changed()

    def build_record(self) -> Treatment:
        name = self.require_text("name", self.name.text())
        organisation_id = self.organisation.currentData()
        if organisation_id is None:
            self.problems["organisation_id"] = _("Choose the organisation keeping this record.")
        role = self.role.value() or Role.CONTROLLER
        duration = self.retention_duration.value() or None
        unit = self.retention_unit.value()
        if duration is not None and unit is None:
            self.problems["retention_unit"] = _("Choose the unit of the retention duration.")
        last_reviewed = self.read_date("last_reviewed_on", self.last_reviewed_on)
        next_review = self.read_date("next_review_on", self.next_review_on)
        self.check_order(
            "next_review_on",
            last_reviewed,
            next_review,
            _("The next review comes after the last one."),
        )
        # replace, not a new record: fields the form does not show (marks of inferred values,
        # links edited elsewhere) are kept as they are
        return dataclasses.replace(
            self.record,
            organisation_id=int(organisation_id or 0),
            name=name,
            role=role,
            purpose=self.purpose.toPlainText().strip(),
            description=self.description.toPlainText().strip(),
            controller_ids=self.controllers.checked_ids() if role is Role.PROCESSOR else (),
            joint_controller=self.joint.text().strip(),
            data_subjects=self.subjects.values(),
            data_categories=self.categories.values(),
            legal_basis=self.legal_basis.value(),
            art9_condition=self.art9.value(),
            legal_basis_text=self.legal_text.toPlainText().strip(),
            retention=Retention(
                text=self.retention_text.text().strip(),
                duration=duration,
                unit=unit,
                start_event=self.retention_start.text().strip(),
            ),
            recipients=self._recipients(),
            transfers=self.transfers.toPlainText().strip(),
            security_measures=self.measures.values(),
            subprocessor_ids=self.subprocessors.checked_ids(),
            dpia=dataclasses.replace(
                self.record.dpia, status=self.dpia.value() or DpiaStatus.UNKNOWN
            ),
            status=self.status.value() or TreatmentStatus.ACTIVE,
            created_on=self.read_date("created_on", self.created_on),
            last_reviewed_on=last_reviewed,
            next_review_on=next_review,
            provenance=self.record.provenance,
            notes=self.notes.toPlainText().strip(),
            id=self.record.id,
            version=self.record.version,
        )

    def _recipients(self) -> tuple[Recipient, ...]:
        """The names in the list, each keeping the kind it had (new names: "other")."""
        known = {r.name: r for r in self.record.recipients}
        return tuple(known.get(name, Recipient(name)) for name in self.recipients.values())

    def retranslate_fields(self) -> None:
        titles = (
            N_("General"),
            N_("Data"),
            N_("Legal basis and retention"),
            N_("Subprocessors"),
            N_("Review"),
        )
        for i, title in enumerate(titles):
            self.tabs.setTabText(i, _(title))
        for editor in (
            self.role,
            self.status,
            self.legal_basis,
            self.art9,
            self.retention_unit,
            self.dpia,
            self.controllers,
            self.subjects,
            self.categories,
            self.recipients,
            self.measures,
            self.subprocessors,
            self.created_on,
            self.last_reviewed_on,
            self.next_review_on,
        ):
            editor.retranslate_ui()
        self.setWindowTitle(
            _("Treatment: {name}").format(name=self.record.name)
            if self.record.id is not None
            else _("New treatment")
        )
