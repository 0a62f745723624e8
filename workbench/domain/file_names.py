"""File names made from register text: readable, portable, and never one over another.

A letter to "Clinique Sainte-Thérèse" is `…-clinique-sainte-thérèse-…`, not
`…-clinique-sainte-th-r-se-…`: every letter of every script is kept (NFC, so that an accent
typed two ways gives one name), and only what a file system refuses is replaced: the characters
Windows forbids (`<>:"/\\|?*`), control characters, trailing dots and spaces. Names are cut to
a byte length every common file system accepts (255 bytes on ext4, APFS and NTFS alike, minus
room for a counter and a suffix). Two names that still come out equal are told apart by a
counter, and a file already on disk is never taken: the caller gets the next free name.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Set
from pathlib import Path

_FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]+')
_SEPARATORS = re.compile(r"[\s\-_.,;'’()\[\]{}!#$%&+=@^`~]+")
_MAX_STEM_BYTES = 150  # leaves room for "-99", a date and ".docx" well under 255 bytes


def file_stem(text: str, fallback: str) -> str:
    """`text` as a lower-case, hyphenated stem that keeps its letters; `fallback` if none."""
    normal = unicodedata.normalize("NFC", text).lower()
    normal = _FORBIDDEN.sub("-", normal)
    stem = _SEPARATORS.sub("-", normal).strip("-. ")
    encoded = stem.encode("utf-8")[:_MAX_STEM_BYTES]
    stem = encoded.decode("utf-8", errors="ignore").strip("-. ")
    return stem or fallback


def unused_path(
    folder: Path,
    stem: str,
    suffix: str,
    taken: Set[Path] = frozenset(),
    counter: str = "-{n}",
) -> Path:
    """`folder/stem+suffix`, or `stem-2`, `stem-3`… (`counter` says how the number is written,
    e.g. " ({n})" for a copy a person saves): the first that neither exists nor is taken."""
    candidate = folder / f"{stem}{suffix}"
    n = 1
    while candidate in taken or candidate.exists():
        n += 1
        candidate = folder / f"{stem}{counter.format(n=n)}{suffix}"
    return candidate
