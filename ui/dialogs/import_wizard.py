"""The import wizard: file -> table -> column mapping -> preview -> import (with undo).

    ImportWizard(register, change_bus, window).exec()                  # Ctrl+I
    ImportWizard(register, change_bus, window, path=dropped).exec()    # a file dropped

Every step that reads the file or the register runs in a job; the import itself is one
`ImportService.apply` call (one transaction, one journal operation), so cancelling it or an
error leaves the register untouched. Files can be dropped on the wizard at any step before the
import; the main window can also hand a dropped file over with `path=`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget, QWizard

from importers import ColumnMapping, TableCandidate
from ui.change_bus import ChangeBus
from ui.dialogs.import_mapping_page import MappingPage
from ui.dialogs.import_organisation_choice import OrganisationChoice, VendorChoice
from ui.dialogs.import_preview_page import ApplyPage, PreviewPage
from ui.dialogs.import_source_pages import FilePage, TablePage, is_importable
from workbench.domain.records import Changes
from workbench.i18n import _
from workbench.services import Register
from workbench.services._import_decisions import MatchDecisions
from workbench.services.import_service import ImportService


@dataclass
class ImportState:
    """What the user chose so far; each page reads and sets its part."""

    path: Path | None = None
    tables: list[TableCandidate] = field(default_factory=list)
    table: TableCandidate | None = None
    mapping: ColumnMapping | None = None
    # for rows that name none (created by the import when new); None: not chosen yet
    organisation: str | None = None
    of_vendor: str | None = None  # the file is this vendor's own list: its chain
    decisions: dict[tuple[int, str], bool] = field(default_factory=dict)  # merge (True) or not
    excluded: set[tuple[int, str]] = field(default_factory=set)  # rows left out

    def match_decisions(self) -> MatchDecisions:
        return MatchDecisions(rows=dict(self.decisions), excluded=frozenset(self.excluded))

    @property
    def path_name(self) -> str:
        return self.path.name if self.path else ""

    def start(self, path: Path, tables: list[TableCandidate]) -> None:
        self.path, self.tables = path, tables
        self.table = tables[0] if tables else None
        self.mapping = None

    def choose_table(self, table: TableCandidate | None) -> None:
        if table is not self.table:
            self.table, self.mapping = table, None


class ImportWizard(QWizard):
    FILE, TABLE, MAPPING, PREVIEW, APPLY = range(5)

    def __init__(
        self,
        register: Register,
        change_bus: ChangeBus | None = None,
        parent: QWidget | None = None,
        *,
        path: str | Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.register = register
        self.imports = ImportService(register)
        self.state = ImportState()
        self._change_bus = change_bus
        self.setWindowTitle(_("Import a file"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.setAcceptDrops(True)
        self.resize(960, 640)
        self.file_page = FilePage()
        self.table_page = TablePage()
        self.mapping_page = MappingPage()
        self.preview_page = PreviewPage()
        self.apply_page = ApplyPage()
        for page_id, page in enumerate(
            (self.file_page, self.table_page, self.mapping_page, self.preview_page, self.apply_page)
        ):
            self.setPage(page_id, page)
        self.setButtonText(QWizard.WizardButton.CommitButton, _("Import"))
        self._add_organisation_choice()
        self._initial_path = path
        if path is not None:
            self.file_page.set_path(path)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._initial_path is not None:  # a dropped file: read it straight away
            path, self._initial_path = self._initial_path, None
            QTimer.singleShot(0, lambda: self.open_file(path))

    def _add_organisation_choice(self) -> None:
        self.organisation = OrganisationChoice(self.imports.own_organisations())
        self.organisation.changed.connect(self._organisation_chosen)
        vendors = sorted({s.name for s in self.register.subprocessors.list() if s.chain_level == 1})
        self.vendor = VendorChoice(vendors)
        self.vendor.changed.connect(self._organisation_chosen)
        self.file_page.organisation_choice = self.organisation
        self.file_page.vendor_choice = self.vendor
        self._organisation_chosen()
        layout = self.file_page.layout()
        if isinstance(layout, QVBoxLayout):
            layout.insertWidget(1, self.organisation)
            layout.insertWidget(2, self.vendor)

    def _organisation_chosen(self) -> None:
        self.state.organisation = self.organisation.value()
        self.state.of_vendor = self.vendor.value()
        self.organisation.setEnabled(self.state.of_vendor is None)
        self.file_page.completeChanged.emit()

    def publish(self, changes: object) -> None:
        if self._change_bus is not None and isinstance(changes, Changes):
            self._change_bus.publish(changes)

    # -- drop a file anywhere on the wizard ------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.currentId() < self.APPLY and self._dropped_path(event) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        path = self._dropped_path(event)
        if path is None or self.currentId() >= self.APPLY:
            event.ignore()
            return
        event.acceptProposedAction()
        self.open_file(path)

    def open_file(self, path: str | Path) -> None:
        """Start over with this file (a drop, or the main window handing one over)."""
        while self.currentId() > self.FILE:
            self.back()
        self.file_page.set_path(path)
        self.next()

    @staticmethod
    def _dropped_path(event: QDragEnterEvent | QDropEvent) -> Path | None:
        mime = event.mimeData()
        if not mime.hasUrls():
            return None
        paths = [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
        return paths[0] if len(paths) == 1 and is_importable(paths[0]) else None


__all__ = ["ImportState", "ImportWizard", "is_importable"]
