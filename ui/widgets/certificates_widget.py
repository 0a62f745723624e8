"""The certificates (HDS, ISO/IEC 27001...) a subprocessor or an organisation holds, on its form:
add, edit, remove without leaving it. Each change is its own journaled operation."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.change_bus import ChangeBus
from ui.labels import date_text, enum_label
from ui.plain_text import plain_label
from ui.widgets.row_removal import remove_selected_row, selected_id
from workbench.domain.enums import CertificationKind, EntityKind
from workbench.domain.records import Certification
from workbench.i18n import _
from workbench.services import Register


class CertificatesWidget(QWidget):
    def __init__(
        self, register: Register, bus: ChangeBus, holder_kind: EntityKind, parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("certificates")
        self.register = register
        self.bus = bus
        self.holder_kind = holder_kind  # SUBPROCESSOR or ORGANISATION
        self.holder_id: int | None = None
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("certificates_table")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.add_button = QPushButton()
        self.add_button.setObjectName("action_add_certificate")
        self.edit_button = QPushButton()
        self.edit_button.setObjectName("action_edit_certificate")
        self.remove_button = QPushButton()
        self.remove_button.setObjectName("action_remove_certificate")
        self.hint = plain_label()
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.hint)
        self.add_button.clicked.connect(lambda _checked=False: self.add())
        self.edit_button.clicked.connect(lambda _checked=False: self.edit_selected())
        self.remove_button.clicked.connect(lambda _checked=False: self.remove_selected())
        self.retranslate_ui()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
            self.reload()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.table.setHorizontalHeaderLabels(
            [_("Certificate"), _("Number"), _("Expires on"), _("Certifier")]
        )
        self.add_button.setText(_("Add a certificate…"))
        self.edit_button.setText(_("Edit…"))
        self.remove_button.setText(_("Remove"))
        self.hint.setText(_("Save the record first to add its certificates."))
        self.hint.setVisible(self.holder_id is None)

    def set_holder(self, holder_id: int | None) -> None:
        self.holder_id = holder_id
        for button in (self.add_button, self.edit_button, self.remove_button):
            button.setEnabled(holder_id is not None)
        self.hint.setVisible(holder_id is None)
        self.reload()

    def certificates(self) -> list[Certification]:
        if self.holder_id is None:
            return []
        if self.holder_kind is EntityKind.SUBPROCESSOR:
            return self.register.certifications.of_subprocessor(self.holder_id)
        return self.register.certifications.of_organisation(self.holder_id)

    def reload(self) -> None:
        rows = self.certificates()
        self.table.setRowCount(len(rows))
        for row, cert in enumerate(rows):
            name = cert.name if cert.kind is CertificationKind.OTHER else enum_label(cert.kind)
            texts = (name, cert.number, date_text(cert.expires_on), cert.certifier)
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, cert.id)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()

    def add(self) -> bool:
        if self.holder_id is None:
            return False
        sub = self.holder_kind is EntityKind.SUBPROCESSOR
        blank = Certification(
            CertificationKind.HDS,
            organisation_id=None if sub else self.holder_id,
            subprocessor_id=self.holder_id if sub else None,
        )
        return self._run(blank)

    def edit_selected(self) -> bool:
        cert_id = selected_id(self.table)
        if cert_id is None:
            return False
        return self._run(self.register.certifications.get(cert_id))

    def _run(self, record: Certification) -> bool:
        from ui.dialogs.certification_dialog import CertificationDialog

        dialog = CertificationDialog(self.register, self.bus, record, self)
        saved = dialog.exec() == CertificationDialog.DialogCode.Accepted
        dialog.deleteLater()
        self.reload()
        return saved

    def remove_selected(self) -> bool:
        texts = (
            _("Remove the certificate"),
            _("Remove the certificate “{name}”? You can undo it with Ctrl+Z."),
            _("Cannot remove this certificate"),
        )
        removed = remove_selected_row(
            self, self.table, self.bus, self.register.certifications.delete, texts
        )
        if removed:
            self.reload()
        return removed
