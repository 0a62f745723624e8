"""The history view shows a change in words: field labels, enum labels, linked names."""

from __future__ import annotations

import dataclasses
import threading

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableWidgetItem

from ui.i18n_qt import apply_language
from ui.journal_text import value_text
from ui.models.entity_table_model import Role
from ui.models.journal_table_model import JournalTableModel
from ui.settings import Settings
from ui.widgets.history_widget import ADDED_COLOUR, REMOVED_COLOUR, HistoryWidget
from workbench.domain import LegalBasis
from workbench.domain.records import DataCategory, Recipient
from workbench.services import Register
from workbench.services.journal_service import changed_fields


def _diff_rows(widget: HistoryWidget) -> dict[str, tuple[str, str]]:
    rows = {}
    for row in range(widget.diff.rowCount()):
        cells = [widget.diff.item(row, c).text() for c in range(3)]  # type: ignore[union-attr]
        rows[cells[0]] = (cells[1], cells[2])
    return rows


def test_an_edit_reads_in_words(qtbot: QtBot, demo_register: Register, settings: Settings) -> None:
    treatment = next(t for t in demo_register.treatments.list() if t.legal_basis is not None)
    aws = next(s for s in demo_register.subprocessors.list() if "AWS" in s.name)
    demo_register.treatments.update(
        dataclasses.replace(
            treatment,
            legal_basis=LegalBasis.LEGITIMATE_INTERESTS,
            subprocessor_ids=(),
        )
    )
    model = JournalTableModel(demo_register)
    widget = HistoryWidget(model, settings)
    qtbot.addWidget(widget)
    model.reload()
    view_model = widget.entries.table.model()
    newest = max(
        range(view_model.rowCount()), key=lambda r: view_model.index(r, 0).data(Role.ROW).id
    )
    widget.entries.table.selectRow(newest)

    rows = _diff_rows(widget)
    assert "legal_basis" not in rows
    before, after = rows["Legal basis (Art. 6)"]
    assert after.startswith("Legitimate interests")
    assert before
    assert "_" not in before
    links_before, links_after = rows["Subprocessors"]
    assert aws.name in links_before
    assert links_after == ""


def _select_newest(widget: HistoryWidget) -> None:
    view_model = widget.entries.table.model()
    newest = max(
        range(view_model.rowCount()), key=lambda r: view_model.index(r, 0).data(Role.ROW).id
    )
    widget.entries.table.selectRow(newest)


def _cell(widget: HistoryWidget, label: str, column: int) -> QTableWidgetItem:
    for row in range(widget.diff.rowCount()):
        name = widget.diff.item(row, 0)
        if name is not None and name.text().split("\n")[0] == label:
            item = widget.diff.item(row, column)
            assert item is not None
            return item
    raise AssertionError(f"no row for {label}")


def test_a_list_field_shows_what_was_added_and_removed(
    qtbot: QtBot, demo_register: Register, settings: Settings
) -> None:
    treatment = next(t for t in demo_register.treatments.list() if len(t.data_categories) >= 2)
    dropped, *kept = treatment.data_categories
    demo_register.treatments.update(
        dataclasses.replace(treatment, data_categories=(*kept, DataCategory("Badge <b>photo</b>")))
    )
    model = JournalTableModel(demo_register)
    widget = HistoryWidget(model, settings)
    qtbot.addWidget(widget)
    model.reload()
    _select_newest(widget)

    label = "Categories of personal data"
    removed, added = _cell(widget, label, 1), _cell(widget, label, 2)
    assert removed.text().splitlines() == [f"\u2212 {value_text(dropped)}"]
    assert added.text().splitlines() == ["+ Badge <b>photo</b>"]  # as text, not markup
    assert removed.foreground().color() == REMOVED_COLOUR
    assert added.foreground().color() == ADDED_COLOUR
    assert removed.data(Qt.ItemDataRole.AccessibleTextRole) == (f"Removed: {value_text(dropped)}")
    assert added.data(Qt.ItemDataRole.AccessibleTextRole) == "Added: Badge <b>photo</b>"
    name = _cell(widget, label, 0).text()
    assert name.splitlines()[1] == f"({len(kept)} unchanged)"
    # the items kept are not printed again
    assert all(value_text(c) not in removed.text() + added.text() for c in kept)


