"""The register as it stood at a chosen moment: its lists and record forms, read-only.

View → "Register as of…" asks for a date and time, then the window shows, under a banner
("Registre au 12/03/2026 14:00 — lecture seule"), the treatments, subprocessors and
organisations as the journal says they were (workbench/services/as_of_service.py). Every edit
action of the window is disabled meanwhile; "Back to the present" (or any view of the sidebar)
returns to the register as it is.

The lists and forms are the usual ones, given the past register (`AsOfRegister`, which has the
reads they make) in place of the present one; forms are made read-only and lose their
documents tab (certificates and attachments are shown as they are now, not as they were).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QDateTime, QEvent, Qt, QTimeZone, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QTabBar,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ui.change_bus import ChangeBus
from ui.jobs import show_error
from ui.models.organisation_table_model import OrganisationTableModel
from ui.models.subprocessor_table_model import SubprocessorTableModel
from ui.models.treatment_table_model import TreatmentTableModel
from ui.settings import Settings
from ui.widgets.certificates_widget import CertificatesWidget
from ui.widgets.entity_list_widget import EntityListWidget
from ui.widgets.inferred_marks import plain_label
from workbench.domain.enums import EntityKind
from workbench.domain.errors import WorkbenchError
from workbench.i18n import N_, _
from workbench.services import Register
from workbench.services.as_of_service import AsOfRegister, moment_text

if TYPE_CHECKING:
    from ui.dialogs.entity_form_dialog import EntityFormDialog
    from ui.main_window import MainWindow

BANNER_STYLE = "#asOfBanner { background: #fff4d6; border: 1px solid #d9a400; }"
LISTS = (
    (EntityKind.TREATMENT, N_("Treatments"), TreatmentTableModel),
    (EntityKind.SUBPROCESSOR, N_("Subprocessors"), SubprocessorTableModel),
    (EntityKind.ORGANISATION, N_("Organisations"), OrganisationTableModel),
)


def banner_text(past: AsOfRegister) -> str:
    return _("Register as of {moment} — read-only").format(moment=moment_text(past.moment))


class AsOfView(QWidget):
    back_requested = Signal()
    change_requested = Signal()

    def __init__(
        self, past: AsOfRegister, settings: Settings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.past = past
        self.setObjectName("as_of_view")
        # The lists and forms read a Register; the past one has every read they make.
        self.reader = cast(Register, past)
        self.banner = QFrame()
        self.banner.setObjectName("asOfBanner")
        self.banner.setStyleSheet(BANNER_STYLE)
        self.banner_label = plain_label()
        self.banner_label.setObjectName("as_of_banner_text")
        self.banner_label.setStyleSheet("font-weight: bold; font-size: 12pt;")
        self.change_button = QPushButton()
        self.change_button.setObjectName("as_of_change_moment")
        self.back_button = QPushButton()
        self.back_button.setObjectName("as_of_back_to_present")
        self.change_button.clicked.connect(self.change_requested)
        self.back_button.clicked.connect(self.back_requested)
        row = QHBoxLayout(self.banner)
        row.addWidget(self.banner_label, 1)
        row.addWidget(self.change_button)
        row.addWidget(self.back_button)
        self.tabs = QTabWidget()
        self.lists: dict[EntityKind, EntityListWidget] = {}
        for kind, _title, model_cls in LISTS:
            model = model_cls(self.reader)
            view = EntityListWidget(model, settings, editable=False)
            view.open_requested.connect(lambda entity_id, k=kind: self.open_form(k, entity_id))
            # once read, the row count is longer than "0 rows": lay the list out again
            model.rows_reloaded.connect(lambda v=view: _lay_out_again(v))
            self.lists[kind] = view
            self.tabs.addTab(view, "")
            model.reload_in_background()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs, 1)
        self.retranslate_ui()

    def current_kind(self) -> EntityKind:
        return LISTS[self.tabs.currentIndex()][0]

    def current_list(self) -> EntityListWidget:
        return self.lists[self.current_kind()]

    def loading(self) -> bool:
        return any(view.model.loading() for view in self.lists.values())

    def form_for(self, kind: EntityKind, record: Any) -> EntityFormDialog[Any]:
        """The record's usual form, filled from the past register, every editor read-only."""
        from ui.entity_editor import DIALOGS

        dialog = DIALOGS[kind](self.reader, ChangeBus(), record, self)
        make_read_only(dialog, banner_text(self.past))
        return dialog

    def open_form(self, kind: EntityKind, entity_id: int) -> EntityFormDialog[Any] | None:
        try:
            record = self.past.service_for(kind).get(entity_id)
        except WorkbenchError as exc:
            show_error(self, _("Cannot open this record"), exc)
            return None
        dialog = self.form_for(kind, record)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.banner_label.setText(banner_text(self.past))
        self.change_button.setText(_("Another date…"))
        self.back_button.setText(_("Back to the present"))
        for i, (_kind, title, _model) in enumerate(LISTS):
            self.tabs.setTabText(i, _(title))


