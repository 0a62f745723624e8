"""Atomic and deterministic writes, progress and cancellation, for every export format."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from exporters import (
    write_register_docx,
    write_register_xlsx,
    write_subprocessors_csv,
    write_subprocessors_docx,
    write_subprocessors_xlsx,
)
from tests.unit.exporters.conftest import RecordingProgress
from workbench.domain.errors import ExportError
from workbench.domain.snapshot import RegisterSnapshot
from workbench.progress import Cancelled

WRITERS: dict[str, Callable[..., None]] = {
    "register.docx": write_register_docx,
    "register.xlsx": write_register_xlsx,
    "subprocessors.docx": write_subprocessors_docx,
    "subprocessors.xlsx": write_subprocessors_xlsx,
    "subprocessors.csv": write_subprocessors_csv,
}


@pytest.mark.parametrize("name", sorted(WRITERS))
def test_same_register_gives_the_same_bytes(
    name: str, snapshot: RegisterSnapshot, tmp_path: Path
) -> None:
    first, second = tmp_path / f"a-{name}", tmp_path / f"b-{name}"
    WRITERS[name](snapshot, first, "fr")
    WRITERS[name](snapshot, second, "fr")
    assert first.read_bytes() == second.read_bytes()


def test_zip_entries_are_dated_with_the_snapshot(
    snapshot: RegisterSnapshot, tmp_path: Path
) -> None:
    dated = dataclasses.replace(snapshot, as_of=dt.date(2026, 11, 22))
    path = tmp_path / "r.xlsx"
    write_register_xlsx(dated, path, "fr")
    with zipfile.ZipFile(path) as package:
        assert {i.date_time for i in package.infolist()} == {(2026, 11, 22, 0, 0, 0)}
        core = package.read("docProps/core.xml").decode()
    assert "2026-11-22T00:00:00Z" in core
    # openpyxl's own save stamps "modified" with the current second; two exports a second apart
    # then differ. The document is dated by its snapshot instead.
    modified = re.search(r"<dcterms:modified[^>]*>([^<]+)<", core)
    assert modified is not None
    assert modified.group(1) == "2026-11-22T00:00:00Z"


@pytest.mark.parametrize("name", sorted(WRITERS))
def test_cancel_keeps_the_previous_file_and_leaves_no_temporary(
    name: str, snapshot: RegisterSnapshot, tmp_path: Path
) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    target = folder / name
    target.write_bytes(b"previous export")
    with pytest.raises(Cancelled):
        WRITERS[name](snapshot, target, "fr", RecordingProgress(cancel_at=2))
    assert target.read_bytes() == b"previous export"
    assert [p.name for p in folder.iterdir()] == [name]


def test_cancel_of_a_new_export_leaves_no_file(snapshot: RegisterSnapshot, tmp_path: Path) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    with pytest.raises(Cancelled):
        write_register_docx(snapshot, folder / "new.docx", "fr", RecordingProgress(cancel_at=3))
    assert list(folder.iterdir()) == []


def test_a_failure_while_writing_keeps_the_previous_file(
    snapshot: RegisterSnapshot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    target = folder / "register.xlsx"
    target.write_bytes(b"previous export")

    def disk_full(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("exporters._xlsx.write_stable_zip", disk_full)
    with pytest.raises(ExportError, match="No space left on device"):
        write_register_xlsx(snapshot, target, "fr")
    assert target.read_bytes() == b"previous export"
    assert [p.name for p in folder.iterdir()] == ["register.xlsx"]


def test_missing_folder_is_a_clear_error(snapshot: RegisterSnapshot, tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="does not exist"):
        write_subprocessors_csv(snapshot, tmp_path / "nowhere" / "list.csv", "fr")


def test_replaced_file_keeps_its_permissions(snapshot: RegisterSnapshot, tmp_path: Path) -> None:
    target = tmp_path / "list.csv"
    target.write_text("old")
    target.chmod(0o640)
    write_subprocessors_csv(snapshot, target, "fr")
    assert target.stat().st_mode & 0o777 == 0o640
