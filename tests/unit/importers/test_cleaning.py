from __future__ import annotations

import re

import pytest

from importers.cleaning import (
    SOFT_HYPHEN,
    SPACES,
    _needs_cleaning,
    clean_text,
    fold,
    html_to_lines,
    parse_bool,
    split_values,
)


def test_html_fragment_of_the_seed_becomes_lines_with_italics_marked() -> None:
    cell = "Gestion de compte Patient <i>Création, gestion et suppression du compte Patient.</i>"
    assert html_to_lines(cell) == [
        ("Gestion de compte Patient", False),
        ("Création, gestion et suppression du compte Patient.", True),
    ]


def test_paragraphs_entities_nbsp_and_soft_hyphens_are_cleaned() -> None:
    cell = "<p>Intérêt&nbsp;légitime.</p>\n<p>Con\u00adsen\u00adtement\u00a0:  oui</p>"
    assert clean_text(cell) == "Intérêt légitime.\nConsentement : oui"


def test_inline_bullet_list_of_the_seed_gives_one_value_each() -> None:
    cell = '<ul style="list-style-type: none"> - Civilité, - Nom, - Prénom, - NIR (facultatif). '
    assert split_values(cell) == ("Civilité", "Nom", "Prénom", "NIR (facultatif)")


@pytest.mark.parametrize("bullet", ["- ", "• ", "– "])
def test_each_bullet_style_separates_lines(bullet: str) -> None:
    assert split_values(f"{bullet}Email\n{bullet}Numéro de mobile") == ("Email", "Numéro de mobile")


def test_a_sentence_with_commas_stays_one_value() -> None:
    text = "Identification data (first name, last name, identifier)"
    assert split_values(text) == (text,)


def test_lead_in_then_dashed_items_on_one_line() -> None:
    values = split_values(
        "Historique des rendez-vous incluant : – Civilité, nom, – Motif du rendez-vous"
    )
    assert values == (
        "Historique des rendez-vous incluant :",
        "Civilité, nom",
        "Motif du rendez-vous",
    )


def test_fold_ignores_case_accents_and_punctuation() -> None:
    assert (
        fold("  DURÉE de conservation ! ")
        == fold("duree de CONSERVATION")
        == "duree de conservation"
    )


@pytest.mark.parametrize(("text", "expected"), [("Oui", True), ("no", False), ("peut-être", None)])
def test_parse_bool(text: str, expected: bool | None) -> None:
    assert parse_bool(text) is expected


@pytest.mark.parametrize(
    "text", ["x < y > z", "<Nom du patient>", "débit <100 Mo> garanti", "a<b", "2 <3 et 4> 1"]
)
def test_text_that_merely_contains_angle_brackets_is_kept(text: str) -> None:
    assert clean_text(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<script>alert(1)</script>", "alert(1)"),
        ("<IMG src=x onerror=alert(1)>y", "y"),
        ('<span style="a>b">t</span>', "t"),
        ("<b>Nom</b><br/>Prénom", "Nom\nPrénom"),
    ],
)
def test_real_markup_is_still_removed(text: str, expected: str) -> None:
    assert clean_text(text) == expected


def test_clean_text_returns_a_clean_text_as_it_is_and_cleans_the_others_as_before() -> None:
    """The fast path (nothing to clean: the text itself) agrees with the full cleaning on
    random texts of the characters it looks for."""
    import random

    from importers.cleaning import _MULTI_SPACE, normalise_spaces, strip_markup

    def full(text: str) -> str:
        text = normalise_spaces(strip_markup(text))
        lines = (_MULTI_SPACE.sub(" ", line).strip() for line in text.split("\n"))
        return "\n".join(line for line in lines if line)

    pieces = ["a", "é", " ", "  ", "\n", "\t", "\r", "\u00a0", "\u00ad", "\u2003", "\x0b"]
    pieces += ["\u2028", "\x85", "\u200b", "\ufeff", "<p>", "<b>x</b>", "&amp;", "&", "<Nom>"]
    chosen = random.Random(18)
    for _ in range(5_000):
        text = "".join(chosen.choice(pieces) for _ in range(chosen.randint(1, 8)))
        assert clean_text.__wrapped__(text) == full(text), repr(text)
    assert clean_text("Traitement 000042") == "Traitement 000042"


# the one pattern the tests of `_needs_cleaning` replaced (issue 18: 5 µs a distinct cell)
_ONE_PATTERN = re.compile("[<&\t\r" + "".join([SOFT_HYPHEN, *SPACES]) + r"]|  |\A\s|\s\Z|\s\n|\n\s")


@pytest.mark.parametrize(
    "text",
    [
        "Gestion de compte Patient n° 12: création, gestion et suppression du compte.",
        "Traitement 000123",
        " Nom",
        "Nom ",
        "Nom\u3000",
        "Nom  du",
        "Nom\tdu",
        "Nom\ndu",
        "Nom \ndu",
        "Nom\n du",
        "Nom\n\ndu",
        "Nom\r\ndu",
        "a < b",
        "R&D",
        "Nom\u00a0du",
        "in\u00adformatique",
        "\u200bNom",
        "Nom\u2028du",
        "x",
    ],
)
def test_a_text_needs_cleaning_as_the_one_pattern_said(text: str) -> None:
    assert _needs_cleaning(text) is bool(_ONE_PATTERN.search(text))
