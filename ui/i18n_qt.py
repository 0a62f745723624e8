"""Switching the UI language: our gettext catalogs plus Qt's own `qtbase_<locale>`.

Qt's standard dialogs (file dialogs, message box buttons) come translated from the
`qtbase_fr.qm` shipped in PySide6's translations folder (after Picard `picard/i18n/qt.py`).
Installing or removing a translator makes Qt send `LanguageChange` to every widget; each
widget re-reads its texts in `changeEvent`.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from workbench.i18n import setup_i18n

_installed: QTranslator | None = None


def qt_translations_dir() -> str:
    return QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)


def apply_language(locale: str) -> None:
    """Make `locale` the UI language now, and tell every open window to retranslate."""
    global _installed  # noqa: PLW0603 - one application, one Qt translator
    setup_i18n(locale)
    QLocale.setDefault(QLocale(locale))
    app = QCoreApplication.instance()
    if app is None:
        return
    if _installed is not None:
        QCoreApplication.removeTranslator(_installed)
        _installed = None
    if locale != "en":
        translator = QTranslator(app)
        if translator.load(f"qtbase_{locale}", qt_translations_dir()):
            QCoreApplication.installTranslator(translator)
            _installed = translator
    # Sent directly as well, so the switch is visible before the event loop turns again.
    if isinstance(app, QApplication):
        for widget in app.topLevelWidgets():
            QCoreApplication.sendEvent(widget, QEvent(QEvent.Type.LanguageChange))


def qt_translate(context: str, text: str) -> str:
    """A text from Qt's own catalogs (e.g. the "&Yes" of a message box)."""
    return QCoreApplication.translate(context, text)
