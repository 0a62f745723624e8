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
  the same rule; the first set whose rows state transfer mechanisms (two files). Measured first,
  its legal bases and "no non-record row" met the targets; names (55/89), countries (17/19) and
  mechanisms (0/13) did not. It is no longer held out: the rules of round 22's branch issue-14m
  were written after those misses were known (a column's content overrules its header when the
  cells plainly hold another typed field; the first column is the names when no header names
  them, its header their section; country names CLDR keeps only as variants, a note after a
  dash; a one-word header a letter off a synonym is another word; typographic apostrophes
  separate words), each tested on tables written for it in other languages
  (test_content_wins.py, test_position_names.py, test_countries.py); it now meets every target.
- held out 5: eight files from seven publishers in German, English, Spanish and French
  (OpenProject's sub-processors, ApexMail's register in English and Spanish, W3Schools' appendix,
  Emirates', Spotify's, Anthropic's and Bolt's legal-basis tables), added in round 22 by someone
  who did not read the importer's rules, while another branch was changing them; three files
  state a mechanism per row, four a legal basis per row. Measured on main as of af196c8, it
  missed every target (names 43/92, legal bases 12/14 found). It is no longer held out: the
  rules of round 22's branch issue-14p were written after its misses were known, each tested on
  tables written for it in other languages (test_purpose_tables.py ...); the targets it meets
  since are asserted, the others stay strict expected failures naming their causes.
