"""The export dialog: the register, the subprocessor list, notification letters, or a sealed
package for an auditor (PackageService: every document, the records as JSON, a LOUTRE manifest,
the DPO's sign-off journaled), to a file.

The document's language is chosen here, independently of the window's. The export runs in a
job with progress and cancel; exporters write to a temporary name and rename, so a cancelled
or failed export never leaves a half-written file. Once done, the result can be opened.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from PySide6.QtCore import QDate, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.accessibility import label_name, set_accessible_name
from ui.dialogs.export_destination import (
    confirm_overwrite,
    default_folder,
    destination_problem,
    remember_folder,
)
from ui.jobs import QtProgress, run_job, show_error
from ui.labels import date_text, enum_label
from ui.settings import Settings
from ui.widgets.inferred_marks import plain_label
from workbench.domain.enums import NotificationStatus, OrganisationKind
from workbench.domain.errors import ExportError
from workbench.i18n import N_, _, current_locale, ngettext
from workbench.services import Register
from workbench.services.export_formats import REGISTER_FORMATS, SUBPROCESSOR_FORMATS, ExportFormat
from workbench.services.export_service import ExportService
from workbench.services.log_export_service import LogExportService
from workbench.services.notification_workflow import NotificationWorkflow
from workbench.services.package_service import PackageService

REGISTER, SUBPROCESSORS, LETTERS = "register", "subprocessors", "letters"
BREACHES, REQUESTS, PACKAGE = "breaches", "requests", "package"
WHAT_LABELS = {
    REGISTER: N_("Register of processing activities (Art. 30)"),
    SUBPROCESSORS: N_("Subprocessor list"),
    LETTERS: N_("Subprocessor-change notification letters (Art. 28(2))"),
    BREACHES: N_("Register of personal data breaches (Art. 33(5))"),
    REQUESTS: N_("Log of data-subject requests (Art. 12 to 22)"),
    PACKAGE: N_("Package for an auditor (sealed, signed off by you)"),
}
FORMATS = {
    REGISTER: REGISTER_FORMATS,
    SUBPROCESSORS: SUBPROCESSOR_FORMATS,
    LETTERS: (ExportFormat.DOCX,),
    BREACHES: REGISTER_FORMATS,
    REQUESTS: REGISTER_FORMATS,
    PACKAGE: (),  # always a zip: the format row is hidden
}
FORMAT_LABELS = {
    ExportFormat.DOCX: N_("Word (.docx)"),
    ExportFormat.XLSX: N_("Excel (.xlsx)"),
    ExportFormat.CSV: N_("CSV (.csv)"),
}
BASE_NAMES = {
    ("fr", REGISTER): "registre-des-traitements",
    ("en", REGISTER): "record-of-processing",
    ("fr", SUBPROCESSORS): "liste-des-sous-traitants",
    ("en", SUBPROCESSORS): "subprocessor-list",
    ("fr", BREACHES): "registre-des-violations",
    ("en", BREACHES): "breach-register",
    ("fr", REQUESTS): "registre-des-demandes-de-droits",
    ("en", REQUESTS): "data-subject-request-log",
    ("fr", PACKAGE): "paquet-auditeur",
    ("en", PACKAGE): "auditor-package",
}
LANGUAGES = (("fr", "Français"), ("en", "English"))


def letter_file_name(controller: str, notification_id: int) -> str:
    slug = re.sub(r"[^A-Za-z0-9]+", "-", controller).strip("-").lower() or "controller"
    return f"notification-{slug}-{notification_id}.docx"


class ExportDialog(QDialog):
    exported = Signal(object)  # Path of the file or folder written

    def __init__(
        self,
        register: Register,
        change_bus: object = None,  # same signature as the other dialogs; an export writes nothing
        parent: QWidget | None = None,
        *,
        what: str = REGISTER,
        settings: Settings | None = None,
    ) -> None:
        super().__init__(parent)
        self.register = register
        self.settings = settings or Settings()
        self.result_path: Path | None = None
        self._running = False
        self.setWindowTitle(_("Export"))
        self.setMinimumWidth(620)

        self.what = QComboBox()
        for key, label in WHAT_LABELS.items():
            self.what.addItem(_(label), key)
        self.format = QComboBox()
        self.language = QComboBox()
        for code, name in LANGUAGES:
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(current_locale()[:2])))
        self.as_of_enabled = QCheckBox(_("As it stood at the end of"))
        self.as_of = QDateEdit(QDate.currentDate())
        self.as_of.setCalendarPopup(True)
        self.as_of.setEnabled(False)
        self.as_of_enabled.toggled.connect(self.as_of.setEnabled)
        as_of_row = QHBoxLayout()
        as_of_row.addWidget(self.as_of_enabled)
        as_of_row.addWidget(self.as_of)
        as_of_row.addStretch(1)
        self.as_of_box = QWidget()
        self.as_of_box.setLayout(as_of_row)
        as_of_row.setContentsMargins(0, 0, 0, 0)
        self.organisation = QComboBox()
        self.organisation.addItem(_("All organisations"), None)
        for org in register.organisations.list():
            if org.kind is OrganisationKind.OWN:
                self.organisation.addItem(org.name, org.id)
        self.letters = QListWidget()
        self.letters.setMinimumHeight(120)
        self.destination = QLineEdit()
        browse = QPushButton(_("Browse…"))
        browse.clicked.connect(self._browse)
        destination_row = QHBoxLayout()
        destination_row.addWidget(self.destination, 1)
        destination_row.addWidget(browse)

        form = QFormLayout()
        form.addRow(_("What:"), self.what)
        form.addRow(_("Format:"), self.format)
        form.addRow(_("Language of the document:"), self.language)
        form.addRow(_("Date:"), self.as_of_box)
        form.addRow(_("Organisation:"), self.organisation)
        self.letters_label = QLabel(_("Letters:"))
        self.letters_label.setBuddy(self.letters)  # its name for a screen reader
        form.addRow(self.letters_label, self.letters)
        self.package_changes = QLabel()  # what changed since the last sign-off, plain text
        self.package_changes.setTextFormat(Qt.TextFormat.PlainText)
        self.package_changes.setWordWrap(True)
        form.addRow(_("Since the last package:"), self.package_changes)
        form.addRow(_("Save to:"), destination_row)
        # Rows of several widgets: Qt names no field of them after the row's label.
        set_accessible_name(self.destination, label_name(_("Save to:")))
        self.as_of.setAccessibleName(_("Date of the register"))
        self._form = form

        self.status = plain_label()
        self.status.setWordWrap(True)
        self.open_button = QPushButton(_("Open the result"))
        self.open_button.clicked.connect(self.open_result)
        self.folder_button = QPushButton(_("Show the folder"))
        self.folder_button.clicked.connect(self.open_folder)
        for button in (self.open_button, self.folder_button):
            button.setVisible(False)
        result_row = QHBoxLayout()
        result_row.addWidget(self.status, 1)
        result_row.addWidget(self.open_button)
        result_row.addWidget(self.folder_button)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.export_button = self.buttons.addButton(
            _("Export"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.export_button.setDefault(True)
        self.buttons.accepted.connect(self.export)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(result_row)
        layout.addWidget(self.buttons)

        self.what.currentIndexChanged.connect(self._what_chosen)
        self.format.currentIndexChanged.connect(self._suggest_destination)
        self.language.currentIndexChanged.connect(self._suggest_destination)
        self.what.setCurrentIndex(max(0, self.what.findData(what)))
        self._what_chosen()

    # -- choices ---------------------------------------------------------------------------------
    @property
    def chosen(self) -> str:
        return str(self.what.currentData())

    @property
    def chosen_format(self) -> ExportFormat:
        return ExportFormat(self.format.currentData() or ExportFormat.DOCX)

    @property
    def chosen_suffix(self) -> str:
        return "zip" if self.chosen == PACKAGE else self.chosen_format.value

    def _what_chosen(self, _index: int = 0) -> None:
        what = self.chosen
        self.format.blockSignals(True)
        self.format.clear()
        for fmt in FORMATS[what]:
            self.format.addItem(_(FORMAT_LABELS[fmt]), fmt.value)
        self.format.blockSignals(False)
        self._form.setRowVisible(self.as_of_box, what == REGISTER)
        self._form.setRowVisible(self.organisation, what != LETTERS)
        self._form.setRowVisible(self.letters, what == LETTERS)
        self._form.setRowVisible(self.format, what != PACKAGE)
        self._form.setRowVisible(self.package_changes, what == PACKAGE)
        if what == LETTERS:
            self._fill_letters()
        if what == PACKAGE:
            self.show_changes_since_last_package()
        self._suggest_destination()

    def _fill_letters(self) -> None:
        self.letters.clear()
        for view in NotificationWorkflow(self.register).views():
            notification = view.notification
            text = _("{controller} — {status}, drafted {date}, {n} changes").format(
                controller=view.controller_name,
                status=enum_label(view.status),
                date=date_text(notification.created_on),
                n=len(notification.items),
            )
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, (notification.id, view.controller_name))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            drafted = view.status is NotificationStatus.DRAFT
            item.setCheckState(Qt.CheckState.Checked if drafted else Qt.CheckState.Unchecked)
            self.letters.addItem(item)
        if not self.letters.count():
            self.letters.addItem(
                _("No notification yet: draft them from the Notifications view first.")
            )

    def show_changes_since_last_package(self) -> None:
        last, changes = PackageService(self.register).changes_since_last_sign_off()
        if last is None:
            self.package_changes.setText(_("No package delivered yet."))
            return
        signed = last.signed_at.date() if last.signed_at else None
        self.package_changes.setText(
            ngettext(
                "{count} change since the last package, signed off by {who} on {date}.",
                "{count} changes since the last package, signed off by {who} on {date}.",
                len(changes),
            ).format(count=len(changes), who=last.signed_by, date=date_text(signed))
        )

    def checked_letters(self) -> list[tuple[int, str]]:
        chosen = []
        for row in range(self.letters.count()):
            item = self.letters.item(row)
            data = item.data(Qt.ItemDataRole.UserRole)
            if data and item.checkState() is Qt.CheckState.Checked:
                chosen.append((int(data[0]), str(data[1])))
        return chosen

    def _suggest_destination(self, _index: int = 0) -> None:
        current = self.destination.text().strip()
        if self.chosen == LETTERS:
            self.destination.setText(str(default_folder(self.settings)))
            return
        folder = Path(current).parent if current else default_folder(self.settings)
        language = str(self.language.currentData())
        base = BASE_NAMES[(language, self.chosen)]
        name = f"{base}-{dt.date.today().isoformat()}.{self.chosen_suffix}"
        self.destination.setText(str(folder / name))

    def _browse(self) -> None:
        if self.chosen == LETTERS:
            chosen = QFileDialog.getExistingDirectory(
                self, _("Folder for the letters"), self.destination.text()
            )
        else:
            suffix = self.chosen_suffix
            label = (
                _("Zip archive") if self.chosen == PACKAGE else _(FORMAT_LABELS[self.chosen_format])
            )
            chosen, _filter = QFileDialog.getSaveFileName(
                self,
                _("Export to"),
                self.destination.text(),
                _("{label} (*.{suffix})").format(label=label, suffix=suffix),
                # Asked once, by export(), for a typed name as for a chosen one.
                options=QFileDialog.Option.DontConfirmOverwrite,
            )
            if chosen and not chosen.lower().endswith(f".{suffix}"):
                chosen += f".{suffix}"
        if chosen:
            self.destination.setText(chosen)

    # -- export ----------------------------------------------------------------------------------
    def export(self) -> None:
        if self._running:
            return
        target = Path(self.destination.text().strip()).expanduser()
        if not self.destination.text().strip():
            self.status.setText(_("Choose where to save the export."))
            return
        if self.chosen == LETTERS and not self.checked_letters():
            self.status.setText(_("Tick at least one letter to write."))
            return
        problem = destination_problem(target, folder=self.chosen == LETTERS)
        if problem is None and self.chosen == PACKAGE and target.exists():
            problem = _(
                "{path} already exists: a package for an auditor is never replaced (it may "
                "have been delivered). Choose another name."
            ).format(path=target)
        if problem is not None:
            self._failed(ExportError(problem))
            return
        if not confirm_overwrite(self, self._existing_files(target)):
            self.status.setText(_("Nothing was written."))
            return
        work = self._work(target)
        self._running = True
        self.export_button.setEnabled(False)
        self.open_button.setVisible(False)
        self.folder_button.setVisible(False)
        self.status.setText(_("Exporting…"))
        # Exports only read the register (and write files): beside the write pool; a package
        # also records its sign-off, a write.
        writes = self.chosen == PACKAGE
        run_job(self, work, writes=writes).with_progress(_("Exporting…")).on_success(
            self._done
        ).on_failure(self._failed).on_cancel(self._cancelled).start()

    def _existing_files(self, target: Path) -> list[Path]:
        """The files the export would replace."""
        if self.chosen == LETTERS:
            paths = [target / letter_file_name(c, n) for n, c in self.checked_letters()]
        else:
            paths = [target]
        return [p for p in paths if p.is_file()]

    def _work(self, target: Path):  # type: ignore[no-untyped-def]
        """The job's function, with every choice read now (never touch widgets in a job)."""
        register, what, fmt = self.register, self.chosen, self.chosen_format
        locale = str(self.language.currentData())
        organisation = self.organisation.currentData()
        day = self.as_of.date()
        as_of = (
            dt.date(day.year(), day.month(), day.day()) if self.as_of_enabled.isChecked() else None
        )
        letters = self.checked_letters()

        def work(progress: QtProgress) -> Path:
            if what == REGISTER:
                ExportService(register).export_register(
                    target, fmt, locale, as_of, organisation, progress
                )
            elif what == SUBPROCESSORS:
                ExportService(register).export_subprocessors(
                    target, fmt, locale, organisation, progress
                )
            elif what == PACKAGE:
                PackageService(register).build(target, locale, organisation, progress=progress)
            elif what in (BREACHES, REQUESTS):
                LogExportService(register).export(what, target, fmt, locale, organisation, progress)
            else:
                target.mkdir(parents=True, exist_ok=True)
                workflow = NotificationWorkflow(register)
                for done, (notification_id, controller) in enumerate(letters):
                    progress.check_cancelled()
                    progress.report(done, len(letters), controller)
                    path = target / letter_file_name(controller, notification_id)
                    workflow.write_letter(notification_id, path, locale)
                progress.report(len(letters), len(letters))
            return target

        return work

    def _done(self, path: Path) -> None:
        self._running = False
        self.result_path = path
        self.export_button.setEnabled(True)
        remember_folder(self.settings, path)
        self.status.setText(_("Saved to {path}").format(path=path))
        self.open_button.setVisible(True)
        self.folder_button.setVisible(path.is_file())
        if self.chosen == PACKAGE:
            self.show_changes_since_last_package()
        self.exported.emit(path)

    def _failed(self, error: Exception) -> None:
        self._running = False
        self.export_button.setEnabled(True)
        self.status.setText(_("Nothing was written."))
        show_error(self, _("The export failed"), error)

    def _cancelled(self) -> None:
        self._running = False
        self.export_button.setEnabled(True)
        self.status.setText(_("Export cancelled: nothing was written."))

    def open_result(self) -> bool:
        if self.result_path is None:
            return False
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.result_path)))

    def open_folder(self) -> bool:
        if self.result_path is None:
            return False
        folder = self.result_path if self.result_path.is_dir() else self.result_path.parent
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
