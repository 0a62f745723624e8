"""Entry point of `dpo-workbench` and `python -m workbench`.

Bare, it opens the desktop window; with a subcommand it works headless. The GUI is loaded by
name at run time so that the core never imports Qt (see the import-linter contracts).
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from workbench.cli._argparse_texts import translated_argparse
from workbench.domain.errors import WorkbenchError
from workbench.i18n import SUPPORTED_LOCALES, _, setup_i18n

COMMAND_MODULES = ("workbench.cli.commands_register",)
OPTIONAL_COMMAND_MODULES = (
    "workbench.cli.commands_import",
    "workbench.cli.commands_export",
    "workbench.cli.commands_compliance",
    "workbench.cli.commands_maintenance",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="dpo-workbench",
        description=_(
            "Register of processing activities and subprocessors for a DPO. "
            "Without a command, opens the desktop application."
        ),
    )
    add_global_options(parser)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES + OPTIONAL_COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue
        module.register(subparsers)
    return parser


def add_global_options(parser: argparse.ArgumentParser) -> None:
    """The options that come before the command."""
    parser.add_argument(
        "--db",
        metavar="PATH_OR_URL",
        help=_("register file (default: the one in your user data folder) or a SQLAlchemy URL"),
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help=_("use the demo register (the seed documents), created on first use"),
    )
    parser.add_argument(
        "--passphrase-file",
        metavar="FILE",
        help=_(
            "file holding the passphrase of an encrypted register (or set WORKBENCH_PASSPHRASE)"
        ),
    )
    parser.add_argument(
        "--create",
        action="store_true",
        help=_("create the register file given with --db if it does not exist yet"),
    )
    parser.add_argument(
        "--read-only",
        action="store_true",
        help=_(
            "open the register read-only (while another process writes to it, or from a "
            "read-only disk); commands that write are refused"
        ),
    )
    parser.add_argument("--author", help=_("name recorded in the journal (default: your OS user)"))
    parser.add_argument("--lang", choices=SUPPORTED_LOCALES, help=_("language of messages"))


def cli_language(argv: Sequence[str]) -> str:
    """The language of help and messages: --lang, else WORKBENCH_LANG, else the system's
    (LC_ALL, LC_MESSAGES, LANG, as gettext reads them): French for fr_*, English otherwise.
    Known before the parser is built, so that its help is in that language too."""
    # only the --lang given before the command: `export --lang` is the document's language
    before_command = argparse.ArgumentParser(add_help=False)
    add_global_options(before_command)
    before_command.add_argument("command_and_its_arguments", nargs=argparse.REMAINDER)
    given, _unknown = before_command.parse_known_args(argv)
    if given.lang:
        return str(given.lang)
    chosen = os.environ.get("WORKBENCH_LANG", "")
    if chosen in SUPPORTED_LOCALES:
        return chosen
    system = next(
        (os.environ[v] for v in ("LC_ALL", "LC_MESSAGES", "LANG") if os.environ.get(v)), ""
    )
    return "fr" if system.lower().startswith("fr") else "en"


def main(argv: Sequence[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):  # a non-UTF-8 file name printed, not a crash
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")
    arguments = list(sys.argv[1:] if argv is None else argv)
    language = cli_language(arguments)
    setup_i18n(language if language in SUPPORTED_LOCALES else "en")  # argparse rejects others
    with translated_argparse():
        parser = build_parser()
        args = parser.parse_args(arguments)
        if args.demo and args.db:  # the demo once filled a user's empty new register
            parser.error(_("--demo uses its own register file: it cannot be combined with --db"))
    if args.command is None:
        gui = importlib.import_module("ui.app")
        forced = bool(args.lang) or os.environ.get("WORKBENCH_LANG", "") in SUPPORTED_LOCALES
        return int(gui.run(db=args.db, demo=args.demo, language=language, forced_language=forced))
    try:
        return int(args.handler(args))
    except WorkbenchError as exc:
        print(_("dpo-workbench: error: {problem}").format(problem=exc), file=sys.stderr)
        return 2
    except BrokenPipeError:
        # The reader (`| head`) closed early: stop quietly, as Unix tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        print(_("dpo-workbench: interrupted; nothing was written."), file=sys.stderr)
        return 130
    except Exception as exc:
        from workbench.cli._faults import describe_fault

        problem = describe_fault(exc)  # disk full, read-only...: a sentence, not a traceback
        if problem is None:
            raise
        print(_("dpo-workbench: error: {problem}").format(problem=problem), file=sys.stderr)
        return 2


if __name__ == "__main__":
    raise SystemExit(main())
