"""File → Print: the current list, or the record selected in it, printed or previewed.

In the "as of" view the list and the record are the past ones, and the page says so.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtPrintSupport import QPrintPreviewDialog

from ui.jobs import show_error
from ui.main_window import LIST_VIEWS
from ui.printing import Printable, list_document, preview_dialog, print_document, record_document
from ui.widgets.as_of_view import AsOfView, banner_text
from ui.widgets.sidebar import VIEWS
from workbench.domain.enums import EntityKind
from workbench.domain.errors import WorkbenchError
from workbench.i18n import _

if TYPE_CHECKING:
    from ui.main_window import MainWindow


class PrintActions:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.preview: QPrintPreviewDialog | None = None  # the last one opened (tests look)

    # -- what there is to print ----------------------------------------------------------------
    def _as_of_view(self) -> AsOfView | None:
        widget = self.window.stack.currentWidget()
        return widget if isinstance(widget, AsOfView) else None

    def _record_kind(self) -> EntityKind | None:
        past = self._as_of_view()
        if past is not None:
            return past.current_kind()
        kind = LIST_VIEWS.get(self.window.current_view_key())
        return kind if kind is not None and kind is not EntityKind.NOTIFICATION else None

    def can_print_list(self) -> bool:
        return self.window.current_list() is not None

    def can_print_record(self) -> bool:
        current = self.window.current_list()
        return self._record_kind() is not None and current is not None

    def list_document(self) -> Printable | None:
        current = self.window.current_list()
        if current is None:
            return None
        past = self._as_of_view()
        if past is not None:
            title = past.tabs.tabText(past.tabs.currentIndex())
            return list_document(title, current.table, banner_text(past.past))
        key = self.window.current_view_key()
        title = next((_(v.title) for v in VIEWS if v.key == key), "")
        return list_document(title, current.table)

    def record_document(self) -> Printable | None:
        """The selected record's form, as a document (None, with a word why, if none)."""
        kind, current = self._record_kind(), self.window.current_list()
        entity_id = current.current_id() if current is not None else None
        if kind is None or entity_id is None:
            self.window.statusBar().showMessage(_("Select a record in the list first."), 4000)
            return None
        past = self._as_of_view()
        try:
            reader: Any = past.past if past is not None else self.window.register
            record = reader.service_for(kind).get(entity_id)
        except WorkbenchError as exc:
            show_error(self.window, _("Cannot print this record"), exc)
            return None
        if past is not None:
            dialog = past.form_for(kind, record)
        else:
            dialog = self.window.editor.dialog_for(kind, record)
        try:
            return record_document(dialog, banner_text(past.past) if past is not None else "")
        finally:
            dialog.deleteLater()

    # -- slots ---------------------------------------------------------------------------------
    def print_list(self) -> None:
        self._print(self.list_document())

    def preview_list(self) -> None:
        self._preview(self.list_document())

    def print_record(self) -> None:
        self._print(self.record_document())

    def preview_record(self) -> None:
        self._preview(self.record_document())

    def _print(self, document: Printable | None) -> None:
        if document is not None:
            print_document(self.window, document)

    def _preview(self, document: Printable | None) -> None:
        if document is None:
            return
        dialog = preview_dialog(self.window, document)
        self.preview = dialog
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
