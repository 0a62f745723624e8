"""Where the export dialog saves: an existing default folder, the last folder remembered, a
question before replacing a file (naming it), and a refusal in the user's language.

Registers are empty unless a test needs records (letters): where a file goes does not depend
on what it holds, and an empty register exports fastest."""

from __future__ import annotations

import errno
import os
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtWidgets import QApplication, QMessageBox

from tests.ui.export_support import (  # the fixtures too: pytest finds them imported
    _drain_pools,  # noqa: F401
    make_dialog,
    run_export,
    sample_ids,  # noqa: F401
)
from tests.ui.sample_register import SampleIds, draft_one_letter
from ui.dialogs import export_destination
from ui.dialogs.export_dialog import LETTERS, PACKAGE, REGISTER, ExportDialog, letter_file_name
from ui.i18n_qt import apply_language
from ui.jobs import error_text
from ui.settings import EXPORT_FOLDER, Settings
from workbench.services import Register

pytestmark = pytest.mark.gui


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A home folder of the test's own (Qt and Path.home() read $HOME), without Documents."""
    folder = tmp_path / "home"
    folder.mkdir()
    monkeypatch.setenv("HOME", str(folder))
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    return folder


class Questions:
    """Answers the overwrite question as told, keeping what was asked."""

    def __init__(self, answer: bool) -> None:
        self.answer = answer
        self.asked: list[str] = []

    def __call__(self, _parent: object, _title: str, text: str, **_kw: object) -> bool:
        self.asked.append(text)
        return self.answer


def answer_overwrite(monkeypatch: pytest.MonkeyPatch, answer: bool) -> Questions:
    questions = Questions(answer)
    monkeypatch.setattr(export_destination, "ask", questions)
    return questions


def export_saying_no(
    qtbot: QtBot, register: Register, what: str, target: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[ExportDialog, list[str]]:
    """Export `what` to `target`, answering No to a question about replacing files; the
    dialog and the questions asked."""
    refuse = answer_overwrite(monkeypatch, answer=False)
    dialog = make_dialog(qtbot, register, what)
    dialog.destination.setText(str(target))
    dialog.export_button.click()
    return dialog, refuse.asked


def error_boxes() -> list[QMessageBox]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]


def refused_with(qtbot: QtBot, dialog: ExportDialog) -> str:
    """The export is refused before it starts: one error box, closed, its text returned."""
    dialog.export_button.click()
    qtbot.waitUntil(lambda: len(error_boxes()) == 1, timeout=5_000)
    box = error_boxes()[0]
    text = box.text()
    box.close()
    assert dialog.export_button.isEnabled()
    return text


def test_the_default_folder_is_documents_when_it_exists_else_home(
    qtbot: QtBot, register: Register, home: Path
) -> None:
    dialog = make_dialog(qtbot, register, REGISTER)
    assert Path(dialog.destination.text()).parent == home  # no Documents folder: home
    (home / "Documents").mkdir()
    dialog = make_dialog(qtbot, register, REGISTER)
    assert Path(dialog.destination.text()).parent == home / "Documents"
    dialog = make_dialog(qtbot, register, LETTERS)
    assert Path(dialog.destination.text()) == home / "Documents"


def test_the_last_folder_used_is_remembered_while_it_exists(
    qtbot: QtBot, register: Register, home: Path, tmp_path: Path
) -> None:
    chosen = tmp_path / "exports"
    chosen.mkdir()
    run_export(qtbot, make_dialog(qtbot, register, REGISTER), chosen / "registre.docx")
    assert Settings().get(EXPORT_FOLDER) == str(chosen)
    dialog = make_dialog(qtbot, register, REGISTER)
    assert Path(dialog.destination.text()).parent == chosen
    assert Path(dialog.destination.text()).name.startswith("record-of-processing-")
    chosen.joinpath("registre.docx").unlink()
    chosen.rmdir()
    dialog = make_dialog(qtbot, register, REGISTER)  # gone: back to an existing folder
    assert Path(dialog.destination.text()).parent == home


