"""The audit form records what an audit found and what it asks to be done."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from ui.dialogs.audit_dialog import AuditDialog
from ui.widgets.table_editor import RecordTableEditor
from workbench.domain.enums import (
    AuditRequester,
    AuditStatus,
    AuditType,
    EntityKind,
    FindingSeverity,
)
from workbench.domain.records import Audit, AuditAction, AuditFinding
from workbench.services import Register
from workbench.services.compliance_service import ComplianceService

pytestmark = pytest.mark.gui


def _add_row(editor: RecordTableEditor, *texts: str) -> int:
    editor.add_button.click()
    row = editor.table.rowCount() - 1
    for column, text in enumerate(texts):
        item = editor.table.item(row, column)
        if text and item is not None:
            item.setText(text)
    return row


@pytest.fixture
def audit(demo_register: Register) -> Audit:
    own = demo_register.organisations.own()[0]
    assert own.id is not None
    changes = demo_register.audits.create(
        Audit(
            organisation_id=own.id,
            audit_type=AuditType.GDPR_CONTROLLER,
            requested_by=AuditRequester.PARTNER,
            requester_name="Clinique du Parc",
            audit_on=dt.date(2026, 10, 5),
            status=AuditStatus.ACTIONS_IN_PROGRESS,
            findings=(AuditFinding("Journalisation incomplète", FindingSeverity.MAJOR),),
        )
    )
    return demo_register.audits.get(changes.ids[0])


def test_findings_and_actions_are_edited_and_saved(
    window: Any, demo_register: Register, audit: Audit
) -> None:
    dialog: AuditDialog = window.editor.dialog_for(EntityKind.AUDIT, audit)
    assert dialog.finding_list.values() == audit.findings  # loaded
    row = _add_row(dialog.finding_list, "Sauvegardes non testées", "", "Aucun test de restauration")
    severity = dialog.finding_list.table.cellWidget(row, 1)
    severity.setCurrentIndex(list(FindingSeverity).index(FindingSeverity.MINOR))
    _add_row(dialog.action_list, "Tester une restauration", "DSI", "15/11/2026", "")
    _add_row(dialog.action_list, "Compléter les journaux", "RSSI", "2026-12-31", "2026-11-20")
    assert dialog.dirty
    assert dialog.save()

    stored = demo_register.audits.get(audit.id)
    assert stored.findings == (
        AuditFinding("Journalisation incomplète", FindingSeverity.MAJOR),
        AuditFinding(
            "Sauvegardes non testées", FindingSeverity.MINOR, "Aucun test de restauration"
        ),
    )
    assert stored.actions == (
        AuditAction("Tester une restauration", "DSI", dt.date(2026, 11, 15)),
        AuditAction("Compléter les journaux", "RSSI", dt.date(2026, 12, 31), dt.date(2026, 11, 20)),
    )
    # what the form recorded, the checks follow: the open action is late on 23 November
    findings = ComplianceService(demo_register).check(today=dt.date(2026, 11, 23))
    overdue = [f for f in findings if f.rule_id == "audit-overdue-actions"]
    assert overdue
    assert overdue[0].link.id == audit.id


def test_an_action_date_that_is_not_one_is_reported_with_its_row(
    window: Any, demo_register: Register, audit: Audit
) -> None:
    dialog: AuditDialog = window.editor.dialog_for(EntityKind.AUDIT, audit)
    _add_row(dialog.action_list, "Tester une restauration", "DSI", "31/02/2026", "")
    assert not dialog.save()
    assert dialog.error_of("actions") == (
        "Row 1, Due on: not a date; write it as 2026-11-23 or 23/11/2026."
    )
    assert demo_register.audits.get(audit.id).actions == ()
    dialog.dirty = False
