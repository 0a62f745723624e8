"""Private by default (issue 16): the register, its backups and exports are created 0600 (the
backups folder 0700); openpyxl's temporary sheet files of an export are private, written
beside the export rather than in the system's temporary folder, and removed when an export is
interrupted."""

from __future__ import annotations

import stat
import sys
import tempfile
from pathlib import Path

import pytest

from workbench.progress import Cancelled
from workbench.services import Register
from workbench.services.demo import ensure_demo_register
from workbench.services.export_service import ExportService

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def register(tmp_path: Path) -> Register:
    reg = ensure_demo_register(tmp_path / "register" / "register.sqlite", author="test")
    yield reg  # type: ignore[misc]
    reg.close()


def test_register_backups_and_exports_are_created_private(
    register: Register, tmp_path: Path
) -> None:
    assert register.path is not None
    assert mode(register.path) == 0o600
    backup = register.backup("manual")
    assert backup is not None
    assert mode(backup) == 0o600
    assert mode(backup.parent) == 0o700
    out = tmp_path / "out"
    out.mkdir()
    service = ExportService(register)
    service.export_register(out / "register.xlsx", "xlsx")
    service.export_register(out / "register.docx", "docx")
    service.export_subprocessors(out / "list.csv", "csv")
    assert {p.name: mode(p) for p in out.iterdir()} == {
        "register.xlsx": 0o600,
        "register.docx": 0o600,
        "list.csv": 0o600,
    }


class StopHalfWay:
    """Cancels the export once its sheets are being written, noting where their files are."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.seen: dict[str, int] = {}
        self.calls = 0

    def report(self, done: int, total: int, message: str = "") -> None:
        del message
        self.calls += 1
        if done >= total // 2 and not self.seen:
            self.seen = {p.name: mode(p) for p in self.folder.glob(".openpyxl.*")}
            raise Cancelled

    def check_cancelled(self) -> None:
        return None


def test_an_interrupted_export_leaves_no_temporary_sheet(
    register: Register, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Left in the system's temporary folder, they held an encrypted register in plaintext."""
    system_temp = tmp_path / "system-temp"  # this test's own: others' files come and go in /tmp
    system_temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(system_temp))
    out = tmp_path / "out"
    out.mkdir()
    stop = StopHalfWay(out)
    with pytest.raises(Cancelled):
        ExportService(register).export_register(out / "register.xlsx", "xlsx", progress=stop)
    assert stop.seen, "the sheets were being written beside the export"
    assert set(stop.seen.values()) == {0o600}
    assert list(system_temp.iterdir()) == []  # never in the system's temporary folder
    assert list(out.iterdir()) == []  # nor left beside the export
