"""The part of a form that deals with inferred values: showing their marks, confirming them.

The form shows the record's marks on the rows of the fields they name (`FieldRow.fields`). A
person confirms one ("Confirm" under the field) or all ("Confirm all inferred values"): the mark
is lifted in the form and the record is saved without it. Editing a marked value states it: the
service's `carry_marks` drops the mark of a value that changed. A save that only confirms goes
through `service.confirm`, so History reads "Confirm … values" rather than an edit.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QTabWidget

from ui.widgets.inferred_marks import InferredBanner, fields_text, plain_tooltip, warning_icon
from workbench.domain import inference
from workbench.domain.errors import ConflictError
from workbench.domain.records import Changes, Unconfirmed
from workbench.i18n import _

if TYPE_CHECKING:
    from ui.dialogs.entity_form_dialog import FieldRow

R = TypeVar("R")


class FormMarks(Generic[R]):
    record: R
    dirty: bool
    _loading: bool
    _rows: dict[str, FieldRow]

    def init_marks(self) -> None:
        self._confirmed: list[str] = []  # fields confirmed in this form, saved with the record
        self._edited_rows: set[str] = set()  # marked rows whose value the person changed
        self.marks_banner = InferredBanner()
        self.marks_banner.confirm_all_requested.connect(self.confirm_all)

    # -- state ---------------------------------------------------------------------------------
    def current_marks(self) -> tuple[Unconfirmed, ...]:
        """The record's marks, less the ones confirmed in this form (not saved yet)."""
        marks: tuple[Unconfirmed, ...] = getattr(self.record, "unconfirmed", ())
        return tuple(
            m for m in marks if not any(inference.covers(m.field, f) for f in self._confirmed)
        )

    def reset_marks(self) -> None:
        self._confirmed = []
        self._edited_rows = set()
        self.refresh_marks()

    # -- actions -------------------------------------------------------------------------------
    def confirm_row(self, key: str) -> None:
        self._confirm(self._rows[key].fields)

    def confirm_all(self) -> None:
        self._confirm(tuple(m.field for m in self.current_marks()))

    def _confirm(self, fields: tuple[str, ...]) -> None:
        self._confirmed.extend(f for f in fields if f not in self._confirmed)
        self.dirty = True
        self.refresh_marks()

    def row_edited(self, key: str) -> None:
        row = self._rows.get(key)
        if self._loading or row is None or not row.marks or key in self._edited_rows:
            return
        self._edited_rows.add(key)
        row.set_marks(row.marks, edited=True)
        self._show_summary()

    # -- display -------------------------------------------------------------------------------
    def refresh_marks(self) -> None:
        marks = self.current_marks()
        shown: set[Unconfirmed] = set()
        for key, row in self._rows.items():
            on_row = tuple(
                m for m in marks if any(inference.covers(m.field, f) for f in row.fields)
            )
            row.set_marks(on_row, key in self._edited_rows, bool(on_row) and shown >= set(on_row))
            shown.update(on_row)
        self._show_summary()

    def _show_summary(self) -> None:
        edited = [self._rows[k] for k in self._edited_rows]
        pending = tuple(m for m in self.current_marks() if not any(m in r.marks for r in edited))
        confirmed = len(getattr(self.record, "unconfirmed", ())) - len(self.current_marks())
        self.marks_banner.set_state(pending, confirmed)
        tabs = getattr(self, "tabs", None)
        if not isinstance(tabs, QTabWidget):
            return
        for index in range(tabs.count()):
            page = tabs.widget(index)
            if page is None:
                continue
            on_tab = tuple(
                m
                for key, row in self._rows.items()
                if key not in self._edited_rows and page.isAncestorOf(row)
                for m in row.marks
            )
            tabs.setTabIcon(index, warning_icon() if on_tab else QIcon())
            tabs.setTabToolTip(
                index,
                plain_tooltip(_("To be verified: {fields}").format(fields=fields_text(on_tab)))
                if on_tab
                else "",
            )

    # -- saving --------------------------------------------------------------------------------
    def with_form_marks(self, record: R) -> R:
        """The record the form built, with the marks of changed values and of confirmed ones
        lifted (the form passes them on, so the service takes them at its word)."""
        built: Any = record
        if not hasattr(built, "unconfirmed") or built.id is None:
            return record
        stated = inference.carry_marks(self.record, built)
        confirmed: R = inference.confirm(stated, self._confirmed) if self._confirmed else stated
        return confirmed

    def only_confirmations(self, record: Any) -> bool:
        """True when the record differs from the one read only by the marks confirmed here."""
        read: Any = self.record
        return (
            bool(self._confirmed)
            and record.unconfirmed != read.unconfirmed
            and dataclasses.replace(record, unconfirmed=read.unconfirmed) == read
        )

    def save_confirmations(self, service: Any) -> Changes:
        read: Any = self.record
        stored = service.get(read.id)
        if stored.version != read.version:  # the person confirmed what they saw
            raise ConflictError(service.kind_name, read.id, read.version, stored.version)
        changes: Changes = service.confirm([read.id], list(self._confirmed))
        return changes
