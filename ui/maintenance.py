"""The Tools menu: backup, restore, verify the journal, check the file, as the CLI does.

Each calls the service the CLI command calls (`Register.backup`, `Register.restore`,
`JournalService.verify`, `Register.integrity_problems`); the long ones run in a job.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QInputDialog, QMessageBox

from ui import jobs
from ui.labels import date_text
from workbench.domain.errors import WorkbenchError
from workbench.i18n import _
from workbench.services.register import register_backups

if TYPE_CHECKING:
    from ui.main_window import MainWindow


def _inform(window: MainWindow, title: str, text: str, ok: bool = True) -> QMessageBox:
    icon = QMessageBox.Icon.Information if ok else QMessageBox.Icon.Warning
    box = QMessageBox(icon, title, text, parent=window)
    box.setObjectName("maintenance_result")
    box.open()
    return box


class MaintenanceTools:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.last_result: QMessageBox | None = None  # the last answer shown (tests read it)

    def _show(self, title: str, text: str, ok: bool = True) -> None:
        self.last_result = _inform(self.window, title, text, ok)

    # -- backup --------------------------------------------------------------------------------
    def backup(self) -> jobs.Job:
        register = self.window.register
        return (
            jobs.run_job(self.window, lambda _progress: register.backup("manual"))
            .on_success(self._backed_up)
            .with_progress(_("Backing up the register…"))
            .start()
        )

    def _backed_up(self, target: Path | None) -> None:
        if target is None:
            self._show(
                _("Backup"),
                _("This register is not a file: back it up with the database server's tools."),
                ok=False,
            )
        else:
            self._show(_("Backup"), _("Backup written: {path}").format(path=target))

    # -- restore -------------------------------------------------------------------------------
    def restore(self, backup: Path | None = None) -> bool:
        """Replace the register with one of its backups, after asking which and confirming."""
        register = self.window.register
        if jobs.active_jobs():
            self._show(_("Restore"), _("Wait for the running work to finish first."), ok=False)
            return False
        backups = register_backups(register.path) if register.path is not None else []
        if not backups:
            self._show(_("Restore"), _("This register has no backup yet."), ok=False)
            return False
        if backup is None:
            labels = [backup_label(path) for path in backups]
            chosen, accepted = QInputDialog.getItem(
                self.window, _("Restore"), _("Backup to restore:"), labels, 0, False
            )
            if not accepted:
                return False
            backup = backups[labels.index(chosen)]
            answer = QMessageBox.question(
                self.window,
                _("Restore"),
                _(
                    "Replace the register with the backup {backup}? The register as it is now "
                    "is kept as a backup first."
                ).format(backup=backup.name),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return False
        try:
            restored, saved = register.restore(backup)
        except WorkbenchError as exc:
            jobs.show_error(self.window, _("Cannot restore the register"), exc)
            return False
        self.window.replace_register(restored, close_old=False)
        text = _("Register restored from {backup}.").format(backup=backup.name)
        if saved is not None:
            text += "\n" + _("The register as it was before is kept as {path}.").format(path=saved)
        self._show(_("Restore"), text)
        return True

    # -- checks of the file and its journal ----------------------------------------------------
    def verify_journal(self) -> jobs.Job:
        journal = self.window.register.journal
        return (
            jobs.run_job(self.window, lambda _progress: journal.verify(), writes=False)
            .on_success(self._verified)
            .with_progress(_("Verifying the journal…"))
            .start()
        )

    def _verified(self, report: object) -> None:
        ok = bool(getattr(report, "ok", False))
        if ok:
            text = _("Journal intact: {count} entries, hash chain verified.").format(
                count=getattr(report, "entries", 0)
            )
        else:
            problem = getattr(report, "problem", "") or getattr(report, "seal_problem", "")
            entry = getattr(report, "first_bad_entry", None)
            text = (
                _("Journal entry {id}: ").format(id=entry) if entry else _("Journal: ")
            ) + f"{problem}."
        self._show(_("Verify the journal"), text, ok)

    def integrity_check(self) -> jobs.Job:
        register = self.window.register
        return (
            jobs.run_job(self.window, lambda _progress: register.integrity_problems(), writes=False)
            .on_success(self._checked)
            .with_progress(_("Checking the register file…"))
            .start()
        )

    def _checked(self, problems: list[str]) -> None:
        if not problems:
            self._show(_("Integrity check"), _("Database file intact (integrity_check: ok)."))
        else:
            self._show(_("Integrity check"), "\n".join(problems[:20]), ok=False)


def backup_label(path: Path) -> str:
    """A backup as listed to the user: its date and time, then its file name."""
    taken = dt.datetime.fromtimestamp(path.stat().st_mtime)
    return f"{date_text(taken.date())} {taken:%H:%M:%S} — {path.name}"
