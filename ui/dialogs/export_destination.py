"""Where an export is saved: a folder that exists, the last one used, never a file replaced
without asking, and a refusal said in the user's language before anything is written.

The folder is remembered per user (ui/settings.py EXPORT_FOLDER says why). A destination is
checked before the export starts, so that a missing or read-only folder is a sentence naming
it, not the operating system's English error after a progress dialog.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QWidget

from ui.plain_text import Button, ask
from ui.settings import EXPORT_FOLDER, Settings
from workbench.i18n import _

MAX_NAMED_FILES = 5  # an overwrite question names this many files, then counts the rest


def documents_or_home() -> Path:
    """The user's Documents folder when it exists (it may not: a fresh account, a server
    without XDG folders), else the home folder."""
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if location and Path(location).is_dir():
        return Path(location)
    return Path.home()


def default_folder(settings: Settings) -> Path:
    """The folder of the last export if it still exists, else Documents or home."""
    last = settings.get(EXPORT_FOLDER)
    if last and Path(last).is_dir():
        return Path(last)
    return documents_or_home()


def remember_folder(settings: Settings, written: Path) -> None:
    folder = written if written.is_dir() else written.parent
    settings.set(EXPORT_FOLDER, str(folder))


def destination_problem(target: Path, *, folder: bool) -> str | None:
    """Why `target` (a file, or with `folder` a folder created if missing) cannot be written;
    None when it can."""
    if folder:
        if target.exists() and not target.is_dir():
            return _("{path} is a file, not a folder: choose a folder.").format(path=target)
        existing = next(p for p in (target, *target.parents) if p.exists())
    else:
        if target.is_dir():
            return _("{path} is a folder: type a file name in it.").format(path=target)
        existing = target.parent
        if not existing.exists():
            return _("The folder {folder} does not exist: choose an existing folder.").format(
                folder=existing
            )
    if not existing.is_dir():
        return _("{path} is a file, not a folder: choose a folder.").format(path=existing)
    if not os.access(existing, os.W_OK | os.X_OK):
        return _("You cannot write in the folder {folder} (read-only or not yours).").format(
            folder=existing
        )
    return None


def confirm_overwrite(parent: QWidget | None, existing: list[Path]) -> bool:
    """Ask before replacing files that exist, naming them; True when none exists or Yes."""
    if not existing:
        return True
    names = [p.name for p in existing[:MAX_NAMED_FILES]]
    if len(existing) > MAX_NAMED_FILES:
        names.append(_("and {count} more").format(count=len(existing) - MAX_NAMED_FILES))
    if len(existing) == 1:
        text = _("{name} already exists in {folder}. Replace it?").format(
            name=existing[0].name, folder=existing[0].parent
        )
    else:
        text = _("These files already exist in {folder}:\n{names}\nReplace them?").format(
            folder=existing[0].parent, names="\n".join(names)
        )
    # File names are data: `ask` shows them as plain text. No is the default: a slip of Enter
    # must not replace a document.
    return ask(parent, _("Replace the existing file?"), text, default=Button.No)
