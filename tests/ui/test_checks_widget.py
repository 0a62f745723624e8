from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt

from tests.ui.sample_register import fill_register
from ui.change_bus import ChangeBus
from ui.jobs import shutdown
from ui.widgets.checks_widget import FINDING_ROLE, ChecksWidget
from workbench.domain.enums import EntityKind, TransferMechanism
from workbench.services import Register

pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def _drain_pools() -> Iterator[None]:
    yield
    assert shutdown(5000)


def shown_checks(qtbot: QtBot, register: Register, bus: ChangeBus | None = None) -> ChecksWidget:
    widget = ChecksWidget(register, bus)
    qtbot.addWidget(widget)
    widget.resize(1000, 600)
    with qtbot.waitSignal(widget.refreshed, timeout=10_000):
        widget.show()  # loads itself when first shown
    return widget


def row_of_rule(widget: ChecksWidget, rule_id: str) -> int:
    for row in range(widget.findings.rowCount()):
        if widget.findings.index(row, 0).data(FINDING_ROLE).rule_id == rule_id:
            return row
    raise AssertionError(f"{rule_id} not listed")


def test_lists_the_us_transfer_without_mechanism_with_its_fix(
    qtbot: QtBot, register: Register, qtmodeltester
) -> None:  # type: ignore[no-untyped-def]
    ids = fill_register(register)
    widget = shown_checks(qtbot, register)
    qtmodeltester.check(widget.findings)
    qtmodeltester.check(widget.findings)
    row = row_of_rule(widget, "transfer-without-mechanism")
    assert widget.findings.index(row, 0).data() == "Error"
    assert "OVH Cloud US LLC" in widget.findings.index(row, 1).data()
    assert widget.findings.index(row, 2).data()  # the fix is shown
    assert widget.findings.index(row, 3).data() == "Subprocessor: OVH Cloud US LLC"
    finding = widget.findings.index(row, 0).data(FINDING_ROLE)
    assert (finding.link.kind, finding.link.id) == (EntityKind.SUBPROCESSOR, ids.ovh_us)


