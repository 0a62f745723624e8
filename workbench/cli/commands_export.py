"""`export register` and `export subprocessors`: the documents a DPO hands out.

dpo-workbench export register --format docx -o registre.docx --lang fr --as-of 2026-06-30
dpo-workbench export register --format xlsx -o register.xlsx --organisation Podalire
dpo-workbench export subprocessors --format csv -o sous-traitants.csv
dpo-workbench export breaches --format docx -o violations.docx
dpo-workbench export requests --format xlsx -o demandes.xlsx --lang en
dpo-workbench export breach-worksheet 3 -o notification-cnil.docx
dpo-workbench export calendar -o deadlines.ics --days 365
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from workbench.cli._common import open_for_reading
from workbench.cli.commands_register import parse_as_of
from workbench.i18n import _
from workbench.services.export_formats import REGISTER_FORMATS, SUBPROCESSOR_FORMATS


class TerminalProgress:
    """Percentages on stderr, only when they change (and only on a terminal)."""

    def __init__(self) -> None:
        self._shown = -1
        self._live = sys.stderr.isatty()

    def report(self, done: int, total: int, message: str = "") -> None:
        percent = 100 * done // total if total else 100
        if self._live and percent != self._shown:
            self._shown = percent
            end = "\n" if percent >= 100 else ""
            print(f"\r{message} {percent:3d}%", end=end, file=sys.stderr, flush=True)

    def check_cancelled(self) -> None:
        return None  # Ctrl+C raises KeyboardInterrupt; the atomic write keeps the old file


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("export", help=_("write the register or the subprocessor list"))
    kinds = parser.add_subparsers(dest="export_kind", metavar="WHAT", required=True)

    p = kinds.add_parser("register", help=_("the Art. 30 register (Word or Excel)"))
    _common_options(p, [f.value for f in REGISTER_FORMATS])
    p.add_argument(
        "--as-of",
        type=parse_as_of,
        metavar="DATE",
        help=_("the register as it stood at the end of DATE (YYYY-MM-DD)"),
    )
    p.set_defaults(handler=run_export_register)

    p = kinds.add_parser("subprocessors", help=_("the list of subprocessors, for publishing"))
    _common_options(p, [f.value for f in SUBPROCESSOR_FORMATS])
    p.set_defaults(handler=run_export_subprocessors)

    p = kinds.add_parser("breaches", help=_("the breach register, Art. 33(5) (Word or Excel)"))
    _common_options(p, [f.value for f in REGISTER_FORMATS])
    p.set_defaults(handler=run_export_log, log="breaches")
    p = kinds.add_parser("requests", help=_("the log of data-subject requests (Word or Excel)"))
    _common_options(p, [f.value for f in REGISTER_FORMATS])
    p.set_defaults(handler=run_export_log, log="requests")
    p = kinds.add_parser(
        "breach-worksheet", help=_("one breach, section by section as the CNIL's online form")
    )
    p.add_argument("id", type=int)
    p.add_argument("-o", "--output", required=True, type=Path, metavar="FILE")
    p.add_argument("--lang", dest="doc_lang", choices=("fr", "en"))
    p.set_defaults(handler=run_export_worksheet)
    from workbench.cli.commands_compliance import add_calendar_export

    add_calendar_export(kinds)


def _common_options(parser: argparse.ArgumentParser, formats: list[str]) -> None:
    parser.add_argument("--format", required=True, choices=formats, dest="fmt")
    parser.add_argument("-o", "--output", required=True, type=Path, metavar="FILE")
    parser.add_argument(
        "--lang",
        dest="doc_lang",
        choices=("fr", "en"),
        help=_("language of the document (default: the --lang given before the command, else fr)"),
    )
    parser.add_argument("--organisation", metavar="NAME", help=_("only this organisation"))


def _document_language(args: argparse.Namespace) -> str:
    return str(args.doc_lang or getattr(args, "lang", None) or "fr")


def run_export_register(args: argparse.Namespace) -> int:
    from workbench.services.export_service import ExportService

    reg = open_for_reading(args)
    try:
        snapshot = ExportService(reg).export_register(
            args.output,
            args.fmt,
            locale=_document_language(args),
            as_of=args.as_of,
            organisation=args.organisation,
            progress=TerminalProgress(),
        )
    finally:
        reg.close()
    print(
        _("Wrote {path}: {treatments} treatments, {subprocessors} subprocessors.").format(
            path=args.output,
            treatments=len(snapshot.treatments),
            subprocessors=len(snapshot.subprocessors),
        )
    )
    return 0


def run_export_subprocessors(args: argparse.Namespace) -> int:
    from workbench.services.export_service import ExportService

    reg = open_for_reading(args)
    try:
        snapshot = ExportService(reg).export_subprocessors(
            args.output,
            args.fmt,
            locale=_document_language(args),
            organisation=args.organisation,
            progress=TerminalProgress(),
        )
    finally:
        reg.close()
    print(
        _("Wrote {path}: {count} subprocessors.").format(
            path=args.output, count=len(snapshot.subprocessors)
        )
    )
    return 0


def run_export_log(args: argparse.Namespace) -> int:
    from workbench.services.log_export_service import LogExportService

    reg = open_for_reading(args)
    try:
        snapshot = LogExportService(reg).export(
            args.log,
            args.output,
            args.fmt,
            locale=_document_language(args),
            organisation=args.organisation,
            progress=TerminalProgress(),
        )
    finally:
        reg.close()
    count = len(snapshot.breaches) if args.log == "breaches" else len(snapshot.requests)
    print(_("Wrote {path}: {count} records.").format(path=args.output, count=count))
    return 0


def run_export_worksheet(args: argparse.Namespace) -> int:
    from workbench.services.log_export_service import LogExportService

    reg = open_for_reading(args)
    try:
        breach = LogExportService(reg).export_worksheet(
            args.id, args.output, _document_language(args)
        )
    finally:
        reg.close()
    print(
        _("Wrote {path}: the worksheet of “{title}”.").format(path=args.output, title=breach.title)
    )
    return 0
