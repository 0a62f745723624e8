"""Screenshots of every main view, taken from the real application on the demo register.

    QT_QPA_PLATFORM=offscreen python tools/screenshots.py             # every view and form
    QT_QPA_PLATFORM=offscreen python tools/screenshots.py logs        # breaches and requests only
    QT_QPA_PLATFORM=offscreen python tools/screenshots.py conventions # guide, Tools, menu, settings
    QT_QPA_PLATFORM=offscreen python tools/screenshots.py [name ...]  # only these ("forms"...)

Writes docs/screenshots/<name>_<lang>.png, the window at 1366x768 (a common laptop screen), in
French and English. With names (a view key such as "treatments", or "forms"), only those.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
OUT = ROOT / "docs" / "screenshots"
SIZE = (1366, 768)
LANGUAGES = ("fr", "en")


def settle(seconds: float = 0.3) -> None:
    from PySide6.QtWidgets import QApplication

    from ui import jobs

    end = time.monotonic() + seconds
    while time.monotonic() < end or jobs.active_jobs():
        QApplication.processEvents()
        time.sleep(0.02)


def wizard_and_export(window: object, lang: str) -> None:
    """The import wizard on a seed annex (mapping, then preview) and the export dialog."""
    from ui.dialogs.export_dialog import ExportDialog
    from ui.dialogs.import_wizard import ImportWizard

    main = window  # a MainWindow
    annex = ROOT / "tests" / "data" / "annex1.xlsx"
    wizard = ImportWizard(main.register, main.bus, main, path=annex)  # type: ignore[attr-defined]
    wizard.show()
    settle(0.5)
    for page, name in ((ImportWizard.MAPPING, "mapping"), (ImportWizard.PREVIEW, "preview")):
        for _attempt in range(20):
            if wizard.currentId() >= page:
                break
            wizard.next()
            settle(0.3)
        wizard.grab().save(str(OUT / f"import_{name}_{lang}.png"))
    wizard.reject()
    wizard.deleteLater()
    dialog = ExportDialog(main.register, main.bus, main)  # type: ignore[attr-defined]
    dialog.show()
    settle()
    dialog.grab().save(str(OUT / f"export_{lang}.png"))
    dialog.reject()
    dialog.deleteLater()


def import_decisions(window: object, lang: str, tmp: Path) -> None:
    """Issue 14's wizard pages: a first import into an empty register (the organisation asked on
    the first page), and a preview with near names and a vendor listed twice."""
    from ui.dialogs.import_wizard import ImportWizard
    from workbench.services import open_register

    empty = open_register(tmp / f"empty_{lang}.sqlite", author="dpo")
    first = tmp / "prestataires.csv"
    first.write_text("Sous-traitant,Service\nOVHcloud,hébergement\n", "utf-8")
    wizard = ImportWizard(empty, None, None)
    wizard.file_page.set_path(first)
    wizard.organisation.new_name.setText("Clinique du Parc")
    wizard.resize(*SIZE)
    wizard.show()
    settle(0.3)
    wizard.grab().save(str(OUT / f"import_first_page_{lang}.png"))
    wizard.reject()
    wizard.deleteLater()
    empty.close()
    main = window  # a MainWindow
    path = tmp / f"vendors_{lang}.csv"
    rows = [
        "Amazon Web Service,hosting,France",  # a word differs: a near name, for a person
        "Calendlly,scheduling,European Union",  # a typo of a stored vendor
        "Brevo,e-mail,European Union",  # the same vendor: what changes
        "Batch 2,push notifications,France",  # another number: never proposed
        "Cloud Santé,hosting of the patient file,France",  # one vendor listed twice...
        "Cloud Santé,backups,Germany",  # ... for another processing: kept apart
    ]
    path.write_text("Subprocessor,Service,Server location\n" + "\n".join(rows) + "\n", "utf-8")
    wizard = ImportWizard(main.register, main.bus, main)  # type: ignore[attr-defined]
    wizard.file_page.set_path(path)
    wizard.organisation.combo.setCurrentIndex(1)  # the demo's first own organisation
    wizard.resize(*SIZE)
    wizard.show()
    settle(0.5)
    for _attempt in range(20):
        if wizard.currentId() >= ImportWizard.PREVIEW:
            break
        wizard.next()
        settle(0.3)
    settle(0.5)
    wizard.grab().save(str(OUT / f"import_preview_decisions_{lang}.png"))
    wizard.reject()
    wizard.deleteLater()


def example_audit(register: object) -> object:
    """An audit as a DPO would record one (not saved: the demo register has none)."""
    import datetime as dt

    from workbench.domain.enums import AuditRequester, AuditStatus, AuditType, FindingSeverity
    from workbench.domain.records import Audit, AuditAction, AuditFinding

    own = register.organisations.own()[0]  # type: ignore[attr-defined]
    return Audit(
        organisation_id=own.id,
        audit_type=AuditType.GDPR_CONTROLLER,
        requested_by=AuditRequester.PARTNER,
        requester_name="Clinique du Parc",
        auditor="Cabinet Lemoine Conseil",
        scope="Téléconsultation : hébergement, journalisation, sauvegardes",
        notice_received_on=dt.date(2026, 9, 14),
        audit_on=dt.date(2026, 10, 5),
        conclusions_received_on=dt.date(2026, 10, 26),
        status=AuditStatus.ACTIONS_IN_PROGRESS,
        findings=(
            AuditFinding(
                "Journalisation incomplète",
                FindingSeverity.MAJOR,
                "Les accès des praticiens aux comptes rendus ne sont pas journalisés.",
            ),
            AuditFinding("Sauvegardes non testées", FindingSeverity.MINOR),
        ),
        actions=(
            AuditAction("Journaliser les consultations de dossiers", "RSSI", dt.date(2026, 12, 31)),
            AuditAction("Tester une restauration", "DSI", dt.date(2026, 11, 15)),
        ),
    )


LOG_VIEWS = ("breaches", "requests")


def logs_with_examples(window: object, register: object) -> None:
    """The breach and request views and forms, on the fictitious examples of
    tools/example_logs.py (the demo register itself has no breach or request)."""
    import datetime as dt

    from tools.example_logs import add_example_logs
    from ui.i18n_qt import apply_language
    from workbench.domain.enums import EntityKind

    main = window  # a MainWindow
    add_example_logs(register, dt.datetime.now(dt.UTC))  # type: ignore[arg-type]
    breach = next(b for b in register.breaches.list() if b.description)  # type: ignore[attr-defined]
    request = register.requests.list()[1]  # type: ignore[attr-defined]
    for lang in LANGUAGES:
        apply_language(lang)
        settle()
        for key in LOG_VIEWS:
            main.show_view(key)  # type: ignore[attr-defined]
            settle()
            main.grab().save(str(OUT / f"{key}_{lang}.png"))  # type: ignore[attr-defined]
        forms = (
            (EntityKind.BREACH, breach, "breach_form", (0, 3)),
            (EntityKind.DATA_SUBJECT_REQUEST, request, "request_form", (0, 1)),
        )
        for kind, record, name, tabs in forms:
            dialog = main.editor.dialog_for(kind, record)  # type: ignore[attr-defined]
            dialog.show()
            for tab in tabs:
                dialog.tabs.setCurrentIndex(tab)
                settle()
                suffix = "" if tab == 0 else f"_{tab + 1}"
                dialog.grab().save(str(OUT / f"{name}{suffix}_{lang}.png"))
            dialog.dirty = False
            dialog.close()


def prepare_workflows(window: Any, register: Any) -> dict[str, Any]:
    """Changes to the demo register for the workflow screens (a copy in a temporary folder):
    a subprocessor added to a processing done for controllers, drafted, sent; a file attached."""
    import dataclasses
    import datetime as dt

    from workbench.domain.enums import AttachmentCategory, EntityKind, Role
    from workbench.domain.records import Subprocessor
    from workbench.services.notification_workflow import NotificationWorkflow

    workflow = NotificationWorkflow(register)
    workflow.set_baseline()
    treatment = next(
        t for t in register.treatments.list() if t.role is Role.PROCESSOR and t.controller_ids
    )
    sid = register.subprocessors.create(
        Subprocessor(
            treatment.organisation_id, "Sauvegarde Santé SAS", service_description="Sauvegarde"
        )
    ).ids[0]
    changes = register.treatments.update(
        dataclasses.replace(treatment, subprocessor_ids=(*treatment.subprocessor_ids, sid))
    )
    window.publish(changes)
    settle(0.6)
    sub = next(
        s
        for s in register.subprocessors.list()
        if register.certifications.of_subprocessor(s.id or 0)
    )
    dpa = Path(tempfile.mkdtemp()) / "DPA signé.pdf"
    dpa.write_bytes(b"%PDF-1.4 example")
    register.attachments.add_file(dpa, EntityKind.SUBPROCESSOR, sub.id, AttachmentCategory.DPA)
    return {"subprocessor": sub, "sent_after": dt.date.today()}


def workflow_screens(window: Any, register: Any, lang: str, state: dict[str, Any]) -> None:
    """The notifications desk, an audit of a subprocessor, the certificates tab, safe undo."""
    import dataclasses
    import datetime as dt

    from PySide6.QtWidgets import QMessageBox

    from ui.dialogs.notification_dialog import NotificationDialog
    from ui.plain_text import Button, message_box
    from ui.undo_guard import UndoHistoryDialog, undo_question
    from workbench.domain.enums import EntityKind
    from workbench.services.notification_workflow import NotificationWorkflow

    window.show_view("subprocessors")
    window.notification_banner.retranslate_ui()
    window.notification_banner.show()
    settle()
    window.grab().save(str(OUT / f"notification_banner_{lang}.png"))
    workflow = NotificationWorkflow(register)
    if "notification" not in state:
        [draft] = workflow.generate()[:1] or register.notifications.list()[:1]
        workflow.mark_sent(draft.id, dt.date.today() - dt.timedelta(days=3))
        state["notification"] = draft.id
    window.notification_banner.hide()
    window.show_view("notifications")
    settle()
    window.grab().save(str(OUT / f"notifications_{lang}.png"))
    dialog = NotificationDialog(register, window.bus, state["notification"], window)
    dialog.show()
    settle()
    dialog.grab().save(str(OUT / f"notification_dialog_{lang}.png"))
    dialog.close()
    audit = dataclasses.replace(
        example_audit(register),
        subprocessor_id=state["subprocessor"].id,
        organisation_id=state["subprocessor"].organisation_id,
        notice_received_on=dt.date(2026, 9, 28),
    )
    audit_dialog = window.editor.dialog_for(EntityKind.AUDIT, audit)
    audit_dialog.show()
    settle()
    audit_dialog.grab().save(str(OUT / f"audit_subprocessor_{lang}.png"))
    audit_dialog.dirty = False
    audit_dialog.close()
    form = window.editor.dialog_for(EntityKind.SUBPROCESSOR, state["subprocessor"])
    grab_form(form, f"subprocessor_certificates_{lang}", form.tabs.count() - 1)
    history = UndoHistoryDialog(register, window)
    history.show()
    settle()
    history.grab().save(str(OUT / f"undo_history_{lang}.png"))
    history.close()
    demo_load = register.journal.operations(limit=500)[-1]
    question = undo_question(register, demo_load, dt.datetime.now(dt.UTC)) or ""
    box = message_box(
        window, QMessageBox.Icon.Question, "Undo", question, Button.Yes | Button.No, Button.No
    )
    box.show()
    settle()
    box.grab().save(str(OUT / f"undo_confirm_{lang}.png"))
    box.close()


def conventions(window: object, lang: str) -> None:
    """The user guide (F1), the Tools menu and its answer, the menu of a list row, the settings."""
    from PySide6.QtCore import QPoint

    main: Any = window
    main.actions_.show_guide()
    settle()
    main.actions_.guide_dialog.grab().save(str(OUT / f"guide_{lang}.png"))
    main.actions_.guide_dialog.close()
    tools_menu = next(
        a.menu()
        for a in main.menuBar().actions()
        if a.menu()
        and a.menu().actions()
        and a.menu().actions()[0].objectName() == "action_backup_register"
    )
    tools_menu.popup(main.mapToGlobal(QPoint(200, 30)))
    settle()
    tools_menu.grab().save(str(OUT / f"tools_menu_{lang}.png"))
    tools_menu.hide()
    main.actions_.tools.verify_journal()
    settle(0.6)
    main.actions_.tools.last_result.grab().save(str(OUT / f"verify_journal_{lang}.png"))
    main.actions_.tools.last_result.close()
    main.show_view("treatments")
    settle()
    listing = main.list_view("treatments")
    listing.table.selectRow(2)
    menu = listing.row_menu()
    menu.popup(main.mapToGlobal(QPoint(300, 200)))
    settle()
    menu.grab().save(str(OUT / f"row_menu_{lang}.png"))
    menu.hide()
    from ui.dialogs.settings_dialog import SettingsDialog

    preferences = SettingsDialog(main.settings, main, main.register)
    preferences.show()
    settle()
    preferences.grab().save(str(OUT / f"settings_{lang}.png"))
    preferences.reject()  # a screenshot changes no setting


NAMES = tuple(sys.argv[1:])


def wanted(name: str) -> bool:
    return not NAMES or name in NAMES


def grab_form(dialog: object, name: str, tab: int | None = None) -> None:
    """Shoot a form (on `tab`, if given) and close it without asking."""
    if tab is not None:
        dialog.tabs.setCurrentIndex(tab)  # type: ignore[attr-defined]
    dialog.show()  # type: ignore[attr-defined]
    settle()
    dialog.grab().save(str(OUT / f"{name}.png"))  # type: ignore[attr-defined]
    dialog.dirty = False  # type: ignore[attr-defined]
    dialog.close()  # type: ignore[attr-defined]


def first_marked_tab(dialog: object) -> int:
    """The first tab holding a field whose value is still to be verified (0 if none)."""
    tabs = dialog.tabs  # type: ignore[attr-defined]
    return next((i for i in range(tabs.count()) if not tabs.tabIcon(i).isNull()), 0)


def forms(window: object, register: object, lang: str) -> None:
    """The forms a DPO uses daily, on records with values still to be verified."""
    from workbench.domain.enums import EntityKind

    editor = window.editor  # type: ignore[attr-defined]
    reg: Any = register
    treatments = reg.treatments.list()
    treatment = max(treatments, key=lambda t: len(t.unconfirmed))
    dialog = editor.dialog_for(EntityKind.TREATMENT, treatment)
    grab_form(dialog, f"treatment_form_{lang}")
    dialog = editor.dialog_for(EntityKind.TREATMENT, treatment)
    grab_form(dialog, f"treatment_form_legal_{lang}", first_marked_tab(dialog))
    for tab, name in ((1, "data"), (3, "security"), (4, "processors")):
        dialog = editor.dialog_for(EntityKind.TREATMENT, treatment)
        grab_form(dialog, f"treatment_form_{name}_{lang}", tab)
    subprocessors = reg.subprocessors.list()
    sub = next((s for s in subprocessors if len(s.unconfirmed) > 1), None) or max(
        subprocessors, key=lambda s: len(s.unconfirmed)
    )
    grab_form(editor.dialog_for(EntityKind.SUBPROCESSOR, sub), f"subprocessor_form_{lang}")
    organisations = reg.organisations.own()
    grab_form(
        editor.dialog_for(EntityKind.ORGANISATION, organisations[0]), f"organisation_form_{lang}"
    )
    marked = next((o for o in organisations[1:] if o.unconfirmed), organisations[-1])
    dialog = editor.dialog_for(EntityKind.ORGANISATION, marked)
    grab_form(dialog, f"organisation_form_marked_{lang}", first_marked_tab(dialog))
    dialog = editor.dialog_for(EntityKind.ORGANISATION, organisations[0])
    grab_form(dialog, f"organisation_form_dpo_{lang}", 1)


def grouped_checks(checks: Any, lang: str) -> None:
    checks.group_by.setCurrentIndex(checks.group_by.findData("rule"))
    settle()
    for i in range(min(2, checks.tree.topLevelItemCount())):
        checks.tree.topLevelItem(i).setExpanded(True)
    settle()
    checks.window().grab().save(str(OUT / f"checks_grouped_{lang}.png"))
    checks.group_by.setCurrentIndex(0)
    settle()


def main() -> int:
    from PySide6.QtCore import QSettings

    from ui.app import application
    from ui.i18n_qt import apply_language
    from ui.main_window import MainWindow
    from ui.settings import Settings
    from ui.widgets.sidebar import VIEWS
    from workbench.domain.enums import EntityKind
    from workbench.services.demo import ensure_demo_register

    app = application()
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tmp)
        register = ensure_demo_register(Path(tmp) / "demo.sqlite", author="dpo")
        window = MainWindow(register, Settings())
        window.resize(*SIZE)
        window.show()
        only_logs = NAMES == ("logs",)
        workflow_state = prepare_workflows(window, register) if wanted("workflows") else {}
        for lang in () if only_logs else LANGUAGES:
            apply_language(lang)
            settle()
            for view in VIEWS:
                if view.key in LOG_VIEWS or not wanted(view.key):
                    continue  # the logs are shown with examples, after the demo's own views
                window.show_view(view.key)
                settle(0.6 if view.key in ("dashboard", "checks") else 0.2)
                if view.key == "history":
                    entries = window.list_view("history")
                    entries.table.selectRow(0)
                    settle()
                window.grab().save(str(OUT / f"{view.key}_{lang}.png"))
                if view.key == "dashboard":  # its lower half: the certificate timeline
                    bar = window.views["dashboard"].verticalScrollBar()
                    bar.setValue(bar.maximum())
                    settle()
                    window.grab().save(str(OUT / f"dashboard_timeline_{lang}.png"))
                    bar.setValue(0)
                if view.key == "checks":  # grouped by rule, the two gravest groups open
                    grouped_checks(window.views["checks"], lang)
            if wanted("forms"):
                forms(window, register, lang)
            if wanted("audit_form"):
                audit_dialog = window.editor.dialog_for(EntityKind.AUDIT, example_audit(register))
                audit_dialog.show()
                settle()
                audit_dialog.grab().save(str(OUT / f"audit_form_{lang}.png"))
                audit_dialog.dirty = False
                audit_dialog.close()
            if wanted("import"):
                wizard_and_export(window, lang)
                import_decisions(window, lang, Path(tmp))
            if wanted("workflows"):
                workflow_screens(window, register, lang, workflow_state)
            if wanted("conventions"):
                conventions(window, lang)
        if wanted("logs"):
            logs_with_examples(window, register)
        settle()
        window.close()
        register.close()
    print(f"screenshots written to {OUT}")
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
