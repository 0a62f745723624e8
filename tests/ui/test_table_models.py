from __future__ import annotations

import pytest
from pytestqt.modeltest import ModelTester

from PySide6.QtCore import QModelIndex, Qt

from ui.change_bus import ChangeBus
from ui.main_window import MODELS
from ui.models.entity_table_model import Role
from ui.models.journal_table_model import JournalTableModel
from ui.models.treatment_table_model import TreatmentTableModel
from workbench.domain.enums import EntityKind
from workbench.domain.records import Changes
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


def test_sort_orders_by_the_column_value(demo_register: Register) -> None:
    model = TreatmentTableModel(demo_register)
    model.reload()
    column = model.column_of_key("subprocessors")
    model.sort(column, Qt.SortOrder.DescendingOrder)
    counts = [model.index(r, column).data(Role.SORT) for r in range(model.rowCount())]
    assert counts == sorted(counts, reverse=True)
    assert counts[0] > counts[-1]


def test_reloads_only_when_a_change_touches_its_entity(demo_register: Register) -> None:
    model = TreatmentTableModel(demo_register)
    model.reload()
    bus = ChangeBus()
    bus.changed.connect(model.on_changed)
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))
    bus.publish(Changes(kinds=frozenset({EntityKind.AUDIT}), ids=(1,)))
    assert resets == []
    bus.publish(Changes(kinds=frozenset({EntityKind.TREATMENT}), ids=(1,)))
    assert resets == [True]


def test_role_row_and_id_give_the_dto(demo_register: Register) -> None:
    model = TreatmentTableModel(demo_register)
    model.reload()
    index = model.index(0, 0)
    row = index.data(Role.ROW)
    assert index.data(Role.ID) == row.id
    assert demo_register.treatments.get(row.id).name == row.name
    assert model.data(QModelIndex()) is None
