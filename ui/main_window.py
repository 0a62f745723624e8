"""The main window: sidebar, one view per part of the register, menus, toolbar, status bar."""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QEvent, QMimeData, QSignalBlocker, Qt, QTimer
from PySide6.QtGui import (
    QCloseEvent,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from ui import jobs
from ui.change_bus import ChangeBus
from ui.dialogs.settings_dialog import SettingsDialog
from ui.entity_editor import EntityEditor
from ui.lazy_views import IdleBuilder, LazyViews
from ui.models.audit_table_model import AuditTableModel
from ui.models.breach_table_model import BreachTableModel
from ui.models.certification_table_model import CertificationTableModel
from ui.models.data_subject_request_table_model import DataSubjectRequestTableModel
from ui.models.entity_table_model import EntityTableModel
from ui.models.journal_table_model import JournalTableModel
from ui.models.notification_table_model import NotificationTableModel
from ui.models.organisation_table_model import OrganisationTableModel
from ui.models.subprocessor_table_model import SubprocessorTableModel
from ui.models.treatment_table_model import TreatmentTableModel
from ui.settings import LAST_VIEW, WINDOW_GEOMETRY, WINDOW_STATE, Settings
from ui.undo_guard import UndoHistoryDialog, confirm_undo
from ui.widgets.as_of_view import AsOfMode, AsOfView
from ui.widgets.entity_list_widget import EntityListWidget
from ui.widgets.history_widget import HistoryWidget
from ui.widgets.inferred_marks import plain_label
from ui.widgets.notification_banner import NotificationBanner
from ui.widgets.sidebar import VIEWS, Sidebar
from ui.widgets.welcome_banner import WelcomeBanner
from workbench.domain.enums import EntityKind
from workbench.domain.errors import NothingToUndoError, WorkbenchError
from workbench.domain.records import Changes
from workbench.i18n import N_, _
from workbench.services import Register
from workbench.services.journal_service import OperationInfo
from workbench.services.operation_labels import inner_label, operation_label

LIST_VIEWS: dict[str, EntityKind] = {
    "treatments": EntityKind.TREATMENT,
    "subprocessors": EntityKind.SUBPROCESSOR,
    "certifications": EntityKind.CERTIFICATION,
    "audits": EntityKind.AUDIT,
    "notifications": EntityKind.NOTIFICATION,
    "organisations": EntityKind.ORGANISATION,
    "breaches": EntityKind.BREACH,
    "requests": EntityKind.DATA_SUBJECT_REQUEST,
}
VIEW_OF_KIND = {kind: key for key, kind in LIST_VIEWS.items()}
MODELS: dict[str, Callable[[Register], EntityTableModel[Any]]] = {
    "treatments": TreatmentTableModel,
    "subprocessors": SubprocessorTableModel,
    "certifications": CertificationTableModel,
    "audits": AuditTableModel,
    "notifications": NotificationTableModel,
    "organisations": OrganisationTableModel,
    "breaches": BreachTableModel,
    "requests": DataSubjectRequestTableModel,
}
REGISTER_FILTER = N_("DPO Workbench registers (*.sqlite *.db);;All files (*)")


def optional_class(module: str, name: str) -> Any:
    """A class from a part of the UI that may not be there yet (None if absent)."""
    try:
        return getattr(importlib.import_module(module), name)
    except (ModuleNotFoundError, AttributeError):
        return None


class PlaceholderWidget(QLabel):
    def __init__(self) -> None:
        super().__init__()
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setText(_("This view is not available in this version."))


class MainWindow(QMainWindow):
    def __init__(self, register: Register, settings: Settings) -> None:
        super().__init__()
        from ui.main_actions import MainActions  # the menus need the window's slots

        self.settings = settings
        self.register = register
        self.bus = ChangeBus(self)
        self.editor = EntityEditor(self, register, self.bus)
        self.sidebar = Sidebar()
        self.stack = QStackedWidget()
        self.views = LazyViews((), self._add_view)
        self.models: dict[str, EntityTableModel[Any]] = {}
        self._stale: set[str] = set()
        self._closed = False
        self._start_pending = False  # the start view is yet to be shown (see start_view)
        # what was done before this launch is undone only after asking
        self.started_at = dt.datetime.now(dt.UTC)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.sidebar)
        self.welcome = WelcomeBanner()
        content = QVBoxLayout()
        content.setContentsMargins(0, 0, 0, 0)
        content.addWidget(self.welcome)
        self.notification_banner = NotificationBanner()
        self.notification_banner.draft_requested.connect(self._draft_notifications)
        self.notification_banner.show_requested.connect(lambda: self.show_view("notifications"))
        self.notification_banner.baseline_requested.connect(self._notification_baseline)
        content.addWidget(self.notification_banner)
        content.addWidget(self.stack, 1)
        layout.addLayout(content, 1)
        self.setCentralWidget(central)
        self.status_register = plain_label()
        self.statusBar().addPermanentWidget(self.status_register)
        self.as_of = AsOfMode(self)  # the register as it stood at a moment (View menu)
        self.actions_ = MainActions(self)
        self.welcome.import_requested.connect(self.actions_.open_import)
        self.welcome.demo_requested.connect(self.actions_.open_demo_register)
        self.welcome.organisation_requested.connect(
            lambda: self.editor.create(EntityKind.ORGANISATION)
        )
        self._update_welcome()
        self._build_views()
        self.sidebar.view_selected.connect(self.show_view)
        self.bus.changed.connect(self._register_changed)
        self._restore_state()
        self.setAcceptDrops(True)  # a spreadsheet dropped on the window opens the import wizard
        self.retranslate_ui()

    # -- views ---------------------------------------------------------------------------------
    def _build_views(self) -> None:
        """Each view is built when first shown or asked for, the others in idle turns."""
        previous: IdleBuilder | None = getattr(self, "_idle_builder", None)
        if previous is not None:
            previous.stop()
        self.views = LazyViews([v.key for v in VIEWS], self._add_view)
        self._stale = set()
        self._idle_builder = IdleBuilder(self, self.views)

    def _add_view(self, key: str) -> QWidget:
        widget = self._make_view(key)
        self.stack.addWidget(widget)
        if key in self.models:
            self._stale.add(key)  # its rows are read when it is shown
        return widget

    def _make_view(self, key: str) -> QWidget:
        if key in MODELS:
            model = MODELS[key](self.register)
            self.models[key] = model
            model.load_failed.connect(self._list_failed)
            kind = LIST_VIEWS[key]
            view = EntityListWidget(model, self.settings, editable=self.editor.can_edit(kind))
            view.open_requested.connect(lambda entity_id, k=kind: self.editor.open(k, entity_id))
            view.new_requested.connect(lambda k=kind: self.editor.create(k))
            view.delete_requested.connect(
                lambda entity_id, k=kind: self.editor.delete(k, entity_id)
            )
            view.confirm_requested.connect(
                lambda ids, values, k=kind: self.editor.confirm_marks(k, ids, values)
            )
            return view
        if key == "history":
            model = JournalTableModel(self.register)
            self.models[key] = model
            model.load_failed.connect(self._list_failed)
            history = HistoryWidget(model, self.settings)
            history.record_requested.connect(self.open_record)
            return history
        if key == "dashboard":
            dashboard_cls = optional_class("ui.widgets.dashboard_widget", "DashboardWidget")
            if dashboard_cls is None:
                return PlaceholderWidget()
            dashboard = dashboard_cls(self.register, self.bus)
            dashboard.list_requested.connect(lambda kind: self.show_view(VIEW_OF_KIND[kind]))
            dashboard.checks_requested.connect(self.show_checks)
            dashboard.open_entity_requested.connect(self.open_record)
            return dashboard  # type: ignore[no-any-return]
        if key == "checks":
            checks_cls = optional_class("ui.widgets.checks_widget", "ChecksWidget")
            if checks_cls is None:
                return PlaceholderWidget()
            checks = checks_cls(self.register, self.bus)
            checks.open_entity_requested.connect(self.open_record)
            return checks  # type: ignore[no-any-return]
        return PlaceholderWidget()

    def _list_failed(self, error: Exception) -> None:
        jobs.show_error(self, _("The list could not be read"), error)

    def show_view(self, key: str) -> None:
        if key not in self.views:
            return
        if self.sidebar.current_key() != key:
            self.sidebar.select(key)  # comes back here through view_selected
            return
        self.as_of.discard()  # a view of the present: the past one, if shown, is left
        widget = self.views[key]
        self.stack.setCurrentWidget(widget)
        if key in self._stale:
            self._stale.discard(key)
            self.models[key].reload_in_background()
        else:  # the dashboard and the checks load when first shown (once, however asked)
            load_once = getattr(widget, "load_once", None)
            if load_once is not None:
                load_once()
        self.settings.set(LAST_VIEW, key)
        self.actions_.update_enabled()
        self._update_title()

    def has_pending_work(self) -> bool:
        """A view still has work queued on the GUI thread (a delayed reload, search texts)."""
        from ui.widgets.reload_on_change import ReloadOnChange

        if self._start_pending:
            return True
        if self._idle_builder.pending() or any(
            r.pending() for r in self.findChildren(ReloadOnChange)
        ):
            return True
        return any(m.loading() or not m.search_ready() for m in self.models.values())

    def show_checks(self, severity: str | None = None) -> None:
        """The checks view, showing only the problems of `severity` (all when None)."""
        self.show_view("checks")
        set_severity = getattr(self.views["checks"], "set_severity", None)
        if set_severity is not None:
            set_severity(severity)

    def current_view_key(self) -> str:
        """The view shown ("" before the start view is: its sidebar entry is current already)."""
        return "" if self._start_pending else self.sidebar.current_key()

    def current_list(self) -> EntityListWidget | None:
        widget = self.stack.currentWidget()
        if isinstance(widget, HistoryWidget):
            return widget.entries
        if isinstance(widget, AsOfView):
            return widget.current_list()
        return widget if isinstance(widget, EntityListWidget) else None

    def list_view(self, key: str) -> EntityListWidget:
        widget = self.views[key]
        return widget.entries if isinstance(widget, HistoryWidget) else widget  # type: ignore[return-value]

    def open_record(self, kind: EntityKind, entity_id: int) -> None:
        key = VIEW_OF_KIND.get(kind)
        if key is not None:
            self.show_view(key)
            self.select_when_loaded(key, entity_id)
        self.editor.open(kind, entity_id)

    def select_when_loaded(self, key: str, entity_id: int) -> None:
        """Select a row of a list, once its rows are read if they are being read."""
        model, view = self.models[key], self.list_view(key)
        if not model.loading():
            view.select_id(entity_id)
            return

        def loaded() -> None:
            model.rows_reloaded.disconnect(loaded)
            view.select_id(entity_id)

        model.rows_reloaded.connect(loaded)

    # -- changes -------------------------------------------------------------------------------
    def _register_changed(self, changes: Changes) -> None:
        current = self.current_view_key()
        for key, model in self.models.items():
            touched = key == "history" or any(changes.touches(k) for k in model.kinds)
            if not touched:
                continue
            if key == current:
                model.apply_changes(changes)  # only the rows the change touched, when known
            else:
                self._stale.add(key)
        self.actions_.update_enabled()
        self._update_welcome()
        self.editor.notifications.propose(changes, self.notification_banner)

    def _draft_notifications(self) -> None:
        if self.editor.notifications.draft():
            self.notification_banner.hide()
            self.show_view("notifications")

    def _notification_baseline(self) -> None:
        self.editor.notifications.set_baseline_but_the_last()
        self.notification_banner.hide()
        self.editor.notifications.propose(
            Changes(frozenset({EntityKind.SUBPROCESSOR})), self.notification_banner, again=True
        )

    def _update_welcome(self) -> None:
        self.welcome.setVisible(self.register.is_empty())

    def publish(self, changes: Changes) -> None:
        self.bus.publish(changes)

    def undo(self) -> None:
        candidate = self.register.journal.can_undo()
        # a big operation, or one from an earlier launch, is undone only once confirmed
        if candidate is not None and not confirm_undo(
            self, self.register, candidate, self.started_at
        ):
            return
        self._journal_step(self.register.journal.undo, _("Undone: {label}"), candidate)

    def redo(self) -> None:
        self._journal_step(
            self.register.journal.redo, _("Redone: {label}"), self.register.journal.can_redo()
        )

    def show_undo_history(self) -> None:
        dialog = UndoHistoryDialog(self.register, self)
        dialog.exec()
        dialog.deleteLater()

    def _journal_step(
        self, step: Callable[[], Changes], message: str, candidate: OperationInfo | None
    ) -> None:
        try:
            changes = step()
        except NothingToUndoError as exc:
            self.statusBar().showMessage(str(exc), 4000)
            return
        except WorkbenchError as exc:
            jobs.show_error(self, _("Cannot do that"), exc)
            return
        self.publish(changes)
        # an undo's or redo's own label is "Undo: …": name the change it is about
        label = operation_label(inner_label(candidate.label)) if candidate else ""
        self.statusBar().showMessage(message.format(label=label), 5000)

    # -- register ------------------------------------------------------------------------------
    def replace_register(self, register: Register, close_old: bool = True) -> None:
        """Show another register: every view is rebuilt over it."""
        old = self.register
        self.as_of.discard()
        self.register = register
        self.editor = EntityEditor(self, register, self.bus)
        current = self.current_view_key() or "dashboard"
        for widget in self.views.values():
            self.stack.removeWidget(widget)
            widget.deleteLater()
        self.views.clear()
        self.models.clear()
        self._build_views()
        self.sidebar.clearSelection()
        self.sidebar.setCurrentRow(-1)
        self.show_view(current)
        if old is not register and close_old:
            old.close()
        self._update_welcome()
        self._update_title()

    def choose_register_file(self, create: bool) -> Path | None:
        if create:
            path, _filter = QFileDialog.getSaveFileName(
                self, _("New register"), "register.sqlite", _(REGISTER_FILTER)
            )
        else:
            path, _filter = QFileDialog.getOpenFileName(
                self, _("Open register"), "", _(REGISTER_FILTER)
            )
        return Path(path) if path else None

    # -- a file dropped on the window: import it ------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        self._accept_importable(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        self._accept_importable(event)

    @staticmethod
    def _accept_importable(event: QDropEvent) -> None:
        if dropped_import_path(event.mimeData()) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        path = dropped_import_path(event.mimeData())
        if path is None:
            event.ignore()
            return
        event.acceptProposedAction()
        self.actions_.open_import(path)

    # -- window state --------------------------------------------------------------------------
    def _restore_state(self) -> None:
        geometry = self.settings.get(WINDOW_GEOMETRY)
        if geometry:
            self.restoreGeometry(QByteArray(geometry))
        else:
            self.resize(1280, 800)
        state = self.settings.get(WINDOW_STATE)
        if state:
            self.restoreState(QByteArray(state))

    def start_view(self) -> None:
        """The view of the last session, built and loaded in the event loop's next turn: the
        window is painted first (building the view in the same turn as the window held the GUI
        thread ~140 ms at 10,000 treatments before anything showed)."""
        last = self.settings.get(LAST_VIEW)
        key = last if last in self.views else "dashboard"
        self._start_pending = True
        # Its entry is current at once, quietly: with no current entry, the sidebar's first
        # focus-in (when the window shows) made the first one current, which built and loaded
        # the dashboard in the turn that paints the window, whatever the start view.
        with QSignalBlocker(self.sidebar):
            self.sidebar.select(key)

        def start() -> None:
            self._start_pending = False
            if not self._closed:
                self.show_view(key)

        QTimer.singleShot(0, self, start)  # dropped with the window if it is closed before

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._closed:  # a second close (e.g. at application exit): nothing left to ask
            event.accept()
            return
        if jobs.active_jobs():
            answer = QMessageBox.question(
                self,
                _("Work in progress"),
                _("An import or export is still running. Stop it and quit?"),
            )
            if answer != QMessageBox.StandardButton.Yes:
                event.ignore()
                return
        jobs.shutdown()
        self.settings.set(WINDOW_GEOMETRY, bytes(self.saveGeometry().data()))
        self.settings.set(WINDOW_STATE, bytes(self.saveState().data()))
        self.settings.sync()
        self._closed = True
        event.accept()

    def open_settings(self) -> None:
        dialog = SettingsDialog(self.settings, self, self.register)
        if dialog.exec() == SettingsDialog.DialogCode.Accepted:
            for key in ("dashboard", "checks"):  # both read the compliance settings
                refresh = getattr(self.views.get(key), "refresh", None)
                if refresh is not None:
                    refresh()

    # -- language ------------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.sidebar.retranslate_ui()
        self.actions_.retranslate_ui()
        for widget in self.views.values():
            if isinstance(widget, PlaceholderWidget):
                widget.setText(_("This view is not available in this version."))
        self._update_title()

    def _update_title(self) -> None:
        path = self.register.path
        name = path.name if path is not None else self.register.url
        # Only the register: Qt adds the application's display name ("… — DPO Workbench").
        self.setWindowTitle(name)
        self.status_register.setText(str(path) if path is not None else self.register.url)


def dropped_import_path(mime: QMimeData) -> Path | None:
    """The one local file the import wizard reads in a drag, else None (several files: None)."""
    if not mime.hasUrls():
        return None
    try:
        from ui.dialogs.import_source_pages import is_importable
    except ImportError:  # the import wizard is not part of this build
        return None
    paths = [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
    return paths[0] if len(paths) == 1 and is_importable(paths[0]) else None


def make_toolbar(window: QMainWindow) -> QToolBar:
    toolbar = QToolBar(window)
    toolbar.setObjectName("main_toolbar")
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    window.addToolBar(toolbar)
    return toolbar


def shortcut(*keys: QKeySequence.StandardKey | str) -> list[QKeySequence]:
    return [QKeySequence(k) for k in keys]


__all__ = ["MainWindow", "QMenu", "make_toolbar", "shortcut"]
