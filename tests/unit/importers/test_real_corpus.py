"""Recall on the real-file corpus (tests/data/real, README.md there): the issue's targets.

Read, map and build only (no register), about two seconds for the twenty-six files. The table
is printed per set (pytest -s shows it; `python -m tests.unit.importers.real_corpus` lists every
miss). Three sets, measured apart:
- tuned: the files the rules were written on, held to every target;
- held out 1: added after those rules; simple one-table lists, weak evidence of generalising,
  kept to the targets as a guard against regression (their one misspelt country, "United
  Stated", is read since the approximate country rule);
- held out 2: added after the last rule of 2026-12-02 and measured first without any change
  (names 69/72: the Spanish list, socialo_subencargados.csv, was refused). It is no longer
  untouched for names and notes: the fix that followed (the delimiter chosen by the table's
  rows, not the intro line's commas; name headers in the seven languages and a name column
  told by its content; contact and "more information" lines under a table read as notes) was
  written while that file was known, though each rule is tested on tables of every language
  (test_name_columns.py). Its countries, mechanisms and bases were measured before any rule
  was changed for them. A third set, added after these rules, is the fresh one.
- held out 3: seven files from five publishers in Dutch, Spanish, German, French and English,
  added in round 21 by someone who did not read the importer's rules, while they were being
  changed on another branch: measured as the importer reads them. Its legal bases meet the
  target; names, non-record rows and countries do not, each kept as a strict expected failure
  naming its causes (README.md there, and `python -m tests.unit.importers.real_corpus` lists
  every miss). No file of the set states a transfer mechanism in a table, so that target is not
  measured on it.
"""

from __future__ import annotations

import pytest

from tests.unit.importers.real_corpus import FileScore, report, score_corpus, total

NAMES, COUNTRIES, MECHANISMS, LEGAL_BASES = 0.98, 0.95, 0.90, 0.90
MIN_FILES = {"tuned": 15, "held_out_1": 5, "held_out_2": 5, "held_out_3": 7}


@pytest.fixture(scope="module")
def scores() -> list[FileScore]:
    results = score_corpus()
    print("\n" + report(results))
    return results


def part_of(scores: list[FileScore], part: str) -> list[FileScore]:
    found = [s for s in scores if s.part == part]
    assert len(found) >= MIN_FILES[part]
    return found


@pytest.mark.parametrize("part", ["tuned", "held_out_2"])
def test_the_tuned_and_the_fresh_sets_meet_the_targets(scores: list[FileScore], part: str) -> None:
    files = part_of(scores, part)
    whole = total(files)
    assert whole.extra == []  # no title, section or note row imported as a record
    assert whole.countries.ratio >= COUNTRIES, report(files)
    assert whole.mechanisms.ratio >= MECHANISMS, report(files)
    assert whole.legal_bases.ratio >= LEGAL_BASES, report(files)
    assert whole.countries.wanted >= 50  # enough rows that the ratio says something
    assert whole.names.ratio >= NAMES, report(files)


def test_the_first_held_out_set_does_not_regress(scores: list[FileScore]) -> None:
    files = part_of(scores, "held_out_1")
    whole = total(files)
    assert whole.extra == []
    assert whole.names.ratio >= NAMES, report(files)
    assert whole.countries.ratio >= COUNTRIES, report(files)
    assert whole.legal_bases.ratio >= LEGAL_BASES, report(files)


def test_every_file_of_the_earlier_sets_yields_records(scores: list[FileScore]) -> None:
    earlier = [s for s in scores if s.part != "held_out_3"]
    empty = {s.name for s in earlier if s.names.found == 0}
    assert empty == set(), report(earlier)


def _known_miss(reason: str) -> pytest.MarkDecorator:
    return pytest.mark.xfail(strict=True, reason=f"known misses of the third set, {reason}")


THIRD_SET_TARGETS = [
    pytest.param("legal bases", id="legal-bases"),  # its one miss: 'Sopimus' (Finnish)
    pytest.param(
        "names",
        id="names",
        marks=_known_miss(
            "63/85 names: xaiworkspace_grondslagen.csv 0/7, a CSV holding two tables of "
            "different widths (Doel | Rechtsgrondslag, then Land | Ontvangers | Overgedragen "
            "gegevens) is refused whole ('line 6: 2 fields where the header has 3'; its first "
            "table alone reads 7/7); spartoo_treatments.docx 0/9, nine transposed key/value Word "
            "tables (title row, then 'Finalité du traitement | ...', 'Base légale du traitement "
            "| ...') read as row tables; xaiworkspace_subverwerkers.xlsx 9/15, its first table "
            "'Provider | Regio | Beleid voor gegevensbewaring' is not found (no known header)"
        ),
    ),
    pytest.param(
        "no non-record row",
        id="no-extra-row",
        marks=_known_miss(
            "34 non-record rows: xaiworkspace_privacidad.ods 11, the table 'Finalidad | Base "
            "legal' does not end at the merged heading under it (headings, sentences, 2 bullet "
            "lines and the 'País | Destinatarios' table's header and 4 country rows read as "
            "treatments); epassi_treatments.ods 17, the 'Version history' table at the end "
            "(header and 16 rows) read as more rows of the treatments table; "
            "spartoo_treatments.docx 6 key/value cells"
        ),
    ),
    pytest.param(
        "countries",
        id="countries",
        marks=_known_miss(
            "countries 7/9 (xaiworkspace_subverwerkers.xlsx): 'Australië (Sydney), US (N. "
            "Virginia)' gives AU only (the 'US' abbreviation before a parenthesis missed) and "
            "'Nederland / VAE' gives NL only (VAE, Dutch for the United Arab Emirates, missed)"
        ),
    ),
]


@pytest.mark.parametrize("target", THIRD_SET_TARGETS)
def test_the_third_set_against_the_targets(scores: list[FileScore], target: str) -> None:
    files = part_of(scores, "held_out_3")
    whole = total(files)
    assert whole.legal_bases.wanted >= 40  # enough found rows that the ratios say something
    assert whole.countries.wanted >= 9
    met = {
        "legal bases": whole.legal_bases.ratio >= LEGAL_BASES,
        "names": whole.names.ratio >= NAMES,
        "no non-record row": whole.extra == [],
        "countries": whole.countries.ratio >= COUNTRIES,
    }
    assert met[target], report(files)
