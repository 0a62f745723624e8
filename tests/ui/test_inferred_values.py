"""Inferred values in the desktop window: marked in the forms and lists, confirmed there."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QWidget

from tests.ui.marked_register import (
    ART9,
    EXPIRY,
    LEGAL_BASIS,
    MECHANISM,
    REGISTRATION,
    RETENTION,
    MarkedIds,
    marked_register,
)
from ui.change_bus import ChangeBus
from ui.entity_editor import EntityEditor
from ui.i18n_qt import apply_language
from ui.models.certification_table_model import CertificationTableModel
from ui.models.entity_table_model import MARKS_KEY
from ui.models.organisation_table_model import OrganisationTableModel
from ui.models.subprocessor_table_model import SubprocessorTableModel
from ui.models.treatment_table_model import TreatmentTableModel
from ui.settings import Settings
from ui.widgets.entity_list_widget import EntityListWidget
from workbench.domain.enums import EntityKind, InferenceOrigin, LegalBasis
from workbench.domain.inference import describe
from workbench.domain.records import Unconfirmed
from workbench.services import Register

pytestmark = pytest.mark.gui


@pytest.fixture
def marked(tmp_path: Path) -> Iterator[tuple[Register, MarkedIds]]:
    register, ids = marked_register(tmp_path / "marked.sqlite")
    yield register, ids
    register.close()


@pytest.fixture
def editor(qtbot: QtBot, marked: tuple[Register, MarkedIds]) -> EntityEditor:
    parent = QWidget()
    qtbot.addWidget(parent)
    return EntityEditor(parent, marked[0], ChangeBus(parent))


def _shown(tooltip: str) -> str:
    """What a (rich-text) tooltip shows."""
    return QTextDocumentFragment.fromHtml(tooltip).toPlainText()


def _last_operation(register: Register) -> str:
    return register.journal.operations(1)[0].label


def _open(editor: EntityEditor, qtbot: QtBot, kind: EntityKind, entity_id: int) -> Any:
    dialog = editor.dialog_for(kind, editor.register.service_for(kind).get(entity_id))
    # a failed test leaves the form dirty: closing it must not ask
    qtbot.addWidget(dialog, before_close_func=lambda d: setattr(d, "dirty", False))
    dialog.show()
    return dialog


def test_a_marked_field_is_marked_and_its_tooltip_says_why(
    editor: EntityEditor, marked: tuple[Register, MarkedIds], qtbot: QtBot
) -> None:
    _register, ids = marked
    dialog = _open(editor, qtbot, EntityKind.TREATMENT, ids.marked_treatments[0])
    row = dialog._rows["legal_basis"]
    dialog.tabs.setCurrentIndex(2)
    assert row.mark_bar.isVisible()
    assert row.label_icon.isVisible()
    assert row.mark_bar.badge.text() == "To be verified:"
    assert describe(LEGAL_BASIS) in row.mark_bar.reason.text()
    assert describe(LEGAL_BASIS) in _shown(dialog.legal_basis.toolTip())
    assert describe(LEGAL_BASIS) in _shown(row.title.toolTip())
    # the nested mark lands on the row of its part only
    assert dialog._rows["retention_duration"].marks == (RETENTION,)
    assert dialog._rows["retention"].marks == ()
    assert not dialog._rows["name"].mark_bar.isVisibleTo(dialog)
    assert dialog.legal_text.toolTip() == ""
    assert dialog.marks_banner.isVisible()
    assert "2 values were inferred" in dialog.marks_banner.text.text()
    legal_tab = dialog.tabs.indexOf(dialog.tabs.widget(2))
    assert not dialog.tabs.tabIcon(legal_tab).isNull()
    assert dialog.tabs.tabIcon(0).isNull()


def test_the_marks_follow_a_language_switch(
    editor: EntityEditor, marked: tuple[Register, MarkedIds], qtbot: QtBot
) -> None:
    _register, ids = marked
    dialog = _open(editor, qtbot, EntityKind.CERTIFICATION, ids.certification)
    apply_language("fr")
    bar = dialog._rows["expires_on"].mark_bar
    qtbot.waitUntil(lambda: bar.badge.text() == "À vérifier :", timeout=2000)
    assert bar.confirm_button.text() == "Confirmer"
    assert dialog.marks_banner.text.text().startswith("1 valeur a été déduite")
    assert bar.reason.text().startswith("Calculé")


def test_a_source_text_that_looks_like_markup_is_shown_as_written(
    editor: EntityEditor, marked: tuple[Register, MarkedIds], qtbot: QtBot
) -> None:
    register, ids = marked
    mark = Unconfirmed("name", InferenceOrigin.READ_FROM_TEXT, "<b>Zendesk</b> & co")
    record = register.subprocessors.get(ids.sample.zendesk)
    dialog = editor.dialog_for(
        EntityKind.SUBPROCESSOR, dataclasses.replace(record, unconfirmed=(mark,))
    )
    qtbot.addWidget(dialog)
    assert "“<b>Zendesk</b> & co”" in dialog._rows["name"].mark_bar.reason.text()
    assert dialog._rows["name"].mark_bar.reason.textFormat() == Qt.TextFormat.PlainText
    assert "“<b>Zendesk</b> & co”" in _shown(dialog.name.toolTip())


def test_confirming_a_field_in_the_form_removes_its_mark_and_is_journaled(
    editor: EntityEditor, marked: tuple[Register, MarkedIds], qtbot: QtBot
) -> None:
    register, ids = marked
    treatment_id = ids.marked_treatments[0]
    dialog = _open(editor, qtbot, EntityKind.TREATMENT, treatment_id)
    dialog.tabs.setCurrentIndex(2)
    qtbot.mouseClick(dialog._rows["legal_basis"].mark_bar.confirm_button, Qt.MouseButton.LeftButton)
    assert not dialog._rows["legal_basis"].mark_bar.isVisible()
    assert dialog.dirty
    assert "1 value confirmed" in dialog.marks_banner.text.text()
    assert register.treatments.get(treatment_id).unconfirmed == (LEGAL_BASIS, RETENTION)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    stored = register.treatments.get(treatment_id)
    assert stored.unconfirmed == (RETENTION,)
    assert stored.legal_basis is LegalBasis.CONTRACT  # the value stays, now stated
    assert _last_operation(register) == "Confirm treatment values"


def test_confirm_all_in_the_form_saves_the_record_without_marks(
    editor: EntityEditor, marked: tuple[Register, MarkedIds], qtbot: QtBot
) -> None:
    register, ids = marked
    dialog = _open(editor, qtbot, EntityKind.CERTIFICATION, ids.certification)
    assert dialog._rows["expires_on"].marks == (EXPIRY,)
    dialog.marks_banner.confirm_all_button.click()
    assert not dialog.marks_banner.confirm_all_button.isVisible()
    assert dialog.save()
    assert register.certifications.get(ids.certification).unconfirmed == ()
    assert _last_operation(register) == "Confirm certification values"
    assert not dialog.marks_banner.isVisible()


def test_editing_a_marked_value_removes_its_mark_on_save(
    editor: EntityEditor, marked: tuple[Register, MarkedIds], qtbot: QtBot
) -> None:
    register, ids = marked
    dialog = _open(editor, qtbot, EntityKind.SUBPROCESSOR, ids.sample.zendesk)
    row = dialog._rows["transfer_mechanism"]
    assert row.marks == (MECHANISM,)
    dialog.mechanism.setCurrentIndex(dialog.mechanism.currentIndex() + 1)
    assert row.mark_bar.badge.text() == "Edited:"
    assert not row.mark_bar.confirm_button.isVisibleTo(dialog)
    dialog.name.setText("Zendesk Inc.")  # an unmarked field changes too
    assert dialog.save()
    stored = register.subprocessors.get(ids.sample.zendesk)
    assert stored.unconfirmed == ()
    assert _last_operation(register) == "Edit subprocessor"


def test_editing_one_marked_value_and_confirming_another(
    editor: EntityEditor, marked: tuple[Register, MarkedIds], qtbot: QtBot
) -> None:
    register, ids = marked
    treatment_id = ids.marked_treatments[0]
    dialog = _open(editor, qtbot, EntityKind.TREATMENT, treatment_id)
    dialog.retention_duration.setValue(6)
    dialog.confirm_row("legal_basis")
    assert dialog.save()
    stored = register.treatments.get(treatment_id)
    assert stored.unconfirmed == ()
    assert stored.retention.duration == 6


def test_opening_and_saving_a_form_keeps_every_mark(
    editor: EntityEditor, marked: tuple[Register, MarkedIds], qtbot: QtBot
) -> None:
    """The forms give back the values they were given: nothing is stated by just saving."""
    register, ids = marked
    for kind, entity_id, marks in (
        (EntityKind.TREATMENT, ids.marked_treatments[0], (LEGAL_BASIS, RETENTION)),
        (EntityKind.TREATMENT, ids.marked_treatments[1], (ART9,)),
        (EntityKind.SUBPROCESSOR, ids.sample.zendesk, (MECHANISM,)),
        (EntityKind.ORGANISATION, ids.sample.own, (REGISTRATION,)),
        (EntityKind.CERTIFICATION, ids.certification, (EXPIRY,)),
    ):
        dialog = _open(editor, qtbot, kind, entity_id)
        before = dialog.record
        assert dialog.build_record() == before, kind
        assert dialog.save()
        assert register.service_for(kind).get(entity_id).unconfirmed == marks


def test_the_treatment_list_counts_the_values_to_verify_and_filters_them(
    marked: tuple[Register, MarkedIds], qtbot: QtBot
) -> None:
    register, ids = marked
    model = TreatmentTableModel(register)
    listing = EntityListWidget(model, Settings())
    qtbot.addWidget(listing)
    model.reload()
    column = model.column_of_key(MARKS_KEY)
    row = model.row_of_id(ids.marked_treatments[0])
    assert row is not None
    cell = model.index(row, column)
    assert cell.data() == "2"
    assert _shown(cell.data(Qt.ItemDataRole.ToolTipRole)) == (
        "To be verified: Legal basis (Art. 6), Retention period"
    )
    assert cell.data(Qt.ItemDataRole.DecorationRole) is not None
    unmarked = model.row_of_id(ids.sample.treatments[2])
    assert unmarked is not None
    assert model.index(unmarked, column).data() == ""
    assert model.index(unmarked, column).data(Qt.ItemDataRole.DecorationRole) is None
    listing.only_marked.setChecked(True)
    shown = {model.row_id(model.row_at(r)) for r in range(model.rowCount())}
    assert shown == set(ids.marked_treatments)
    assert listing.count_label.text() == f"2 of {model.total_count()} rows"
    listing.only_marked.setChecked(False)
    assert model.rowCount() == model.total_count()


@pytest.mark.parametrize(
    ("model_cls", "record", "mark", "label"),
    [
        (SubprocessorTableModel, "zendesk", MECHANISM, "Transfer mechanism"),
        (CertificationTableModel, "certification", EXPIRY, "Expires on"),
        (OrganisationTableModel, "own", REGISTRATION, "Registration"),
    ],
)
def test_the_lists_of_records_say_why_in_their_tooltip(
    marked: tuple[Register, MarkedIds], model_cls: Any, record: str, mark: Any, label: str
) -> None:
    register, ids = marked
    entity_id = getattr(ids.sample, record, None) or getattr(ids, record)
    model = model_cls(register)
    model.reload()
    row = model.row_of_id(entity_id)
    assert row is not None
    cell = model.index(row, model.column_of_key(MARKS_KEY))
    assert cell.data() == "1"
    tip = _shown(cell.data(Qt.ItemDataRole.ToolTipRole))
    assert tip == f"To be verified:\n• {label}: {describe(mark)}"


def test_bulk_confirm_from_the_list_names_the_counts_and_is_journaled(
    editor: EntityEditor,
    marked: tuple[Register, MarkedIds],
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    register, ids = marked
    model = TreatmentTableModel(register)
    listing = EntityListWidget(model, Settings())
    qtbot.addWidget(listing)
    model.reload()
    editor._bus.changed.connect(model.on_changed)
    listing.confirm_requested.connect(
        lambda entity_ids, values: jobs.append(
            editor.confirm_marks(EntityKind.TREATMENT, entity_ids, values)
        )
    )
    jobs: list[Any] = []
    asked: list[str] = []

    def answer(*args: Any, **_kwargs: Any) -> QMessageBox.StandardButton:
        asked.append(str(args[2]))
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    listing.table.selectAll()  # the unmarked row is selected too: it is left out
    listing.confirm_selected()
    assert asked[0].startswith("Confirm 3 inferred values in 2 records?")
    with qtbot.waitSignal(jobs[0].signals.succeeded, timeout=5000):
        pass
    for treatment_id in ids.marked_treatments:
        assert register.treatments.get(treatment_id).unconfirmed == ()
    assert _last_operation(register) == "Confirm treatment values"
    qtbot.waitUntil(lambda: not model.loading(), timeout=10_000)  # the rows read again
    column = model.column_of_key(MARKS_KEY)
    assert all(model.index(r, column).data() == "" for r in range(model.rowCount()))
    register.journal.undo()  # one operation: one undo brings every mark back
    assert register.treatments.get(ids.marked_treatments[1]).unconfirmed == (ART9,)


@pytest.mark.parametrize(
    "kind",
    [
        EntityKind.TREATMENT,
        EntityKind.SUBPROCESSOR,
        EntityKind.ORGANISATION,
        EntityKind.CERTIFICATION,
    ],
)
def test_every_demo_record_comes_back_unchanged_from_its_form(
    demo_register: Register, qtbot: QtBot, kind: EntityKind
) -> None:
    """On the demo (marks on everything inferred), a form only read states nothing."""
    parent = QWidget()
    qtbot.addWidget(parent)
    editor = EntityEditor(parent, demo_register, ChangeBus(parent))
    records = demo_register.service_for(kind).list()
    marked = [r for r in records if r.unconfirmed]
    assert marked or kind is EntityKind.ORGANISATION
    # the marked ones (a few per kind, to stay fast) and one stated throughout
    for record in marked[:3] + [r for r in records if not r.unconfirmed][:1]:
        dialog = editor.dialog_for(kind, record)
        qtbot.addWidget(dialog)
        built = dialog.build_record()
        assert dialog.problems == {}, (record.name, dialog.problems)
        assert built == record, record.name
