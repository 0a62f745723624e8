"""Editors of the breach and request forms: several enum values at once, the CNIL
notifications (in phases, Art. 33(4)) and the notices to controllers (Art. 33(2))."""

from __future__ import annotations

from collections.abc import Iterable
from enum import Enum
from typing import Generic, TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QSizePolicy, QVBoxLayout, QWidget

from ui.labels import enum_label
from ui.widgets.table_editor import MOMENT, RecordTableEditor, TableCellError, TableColumn
from workbench.domain.breaches import AuthorityNotification, ControllerNotice
from workbench.domain.enums import NotificationPhase, Role
from workbench.domain.records import Treatment
from workbench.i18n import N_, _

E = TypeVar("E", bound=Enum)


class EnumChecklist(QWidget, Generic[E]):
    """Tick the values that apply (the natures of a breach, the rights a request exercises)."""

    changed = Signal()

    def __init__(self, enum_cls: type[E], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._members = list(enum_cls)
        self.list = QListWidget()
        for _member in self._members:
            item = QListWidgetItem("")
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.list.addItem(item)
        # exactly its rows: a taller list would take the form's spare height from other rows
        self.list.setFixedHeight(self.list.sizeHintForRow(0) * len(self._members) + 8)
        self.list.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        self.list.itemChanged.connect(lambda _item: self.changed.emit())
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.list.blockSignals(True)
        for row, member in enumerate(self._members):
            self.list.item(row).setText(enum_label(member))
        self.list.blockSignals(False)

    def set_values(self, values: Iterable[E]) -> None:
        chosen = set(values)
        self.list.blockSignals(True)
        for row, member in enumerate(self._members):
            state = Qt.CheckState.Checked if member in chosen else Qt.CheckState.Unchecked
            self.list.item(row).setCheckState(state)
        self.list.blockSignals(False)

    def values(self) -> tuple[E, ...]:
        return tuple(
            member
            for row, member in enumerate(self._members)
            if self.list.item(row).checkState() == Qt.CheckState.Checked
        )


class AuthorityNotificationEditor(RecordTableEditor):
    """The notifications to the CNIL: when, its reference, which phase, what it said."""

    columns = (
        TableColumn(N_("Notified at"), MOMENT),
        TableColumn(N_("CNIL reference")),
        TableColumn(N_("Phase"), NotificationPhase),
        TableColumn(N_("Summary"), stretch=True),
    )

    def set_values(self, notifications: tuple[AuthorityNotification, ...]) -> None:
        self.set_rows([(n.at, n.reference, n.phase, n.summary) for n in notifications])

    def values(self) -> tuple[AuthorityNotification, ...]:
        """A row without its moment is no notification (as an empty first cell anywhere)."""
        return tuple(
            AuthorityNotification(at, reference, phase, summary)
            for at, reference, phase, summary in self.rows()
        )


class ControllerNoticeEditor(RecordTableEditor):
    """The controllers told of a breach (or passed a request) by the organisation as processor.
    A row without a time is a notice still to give."""

    columns = (
        TableColumn(N_("Controller"), stretch=True),
        TableColumn(N_("Told at"), MOMENT),
        TableColumn(N_("Means")),
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._names: dict[int, str] = {}

    def set_controllers(self, names: dict[int, str]) -> None:
        """The organisations a row may name (id -> name)."""
        self._names = dict(names)

    def set_values(self, notices: tuple[ControllerNotice, ...]) -> None:
        self.set_rows(
            [
                (self._names.get(n.controller_id, str(n.controller_id)), n.at, n.means)
                for n in notices
            ]
        )

    def add_controllers_of(self, treatments: Iterable[Treatment], ticked: Iterable[int]) -> int:
        """Rows for the controllers of the processor treatments ticked (Art. 33(2), 28(3)(e))."""
        chosen = set(ticked)
        controllers = sorted(
            {
                cid
                for t in treatments
                if t.id in chosen and t.role is Role.PROCESSOR
                for cid in t.controller_ids
            }
        )
        return self.add_missing(controllers)

    def add_missing(self, controller_ids: Iterable[int]) -> int:
        """Rows for the controllers not listed yet (to be told); how many were added."""
        listed = {self._text(row, 0).casefold() for row in range(self.table.rowCount())}
        added = 0
        for cid in controller_ids:
            name = self._names.get(cid, str(cid))
            if name.casefold() not in listed:
                self._append([name, None, ""])
                added += 1
        if added:
            self.changed.emit()
        return added

    def values(self) -> tuple[ControllerNotice, ...]:
        by_name = {name.casefold(): cid for cid, name in self._names.items()}
        result = []
        for index, (name, at, means) in enumerate(self.rows(), start=1):
            cid = by_name.get(str(name).casefold())
            if cid is None:
                raise TableCellError(
                    index,
                    _("Controller"),
                    _("Row {row}: no organisation named “{name}”.").format(row=index, name=name),
                )
            result.append(ControllerNotice(cid, at, means))
        return tuple(result)
