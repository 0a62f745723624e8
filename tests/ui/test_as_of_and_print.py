"""The register "as of" a moment in the window (read-only), and printing lists and records
(to PDF files, read back with pdftotext)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtPrintSupport import QPrintPreviewDialog
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLineEdit

from tests.ui.waits import wait_lists_loaded
from ui.i18n_qt import apply_language
from ui.printing import print_to_pdf
from ui.widgets.as_of_view import AsOfDialog, AsOfView
from workbench.domain.enums import EntityKind
from workbench.services import Register

pytestmark = pytest.mark.gui
PAYLOAD = "<h1>BIG</h1> & <b>CONFORME</b>"


def pdf_text(document: Any, path: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is needed to read the PDF back")
    print_to_pdf(document, path)
    done = subprocess.run(
        ["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True
    )
    return " ".join(done.stdout.split())  # in the order Qt drew them, spaces folded


def _rename(register: Register, window: Any, name: str) -> int:
    treatment = register.treatments.list()[0]
    assert treatment.id is not None
    window.publish(register.treatments.update(dataclasses.replace(treatment, name=name)))
    return treatment.id


def _past_view(window: Any, qtbot: QtBot, moment: dt.datetime) -> AsOfView:
    view = window.as_of.show(moment)
    assert isinstance(view, AsOfView)
    qtbot.waitUntil(lambda: not view.loading(), timeout=10_000)
    return view  # type: ignore[no-any-return]


def test_the_register_as_it_stood_read_only_printed_then_back_to_the_present(
    window: Any, qtbot: QtBot, demo_register: Register, tmp_path: Path
) -> None:
    old = demo_register.treatments.list()[0]
    moment = dt.datetime.now(dt.UTC)
    tid = _rename(demo_register, window, "Renommé depuis")
    count = len(demo_register.treatments.list())
    gone = demo_register.subprocessors.list()[0]
    assert gone.id is not None
    window.publish(demo_register.subprocessors.delete(gone.id))
    wait_lists_loaded(qtbot, window)
    assert window.actions_.undo.isEnabled()

    view = _past_view(window, qtbot, moment)
    assert window.stack.currentWidget() is view
    assert view.banner_label.text().startswith("Register as of ")
    assert view.banner_label.text().endswith(" — read-only")
    actions = window.actions_
    for action in (actions.new_record, actions.undo, actions.import_, actions.settings):
        assert not action.isEnabled()
    treatments = view.lists[EntityKind.TREATMENT]
    names = {treatments.model.row_at(r).name for r in range(treatments.model.rowCount())}
    assert old.name in names
    assert "Renommé depuis" not in names
    assert treatments.model.rowCount() == count
    subprocessors = view.lists[EntityKind.SUBPROCESSOR].model
    assert gone.name in {subprocessors.row_at(r).name for r in range(subprocessors.rowCount())}
    assert not treatments.new_button.isVisibleTo(view)
    assert not treatments.delete_action.isEnabled()

    form = view.open_form(EntityKind.TREATMENT, tid)
    assert form is not None
    qtbot.waitExposed(form)
    name = form._rows["name"].editor
    assert isinstance(name, QLineEdit)
    assert (name.text(), name.isReadOnly()) == (old.name, True)
    assert form.buttons.standardButtons() == QDialogButtonBox.StandardButton.Close
    assert "read-only" in form.windowTitle()
    form.close()
    form = view.open_form(EntityKind.SUBPROCESSOR, gone.id)  # deleted since: shown as it was
    assert form is not None
    assert form._rows["name"].editor.text() == gone.name
    form.close()

    treatments.select_id(tid)  # printed as they stood, under the banner
    printing = window.actions_.printing
    listing = pdf_text(printing.list_document(), tmp_path / "past_list.pdf")
    assert "Register as of" in listing
    assert "read-only" in listing
    assert old.name in listing
    assert "Renommé depuis" not in listing
    record = pdf_text(printing.record_document(), tmp_path / "past_record.pdf")
    assert "Register as of" in record
    assert old.name in record
    assert "Renommé depuis" not in record

    apply_language("fr")
    assert view.banner_label.text().startswith("Registre au ")
    assert view.banner_label.text().endswith(" — lecture seule")
    apply_language("en")

    window.sidebar.setFocus()  # an item view taking focus takes a current row: not a new one
    QApplication.processEvents()
    assert window.as_of.active
    assert view.current_list().count_label.text() == f"{count} rows"

    view.back_button.click()
    assert not window.as_of.active
    assert window.stack.currentWidget() is not view
    assert actions.undo.isEnabled()
    assert actions.new_record.isEnabled()
    _past_view(window, qtbot, moment)
    window.show_view("subprocessors")  # any view of the present leaves the past
    assert not window.as_of.active


def test_the_moment_picker_goes_from_the_first_change_to_now(qtbot: QtBot) -> None:
    began = dt.datetime(2026, 3, 12, 14, 0, tzinfo=dt.UTC)
    dialog = AsOfDialog(began)
    qtbot.addWidget(dialog)
    assert dialog.moment.minimumDateTime().toSecsSinceEpoch() == int(began.timestamp())
    dialog.moment.setDateTime(dialog.moment.minimumDateTime())
    assert began <= dialog.chosen() < began + dt.timedelta(minutes=1)


def test_a_list_and_a_record_print_what_they_show_in_the_ui_language(
    window: Any, qtbot: QtBot, demo_register: Register, tmp_path: Path
) -> None:
    tid = _rename(demo_register, window, PAYLOAD)
    wait_lists_loaded(qtbot, window)
    listing = window.current_list()
    listing.filter_edit.setText("BIG")
    listing.apply_filter()
    status = listing.model.column_of_key("status")
    listing.set_column_shown(status, False)
    printing = window.actions_.printing
    text = pdf_text(printing.list_document(), tmp_path / "list.pdf")
    assert text.startswith("Treatments")
    assert "1 row " in text
    assert PAYLOAD in text  # as typed, not rendered
    assert "Processing activity" in text
    assert "Status" not in text  # a hidden column is not printed

    record = demo_register.treatments.get(tid)
    listing.select_id(tid)
    text = pdf_text(printing.record_document(), tmp_path / "record.pdf")
    assert PAYLOAD in text
    assert "Name" in text
    assert record.retention.text.split()[0] in text
    category = record.data_categories[0]
    assert f"Category Sensitivity Data subject {category.name}" in text  # a table, headed

    window.actions_.print_record_preview.trigger()
    preview = printing.preview
    assert isinstance(preview, QPrintPreviewDialog)
    qtbot.waitExposed(preview)
    preview.close()

    apply_language("fr")
    text = pdf_text(printing.record_document(), tmp_path / "fiche.pdf")
    assert "Imprimé le" in text
    assert "Nom" in text
    listing.filter_edit.clear()
    listing.apply_filter()
    text = pdf_text(printing.list_document(), tmp_path / "liste.pdf")
    assert text.startswith("Traitements")
    assert f"{listing.model.rowCount()} lignes" in text
    assert "Gestion de compte Patient" in text
