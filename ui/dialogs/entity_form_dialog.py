"""What every edit form shares: labelled rows with their error message, saving, conflicts.

A subclass builds its rows with `add_row(form, key, label, editor)`, fills them in `load`, and
turns them back into a record in `build_record`, collecting local problems (required fields,
dates) in `problems`. Saving goes through the service; a `ValidationError`'s problems are shown
under the fields they name, a `ConflictError` offers to reload the record.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Any, TypeVar

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QScrollArea,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ui.accessibility import name_field
from ui.change_bus import ChangeBus
from ui.dialogs.form_marks import FormMarks
from ui.widgets.attachments_widget import AttachmentsWidget
from ui.widgets.certificates_widget import CertificatesWidget
from ui.widgets.form_editors import DateEdit
from ui.widgets.inferred_marks import (
    ROW_STYLE,
    MarkBar,
    marks_tooltip,
    plain_label,
    plain_tooltip,
    warning_icon,
)
from workbench.domain.enums import EntityKind
from workbench.domain.errors import ConflictError, NotFoundError, ValidationError
from workbench.domain.records import Changes, Organisation, Unconfirmed
from workbench.i18n import _
from workbench.services import Register

R = TypeVar("R")
W = TypeVar("W", bound=QWidget)
ERROR_STYLE = "color: #b00020;"


class FieldRow(QWidget):
    """An editor with, under it, the mark of an inferred value and its error message."""

    def __init__(self, editor: QWidget, title: QLabel, fields: tuple[str, ...]) -> None:
        super().__init__()
        self.editor = editor
        self.title = title
        self.fields = fields  # the record fields (dotted) whose marks this row shows
        self.marks: tuple[Unconfirmed, ...] = ()
        self._edited = False
        self._repeated = False
        self.setObjectName("inferredRow")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.label_box = QWidget()
        self.label_icon = QLabel()
        self.label_icon.setPixmap(warning_icon().pixmap(16, 16))
        self.label_icon.hide()
        label_layout = QHBoxLayout(self.label_box)
        label_layout.setContentsMargins(0, 0, 0, 0)
        label_layout.addWidget(title)
        label_layout.addWidget(self.label_icon)
        label_layout.addStretch(1)
        self.mark_bar = MarkBar()
        self.error = plain_label()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        layout = self._layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(editor)
        layout.addWidget(self.mark_bar)
        layout.addWidget(self.error)

    def set_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def set_marks(
        self, marks: tuple[Unconfirmed, ...], edited: bool, repeated: bool = False
    ) -> None:
        if (marks, edited, repeated) == (self.marks, self._edited, self._repeated):
            return  # most rows stay unmarked: no widget calls for them
        self.marks, self._edited, self._repeated = marks, edited, repeated
        self.show_marks()

    def show_marks(self) -> None:
        """Show the row's marks (again: after a language switch, in the new language)."""
        marks, edited = self.marks, self._edited
        self.mark_bar.set_marks(marks, edited, self._repeated)
        marked = bool(marks)
        self.setStyleSheet(ROW_STYLE if marked and not edited else "")
        self._layout.setContentsMargins(*((6, 3, 3, 3) if marked else (0, 0, 0, 0)))
        self.label_icon.setVisible(marked and not edited)
        tip = marks_tooltip(marks) if marked else ""
        for widget in (self.title, self.label_icon, self.editor):
            widget.setToolTip(plain_tooltip(tip))
        self.editor.setAccessibleDescription(tip)


