"""Helpers shared by the subcommands: opening the register the options name, printing."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workbench.domain.errors import RegisterOpenError

if TYPE_CHECKING:
    from collections.abc import Iterable

    from workbench.services import Register
    from workbench.storage.plain_reader import PlainRegister

# Every import that is not needed to build the parser waits for the command that uses it
# (`--help` and `list` must not pay for SQLAlchemy, Alembic, the readers and the writers).

PASSPHRASE_ENV = "WORKBENCH_PASSPHRASE"  # noqa: S105 - the name of a variable, not a secret


def passphrase_from_args(args: argparse.Namespace) -> str | None:
    """An encrypted register's passphrase: --passphrase-file, else $WORKBENCH_PASSPHRASE."""
    file = getattr(args, "passphrase_file", None)
    if file:
        try:
            return Path(file).read_text(encoding="utf-8").rstrip("\r\n")
        except (OSError, UnicodeDecodeError) as exc:
            raise RegisterOpenError(f"Cannot read the passphrase file {file}: {exc}") from exc
    return os.environ.get(PASSPHRASE_ENV) or None


def open_from_args(args: argparse.Namespace, read_only: bool = False) -> Register:
    from workbench.services import demo_register_path, open_register

    if getattr(args, "demo", False):
        from workbench.services.demo import ensure_demo_register

        register: Register = ensure_demo_register(
            args.db or demo_register_path(), author=args.author
        )
        return register
    _refuse_a_missing_file(args)
    return open_register(
        args.db,
        author=args.author,
        read_only=read_only or getattr(args, "read_only", False),
        passphrase=passphrase_from_args(args),
    )


def _refuse_a_missing_file(args: argparse.Namespace) -> None:
    """A --db file that does not exist is created only with --create: a mistyped path silently
    became a new empty register (and its folders). The default register is created on first
    use, as the desktop application does."""
    if not args.db or getattr(args, "create", False):
        return
    from workbench.storage.engine import database_url, sqlite_path

    path = sqlite_path(database_url(args.db))
    if path is not None and not path.exists():
        raise RegisterOpenError(
            f"{path} does not exist. Check the path, or add --create to create a new "
            "register there."
        )


def open_for_reading(args: argparse.Namespace) -> Register:
    """For a command that only reads: read-only if asked (--read-only), or when the register
    cannot be opened for writing right now (another process writes, a read-only file system)."""
    from workbench.domain.errors import ReadOnlyLocationError, RegisterLockedError

    if getattr(args, "read_only", False):
        return open_from_args(args, read_only=True)
    try:
        return open_from_args(args)
    except (RegisterLockedError, ReadOnlyLocationError):
        return open_from_args(args, read_only=True)


def open_reader(args: argparse.Namespace) -> Register | PlainRegister:
    """For `list` and `show`: the register file read with plain sqlite3, without importing
    SQLAlchemy, when that reads it exactly as opening it would (workbench.storage.plain_reader:
    a plain file at this version's revision); else the register opened for reading."""
    if _plain_readable(args):
        from workbench.storage.locations import default_register_path
        from workbench.storage.plain_reader import open_plain_register

        plain = open_plain_register(
            Path(args.db).expanduser().resolve() if args.db else default_register_path()
        )
        if plain is not None:
            return plain
    return open_for_reading(args)


def _plain_readable(args: argparse.Namespace) -> bool:
    """Not the demo (created on first use), not a database server, not encrypted."""
    if getattr(args, "demo", False) or passphrase_from_args(args) is not None:
        return False
    return not args.db or "://" not in str(args.db)


def print_json(payload: Any) -> None:
    json.dump(payload, sys.stdout, ensure_ascii=False, indent=2, sort_keys=False)
    sys.stdout.write("\n")


def print_json_array(items: Iterable[Any]) -> None:
    """What `print_json(list(items))` prints, written item by item: the list (one dict per
    finding of a 100k register) is never held whole in memory."""
    out = sys.stdout
    first = True
    for item in items:
        text = json.dumps(item, ensure_ascii=False, indent=2, sort_keys=False)
        out.write(("[\n  " if first else ",\n  ") + text.replace("\n", "\n  "))
        first = False
    out.write("[]\n" if first else "\n]\n")


def records_json(records: list[Any]) -> list[dict[str, Any]]:
    from workbench.domain import codec

    return [codec.to_dict(r) for r in records]


def print_table(headers: list[str], rows: list[list[str]]) -> None:
    widths = [len(h) for h in headers]
    for row in rows:
        for i, cell in enumerate(row):
            widths[i] = min(max(widths[i], len(cell)), 60)
    line = "  ".join(h.ljust(widths[i]) for i, h in enumerate(headers))
    print(line)
    print("  ".join("-" * w for w in widths))
    for row in rows:
        print("  ".join(_cut(cell, widths[i]).ljust(widths[i]) for i, cell in enumerate(row)))


def _cut(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