def test_double_click_asks_to_open_the_entity(qtbot: QtBot, register: Register) -> None:
    ids = fill_register(register)
    widget = shown_checks(qtbot, register)
    row = row_of_rule(widget, "transfer-without-mechanism")
    widget.table.scrollTo(widget.findings.index(row, 1))
    rect = widget.table.visualRect(widget.findings.index(row, 1))
    # A real double-click is press, release, then the double-click event.
    qtbot.mouseClick(widget.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(widget.open_entity_requested, timeout=2000) as blocker:
        qtbot.mouseDClick(widget.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [EntityKind.SUBPROCESSOR, ids.ovh_us]


def test_filter_by_severity_and_text(qtbot: QtBot, register: Register) -> None:
    fill_register(register)
    widget = shown_checks(qtbot, register)
    total = widget.findings.rowCount()
    model = widget.findings
    every = [model.finding_at(r) for r in range(model.rowCount())]
    errors = [f for f in every if f.severity.value == "error"]
    widget.set_severity("error")
    assert widget.findings.rowCount() == len(errors) > 0
    assert all(
        widget.findings.index(r, 0).data(FINDING_ROLE).severity.value == "error"
        for r in range(widget.findings.rowCount())
    )
    widget.set_severity(None)
    assert widget.findings.rowCount() == total
    widget.search.setText("hotjar")
    assert 0 < widget.findings.rowCount() < total
    assert all(
        "Hotjar" in widget.findings.index(r, 1).data() for r in range(widget.findings.rowCount())
    )


def test_fixing_the_problem_removes_it_after_a_change(qtbot: QtBot, register: Register) -> None:
    ids = fill_register(register)
    bus = ChangeBus()
    widget = shown_checks(qtbot, register, bus)
    row_of_rule(widget, "transfer-without-mechanism")
    import dataclasses

    ovh = register.subprocessors.get(ids.ovh_us)
    changes = register.subprocessors.update(
        dataclasses.replace(ovh, transfer_mechanism=TransferMechanism.SCC_EU_2021_914_M3)
    )
    with qtbot.waitSignal(widget.refreshed, timeout=10_000):
        bus.publish(changes)
    with pytest.raises(AssertionError):
        row_of_rule(widget, "transfer-without-mechanism")


def test_clean_register_says_no_problem(qtbot: QtBot, register: Register) -> None:
    widget = shown_checks(qtbot, register)
    assert widget.findings.rowCount() == 0
    assert widget.summary.text() == "No problem found."


def test_a_language_switch_rewords_the_checks_view(qtbot: QtBot, register: Register) -> None:
    from ui.i18n_qt import apply_language

    fill_register(register)
    widget = shown_checks(qtbot, register)
    english = widget.findings.index(row_of_rule(widget, "transfer-without-mechanism"), 1).data()
    with qtbot.waitSignal(widget.refreshed, timeout=10_000):  # the checks word the problems
        apply_language("fr")
    assert widget.refresh_button.text() == "Relancer les contrôles"
    assert widget.findings.headerData(1, Qt.Orientation.Horizontal) == "Problème"
    assert widget.severity_filter.itemText(0) != "All severities"
    row = row_of_rule(widget, "transfer-without-mechanism")
    assert widget.findings.index(row, 0).data() == "Erreur"
    assert widget.findings.index(row, 1).data() != english


def test_grouped_by_rule_with_counts_then_acknowledged_and_exported(
    qtbot: QtBot, register: Register, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    import openpyxl

    fill_register(register)
    widget = shown_checks(qtbot, register)
    total = widget.findings.rowCount()
    widget.group_by.setCurrentIndex(widget.group_by.findData("rule"))
    assert widget.tree.isVisibleTo(widget)
    assert not widget.table.isVisibleTo(widget)
    counts = widget.tree.group_counts()
    assert sum(n for _heading, n in counts) == total
    assert all(heading.endswith(f"({n})") for heading, n in counts)
    heading = next(h for h, _n in counts if h.startswith("transfer-without-mechanism"))
    group = next(
        widget.tree.topLevelItem(i)
        for i in range(widget.tree.topLevelItemCount())
        if widget.tree.topLevelItem(i).text(0) == heading
    )
    assert not group.isExpanded()  # collapsible, collapsed at first
    widget.tree.setCurrentItem(group.child(0))
    finding = widget.selected_finding()
    assert finding is not None
    assert finding.rule_id == "transfer-without-mechanism"

    monkeypatch.setattr("ui.widgets.checks_widget.ask_reason", lambda *_a: "Clauses signées")
    with qtbot.waitSignal(widget.refreshed, timeout=10_000):
        widget.acknowledge_selected()
    assert widget.findings.rowCount() == total - 1
    assert "1 acknowledged" in widget.summary.text()

    target = tmp_path / "plan.xlsx"
    monkeypatch.setattr("ui.widgets.checks_widget.ask_export_path", lambda *_a: target)
    widget.export_findings()
    qtbot.waitUntil(target.exists, timeout=10_000)
    assert shutdown(5000)
    rows = list(openpyxl.load_workbook(target).worksheets[0].iter_rows(values_only=True))
    assert len(rows) == 1 + total - 1


def test_the_findings_come_into_view_a_page_at_a_time(qtbot: QtBot, register: Register) -> None:
    fill_register(register)
    widget = ChecksWidget(register)
    widget.findings.page_size = 3
    qtbot.addWidget(widget)
    widget.resize(900, 300)
    with qtbot.waitSignal(widget.refreshed, timeout=10_000):
        widget.show()
    model = widget.findings
    total = model.shown_count()
    assert total > 6
    assert model.rowCount() < total

    def scrolled_to_more(rows: int) -> bool:
        # scrolled again at each look, as a user keeps scrolling: the scroll bar's range is
        # only laid out for the rows just fetched after the view's delayed layout has run
        widget.table.scrollToBottom()
        return model.rowCount() > rows

    while model.canFetchMore():  # each scroll to the bottom shows the next page
        rows = model.rowCount()
        qtbot.waitUntil(lambda rows=rows: scrolled_to_more(rows), timeout=5_000)
    assert model.rowCount() == total
    assert len(widget.visible_findings()) == total  # exports and groups take every finding
