"""Edit an organisation: an own organisation, or a client controller it processes for."""

from __future__ import annotations

import dataclasses

from PySide6.QtWidgets import QFormLayout, QLineEdit, QPlainTextEdit, QSpinBox, QWidget

from ui.change_bus import ChangeBus
from ui.dialogs.entity_form_dialog import EntityFormDialog
from ui.dialogs.subprocessor_dialog import check_email
from ui.widgets.form_editors import EnumComboBox
from workbench.domain.enums import EntityKind, OrganisationKind
from workbench.domain.records import Organisation
from workbench.i18n import N_, _
from workbench.services import Register


class OrganisationDialog(EntityFormDialog[Organisation]):
    kind = EntityKind.ORGANISATION

    def __init__(
        self,
        register: Register,
        bus: ChangeBus,
        record: Organisation,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(register, bus, record, parent)
        body = QWidget()
        form = QFormLayout(body)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.name = self.add_row(form, "name", N_("Name"), QLineEdit())
        self.org_kind = self.add_row(form, "kind", N_("Kind"), EnumComboBox(OrganisationKind))
        self.legal_name = self.add_row(form, "legal_name", N_("Legal name"), QLineEdit())
        self.registration = self.add_row(
            form, "registration", N_("Registration number"), QLineEdit()
        )
        self.address = self.add_row(form, "address", N_("Address"), QLineEdit())
        self.contact_email = self.add_row(form, "contact_email", N_("Contact email"), QLineEdit())
        self.dpo_name = self.add_row(form, "dpo_name", N_("DPO"), QLineEdit())
        self.dpo_email = self.add_row(form, "dpo_email", N_("DPO email"), QLineEdit())
        self.representative = self.add_row(
            form, "representative", N_("Representative"), QLineEdit()
        )
        self.objection_days = self.add_row(
            form, "objection_period_days", N_("Objection period (days)"), QSpinBox()
        )
        self.objection_days.setRange(0, 999)
        notes = QPlainTextEdit()
        notes.setFixedHeight(80)
        self.notes = self.add_row(form, "notes", N_("Notes"), notes)
        self.finish_layout(body)
        self.resize(620, 520)
        self.load_record()
        self.retranslate_fields()

    def load(self, record: Organisation) -> None:
        self.name.setText(record.name)
        self.org_kind.set_value(record.kind)
        self.legal_name.setText(record.legal_name)
        self.registration.setText(record.registration)
        self.address.setText(record.address)
        self.contact_email.setText(record.contact_email)
        self.dpo_name.setText(record.dpo_name)
        self.dpo_email.setText(record.dpo_email)
        self.representative.setText(record.representative)
        self.objection_days.setValue(record.objection_period_days)
        self.notes.setPlainText(record.notes)

    def build_record(self) -> Organisation:
        days = self.objection_days.value()
        if not 0 < days <= 365:
            # Art. 28(2): the controller needs a real window to object; a year at most.
            self.problems["objection_period_days"] = _(
                "The objection period is a number of days between 1 and 365."
            )
        # replace, not a new record: fields the form does not show (marks of inferred values,
        # links edited elsewhere) are kept as they are
        return dataclasses.replace(
            self.record,
            name=self.require_text("name", self.name.text()),
            kind=self.org_kind.value() or OrganisationKind.OWN,
            legal_name=self.legal_name.text().strip(),
            registration=self.registration.text().strip(),
            address=self.address.text().strip(),
            contact_email=check_email(self.problems, "contact_email", self.contact_email.text()),
            dpo_name=self.dpo_name.text().strip(),
            dpo_email=check_email(self.problems, "dpo_email", self.dpo_email.text()),
            representative=self.representative.text().strip(),
            objection_period_days=days,
            notes=self.notes.toPlainText().strip(),
            id=self.record.id,
            version=self.record.version,
        )

    def retranslate_fields(self) -> None:
        self.org_kind.retranslate_ui()
        self.setWindowTitle(
            _("Organisation: {name}").format(name=self.record.name)
            if self.record.id is not None
            else _("New organisation")
        )
