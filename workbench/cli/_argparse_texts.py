"""argparse's own texts ("usage:", "options", its error messages), in the CLI's language.

argparse translates through the standard `gettext` module's global domain, which this
application does not use (its catalogs are chained by `workbench.i18n`). `translated_argparse`
points argparse's lookups at `workbench.i18n` while the command line is parsed; the texts below
are argparse's own message ids (Python 3.11), listed so that the catalog extraction finds them.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager

from workbench.i18n import N_, _, ngettext

ARGPARSE_TEXTS = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("the following arguments are required: %s"),
    N_("unrecognized arguments: %s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("invalid %(type)s value: %(value)r"),
    N_("expected one argument"),
    N_("expected at least one argument"),
    N_("expected at most one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("one of the arguments %s is required"),
    N_("not allowed with argument %s"),
)


@contextmanager
def translated_argparse() -> Iterator[None]:
    module = vars(argparse)
    saved = module["_"], module["ngettext"]
    module["_"], module["ngettext"] = _, ngettext
    try:
        yield
    finally:
        module["_"], module["ngettext"] = saved
