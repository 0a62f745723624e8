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
  changed on another branch, and measured as the importer read them: legal bases met the
  target; names (65/85), non-record rows (35) and countries (7/9) did not. No file of the set
  states a transfer mechanism in a table, so that target is not measured on it. It is no longer
  held out: the rules of round 21's branch issue-14e were written after its misses were known
  (a CSV of several tables of different widths; a table ending at the text under it when a
  table of another shape follows, and a table keyed by country holding no record; "Region" /
  "Regio", "purpose of the processing" and recipients headers in the seven languages; a fiche
  named by its title row; country abbreviations in capitals and a country with a qualifier in
  parentheses), each tested on tables written for it in several languages (test_table_ends.py,
  test_transposed.py, test_mapping.py, test_countries.py); it now meets every target and is
  asserted so. A fourth set, gathered while they were written and not seen by their author, is
  the fresh one.
- held out 4: six files from five publishers in French and English (Hook0's Art. 30 register
  annex, Ryanair's recipients and treatments, Tchap, Qwant, Perplexity), added in round 21 under
  the same rule; the first set whose rows state transfer mechanisms (two files). Its legal bases
  and "no non-record row" meet the targets; names, countries and mechanisms do not, each a strict
  expected failure naming its causes.
- held out 5: eight files from seven publishers in German, English, Spanish and French
  (OpenProject's sub-processors, ApexMail's register in English and Spanish, W3Schools' appendix,
  Emirates', Spotify's, Anthropic's and Bolt's legal-basis tables), added in round 22 by someone
  who did not read the importer's rules, while another branch was changing them; three files
  state a mechanism per row, four a legal basis per row. Measured on main as of af196c8, it
  missed every target (names 43/92, legal bases 12/14 found). It is no longer held out: the
  rules of round 22's branch issue-14p were written after its misses were known, each tested on
  tables written for it in other languages (test_purpose_tables.py ...); the targets it meets
  since are asserted, the others stay strict expected failures naming their causes.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.unit.importers.real_corpus import FileScore, report, score_corpus, total

NAMES, COUNTRIES, MECHANISMS, LEGAL_BASES = 0.98, 0.95, 0.90, 0.90
MIN_FILES = {
    "tuned": 15,
    "held_out_1": 5,
    "held_out_2": 5,
    "held_out_3": 7,
    "held_out_4": 6,
    "held_out_5": 8,
}


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
    earlier = [s for s in scores if s.part not in ("held_out_3", "held_out_4", "held_out_5")]
    empty = {s.name for s in earlier if s.names.found == 0}
    assert empty == set(), report(earlier)


def test_the_third_set_meets_the_targets(scores: list[FileScore]) -> None:
    """Met since the rules of round 21's branch issue-14e, written after the set's misses were
    known (see the module docstring): no longer a held-out measure of those rules."""
    files = part_of(scores, "held_out_3")
    whole = total(files)
    assert whole.legal_bases.wanted >= 40  # enough found rows that the ratios say something
    assert whole.countries.wanted >= 9
    assert whole.extra == [], report(files)
    assert whole.names.ratio >= NAMES, report(files)
    assert whole.countries.ratio >= COUNTRIES, report(files)
    assert whole.legal_bases.ratio >= LEGAL_BASES, report(files)  # its one miss: 'Sopimus'


def _missed(part: str, target: str, reason: str) -> Any:
    """A target the set does not meet: a strict expected failure naming its causes."""
    ordinal = {"held_out_3": "third", "held_out_4": "fourth", "held_out_5": "fifth"}[part]
    ident = f"{ordinal}-{target.replace(' ', '-')}"
    miss = pytest.mark.xfail(strict=True, reason=f"known misses of the {ordinal} set, {reason}")
    return pytest.param(part, target, id=ident, marks=miss)


def targets_met(files: list[FileScore]) -> dict[str, bool]:
    whole = total(files)
    return {
        "legal bases": whole.legal_bases.ratio >= LEGAL_BASES,
        "names": whole.names.ratio >= NAMES,
        "no non-record row": whole.extra == [],
        "countries": whole.countries.ratio >= COUNTRIES,
        "mechanisms": whole.mechanisms.ratio >= MECHANISMS,
    }


FOURTH_SET_TARGETS = [
    # its two misses: Ryanair's "Règlement (CE) n°261/2004 ..." and "L'intérêt légitime de ..."
    pytest.param("held_out_4", "legal bases", id="fourth-legal-bases"),
    # its section rows and continuation rows are not read as records
    pytest.param("held_out_4", "no non-record row", id="fourth-no-non-record-row"),
    _missed(
        "held_out_4",
        "names",
        "55/89 names on the tree with round 21's rules (50/89 before them): "
        "ryanair_destinataires.docx 0/12, no name column in its three tables (their first "
        "headers 'Compagnie Ryanair', 'Fournisseurs de services', 'Tiers' name the kind of "
        "recipient, not a name: the file is refused, 'map one ... in the import wizard'); "
        "perplexity_treatments.csv 0/22, 'Context | Examples of Personal data | Primary Purpose "
        "and Legal Basis' names no column (refused the same way)",
    ),
    _missed(
        "held_out_4",
        "countries",
        "countries 17/19 (hook0_sous_traitants.xlsx, 7/14 before round 21's rules): "
        "'Allemagne (UE) — Cloud peut utiliser infra hors UE' gives DE and EU, and "
        "'République tchèque (UE)' gives EU only (CZ missed)",
    ),
    _missed(
        "held_out_4",
        "mechanisms",
        "mechanisms 0/13 (hook0_sous_traitants.xlsx): the column 'Base de transfert hors UE' "
        "('CCT 2021/914 + DPF', 'CCT 2021/914', 'N/A') is mapped to the yes/no flag "
        "transfer_outside_eea (confidence 0.85), not to the mechanism; Ryanair's 12 rows "
        "stating one are not read at all (no name column)",
    ),
]


FIFTH_SET_TARGETS = [
    # met since issue-14p (was 43/92, now 92/92): a purpose table without an entity column read as
    # treatments, purposes introduced by a sentence ending with ':', a guessed column whose
    # cells do not fit left out with a note instead of refusing the table (test_purpose_tables.py)
    pytest.param("held_out_5", "names", id="fifth-names"),
    # met since issue-14p (was 5): tables announced as not subprocessors hold no record, and a
    # name cell's address after its comma is the address (test_not_records.py,
    # test_name_address.py)
    pytest.param("held_out_5", "no non-record row", id="fifth-no-non-record-row"),
    _missed(
        "held_out_5",
        "countries",
        "countries 19/21 (15/21 before issue-14p: 'EU/EEA' names the EEA, '(EU data)' says whose "
        "data, the storage column's places join the processing ones): ApexMail ES Google and "
        "GitHub give GR too, 'Usuarios con sede en el EEE: EEE' reading the Spanish article 'el' "
        "as Greece's code (14m's rule 'EL is Greece only in capitals' fixes it)",
    ),
    _missed(
        "held_out_5",
        "mechanisms",
        "mechanisms 11/14 (openproject_unterauftragnehmer.docx 2/5, HubSpot's row counted since "
        "its name is read): the column 'Schutz Drittstaatentransfer' ('Standarddatenschutzklauseln "
        "(Art. 46 Abs. 2 lit. c DSGVO)', 'kein Transfer') is mapped to the yes/no flag "
        "transfer_outside_eea (confidence 0.61), so its SCC cells give none; the wording itself "
        "is read ('kein Transfer' through the flag)",
    ),
    # met since issue-14p (was 12/14 found, now 61/61): Bolt's, Emirates' and Claude's rows are
    # read, and Spotify's "* Conformité aux obligations juridiques" (test_several_bases.py)
    pytest.param("held_out_5", "legal bases", id="fifth-legal-bases"),
]


# enough found rows in each late set that its ratios say something: (legal bases wanted,
# countries wanted, names found)
ENOUGH = {"held_out_3": (40, 9, 60), "held_out_4": (30, 14, 45), "held_out_5": (50, 14, 85)}


@pytest.mark.parametrize(("part", "target"), FOURTH_SET_TARGETS + FIFTH_SET_TARGETS)
def test_the_late_sets_against_the_targets(scores: list[FileScore], part: str, target: str) -> None:
    files = part_of(scores, part)
    whole = total(files)
    bases, countries, names = ENOUGH[part]
    assert whole.legal_bases.wanted >= bases
    assert whole.countries.wanted >= countries
    assert whole.names.found >= names
    assert targets_met(files)[target], report(files)
