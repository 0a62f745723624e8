"""Edit an audit: who asked, who audits, when, where it stands, what it found, what is to do."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QPlainTextEdit, QWidget

from ui.change_bus import ChangeBus
from ui.dialogs.entity_form_dialog import EntityFormDialog
from ui.widgets.form_editors import DateEdit, EnumComboBox, TriStateComboBox
from ui.widgets.table_editor import ActionEditor, FindingEditor, TableCellError
from workbench.domain.enums import AuditRequester, AuditStatus, AuditType, EntityKind
from workbench.domain.records import Audit
from workbench.i18n import N_, _
from workbench.services import Register


class AuditDialog(EntityFormDialog[Audit]):
    kind = EntityKind.AUDIT

    def __init__(
        self, register: Register, bus: ChangeBus, record: Audit, parent: QWidget | None = None
    ) -> None:
        super().__init__(register, bus, record, parent)
        body = QWidget()
        form = QFormLayout(body)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.organisation = self.add_row(
            form, "organisation_id", N_("Audited organisation"), QComboBox()
        )
        for org in register.organisations.own():
            self.organisation.addItem(org.name, org.id)
        self.audit_type = self.add_row(
            form, "audit_type", N_("Audit type"), EnumComboBox(AuditType)
        )
        self.requested_by = self.add_row(
            form, "requested_by", N_("Requested by"), EnumComboBox(AuditRequester)
        )
        self.requester = self.add_row(form, "requester_name", N_("Requester"), QLineEdit())
        self.auditor = self.add_row(form, "auditor", N_("Auditor"), QLineEdit())
        self.independent = self.add_row(
            form, "auditor_independent", N_("Auditor independent"), TriStateComboBox()
        )
        self.scope = self.add_row(form, "scope", N_("Scope"), QLineEdit())
        self.notice_on = self.add_row(
            form, "notice_received_on", N_("Notice received on"), DateEdit()
        )
        self.audit_on = self.add_row(form, "audit_on", N_("Audit date"), DateEdit())
        self.conclusions_on = self.add_row(
            form, "conclusions_received_on", N_("Conclusions received on"), DateEdit()
        )
        self.status = self.add_row(form, "status", N_("Status"), EnumComboBox(AuditStatus))
        self.finding_list = self.add_row(form, "findings", N_("Findings"), FindingEditor())
        self.action_list = self.add_row(form, "actions", N_("Actions"), ActionEditor())
        notes = QPlainTextEdit()
        notes.setFixedHeight(80)
        self.notes = self.add_row(form, "notes", N_("Notes"), notes)
        self.finish_layout(body)
        self.resize(760, 760)
        self.load_record()
        self.retranslate_fields()

    def load(self, record: Audit) -> None:
        self.organisation.setCurrentIndex(self.organisation.findData(record.organisation_id))
        self.audit_type.set_value(record.audit_type)
        self.requested_by.set_value(record.requested_by)
        self.requester.setText(record.requester_name)
        self.auditor.setText(record.auditor)
        self.independent.set_value(record.auditor_independent)
        self.scope.setText(record.scope)
        self.notice_on.set_value(record.notice_received_on)
        self.audit_on.set_value(record.audit_on)
        self.conclusions_on.set_value(record.conclusions_received_on)
        self.status.set_value(record.status)
        self.finding_list.set_values(record.findings)
        self.action_list.set_values(record.actions)
        self.notes.setPlainText(record.notes)

    def build_record(self) -> Audit:
        organisation_id = self.organisation.currentData()
        if organisation_id is None:
            self.problems["organisation_id"] = _("Choose the audited organisation.")
        notice = self.read_date("notice_received_on", self.notice_on)
        audit_on = self.read_date("audit_on", self.audit_on)
        conclusions = self.read_date("conclusions_received_on", self.conclusions_on)
        self.check_order(
            "notice_received_on",
            notice,
            audit_on,
            _("The notice is received before the audit date."),
        )
        self.check_order(
            "conclusions_received_on",
            audit_on,
            conclusions,
            _("The conclusions come after the audit."),
        )
        try:
            actions = self.action_list.values()
        except TableCellError as exc:
            self.problems["actions"] = str(exc)
            actions = self.record.actions
        return Audit(
            organisation_id=int(organisation_id or 0),
            audit_type=self.audit_type.value() or AuditType.INTERNAL,
            requested_by=self.requested_by.value() or AuditRequester.OWN_ORGANISATION,
            requester_name=self.requester.text().strip(),
            auditor=self.auditor.text().strip(),
            auditor_independent=self.independent.value(),
            auditor_certified=self.record.auditor_certified,
            scope=self.scope.text().strip(),
            notice_received_on=notice,
            audit_on=audit_on,
            conclusions_received_on=conclusions,
            cost_borne_by=self.record.cost_borne_by,
            status=self.status.value() or AuditStatus.REQUESTED,
            findings=self.finding_list.values(),
            actions=actions,
            notes=self.notes.toPlainText().strip(),
            id=self.record.id,
            version=self.record.version,
        )

    def retranslate_fields(self) -> None:
        for editor in (
            self.audit_type,
            self.requested_by,
            self.independent,
            self.status,
            self.notice_on,
            self.audit_on,
            self.conclusions_on,
            self.finding_list,
            self.action_list,
        ):
            editor.retranslate_ui()
        self.setWindowTitle(_("Audit") if self.record.id is not None else _("New audit"))
