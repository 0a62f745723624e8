"""One writer per register file, across processes; readers are welcome."""

from __future__ import annotations

import subprocess
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.processes import child_python
from workbench.domain import Organisation, OrganisationKind
from workbench.domain.errors import ReadOnlyRegisterError, RegisterLockedError
from workbench.services import open_register

WRITER = textwrap.dedent(
    """
    import sys
    from workbench.domain import Organisation, OrganisationKind
    from workbench.services import open_register
    reg = open_register(sys.argv[1], author="colleague")
    reg.organisations.create(Organisation(name="Podalire", kind=OrganisationKind.OWN))
    print("open", flush=True)
    sys.stdin.readline()  # hold the register until told to stop
    reg.organisations.create(Organisation(name="Medaviz", kind=OrganisationKind.OWN))
    reg.close()
    print("closed", flush=True)
    """
)


@pytest.fixture
def other_writer(tmp_path: Path) -> Iterator[subprocess.Popen[str]]:
    with child_python(WRITER, str(tmp_path / "register.sqlite"), ready="open") as child:
        yield child


def test_a_second_writer_gets_a_clear_message(
    tmp_path: Path, other_writer: subprocess.Popen[str]
) -> None:
    with pytest.raises(RegisterLockedError) as refused:
        open_register(tmp_path / "register.sqlite", author="me")
    message = str(refused.value)
    assert "already open for writing" in message
    assert f"process {other_writer.pid}" in message
    assert "database is locked" not in message


def test_read_only_works_while_another_process_writes(
    tmp_path: Path, other_writer: subprocess.Popen[str]
) -> None:
    reader = open_register(tmp_path / "register.sqlite", author="me", read_only=True)
    try:
        assert [o.name for o in reader.organisations.list()] == ["Podalire"]
        with pytest.raises(ReadOnlyRegisterError):
            reader.organisations.create(Organisation(name="X", kind=OrganisationKind.OWN))
        assert reader.backup("manual") is not None  # a reader may still copy the file aside
        assert other_writer.stdin is not None
        assert other_writer.stdout is not None
        other_writer.stdin.write("stop\n")
        other_writer.stdin.flush()
        assert other_writer.stdout.readline().strip() == "closed"
        # The writer's later commit is visible to the reader, without reopening.
        assert sorted(o.name for o in reader.organisations.list()) == ["Medaviz", "Podalire"]
    finally:
        reader.close()
    writer = open_register(tmp_path / "register.sqlite", author="me")  # free again
    writer.close()


@pytest.mark.parametrize("kind", ["hard link", "symlink"])
def test_another_name_of_the_same_file_meets_the_same_lock(
    kind: str, tmp_path: Path, other_writer: subprocess.Popen[str]
) -> None:
    """Keyed by path, the lock let a second writer in through a hard link; SQLite then
    reported "invalid page number" and lost the rows just imported (issue 16)."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    alias = elsewhere / "alias.sqlite"
    if kind == "hard link":
        alias.hardlink_to(tmp_path / "register.sqlite")
    else:
        alias.symlink_to(tmp_path / "register.sqlite")
    with pytest.raises(RegisterLockedError, match="already open for writing"):
        open_register(alias, author="me")
    if kind == "hard link":
        return  # SQLite keeps the write-ahead log beside each name: a reader there sees less
    reader = open_register(alias, author="me", read_only=True)  # reading is still welcome
    try:
        assert [o.name for o in reader.organisations.list()] == ["Podalire"]
    finally:
        reader.close()
