from __future__ import annotations

from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from tests.ui.waits import wait_lists_loaded
from ui import jobs
from ui.dialogs.treatment_dialog import TreatmentDialog
from ui.i18n_qt import apply_language, qt_translate
from ui.main_window import MainWindow
from ui.settings import RECENT_REGISTERS, WINDOW_GEOMETRY, Settings
from ui.widgets.entity_list_widget import EntityListWidget
from workbench.domain.enums import EntityKind
from workbench.services import Register

pytestmark = pytest.mark.gui


def _treatments(window: MainWindow) -> EntityListWidget:
    return window.list_view("treatments")


def test_opens_the_demo_register_and_filters_the_treatments(window: Any, qtbot: QtBot) -> None:
    listing = _treatments(window)
    total = listing.model.rowCount()
    assert total > 10
    qtbot.keyClicks(listing.filter_edit, "patient")
    qtbot.waitUntil(lambda: listing.model.rowCount() < total, timeout=10_000)
    shown = listing.model.rowCount()
    assert shown > 0
    assert listing.count_label.text() == f"{shown} of {total} rows"
    listing.filter_edit.clear()
    qtbot.waitUntil(lambda: listing.model.rowCount() == total, timeout=10_000)


def test_edit_and_save_a_treatment_then_undo_it(
    window: Any, demo_register: Register, qtbot: QtBot
) -> None:
    listing = _treatments(window)
    treatment_id = listing.model.index(0, 0).data(int(Qt.ItemDataRole.UserRole) + 2)
    before = demo_register.treatments.get(treatment_id)
    dialog = window.editor.dialog_for(EntityKind.TREATMENT, before)
    dialog.name.setText("Téléconsultation (revue 2026)")
    assert dialog.dirty
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert demo_register.treatments.get(treatment_id).name == "Téléconsultation (revue 2026)"
    wait_lists_loaded(qtbot, window)
    names = [listing.model.index(r, 1).data() for r in range(listing.model.rowCount())]
    assert "Téléconsultation (revue 2026)" in names  # the list reloaded from the change bus

    window.actions_.undo.trigger()
    assert demo_register.treatments.get(treatment_id).name == before.name
    assert "Undone" in window.statusBar().currentMessage()
    window.actions_.redo.trigger()
    assert demo_register.treatments.get(treatment_id).name == "Téléconsultation (revue 2026)"


def test_the_form_shows_validation_messages_next_to_the_fields(
    window: Any, demo_register: Register
) -> None:
    record = demo_register.treatments.get(demo_register.treatments.rows()[0].id)
    dialog: TreatmentDialog = window.editor.dialog_for(EntityKind.TREATMENT, record)
    dialog.name.setText("  ")
    dialog.next_review_on.setText("31/02/2026")
    assert not dialog.save()
    assert dialog.error_of("name") == "This field is required."
    assert "Not a date" in dialog.error_of("next_review_on")
    assert demo_register.treatments.get(record.id).name == record.name
    # A service-side problem lands under its field too.
    dialog.name.setText("Ok")
    dialog.next_review_on.setText("")
    dialog.retention_duration.setValue(-1 + 0)  # 0 = no duration; unit alone is fine
    dialog.retention_duration.setValue(3)
    dialog.retention_unit.set_value(None)
    assert not dialog.save()
    assert dialog.error_of("retention_unit") == "Choose the unit of the retention duration."
    dialog.dirty = False


def test_a_conflicting_save_offers_to_reload(
    window: Any, demo_register: Register, monkeypatch: pytest.MonkeyPatch
) -> None:
    record = demo_register.treatments.get(demo_register.treatments.rows()[0].id)
    dialog = window.editor.dialog_for(EntityKind.TREATMENT, record)
    demo_register.treatments.update(
        record.__class__(
            **{**{f: getattr(record, f) for f in record.__dataclass_fields__}, "purpose": "changed"}
        )
    )
    asked: list[str] = []

    def answer(*args: Any, **_kwargs: Any) -> QMessageBox.StandardButton:
        asked.append(str(args[1]))
        return QMessageBox.StandardButton.Reset

    monkeypatch.setattr(QMessageBox, "warning", answer)
    dialog.name.setText("Mine")
    assert not dialog.save()
    assert asked == ["Changed by someone else"]
    assert dialog.purpose.toPlainText() == "changed"  # reloaded
    assert dialog.name.text() == record.name


def test_subprocessor_form_lists_the_treatments_using_it(
    window: Any, demo_register: Register
) -> None:
    used = next(r for r in demo_register.treatments.rows() if r.subprocessor_count)
    sub_id = demo_register.treatments.get(used.id).subprocessor_ids[0]
    dialog = window.editor.dialog_for(
        EntityKind.SUBPROCESSOR, demo_register.subprocessors.get(sub_id)
    )
    names = [dialog.treatments.item(i).text() for i in range(dialog.treatments.count())]
    assert used.name in names
    opened: list[tuple[EntityKind, int]] = []
    dialog.open_entity_requested.connect(lambda k, i: opened.append((k, i)))
    dialog._open_treatment(dialog.treatments.item(names.index(used.name)))
    assert opened == [(EntityKind.TREATMENT, used.id)]


def test_switching_language_retranslates_the_window(window: Any, qtbot: QtBot) -> None:
    assert window.sidebar.item(1).text() == "Treatments"
    apply_language("fr")
    qtbot.waitUntil(lambda: window.sidebar.item(1).text() == "Traitements", timeout=10_000)
    listing = _treatments(window)
    assert listing.filter_edit.placeholderText().startswith("Filtrer")
    assert listing.model.headerData(1, Qt.Orientation.Horizontal) == "Traitement"
    assert window.menuBar().actions()[0].text() == "&Fichier"
    assert qt_translate("QPlatformTheme", "Cancel") == "Annuler"  # Qt's own dialogs
    apply_language("en")
    qtbot.waitUntil(lambda: window.sidebar.item(1).text() == "Treatments", timeout=10_000)


