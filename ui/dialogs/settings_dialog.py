"""Preferences: the interface language (more settings join here as they come)."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QWidget

from ui.i18n_qt import apply_language
from ui.settings import LOCALE, Settings
from workbench.i18n import _

# Each language named in itself, as language pickers do.
LANGUAGES = (("fr", "Français"), ("en", "English"))


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self.language = QComboBox()
        for code, name in LANGUAGES:
            self.language.addItem(name, code)
        self.language.setCurrentIndex(self.language.findData(settings.locale()))
        self.language_label = QLabel()
        self.language_label.setBuddy(self.language)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.language_label, self.language)
        form.addRow(self.buttons)
        self.retranslate_ui()

    def chosen_locale(self) -> str:
        return str(self.language.currentData())

    def accept(self) -> None:
        locale = self.chosen_locale()
        if locale != self._settings.locale():
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
