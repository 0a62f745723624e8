"""Edit a breach of the Art. 33(5) register, on four tabs: what happened, whom and what it
concerns, the risk and measures, and who was told (CNIL, persons, controllers)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QWidget,
)

from ui.change_bus import ChangeBus
from ui.dialogs.entity_form_dialog import EntityFormDialog
from ui.dialogs.log_form_fields import read_count, read_moment, read_table, text_box
from ui.jobs import show_error
from ui.models.breach_table_model import BreachListRow, clock_text, deadline_text
from ui.widgets.form_editors import DateEdit, EnumComboBox, LinkedItemsEditor
from ui.widgets.inferred_marks import plain_label
from ui.widgets.list_editors import StringListEditor
from ui.widgets.log_editors import (
    AuthorityNotificationEditor,
    ControllerNoticeEditor,
    EnumChecklist,
)
from ui.widgets.moment_edit import MomentEdit
from ui.widgets.table_editor import CategoryEditor
from workbench.compliance.legal_clocks import breach_clock
from workbench.domain.breaches import Breach
from workbench.domain.enums import Art34Exemption, BreachNature, BreachRisk, EntityKind, Role
from workbench.domain.errors import WorkbenchError
from workbench.i18n import N_, _, current_locale
from workbench.services import Register
from workbench.services.log_export_service import LogExportService


class BreachDialog(EntityFormDialog[Breach]):
    kind = EntityKind.BREACH

    def __init__(
        self, register: Register, bus: ChangeBus, record: Breach, parent: QWidget | None = None
    ) -> None:
        super().__init__(register, bus, record, parent)
        self._organisations = register.organisations.list()
        self._treatments = register.treatments.list()
        self._subprocessors = register.subprocessors.list()
        self.tabs = QTabWidget()
        self._build_facts()
        self._build_scope()
        self._build_risk()
        self._build_notice()
        self.finish_layout(self.tabs)
        self.saved.connect(lambda _changes: self._saved())
        self.resize(860, 700)
        self.load_record()
        self.retranslate_fields()

    # -- tabs ----------------------------------------------------------------------------------
    def _build_facts(self) -> None:
        form = self.add_form_page(self.tabs)
        self.title = self.add_row(form, "title", N_("Title"), QLineEdit())
        self.organisation = self.add_organisation_row(form, N_("Organisation"), self._organisations)
        self.role = self.add_row(form, "role", N_("Role"), EnumComboBox(Role))
        self.occurred_at = self.add_row(form, "occurred_at", N_("Happened at"), MomentEdit())
        self.discovered_at = self.add_row(form, "discovered_at", N_("Discovered at"), MomentEdit())
        self.aware_at = self.add_row(
            form, "aware_at", N_("Aware at (the 72 hours start)"), MomentEdit()
        )
        self.ended_at = self.add_row(form, "ended_at", N_("Ended at"), MomentEdit())
        self.natures = self.add_row(form, "natures", N_("Nature"), EnumChecklist(BreachNature))
        self.cause = self.add_row(form, "cause", N_("Cause"), text_box(50))
        self.description = self.add_row(form, "description", N_("What happened"), text_box(80))

    def _build_scope(self) -> None:
        form = self.add_form_page(self.tabs)
        self.subject_categories = self.add_row(
            form, "subject_categories", N_("Categories of persons"), StringListEditor()
        )
        self.subjects_count = self.add_row(
            form, "subjects_count", N_("Approximate number of persons"), QLineEdit()
        )
        self.records_count = self.add_row(
            form, "records_count", N_("Approximate number of records"), QLineEdit()
        )
        self.categories = self.add_row(
            form, "data_categories", N_("Categories of personal data"), CategoryEditor()
        )
        self.treatment_links = self.add_row(
            form, "treatment_ids", N_("Treatments affected"), LinkedItemsEditor()
        )
        self.subprocessor_links = self.add_row(
            form, "subprocessor_ids", N_("Subprocessors involved"), LinkedItemsEditor()
        )
        self.treatment_links.open_requested.connect(
            lambda tid: self.open_entity_requested.emit(EntityKind.TREATMENT, tid)
        )
        self.subprocessor_links.open_requested.connect(
            lambda sid: self.open_entity_requested.emit(EntityKind.SUBPROCESSOR, sid)
        )

    def _build_risk(self) -> None:
        form = self.add_form_page(self.tabs)
        self.consequences = self.add_row(
            form, "consequences", N_("Likely consequences"), text_box()
        )
        self.measures_taken = self.add_row(form, "measures_taken", N_("Measures taken"), text_box())
        self.measures_proposed = self.add_row(
            form, "measures_proposed", N_("Measures proposed"), text_box()
        )
        self.risk = self.add_row(
            form, "risk", N_("Risk to persons"), EnumComboBox(BreachRisk, True)
        )
        self.risk_reasoning = self.add_row(
            form, "risk_reasoning", N_("Why this level of risk"), text_box()
        )

    def _build_notice(self) -> None:
        form = self.add_form_page(self.tabs)
        self.clock_label = plain_label()  # computed, and said so
        self.clock_label.setWordWrap(True)
        self.clock_title = QLabel()
        form.addRow(self.clock_title, self.clock_label)
        self.notifications = self.add_row(
            form,
            "authority_notifications",
            N_("Notifications to the CNIL"),
            AuthorityNotificationEditor(),
        )
        self.delay_reasons = self.add_row(
            form, "delay_reasons", N_("Reasons for a delay past 72 hours"), text_box(50)
        )
        self.not_notified_reason = self.add_row(
            form, "not_notified_reason", N_("Why it was not notified"), text_box(50)
        )
        self.persons_informed_at = self.add_row(
            form, "persons_informed_at", N_("Persons informed at"), MomentEdit()
        )
        self.persons_means = self.add_row(
            form, "persons_informed_means", N_("How they were informed"), QLineEdit()
        )
        self.exemption = self.add_row(
            form, "art34_exemption", N_("Art. 34(3) exemption"), EnumComboBox(Art34Exemption, True)
        )
        self.exemption_reasoning = self.add_row(
            form, "art34_exemption_reasoning", N_("Why the exemption applies"), text_box(50)
        )
        self.controller_notices = self.add_row(
            form,
            "controller_notices",
            N_("Controllers told (as processor)"),
            ControllerNoticeEditor(),
        )
        self.add_controllers = QPushButton()
        form.addRow("", self.add_controllers)
        self.worksheet_button = QPushButton()  # the saved breach, as the CNIL's form asks it
        form.addRow("", self.worksheet_button)
        self.worksheet_button.clicked.connect(self.write_worksheet)
        self.add_controllers.clicked.connect(
            lambda: self.controller_notices.add_controllers_of(
                self._treatments, self.treatment_links.checked_ids()
            )
        )
        self.attachments = self.add_row(
            form, "attachments", N_("Documents (paths)"), StringListEditor()
        )
        self.closed_on = self.add_row(form, "closed_on", N_("Closed on"), DateEdit())
        self.notes = self.add_row(form, "notes", N_("Notes"), text_box(50))
        self.role.currentIndexChanged.connect(self._role_changed)
        self.organisation.currentIndexChanged.connect(self._organisation_changed)

    def _fill_links(
        self, treatment_ids: tuple[int, ...], subprocessor_ids: tuple[int, ...]
    ) -> None:
        """The organisation's own treatments and subprocessors (each keeps its own register)."""
        org = self.organisation.currentData()
        self.treatment_links.set_items(
            [
                (t.id, t.name)
                for t in self._treatments
                if t.id is not None and t.organisation_id == org
            ],
            treatment_ids,
        )
        self.subprocessor_links.set_items(
            [
                (s.id, s.name)
                for s in self._subprocessors
                if s.id is not None and s.organisation_id == org
            ],
            subprocessor_ids,
        )

    def _organisation_changed(self) -> None:
        if not self._loading:
            self._fill_links(
                self.treatment_links.checked_ids(), self.subprocessor_links.checked_ids()
            )

    def _role_changed(self) -> None:
        processor = self.role.value() is Role.PROCESSOR
        self.controller_notices.setEnabled(processor)
        self.add_controllers.setEnabled(processor)

    def write_worksheet(self, path: Path | None = None) -> Path | None:
        """The CNIL notification worksheet of the breach as saved (a one-page document)."""
        if self.record.id is None or (self.dirty and not self.save()):
            return None
        if path is None:
            chosen, _filter = QFileDialog.getSaveFileName(
                self,
                _("CNIL notification worksheet"),
                f"notification-cnil-{self.record.id}.docx",
                _("Word (.docx)") + " (*.docx)",
            )
            if not chosen:
                return None
            path = Path(chosen)
        try:
            LogExportService(self.register).export_worksheet(
                int(self.record.id), path, current_locale()
            )
        except WorkbenchError as exc:
            show_error(self, _("The export failed"), exc)
            return None
        return path

    # -- record <-> fields ---------------------------------------------------------------------
    def load(self, record: Breach) -> None:
        self.title.setText(record.title)
        self.organisation.setCurrentIndex(self.organisation.findData(record.organisation_id))
        self.role.set_value(record.role)
        for editor, value in self._moments(record):
            editor.set_value(value)
        self.natures.set_values(record.natures)
        self.cause.setPlainText(record.cause)
        self.description.setPlainText(record.description)
        self.subject_categories.set_values(record.subject_categories)
        self.subjects_count.setText(_count_text(record.subjects_count))
        self.records_count.setText(_count_text(record.records_count))
        self.categories.set_values(record.data_categories)
        self._fill_links(record.treatment_ids, record.subprocessor_ids)
        self.consequences.setPlainText(record.consequences)
        self.measures_taken.setPlainText(record.measures_taken)
        self.measures_proposed.setPlainText(record.measures_proposed)
        self.risk.set_value(record.risk)
        self.risk_reasoning.setPlainText(record.risk_reasoning)
        self.notifications.set_values(record.authority_notifications)
        self.delay_reasons.setPlainText(record.delay_reasons)
        self.not_notified_reason.setPlainText(record.not_notified_reason)
        self.persons_means.setText(record.persons_informed_means)
        self.exemption.set_value(record.art34_exemption)
        self.exemption_reasoning.setPlainText(record.art34_exemption_reasoning)
        self.controller_notices.set_controllers(
            {o.id: o.name for o in self._organisations if o.id is not None}
        )
        self.controller_notices.set_values(record.controller_notices)
        self.attachments.set_values(record.attachments)
        self.closed_on.set_value(record.closed_on)
        self.notes.setPlainText(record.notes)
        self._role_changed()
        self.worksheet_button.setEnabled(record.id is not None)
        self._show_clock(record)

    def _moments(self, record: Breach) -> list[tuple[MomentEdit, dt.datetime | None]]:
        return [
            (self.occurred_at, record.occurred_at),
            (self.discovered_at, record.discovered_at),
            (self.aware_at, record.aware_at),
            (self.ended_at, record.ended_at),
            (self.persons_informed_at, record.persons_informed_at),
        ]

    def _saved(self) -> None:
        self._show_clock(self.record)  # recomputed from what was stored
        self.worksheet_button.setEnabled(True)

    def _show_clock(self, record: Breach) -> None:
        clock = breach_clock(record)
        row = BreachListRow(record, "", clock)
        if clock is None:
            self.clock_label.setText(_("Record the moment of awareness to start the clock."))
            return
        self.clock_label.setText(f"{deadline_text(row)} — {clock_text(row)}\n{clock.basis}")

    def build_record(self) -> Breach:
        title = self.require_text("title", self.title.text())
        organisation_id = self.organisation.currentData()
        if organisation_id is None:
            self.problems["organisation_id"] = _("Choose the organisation keeping this register.")
        moments = {
            key: read_moment(self.problems, key, editor)
            for key, editor in (
                ("occurred_at", self.occurred_at),
                ("discovered_at", self.discovered_at),
                ("aware_at", self.aware_at),
                ("ended_at", self.ended_at),
                ("persons_informed_at", self.persons_informed_at),
            )
        }
        role = self.role.value() or Role.CONTROLLER
        return Breach(
            organisation_id=int(organisation_id or 0),
            title=title,
            role=role,
            occurred_at=moments["occurred_at"],
            discovered_at=moments["discovered_at"],
            aware_at=moments["aware_at"],
            ended_at=moments["ended_at"],
            description=self.description.toPlainText().strip(),
            cause=self.cause.toPlainText().strip(),
            natures=self.natures.values(),
            subject_categories=self.subject_categories.values(),
            subjects_count=read_count(self.problems, "subjects_count", self.subjects_count),
            records_count=read_count(self.problems, "records_count", self.records_count),
            data_categories=self.categories.values(),
            treatment_ids=self.treatment_links.checked_ids(),
            subprocessor_ids=self.subprocessor_links.checked_ids(),
            consequences=self.consequences.toPlainText().strip(),
            measures_taken=self.measures_taken.toPlainText().strip(),
            measures_proposed=self.measures_proposed.toPlainText().strip(),
            risk=self.risk.value(),
            risk_reasoning=self.risk_reasoning.toPlainText().strip(),
            authority_notifications=read_table(
                self.problems,
                "authority_notifications",
                self.notifications,
                self.record.authority_notifications,
            ),
            delay_reasons=self.delay_reasons.toPlainText().strip(),
            not_notified_reason=self.not_notified_reason.toPlainText().strip(),
            persons_informed_at=moments["persons_informed_at"],
            persons_informed_means=self.persons_means.text().strip(),
            art34_exemption=self.exemption.value(),
            art34_exemption_reasoning=self.exemption_reasoning.toPlainText().strip(),
            controller_notices=(
                read_table(
                    self.problems,
                    "controller_notices",
                    self.controller_notices,
                    self.record.controller_notices,
                )
                if role is Role.PROCESSOR
                else ()
            ),
            attachments=self.attachments.values(),
            closed_on=self.read_date("closed_on", self.closed_on),
            notes=self.notes.toPlainText().strip(),
            id=self.record.id,
            version=self.record.version,
        )

    def retranslate_fields(self) -> None:
        titles = (N_("The breach"), N_("Persons and data"), N_("Risk and measures"), N_("Notice"))
        for i, title in enumerate(titles):
            self.tabs.setTabText(i, _(title))
        self.clock_title.setText(_("72-hour clock (computed)"))
        self.add_controllers.setText(_("Add the controllers of the treatments affected"))
        self.worksheet_button.setText(_("Write the CNIL notification worksheet…"))
        editors: list[Any] = [
            self.role,
            self.natures,
            self.risk,
            self.exemption,
            self.categories,
            self.subject_categories,
            self.treatment_links,
            self.subprocessor_links,
            self.notifications,
            self.controller_notices,
            self.attachments,
            self.closed_on,
            *(editor for editor, _value in self._moments(self.record)),
        ]
        for editor in editors:
            editor.retranslate_ui()
        self._show_clock(self.record)
        self.setWindowTitle(
            _("Breach: {title}").format(title=self.record.title)
            if self.record.id is not None
            else _("New breach")
        )


def _count_text(count: int | None) -> str:
    return "" if count is None else str(count)