def test_ctrl_f_focuses_the_filter_and_views_are_navigable(window: Any, qtbot: QtBot) -> None:
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert _treatments(window).filter_edit.hasFocus()
    for key in ("subprocessors", "certifications", "organisations", "history"):
        window.show_view(key)
        assert window.stack.currentWidget() is window.views[key]
        assert window.sidebar.current_key() == key


def test_window_state_and_recent_registers_are_remembered(
    window: Any, demo_register: Register, qtbot: QtBot
) -> None:
    window.settings.remember_register(str(demo_register.path))
    qtbot.waitUntil(lambda: not jobs.active_jobs(), timeout=5000)
    window.close()
    settings = Settings()
    assert settings.get(WINDOW_GEOMETRY)
    assert settings.get(RECENT_REGISTERS)[0] == str(demo_register.path)


def test_column_chooser_hides_and_remembers(window: Any) -> None:
    listing = _treatments(window)
    column = listing.model.column_of_key("retention")
    menu = listing.column_menu()
    action = menu.actions()[column]
    assert action.isChecked()
    action.trigger()
    assert listing.table.isColumnHidden(column)
    assert "retention" in (Settings().hidden_columns("treatments") or [])


def test_switching_language_refits_the_list_columns(window: Any) -> None:
    listing = window.list_view("subprocessors")
    window.show_view("subprocessors")
    column = listing.model.column_of_key("category")
    listing.table.setColumnWidth(column, 20)  # as if fitted to shorter labels
    apply_language("fr")
    assert listing.table.columnWidth(column) > 20


def test_the_start_view_is_built_after_the_window_is_painted_and_shows_its_rows(
    qtbot: QtBot, demo_register: Register, settings: Settings
) -> None:
    from ui.settings import LAST_VIEW

    settings.set(LAST_VIEW, "treatments")
    main = MainWindow(demo_register, settings)
    main.resize(1280, 800)
    main.show()
    main.start_view()
    assert "treatments" not in main.models  # not built in the turn that shows the window
    assert main.has_pending_work()
    qtbot.waitUntil(lambda: main.current_view_key() == "treatments", timeout=10_000)
    wait_lists_loaded(qtbot, main)
    listing = main.list_view("treatments")
    assert listing.model.rowCount() == len(demo_register.treatments.list())
    assert listing.model.rowCount() > 0
    qtbot.waitUntil(lambda: not jobs.active_jobs(), timeout=10_000)
    main.close()
    jobs.shutdown(5000)
    main.deleteLater()


def _open_on(
    qtbot: QtBot, register: Register, settings: Settings, start: str, monkeypatch: Any
) -> tuple[MainWindow, list[str]]:
    """A window opened from the event loop (as File > Open and the bench open one), on the
    `start` view; what it read, in order: the views it built ("built <key>"), the
    dashboard's and the checks' loads."""
    import ui.widgets.checks_widget as checks_module
    import ui.widgets.dashboard_widget as dashboard_module
    from ui.settings import LAST_VIEW

    read: list[str] = []
    collect, load = dashboard_module.collect_dashboard, checks_module.load_findings

    def collect_counted(*args: Any, **kwargs: Any) -> Any:
        read.append("dashboard loaded")
        return collect(*args, **kwargs)

    def load_counted(*args: Any, **kwargs: Any) -> Any:
        read.append("checks run")
        return load(*args, **kwargs)

    monkeypatch.setattr(dashboard_module, "collect_dashboard", collect_counted)
    monkeypatch.setattr(checks_module, "load_findings", load_counted)
    make_view = MainWindow._make_view

    def make_counted(self: MainWindow, key: str) -> Any:
        read.append(f"built {key}")
        return make_view(self, key)

    monkeypatch.setattr(MainWindow, "_make_view", make_counted)
    settings.set(LAST_VIEW, start)
    opened: list[MainWindow] = []

    def open_window() -> None:
        main = MainWindow(register, settings)
        main.resize(1280, 800)
        main.show()  # the window gets the focus, and its sidebar with it
        main.start_view()
        opened.append(main)

    QTimer.singleShot(0, open_window)
    qtbot.waitUntil(lambda: bool(opened) and opened[0].current_view_key() == start, timeout=10_000)
    main = opened[0]
    qtbot.waitUntil(lambda: not main.has_pending_work() and not jobs.active_jobs(), timeout=20_000)
    return main, read


def _close(main: MainWindow) -> None:
    main.close()
    jobs.shutdown(5000)
    main.deleteLater()


@pytest.mark.parametrize(
    ("start", "load"), [("dashboard", "dashboard loaded"), ("checks", "checks run")]
)
def test_the_start_view_loads_once_and_first(
    qtbot: QtBot,
    demo_register: Register,
    settings: Settings,
    monkeypatch: pytest.MonkeyPatch,
    start: str,
    load: str,
) -> None:
    main, read = _open_on(qtbot, demo_register, settings, start, monkeypatch)
    # shown by the window and then by the view's own show event: read once all the same
    assert read.count(load) == 1
    assert read[0] == f"built {start}"  # not the sidebar's first entry, made current on focus
    if start != "dashboard":  # built in an idle turn, never shown: it reads nothing
        assert "dashboard loaded" not in read
    _close(main)
