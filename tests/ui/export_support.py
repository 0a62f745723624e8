"""What the export dialog's tests share: the pools drained after each test, the small sample
register, a shown dialog, an export run to its end."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.ui.sample_register import SampleIds, fill_register
from ui.dialogs.export_dialog import ExportDialog
from ui.jobs import shutdown
from workbench.services import Register


@pytest.fixture(autouse=True)
def _drain_pools() -> Iterator[None]:
    yield
    assert shutdown(5000)


@pytest.fixture(name="ids")  # imported as sample_ids: a test's `ids` argument shadows nothing
def sample_ids(register: Register) -> SampleIds:
    return fill_register(register)


def make_dialog(qtbot: QtBot, register: Register, what: str) -> ExportDialog:
    dialog = ExportDialog(register, what=what)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def run_export(qtbot: QtBot, dialog: ExportDialog, target: Path) -> Path:
    dialog.destination.setText(str(target))
    with qtbot.waitSignal(dialog.exported, timeout=20_000) as blocker:
        dialog.export_button.click()
    path: Path = blocker.args[0]
    return path
