"""Edit a certificate (HDS, ISO/IEC 27001...) held by an own organisation or a subprocessor."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from ui.change_bus import ChangeBus
from ui.dialogs.entity_form_dialog import EntityFormDialog
from ui.widgets.attachments_widget import AttachmentsWidget
from ui.widgets.form_editors import DateEdit, EnumComboBox
from ui.widgets.grouped_picker import fill_holders, holder_key, parse_holder
from workbench.domain.enums import CertificationKind, EntityKind
from workbench.domain.records import Certification
from workbench.domain.reference import hds_activity_labels
from workbench.i18n import N_, _, current_locale
from workbench.services import Register


class HdsActivitiesEditor(QWidget):
    """The six HDS activities of CSP R.1111-9, as checkboxes numbered like the decree."""

    changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.boxes = [QCheckBox(str(n)) for n in range(1, 7)]
        for box in self.boxes:
            box.toggled.connect(lambda _checked: self.changed.emit())
            layout.addWidget(box)
        layout.addStretch(1)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        labels = hds_activity_labels(current_locale())
        for number, box in enumerate(self.boxes, start=1):
            box.setToolTip(labels.get(number, ""))

    def values(self) -> tuple[int, ...]:
        return tuple(n for n, box in enumerate(self.boxes, start=1) if box.isChecked())

    def set_values(self, values: tuple[int, ...]) -> None:
        for number, box in enumerate(self.boxes, start=1):
            box.setChecked(number in values)


class CertificationDialog(EntityFormDialog[Certification]):
    kind = EntityKind.CERTIFICATION

    def __init__(
        self,
        register: Register,
        bus: ChangeBus,
        record: Certification,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(register, bus, record, parent)
        body = QWidget()
        form = QFormLayout(body)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.cert_kind = self.add_row(
            form, "kind", N_("Certificate"), EnumComboBox(CertificationKind)
        )
        self.holder = self.add_row(
            form, "holder", N_("Holder"), QComboBox(), ("organisation_id", "subprocessor_id")
        )
        fill_holders(
            self.holder,
            register.organisations.own(),
            register.subprocessors.list(),
            register.organisations.list(),
        )
        self.name = self.add_row(form, "name", N_("Name"), QLineEdit())
        self.certifier = self.add_row(form, "certifier", N_("Certifier"), QLineEdit())
        self.number = self.add_row(form, "number", N_("Number"), QLineEdit())
        self.scope = self.add_row(form, "scope", N_("Scope"), QLineEdit())
        self.activities = self.add_row(
            form, "hds_activities", N_("HDS activities (CSP R.1111-9)"), HdsActivitiesEditor()
        )
        self.referential = self.add_row(
            form, "referential_version", N_("Referential version"), QLineEdit()
        )
        self.issued_on = self.add_row(form, "issued_on", N_("Issued on"), DateEdit())
        self.expires_on = self.add_row(form, "expires_on", N_("Expires on"), DateEdit())
        self.surveillance_on = self.add_row(
            form, "last_surveillance_on", N_("Last surveillance audit"), DateEdit()
        )
        notes = QPlainTextEdit()
        notes.setFixedHeight(70)
        self.notes = self.add_row(form, "notes", N_("Notes"), notes)
        self.attachments = AttachmentsWidget(register, bus, EntityKind.CERTIFICATION)
        form.addRow(self.attachments)
        self.cert_kind.currentIndexChanged.connect(self._kind_changed)
        self.finish_layout(body)
        self.resize(640, 560)
        self.load_record()
        self.retranslate_fields()

    def _kind_changed(self) -> None:
        self.activities.setEnabled(self.cert_kind.value() is CertificationKind.HDS)

    def load(self, record: Certification) -> None:
        self.attachments.set_owner(record.id)
        self.cert_kind.set_value(record.kind)
        # "kind:id" strings: a combo box does not find Python tuples among its items' data
        holder = (
            holder_key("subprocessor", record.subprocessor_id)
            if record.subprocessor_id is not None
            else holder_key("organisation", record.organisation_id)
        )
        self.holder.setCurrentIndex(self.holder.findData(holder))
        self.name.setText(record.name)
        self.certifier.setText(record.certifier)
        self.number.setText(record.number)
        self.scope.setText(record.scope)
        self.activities.set_values(record.hds_activities)
        self.referential.setText(record.referential_version)
        self.issued_on.set_value(record.issued_on)
        self.expires_on.set_value(record.expires_on)
        self.surveillance_on.set_value(record.last_surveillance_on)
        self.notes.setPlainText(record.notes)
        self._kind_changed()

    def build_record(self) -> Certification:
        kind = self.cert_kind.value() or CertificationKind.OTHER
        data = self.holder.currentData()
        if data is None:
            self.problems["holder"] = _("Choose who holds the certificate.")
        holder = parse_holder(data)
        if kind is CertificationKind.OTHER and not self.name.text().strip():
            self.problems["name"] = _("Name the certificate (e.g. SOC 2 Type II).")
        issued = self.read_date("issued_on", self.issued_on)
        expires = self.read_date("expires_on", self.expires_on)
        self.check_order(
            "expires_on", issued, expires, _("The expiry date comes after the issue date.")
        )
        # replace, not a new record: fields the form does not show (marks of inferred values,
        # links edited elsewhere) are kept as they are
        return dataclasses.replace(
            self.record,
            kind=kind,
            organisation_id=holder[1] if holder[0] == "organisation" else None,
            subprocessor_id=holder[1] if holder[0] == "subprocessor" else None,
            name=self.name.text().strip(),
            certifier=self.certifier.text().strip(),
            number=self.number.text().strip(),
            scope=self.scope.text().strip(),
            hds_activities=self.activities.values() if kind is CertificationKind.HDS else (),
            referential_version=self.referential.text().strip(),
            issued_on=issued,
            expires_on=expires,
            last_surveillance_on=self.read_date("last_surveillance_on", self.surveillance_on),
            notes=self.notes.toPlainText().strip(),
            id=self.record.id,
            version=self.record.version,
        )

    def retranslate_fields(self) -> None:
        for editor in (
            self.cert_kind,
            self.activities,
            self.issued_on,
            self.expires_on,
            self.surveillance_on,
        ):
            editor.retranslate_ui()
        self.setWindowTitle(
            _("Certificate: {name}").format(name=self.record.name or self.cert_kind.currentText())
            if self.record.id is not None
            else _("New certificate")
        )
