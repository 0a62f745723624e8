"""Edit an organisation: its Art. 30(1)(a) / 30(2)(a) identity, contacts, DPO, representative,
and the security policy its treatments point at for Art. 30(1)(g)."""

from __future__ import annotations

import dataclasses

from PySide6.QtWidgets import (
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTabWidget,
    QWidget,
)

from ui.change_bus import ChangeBus
from ui.dialogs.entity_form_dialog import EntityFormDialog
from ui.dialogs.subprocessor_dialog import check_email
from ui.widgets.form_editors import DateEdit, EnumComboBox
from ui.widgets.inferred_marks import plain_label
from workbench.domain.enums import EntityKind, OrganisationKind
from workbench.domain.records import Organisation, SecurityPolicy
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
        self._others = [o for o in register.organisations.list() if o.id != record.id]
        self.tabs = QTabWidget()
        self._build_identity()
        self._build_dpo()
        self._build_policy()
        self.certificates, self.attachments = self.add_documents_page(
            self.tabs, EntityKind.ORGANISATION
        )
        self.finish_layout(self.tabs)
        self.resize(680, 600)
        self.load_record()
        self.retranslate_fields()

    def _build_identity(self) -> None:
        form = self.add_form_page(self.tabs)
        self.name = self.add_row(form, "name", N_("Name"), QLineEdit())
        self.org_kind = self.add_row(form, "kind", N_("Kind"), EnumComboBox(OrganisationKind))
        self.kind_hint = plain_label()
        self.kind_hint.setWordWrap(True)
        form.addRow("", self.kind_hint)
        self.org_kind.currentIndexChanged.connect(self._show_kind_hint)
        self.legal_name = self.add_row(form, "legal_name", N_("Legal name"), QLineEdit())
        self.registration = self.add_row(
            form, "registration", N_("Registration number"), QLineEdit()
        )
        address = QPlainTextEdit()
        address.setTabChangesFocus(True)
        address.setFixedHeight(56)
        self.address = self.add_row(form, "address", N_("Address"), address)
        self.contact_name = self.add_row(form, "contact_name", N_("Contact"), QLineEdit())
        self.contact_email = self.add_row(form, "contact_email", N_("Contact email"), QLineEdit())
        self.contact_phone = self.add_row(form, "contact_phone", N_("Contact phone"), QLineEdit())
        self.objection_days = self.add_row(
            form, "objection_period_days", N_("Objection period (days)"), QSpinBox()
        )
        self.objection_days.setRange(0, 999)
        notes = QPlainTextEdit()
        notes.setTabChangesFocus(True)
        notes.setFixedHeight(70)
        self.notes = self.add_row(form, "notes", N_("Notes"), notes)

    def _build_dpo(self) -> None:
        form = self.add_form_page(self.tabs)
        self.dpo_group = self.add_row(form, "dpo_organisation_id", N_("DPO"), QComboBox())
        self.dpo_group.addItem("", None)
        for other in self._others:
            self.dpo_group.addItem(other.name, other.id)
        self.dpo_group.currentIndexChanged.connect(self._dpo_changed)
        self.dpo_name = self.add_row(form, "dpo_name", N_("DPO name"), QLineEdit())
        self.dpo_email = self.add_row(form, "dpo_email", N_("DPO email"), QLineEdit())
        self.dpo_phone = self.add_row(form, "dpo_phone", N_("DPO phone"), QLineEdit())
        self.dpo_company = self.add_row(form, "dpo_company", N_("External DPO firm"), QLineEdit())
        self.representative = self.add_row(
            form, "representative", N_("Representative (Art. 27)"), QLineEdit()
        )
        self.representative_contact = self.add_row(
            form, "representative_contact", N_("Representative's contact"), QLineEdit()
        )

    def _build_policy(self) -> None:
        form = self.add_form_page(self.tabs)
        self.policy_hint = plain_label()
        self.policy_hint.setWordWrap(True)
        form.addRow(self.policy_hint)
        self.policy_title = self.add_row(
            form, "security_policy_title", N_("Title"), QLineEdit(), ("security_policy.title",)
        )
        self.policy_version = self.add_row(
            form,
            "security_policy_version",
            N_("Version"),
            QLineEdit(),
            ("security_policy.version",),
        )
        self.policy_issued_on = self.add_row(
            form,
            "security_policy_issued_on",
            N_("Issued on"),
            DateEdit(),
            ("security_policy.issued_on",),
        )
        self.policy_reference = self.add_row(
            form,
            "security_policy_reference",
            N_("Reference or location"),
            QLineEdit(),
            ("security_policy.reference",),
        )

    def _dpo_changed(self) -> None:
        shared = self.dpo_group.currentData() is not None
        for editor in (self.dpo_name, self.dpo_email, self.dpo_phone, self.dpo_company):
            editor.setEnabled(not shared or bool(editor.text()))

    def _show_kind_hint(self) -> None:
        self.kind_hint.setText(
            _(
                "A category of clients is not a named controller: Art. 30(2)(a) asks for the "
                "name and contact of each controller; the checks report it."
            )
            if self.org_kind.value() is OrganisationKind.CLIENT_CATEGORY
            else ""
        )
        self.kind_hint.setVisible(self.org_kind.value() is OrganisationKind.CLIENT_CATEGORY)

    def load(self, record: Organisation) -> None:
        self.certificates.set_holder(record.id)
        self.attachments.set_owner(record.id)
        self.name.setText(record.name)
        self.org_kind.set_value(record.kind)
        self.legal_name.setText(record.legal_name)
        self.registration.setText(record.registration)
        self.address.setPlainText(record.address)
        self.contact_name.setText(record.contact_name)
        self.contact_email.setText(record.contact_email)
        self.contact_phone.setText(record.contact_phone)
        self.dpo_group.setCurrentIndex(max(self.dpo_group.findData(record.dpo_organisation_id), 0))
        self.dpo_name.setText(record.dpo_name)
        self.dpo_email.setText(record.dpo_email)
        self.dpo_phone.setText(record.dpo_phone)
        self.dpo_company.setText(record.dpo_company)
        self.representative.setText(record.representative)
        self.representative_contact.setText(record.representative_contact)
        policy = record.security_policy or SecurityPolicy(title="")
        self.policy_title.setText(policy.title)
        self.policy_version.setText(policy.version)
        self.policy_issued_on.set_value(policy.issued_on)
        self.policy_reference.setText(policy.reference)
        self.objection_days.setValue(record.objection_period_days)
        self.notes.setPlainText(record.notes)
        self._dpo_changed()
        self._show_kind_hint()

    def build_record(self) -> Organisation:
        days = self.objection_days.value()
        if not 0 < days <= 365:
            # Art. 28(2): the controller needs a real window to object; a year at most.
            self.problems["objection_period_days"] = _(
                "The objection period is a number of days between 1 and 365."
            )
        group_dpo = self.dpo_group.currentData()
        own_dpo = [
            e.text().strip()
            for e in (self.dpo_name, self.dpo_email, self.dpo_phone, self.dpo_company)
        ]
        if group_dpo is not None and any(own_dpo):
            self.problems["dpo_organisation_id"] = _(
                "The DPO is the group's: empty this organisation's own DPO fields, or choose "
                "“Its own DPO”."
            )
        # replace, not a new record: fields the form does not show (marks of inferred values,
        # links edited elsewhere) are kept as they are
        return dataclasses.replace(
            self.record,
            name=self.require_text("name", self.name.text()),
            kind=self.org_kind.value() or OrganisationKind.OWN,
            legal_name=self.legal_name.text().strip(),
            registration=self.registration.text().strip(),
            address=self.address.toPlainText().strip(),
            contact_name=self.contact_name.text().strip(),
            contact_email=check_email(self.problems, "contact_email", self.contact_email.text()),
            contact_phone=self.contact_phone.text().strip(),
            dpo_name=own_dpo[0],
            dpo_email=check_email(self.problems, "dpo_email", self.dpo_email.text()),
            dpo_phone=own_dpo[2],
            dpo_company=own_dpo[3],
            dpo_organisation_id=group_dpo,
            representative=self.representative.text().strip(),
            representative_contact=self.representative_contact.text().strip(),
            security_policy=self._policy(),
            objection_period_days=days,
            notes=self.notes.toPlainText().strip(),
            id=self.record.id,
            version=self.record.version,
        )

    def _policy(self) -> SecurityPolicy | None:
        title = self.policy_title.text().strip()
        version = self.policy_version.text().strip()
        reference = self.policy_reference.text().strip()
        issued_on = self.read_date("security_policy_issued_on", self.policy_issued_on)
        if not (title or version or reference or issued_on):
            return None
        if not title:
            self.problems["security_policy_title"] = _(
                "Give the policy its title (e.g. Politique de sécurité des systèmes d'information)."
            )
        return SecurityPolicy(title, version, issued_on, reference)

    def retranslate_fields(self) -> None:
        for i, title in enumerate(
            (
                N_("Identity and contact"),
                N_("DPO and representative"),
                N_("Security policy"),
                N_("Certificates and files"),
            )
        ):
            self.tabs.setTabText(i, _(title))
        self.org_kind.retranslate_ui()
        self.policy_issued_on.retranslate_ui()
        self.dpo_group.setItemText(0, _("Its own DPO (below)"))
        for index, other in enumerate(self._others, start=1):
            self.dpo_group.setItemText(
                index, _("The group's DPO, designated by {name}").format(name=other.name)
            )
        self.policy_hint.setText(
            _(
                "The organisation-wide security policy: its treatments that state no measures "
                "of their own point at it for Art. 30(1)(g)."
            )
        )
        self._show_kind_hint()
        self.setWindowTitle(
            _("Organisation: {name}").format(name=self.record.name)
            if self.record.id is not None
            else _("New organisation")
        )
