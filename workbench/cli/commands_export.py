"""`export register` and `export subprocessors`: the documents a DPO hands out.

dpo-workbench export register --format docx -o registre.docx --lang fr --as-of 2026-06-30
dpo-workbench export register --format xlsx -o register.xlsx --organisation Podalire
dpo-workbench export subprocessors --format csv -o sous-traitants.csv
dpo-workbench export breaches --format docx -o violations.docx
dpo-workbench export requests --format xlsx -o demandes.xlsx --lang en
dpo-workbench export breach-worksheet 3 -o notification-cnil.docx
dpo-workbench export package -o livraison-cnil-2026-12.zip --for "CNIL"
dpo-workbench verify-package livraison-cnil-2026-12.zip
dpo-workbench export calendar -o deadlines.ics --days 365
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from workbench.cli._common import open_for_reading, open_from_args
from workbench.cli.commands_register import parse_as_of
from workbench.i18n import _
from workbench.services.export_formats import REGISTER_FORMATS, SUBPROCESSOR_FORMATS

if TYPE_CHECKING:
    from exporters.package_manifest import PackageCheck
    from workbench.domain.records import Delivery


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

    p = kinds.add_parser(
        "client-extract",
        help=_("for one controller served: the processing done on its behalf (Art. 30(2))"),
    )
    p.add_argument("--controller", required=True, metavar="NAME")
    p.add_argument("-o", "--output", required=True, type=Path, metavar="FILE")
    p.add_argument("--lang", dest="doc_lang", choices=("fr", "en"))
    p.set_defaults(handler=run_export_client_extract)

    p = kinds.add_parser(
        "package",
        help=_(
            "a sealed package for an auditor: the registers, the subprocessor list, the data "
            "as JSON and a manifest of SHA-256 fingerprints (CNIL LOUTRE format); signed off "
            "in the journal"
        ),
    )
    p.add_argument(
        "-o", "--output", required=True, type=Path, metavar="FOLDER_OR_ZIP",
        help=_("a new folder, or a .zip file; never overwritten"),
    )  # fmt: skip
    p.add_argument("--lang", dest="doc_lang", choices=("fr", "en"))
    p.add_argument("--organisation", metavar="NAME", help=_("only this organisation"))
    p.add_argument(
        "--for", dest="recipient", default="", metavar="RECIPIENT",
        help=_("who receives it (e.g. CNIL), kept with the sign-off"),
    )  # fmt: skip
    p.set_defaults(handler=run_export_package)

    p = subparsers.add_parser(
        "verify-package",
        help=_("check that a package is intact: every file against its manifest fingerprint"),
    )
    p.add_argument("package", type=Path, metavar="FOLDER_OR_ZIP")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=run_verify_package)


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
        if args.as_of is not None:  # the same refusals as `list --as-of`, before any file
            from workbench.services.as_of_service import checked_moment

            checked_moment(reg, args.as_of)
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


def run_export_client_extract(args: argparse.Namespace) -> int:
    from workbench.services.export_service import ExportService

    reg = open_for_reading(args)
    try:
        ExportService(reg).export_client_extract(
            args.output, args.controller, _document_language(args), TerminalProgress()
        )
    finally:
        reg.close()
    print(_("Wrote {path}.").format(path=args.output))
    return 0


def run_export_package(args: argparse.Namespace) -> int:
    from workbench.services.package_attachments import FOLDERS
    from workbench.services.package_service import PackageService

    reg = open_from_args(args)
    try:
        service = PackageService(reg)
        _previous, unsigned = service.changes_since_last_sign_off()
        delivery = service.build(
            args.output,
            locale=_document_language(args),
            organisation=args.organisation,
            recipient=args.recipient,
            progress=TerminalProgress(),
        )
    finally:
        reg.close()
    print(
        _("Wrote {path}: {count} files, signed off by {who} at journal entry {position}.").format(
            path=args.output,
            count=len(delivery.files),
            who=delivery.signed_by,
            position=delivery.journal_position,
        )
    )
    folders = tuple(f"{folder}/" for folder in FOLDERS.values())
    attached = sum(name.startswith(folders) for name in delivery.files)
    print(_("{count} attached file(s) included.").format(count=attached))
    print(_("Manifest SHA-256: {sha}").format(sha=delivery.manifest_sha256))
    print(_("{count} change(s) recorded since the previous package.").format(count=len(unsigned)))
    return 0


def run_verify_package(args: argparse.Namespace) -> int:
    """Exit 0 when every file matches the manifest, 1 when any differs, is missing or added."""
    from workbench.cli._common import print_json

    check, sign_off = _verify(args)
    if args.json:
        print_json(
            {
                "intact": check.intact,
                "manifest_sha256": check.manifest_sha256,
                "files": check.listed,
                "changed": list(check.changed),
                "missing": list(check.missing),
                "unlisted": list(check.unlisted),
                "signed_off_by": sign_off.signed_by if sign_off else None,
                "signed_off_at": sign_off.signed_at.isoformat()
                if sign_off and sign_off.signed_at
                else None,
                "journal_position": sign_off.journal_position if sign_off else None,
            }
        )
        return 0 if check.intact else 1
    for label, names in (
        (_("Changed"), check.changed),
        (_("Missing"), check.missing),
        (_("Not in the manifest"), check.unlisted),
    ):
        for name in names:
            print(f"{label}: {name}")
    if check.intact:
        print(_("Intact: the {count} files match their fingerprints.").format(count=check.listed))
    else:
        print(_("NOT intact: the package is not the one whose manifest it carries."))
    print(_("Manifest SHA-256: {sha}").format(sha=check.manifest_sha256))
    if sign_off is not None:
        print(
            _("Signed off by {who} on {when} (journal entry {position}).").format(
                who=sign_off.signed_by,
                when=sign_off.signed_at.isoformat() if sign_off.signed_at else "?",
                position=sign_off.journal_position,
            )
        )
    elif args.db or args.demo:
        print(_("This register has no sign-off for this manifest."))
    return 0 if check.intact else 1


def _verify(args: argparse.Namespace) -> tuple[PackageCheck, Delivery | None]:
    """The check alone, or with the register's sign-off when a register is named (--db, --demo):
    verifying a package received never needs, nor creates, a register."""
    if not (args.db or args.demo):
        from exporters.package_manifest import verify

        return verify(args.package), None
    from workbench.services.package_service import PackageService

    reg = open_for_reading(args)
    try:
        verified = PackageService(reg).verify(args.package)
    finally:
        reg.close()
    return verified.check, verified.sign_off
