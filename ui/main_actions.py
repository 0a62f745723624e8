"""The main window's actions, menus and toolbar, and what the File menu does."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMessageBox, QStyle

from ui import jobs
from ui.main_window import LIST_VIEWS, make_toolbar, optional_class
from ui.maintenance import MaintenanceTools
from ui.print_actions import PrintActions
from ui.register_opener import ask_new_passphrase, open_interactively
from ui.widgets.sidebar import VIEWS
from workbench.domain.errors import WorkbenchError
from workbench.i18n import N_, _
from workbench.services import demo_register_path, open_register
from workbench.services.operation_labels import inner_label, operation_label

if TYPE_CHECKING:
    from ui.main_window import MainWindow

Key = QKeySequence.StandardKey


class MainActions:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self._texts: list[tuple[QAction | QMenu, str]] = []
        w = window
        icon = w.style().standardIcon
        self.new_register = self._action(
            "action_new_register", N_("&New register…"), self.new_register_file
        )
        self.open_register = self._action(
            "action_open_register",
            N_("&Open register…"),
            self.open_register_file,
            Key.Open,
            icon(QStyle.StandardPixmap.SP_DialogOpenButton),
        )
        self.open_demo = self._action(
            "action_open_demo_register", N_("Open &demo register"), self.open_demo_register
        )
        self.import_ = self._action(
            "action_import_file",
            N_("&Import…"),
            self.open_import,
            "Ctrl+I",
            icon(QStyle.StandardPixmap.SP_ArrowDown),
        )
        self.export = self._action(
            "action_export_register",
            N_("&Export…"),
            self.open_export,
            "Ctrl+E",
            icon(QStyle.StandardPixmap.SP_ArrowUp),
        )
        self.quit = self._action("action_quit_application", N_("&Quit"), w.close, Key.Quit)
        self.undo = self._action(
            "action_undo_operation",
            N_("&Undo"),
            w.undo,
            "Ctrl+Z",
            icon(QStyle.StandardPixmap.SP_ArrowBack),
        )
        self.redo = self._action(
            "action_redo_operation",
            N_("&Redo"),
            w.redo,
            "Ctrl+Y",
            icon(QStyle.StandardPixmap.SP_ArrowForward),
        )
        self.redo.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        self.undo_history = self._action(
            "action_show_undo_history", N_("Undo &history…"), w.show_undo_history
        )
        self.new_record = self._action(
            "action_new_record",
            N_("&New record"),
            self.create_record,
            "Ctrl+N",
            icon(QStyle.StandardPixmap.SP_FileIcon),
        )
        self.find = self._action("action_find_records", N_("&Find"), self.focus_filter, "Ctrl+F")
        self.settings = self._action(
            "action_edit_settings", N_("&Settings…"), w.open_settings, Key.Preferences
        )
        self.about = self._action("action_show_about", N_("&About DPO Workbench"), self.show_about)
        self.guide = self._action(
            "action_open_guide", N_("User &guide"), self.show_guide, Key.HelpContents
        )
        self.guide.setShortcuts([QKeySequence(Key.HelpContents), QKeySequence("F1")])
        tools = MaintenanceTools(window)
        self.tools = tools
        self.backup = self._action("action_backup_register", N_("&Back up now"), tools.backup)
        self.restore = self._action(
            "action_restore_register", N_("&Restore a backup…"), tools.restore
        )
        self.verify_journal = self._action(
            "action_verify_journal", N_("&Verify the journal"), tools.verify_journal
        )
        self.integrity_check = self._action(
            "action_check_integrity", N_("&Check the register file"), tools.integrity_check
        )
        self.as_of_view = self._action(
            "action_view_as_of", N_("Register &as of…"), w.as_of.choose, "Ctrl+Shift+T"
        )
        printing = self.printing = PrintActions(window)
        self.print_list = self._action(
            "action_print_list", N_("&Print the list…"), printing.print_list, Key.Print
        )
        self.print_list_preview = self._action(
            "action_print_preview_list", N_("Print pre&view of the list…"), printing.preview_list
        )
        self.print_record = self._action(
            "action_print_record", N_("Print the &record…"), printing.print_record, "Ctrl+Shift+P"
        )
        self.print_record_preview = self._action(
            "action_print_preview_record",
            N_("Print previe&w of the record…"),
            printing.preview_record,
        )
        self.view_actions = [
            self._action(
                f"action_show_{view.key}",
                view.title,
                partial(w.show_view, view.key),
                f"Ctrl+{i}" if i <= 9 else None,
            )
            for i, view in enumerate(VIEWS, start=1)
        ]
        self._build_menus()

    def _action(
        self,
        name: str,
        text: str,
        slot: Callable[[], Any],
        keys: QKeySequence.StandardKey | str | None = None,
        icon: Any = None,
    ) -> QAction:
        action = QAction(self.window)
        action.setObjectName(name)  # action_<verb>_<object>: what tests and screen readers find
        if icon is not None:
            action.setIcon(icon)
        if keys is not None:
            action.setShortcut(QKeySequence(keys))
        action.triggered.connect(lambda _checked=False: slot())
        self._texts.append((action, text))
        self.window.addAction(action)
        return action

    def _menu(self, title: str) -> QMenu:
        menu = self.window.menuBar().addMenu("")
        self._texts.append((menu, title))
        return menu

    def _build_menus(self) -> None:
        file_menu = self._menu(N_("&File"))
        for action in (self.new_register, self.open_register, self.open_demo):
            file_menu.addAction(action)
        self.recent_menu = file_menu.addMenu("")
        self._texts.append((self.recent_menu, N_("Open &recent")))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        file_menu.addSeparator()
        file_menu.addAction(self.import_)
        file_menu.addAction(self.export)
        file_menu.addSeparator()
        file_menu.addActions([self.print_list, self.print_list_preview])
        file_menu.addActions([self.print_record, self.print_record_preview])
        file_menu.addSeparator()
        file_menu.addAction(self.quit)
        edit_menu = self._menu(N_("&Edit"))
        edit_items: list[QAction | None] = [
            self.undo,
            self.redo,
            self.undo_history,
            None,
            self.new_record,
            self.find,
            None,
            self.settings,
        ]
        for item in edit_items:
            if item is None:
                edit_menu.addSeparator()
            else:
                edit_menu.addAction(item)
        view_menu = self._menu(N_("&View"))
        for action in self.view_actions:
            view_menu.addAction(action)
        view_menu.addSeparator()
        view_menu.addAction(self.as_of_view)
        tools_menu = self._menu(N_("&Tools"))
        tools_menu.addActions([self.backup, self.restore])
        tools_menu.addSeparator()
        tools_menu.addActions([self.verify_journal, self.integrity_check])
        help_menu = self._menu(N_("&Help"))
        help_menu.addAction(self.guide)
        help_menu.addSeparator()
        help_menu.addAction(self.about)
        toolbar = make_toolbar(self.window)
        tool_items: list[QAction | None] = [
            self.new_record,
            self.undo,
            self.redo,
            None,
            self.import_,
            self.export,
        ]
        for item in tool_items:
            if item is None:
                toolbar.addSeparator()
            else:
                toolbar.addAction(item)
        self.toolbar = toolbar

    # -- state ---------------------------------------------------------------------------------
    def update_enabled(self) -> None:
        undo, redo = self.window.register.journal.undo_redo_state()
        present = not self.window.as_of.active  # the past is read-only: no edit action
        self.undo.setEnabled(undo is not None and present)
        self.redo.setEnabled(redo is not None and present)
        self.undo.setToolTip(
            _("Undo: {label}").format(label=operation_label(inner_label(undo.label)))
            if undo
            else _("Undo")
        )
        self.redo.setToolTip(
            _("Redo: {label}").format(label=operation_label(inner_label(redo.label)))
            if redo
            else _("Redo")
        )
        key = self.window.current_view_key()
        kind = LIST_VIEWS.get(key)
        self.new_record.setEnabled(
            present and kind is not None and self.window.editor.can_edit(kind)
        )
        self.find.setEnabled(self.window.current_list() is not None)
        for action in (self.undo_history, self.settings, self.restore):
            action.setEnabled(present)
        self.print_list.setEnabled(self.printing.can_print_list())
        self.print_list_preview.setEnabled(self.printing.can_print_list())
        self.print_record.setEnabled(self.printing.can_print_record())
        self.print_record_preview.setEnabled(self.printing.can_print_record())
        self.import_.setEnabled(present and _import_wizard() is not None)
        self.export.setEnabled(_export_dialog() is not None)

    def retranslate_ui(self) -> None:
        for item, text in self._texts:
            if isinstance(item, QMenu):
                item.setTitle(_(text))
            else:
                item.setText(_(text))
        self.toolbar.setWindowTitle(_("Toolbar"))
        self.update_enabled()

    # -- slots ---------------------------------------------------------------------------------
    def create_record(self) -> None:
        kind = LIST_VIEWS.get(self.window.current_view_key())
        if kind is not None and self.window.editor.can_edit(kind):
            self.window.editor.create(kind)

    def focus_filter(self) -> None:
        current = self.window.current_list()
        if current is not None:
            current.focus_filter()

    def open_import(self, path: Path | None = None) -> None:
        """The import wizard; with `path` (a dropped file) it reads that file straight away."""
        wizard_cls = _import_wizard()
        if wizard_cls is None:
            return
        if path is None:
            self._open_part_b(wizard_cls)
            return
        wizard_cls(self.window.register, self.window.bus, self.window, path=path).exec()

    def open_export(self) -> None:
        self._open_part_b(_export_dialog())

    def _open_part_b(self, dialog_cls: Any) -> None:
        if dialog_cls is None:
            return
        dialog = dialog_cls(self.window.register, self.window.bus, self.window)
        dialog.exec()

    def new_register_file(self) -> None:
        path = self.window.choose_register_file(create=True)
        if path is not None:
            if path.exists():
                path.unlink()  # the file dialog already asked to overwrite
            passphrase = ask_new_passphrase(self.window)
            if passphrase:
                self.switch_to(path, opener=lambda p: open_register(p, passphrase=passphrase))
            else:
                self.switch_to(path)

    def open_register_file(self) -> None:
        path = self.window.choose_register_file(create=False)
        if path is not None:
            self.switch_to(path)

    def open_demo_register(self) -> None:
        path = demo_register_path()
        try:
            from workbench.services.demo import ensure_demo_register
        except ImportError:
            self.switch_to(path)
            return
        self.switch_to(path, opener=ensure_demo_register)

    def switch_to(self, path: Path, opener: Callable[..., Any] | None = None) -> bool:
        if self.window.register.path == path:
            return True
        # The current register stays open until the new one is: a failure leaves the user where
        # they were (and an encrypted current register needs no passphrase again).
        try:
            register = open_interactively(path, self.window) if opener is None else opener(path)
        except WorkbenchError as exc:
            jobs.show_error(self.window, _("Cannot open the register"), exc)
            return False
        self.window.settings.remember_register(str(path))
        self.window.replace_register(register)
        return True

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for path in self.window.settings.recent_registers():
            action = self.recent_menu.addAction(path)
            action.triggered.connect(lambda _c=False, p=path: self.switch_to(Path(p)))
        if self.recent_menu.isEmpty():
            self.recent_menu.addAction(_("(none)")).setEnabled(False)

    def show_guide(self) -> None:
        from ui.dialogs.guide_dialog import GuideDialog

        dialog = GuideDialog(self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.guide_dialog = dialog

    def show_about(self) -> None:
        QMessageBox.about(
            self.window,
            _("About DPO Workbench"),
            _(
                "DPO Workbench keeps the record of processing activities (GDPR Art. 30), "
                "the subprocessors (Art. 28), certifications and audits of a health-sector "
                "organisation, offline."
            ),
        )


def _import_wizard() -> Any:
    return optional_class("ui.dialogs.import_wizard", "ImportWizard")


def _export_dialog() -> Any:
    return optional_class("ui.dialogs.export_dialog", "ExportDialog")
