"""Preferences: the interface language, and the register's compliance settings.

The language is the user's (QSettings); the compliance settings belong to the register
(ComplianceService.settings, what `check` and the deadlines read), saved with OK.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ui.i18n_qt import apply_language
from ui.jobs import show_error
from ui.settings import LOCALE, Settings
from workbench.compliance.settings import ComplianceSettings
from workbench.domain.errors import WorkbenchError
from workbench.i18n import N_, _, current_locale
from workbench.services import Register

# Each language named in itself, as language pickers do.
LANGUAGES = (("fr", "Français"), ("en", "English"))
# Alsace-Moselle keeps two more public holidays, Good Friday and 26 December (local law,
# ordinance of 16 August 1892, now Code du travail art. L3134-13; francebleu.fr, "Le Vendredi
# saint, jour férié en Alsace-Moselle"), which move working-day deadlines such as the notice
# of an audit.
SUBDIVISIONS = (
    (None, N_("General French calendar")),
    ("57", N_("Moselle (57)")),
    ("67", N_("Bas-Rhin (67)")),
    ("68", N_("Haut-Rhin (68)")),
)


def _days(maximum: int) -> QSpinBox:
    box = QSpinBox()
    box.setRange(0, maximum)
    return box


class SettingsDialog(QDialog):
    def __init__(
        self, settings: Settings, parent: QWidget | None = None, register: Register | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settings_dialog")
        self._settings = settings
        self._register = register
        self.language = QComboBox()
        for code, name in LANGUAGES:
            self.language.addItem(name, code)
        # The language the interface is in, which --lang, WORKBENCH_LANG or the system may have
        # chosen over the stored one: showing the stored one, OK switched the interface to it.
        self.language.setCurrentIndex(self.language.findData(current_locale()))
        self.language_label = QLabel()
        self.language_label.setBuddy(self.language)
        self.interface_box = QGroupBox()
        interface = QFormLayout(self.interface_box)
        interface.addRow(self.language_label, self.language)

        self.expiring = _days(3650)
        self.notice = _days(250)
        self.send_within = _days(365)
        self.deadlines = _days(3650)
        self.subdivision = QComboBox()
        for subdivision, _label in SUBDIVISIONS:
            self.subdivision.addItem("", subdivision)
        self.compliance_box = QGroupBox()
        self._compliance_form = QFormLayout(self.compliance_box)
        self._compliance_labels: list[QLabel] = []
        for field in (
            self.expiring,
            self.notice,
            self.send_within,
            self.deadlines,
            self.subdivision,
        ):
            label = QLabel()
            label.setBuddy(field)
            self._compliance_labels.append(label)
            self._compliance_form.addRow(label, field)
        self.compliance_box.setVisible(register is not None)
        self._loaded = ComplianceSettings()
        if register is not None:
            self._load(register)

        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.addWidget(self.interface_box)
        body_layout.addWidget(self.compliance_box)
        body_layout.addStretch(1)
        scroll = QScrollArea()  # fits a small screen: the buttons stay in view
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.buttons)
        self.setMinimumSize(420, 300)
        self.resize(560, 360)  # its five settings and the language, with no empty half
        self.retranslate_ui()

    def _load(self, register: Register) -> None:
        from workbench.services.compliance_service import ComplianceService

        self._loaded = current = ComplianceService(register).settings()
        self.expiring.setValue(current.expiring_within_days)
        self.notice.setValue(current.audit_notice_working_days)
        self.send_within.setValue(current.notification_send_within_days)
        self.deadlines.setValue(current.deadlines_within_days)
        index = self.subdivision.findData(current.holiday_subdivision)
        if index < 0 and current.holiday_subdivision:  # another code set from the CLI
            self.subdivision.addItem(current.holiday_subdivision, current.holiday_subdivision)
            index = self.subdivision.count() - 1
        self.subdivision.setCurrentIndex(max(index, 0))

    def chosen_locale(self) -> str:
        return str(self.language.currentData())

    def chosen_compliance(self) -> ComplianceSettings:
        return dataclasses.replace(
            self._loaded,
            expiring_within_days=self.expiring.value(),
            audit_notice_working_days=self.notice.value(),
            notification_send_within_days=self.send_within.value(),
            deadlines_within_days=self.deadlines.value(),
            holiday_subdivision=self.subdivision.currentData(),
        )

    def accept(self) -> None:
        if self._register is not None and self.chosen_compliance() != self._loaded:
            from workbench.services.compliance_service import ComplianceService

            try:
                ComplianceService(self._register).update_settings(self.chosen_compliance())
            except WorkbenchError as exc:
                show_error(self, _("Cannot save the settings"), exc)
                return
        locale = self.chosen_locale()
        if locale != self._settings.locale() or self._settings.chosen_locale() is None:
            self._settings.set(LOCALE, locale)
            apply_language(locale)
        super().accept()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Settings"))
        self.language_label.setText(_("&Language"))
        self.interface_box.setTitle(_("Interface"))
        self.compliance_box.setTitle(_("Compliance rules of this register"))
        texts = (
            _("Certificates expiring within (days)"),
            _("Audit notice at least (working days)"),
            _("Send a drafted notification within (days)"),
            _("Deadlines shown within (days)"),
            _("Public holidays"),
        )
        for label, text in zip(self._compliance_labels, texts, strict=True):
            label.setText(text)
        for i, (_code, name) in enumerate(SUBDIVISIONS):
            self.subdivision.setItemText(i, _(name))
