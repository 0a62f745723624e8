"""Names: of files, as text that can be stored and printed; of organisations, as a person
types them on the command line."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from workbench.domain.records import Organisation


def readable_name(name: str) -> str:
    """A file name whose bytes are not UTF-8 (written on another system: Latin-1 "été") is
    decoded by Python with surrogate escapes, which SQLite and the terminal refuse; each such
    byte becomes U+FFFD, the replacement character, in what is stored and shown (the file
    itself is still opened by its real name)."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def organisation_named(organisations: Iterable[Organisation], name: str) -> Organisation | None:
    """The organisation called `name`, whatever its case and surrounding spaces."""
    wanted = name.strip().casefold()
    return next((o for o in organisations if o.name.casefold() == wanted), None)
