"""Undo asks before it removes much, or what an earlier launch did; the undo history lists the
operations; the status bar says what was undone or redone, in either language."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from ui import undo_guard
from ui.undo_guard import UndoHistoryDialog
from workbench.domain.records import Organisation, Subprocessor
from workbench.services import Register
from workbench.services.operation_labels import LOAD_DEMO

pytestmark = pytest.mark.gui


@dataclasses.dataclass
class Asker:
    """Stands for the Yes/No question: records it, answers what the test queued."""

    answers: list[bool] = dataclasses.field(default_factory=list)
    questions: list[str] = dataclasses.field(default_factory=list)

    def __call__(self, _parent: object, _title: str, text: str, default: object = None) -> bool:
        self.questions.append(text)
        return self.answers.pop(0)


@pytest.fixture
def asker(monkeypatch: pytest.MonkeyPatch) -> Asker:
    asker = Asker()
    monkeypatch.setattr(undo_guard, "ask", asker)
    return asker


def test_undoing_the_demo_load_asks_first_naming_what_goes(
    window: Any, demo_register: Register, asker: Asker
) -> None:
    last = demo_register.journal.can_undo()
    assert last is not None
    treatments = len(demo_register.treatments.list())
    asker.answers.append(False)
    window.actions_.undo.trigger()
    assert len(demo_register.treatments.list()) == treatments  # "No": nothing undone
    question = asker.questions[0]
    assert "before this launch of the application" in question  # done at the last launch
    summary = demo_register.journal.operation_summary(last.id)
    total = sum(summary.values())
    assert f"Undoing it changes {total} records:" in question
    if last.label == LOAD_DEMO:
        assert f"removes {treatments} × treatment" in question
    asker.answers.append(True)
    window.actions_.undo.trigger()
    assert demo_register.journal.can_undo() != last


def test_a_big_operation_of_this_launch_asks_and_a_small_one_does_not(
    window: Any, demo_register: Register, asker: Asker
) -> None:
    own = demo_register.organisations.own()[0]
    subs = [Subprocessor(own.id or 0, f"Prestataire {n}") for n in range(11)]
    window.publish(demo_register.subprocessors.create_many(subs))
    asker.answers.append(True)
    window.undo()
    assert asker.questions[0].splitlines()[-1] == "• removes 11 × subprocessor"
    assert "before this launch" not in asker.questions[0]
    one = demo_register.subprocessors.list()[0]
    window.publish(demo_register.subprocessors.update(dataclasses.replace(one, notes="vu")))
    window.undo()  # one record, this launch: no question
    assert len(asker.questions) == 1
    window.redo()
    assert window.statusBar().currentMessage() == "Redone: Edit subprocessor"


def test_redo_reads_right_in_french(
    window: Any, demo_register: Register, french: None, asker: Asker
) -> None:
    org: Organisation = demo_register.organisations.own()[0]
    window.publish(demo_register.organisations.update(dataclasses.replace(org, notes="x")))
    window.undo()
    assert window.statusBar().currentMessage() == "Annulé : Modifier l'organisation"
    window.redo()
    assert window.statusBar().currentMessage() == "Rétabli : Modifier l'organisation"
    assert window.actions_.undo.toolTip() == "Annuler : Modifier l'organisation"


def test_the_undo_history_lists_the_operations(window: Any, demo_register: Register) -> None:
    dialog = UndoHistoryDialog(demo_register, window)
    operations = demo_register.journal.operations(limit=200)
    assert dialog.table.rowCount() == len(operations)
    item = dialog.table.item(0, 2)
    assert item is not None
    assert item.text() == "next to undo (Ctrl+Z)"
    assert window.findChild(type(window.actions_.undo), "action_show_undo_history") is not None
    dialog.deleteLater()
