"""Opening a register from the GUI: the passphrase of an encrypted file, read-only when locked.

The questions are plain functions so tests can answer them; the defaults ask with Qt dialogs.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget

from workbench.domain.errors import (
    EncryptedRegisterError,
    ReadOnlyLocationError,
    RegisterLockedError,
    RegisterOpenError,
)
from workbench.i18n import _
from workbench.services import Register, open_register
from workbench.services.register import register_is_encrypted

ATTEMPTS = 3

AskPassphrase = Callable[[QWidget | None, str, bool], str | None]
AskReadOnly = Callable[[QWidget | None, str], bool]


def ask_passphrase(parent: QWidget | None, location: str, retry: bool) -> str | None:
    prompt = (
        _("Wrong passphrase. Passphrase of {path}:")
        if retry
        else _("This register is encrypted. Passphrase of {path}:")
    ).format(path=location)
    text, ok = QInputDialog.getText(
        parent, _("Encrypted register"), prompt, QLineEdit.EchoMode.Password
    )
    return text if ok and text else None


def ask_new_passphrase(parent: QWidget | None) -> str | None:
    """An optional passphrase for a new register: empty means not encrypted (SQLCipher)."""
    text, ok = QInputDialog.getText(
        parent,
        _("New register"),
        _(
            "To encrypt this register on disk (for a laptop that may be lost), type a "
            "passphrase; it will be asked at every opening and cannot be recovered. "
            "Leave empty for no encryption."
        ),
        QLineEdit.EchoMode.Password,
    )
    return text if ok and text else None


def ask_read_only(parent: QWidget | None, message: str) -> bool:
    from ui.plain_text import ask

    return ask(
        parent,
        _("Register in use"),
        _("{message}\n\nOpen it read-only? You will see it but cannot change it.").format(
            message=message
        ),
    )


def open_interactively(
    location: str | Path,
    parent: QWidget | None = None,
    passphrase_prompt: AskPassphrase = ask_passphrase,
    read_only_prompt: AskReadOnly = ask_read_only,
) -> Register:
    """open_register, asking the user what it needs. RegisterOpenError if they give up."""
    text = str(location)
    passphrase = None
    if register_is_encrypted(text):
        passphrase = passphrase_prompt(parent, text, False)
        if passphrase is None:
            raise RegisterOpenError(
                _("No passphrase given: {path} stays closed.").format(path=text)
            )
    for attempt in range(ATTEMPTS):
        try:
            return open_register(text, passphrase=passphrase)
        except EncryptedRegisterError:
            if attempt == ATTEMPTS - 1:
                raise
            passphrase = passphrase_prompt(parent, text, True)
            if passphrase is None:
                raise
        except (RegisterLockedError, ReadOnlyLocationError) as exc:  # another writer, a CD-ROM
            if not read_only_prompt(parent, str(exc)):
                raise
            return open_register(text, read_only=True, passphrase=passphrase)
    raise RegisterOpenError(text)  # pragma: no cover - the loop returns or raises
