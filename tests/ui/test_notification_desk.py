"""The Art. 28(2) notifications in the window: proposed on a subprocessor change, drafted with
Ctrl+N, opened, previewed, written, sent, objected to, deemed accepted."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import docx
import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

from tests.unit.services.test_notification_workflow import (
    TODAY,
    add_backup_provider,
    setup,  # noqa: F401 - the fixture
)
from ui import jobs, notification_desk
from ui.dialogs.notification_dialog import NotificationDialog
from ui.main_window import MainWindow
from ui.settings import Settings
from workbench.domain import NotificationStatus, Organisation
from workbench.domain.enums import EntityKind
from workbench.domain.records import Changes
from workbench.services import Register
from workbench.services.notification_workflow import NotificationWorkflow

pytestmark = pytest.mark.gui
Setup = tuple[Register, int, int, int]


@pytest.fixture
def desk_window(qtbot: QtBot, setup: Setup, settings: Settings) -> Iterator[MainWindow]:  # noqa: F811
    window = MainWindow(setup[0], settings)
    window.editor.notifications.today = TODAY
    window.show()
    yield window
    qtbot.waitUntil(lambda: not jobs.active_jobs(), timeout=10000)
    window.close()


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """What the desktop was asked to open (no real viewer starts)."""
    urls: list[Path] = []

    def fake_open(url: QUrl) -> bool:
        urls.append(Path(url.toLocalFile()))
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", fake_open)
    return urls


def drive_dialog(monkeypatch: pytest.MonkeyPatch, drive: Any) -> list[NotificationDialog]:
    """Run `drive(dialog)` in place of the modal loop of every notification dialog opened."""
    seen: list[NotificationDialog] = []

    def exec_(dialog: NotificationDialog) -> int:
        seen.append(dialog)
        drive(dialog)
        return 0

    monkeypatch.setattr(NotificationDialog, "exec", exec_)
    return seen


def test_from_a_subprocessor_change_to_deemed_accepted(
    qtbot: QtBot,
    desk_window: MainWindow,
    setup: Setup,  # noqa: F811
    own_org: Organisation,
    monkeypatch: pytest.MonkeyPatch,
    opened: list[Path],
    tmp_path: Path,
) -> None:
    register, _clinic, _host, treatment_id = setup
    window = desk_window
    banner = window.notification_banner
    sid = add_backup_provider(register, treatment_id, own_org.id or 0)
    window.publish(Changes(frozenset({EntityKind.TREATMENT}), (treatment_id,)))
    qtbot.waitUntil(banner.isVisible, timeout=5000)
    assert "Clinique du Parc: Sauvegarde SAS" in banner.text.text()
    assert not banner.baseline_button.isVisible()  # a baseline exists

    questions: list[str] = []

    def answer_yes(_parent: object, _title: str, text: str) -> bool:
        questions.append(text)
        return True

    monkeypatch.setattr(notification_desk, "ask", answer_yes)
    window.show_view("notifications")
    assert window.actions_.new_record.isEnabled()
    window.actions_.new_record.trigger()  # Ctrl+N: draft from the changes to announce
    assert "New subprocessor: Sauvegarde SAS" in questions[0]
    [draft] = register.notifications.list()
    assert draft.status is NotificationStatus.DRAFT
    assert [(i.subprocessor_id, i.change) for i in draft.items] == [(sid, "added")]
    view = window.list_view("notifications")
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=10_000)  # read in a job

    letter = tmp_path / "lettre.docx"

    def send(dialog: NotificationDialog) -> None:
        assert "Draft: not sent yet" in dialog.standing.text()
        preview = dialog.preview_letter()
        assert preview is not None
        assert opened == [preview]
        assert "Sauvegarde SAS" in "\n".join(p.text for p in docx.Document(str(preview)).paragraphs)
        assert dialog.write_letter(letter) == letter
        assert letter.exists()
        dialog.sent_on.setText("02/06/2026")
        dialog.mark_sent_button.click()
        assert "may object until" in dialog.standing.text()
        assert not dialog.mark_sent_button.isEnabled()

    seen = drive_dialog(monkeypatch, send)
    view.table.doubleClicked.emit(view.model.index(0, 1))  # double-click opens it
    assert len(seen) == 1
    sent = register.notifications.get(draft.id or 0)
    assert (sent.status, sent.sent_on) == (NotificationStatus.SENT, dt.date(2026, 6, 2))
    assert sent.objection_deadline == dt.date(2026, 7, 2)  # 30 days, on a working day
    # Marked sent, the letter is written again with the deadline counted from the sending day
    # (12c); the version written before stays beside it.
    as_sent = Path(sent.document_path)
    assert as_sent.parent == letter.parent
    assert as_sent != letter
    assert letter.exists()
    sent_text = "\n".join(p.text for p in docx.Document(str(as_sent)).paragraphs)
    assert any(d in sent_text for d in ("2 juillet 2026", "July 2, 2026"))

    window.editor.notifications.today = dt.date(2026, 7, 3)  # the period is over

    def accepted(dialog: NotificationDialog) -> None:
        assert dialog.standing.text().startswith("Deemed accepted")
        assert not dialog.objection_box.isEnabled()

    drive_dialog(monkeypatch, accepted)
    window.editor.open(EntityKind.NOTIFICATION, draft.id or 0)
    status_column = next(i for i, c in enumerate(view.model.columns) if c.key == "status")
    qtbot.waitUntil(  # the list reads its rows again in a job
        lambda: view.model.index(0, status_column).data() == "Deemed accepted", timeout=10_000
    )


def test_an_objection_is_recorded_with_its_decision(
    desk_window: MainWindow,
    setup: Setup,  # noqa: F811
    own_org: Organisation,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    register, _clinic, _host, treatment_id = setup
    add_backup_provider(register, treatment_id, own_org.id or 0)
    workflow = desk_window.editor.notifications.workflow
    [draft] = workflow.generate(TODAY)
    workflow.mark_sent(draft.id or 0, TODAY)

    def object_(dialog: NotificationDialog) -> None:
        dialog.objection_on.setText("10/06/2026")
        dialog.objection_text.setPlainText("Nous refusons un hébergement hors de France.")
        dialog.decision.setText("Sauvegarde SAS retiré du traitement")
        dialog.objection_button.click()
        assert dialog.standing.text() == "Objection received on Jun 10, 2026."

    drive_dialog(monkeypatch, object_)
    desk_window.editor.open(EntityKind.NOTIFICATION, draft.id or 0)
    stored = register.notifications.get(draft.id or 0)
    assert stored.status is NotificationStatus.OBJECTION_RECEIVED
    assert stored.objection_received_on == dt.date(2026, 6, 10)
    assert stored.objection_decision == "Sauvegarde SAS retiré du traitement"


@pytest.fixture
def computed(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Controllers to notify, per plan of the whole register computed."""
    counts: list[int] = []
    real_plan = NotificationWorkflow.plan

    def counted(workflow: NotificationWorkflow, today: dt.date | None = None) -> list[Any]:
        plans = real_plan(workflow, today)
        counts.append(len(plans))
        return plans

    monkeypatch.setattr(NotificationWorkflow, "plan", counted)
    return counts


