"""The GUI asks what opening a register needs: a passphrase, or whether to read only."""

from __future__ import annotations

import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from PySide6.QtWidgets import QWidget

from tests.processes import child_python
from ui.register_opener import open_interactively
from workbench.domain import Organisation
from workbench.domain.errors import (
    EncryptedRegisterError,
    ReadOnlyRegisterError,
    RegisterLockedError,
    RegisterOpenError,
)
from workbench.services import open_register

pytestmark = pytest.mark.gui

HOLDER = textwrap.dedent(
    """
    import sys
    from workbench.services import open_register
    reg = open_register(sys.argv[1], author="colleague")
    print("open", flush=True)
    sys.stdin.readline()
    reg.close()
    """
)


def _answers(*replies: str | None) -> tuple[list[bool], object]:
    asked: list[bool] = []
    queue = list(replies)

    def prompt(_parent: QWidget | None, _location: str, retry: bool) -> str | None:
        asked.append(retry)
        return queue.pop(0)

    return asked, prompt


def _encrypted_register(path: Path) -> None:
    register = open_register(path, passphrase="correct horse")  # noqa: S106 - a test key
    register.organisations.create(Organisation(name="Podalire"))
    register.close()


def test_an_encrypted_register_asks_again_after_a_wrong_passphrase(
    qapp: object, tmp_path: Path
) -> None:
    path = tmp_path / "secret.sqlite"
    _encrypted_register(path)
    asked, prompt = _answers("wrong", "correct horse")
    register = open_interactively(path, passphrase_prompt=prompt)  # type: ignore[arg-type]
    try:
        assert [o.name for o in register.organisations.list()] == ["Podalire"]
    finally:
        register.close()
    assert asked == [False, True]


def test_giving_up_on_the_passphrase_keeps_the_register_closed(
    qapp: object, tmp_path: Path
) -> None:
    path = tmp_path / "secret.sqlite"
    _encrypted_register(path)
    _asked, prompt = _answers(None)
    with pytest.raises(RegisterOpenError):
        open_interactively(path, passphrase_prompt=prompt)  # type: ignore[arg-type]
    _asked, prompt = _answers("no", "nope", "still no")
    with pytest.raises(EncryptedRegisterError):
        open_interactively(path, passphrase_prompt=prompt)  # type: ignore[arg-type]


@pytest.fixture
def held_register(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "shared.sqlite"
    open_register(path).close()
    with child_python(HOLDER, str(path), ready="open"):
        yield path


def test_a_register_in_use_opens_read_only_when_the_user_agrees(
    qapp: object, held_register: Path
) -> None:
    questions: list[str] = []

    def agree(_parent: QWidget | None, message: str) -> bool:
        questions.append(message)
        return True

    register = open_interactively(held_register, read_only_prompt=agree)
    try:
        assert "already open for writing" in questions[0]
        assert register.organisations.list() == []
        with pytest.raises(ReadOnlyRegisterError):
            register.organisations.create(Organisation(name="Medaviz"))
    finally:
        register.close()
    with pytest.raises(RegisterLockedError):
        open_interactively(held_register, read_only_prompt=lambda _p, _m: False)


def test_a_new_register_can_be_created_encrypted(
    window: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui import main_actions
    from ui.main_window import MainWindow
    from workbench.services.register import register_is_encrypted

    assert isinstance(window, MainWindow)
    target = tmp_path / "laptop.sqlite"
    monkeypatch.setattr(window, "choose_register_file", lambda create: target)
    monkeypatch.setattr(main_actions, "ask_new_passphrase", lambda _parent: "correct horse")
    window.actions_.new_register_file()
    assert window.register.path == target
    assert window.register.encrypted
    window.register.organisations.create(Organisation(name="Clinique"))
    assert register_is_encrypted(target)
    assert b"Clinique" not in target.read_bytes()
