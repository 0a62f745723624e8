"""Desktop conventions of the main window: named actions, the F1 guide, the Tools menu."""

from __future__ import annotations

import dataclasses
import re
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QKeySequence, QPixmap, QTextDocument

from tests.ui.accessible_names import accessible_name, unnamed_widgets
from ui import jobs
from ui.dialogs.guide_dialog import GuideDialog, guide_path
from ui.i18n_qt import apply_language
from workbench.domain.enums import EntityKind
from workbench.services import Register

pytestmark = pytest.mark.gui

ACTION_NAME = re.compile(r"action_[a-z]+_[a-z_]+")


def test_every_action_of_the_window_has_a_stable_name(window: Any) -> None:
    names = [action.objectName() for action in window.actions()]
    assert len(names) >= 20
    assert all(ACTION_NAME.fullmatch(name) for name in names), names
    assert len(set(names)) == len(names)
    assert {"action_open_guide", "action_backup_register", "action_undo_operation"} <= set(names)
    assert window.findChild(type(window.actions()[0]), "action_verify_journal") is not None


def test_f1_opens_the_user_guide_with_its_pictures(window: Any, qtbot: QtBot) -> None:
    guide = window.actions_.guide
    assert QKeySequence("F1") in guide.shortcuts()
    guide.trigger()
    dialog = window.actions_.guide_dialog
    qtbot.waitExposed(dialog)
    text = dialog.browser.document().toPlainText()
    assert text.startswith("DPO Workbench — user guide")
    assert "Restore a backup" in text
    picture = dialog.browser.document().resource(
        QTextDocument.ResourceType.ImageResource, QUrl("images/dashboard_en.png")
    )
    assert isinstance(picture, QPixmap)
    assert not picture.isNull()
    dialog.close()


def test_the_guide_is_in_the_language_of_the_interface(qtbot: QtBot) -> None:
    apply_language("fr")
    dialog = GuideDialog()
    qtbot.addWidget(dialog)
    assert dialog.browser.document().toPlainText().startswith("DPO Workbench — guide")
    assert dialog.windowTitle() == "Guide de l'utilisateur"
    assert guide_path("de") == guide_path("fr")  # no German guide: the default language's


def _result_text(window: Any, qtbot: QtBot, job: Any) -> str:
    qtbot.waitUntil(lambda: job.ended, timeout=10_000)
    qtbot.waitUntil(lambda: window.actions_.tools.last_result is not None, timeout=10_000)
    text: str = window.actions_.tools.last_result.text()
    window.actions_.tools.last_result.close()
    window.actions_.tools.last_result = None
    return text


def test_tools_back_up_verify_and_check_the_register(
    window: Any, qtbot: QtBot, demo_register: Register
) -> None:
    tools = window.actions_.tools
    before = set(demo_register.path.parent.rglob("*manual*"))  # type: ignore[union-attr]
    text = _result_text(window, qtbot, tools.backup())
    assert text.startswith("Backup written: ")
    written = set(demo_register.path.parent.rglob("*manual*")) - before  # type: ignore[union-attr]
    assert any(str(path) in text for path in written)
    text = _result_text(window, qtbot, tools.verify_journal())
    assert re.fullmatch(r"Journal intact: \d+ entries, hash chain verified\.", text)
    text = _result_text(window, qtbot, tools.integrity_check())
    assert text == "Database file intact (integrity_check: ok)."


def test_restore_brings_back_the_register_as_backed_up(
    window: Any, qtbot: QtBot, demo_register: Register
) -> None:
    backup = demo_register.backup("manual")
    assert backup is not None
    first = demo_register.treatments.list()[0]
    window.publish(demo_register.treatments.update(dataclasses.replace(first, name="Renamed")))
    qtbot.waitUntil(lambda: not jobs.active_jobs(), timeout=10_000)  # the lists reload first
    assert window.actions_.tools.restore(backup=backup)
    restored = window.register
    try:
        assert restored is not demo_register
        assert restored.treatments.get(first.id).name == first.name
        text = window.actions_.tools.last_result.text()
        assert text.startswith(f"Register restored from {backup.name}.")
        assert "kept as" in text  # the register as it was is a backup too
    finally:
        window.actions_.tools.last_result.close()
        restored.close()


