"""What the checks view does with a finding: acknowledge it (with a reason, journaled) and
export the findings as an action plan (Excel or Word)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QInputDialog, QWidget

from workbench.compliance.checks import Finding
from workbench.compliance.snapshot import RegisterSnapshot
from workbench.i18n import _
from workbench.progress import Progress
from workbench.services import Register


def ask_reason(parent: QWidget, finding: Finding) -> str | None:
    text, accepted = QInputDialog.getMultiLineText(
        parent,
        _("Acknowledge a finding"),
        _(
            "Why is this finding acknowledged? It stays out of the list until the facts it rests "
            "on change; the reason is kept in the journal.\n\n{problem}"
        ).format(problem=finding.problem),
    )
    return text.strip() if accepted and text.strip() else None


def acknowledge(
    register: Register, snapshot: RegisterSnapshot, finding: Finding, reason: str
) -> None:
    from workbench.services.acknowledgement_service import AcknowledgementService

    AcknowledgementService(register).acknowledge(snapshot, finding, reason)


def ask_export_path(parent: QWidget) -> Path | None:
    name, _filter = QFileDialog.getSaveFileName(
        parent,
        _("Export the action plan"),
        _("action-plan") + ".xlsx",
        _("Excel workbook (*.xlsx);;Word document (*.docx)"),
    )
    if not name:
        return None
    path = Path(name)
    return path if path.suffix.lower() in (".xlsx", ".docx") else path.with_suffix(".xlsx")


def export_plan(
    register: Register, findings: list[Finding], path: Path, progress: Progress
) -> Path:
    from workbench.services.compliance_service import ComplianceService

    progress.report(0, 1)
    ComplianceService(register).export_findings(findings, path, dt.date.today())
    progress.report(1, 1)
    return path