def test_a_file_that_exists_is_replaced_only_when_the_user_says_so(
    qtbot: QtBot,
    register: Register,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    target = tmp_path / "registre.docx"
    target.write_bytes(b"the register as delivered last month")
    dialog, asked = export_saying_no(qtbot, register, REGISTER, target, monkeypatch)
    assert asked == [f"registre.docx already exists in {tmp_path}. Replace it?"]
    assert target.read_bytes() == b"the register as delivered last month"
    assert dialog.status.text() == "Nothing was written."

    accept = answer_overwrite(monkeypatch, answer=True)
    run_export(qtbot, dialog, target)
    assert len(accept.asked) == 1
    assert target.read_bytes().startswith(b"PK")  # a Word file now


def test_letters_that_exist_are_named_before_they_are_replaced(
    qtbot: QtBot,
    register: Register,
    ids: SampleIds,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    notification_id = draft_one_letter(register, ids)
    folder = tmp_path / "lettres"
    folder.mkdir()
    existing = folder / letter_file_name("Clinique du Parc", notification_id)
    existing.write_bytes(b"sent")
    _dialog, asked = export_saying_no(qtbot, register, LETTERS, folder, monkeypatch)
    assert asked == [f"{existing.name} already exists in {folder}. Replace it?"]
    assert existing.read_bytes() == b"sent"


def test_a_missing_folder_is_refused_in_french_naming_it(
    qtbot: QtBot, register: Register, tmp_path: Path
) -> None:
    apply_language("fr")
    dialog = make_dialog(qtbot, register, REGISTER)
    missing = tmp_path / "absent"
    dialog.destination.setText(str(missing / "registre.docx"))
    assert refused_with(qtbot, dialog) == (
        f"Le dossier {missing} n'existe pas : choisissez un dossier existant."
    )
    assert not missing.exists()


def test_a_package_is_never_written_over_an_existing_one(
    qtbot: QtBot, register: Register, tmp_path: Path
) -> None:
    delivered = tmp_path / "paquet.zip"
    delivered.write_bytes(b"delivered")
    dialog = make_dialog(qtbot, register, PACKAGE)
    dialog.destination.setText(str(delivered))
    assert "is never replaced" in refused_with(qtbot, dialog)
    assert delivered.read_bytes() == b"delivered"
    assert register.deliveries.list() == []


@contextmanager
def unwritable(folder: Path) -> Iterator[Path]:
    """`folder`, read-only: by its mode for a user, by a read-only bind mount for root (whom
    modes do not stop); skipped where neither is possible."""
    folder.mkdir()
    if os.geteuid() != 0:
        folder.chmod(0o500)
        try:
            yield folder
        finally:
            folder.chmod(0o700)
        return
    view = folder.with_name(folder.name + "-ro")
    view.mkdir()
    mount = ["mount", "-o", "bind,ro", str(folder), str(view)]
    if subprocess.run(mount, check=False, capture_output=True).returncode != 0:
        pytest.skip("a read-only folder needs a bind mount here")
    try:
        yield view
    finally:
        subprocess.run(["umount", "-l", str(view)], check=False)


def test_a_read_only_folder_is_refused_before_anything_is_written(
    qtbot: QtBot, register: Register, tmp_path: Path
) -> None:
    apply_language("fr")
    with unwritable(tmp_path / "archives") as folder:
        dialog = make_dialog(qtbot, register, REGISTER)
        dialog.destination.setText(str(folder / "registre.docx"))
        assert refused_with(qtbot, dialog) == (
            f"Vous ne pouvez pas écrire dans le dossier {folder} "
            "(lecture seule ou n'est pas à vous)."
        )
        assert list(folder.iterdir()) == []


def test_a_system_refusal_reads_in_the_ui_language() -> None:
    apply_language("fr")
    refusal = PermissionError(errno.EACCES, "Permission denied", "/srv/registre.docx")
    assert error_text(refusal) == (
        "Impossible d'utiliser le fichier /srv/registre.docx : permission refusée"
    )
