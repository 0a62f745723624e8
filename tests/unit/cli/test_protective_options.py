"""The command line protects the user's files (issue 16): --demo keeps to its own file, a
--db that does not exist needs --create, a file that is not a register says so, and
--read-only reads while another process writes."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from tests.processes import child_python
from workbench.cli.main import main
from workbench.services import open_register

pytestmark = pytest.mark.usefixtures("in_language")  # main() switches the language


def cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["--lang", "en", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_demo_with_db_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """It wrote the demo register into the user's empty new.db."""
    target = tmp_path / "new.db"
    target.touch()
    with pytest.raises(SystemExit) as exited:
        main(["--lang", "en", "--db", str(target), "--demo", "list", "subprocessors"])
    assert exited.value.code == 2
    assert "--demo uses its own register file" in capsys.readouterr().err
    assert target.stat().st_size == 0


def test_a_db_that_does_not_exist_needs_create(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A mistyped path silently created a new empty register, and its folders."""
    typo = tmp_path / "Registre" / "registre.sqlite"
    code, _out, err = cli(capsys, "--db", str(typo), "list", "treatments")
    assert code == 2
    assert f"{typo} does not exist" in err
    assert "--create" in err
    assert not typo.parent.exists()
    assert cli(capsys, "--db", str(typo), "--create", "list", "treatments")[0] == 0
    assert typo.is_file()
    assert cli(capsys, "--db", str(typo), "list", "treatments")[0] == 0  # exists now


def test_the_default_register_is_created_on_first_use(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    code, _out, err = cli(capsys, "list", "treatments")
    assert (code, err) == (0, "")
    assert (tmp_path / "data" / "dpo-workbench" / "register.sqlite").is_file()


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [
        ("some.csv", b"Subcontractor name;Server location\nOVH;France\n", "a text file"),
        ("list.xlsx", b"PK\x03\x04" + b"\x00" * 100, "a zip archive"),
        ("notes.bin", b"\x01\x02\xff\xfe" * 100 + b"\x00", "not a database file"),
    ],
)
def test_a_file_that_is_not_a_register_says_so(
    name: str, content: bytes, kind: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """It said "encrypted (or damaged)"."""
    path = tmp_path / name
    path.write_bytes(content)
    code, _out, err = cli(capsys, "--db", str(path), "list", "treatments")
    assert code == 2
    assert f"{path} is not a DPO Workbench register: it is {kind}" in err
    assert "encrypted" not in err
    assert path.read_bytes() == content


WRITER = textwrap.dedent(
    """
    import sys
    from workbench.services import open_register
    reg = open_register(sys.argv[1], author="colleague")
    print("open", flush=True)
    sys.stdin.readline()
    """
)


def test_read_only_while_another_process_writes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """With a writer active, `list`, `check` and `import --undo` were refused, and the message
    said "open the register read-only" while the CLI had no option to do so."""
    db = tmp_path / "register.sqlite"
    open_register(db, author="me").close()
    with child_python(WRITER, str(db), ready="open"):
        for command in (["list", "treatments"], ["check"], ["--read-only", "check"]):
            code, _out, err = cli(capsys, "--db", str(db), *command)
            assert (code, err) == (0, ""), err
        code, _out, err = cli(capsys, "--db", str(db), "import", "--undo")
        assert code == 2
        assert "already open for writing" in err
        assert "--read-only" in err
        source = tmp_path / "list.csv"
        source.write_text("Subcontractor name;Server location\nOVH;France\n", encoding="utf-8")
        code, _out, err = cli(
            capsys, "--db", str(db), "--read-only", "import", str(source), "--organisation", "P"
        )
        assert code == 2
        assert "This register is open read-only (with --read-only" in err
