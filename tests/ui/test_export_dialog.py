from __future__ import annotations

import csv
import dataclasses
import zipfile
from pathlib import Path

import docx
import openpyxl
import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

from tests.ui.export_support import (  # the fixtures too: pytest finds them imported
    _drain_pools,  # noqa: F401
    make_dialog,
    run_export,
    sample_ids,  # noqa: F401
)
from tests.ui.sample_register import SampleIds, draft_one_letter
from ui.dialogs.export_dialog import LETTERS, PACKAGE, REGISTER, SUBPROCESSORS
from workbench.domain.enums import EntityKind
from workbench.services import Register
from workbench.services.package_service import PackageService

pytestmark = pytest.mark.gui


def workbook_cells(path: Path) -> set[str]:
    book = openpyxl.load_workbook(path, read_only=True)
    return {str(c) for ws in book.worksheets for row in ws.iter_rows(values_only=True) for c in row}


def test_register_to_excel_in_english_reads_back(
    qtbot: QtBot, register: Register, ids: SampleIds, tmp_path: Path
) -> None:
    dialog = make_dialog(qtbot, register, REGISTER)
    dialog.format.setCurrentIndex(dialog.format.findData("xlsx"))
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    assert dialog.destination.text().endswith(".xlsx")
    path = run_export(qtbot, dialog, tmp_path / "record.xlsx")
    assert path == tmp_path / "record.xlsx"
    book = openpyxl.load_workbook(path, read_only=True)
    cells = {
        str(c) for ws in book.worksheets for row in ws.iter_rows(values_only=True) for c in row
    }
    for treatment in register.treatments.list():
        assert treatment.name in cells
    assert "Saved to" in dialog.status.text()
    assert dialog.open_button.isVisible()


def test_subprocessor_list_to_csv_for_one_organisation(
    qtbot: QtBot, register: Register, ids: SampleIds, tmp_path: Path
) -> None:
    dialog = make_dialog(qtbot, register, SUBPROCESSORS)
    assert [dialog.format.itemData(i) for i in range(dialog.format.count())] == [
        "docx",
        "xlsx",
        "csv",
    ]
    dialog.format.setCurrentIndex(dialog.format.findData("csv"))
    dialog.language.setCurrentIndex(dialog.language.findData("fr"))
    dialog.organisation.setCurrentIndex(dialog.organisation.findData(ids.own))
    path = run_export(qtbot, dialog, tmp_path / "sous-traitants.csv")
    text = path.read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(text.splitlines(), delimiter=";"))
    names = {row["Nom du sous-traitant"] for row in rows}  # French: the default language
    assert {s.name for s in register.subprocessors.list()} <= names


def test_register_as_of_a_past_day_leaves_out_later_records(
    qtbot: QtBot, register: Register, ids: SampleIds, tmp_path: Path
) -> None:
    dialog = make_dialog(qtbot, register, REGISTER)
    dialog.format.setCurrentIndex(dialog.format.findData("xlsx"))
    dialog.as_of_enabled.setChecked(True)
    dialog.as_of.setDate(dialog.as_of.date().addDays(-3))  # before the register was filled
    path = run_export(qtbot, dialog, tmp_path / "avant.xlsx")
    book = openpyxl.load_workbook(path, read_only=True)
    cells = {
        str(c) for ws in book.worksheets for row in ws.iter_rows(values_only=True) for c in row
    }
    assert "Téléconsultation" not in cells


def test_notification_letters_are_written_for_the_ticked_drafts(
    qtbot: QtBot, register: Register, ids: SampleIds, tmp_path: Path
) -> None:
    draft = draft_one_letter(register, ids)
    dialog = make_dialog(qtbot, register, LETTERS)
    assert dialog.letters.count() == 1
    assert "Clinique du Parc" in dialog.letters.item(0).text()
    assert dialog.checked_letters() == [(draft, "Clinique du Parc")]
    folder = run_export(qtbot, dialog, tmp_path / "lettres")
    letters = list(folder.glob("*.docx"))
    assert len(letters) == 1
    text = "\n".join(p.text for p in docx.Document(str(letters[0])).paragraphs)
    assert "Scaleway" in text


def test_open_the_result_asks_the_desktop_to_open_the_file(
    qtbot: QtBot,
    register: Register,
    ids: SampleIds,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    dialog = make_dialog(qtbot, register, SUBPROCESSORS)
    path = run_export(qtbot, dialog, tmp_path / "liste.docx")
    assert docx.Document(str(path)).paragraphs  # a real Word file
    assert dialog.open_result()
    assert opened == [QUrl.fromLocalFile(str(path))]


def test_an_unwritable_destination_fails_with_a_clear_message(
    qtbot: QtBot, register: Register, ids: SampleIds, tmp_path: Path
) -> None:
    from PySide6.QtWidgets import QApplication, QMessageBox

    blocker_file = tmp_path / "not-a-folder"
    blocker_file.write_text("x")
    dialog = make_dialog(qtbot, register, REGISTER)
    dialog.destination.setText(str(blocker_file / "registre.docx"))
    dialog.export_button.click()

    def boxes() -> list[QMessageBox]:
        return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]

    qtbot.waitUntil(lambda: len(boxes()) == 1, timeout=20_000)
    assert "Traceback" not in boxes()[0].text()
    assert dialog.status.text() == "Nothing was written."
    assert dialog.export_button.isEnabled()
    boxes()[0].close()


def test_a_package_for_an_auditor_is_signed_off_and_the_changes_since_are_counted(
    qtbot: QtBot, register: Register, ids: SampleIds, tmp_path: Path
) -> None:
    contract = tmp_path / "dpa.pdf"
    contract.write_bytes(b"%PDF-1.7 signed DPA")
    register.attachments.add_file(contract, EntityKind.SUBPROCESSOR, ids.zendesk)
    dialog = make_dialog(qtbot, register, PACKAGE)
    assert dialog.package_changes.text() == "No package delivered yet."
    path = run_export(qtbot, dialog, tmp_path / "package.zip")
    assert path == tmp_path / "package.zip"
    assert PackageService(register).verify(path).check.intact
    with zipfile.ZipFile(path) as archive:  # the attachment travels with the register
        [copy] = [n for n in archive.namelist() if n.endswith("/dpa.pdf")]
        assert archive.read(copy) == b"%PDF-1.7 signed DPA"
    [delivery] = register.deliveries.list()
    assert dialog.package_changes.text().startswith(
        f"0 changes since the last package, signed off by {delivery.signed_by} on "
    )
    treatment = register.treatments.get(ids.treatments[0])
    register.treatments.update(dataclasses.replace(treatment, purpose="Purpose edited"))
    dialog.what.setCurrentIndex(dialog.what.findData(REGISTER))
    dialog.what.setCurrentIndex(dialog.what.findData(PACKAGE))
    assert dialog.package_changes.text().startswith("1 change since the last package")
