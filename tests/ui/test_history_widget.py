"""The history view shows a change in words: field labels, enum labels, linked names."""

from __future__ import annotations

import dataclasses

from pytestqt.qtbot import QtBot

from ui.models.entity_table_model import Role
from ui.models.journal_table_model import JournalTableModel
from ui.settings import Settings
from ui.widgets.history_widget import HistoryWidget
from workbench.domain import LegalBasis
from workbench.services import Register


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
