"""Starting the desktop application: `dpo-workbench` with no command lands in `run`."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from ui.error_hook import install_excepthook, setup_logging
from ui.garbage_collection import CollectionPolicy
from ui.i18n_qt import apply_language
from ui.jobs import error_text
from ui.main_window import MainWindow
from ui.platform_libraries import check_platform_libraries
from ui.register_opener import open_interactively
from ui.settings import APPLICATION, LAST_REGISTER, ORGANISATION, Settings
from workbench.domain.errors import WorkbenchError
from workbench.i18n import SUPPORTED_LOCALES, _
from workbench.services import Register, default_register_path, demo_register_path, open_register


def application() -> QApplication:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    QCoreApplication.setOrganizationName(ORGANISATION)
    QCoreApplication.setApplicationName(APPLICATION)
    app = QApplication(sys.argv[:1])
    app.setApplicationDisplayName("DPO Workbench")
    return app


def open_start_register(db: str | None, demo: bool, settings: Settings) -> Register:
    """The register asked for on the command line, else the last one used, else the default."""
    if demo:
        try:
            from workbench.services.demo import ensure_demo_register
        except ImportError:  # the demo data is not part of this build
            return open_register(demo_register_path())
        return ensure_demo_register(demo_register_path())
    location = db or settings.get(LAST_REGISTER) or str(default_register_path())
    return open_interactively(location)


def start_language(settings: Settings, language: str | None, forced: bool) -> str:
    """The interface's language at start: `language` when forced (--lang, WORKBENCH_LANG),
    else the one chosen in Settings, else `language` (the system's, as the CLI reads it)."""
    if forced and language in SUPPORTED_LOCALES:
        return language
    chosen = settings.chosen_locale()
    if chosen is not None:
        return chosen
    return language if language in SUPPORTED_LOCALES else settings.locale()


def create_main_window(
    db: str | None,
    demo: bool,
    settings: Settings | None = None,
    language: str | None = None,
    forced_language: bool = False,
) -> MainWindow:
    """Everything `run` does short of the event loop (tests and benchmarks start here)."""
    application()
    settings = settings or Settings()
    apply_language(start_language(settings, language, forced_language))
    register = open_start_register(db, demo, settings)
    if register.path is not None:
        settings.remember_register(str(register.path))
    window = MainWindow(register, settings)
    window.start_view()
    return window


def run(
    db: str | None = None,
    demo: bool = False,
    language: str | None = None,
    forced_language: bool = False,
) -> int:
    missing = check_platform_libraries()
    if missing is not None:  # before Qt, whose own message names the wrong library
        print(missing, file=sys.stderr)
        return 1
    app = application()
    setup_logging()
    install_excepthook()
    CollectionPolicy(app)  # full cycle collections stalled the window at 10,000 treatments
    try:
        window = create_main_window(db, demo, None, language, forced_language)
    except WorkbenchError as exc:
        cannot_open(exc)
        if db is None and not demo:
            return 2
        try:  # the file named could not be opened: fall back to the usual register
            window = create_main_window(
                str(default_register_path()), False, None, language, forced_language
            )
        except WorkbenchError as again:
            cannot_open(again)
            return 2
    window.show()
    code = app.exec()
    window.register.close()
    return int(code)


def main() -> int:
    return run(db=sys.argv[1] if len(sys.argv) > 1 else None)


__all__ = ["Path", "create_main_window", "run"]


def cannot_open(error: Exception) -> None:
    from ui.plain_text import message_box

    message_box(
        None, QMessageBox.Icon.Critical, _("Cannot open the register"), error_text(error)
    ).exec()
