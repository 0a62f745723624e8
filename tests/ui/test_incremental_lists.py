"""After a write, a list reads again only the rows it touched (not the whole register)."""

from __future__ import annotations

import dataclasses

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import QPersistentModelIndex

from ui.change_bus import ChangeBus
from ui.models.entity_table_model import Role
from ui.models.journal_table_model import JournalTableModel
from ui.models.treatment_table_model import TreatmentTableModel
from ui.settings import Settings
from ui.widgets.history_widget import HistoryWidget
from workbench.domain.enums import EntityKind
from workbench.domain.records import Changes
from workbench.services import Register

pytestmark = pytest.mark.gui


class Emitted:
    """What a model told its views: resets, and the rows redrawn."""

    def __init__(self, model: TreatmentTableModel | JournalTableModel) -> None:
        self.resets = 0
        self.redrawn: list[int] = []
        self.inserted = 0
        model.modelReset.connect(self._reset)
        model.dataChanged.connect(lambda first, _last, _roles=(): self.redrawn.append(first.row()))
        model.rowsInserted.connect(self._inserted)

    def _reset(self) -> None:
        self.resets += 1

    def _inserted(self, _parent: object, first: int, last: int) -> None:
        self.inserted += last - first + 1


def _listening(model: TreatmentTableModel | JournalTableModel) -> ChangeBus:
    model.reload()
    bus = ChangeBus()
    bus.changed.connect(model.on_changed)
    return bus


def _published(
    qtbot: QtBot, model: TreatmentTableModel | JournalTableModel, bus: ChangeBus, changes: Changes
) -> None:
    """Publish a write's changes and wait until the model has read what it touched."""
    with qtbot.waitSignal(model.rows_reloaded, timeout=10_000):
        bus.publish(changes)


def test_a_change_to_another_kind_of_record_leaves_the_list_alone(
    demo_register: Register,
) -> None:
    model = TreatmentTableModel(demo_register)
    bus = _listening(model)
    emitted = Emitted(model)
    bus.publish(Changes(kinds=frozenset({EntityKind.AUDIT}), ids=(1,)))
    assert not model.loading()
    assert emitted.resets == 0
    assert emitted.redrawn == []


def test_an_edit_redraws_its_one_row_without_a_reset(qtbot: QtBot, demo_register: Register) -> None:
    model = TreatmentTableModel(demo_register)
    bus = _listening(model)
    model.sort(1)  # by name: the renamed row stays where it is ("... (revu)" after itself)
    treatment = demo_register.treatments.list()[3]
    emitted = Emitted(model)
    changes = demo_register.treatments.update(
        dataclasses.replace(treatment, name=treatment.name + " (revu)")
    )
    assert list(changes.ids_of(EntityKind.TREATMENT) or ()) == [treatment.id]
    _published(qtbot, model, bus, changes)
    row = model.row_of_id(treatment.id or 0)
    assert row is not None
    assert model.index(row, 1).data() == treatment.name + " (revu)"
    assert emitted.resets == 0
    assert emitted.redrawn == [row]
    assert model.total_count() == len(demo_register.treatments.list())


def test_an_edit_that_moves_a_row_keeps_it_selected_where_it_went(
    qtbot: QtBot, demo_register: Register
) -> None:
    model = TreatmentTableModel(demo_register)
    bus = _listening(model)
    model.sort(1)
    treatment = demo_register.treatments.list()[3]
    row = model.row_of_id(treatment.id or 0)
    assert row is not None
    selected = model.index(row, 0)
    kept = QPersistentModelIndex(selected)
    emitted = Emitted(model)
    _published(
        qtbot,
        model,
        bus,
        demo_register.treatments.update(dataclasses.replace(treatment, name="000 first")),
    )
    assert model.index(0, 1).data() == "000 first"
    assert emitted.resets == 0
    assert kept.row() == 0  # the persistent index (the view's selection) followed the row
    assert kept.data(Role.ID) == treatment.id


def test_a_change_to_the_organisations_reads_the_whole_list(
    qtbot: QtBot, demo_register: Register
) -> None:
    model = TreatmentTableModel(demo_register)
    bus = _listening(model)
    organisation = demo_register.organisations.get(
        demo_register.treatments.list()[0].organisation_id
    )
    emitted = Emitted(model)
    changes = demo_register.organisations.update(
        dataclasses.replace(organisation, name="Renamed hospital")
    )
    _published(qtbot, model, bus, changes)  # its name is on every one of its treatments' rows
    assert emitted.resets == 1
    organisations = {model.index(r, 3).data() for r in range(model.rowCount())}
    assert "Renamed hospital" in organisations


def test_a_deletion_reads_the_whole_list(qtbot: QtBot, demo_register: Register) -> None:
    model = TreatmentTableModel(demo_register)
    bus = _listening(model)
    before = model.rowCount()
    treatment = demo_register.treatments.list()[0]
    _published(qtbot, model, bus, demo_register.treatments.delete(treatment.id or 0))
    assert model.rowCount() == before - 1
    assert model.row_of_id(treatment.id or 0) is None


def test_history_adds_the_new_entries_without_reading_the_journal_again(
    qtbot: QtBot, demo_register: Register
) -> None:
    model = JournalTableModel(demo_register)
    bus = _listening(model)
    model.sort(0)
    before = model.rowCount()
    treatment = demo_register.treatments.list()[0]
    emitted = Emitted(model)
    _published(
        qtbot,
        model,
        bus,
        demo_register.treatments.update(dataclasses.replace(treatment, purpose="Revu")),
    )
    assert model.rowCount() == before + 1
    assert emitted.resets == 0
    assert emitted.inserted == 1
    newest = model.row_at(model.rowCount() - 1)
    assert (newest.entity_kind, newest.entity_id) == (EntityKind.TREATMENT, treatment.id)


def test_history_reads_the_journal_a_page_at_a_time_as_the_view_scrolls(
    qtbot: QtBot, demo_register: Register, settings: Settings
) -> None:
    total = len(demo_register.journal.entries())
    model = JournalTableModel(demo_register)
    model.page_size = 10
    widget = HistoryWidget(model, settings)
    qtbot.addWidget(widget)
    widget.resize(600, 300)
    model.reload()
    assert model.rowCount() == 10
    assert model.canFetchMore()
    newest = max(e.id for e in demo_register.journal.entries())
    assert max(model.row_at(r).id for r in range(10)) == newest  # the newest page first
    widget.show()
    table = widget.entries.table
    while model.rowCount() < 30:  # each scroll to the bottom reads the page before
        rows = model.rowCount()
        table.scrollToBottom()
        qtbot.waitUntil(lambda rows=rows: model.rowCount() > rows, timeout=10_000)
    ids = [model.row_at(r).id for r in range(model.rowCount())]
    assert ids == sorted(ids, reverse=True)  # still newest first, no entry twice
    assert len(set(ids)) == len(ids) < total


def test_a_history_search_reads_every_page(
    qtbot: QtBot, demo_register: Register, settings: Settings
) -> None:
    oldest = demo_register.journal.entries()[0]
    model = JournalTableModel(demo_register)
    model.page_size = 10
    model.reload()
    model.set_filter_text(str(oldest.author))
    qtbot.waitUntil(lambda: not model.canFetchMore() and not model.fetching(), timeout=10_000)
    assert oldest.id in {model.row_at(r).id for r in range(model.rowCount())}
