"""The files attached to one record: add, open, remove (each journaled, undone with Ctrl+Z)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.change_bus import ChangeBus
from ui.file_opener import open_file, private_folder
from ui.jobs import show_error
from ui.labels import date_text, enum_label
from ui.plain_text import plain_label
from ui.widgets.form_editors import EnumComboBox
from ui.widgets.row_removal import remove_selected_row, selected_id
from workbench.domain.attachments import MAX_ATTACHMENT_BYTES
from workbench.domain.enums import AttachmentCategory, EntityKind
from workbench.domain.errors import WorkbenchError
from workbench.i18n import _
from workbench.services import Register

DEFAULT_CATEGORY = {
    EntityKind.SUBPROCESSOR: AttachmentCategory.DPA,
    EntityKind.CERTIFICATION: AttachmentCategory.CERTIFICATE,
    EntityKind.AUDIT: AttachmentCategory.AUDIT_REPORT,
    EntityKind.NOTIFICATION: AttachmentCategory.LETTER_SENT,
}


def size_text(size: int) -> str:
    if size >= 2**20:
        return _("{size:.1f} MiB").format(size=size / 2**20)
    return _("{size} KiB").format(size=max(1, round(size / 1024)))


class AttachmentsWidget(QGroupBox):
    def __init__(
        self,
        register: Register,
        bus: ChangeBus,
        owner_kind: EntityKind,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("attachments")
        self.register = register
        self.bus = bus
        self.owner_kind = owner_kind
        self.owner_id: int | None = None
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("attachments_table")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setMinimumHeight(90)
        self.table.doubleClicked.connect(lambda _index: self.open_selected())
        self.category = EnumComboBox(AttachmentCategory)
        self.category.set_value(DEFAULT_CATEGORY.get(owner_kind, AttachmentCategory.OTHER))
        self.add_button = QPushButton()
        self.add_button.setObjectName("action_add_attachment")
        self.open_button = QPushButton()
        self.open_button.setObjectName("action_open_attachment")
        self.remove_button = QPushButton()
        self.remove_button.setObjectName("action_remove_attachment")
        self.hint = plain_label()
        self.hint.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.category)
        for button in (self.add_button, self.open_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addWidget(self.hint)
        self.add_button.clicked.connect(lambda _checked=False: self.add_file())
        self.open_button.clicked.connect(self.open_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        self.retranslate_ui()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.setTitle(_("Attached files"))
        self.table.setHorizontalHeaderLabels([_("File"), _("Kind"), _("Size"), _("Added on")])
        self.add_button.setText(_("Attach a file…"))
        self.open_button.setText(_("Open"))
        self.remove_button.setText(_("Remove"))
        self.category.retranslate_ui()
        self._update_hint()

    def _update_hint(self) -> None:
        self.hint.setText(
            _("Save the record first to attach files to it.")
            if self.owner_id is None
            else _("Kept in the register (at most {limit} MiB a file), with its SHA-256.").format(
                limit=MAX_ATTACHMENT_BYTES // 2**20
            )
        )

    def set_owner(self, owner_id: int | None) -> None:
        self.owner_id = owner_id
        for button in (self.add_button, self.open_button, self.remove_button, self.category):
            button.setEnabled(owner_id is not None)
        self._update_hint()
        self.reload()

    def reload(self) -> None:
        rows = (
            []
            if self.owner_id is None
            else self.register.attachments.of(self.owner_kind, self.owner_id)
        )
        self.table.setRowCount(len(rows))
        for row, attachment in enumerate(rows):
            texts = (
                attachment.file_name,
                enum_label(attachment.category),
                size_text(attachment.size),
                date_text(attachment.added_on),
            )
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, attachment.id)
                item.setToolTip("")  # data cells carry no markup tooltip
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()

    def selected_id(self) -> int | None:
        return selected_id(self.table)

    def add_file(self, path: Path | None = None) -> bool:
        if self.owner_id is None:
            return False
        if path is None:
            chosen, _filter = QFileDialog.getOpenFileName(self, _("Attach a file"))
            if not chosen:
                return False
            path = Path(chosen)
        category = self.category.value() or AttachmentCategory.OTHER
        try:
            changes = self.register.attachments.add_file(
                path, self.owner_kind, self.owner_id, category
            )
        except WorkbenchError as exc:
            show_error(self, _("Cannot attach this file"), exc)
            return False
        self.bus.publish(changes)
        self.reload()
        return True

    def open_selected(self) -> Path | None:
        """Write the file to a private folder and open it with the desktop's application."""
        attachment_id = self.selected_id()
        if attachment_id is None:
            return None
        try:
            path = self.register.attachments.write_copy(attachment_id, private_folder())
        except (WorkbenchError, OSError) as exc:
            show_error(self, _("Cannot open this file"), exc)
            return None
        open_file(path)
        return path

    def remove_selected(self) -> bool:
        texts = (
            _("Remove the attached file"),
            _("Remove “{name}” from this record? You can undo it with Ctrl+Z."),
            _("Cannot remove this file"),
        )
        removed = remove_selected_row(
            self, self.table, self.bus, self.register.attachments.remove, texts
        )
        if removed:
            self.reload()
        return removed
