"""Edit a processing activity: the Art. 30(1) and 30(2) fields, on six tabs."""

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
from ui.labels import date_text
from ui.widgets.form_editors import (
    DateEdit,
    EnumComboBox,
    LinkedItemsEditor,
)
from ui.widgets.inferred_marks import plain_label
from ui.widgets.list_editors import StringListEditor
from ui.widgets.table_editor import CategoryEditor, RecipientEditor
from workbench.domain.enums import (
    Art9Condition,
    DpiaStatus,
    EntityKind,
    LegalBasis,
    OrganisationKind,
    RetentionUnit,
    Role,
    TreatmentStatus,
)
from workbench.domain.records import Dpia, Organisation, Retention, Treatment
from workbench.domain.references import treatment_reference
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
        self._build_security()
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
        self.organisation.currentIndexChanged.connect(self._organisation_changed)
        self.controllers.open_requested.connect(
            lambda oid: self.open_entity_requested.emit(EntityKind.ORGANISATION, oid)
        )

    def _build_data(self) -> None:
        form = self.add_form_page(self.tabs)
        self.subjects = self.add_row(form, "data_subjects", N_("Data subjects"), StringListEditor())
        self.categories = self.add_row(
            form, "data_categories", N_("Categories of personal data"), CategoryEditor()
        )
        self.recipients = self.add_row(
            form, "recipients", N_("Recipients (other than subprocessors)"), RecipientEditor()
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
        self.retention_text = self.add_row(
            form, "retention", N_("Retention period"), QLineEdit(), ("retention.text",)
        )
        self.retention_duration = self.add_row(
            form,
            "retention_duration",
            N_("Retention duration (number)"),
            QSpinBox(),
            ("retention.duration",),
        )
        self.retention_duration.setRange(0, 1000)
        self.retention_unit = self.add_row(
            form,
            "retention_unit",
            N_("Retention unit"),
            EnumComboBox(RetentionUnit, True),
            ("retention.unit",),
        )
        self.retention_start = self.add_row(
            form,
            "retention_start",
            N_("Retention starts at"),
            QLineEdit(),
            ("retention.start_event",),
        )
        self.transfers = self.add_row(
            form, "transfers", N_("Transfers outside the EEA"), _text_box(50)
        )

    def _build_security(self) -> None:
        form = self.add_form_page(self.tabs)
        self.measures = self.add_row(
            form, "security_measures", N_("Security measures"), StringListEditor()
        )
        self.measures.setMaximumHeight(150)
        self.policy_note = plain_label()
        self.policy_note.setWordWrap(True)
        form.addRow("", self.policy_note)
        self.measures.changed.connect(self._show_policy_note)
        self.dpia = self.add_row(
            form,
            "dpia",
            N_("Impact assessment (DPIA)"),
            EnumComboBox(DpiaStatus, False),
            ("dpia.status",),
        )
        self.dpia_reason = self.add_row(
            form, "dpia_reason", N_("Why not required"), _text_box(50), ("dpia.reason",)
        )
        self.dpia_done_on = self.add_row(
            form, "dpia_done_on", N_("Carried out on"), DateEdit(), ("dpia.done_on",)
        )

    def _build_links(self) -> None:
        form = self.add_form_page(self.tabs)
        self.processors = self.add_row(
            form, "processor_ids", N_("Processors of the group"), LinkedItemsEditor()
        )
        self.processors.setMaximumHeight(130)
        self.processors.open_requested.connect(
            lambda oid: self.open_entity_requested.emit(EntityKind.ORGANISATION, oid)
        )
        hint = plain_label()
        hint.setWordWrap(True)
        self.processors_hint = hint
        form.addRow("", hint)
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

    def _organisation(self) -> Organisation | None:
        oid = self.organisation.currentData()
        return next((o for o in self._organisations if o.id == oid), None)

    def _organisation_changed(self) -> None:
        """The processors of the group are the other own organisations (Art. 28)."""
        checked = self.processors.checked_ids() if not self._loading else self.record.processor_ids
        own_id = self.organisation.currentData()
        self.processors.set_items(
            [
                (o.id, o.name)
                for o in self._organisations
                if o.id is not None
                and o.id != own_id
                and (o.kind is OrganisationKind.OWN or o.id in checked)
            ],
            checked,
        )
        self._show_policy_note()

    def _show_policy_note(self) -> None:
        """Art. 30(1)(g): with no measures of its own, the organisation's policy answers."""
        organisation = self._organisation()
        if self.measures.values():
            self.policy_note.setText(
                _(
                    "These measures are this treatment's own: they replace the "
                    "organisation's policy."
                )
            )
            return
        policy = organisation.security_policy if organisation is not None else None
        if organisation is None or policy is None:
            self.policy_note.setText(
                _(
                    "No measures of its own, and its organisation records no security policy: "
                    "Art. 30(1)(g) is not answered."
                )
            )
            return
        details = ", ".join(
            p
            for p in (
                _("version {version}").format(version=policy.version) if policy.version else "",
                date_text(policy.issued_on),
                policy.reference,
            )
            if p
        )
        self.policy_note.setText(
            _(
                "No measures of its own: the security policy of {organisation} applies "
                "(Art. 30(1)(g)): {title}{details}."
            ).format(
                organisation=organisation.name,
                title=policy.title,
                details=f" ({details})" if details else "",
            )
        )

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
        self.recipients.set_values(record.recipients)
        self.measures.set_values(record.security_measures)
        self.legal_basis.set_value(record.legal_basis)
        self.art9.set_value(record.art9_condition)
        self.legal_text.setPlainText(record.legal_basis_text)
        self.dpia.set_value(record.dpia.status)
        self.dpia_reason.setPlainText(record.dpia.reason)
        self.dpia_done_on.set_value(record.dpia.done_on)
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
        self._organisation_changed()

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
        dpia = self._dpia()
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
            recipients=self.recipients.values(),
            transfers=self.transfers.toPlainText().strip(),
            security_measures=self.measures.values(),
            processor_ids=self.processors.checked_ids(),
            subprocessor_ids=self.subprocessors.checked_ids(),
            dpia=dpia,
            status=self.status.value() or TreatmentStatus.ACTIVE,
            created_on=self.read_date("created_on", self.created_on),
            last_reviewed_on=last_reviewed,
            next_review_on=next_review,
            provenance=self.record.provenance,
            notes=self.notes.toPlainText().strip(),
            id=self.record.id,
            version=self.record.version,
        )

    def _dpia(self) -> Dpia:
        """Art. 35: a DPIA carried out has a date; one not required says why."""
        status = self.dpia.value() or DpiaStatus.UNKNOWN
        reason = self.dpia_reason.toPlainText().strip()
        done_on = self.read_date("dpia_done_on", self.dpia_done_on)
        if status is DpiaStatus.DONE and done_on is None and "dpia_done_on" not in self.problems:
            self.problems["dpia_done_on"] = _(
                "Give the date the impact assessment was carried out."
            )
        if status is DpiaStatus.NOT_REQUIRED and not reason:
            self.problems["dpia_reason"] = _(
                "Say why no impact assessment is required (Art. 35(1) and (3), the CNIL's list)."
            )
        return Dpia(status=status, reason=reason, done_on=done_on)

    def retranslate_fields(self) -> None:
        titles = (
            N_("General"),
            N_("Data and recipients"),
            N_("Legal basis and retention"),
            N_("Security and DPIA"),
            N_("Processors"),
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
            self.processors,
            self.dpia_done_on,
            self.created_on,
            self.last_reviewed_on,
            self.next_review_on,
        ):
            editor.retranslate_ui()
        self.processors_hint.setText(
            _(
                "Other organisations of the group that carry out this processing on its behalf "
                "(Art. 28): its recipients then show them, with their subprocessors behind."
            )
        )
        self._show_policy_note()
        self.setWindowTitle(
            # the reference every list, document and finding gives it (T-029)
            _("Treatment {reference}: {name}").format(
                reference=treatment_reference(self.record.id), name=self.record.name
            )
            if self.record.id is not None
            else _("New treatment")
        )