class EntityFormDialog(QDialog, FormMarks[R]):
    saved = Signal(object)  # Changes
    open_entity_requested = Signal(object, int)  # EntityKind, id

    kind: EntityKind

    def __init__(
        self, register: Register, bus: ChangeBus, record: R, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.register = register
        self.bus = bus
        self.record = record
        self.dirty = False
        self._loading = False
        self._rows: dict[str, FieldRow] = {}
        self._labels: list[tuple[QLabel, str]] = []
        self.problems: dict[str, str] = {}
        self.general_error = plain_label()
        self.general_error.setStyleSheet(ERROR_STYLE)
        self.general_error.setWordWrap(True)
        self.general_error.hide()
        self.init_marks()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.setSizeGripEnabled(True)

    # -- building ------------------------------------------------------------------------------
    def add_row(
        self,
        form: QFormLayout,
        key: str,
        label: str,
        editor: W,
        fields: tuple[str, ...] | None = None,
    ) -> W:
        """`label` is marked with N_; it is translated here and again on a language switch.
        `fields`: the record fields the row edits, when they are not just `key` (their marks
        of inferred values show on the row)."""
        title = QLabel(_(label))
        title.setBuddy(editor)  # Qt reads a buddy's label only beside it: named here too
        name_field(editor, title.text())
        row = FieldRow(editor, title, fields if fields is not None else (key,))
        row.mark_bar.confirm_requested.connect(lambda: self.confirm_row(key))
        self._labels.append((title, label))
        self._rows[key] = row
        form.addRow(row.label_box, row)
        self._watch(editor, key)
        return editor

    def add_form_page(self, tabs: QTabWidget) -> QFormLayout:
        """A scrolling tab holding a form; its title is set by the subclass's retranslation."""
        page = QWidget()
        column = QVBoxLayout(page)  # the rows keep their height; the stretch takes the rest
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        column.addLayout(form)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(page)
        tabs.addTab(scroll, "")
        return form

    def add_documents_page(
        self, tabs: QTabWidget, kind: EntityKind
    ) -> tuple[CertificatesWidget, AttachmentsWidget]:
        """A tab with the certificates the record holds and the files attached to it; its
        title is set by the subclass's retranslation."""
        page = QWidget()
        column = QVBoxLayout(page)
        certificates = CertificatesWidget(self.register, self.bus, kind, page)
        attachments = AttachmentsWidget(self.register, self.bus, kind)
        column.addWidget(certificates, 1)
        column.addWidget(attachments)
        scroll = QScrollArea()  # like the form pages: the dialog still fits a small screen
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(page)
        tabs.addTab(scroll, "")
        return certificates, attachments

    def add_organisation_row(
        self, form: QFormLayout, label: str, organisations: Sequence[Organisation]
    ) -> QComboBox:
        combo = self.add_row(form, "organisation_id", label, QComboBox())
        for org in organisations:
            combo.addItem(org.name, org.id)
        return combo

    def finish_layout(self, body: QWidget) -> None:
        if not isinstance(body, QTabWidget | QScrollArea):  # one long form: it scrolls, so
            scroll = QScrollArea()  # Save and Cancel stay on a 1366x768 screen (or at scale 2)
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QFrame.Shape.NoFrame)
            scroll.setWidget(body)
            body = scroll
        layout = QVBoxLayout(self)
        layout.addWidget(self.marks_banner)
        layout.addWidget(self.general_error)
        layout.addWidget(body, 1)
        layout.addWidget(self.buttons)

    def showEvent(self, event: QShowEvent) -> None:
        fit_to_screen(self)
        super().showEvent(event)

    def _watch(self, editor: QWidget, key: str) -> None:
        def edited(*_args: Any) -> None:
            self.mark_dirty()
            self.row_edited(key)

        if isinstance(editor, QLineEdit | QPlainTextEdit):
            editor.textChanged.connect(edited)
        elif isinstance(editor, QComboBox):
            editor.currentIndexChanged.connect(edited)
            if editor.isEditable():
                editor.editTextChanged.connect(edited)
        elif isinstance(editor, QSpinBox):
            editor.valueChanged.connect(edited)
        elif isinstance(editor, QAbstractButton | QCheckBox):
            editor.toggled.connect(edited)
        elif hasattr(editor, "changed"):
            editor.changed.connect(edited)

    def mark_dirty(self, *_args: Any) -> None:
        if not self._loading:
            self.dirty = True

    # -- subclass hooks ------------------------------------------------------------------------
    def load(self, record: R) -> None:
        raise NotImplementedError

    def build_record(self) -> R:
        """The record from the fields; local problems are added to `self.problems`."""
        raise NotImplementedError

    def retranslate_fields(self) -> None:
        """Relabel the editors whose items are translated (enum pickers...)."""

    # -- helpers for subclasses ----------------------------------------------------------------
    def require_text(self, key: str, text: str) -> str:
        if not text.strip():
            self.problems[key] = _("This field is required.")
        return text.strip()

    def read_date(self, key: str, editor: DateEdit) -> Any:
        try:
            return editor.value()
        except ValueError:
            self.problems[key] = _("Not a date: write it as 2026-11-23 or 23/11/2026.")
            return None

    def check_order(self, key: str, first: Any, then: Any, message: str) -> None:
        if first is not None and then is not None and then < first and key not in self.problems:
            self.problems[key] = message

    # -- showing problems ----------------------------------------------------------------------
    def show_problems(self, problems: dict[str, str]) -> None:
        unplaced = []
        for key, row in self._rows.items():
            row.set_error(problems.get(key, ""))
        for key, text in problems.items():
            if key not in self._rows:
                unplaced.append(text)
        self.general_error.setText("\n".join(unplaced))
        self.general_error.setVisible(bool(unplaced))
        first = next((self._rows[k] for k in self._rows if k in problems), None)
        if first is not None:
            self._reveal(first)

    def _reveal(self, row: FieldRow) -> None:
        """Bring the tab holding a field with a problem to the front."""
        widget: QWidget | None = row
        while widget is not None:
            parent = widget.parentWidget()
            stack = parent.parentWidget() if parent is not None else None
            if (
                stack is not None
                and hasattr(stack, "setCurrentWidget")
                and hasattr(stack, "indexOf")
                and stack.indexOf(widget) >= 0
            ):
                stack.setCurrentWidget(widget)
            if isinstance(widget, QScrollArea):
                widget.ensureWidgetVisible(row)
            widget = parent
        row.editor.setFocus()

    def error_of(self, key: str) -> str:
        row = self._rows.get(key)
        return row.error.text() if row is not None and not row.error.isHidden() else ""

    # -- saving --------------------------------------------------------------------------------
    def save(self) -> bool:
        self.problems = {}
        record = self.with_form_marks(self.build_record())
        if self.problems:
            self.show_problems(self.problems)
            return False
        service = self.register.service_for(self.kind)
        try:
            if getattr(record, "id") is None:  # noqa: B009 - R is any record type
                changes: Changes = service.create(record)
                record = dataclasses.replace(record, id=changes.ids[0])  # type: ignore[type-var]
            elif self.only_confirmations(record):
                changes = self.save_confirmations(service)
            else:
                changes = service.update(record)
        except ValidationError as exc:
            self.show_problems(exc.problems)
            return False
        except ConflictError as exc:
            self._offer_reload(str(exc))
            return False
        self.show_problems({})
        self.record = service.get(getattr(record, "id"))  # noqa: B009
        self.dirty = False
        self.reset_marks()
        self.bus.publish(changes)
        self.saved.emit(changes)
        return True

    def _offer_reload(self, message: str) -> None:
        # the message names a table and ids, never user text: the static box is safe here
        answer = QMessageBox.warning(
            self,
            _("Changed by someone else"),
            _(
                "This record was changed by someone else since you opened it.\n\n"
                "Reload it to see their version (your changes in this form are lost), "
                "or cancel to keep editing."
            )
            + "\n\n"
            + message,
            QMessageBox.StandardButton.Reset | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Reset,
        )
        if answer == QMessageBox.StandardButton.Reset:
            self.reload_record()

    def reload_record(self) -> None:
        entity_id = getattr(self.record, "id")  # noqa: B009
        try:
            self.record = self.register.service_for(self.kind).get(entity_id)
        except NotFoundError:
            QMessageBox.information(self, _("Record deleted"), _("This record no longer exists."))
            super().reject()
            return
        self.load_record()

    def load_record(self) -> None:
        self._loading = True
        try:
            self.load(self.record)
        finally:
            self._loading = False
        for row in self._rows.values():
            if isinstance(row.editor, QLineEdit):
                row.editor.setCursorPosition(0)  # a long value shows its beginning
        self.dirty = False
        self.reset_marks()

    # -- closing -------------------------------------------------------------------------------
    def accept(self) -> None:
        if self.save():
            super().accept()

    def reject(self) -> None:
        if self.confirm_discard():
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.confirm_discard():
            event.accept()
        else:
            event.ignore()

    def confirm_discard(self) -> bool:
        if not self.dirty:
            return True
        answer = QMessageBox.question(
            self,
            _("Unsaved changes"),
            _("This form has unsaved changes. Save them before closing?"),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        if answer == QMessageBox.StandardButton.Discard:
            self.dirty = False
            return True
        return False

    # -- language ------------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            for label, text in self._labels:
                label.setText(_(text))
                name_field(label.buddy(), label.text())
            self.retranslate_fields()
            for row in self._rows.values():
                if row.marks:
                    row.show_marks()
            self.marks_banner.retranslate_ui()
        super().changeEvent(event)


def fit_to_screen(dialog: QWidget) -> None:
    """No bigger than the screen's free area, and inside it: the buttons stay reachable."""
    free = dialog.screen().availableGeometry()
    width, height = min(dialog.width(), free.width()), min(dialog.height(), free.height())
    if (width, height) != (dialog.width(), dialog.height()):
        dialog.resize(width, height)