def _lay_out_again(widget: QWidget) -> None:
    layout = widget.layout()
    if layout is not None:
        layout.invalidate()


def make_read_only(dialog: EntityFormDialog[Any], banner: str) -> None:
    """No editor of the form takes input; Close is its only button; the banner says why."""
    dialog.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)
    dialog.setWindowTitle(f"{dialog.windowTitle()} — {banner}")
    label = plain_label(banner)
    label.setObjectName("as_of_form_banner")
    label.setStyleSheet("font-weight: bold; background: #fff4d6; padding: 4px;")
    layout = dialog.layout()
    if isinstance(layout, QVBoxLayout):
        layout.insertWidget(0, label)
    tabs = dialog.findChild(QTabWidget)
    if tabs is not None:
        for i in reversed(range(tabs.count())):
            page = tabs.widget(i)
            if page is not None and page.findChild(CertificatesWidget) is not None:
                tabs.removeTab(i)  # today's certificates and files, not the past's
    for widget in dialog.findChildren(QWidget):
        if isinstance(widget, QLineEdit | QPlainTextEdit):
            widget.setReadOnly(True)
        elif isinstance(widget, QAbstractItemView):
            widget.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            if isinstance(widget, QListWidget):  # ticks stay shown, but cannot be changed
                for i in range(widget.count()):
                    item = widget.item(i)
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsUserCheckable)
        elif isinstance(widget, QComboBox | QAbstractSpinBox) or (
            isinstance(widget, QAbstractButton)
            and not isinstance(widget.parentWidget(), QDialogButtonBox | QTabBar)
        ):
            widget.setEnabled(False)
    dialog.dirty = False


class AsOfDialog(QDialog):
    """The moment to show: a date and a time, from the register's first change up to now."""

    def __init__(self, began: dt.datetime, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("as_of_dialog")
        self.setWindowTitle(_("Register as of…"))
        now = QDateTime.currentDateTime()
        self.moment = QDateTimeEdit()
        self.moment.setObjectName("as_of_moment")
        self.moment.setCalendarPopup(True)
        self.moment.setDisplayFormat("dd/MM/yyyy HH:mm")
        self.moment.setMinimumDateTime(_qt(began))
        self.moment.setMaximumDateTime(now)
        self.moment.setDateTime(now)
        explanation = QLabel(
            _(
                "The register is shown as its journal says it stood at that moment (from its "
                "first recorded change, {began}, up to now), read-only."
            ).format(began=moment_text(began))
        )
        explanation.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(_("Date and time"), self.moment)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def chosen(self) -> dt.datetime:
        """The moment chosen, to the end of its minute (what was there at 14:00 is shown)."""
        seconds = self.moment.dateTime().toSecsSinceEpoch() + 59
        return min(dt.datetime.fromtimestamp(seconds, dt.UTC), dt.datetime.now(dt.UTC))


def _qt(moment: dt.datetime) -> QDateTime:
    return QDateTime.fromSecsSinceEpoch(int(moment.timestamp()), QTimeZone.systemTimeZone())


class AsOfMode:
    """The window's "as of" state: the view shown, or None (the present)."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.view: AsOfView | None = None
        # The sidebar keeps its current view while the past is shown (an item view with focus
        # and no current row takes the first one: the past left at once for the dashboard);
        # a click on that same view also comes back to it.
        window.sidebar.itemClicked.connect(lambda _item: self._sidebar_clicked())

    @property
    def active(self) -> bool:
        return self.view is not None

    def choose(self) -> None:
        began = self.window.register.journal.began_at()
        if began is None:
            self.window.statusBar().showMessage(
                _("The register has no recorded change yet: there is no earlier state to show."),
                5000,
            )
            return
        dialog = AsOfDialog(began, self.window)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        moment = dialog.chosen()
        dialog.deleteLater()
        if accepted:
            self.show(moment)

    def show(self, moment: dt.datetime) -> AsOfView | None:
        window = self.window
        try:
            past = AsOfRegister(window.register, moment)
        except WorkbenchError as exc:
            show_error(window, _("Cannot show the register at that moment"), exc)
            return None
        self.discard()
        view = AsOfView(past, window.settings)
        view.back_requested.connect(self.leave)
        view.change_requested.connect(self.choose)
        self.view = view
        window.stack.addWidget(view)
        window.stack.setCurrentWidget(view)
        view.current_list().table.setFocus()
        window.actions_.update_enabled()
        return view

    def _sidebar_clicked(self) -> None:
        if self.active:  # another view of the sidebar leaves already (MainWindow.show_view)
            self.leave()

    def leave(self) -> None:
        """Back to the present, on the view the sidebar shows."""
        self.discard()
        self.window.show_view(self.window.current_view_key() or "dashboard")

    def discard(self) -> None:
        """Forget the past view (the window then shows another one)."""
        view, self.view = self.view, None
        if view is not None:
            self.window.stack.removeWidget(view)
            view.deleteLater()
            self.window.actions_.update_enabled()
