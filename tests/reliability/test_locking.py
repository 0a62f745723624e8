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