def proposed_after(qtbot: QtBot, window: MainWindow, change: Changes) -> None:
    desk = window.editor.notifications
    assert desk.propose(change, window.notification_banner) is not None
    latest = NotificationWorkflow(desk.register).latest_entry_id()
    qtbot.waitUntil(lambda: desk.planned_through == latest, timeout=10_000)


def test_the_plan_is_computed_again_only_when_what_it_reads_changed(
    qtbot: QtBot,
    desk_window: MainWindow,
    setup: Setup,  # noqa: F811
    own_org: Organisation,
    computed: list[int],
) -> None:
    register, _clinic, _host, treatment_id = setup
    banner = desk_window.notification_banner
    touched = Changes(frozenset({EntityKind.TREATMENT}), (treatment_id,))
    sid = add_backup_provider(register, treatment_id, own_org.id or 0)
    proposed_after(qtbot, desk_window, touched)
    assert computed == [1]
    shown = banner.text.text()
    assert "Clinique du Parc: Sauvegarde SAS" in shown

    treatment = register.treatments.get(treatment_id)
    register.treatments.update(dataclasses.replace(treatment, purpose="Héberger, sauvegarder"))
    proposed_after(qtbot, desk_window, touched)
    assert computed == [1]  # the purpose is not read by the plan: kept as it was
    assert banner.isVisible()
    assert banner.text.text() == shown

    treatment = register.treatments.get(treatment_id)
    kept = tuple(s for s in treatment.subprocessor_ids if s != sid)
    register.treatments.update(dataclasses.replace(treatment, subprocessor_ids=kept))
    proposed_after(qtbot, desk_window, touched)
    assert computed == [1, 0]  # its subprocessors are: planned again, nothing left to tell
    assert not banner.isVisible()


def test_an_edit_the_plan_does_not_read_computes_no_plan_after_opening(
    qtbot: QtBot,
    desk_window: MainWindow,
    setup: Setup,  # noqa: F811
    computed: list[int],
) -> None:
    register, _clinic, _host, treatment_id = setup
    desk_window.editor.notifications.today = None  # the day the window opened
    treatment = register.treatments.get(treatment_id)
    register.treatments.update(dataclasses.replace(treatment, purpose="Héberger, sauvegarder"))
    proposed_after(qtbot, desk_window, Changes(frozenset({EntityKind.TREATMENT}), (treatment_id,)))
    assert computed == []
    assert not desk_window.notification_banner.isVisible()