def test_enter_f2_and_delete_on_a_list_row(
    window: Any, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []
    # the window asks before deleting, and the form opens: both answered here, not shown
    monkeypatch.setattr(
        "ui.entity_editor.ask", lambda _p, _t, text, *_a, **_k: bool(asked.append(text))
    )
    monkeypatch.setattr(window.editor, "open", lambda kind, entity_id: asked.append(kind))
    listing = window.list_view("treatments")
    # a row's shortcuts fire only in the active window, on the focused table: a window left
    # active by an earlier test (another top-level widget) would swallow the keys
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    listing.table.setFocus()
    qtbot.waitUntil(listing.table.hasFocus, timeout=2000)
    listing.table.selectRow(0)
    first = listing.current_id()
    assert first is not None
    for key in (Qt.Key.Key_Return, Qt.Key.Key_F2):
        with qtbot.waitSignal(listing.open_requested, timeout=2000) as opened:
            qtbot.keyClick(listing.table, key)
        assert opened.args == [first]
    with qtbot.waitSignal(listing.delete_requested, timeout=2000) as deleted:
        qtbot.keyClick(listing.table, Qt.Key.Key_Delete)
    assert deleted.args == [first]
    assert asked[-1].startswith("Delete the treatment")
    assert window.register.treatments.get(first).id == first  # answered No: still there
    menu = listing.row_menu()
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert texts[0] == "Open"
    assert texts[-1] == "Delete"
    assert menu.actions()[0].shortcuts()[0] == QKeySequence(Qt.Key.Key_Return)


def test_history_rows_open_but_do_not_delete(window: Any) -> None:
    entries = window.list_view("history")
    assert not entries.delete_action.isEnabled()
    assert [a.text() for a in entries.row_menu().actions()] == ["Open"]


def test_dashboard_cards_are_reached_by_keyboard_and_open_the_filtered_view(
    window: Any, qtbot: QtBot
) -> None:
    window.show_view("dashboard")
    dashboard = window.views["dashboard"]
    qtbot.waitUntil(lambda: dashboard.data is not None, timeout=10_000)
    card = dashboard.count_cards[EntityKind.SUBPROCESSOR]
    assert card.focusPolicy() == Qt.FocusPolicy.StrongFocus
    count = len(window.register.subprocessors.list())
    assert card.accessibleName() == f"Subprocessors: {count}"
    qtbot.keyClick(card, Qt.Key.Key_Space)
    assert window.current_view_key() == "subprocessors"
    window.show_view("dashboard")
    errors = dashboard.severity_cards["error"]
    assert errors.accessibleName().startswith("Errors: ")
    qtbot.keyClick(errors, Qt.Key.Key_Return)
    assert window.current_view_key() == "checks"
    checks = window.views["checks"]
    assert checks.severity_filter.currentData() == "error"
    qtbot.waitUntil(lambda: checks.findings.rowCount() > 0, timeout=10_000)
    shown = [checks.findings.finding_at(r) for r in range(checks.findings.rowCount())]
    assert {f.severity.value for f in shown} == {"error"}


def test_the_window_title_names_the_register_once(window: Any, demo_register: Register) -> None:
    assert window.windowTitle() == demo_register.path.name  # type: ignore[union-attr]
    # Qt adds the application's name itself: written in the title too, it showed twice.
    assert "DPO Workbench" not in window.windowTitle()


@pytest.mark.parametrize(
    ("chosen", "language", "forced", "expected"),
    [
        (None, "en", False, "en"),  # first launch: the system's (or WORKBENCH_LANG, --lang)
        (None, "fr", False, "fr"),
        ("fr", "en", False, "fr"),  # later: what the user chose in Settings
        ("fr", "en", True, "en"),  # --lang, WORKBENCH_LANG: for this session
    ],
)
def test_the_start_language(
    settings: Any, chosen: str | None, language: str, forced: bool, expected: str
) -> None:
    from ui.app import start_language
    from ui.settings import LOCALE

    if chosen is not None:
        settings.set(LOCALE, chosen)
    assert start_language(settings, language, forced) == expected


def test_the_command_line_gives_its_language_to_the_window(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import ui.app
    from workbench.cli.main import main

    calls: list[dict[str, Any]] = []
    monkeypatch.setattr(ui.app, "run", lambda **kwargs: calls.append(kwargs) or 0)
    monkeypatch.delenv("WORKBENCH_LANG", raising=False)
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    assert main([]) == 0
    assert main(["--lang", "en"]) == 0
    monkeypatch.setenv("WORKBENCH_LANG", "en")
    assert main([]) == 0
    assert [(c["language"], c["forced_language"]) for c in calls] == [
        ("fr", False),
        ("en", True),
        ("en", True),
    ]
    apply_language("en")


def test_the_settings_dialog_edits_the_compliance_settings(
    qtbot: QtBot, demo_register: Register, settings: Any
) -> None:
    from ui.dialogs.settings_dialog import SettingsDialog
    from workbench.services.compliance_service import ComplianceService

    dialog = SettingsDialog(settings, None, demo_register)
    qtbot.addWidget(dialog)
    assert dialog.notice.value() == 10  # the seed's "au moins dix (10) jours ouvrés"
    dialog.notice.setValue(15)
    dialog.expiring.setValue(120)
    dialog.subdivision.setCurrentIndex(dialog.subdivision.findData("57"))
    dialog.accept()
    stored = ComplianceService(demo_register).settings()
    assert stored.audit_notice_working_days == 15
    assert stored.expiring_within_days == 120
    assert stored.holiday_subdivision == "57"
    again = SettingsDialog(settings, None, demo_register)
    qtbot.addWidget(again)
    assert again.subdivision.currentText() == "Moselle (57)"
    assert again.notice.value() == 15


def test_the_settings_dialog_shows_the_language_the_interface_is_in(
    qtbot: QtBot, demo_register: Register, settings: Any
) -> None:
    """Started in English by --lang (none chosen in Settings yet): the picker says English, and
    OK after changing a compliance setting leaves the interface in English."""
    from ui.dialogs.settings_dialog import SettingsDialog
    from ui.i18n_qt import apply_language
    from workbench.i18n import current_locale

    apply_language("en")
    try:
        assert settings.chosen_locale() is None
        assert settings.locale() == "fr"  # the stored default, not what the interface is in
        dialog = SettingsDialog(settings, None, demo_register)
        qtbot.addWidget(dialog)
        assert dialog.language.currentText() == "English"
        dialog.notice.setValue(12)
        dialog.accept()
        assert current_locale() == "en"
        assert settings.chosen_locale() == "en"
    finally:
        apply_language("en")


SMALL_SCREEN = (1366, 768 - 40)  # a 1366x768 laptop less its task bar


def every_dialog(window: Any, register: Register, settings: Any) -> list[Any]:
    """A blank form of each kind of record, the settings, the guide and the export dialog."""
    from ui.dialogs.export_dialog import ExportDialog
    from ui.dialogs.settings_dialog import SettingsDialog
    from ui.entity_editor import DIALOGS

    dialogs = [window.editor.dialog_for(kind, window.editor.blank(kind)) for kind in DIALOGS]
    return [
        *dialogs,
        SettingsDialog(settings, window, register),
        GuideDialog(window),
        ExportDialog(register, window.bus, window),
    ]


def close_dialog(dialog: Any) -> None:
    if hasattr(dialog, "dirty"):
        dialog.dirty = False
    dialog.close()
    dialog.deleteLater()


def test_every_dialog_fits_a_1366x768_screen_and_names_its_fields_in_both_languages(
    window: Any, qtbot: QtBot, demo_register: Register, settings: Any
) -> None:
    """Save/Cancel in view on a small screen; every field named for a screen reader, in
    English, then (the same dialogs switched to French) in French. One test: the dialogs
    cost more to build than to check."""
    from PySide6.QtWidgets import QDialogButtonBox, QLineEdit

    dialogs = every_dialog(window, demo_register, settings)
    for dialog in dialogs:
        name = type(dialog).__name__
        smallest = dialog.minimumSizeHint().expandedTo(dialog.minimumSize())
        assert smallest.width() <= SMALL_SCREEN[0], name
        assert smallest.height() <= SMALL_SCREEN[1], name
        # at scale 2 the screen is 683x364 logical pixels: the dialog can still shrink to it
        assert smallest.height() <= 364, (name, smallest)
        assert smallest.width() <= 683, (name, smallest)
        dialog.resize(min(dialog.width(), SMALL_SCREEN[0]), min(dialog.height(), SMALL_SCREEN[1]))
        dialog.show()
        box = dialog.findChild(QDialogButtonBox)
        assert box is not None, name
        bottom = box.mapTo(dialog, box.rect().bottomRight())
        assert 0 < bottom.y() <= dialog.height(), name
        assert bottom.x() <= dialog.width(), name
        assert dialog.height() <= SMALL_SCREEN[1], name

    assert {type(d).__name__: unnamed_widgets(d) for d in dialogs if unnamed_widgets(d)} == {}
    export = dialogs[-1]
    for what in range(export.what.count()):  # its rows change with what is exported
        export.what.setCurrentIndex(what)
        assert unnamed_widgets(export) == [], export.what.currentText()
    treatment = dialogs[0]
    assert accessible_name(treatment.name) == "Name"
    apply_language("fr")
    assert {type(d).__name__: unnamed_widgets(d) for d in dialogs if unnamed_widgets(d)} == {}
    assert accessible_name(treatment.name) == "Nom"
    planted = QLineEdit(treatment)  # a field nobody named is found
    planted.show()
    assert unnamed_widgets(treatment) == ["QLineEdit(-) in TreatmentDialog"]
    for dialog in dialogs:
        close_dialog(dialog)


RAW_CODE = re.compile(
    r"\((?:added|removed|changed|deleted|created|updated)\)|\[[a-z][a-z0-9_]+\]|\b[a-z]+_[a-z_]+\b"
)


def _shown_texts(view: Any) -> list[str]:
    from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QGroupBox, QLabel

    texts = [w.text() for cls in (QLabel, QAbstractButton) for w in view.findChildren(cls)]
    texts += [box.title() for box in view.findChildren(QGroupBox)]
    for table in view.findChildren(QAbstractItemView):
        model = table.model()
        if model is None:
            continue
        columns = range(model.columnCount())
        texts += [model.headerData(c, Qt.Orientation.Horizontal) for c in columns]
        texts += [
            model.index(r, c).data() for r in range(min(model.rowCount(), 60)) for c in columns
        ]
    return [t for t in texts if isinstance(t, str)]


@pytest.mark.parametrize("language", ["en", "fr"])
def test_no_view_shows_an_untranslated_code(window: Any, qtbot: QtBot, language: str) -> None:
    """Codes such as "(added)", "[health]", "nir" or a field's key never reach the screen;
    no widget a user acts on is nameless for a screen reader (tests/ui/accessible_names.py)."""
    from ui.widgets.sidebar import VIEWS

    apply_language(language)
    found: dict[str, set[str]] = {}
    unnamed_found: dict[str, list[str]] = {}
    for view in VIEWS:
        window.show_view(view.key)
        qtbot.waitUntil(lambda: not jobs.active_jobs(), timeout=10_000)
        if view.key == "history":
            window.list_view("history").table.selectRow(0)  # its diff of one entry too
        codes = {
            m.group(0)
            for text in _shown_texts(window.views[view.key])
            for m in RAW_CODE.finditer(text)
        }
        if codes:
            found[view.key] = codes
        # and every widget a user acts on has a name a screen reader reads (cards, charts...)
        if unnamed := unnamed_widgets(window.views[view.key]):
            unnamed_found[view.key] = unnamed
    assert found == {}
    assert unnamed_widgets(window) == []  # the sidebar, the tool bar
    assert unnamed_found == {}
    from PySide6.QtWidgets import QLabel

    planted = QLabel("Catégories : [health] (added)", window.views["dashboard"])
    shown = _shown_texts(window.views["dashboard"])
    assert {m.group(0) for t in shown for m in RAW_CODE.finditer(t)} == {"[health]", "(added)"}
    planted.deleteLater()
