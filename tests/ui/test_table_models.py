from __future__ import annotations

import pytest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from PySide6.QtCore import QModelIndex, Qt

from ui.main_window import MODELS
from ui.models.entity_table_model import Role
from ui.models.journal_table_model import JournalTableModel
from ui.models.treatment_table_model import TreatmentTableModel
from workbench.services import Register

pytestmark = pytest.mark.gui


@pytest.mark.parametrize("key", [*MODELS, "history"])
def test_every_table_model_passes_the_model_tester(
    qtmodeltester: ModelTester, demo_register: Register, key: str
) -> None:
    model = JournalTableModel(demo_register) if key == "history" else MODELS[key](demo_register)
    model.reload()
    qtmodeltester.check(model)
    if model.rowCount():
        assert model.rowCount(model.index(0, 0)) == 0
        assert model.columnCount(model.index(0, 0)) == 0
    model.set_filter_text("a")
    model.sort(1, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model)


def test_filter_keeps_rows_containing_every_word(demo_register: Register) -> None:
    model = TreatmentTableModel(demo_register)
    model.reload()
    total = model.rowCount()
    name = model.index(0, model.column_of_key("name")).data()
    word = name.split()[0]
    model.set_filter_text(word.upper())
    names = [model.index(r, model.column_of_key("name")).data() for r in range(model.rowCount())]
    assert 0 < len(names) < total or total == len(names)
    assert all(
        word.casefold() in " ".join(str(model.index(r, c).data()) for c in range(8)).casefold()
        for r in range(model.rowCount())
    )
    model.set_filter_text(f"{word} zzzz-nothing")
    assert model.rowCount() == 0
    model.set_filter_text("")
    assert model.rowCount() == total


def test_a_filtered_list_sorts_the_rows_it_shows_both_ways(demo_register: Register) -> None:
    model = TreatmentTableModel(demo_register)
    model.reload()
    name = model.column_of_key("name")
    total = model.total_count()
    words = [w for r in range(total) for w in model.index(r, name).data().split() if len(w) > 4]
    for word in words:  # a word in some names, not all: a filter that hides rows
        model.set_filter_text(word)
        if 1 < model.rowCount() < total:
            break
    shown = model.rowCount()
    assert 1 < shown < total
    for order in (Qt.SortOrder.DescendingOrder, Qt.SortOrder.AscendingOrder):
        model.sort(name, order)  # the second time from the keys computed the first
        names = [model.index(r, name).data().casefold() for r in range(model.rowCount())]
        assert len(names) == shown
        assert names == sorted(names, reverse=order == Qt.SortOrder.DescendingOrder)
    model.set_filter_text("")
    names = [model.index(r, name).data().casefold() for r in range(model.rowCount())]
    assert names == sorted(names)  # the rows the filter hid come back in the order too


def test_sort_orders_by_the_column_value(demo_register: Register) -> None:
    model = TreatmentTableModel(demo_register)
    model.reload()
    column = model.column_of_key("subprocessors")
    model.sort(column, Qt.SortOrder.DescendingOrder)
    counts = [model.index(r, column).data(Role.SORT) for r in range(model.rowCount())]
    assert counts == sorted(counts, reverse=True)
    assert counts[0] > counts[-1]


def test_role_row_and_id_give_the_dto(demo_register: Register) -> None:
    model = TreatmentTableModel(demo_register)
    model.reload()
    index = model.index(0, 0)
    row = index.data(Role.ROW)
    assert index.data(Role.ID) == row.id
    assert demo_register.treatments.get(row.id).name == row.name
    assert model.data(QModelIndex()) is None


def test_search_texts_are_built_in_idle_time_after_a_load(
    qtbot: QtBot, demo_register: Register
) -> None:
    model = TreatmentTableModel(demo_register)
    model.reload()
    assert model.rowCount() > 0
    # Nothing filtered yet: the event loop alone builds every row's search text.
    qtbot.waitUntil(model.search_ready, timeout=5000)
    name = model.index(0, model.column_of_key("name")).data()
    model.set_filter_text(name)
    assert model.rowCount() >= 1


def test_a_filter_before_the_idle_build_ends_still_searches_every_row(
    demo_register: Register, monkeypatch: pytest.MonkeyPatch
) -> None:
    import ui.models.entity_table_model as base

    monkeypatch.setattr(base, "HAYSTACK_CHUNK", 1)
    model = TreatmentTableModel(demo_register)
    model.reload()
    model._build_haystack_chunk()  # one idle turn only: the rest is not built yet
    assert not model.search_ready()
    last = model.index(model.rowCount() - 1, model.column_of_key("name")).data()
    model.set_filter_text(last)
    assert model.search_ready()
    names = [model.index(r, model.column_of_key("name")).data() for r in range(model.rowCount())]
    assert last in names


def test_several_words_narrow_to_rows_holding_all_of_them(demo_register: Register) -> None:
    model = TreatmentTableModel(demo_register)
    model.reload()
    name_col, org_col = model.column_of_key("name"), model.column_of_key("organisation")
    name = model.index(0, name_col).data().split()[0]
    organisation = model.index(0, org_col).data().split()[0]
    model.set_filter_text(f"{organisation} {name}")
    shown = [
        (model.index(r, name_col).data(), model.index(r, org_col).data())
        for r in range(model.rowCount())
    ]
    assert shown
    for row in range(model.rowCount()):
        text = " ".join(str(model.index(row, c).data()) for c in range(model.columnCount()))
        assert name.casefold() in text.casefold()
        assert organisation.casefold() in text.casefold()
