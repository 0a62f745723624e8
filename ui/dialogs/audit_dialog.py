"""Edit an audit: who asked, who audits, when, where it stands, what it found, what is to do."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QPlainTextEdit, QWidget

from ui.change_bus import ChangeBus
from ui.dialogs.entity_form_dialog import ERROR_STYLE, EntityFormDialog
from ui.labels import date_text
from ui.plain_text import plain_label
from ui.widgets.attachments_widget import AttachmentsWidget
from ui.widgets.form_editors import DateEdit, EnumComboBox, TriStateComboBox
from ui.widgets.grouped_picker import fill_holders, holder_key, parse_holder
from ui.widgets.table_editor import ActionEditor, FindingEditor, TableCellError
from workbench.compliance.audits import check_notice, notice_rule_applies
from workbench.compliance.calendar import FrenchCalendar
from workbench.domain.enums import AuditRequester, AuditStatus, AuditType, EntityKind
from workbench.domain.records import Audit
from workbench.i18n import N_, _
from workbench.services import Register
from workbench.services.compliance_service import ComplianceService


class AuditDialog(EntityFormDialog[Audit]):
    kind = EntityKind.AUDIT

    def __init__(
        self, register: Register, bus: ChangeBus, record: Audit, parent: QWidget | None = None
    ) -> None:
        super().__init__(register, bus, record, parent)
        body = QWidget()
        form = QFormLayout(body)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        # the organisation itself, or one of the subprocessors it engages (Art. 28(3)(h))
        self.organisation = self.add_row(
            form,
            "organisation_id",
            N_("Audited organisation"),
            QComboBox(),
            ("organisation_id", "subprocessor_id"),
        )
        self._subprocessors = {s.id: s for s in register.subprocessors.list()}
        fill_holders(
            self.organisation,
            register.organisations.own(),
            list(self._subprocessors.values()),
            register.organisations.list(),
        )
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
        self.notice_check = plain_label()
        self.notice_check.setObjectName("notice_check")
        self.notice_check.setWordWrap(True)
        form.addRow("", self.notice_check)
        self._settings = ComplianceService(register).settings()
        for editor in (self.notice_on, self.audit_on):
            editor.textChanged.connect(self.update_notice_check)
        for combo in (self.audit_type, self.requested_by):
            combo.currentIndexChanged.connect(self.update_notice_check)
        self.conclusions_on = self.add_row(
            form, "conclusions_received_on", N_("Conclusions received on"), DateEdit()
        )
        self.status = self.add_row(form, "status", N_("Status"), EnumComboBox(AuditStatus))
        self.finding_list = self.add_row(form, "findings", N_("Findings"), FindingEditor())
        self.action_list = self.add_row(form, "actions", N_("Actions"), ActionEditor())
        notes = QPlainTextEdit()
        notes.setFixedHeight(80)
        self.notes = self.add_row(form, "notes", N_("Notes"), notes)
        self.attachments = AttachmentsWidget(register, bus, EntityKind.AUDIT)
        form.addRow(self.attachments)
        self.finish_layout(body)
        self.resize(760, 760)
        self.load_record()
        self.retranslate_fields()

    def load(self, record: Audit) -> None:
        audited = (
            holder_key("subprocessor", record.subprocessor_id)
            if record.subprocessor_id is not None
            else holder_key("organisation", record.organisation_id)
        )
        self.organisation.setCurrentIndex(self.organisation.findData(audited))
        self.attachments.set_owner(record.id)
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
        self.update_notice_check()

    def _audited(self) -> tuple[int | None, int | None]:
        """(organisation id, subprocessor id) of the party chosen as audited."""
        kind, entity_id = parse_holder(self.organisation.currentData())
        if kind == "subprocessor" and entity_id in self._subprocessors:
            return self._subprocessors[entity_id].organisation_id, entity_id
        return (entity_id, None) if kind == "organisation" else (None, None)

    def update_notice_check(self) -> None:
        """The contract's notice rule, checked as the user types (seed §14 E: "au moins dix
        (10) jours ouvrés avant la réalisation de l'audit"; French public holidays)."""
        self.notice_check.setText(self.notice_text())
        short = self.notice_check.property("short") is True
        self.notice_check.setStyleSheet(ERROR_STYLE if short else "")

    def notice_text(self) -> str:
        self.notice_check.setProperty("short", False)
        try:
            notice, audit_on = self.notice_on.value(), self.audit_on.value()
        except ValueError:
            return ""
        probe = Audit(
            0,
            self.audit_type.value() or AuditType.INTERNAL,
            self.requested_by.value() or AuditRequester.OWN_ORGANISATION,
            notice_received_on=notice,
            audit_on=audit_on,
        )
        if audit_on is None or not notice_rule_applies(probe):
            return ""
        required = self._settings.audit_notice_working_days
        calendar = FrenchCalendar(self._settings.holiday_subdivision)
        latest = date_text(calendar.latest_notice_date(audit_on, required))
        check = check_notice(probe, calendar, required)
        if check is None:
            return _("Latest acceptable notice: {date} ({required} working days).").format(
                date=latest, required=required
            )
        if check.sufficient:
            return _(
                "Notice sufficient: {days} working days before the audit (at least {required}); "
                "latest acceptable notice: {date}."
            ).format(days=check.working_days, required=required, date=latest)
        self.notice_check.setProperty("short", True)
        return _(
            "Notice too short: {days} working days before the audit, the contract asks for at "
            "least {required}. Latest acceptable notice for this date: {date}."
        ).format(days=check.working_days, required=required, date=latest)

    def build_record(self) -> Audit:
        organisation_id, subprocessor_id = self._audited()
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
            subprocessor_id=subprocessor_id,
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
        self.update_notice_check()
        self.setWindowTitle(_("Audit") if self.record.id is not None else _("New audit"))
