"""The navigation sidebar: one entry per main view, in a fixed order."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QStyle, QWidget

from workbench.i18n import N_, _


@dataclass(frozen=True, slots=True)
class View:
    key: str
    title: str  # marked with N_
    icon: QStyle.StandardPixmap


VIEWS: tuple[View, ...] = (
    View("dashboard", N_("Dashboard"), QStyle.StandardPixmap.SP_ComputerIcon),
    View("treatments", N_("Treatments"), QStyle.StandardPixmap.SP_FileDialogDetailedView),
    View("subprocessors", N_("Subprocessors"), QStyle.StandardPixmap.SP_DriveNetIcon),
    View("certifications", N_("Certifications"), QStyle.StandardPixmap.SP_DialogApplyButton),
    View("audits", N_("Audits"), QStyle.StandardPixmap.SP_FileDialogContentsView),
    View("notifications", N_("Notifications"), QStyle.StandardPixmap.SP_MessageBoxInformation),
    View("organisations", N_("Organisations"), QStyle.StandardPixmap.SP_DirHomeIcon),
    View("checks", N_("Checks"), QStyle.StandardPixmap.SP_MessageBoxWarning),
    View("history", N_("History"), QStyle.StandardPixmap.SP_FileDialogInfoView),
    # after the others, so that their Ctrl+1..9 shortcuts stay as they were
    View("breaches", N_("Breaches"), QStyle.StandardPixmap.SP_MessageBoxCritical),
    View("requests", N_("Data-subject requests"), QStyle.StandardPixmap.SP_DialogHelpButton),
)


class Sidebar(QListWidget):
    view_selected = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setIconSize(QSize(20, 20))
        self.setSpacing(2)
        for view in VIEWS:
            item = QListWidgetItem(self.style().standardIcon(view.icon), "")
            self.addItem(item)
        self.currentRowChanged.connect(self._emit)
        self.retranslate_ui()

    def _emit(self, row: int) -> None:
        if 0 <= row < len(VIEWS):
            self.view_selected.emit(VIEWS[row].key)

    def select(self, key: str) -> None:
        for row, view in enumerate(VIEWS):
            if view.key == key:
                self.setCurrentRow(row)

    def current_key(self) -> str:
        row = self.currentRow()
        return VIEWS[row].key if 0 <= row < len(VIEWS) else ""

    def retranslate_ui(self) -> None:
        self.setAccessibleName(_("Views"))
        for row, view in enumerate(VIEWS):
            self.item(row).setText(_(view.title))
        self.setFixedWidth(max(170, self.sizeHintForColumn(0) + 24))
