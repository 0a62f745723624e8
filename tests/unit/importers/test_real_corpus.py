"""Recall on the real-file corpus (tests/data/real, README.md there): the issue's targets.

Read, map and build only (no register), about two seconds for the twenty-six files. The table
is printed per set (pytest -s shows it; `python -m tests.unit.importers.real_corpus` lists every
miss). Three sets, measured apart:
- tuned: the files the rules were written on, held to every target;
- held out 1: added after those rules; simple one-table lists, weak evidence of generalising,
  kept to the targets as a guard against regression (their one misspelt country, "United
  Stated", is read since the approximate country rule);
- held out 2: added after the last rule and measured without any change since; held to every
  target. Its one known miss is the names of the Spanish list (socialo_subencargados.csv): no
  column of "Nombre de la Entidad | Actividad del Subencargado | Ubicación | Uso del Producto"
  but the location is in the vocabulary, so the table is refused (3 of 72 names: 95.8 %). The
  names target stays asserted there as a strict expected failure: it turns red when fixed.
- held out 3: seven files from five publishers in Dutch, Spanish, German, French and English,
  added in round 21 by someone who did not read the importer's rules, while they were being
  changed on another branch: measured as the importer reads them. Its legal bases meet the
  target; names, non-record rows and countries do not, each kept as a strict expected failure
  naming its causes (README.md there, and `python -m tests.unit.importers.real_corpus` lists
  every miss). No file of the set states a transfer mechanism in a table, so that target is not
  measured on it.
- held out 4: six files from five publishers in French and English (Hook0's Art. 30 register
  annex, Ryanair's recipients and treatments, Tchap, Qwant, Perplexity), added in round 21 under
  the same rule; the first set whose rows state transfer mechanisms (two files). Its legal bases
  and "no non-record row" meet the targets; names, countries and mechanisms do not, each a strict
  expected failure naming its causes.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.unit.importers.real_corpus import FileScore, report, score_corpus, total

NAMES, COUNTRIES, MECHANISMS, LEGAL_BASES = 0.98, 0.95, 0.90, 0.90
MIN_FILES = {"tuned": 15, "held_out_1": 5, "held_out_2": 5, "held_out_3": 7, "held_out_4": 6}


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
    if part == "tuned":
        assert whole.names.ratio >= NAMES, report(files)


@pytest.mark.xfail(
    strict=True,
    reason="known miss, left unfixed on purpose: the Spanish header 'Nombre de la Entidad' "
    "names no column the importer knows (socialo_subencargados.csv), 69/72 names",
)
def test_the_fresh_set_meets_the_names_target(scores: list[FileScore]) -> None:
    files = part_of(scores, "held_out_2")
    assert total(files).names.ratio >= NAMES, report(files)


def test_the_first_held_out_set_does_not_regress(scores: list[FileScore]) -> None:
    files = part_of(scores, "held_out_1")
    whole = total(files)
    assert whole.extra == []
    assert whole.names.ratio >= NAMES, report(files)
    assert whole.countries.ratio >= COUNTRIES, report(files)
    assert whole.legal_bases.ratio >= LEGAL_BASES, report(files)


def test_every_file_but_the_known_miss_yields_records(scores: list[FileScore]) -> None:
    earlier = [s for s in scores if s.part not in ("held_out_3", "held_out_4")]
    empty = {s.name for s in earlier if s.names.found == 0}
    assert empty == {"socialo_subencargados.csv"}, report(earlier)


def _missed(part: str, target: str, reason: str) -> Any:
    """A target the set does not meet: a strict expected failure naming its causes."""
    ordinal = {"held_out_3": "third", "held_out_4": "fourth"}[part]
    ident = f"{ordinal}-{target.replace(' ', '-')}"
    miss = pytest.mark.xfail(strict=True, reason=f"known misses of the {ordinal} set, {reason}")
    return pytest.param(part, target, id=ident, marks=miss)


THIRD_SET_TARGETS = [
    # its one miss: 'Sopimus' (Finnish)
    pytest.param("held_out_3", "legal bases", id="third-legal-bases"),
    _missed(
        "held_out_3",
        "names",
        "63/85 names: xaiworkspace_grondslagen.csv 0/7, a CSV holding two tables of "
        "different widths (Doel | Rechtsgrondslag, then Land | Ontvangers | Overgedragen "
        "gegevens) is refused whole ('line 6: 2 fields where the header has 3'; its first "
        "table alone reads 7/7); spartoo_treatments.docx 0/9, nine transposed key/value Word "
        "tables (title row, then 'Finalité du traitement | ...', 'Base légale du traitement "
        "| ...') read as row tables; xaiworkspace_subverwerkers.xlsx 9/15, its first table "
        "'Provider | Regio | Beleid voor gegevensbewaring' is not found (no known header)",
    ),
    _missed(
        "held_out_3",
        "no non-record row",
        "34 non-record rows: xaiworkspace_privacidad.ods 11, the table 'Finalidad | Base "
        "legal' does not end at the merged heading under it (headings, sentences, 2 bullet "
        "lines and the 'País | Destinatarios' table's header and 4 country rows read as "
        "treatments); epassi_treatments.ods 17, the 'Version history' table at the end "
        "(header and 16 rows) read as more rows of the treatments table; "
        "spartoo_treatments.docx 6 key/value cells",
    ),
    _missed(
        "held_out_3",
        "countries",
        "countries 7/9 (xaiworkspace_subverwerkers.xlsx): 'Australië (Sydney), US (N. "
        "Virginia)' gives AU only (the 'US' abbreviation before a parenthesis missed) and "
        "'Nederland / VAE' gives NL only (VAE, Dutch for the United Arab Emirates, missed)",
    ),
]


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
        "50/89 names: ryanair_destinataires.docx 0/12, no name column in its three tables "
        "('Compagnie Ryanair', 'Fournisseurs de services', 'Tiers' | 'Type de données ...' | "
        "'Base du transfert en dehors de l'EEE'); perplexity_treatments.csv 0/22, 'Context | "
        "Examples of Personal data | Primary Purpose and Legal Basis' names no column; "
        "tchap_sous_traitants.csv 0/5, 'Partenaire | Traitement réalisé | Pays destinataire | "
        "Garanties' is not taken as a table ('no table with a recognisable header')",
    ),
    _missed(
        "held_out_4",
        "countries",
        "countries 7/14 (hook0_sous_traitants.xlsx): 'France (UE)', 'République tchèque "
        "(UE)', 'Allemagne (UE) — ...' give EU beside the country (BetterStack: EU only), "
        "where 'Frankrijk (EU)' gives FR only",
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


# enough found rows in each late set that its ratios say something: (legal bases wanted,
# countries wanted, names found)
ENOUGH = {"held_out_3": (40, 9, 60), "held_out_4": (30, 14, 45)}


@pytest.mark.parametrize(("part", "target"), THIRD_SET_TARGETS + FOURTH_SET_TARGETS)
def test_the_late_sets_against_the_targets(scores: list[FileScore], part: str, target: str) -> None:
    files = part_of(scores, part)
    whole = total(files)
    bases, countries, names = ENOUGH[part]
    assert whole.legal_bases.wanted >= bases
    assert whole.countries.wanted >= countries
    assert whole.names.found >= names
    assert targets_met(files)[target], report(files)