- held out 6: seven files from six publishers in Danish, Swedish, French and English (Gaarsdal's
  register of processors, KAMMAREN's register and privacy policy, Cdiscount's transfer table,
  Aegean Airlines', Comptoir des Cotonniers' and Vodafone Ireland's legal-basis tables), added in
  round 22 by someone who did not read the importer's rules, while two other branches were
  changing them; three files state a mechanism per row and Cdiscount's one per transfer, five a
  legal basis per row. Measured on branch issue-14s (issue-14n's tree), it misses every target:
  each is a strict expected failure naming its causes.
- held out 7: seven files from six publishers in German, English and French (Hebelki's list of
  sub-processors and its transfer impact assessment's table, Stakater's list, Air Europa's
  collaborators, Benetton's, Kappa's and Qwen Chat's legal-basis tables), added in round 22 by
  someone who did not read the importer's rules, on branch issue-14u (the integration tree with
  every rule of the round); three files state a transfer tool per row, three a legal basis per
  row. Measured as that tree reads it: the targets it meets are plain parameters, the others
  strict expected failures naming their causes.
- held out 8: five files from five publishers in French, English and German (Orange's, Criteo's,
  Lydia's and Binance's legal-basis tables, Struktora's list of processors), added in round 22 by
  someone who did not read the importer's rules, on branch issue-14x (the integration tree);
  four files state a legal basis per row, one a data location per row (one row naming a transfer
  tool). Measured as that tree reads it, it missed every target. It is no longer held out: the
  rules of branch issue-14r were written after its misses were known (a header about the field
  it names first; a city with its region in parentheses; a transfer tool in a place cell; rows
  whose spanning cells were flattened), each tested on tables written for it in other
  languages; it meets every target since, as the sixth set does (headerless Word fiches named
  by the title above them, "Field | Value" fiches beside another table).
- held out 9: eight files from five publishers in English, Spanish, Dutch, French and German
  (GoalPlate's privacy policy in English and Spanish, a purposes table and a subprocessors
  table; CVeetje's list of sub-processors in Dutch and English, its page's cards as a table with
  a safeguard column, and a BYOK table announced as not sub-processors; SALTO's and SHEIN's
  legal-basis tables; nihito's privacy policy, its purposes and recipients tables, and its
  AVV's annexes), added on 2026-12-03 by someone who did not read the importer's rules, a
  rebuild of a blind ninth set lost with its branch; measured on main as of da3ebc9, it met
  mechanisms and legal bases, and missed names (67/78), non-record rows (22) and countries
  (11/16). It is no longer held out: the rules of branch issue-14g were written after those
  misses were known, each tested on tables written for it in other languages and shapes; it
  meets every target since (names 77/78), asserted so.
- held out 10: nine files from six publishers in Portuguese, Spanish, Italian, German, English and
  French (Eleva.care's list of subprocessors in Portuguese and Spanish and its Portuguese
  legal-basis table, Cloud Temple's authorised sub-processors in Italian and German, The Register's,
  Streamable's and Gofile's legal-basis tables, FlixBus's French list of payment providers), added
  on 2026-12-03 on branch issue-14h (main as of da3ebc9) by someone who did not read the importer's
  rules; the ninth set is another branch's. Measured so: no non-record row, mechanisms 14/14 and
  legal bases 30/30 met; names 52/56 and countries 11/22 missed. It is no longer held out: the
  rules of branch issue-14i were written after those misses were known (a country, a slash, then
  the region holding it; a cloud region's city in the seven languages' spellings; a header whose
  head word is the providers'; a name cell's address and links kept apart; a typed field named
  by a loose likeness no cell holds), each tested on tables written for it in other languages
  and shapes; it meets every target since (names 56/56, countries 22/22), asserted so.
- held out 11: six files from five publishers in Dutch and English (Annex27's Art. 30 register,
  its treatment fiches and a summary of sub-processors, and its privacy page, a purposes table and
  a table of processors; Le Chat's, DeepSeek's, Firefox's and Bumble's legal-basis tables), added
  on 2026-12-03 on branch issue-14j (main as of 093ceff merged with issue-14h) by someone who did
  not read the importer's rules. Measured so: mechanisms 4/4 and legal bases 59/61 met; names
  74/77, non-record rows (9) and countries 6/10 missed. It is no longer held out: the rules of
  branch issue-14k were written after those misses were known, each tested on tables written
  for it in other languages and shapes; countries (10/10) and legal bases (61/61) met since,
  asserted so; names 74/77 and non-record rows (3) stay strict expected failures (Bumble's cells
  opening with a sub-heading: the same shape names the record in five other publishers' files).
- held out 12: six files from six publishers in French, Dutch, German and English (SiteProof's
  Dutch privacy statement, a purposes table and a table of processors; Gidsly's list of
  subprocessors with their host region; Austrian Airlines' chat processors, each with its address
  in the name cell; Adopte's, LoveScout24's and Airbnb's legal-basis tables), added on 2026-12-03
  on branch issue-14m (issue-14j's tree) by someone who did not read the importer's rules.
  Measured so: names 56/56, mechanisms 1/1 and legal bases 31/33 met; one non-record row and
  countries 16/17 missed. On main with the rules of issue-14i and issue-14k (written without this
  set), countries are 17/17, asserted so. It is no longer held out for the rules of branch
  issue-14n, written after its misses were known (a closing heading under a table ends it; the
  performance of an agreement is the contract): no non-record row and legal bases 33/33 since,
  asserted so.
- held out 13: six files from six publishers in English, French, Spanish and Swedish (Brevo's
  annex of sub-processors, Retool's list of subprocessors, Salturno's Spanish list, Digidem Lab's
  Swedish annex, each stating a place per row; Caroll's and Coursera's legal-basis tables), added
  on 2026-12-03 on branch issue-14o (main as of 8734240) by someone who did not read the
  importer's rules nor the import services. Measured so: countries 25/26 and legal bases 20/20
  met; names 47/49 and non-record rows (5) missed; no row states a transfer tool. With the
  closing-heading rule of branch issue-14n (written without this set) its non-record rows are 2.
- held out 14: seven files from five publishers in Dutch, Portuguese, German, Italian and English
  (Dycers' policy in Dutch and Portuguese: purposes and bases, then providers with a place per
  row; Dispocall's German policy: purposes and bases, and recipients whose "Rechtsgrundlage"
  column names the transfer safeguard; S.A.N.E. Italia's purposes and bases; Baton's English list
  of sub-processors, a place per row and a tool in two rows' notes; the Aura App's Portuguese list
  of services, no place column), added on 2026-12-03 on branch issue-14q (main as of eb084ec) by
  someone who did not read the importer's rules nor the import services. Measured so: legal bases
  25/25 met; names 47/66, non-record rows (5), countries 20/22 and mechanisms 1/3 missed. It is
  no longer held out for the rules of branch issue-14r, written after those misses were known,
  each tested on tables written for it in the seven languages and three formats (a service or
  tool column names the records without a provider column; a first "Recipient" column names a
  recipients list; "Prestador" heads the names; a notes or legal-basis cell naming the tool gives
  the mechanism, marked; examples in parentheses and "outside the ..." name no place): names
  66/66, no non-record row, countries 25/25, mechanisms 7/7 and legal bases 33/33 since,
  asserted so.
- held out 15: five files from four publishers in German, Italian and Portuguese (Gewerbeagent's
  German list of sub-processors, a seat, a region and a transfer basis per row; Site Log's German
  list, a place and a transfer basis per row, then recipients announced as not sub-processors;
  Kid Job's Italian notice, purposes and bases, then processors whose place cell names the tool;
  MotoRival's policy in Portuguese and in German, data, purpose and basis), added on 2026-12-03
  on branch issue-14u (main as of 8ac68dd) by someone who did not read the importer's rules nor
  the import services. Measured so: mechanisms 11/11 and legal bases 17/17 met; names 33/36,
  non-record rows (4) and countries 10/15 missed.
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
    "held_out_6": 7,
    "held_out_7": 7,
    "held_out_8": 5,
    "held_out_9": 8,
    "held_out_10": 9,
    "held_out_11": 6,
    "held_out_12": 6,
    "held_out_13": 6,
    "held_out_14": 7,
    "held_out_15": 5,
    "held_out_16": 6,
    "held_out_17": 6,
    "held_out_18": 6,
    "held_out_19": 6,
    "held_out_20": 6,
    "held_out_21": 5,
    "held_out_22": 6,
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
    late = (
        "held_out_3",
        "held_out_4",
        "held_out_5",
        "held_out_6",
        "held_out_7",
        "held_out_8",
        "held_out_9",
        "held_out_10",
        "held_out_11",
        "held_out_12",
        "held_out_13",
        "held_out_14",
        "held_out_15",
        "held_out_16",
        "held_out_17",
        "held_out_18",
        "held_out_19",
        "held_out_20",
        "held_out_21",
        "held_out_22",
    )
    earlier = [s for s in scores if s.part not in late]
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
    assert whole.legal_bases.ratio >= LEGAL_BASES, report(files)  # 'Sopimus' read since 14m


def _missed(part: str, target: str, reason: str) -> Any:
    """A target the set does not meet: a strict expected failure naming its causes."""
    ordinal = {
        "held_out_3": "third",
        "held_out_4": "fourth",
        "held_out_5": "fifth",
        "held_out_6": "sixth",
        "held_out_7": "seventh",
        "held_out_8": "eighth",
        "held_out_9": "ninth",
        "held_out_10": "tenth",
        "held_out_11": "eleventh",
        "held_out_12": "twelfth",
        "held_out_13": "thirteenth",
        "held_out_14": "fourteenth",
        "held_out_15": "fifteenth",
        "held_out_16": "sixteenth",
        "held_out_17": "seventeenth",
        "held_out_18": "eighteenth",
        "held_out_19": "nineteenth",
        "held_out_20": "twentieth",
        "held_out_21": "twenty-first",
        "held_out_22": "twenty-second",
    }[part]
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


# Every target met since round 22's branch issue-14m, whose rules were written after the set's
# misses were known (see the module docstring): tuned since, no longer a held-out measure.
FOURTH_SET_TARGETS = [
    # 57/57 since issue-14i: Ryanair's "Règlement (CE) n°261/2004 ...", an act of the Union
    # cited, is the legal obligation (test_basis_typos_and_acts.py)
    pytest.param("held_out_4", "legal bases", id="fourth-legal-bases"),
    # its section rows and continuation rows are not read as records
    pytest.param("held_out_4", "no non-record row", id="fourth-no-non-record-row"),
    # the first column is the names when no header names them ("Tiers", "Context")
    pytest.param("held_out_4", "names", id="fourth-names"),
    # 'République tchèque (UE)' is CZ; what a dash puts after a place is a note
    pytest.param("held_out_4", "countries", id="fourth-countries"),
    # a transfer-flag header over transfer tools is the mechanism
    pytest.param("held_out_4", "mechanisms", id="fourth-mechanisms"),
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
    # met since issue-14p ('EU/EEA' names the EEA, '(EU data)' says whose data, a storage
    # column's places join the processing ones) with issue-14m ('EL' is Greece only in capitals)
    pytest.param("held_out_5", "countries", id="fifth-countries"),
    # met by issue-14m's rules, written blind to this set: OpenProject's rows now read
    pytest.param("held_out_5", "mechanisms", id="fifth-mechanisms"),
    # met since issue-14p (was 12/14 found, now 61/61): Bolt's, Emirates' and Claude's rows are
    # read, and Spotify's "* Conformité aux obligations juridiques" (test_several_bases.py)
    pytest.param("held_out_5", "legal bases", id="fifth-legal-bases"),
]


SIXTH_SET_TARGETS = [
    # met by issue-14r (was 43/54): a headerless Word fiche is named by the bold title above it
    # (Comptoir, test_fiche_headings.py); "Fält | Värde" fiches under their headings are read
    # beside the sheet's other table (Kammaren, test_fiche_blocks.py)
    pytest.param("held_out_6", "names", id="sixth-names"),
    # met by issue-14t: a copied responsive table's cells read without their column's label
    pytest.param("held_out_6", "no non-record row", id="sixth-no-non-record-row"),
    # met by issue-14t: "EU (Frankfurt)" is DE (a cloud region's city names its country), "EU
    # (Nederländerna)" NL (the region before a country in parentheses qualifies it)
    pytest.param("held_out_6", "countries", id="sixth-countries"),
    # met by issue-14t: Nordic transfer headers, the agreement column naming the tool ("DPA +
    # SCC"), "EU-intern", the activity-keyed recipients table
    pytest.param("held_out_6", "mechanisms", id="sixth-mechanisms"),
    # met by issue-14t: question headers ("What data is used?") and repeated labels read
    pytest.param("held_out_6", "legal bases", id="sixth-legal-bases"),
]


# measured on branch issue-14u (the integration tree with every import rule of round 22);
# every target met since issue-14v
SEVENTH_SET_TARGETS = [
    pytest.param("held_out_7", "names", id="seventh-names"),
    pytest.param("held_out_7", "no non-record row", id="seventh-no-non-record-row"),
    # met by issue-14v (was 16/20): "Geographic Location" and its forms in the seven
    # languages name the location; a cell saying "not applicable" ("SO", "N/A") is no place and
    # is not counted against a place column (test_transfer_wording.py)
    pytest.param("held_out_7", "countries", id="seventh-countries"),
    # met by issue-14v (was 14/16): "Self-Hosted EU" is no transfer outside the EEA; a "Legal
    # basis" column naming transfer tools on a subprocessor list is the mechanism
    pytest.param("held_out_7", "mechanisms", id="seventh-mechanisms"),
    pytest.param("held_out_7", "legal bases", id="seventh-legal-bases"),
]


# measured on branch issue-14x (the integration tree with every import rule of round 22): every
# target missed; every target met since issue-14r, whose rules were written after the misses
# were known (tuned since, no longer a held-out measure)
EIGHTH_SET_TARGETS = [
    # met by issue-14r (was 41/49): rows whose spanning cells were flattened are realigned
    # under their columns (Lydia's shifted rows, and its lone processing under a spanned
    # general purpose; test_row_spans.py)
    pytest.param("held_out_8", "names", id="eighth-names"),
    # met by issue-14r (was 9): a row whose spanning cells were flattened is realigned under its
    # columns, its spanned cells taken from the row above, and a spanned name continues the
    # record above (Lydia's shifted rows, Orange's bullet rows; test_row_spans.py)
    pytest.param("held_out_8", "no non-record row", id="eighth-no-non-record-row"),
    # met by issue-14r (was 3/4): a city with its region in parentheses is the city's country
    # ("Frankfurt (EU)" is DE, as "EU (Frankfurt)"; test_city_and_tool_in_place.py)
    pytest.param("held_out_8", "countries", id="eighth-countries"),
    # met by issue-14r (was 0/1): a place cell naming a transfer tool, on a list without a
    # transfer column, gives the mechanism, marked ("USA + SCC"; test_city_and_tool_in_place.py)
    pytest.param("held_out_8", "mechanisms", id="eighth-mechanisms"),
    # met by issue-14r (was 20/37): a header naming two fields is about the one it names first
    # ("Legal Basis for our use of personal data" is the basis; test_header_subject.py)
    pytest.param("held_out_8", "legal bases", id="eighth-legal-bases"),
]


# measured on main as of da3ebc9, blind (gathered by someone who did not read the importer's
# rules): the targets it meets are plain parameters, the others strict expected failures
NINTH_SET_TARGETS = [
    # met since issue-14g (was 67/78 blind, now 77/78): CVeetje's Dutch Word table, its name
    # column's header empty, was named by its "Verwerkte data" column (0/8; "data processed" in
    # the seven languages names the data, test_data_processed_header.py); nihito's recipients
    # table ("Empfänger | Zweck | Ort") lost AWS and Twilio to a row below taken for its header
    # (the place word, test_place_word.py). Left: nihito's "Anhang 1: Beschreibung der
    # Bearbeitung" fiche ("Merkmal | Beschreibung") is not read as the processing it describes
    pytest.param("held_out_9", "names", id="ninth-names"),
    # met since issue-14g (was 22 blind): CVeetje EN's BYOK table, announced as "not
    # sub-processors of CVeetje", and the page's closing heading and button (5: a repeat of the
    # header under such a heading ends the table, test_not_records_same_columns.py); CVeetje
    # NL's data cells read as names (8: test_data_processed_header.py); SALTO's retention table
    # ("Individus concernés | Données ... concernées | Durée ...", its header and 8 rows) read
    # as treatments (9: a table naming only data holds no record, test_data_only_tables.py,
    # and its headers read, test_data_table_headers.py)
    pytest.param("held_out_9", "no non-record row", id="ninth-no-non-record-row"),
    # met since issue-14g (was 11/16 blind): GoalPlate's "Where" / "Dónde" is its place column
    # (test_place_questions.py); "europe-west4 (Eemshaven, Nederland)" is NL, the parenthesis
    # naming a city and its country after a region (test_region_parentheses.py)
    pytest.param("held_out_9", "countries", id="ninth-countries"),
    # 7/7 found (CVeetje EN's safeguard column: "UK adequacy decision", SCCs, DPF)
    pytest.param("held_out_9", "mechanisms", id="ninth-mechanisms"),
    # 43/43 (GoalPlate EN/ES, SALTO, SHEIN, nihito)
    pytest.param("held_out_9", "legal bases", id="ninth-legal-bases"),
]


# measured on branch issue-14h (main as of da3ebc9) by someone who did not read the import rules:
# no non-record row, mechanisms and legal bases met, names and countries strict expected failures;
# every target met since issue-14i, whose rules were written after the misses were known (tuned
# since, no longer a held-out measure)
TENTH_SET_TARGETS = [
    # met by issue-14i (was 52/56, now 56/56): FlixBus's payment providers, refused whole ("no
    # column holds the name of each record"), are named by the header's head word ("Prestataires
    # de services de paiement"), the address and the link under each name kept apart, and "Modes
    # de paiement", a few letters from "lieu de traitement", is no place (test_provider_names.py)
    pytest.param("held_out_10", "names", id="tenth-names"),
    pytest.param("held_out_10", "no non-record row", id="tenth-no-non-record-row"),
    # met by issue-14i (was 11/22, now 22/22): a country, a slash, then the region that holds it
    # names the country only ("Francia / UE", "Frankreich / EU", "IE/UE";
    # test_country_slash_region.py); a cloud region's city in the seven languages' spellings
    # names its country ("UE (Fráncfort)"; test_region_city_names.py)
    pytest.param("held_out_10", "countries", id="tenth-countries"),
    pytest.param("held_out_10", "mechanisms", id="tenth-mechanisms"),  # 14/14
    pytest.param("held_out_10", "legal bases", id="tenth-legal-bases"),  # 30/30
]


# measured on branch issue-14j (main as of 093ceff merged with issue-14h) by someone who did not
# read the import rules: the targets it meets are plain parameters, the others strict expected
# failures naming the causes seen in the miss listing (python -m tests.unit.importers.real_corpus)
ELEVENTH_SET_TARGETS = [
    # 74/77: Bumble's three purpose cells opening with a sub-heading or a scope line ("Students",
    # "BFF", "Badoo only", then the purpose) named by that first line, not by the purpose after it.
    # Left by issue-14k: a short first line, a blank line, then a sentence is the record's name in
    # Maiia's, Qwant's, Vodafone's, SHEIN's and Legalstart's tables ("Fraude informatique",
    # "Service messages", "Site et application" ...), so no general rule tells Bumble's apart.
    # Measured again by issue-14n: Bumble's first lines have 1, 1, 2 words where the column's
    # other names have 6 or more (ratio 0.17-0.33); Vodafone's 2-4 under 5 (0.4-0.8), SHEIN's 3-4
    # under 5, Legalstart's 3 under 5, Qwant's 4 under 3, Maiia's one-row tables have no column
    # to compare: a threshold would lie between 0.33 and 0.4, one word on one file, a tuned rule
    _missed(
        "held_out_11",
        "names",
        "74/77: Bumble's purpose cells opening with 'Students', 'BFF' or 'Badoo only' named by "
        "that line, not by the purpose under it",
    ),
    # 3 (was 9 blind): Bumble's three rows above, named "Students", "BFF", "Badoo only"; Annex27's
    # data-category table ("Categorie | Voorbeelden | Bron", 6 rows named by their examples)
    # holds no record since issue-14k (test_data_category_tables.py)
    _missed(
        "held_out_11",
        "no non-record row",
        "3: Bumble's 'Students', 'BFF', 'Badoo only' rows",
    ),
    # met since issue-14k (was 6/10 blind): "EU/VS (SCC)", "EU/VS (SCC + DPF)", "EU/VS (SCC,
    # zero-retention)" (Annex27's register and privacy page, two rows each) are EU + US, the
    # Dutch "VS" (Verenigde Staten) read in capitals (test_countries.py)
    pytest.param("held_out_11", "countries", id="eleventh-countries"),
    pytest.param("held_out_11", "mechanisms", id="eleventh-mechanisms"),  # 4/4
    # 61/61 since issue-14k (was 59/61 blind): Firefox's "Compliance with law ... / Legitimate
    # interest ..." is the legal obligation, named first (test_legal_basis.py)
    pytest.param("held_out_11", "legal bases", id="eleventh-legal-bases"),
]


# measured on branch issue-14m (issue-14j's tree: main as of 093ceff merged with issue-14h) by
# someone who did not read the import rules: the targets it meets are plain parameters, the others
# strict expected failures naming the causes seen in the miss listing
TWELFTH_SET_TARGETS = [
    pytest.param("held_out_12", "names", id="twelfth-names"),  # 56/56
    # none since issue-14n (1 blind: Gidsly's "Planned subprocessors" heading, under the table of
    # active subprocessors, its sentence "(None at present. ...)" under it, read as a record): a
    # heading under a table's records that no record follows ends the table (test_closing_headings)
    pytest.param("held_out_12", "no non-record row", id="twelfth-no-non-record-row"),
    # 16/17 as measured on issue-14j's tree: SiteProof's "VS (met EU Standard Contractual
    # Clauses)" read as the EU, the Dutch "VS" (the United States) not placed. Met (17/17) on main
    # once issue-14k's rules were merged: its "VS" in capitals was written for the eleventh set's
    # "EU/VS (SCC)", without this set, so this is a blind measure of that rule on a file it was
    # not written for
    pytest.param("held_out_12", "countries", id="twelfth-countries"),
    pytest.param("held_out_12", "mechanisms", id="twelfth-mechanisms"),  # 1/1
    # 33/33 since issue-14n (31/33 blind): Airbnb's "... nécessaires à la bonne exécution de notre
    # accord avec vous, ..." is the contract, named first (the performance of an agreement in the
    # seven languages, "avec votre accord" consent: test_legal_basis.py)
    pytest.param("held_out_12", "legal bases", id="twelfth-legal-bases"),
]


# measured on branch issue-14o (main as of 8734240) by someone who did not read the import rules
# nor the import services: the targets it meets are plain parameters, the others strict expected
# failures naming the causes seen in the miss listing (python -m tests.unit.importers.real_corpus).
# No row of the set states a transfer tool, so the mechanisms target is not measured on it
THIRTEENTH_SET_TARGETS = [
    # 47/49 as measured: Brevo's "Vonage" and "Silver Line", each with a second line in its name
    # cell ("(optional if Customer uses the SMS feature)", "Group company owned by Sendinblue"),
    # named by both lines joined. 49/49 since issue-14p: a name cell's lines under the name that
    # are a note about the vendor are kept in its notes (subprocessor_cells.is_name_note, tested
    # in test_name_notes.py on tables of the seven languages written for it)
    pytest.param("held_out_13", "names", id="thirteenth-names"),
    # 5 as measured: Brevo's two rows above, named with their note line; Salturno's section
    # heading "Sobre los plazos y garantías" and two hard-wrapped lines of the paragraph under it
    # read as records. 2 since issue-14n's closing-heading rule (written without this set) ends
    # Salturno's table at its heading; 0 since issue-14p names Brevo's rows by their first line
    pytest.param("held_out_13", "no non-record row", id="thirteenth-no-non-record-row"),
    # 25/26 as measured: Salturno's "Unión Europea (España)." read as ES and EU (expected ES, the
    # country in parentheses naming the place inside the region, the sixth set's rule): the final
    # full stop kept the parenthesis from being read. 28/28 since issue-14p (Brevo's two rows
    # found; test_region_parentheses.py: the seven languages, with ".", ";" and none)
    pytest.param("held_out_13", "countries", id="thirteenth-countries"),
    pytest.param("held_out_13", "legal bases", id="thirteenth-legal-bases"),  # 20/20
]


# measured on branch issue-14q (main as of eb084ec) by someone who did not read the import rules
# nor the import services (names 47/66, 5 non-record rows, countries 20/22, mechanisms 1/3, bases
# 25/25). Issue-14r's rules were then written on its misses, each tested on tables written for it
# in the seven languages and three formats (test_service_recipient_notes.py): the set is no
# longer held out for them, and every target is met
FOURTEENTH_SET_TARGETS = [
    # 66/66 since issue-14r (47/66 blind): "Prestador" heads the names (Dycers' Portuguese
    # providers' table, whose header lost to a data row, so its purposes table was swallowed);
    # a first "Empfänger" column names a recipients list (Dispocall); "Serviço" names the
    # records without a provider column (the Aura App's list, refused blind)
    pytest.param("held_out_14", "names", id="fourteenth-names"),
    # none since issue-14r (5 blind: Dispocall's recipients named by their "Zweck" cell)
    pytest.param("held_out_14", "no non-record row", id="fourteenth-no-non-record-row"),
    # 25/25 since issue-14r (20/22 blind): Baton's "(e.g., UK South/West Europe)" lists examples
    # of the regions before it, no other place; "outside the UK/EEA" is a negation, no place
    pytest.param("held_out_14", "countries", id="fourteenth-countries"),
    # 7/7 since issue-14r (1/3 blind): Baton's "Notes" and Dispocall's "Rechtsgrundlage" cells
    # naming the tool ("SCCs/IDTA", "keine Drittlandübermittlung") give the mechanism, marked
    pytest.param("held_out_14", "mechanisms", id="fourteenth-mechanisms"),
    pytest.param("held_out_14", "legal bases", id="fourteenth-legal-bases"),  # 33/33
]


# measured on branch issue-14u (main as of 8ac68dd) by someone who did not read the import rules
# nor the import services: names 33/36, 4 non-record rows, countries 10/15; each miss met since
# by a rule written on tables of the other languages (issue-14 round 29: a seat column beside a
# place column is the address; a dash before a legal entity or an address ends the name; "keine
# Subprozessoren"; "weltweites Netz"; cities of one country in parentheses; the recall's matcher
# takes a name without the products it names in parentheses)
FIFTEENTH_SET_TARGETS = [
    pytest.param("held_out_15", "names", id="fifteenth-names"),  # 36/36
    pytest.param("held_out_15", "no non-record row", id="fifteenth-no-non-record-row"),
    pytest.param("held_out_15", "countries", id="fifteenth-countries"),  # 17/17
    pytest.param("held_out_15", "mechanisms", id="fifteenth-mechanisms"),  # 13/13
    pytest.param("held_out_15", "legal bases", id="fifteenth-legal-bases"),  # 17/17
]


# gathered on branch issue-14w by someone who did not read the import rules nor the import
# services, while main's rules changed (round 29); measured on main as of 6e8f7fa, the rules
# written after the fifteenth set's misses included: names 58/58, 2 non-record rows, countries
# 43/43, mechanisms 12/14, legal bases 15/15; each miss met since by a rule written on tables of
# the other languages (tests/unit/importers/test_wrapped_notes_and_eu_stays.py)
SIXTEENTH_SET_TARGETS = [
    pytest.param("held_out_16", "names", id="sixteenth-names"),  # 58/58
    # none since round 29 (2 blind): a lone line under a note whose sentence is not finished
    # goes on with it (Petit Meme's sentence under its list, saved one line a row)
    pytest.param("held_out_16", "no non-record row", id="sixteenth-no-non-record-row"),
    pytest.param("held_out_16", "countries", id="sixteenth-countries"),  # 43/43
    # 14/14 since round 29 (12/14 blind): "gegevens blijven binnen EU", the data stays in the
    # EU, is no transfer outside the EEA, in the seven languages
    pytest.param("held_out_16", "mechanisms", id="sixteenth-mechanisms"),
    pytest.param("held_out_16", "legal bases", id="sixteenth-legal-bases"),  # 15/15
]


# gathered on branches issue-14x and issue-14y by two people who did not read the import rules
# nor the import services, at the same time, while main's rules changed (round 29); measured on
# main as of 4fec6fd: the targets they meet are plain parameters, the others strict expected
# failures naming their causes (python -m tests.unit.importers.real_corpus)
# since round 29 (rules in test_intro_bases_and_transfer_columns.py): lynox's list is read (an
# intro paragraph saying the self-hosted software "engages no sub-processors" announced it as
# holding none) and its "EU" transfer cells are no transfer (its "EU (France/Germany)" stays EU,
# FR and DE, as "UE (Irlande, Allemagne)" reads by an earlier rule); firmar.ec's "Base de
# licitud" and FitFi's "Rechtsgrond (AVG)" head their purposes tables; Teamdock's "None" under
# "Transfer" is no transfer; FITXAI's "Art. 34.9 ET" is a legal obligation
SEVENTEENTH_SET_TARGETS = [
    pytest.param("held_out_17", "names", id="seventeenth-names"),  # 42/42 (32/42 blind)
    pytest.param("held_out_17", "no non-record row", id="seventeenth-no-non-record-row"),
    pytest.param("held_out_17", "countries", id="seventeenth-countries"),  # 22/23
    pytest.param("held_out_17", "mechanisms", id="seventeenth-mechanisms"),  # 14/14
    _missed(
        "held_out_17",
        "legal bases",
        "15/17 (14/17 blind): FITXAI's 'Art. 90 LOPDGDD / Proporcionalidad' and 'Art. 32 RGPD"
        " (Seguridad)' read as no basis, where the hand read a legal obligation; the import"
        " reads no obligation from the data protection acts themselves (legal_basis.cited_act)",
    ),
]
EIGHTEENTH_SET_TARGETS = [
    pytest.param("held_out_18", "names", id="eighteenth-names"),  # 41/41 (32/41 blind)
    pytest.param("held_out_18", "no non-record row", id="eighteenth-no-non-record-row"),
    pytest.param("held_out_18", "countries", id="eighteenth-countries"),  # 26/26
    pytest.param("held_out_18", "mechanisms", id="eighteenth-mechanisms"),  # 6/6 (5/6 blind)
    pytest.param("held_out_18", "legal bases", id="eighteenth-legal-bases"),  # 14/14
]


# gathered on branch issue-14z by someone who did not read the import rules nor the import
# services, while main's rules changed; measured on main as of fe4d9b5, the rules written after
# the sixteenth, seventeenth and eighteenth sets' misses included
# since round 29 (rules in test_tools_cities_and_service_bases.py): LexAduana's tool-keyed
# purposes table holds treatments named by their purpose, the tool their description; "Servidores
# en París (UE)" is FR, "EEUU" US; CulinaAI's "Art. 49 Abs. 1 lit. a DSGVO" the derogation;
# "Ejecución del servicio" the contract
NINETEENTH_SET_TARGETS = [
    pytest.param("held_out_19", "names", id="nineteenth-names"),  # 54/54 (48/54 blind)
    pytest.param("held_out_19", "no non-record row", id="nineteenth-no-non-record-row"),  # (6)
    pytest.param("held_out_19", "countries", id="nineteenth-countries"),  # 22/22 (17/22 blind)
    pytest.param("held_out_19", "mechanisms", id="nineteenth-mechanisms"),  # 6/6 (5/6 blind)
    pytest.param("held_out_19", "legal bases", id="nineteenth-legal-bases"),  # 30/30 (20/24)
]


# gathered on branch issue-14aa by someone who did not read the import rules nor the import
# services, while main's rules changed; measured on main as of 7bf99d3, the rules written after
# the nineteenth set's misses included
# since round 29 (rules in test_flags_dashes_and_stored_data.py): ONEFLUX's "UE — Frankfurt 🇩🇪"
# is DE, "UE — Francia 🇫🇷" FR, "Dati persistiti esclusivamente in UE" no transfer; Squishbit's
# "EU/US datacenters" EU and US; MuseumLog's "no third-country transfer" no transfer
TWENTIETH_SET_TARGETS = [
    pytest.param("held_out_20", "names", id="twentieth-names"),  # 43/43
    pytest.param("held_out_20", "no non-record row", id="twentieth-no-non-record-row"),
    _missed(
        "held_out_20",
        "countries",
        "21/23 (18/23 blind): MuseumLog's two providers placed only in their safeguard cell"
        " ('(Geoapify GmbH, Germany) with EU hosting', '(US hosting)'), its table having no place"
        " column: the import reads no place from a transfer cell",
    ),
    pytest.param("held_out_20", "mechanisms", id="twentieth-mechanisms"),  # 18/18 (16/18 blind)
    pytest.param("held_out_20", "legal bases", id="twentieth-legal-bases"),  # 15/15
]


# gathered on branch issue-14ab by someone who did not read the import rules nor the import
# services, while main's rules changed; measured on main as of 77d7cdf, every rule of round 29
# included
TWENTY_FIRST_SET_TARGETS = [
    pytest.param("held_out_21", "names", id="twenty-first-names"),  # 44/44
    pytest.param("held_out_21", "no non-record row", id="twenty-first-no-non-record-row"),
    pytest.param("held_out_21", "countries", id="twenty-first-countries"),  # 24/24
    # 8/8 since round 29 (6/8 blind): "Mecanismo de garantía" and its forms in five other
    # languages head the mechanism's column (test_flags_dashes_and_stored_data.py)
    pytest.param("held_out_21", "mechanisms", id="twenty-first-mechanisms"),
    pytest.param("held_out_21", "legal bases", id="twenty-first-legal-bases"),  # 17/17
]


# gathered on branch issue-14ac by someone who did not read the import rules nor the import
# services; measured on main as of a1c94cf, every rule of round 29 included
TWENTY_SECOND_SET_TARGETS = [
    _missed(
        "held_out_22",
        "names",
        "36/39: Communeo's three name cells holding the company and its postal address ('OVH SAS,"
        " 2 rue Kellermann, 59100 Roubaix') were expected whole, where the import keeps the"
        " company as the name and the rest as the address (the corpus's own rule since the fifth"
        " set, and the issue's); 'Netlify, Inc., 101 2nd Street, San Francisco' is cut after the"
        " city, not after 'Inc.'",
    ),
    _missed("held_out_22", "no non-record row", "3: the same three Communeo rows"),
    _missed(
        "held_out_22",
        "countries",
        "12/14 (9/14 blind): Eduskript's 'Frankfurt (`fra`)' and 'Paris (`fr-par`)', a city"
        " with its provider's own region code, read as no place (a city alone is not read)",
    ),
    # 3/3 since round 29 (1/3 blind): 'No aplica (tratamiento dentro del EEE)', the processing
    # within the EEA, is no transfer outside it (test_flags_dashes_and_stored_data.py)
    pytest.param("held_out_22", "mechanisms", id="twenty-second-mechanisms"),
    # 22/22 since round 29 (20/22 blind, the target met): 'Legítimo interesse', the adjective
    # first
    pytest.param("held_out_22", "legal bases", id="twenty-second-legal-bases"),
]


# enough found rows in each late set that its ratios say something: (legal bases wanted,
# countries wanted, names found)
ENOUGH = {
    "held_out_3": (40, 9, 60),
    "held_out_4": (30, 14, 45),
    "held_out_5": (50, 14, 85),
    "held_out_6": (3, 8, 10),
    "held_out_7": (20, 10, 40),
    "held_out_8": (30, 4, 35),
    "held_out_9": (40, 10, 60),
    "held_out_10": (25, 20, 45),
    "held_out_11": (50, 10, 65),
    "held_out_12": (30, 15, 50),
    "held_out_13": (20, 25, 45),
    "held_out_14": (25, 20, 45),
    "held_out_15": (15, 12, 30),
    "held_out_16": (15, 40, 55),
    "held_out_17": (14, 20, 40),
    "held_out_18": (10, 25, 40),
    "held_out_19": (20, 20, 45),
    "held_out_20": (15, 20, 40),
    "held_out_21": (15, 20, 40),
    "held_out_22": (20, 10, 30),
}


@pytest.mark.parametrize(
    ("part", "target"),
    FOURTH_SET_TARGETS
    + FIFTH_SET_TARGETS
    + SIXTH_SET_TARGETS
    + SEVENTH_SET_TARGETS
    + EIGHTH_SET_TARGETS
    + NINTH_SET_TARGETS
    + TENTH_SET_TARGETS
    + ELEVENTH_SET_TARGETS
    + TWELFTH_SET_TARGETS
    + THIRTEENTH_SET_TARGETS
    + FOURTEENTH_SET_TARGETS
    + FIFTEENTH_SET_TARGETS
    + SIXTEENTH_SET_TARGETS
    + SEVENTEENTH_SET_TARGETS
    + EIGHTEENTH_SET_TARGETS
    + NINETEENTH_SET_TARGETS
    + TWENTIETH_SET_TARGETS
    + TWENTY_FIRST_SET_TARGETS
    + TWENTY_SECOND_SET_TARGETS,
)
def test_the_late_sets_against_the_targets(scores: list[FileScore], part: str, target: str) -> None:
    files = part_of(scores, part)
    whole = total(files)
    bases, countries, names = ENOUGH[part]
    assert whole.legal_bases.wanted >= bases
    assert whole.countries.wanted >= countries
    assert whole.names.found >= names
    assert targets_met(files)[target], report(files)
