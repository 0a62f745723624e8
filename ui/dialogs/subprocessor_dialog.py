"""Edit a subprocessor (Art. 28(2) and 28(4)): service, data, locations, transfer tool, contract."""

from __future__ import annotations

import dataclasses
import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSpinBox,
    QTabWidget,
    QWidget,
)

from ui.change_bus import ChangeBus
from ui.dialogs.entity_form_dialog import EntityFormDialog
from ui.widgets.form_editors import DateEdit, EnumComboBox
from ui.widgets.list_editors import LocationListEditor
from ui.widgets.table_editor import CategoryEditor
from workbench.domain.enums import EntityKind, SubprocessorCategory, TransferMechanism
from workbench.domain.records import Subprocessor
from workbench.i18n import N_, _
from workbench.services import Register

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def check_email(problems: dict[str, str], key: str, text: str) -> str:
    text = text.strip()
    if text and not EMAIL.match(text):
        problems[key] = _("Not an email address (name@example.org).")
    return text


class SubprocessorDialog(EntityFormDialog[Subprocessor]):
    kind = EntityKind.SUBPROCESSOR

    def __init__(
        self,
        register: Register,
        bus: ChangeBus,
        record: Subprocessor,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(register, bus, record, parent)
        self.tabs = QTabWidget()
        self._organisations = register.organisations.own() or register.organisations.list()
        self._build_service()
        self._build_contract()
        self._build_treatments()
        self.certificates, self.attachments = self.add_documents_page(
            self.tabs, EntityKind.SUBPROCESSOR
        )
        self.finish_layout(self.tabs)
        self.resize(780, 600)
        self.load_record()
        self.retranslate_fields()

    def _build_service(self) -> None:
        form = self.add_form_page(self.tabs)
        self.name = self.add_row(form, "name", N_("Name"), QLineEdit())
        self.organisation = self.add_organisation_row(form, N_("Engaged by"), self._organisations)
        self.legal_entity = self.add_row(form, "legal_entity", N_("Legal entity"), QLineEdit())
        self.category = self.add_row(
            form, "category", N_("Category"), EnumComboBox(SubprocessorCategory)
        )
        service = QPlainTextEdit()
        service.setFixedHeight(60)
        self.service = self.add_row(form, "service_description", N_("Service provided"), service)
        self.categories = self.add_row(
            form, "data_categories", N_("Categories of personal data"), CategoryEditor()
        )
        self.locations = self.add_row(form, "locations", N_("Countries"), LocationListEditor())
        self.location_text = self.add_row(
            form, "location_text", N_("Server location as stated"), QLineEdit()
        )
        self.mechanism = self.add_row(
            form,
            "transfer_mechanism",
            N_("Transfer mechanism"),
            EnumComboBox(TransferMechanism, True),
        )
        self.transfer_text = self.add_row(
            form, "transfer_text", N_("Transfer mechanism as stated"), QLineEdit()
        )

    def _build_contract(self) -> None:
        form = self.add_form_page(self.tabs)
        self.optional = self.add_row(form, "optional", N_("Optional"), QCheckBox())
        self.dpa_signed_on = self.add_row(form, "dpa_signed_on", N_("DPA signed on"), DateEdit())
        self.contract_start = self.add_row(
            form, "contract_start_on", N_("Contract start"), DateEdit()
        )
        self.contract_end = self.add_row(form, "contract_end_on", N_("Contract end"), DateEdit())
        self.contact_name = self.add_row(form, "contact_name", N_("Contact"), QLineEdit())
        self.contact_email = self.add_row(form, "contact_email", N_("Contact email"), QLineEdit())
        self.address = self.add_row(form, "address", N_("Address"), QLineEdit())
        self.chain_level = self.add_row(form, "chain_level", N_("Chain level"), QSpinBox())
        self.chain_level.setRange(1, 9)
        notes = QPlainTextEdit()
        notes.setFixedHeight(70)
        self.notes = self.add_row(form, "notes", N_("Notes"), notes)

    def _build_treatments(self) -> None:
        form = self.add_form_page(self.tabs)
        self.treatments = QListWidget()
        self.treatments.itemDoubleClicked.connect(self._open_treatment)
        self.add_row(form, "treatments", N_("Treatments using it"), self.treatments)

    def _open_treatment(self, item: QListWidgetItem) -> None:
        self.open_entity_requested.emit(
            EntityKind.TREATMENT, int(item.data(Qt.ItemDataRole.UserRole))
        )

    def load(self, record: Subprocessor) -> None:
        self.certificates.set_holder(record.id)
        self.attachments.set_owner(record.id)
        self.name.setText(record.name)
        index = self.organisation.findData(record.organisation_id)
        if index < 0:
            other = self.register.organisations.get(record.organisation_id)
            self.organisation.addItem(other.name, other.id)
            index = self.organisation.count() - 1
        self.organisation.setCurrentIndex(index)
        self.legal_entity.setText(record.legal_entity)
        self.category.set_value(record.category)
        self.service.setPlainText(record.service_description)
        self.categories.set_values(record.data_categories)
        self.locations.set_values(record.locations)
        self.location_text.setText(record.location_text)
        self.mechanism.set_value(record.transfer_mechanism)
        self.transfer_text.setText(record.transfer_text)
        self.optional.setChecked(record.optional)
        self.dpa_signed_on.set_value(record.dpa_signed_on)
        self.contract_start.set_value(record.contract_start_on)
        self.contract_end.set_value(record.contract_end_on)
        self.contact_name.setText(record.contact_name)
        self.contact_email.setText(record.contact_email)
        self.address.setText(record.address)
        self.chain_level.setValue(record.chain_level)
        self.notes.setPlainText(record.notes)
        self.treatments.clear()
        if record.id is not None:
            for treatment in self.register.treatments.using_subprocessor(record.id):
                item = QListWidgetItem(treatment.name)
                item.setData(Qt.ItemDataRole.UserRole, treatment.id)
                self.treatments.addItem(item)

    def build_record(self) -> Subprocessor:
        name = self.require_text("name", self.name.text())
        organisation_id = self.organisation.currentData()
        if organisation_id is None:
            self.problems["organisation_id"] = _("Choose the organisation that engages it.")
        start = self.read_date("contract_start_on", self.contract_start)
        end = self.read_date("contract_end_on", self.contract_end)
        self.check_order("contract_end_on", start, end, _("The contract ends after it starts."))
        if self.locations.pending_code() == "" and self.locations.picker.currentText().strip():
            self.problems["locations"] = _("Pick a country or region from the list.")
        # replace, not a new record: fields the form does not show (marks of inferred values,
        # links edited elsewhere) are kept as they are
        return dataclasses.replace(
            self.record,
            organisation_id=int(organisation_id or 0),
            name=name,
            legal_entity=self.legal_entity.text().strip(),
            category=self.category.value() or SubprocessorCategory.OTHER,
            service_description=self.service.toPlainText().strip(),
            data_categories=self.categories.values(),
            locations=self.locations.values(),
            location_text=self.location_text.text().strip(),
            transfer_mechanism=self.mechanism.value(),
            transfer_text=self.transfer_text.text().strip(),
            optional=self.optional.isChecked(),
            dpa_signed_on=self.read_date("dpa_signed_on", self.dpa_signed_on),
            contract_start_on=start,
            contract_end_on=end,
            contact_name=self.contact_name.text().strip(),
            contact_email=check_email(self.problems, "contact_email", self.contact_email.text()),
            address=self.address.text().strip(),
            chain_level=self.chain_level.value(),
            provenance=self.record.provenance,
            notes=self.notes.toPlainText().strip(),
            id=self.record.id,
            version=self.record.version,
        )

    def retranslate_fields(self) -> None:
        for i, title in enumerate(
            (
                N_("Service and data"),
                N_("Contract and contact"),
                N_("Treatments"),
                N_("Certificates and files"),
            )
        ):
            self.tabs.setTabText(i, _(title))
        for editor in (
            self.category,
            self.mechanism,
            self.categories,
            self.locations,
            self.dpa_signed_on,
            self.contract_start,
            self.contract_end,
        ):
            editor.retranslate_ui()
        self.setWindowTitle(
            _("Subprocessor: {name}").format(name=self.record.name)
            if self.record.id is not None
            else _("New subprocessor")
        )
