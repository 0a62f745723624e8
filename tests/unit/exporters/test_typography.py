"""French typography: non-breaking spaces before high punctuation and inside « », "1er"."""

from __future__ import annotations

import datetime as dt

import pytest

from exporters._labels import DocText
from exporters._typography import NBSP, NNBSP, french_spacing, typography


@pytest.mark.parametrize(
    ("written", "printed"),
    [
        ("Adresse : Paris", f"Adresse{NBSP}: Paris"),
        ("Oui ; non ! Vraiment ?", f"Oui{NNBSP}; non{NNBSP}! Vraiment{NNBSP}?"),
        ("« N/A »", f"«{NBSP}N/A{NBSP}»"),
        ("«collé»", f"«{NBSP}collé{NBSP}»"),
        (f"déjà{NBSP}: fait", f"déjà{NBSP}: fait"),
        ("dba: Smsmode", "dba: Smsmode"),  # no space in the source: its text, left alone
        ("https://example.fr 10:30", "https://example.fr 10:30"),
        ("", ""),
    ],
)
def test_french_spacing(written: str, printed: str) -> None:
    assert french_spacing(written) == printed


def test_english_text_is_left_as_it_is() -> None:
    assert typography("en")("Note : yes ?") == "Note : yes ?"
    assert typography("fr")("Note : oui ?") == f"Note{NBSP}: oui{NNBSP}?"


def test_first_of_the_month_is_1er_in_french_only() -> None:
    assert DocText("fr").date(dt.date(2026, 4, 1)) == "1er avril 2026"
    assert DocText("fr").date(dt.date(2026, 4, 2)) == "2 avril 2026"
    assert DocText("fr").date(dt.date(2026, 4, 11)) == "11 avril 2026"
    assert DocText("en").date(dt.date(2026, 4, 1)) == "April 1, 2026"
