"""File names as text that can be stored and printed."""

from __future__ import annotations


def readable_name(name: str) -> str:
    """A file name whose bytes are not UTF-8 (written on another system: Latin-1 "été") is
    decoded by Python with surrogate escapes, which SQLite and the terminal refuse; each such
    byte becomes U+FFFD, the replacement character, in what is stored and shown (the file
    itself is still opened by its real name)."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
