"""`backup`, `restore`, `verify-journal` and `integrity-check`: keeping the register safe."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workbench.cli._common import (
    open_for_reading,
    open_from_args,
    passphrase_from_args,
    print_json,
)
from workbench.domain.errors import BackupError
from workbench.i18n import _

if TYPE_CHECKING:
    from workbench.services import Register


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = subparsers.add_parser(
        "backup", help=_("copy the register aside now (kept with the others)")
    )
    p.add_argument("--keep", type=int, metavar="N", help=_("from now on keep the newest N backups"))
    p.set_defaults(handler=run_backup)

    p = subparsers.add_parser(
        "restore", help=_("list the backups, or replace the register with one of them")
    )
    p.add_argument(
        "backup",
        nargs="?",
        help=_("backup file, or its number in the list (1 = newest); without it, list them"),
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=run_restore)

    p = subparsers.add_parser(
        "verify-journal", help=_("check that no journal entry was altered or removed")
    )
    p.add_argument("--json", action="store_true")
    p.add_argument(
        "--seal", action="store_true", help=_("print the journal's seal, to keep elsewhere")
    )
    p.add_argument(
        "--against",
        metavar="SEAL",
        help=_(
            "check that nothing sealed is missing: a seal, or a .seal file (every backup has one)"
        ),
    )
    p.add_argument(
        "--replay",
        action="store_true",
        help=_(
            "rebuild the records from the journal and list every one that differs from its table"
        ),
    )
    p.set_defaults(handler=run_verify_journal)

    p = subparsers.add_parser(
        "integrity-check", help=_("check the database file itself (SQLite integrity_check)")
    )
    p.set_defaults(handler=run_integrity_check)


def run_backup(args: argparse.Namespace) -> int:
    reg = open_from_args(args)
    try:
        if args.keep is not None:
            reg.set_backup_keep(args.keep)
        target = reg.backup("manual")
    finally:
        reg.close()
    if target is None:
        print(_("This register is not a file: back it up with the database server's tools."))
        return 1
    print(_("Backup written: {path}").format(path=target))
    return 0


def run_restore(args: argparse.Namespace) -> int:
    from workbench.services.register import register_backups, restore_register

    location = _location(args)
    backups = register_backups(location)
    if args.backup is None:
        return _list_backups(backups, args.json)
    chosen = _choose(args.backup, backups)
    saved = restore_register(chosen, location, passphrase_from_args(args))
    print(_("Register restored from {backup}.").format(backup=chosen))
    if saved is not None:
        print(_("The register as it was before is kept as {path}.").format(path=saved))
    return 0


def run_verify_journal(args: argparse.Namespace) -> int:
    seal = _seal_given(args.against) if args.against else None
    reg = open_for_reading(args)
    try:
        report = reg.journal.verify(seal)
        bad = None
        if report.first_bad_entry:
            bad = _describe_entry(reg, report.first_bad_entry)
        differences = reg.journal.replay() if args.replay else []
    finally:
        reg.close()
    if args.json:
        print_json(_report_json(report, differences if args.replay else None))
    else:
        _print_report(report, bad, differences, show_seal=args.seal)
    return 0 if report.ok and not differences else 1


def _seal_given(text: str) -> str:
    """A seal, or the path of a file holding one (the `.seal` beside each backup)."""
    candidate = Path(text).expanduser()
    if not text.startswith("dpo-seal:") and candidate.is_file():
        return candidate.read_text(encoding="utf-8").strip()
    return text


def _report_json(report: Any, differences: list[Any] | None) -> dict[str, Any]:
    payload: dict[str, Any] = {
        "ok": report.ok,
        "entries": report.entries,
        "first_bad_entry": report.first_bad_entry,
        "problem": report.problem or report.seal_problem,
        "seal": report.head.text() if report.ok and report.head else None,
        "version1_entries": report.version1_entries,
    }
    if differences is not None:
        payload["differences"] = [
            {"kind": d.kind.value, "id": d.entity_id, "problem": d.problem, "fields": d.fields}
            for d in differences
        ]
    return payload


def _print_report(report: Any, bad: str | None, differences: list[Any], show_seal: bool) -> None:
    if report.first_bad_entry is not None:
        where = (
            _("Journal entry {id}: ").format(id=report.first_bad_entry)
            if report.first_bad_entry
            else _("Journal: ")
        )
        print(where + report.problem + ".")
        if bad:
            print("  " + bad)
    elif report.seal_problem:
        print(_("Journal not as sealed: {problem}.").format(problem=report.seal_problem))
    else:
        print(
            _("Journal intact: {count} entries, hash chain verified.").format(count=report.entries)
        )
        if report.version1_entries:
            print(
                _(
                    "{count} entries were written before the journal covered labels and "
                    "operations (hash version 1)."
                ).format(count=report.version1_entries)
            )
        if show_seal and report.head is not None:
            print(
                _("Seal (keep it elsewhere; check with --against): {seal}").format(
                    seal=report.head.text()
                )
            )
    for d in differences:
        detail = f" ({', '.join(d.fields)})" if d.fields else ""
        print(f"{d.kind.value} {d.entity_id}: {d.problem}{detail}")


def run_integrity_check(args: argparse.Namespace) -> int:
    reg = open_for_reading(args)
    try:
        if reg.engine.dialect.name != "sqlite":
            print(_("Only a register file can be checked this way."))
            return 1
        problems = reg.integrity_problems()
    finally:
        reg.close()
    if not problems:
        print(_("Database file intact (integrity_check: ok)."))
        return 0
    for line in problems:
        print(line)
    return 1


def _describe_entry(reg: Register, entry_id: int) -> str:
    from sqlalchemy import text

    with reg.context.read() as session:
        row = session.execute(
            text(
                "SELECT at, author, label, entity_kind, entity_id, action "
                "FROM journal_entry WHERE id = :id"
            ),
            {"id": entry_id},
        ).first()
    if row is None:
        return ""
    at, author, label, kind, entity_id, action = row
    return f"{at} {author}: {label} ({action} {kind} {entity_id})"


def _location(args: argparse.Namespace) -> str | Path:
    from workbench.services import default_register_path, demo_register_path

    if args.db:
        return str(args.db)
    return demo_register_path() if getattr(args, "demo", False) else default_register_path()


def _list_backups(backups: list[Path], as_json: bool) -> int:
    if as_json:
        print_json([_backup_info(i, b) for i, b in enumerate(backups, 1)])
        return 0
    if not backups:
        print(_("No backup of this register yet (`dpo-workbench backup` makes one)."))
        return 0
    for number, backup in enumerate(backups, 1):
        info = _backup_info(number, backup)
        print(f"{number:3d}  {info['taken']}  {info['size']:>10}  {backup}")
    print(_("Restore one with `dpo-workbench restore NUMBER` (or its path)."))
    return 0


def _backup_info(number: int, backup: Path) -> dict[str, object]:
    stat = backup.stat()
    taken = dt.datetime.fromtimestamp(stat.st_mtime).astimezone().isoformat(timespec="seconds")
    return {"number": number, "path": str(backup), "taken": taken, "size": stat.st_size}


def _choose(choice: str, backups: list[Path]) -> Path:
    if choice.isdigit():
        number = int(choice)
        if not 1 <= number <= len(backups):
            raise BackupError(
                _("There is no backup number {number} ({count} backups).").format(
                    number=number, count=len(backups)
                )
            )
        return backups[number - 1]
    return Path(choice).expanduser()