def _history_after_adding_a_recipient(
    qtbot: QtBot, demo_register: Register, settings: Settings
) -> HistoryWidget:
    """History with its newest entry selected: a recipient "Mutuelle" added to a treatment."""
    treatment = next(t for t in demo_register.treatments.list() if not t.recipients)
    demo_register.treatments.update(
        dataclasses.replace(treatment, recipients=(Recipient("Mutuelle"),))
    )
    model = JournalTableModel(demo_register)
    widget = HistoryWidget(model, settings)
    qtbot.addWidget(widget)
    model.reload()
    _select_newest(widget)
    return widget


@pytest.mark.usefixtures("french")
def test_a_list_diff_is_worded_in_french(
    qtbot: QtBot, demo_register: Register, settings: Settings
) -> None:
    widget = _history_after_adding_a_recipient(qtbot, demo_register, settings)
    removed = _cell(widget, "Destinataires", 1)
    assert removed.text() == ""
    assert removed.data(Qt.ItemDataRole.AccessibleTextRole) == "Rien de retiré"
    added = _cell(widget, "Destinataires", 2)
    assert added.text().startswith("+ Mutuelle")
    assert added.data(Qt.ItemDataRole.AccessibleTextRole).startswith("Ajouté : Mutuelle")


def test_the_selected_entry_is_worded_again_when_the_language_changes(
    qtbot: QtBot, demo_register: Register, settings: Settings
) -> None:
    widget = _history_after_adding_a_recipient(qtbot, demo_register, settings)
    assert _cell(widget, "Recipients", 2).text().startswith("+ Mutuelle")

    def labels() -> set[str]:
        return {label.split("\n")[0] for label in _diff_rows(widget)}

    apply_language("fr")  # the autouse fixture puts English back
    qtbot.waitUntil(lambda: "Destinataires" in labels())  # a posted LanguageChange event
    assert "Recipients" not in labels()
    assert _cell(widget, "Destinataires", 2).text().startswith("+ Mutuelle")


def test_the_fields_changed_are_shown_and_found_in_the_reading_job(
    qtbot: QtBot,
    demo_register: Register,
    settings: Settings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The "Fields changed" column names what each entry changed; comparing the snapshots is
    done by the job that reads the entries, never by the window's thread."""
    threads: list[bool] = []  # True: called on the GUI thread

    def recorded(entry: object) -> tuple[str, ...]:
        threads.append(threading.current_thread() is threading.main_thread())
        return changed_fields(entry)  # type: ignore[arg-type]

    monkeypatch.setattr("ui.models.journal_table_model.changed_fields", recorded)
    treatment = demo_register.treatments.list()[0]
    demo_register.treatments.update(
        dataclasses.replace(treatment, name="Comptes usagers", purpose="Créer le compte")
    )
    model = JournalTableModel(demo_register)
    widget = HistoryWidget(model, settings)
    qtbot.addWidget(widget)
    widget.show()
    model.reload_in_background()
    qtbot.waitUntil(lambda: not model.loading() and model.rowCount() > 0, timeout=10_000)
    fields = model.column_of_key("fields")
    shown = {
        model.index(r, 0).data(Role.ROW).id: model.index(r, fields).data()
        for r in range(model.rowCount())
    }
    newest = max(shown)
    assert shown[newest] == "Name, Purpose"  # not "version", which every write bumps
    creations = [t for i, t in shown.items() if i != newest and "Purpose" in t]
    assert creations
    assert all("Name" in t for t in creations)
    assert len(threads) >= model.rowCount()
    assert not any(threads)  # every entry compared in the job

    _select_newest(widget)
    assert set(_diff_rows(widget)) == {"Name", "Purpose"}
