"""Treatment tables headed by their purposes, in the seven languages, and a guessed column
whose cells do not fit its field (left out with a note, never refusing the table).

Tables written here as a DPO receives them (a title line above the header, a CSV separated by
";"), read as a new user would."""

from __future__ import annotations

from pathlib import Path

import pytest

from importers import propose_mapping, read_records, read_tables
from importers.mapping import guess_kind, score_header
from importers.model import RecordKind
from workbench.domain.enums import LegalBasis
from workbench.domain.errors import ImportFileError
from workbench.domain.records import Treatment

T = RecordKind.TREATMENTS


def treatment(record: object) -> Treatment:
    assert isinstance(record, Treatment)
    return record


def write_table(path: Path, header: tuple[str, ...], rows: tuple[tuple[str, ...], ...]) -> Path:
    lines = ["Registre / Verzeichnis / Registro", ";".join(header), *(";".join(r) for r in rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


# "We use your personal data to:" | "Legal basis": the purposes introduced by a sentence
SENTENCE_TABLES = {
    "de": ("Wir verwenden Ihre personenbezogenen Daten, um:", "Rechtsgrundlage"),
    "es": ("Utilizamos sus datos personales para:", "Base jurídica"),
    "it": ("Utilizziamo i suoi dati personali per:", "Base giuridica"),
    "pt": ("Utilizamos os seus dados pessoais para:", "Fundamento jurídico"),
    "nl": ("Wij gebruiken uw persoonsgegevens om:", "Rechtsgrond"),
    "en": ("We process your personal data for:", "Legal basis"),
}
SENTENCE_ROWS = (
    ("Gestione delle prenotazioni", "Esecuzione di un contratto"),
    ("Invio della newsletter", "Consenso"),
    ("Obblighi fiscali", "Obbligo legale"),
)


@pytest.mark.parametrize("language", sorted(SENTENCE_TABLES))
def test_a_sentence_header_ending_with_a_colon_introduces_the_purposes(
    tmp_path: Path, language: str
) -> None:
    path = write_table(tmp_path / f"{language}.csv", SENTENCE_TABLES[language], SENTENCE_ROWS)
    table = read_tables(path)[0]
    mapping = propose_mapping(table)
    assert mapping.kind is T
    records = [treatment(r.record) for r in read_records(table, mapping).rows()]
    assert [r.name for r in records] == [r[0] for r in SENTENCE_ROWS]
    assert [r.legal_basis for r in records] == [
        LegalBasis.CONTRACT,
        LegalBasis.CONSENT,
        LegalBasis.LEGAL_OBLIGATION,
    ]


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Nous partageons vos données avec :", "recipients"),
        ("Wir teilen Ihre Daten mit:", "recipients"),
        ("Compartimos sus datos con:", "recipients"),
        ("Wij verwerken uw gegevens voor:", "purpose"),
    ],
)
def test_the_sentence_names_the_field_by_its_verb_and_last_word(header: str, field: str) -> None:
    assert score_header(header, T)[0] == field


@pytest.mark.parametrize(
    "header",
    [
        # a sentence ending otherwise keeps the phrase it contains
        "Base juridique pour l'utilisation des données personnelles :",
        "Rechtsgrundlage für die Nutzung der Daten:",
    ],
)
def test_a_sentence_that_names_the_basis_stays_the_basis(header: str) -> None:
    assert score_header(header, T)[0] == "legal_basis_text"


def test_without_a_colon_a_sentence_is_not_a_header() -> None:
    assert score_header("Wir verwenden Ihre personenbezogenen Daten, um", T)[0] != "purpose"


# "Purpose of processing | Legal basis | Categories of data": no entity column, so treatments
PURPOSE_TABLES = {
    "en": ("Purpose of processing", "Legal Basis", "Categories of Personal Data"),
    "de": ("Zweck der Verarbeitung", "Rechtsgrundlage", "Datenkategorien"),
    "es": ("Finalidad", "Base jurídica", "Categorías de datos"),
    "it": ("Finalità", "Base giuridica", "Categorie di dati"),
}


@pytest.mark.parametrize("language", sorted(PURPOSE_TABLES))
def test_a_purpose_table_without_an_entity_column_is_read_as_treatments(
    tmp_path: Path, language: str
) -> None:
    headers = PURPOSE_TABLES[language]
    assert guess_kind(headers)[0] is T
    rows = tuple((name, basis, "Name, E-Mail") for name, basis in SENTENCE_ROWS)
    path = write_table(tmp_path / f"{language}.csv", headers, rows)
    table = read_tables(path)[0]
    records = list(read_records(table, propose_mapping(table)).rows())
    assert [r.record.name for r in records] == [r[0] for r in SENTENCE_ROWS]


def test_a_purpose_column_beside_a_location_stays_a_subprocessor_list() -> None:
    assert guess_kind(("Purpose of processing", "Legal basis", "Server location"))[0] is not T


# a German register whose "Art der Daten" (kind of data) looks like "Date of the DPIA"
GUESSED = ("Zweck", "Art der Daten", "Rechtsgrundlage")
GUESSED_ROWS = (
    ("Lohnabrechnung", "Name\nBankverbindung", "Gesetzliche Verpflichtung"),
    ("Newsletter", "E-Mail-Adresse", "Einwilligung"),
)


def test_a_guessed_column_whose_cells_do_not_fit_is_left_out_with_a_note(tmp_path: Path) -> None:
    path = tmp_path / "verzeichnis.csv"
    lines = ["Verzeichnis", ";".join(GUESSED)]
    lines += [";".join(f'"{c}"' for c in r) for r in GUESSED_ROWS]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    table = read_tables(path)[0]
    mapping = propose_mapping(table)
    guessed = mapping.columns[1]
    assert (guessed.field, guessed.confidence < 0.85) == ("dpia.done_on", True)
    rows = list(read_records(table, mapping).rows())
    assert [r.record.name for r in rows] == ["Lohnabrechnung", "Newsletter"]
    assert all(treatment(r.record).dpia.done_on is None for r in rows)
    assert all("'Art der Daten'" in r.warnings[0] and "left out" in r.warnings[0] for r in rows)
    assert [treatment(r.record).legal_basis for r in rows] == [
        LegalBasis.LEGAL_OBLIGATION,
        LegalBasis.CONSENT,
    ]


@pytest.mark.parametrize("chosen", [False, True])
def test_a_sure_or_chosen_column_that_does_not_fit_refuses_the_cell(
    tmp_path: Path, chosen: bool
) -> None:
    header = "Art der Daten" if chosen else "Date de l'AIPD"
    path = write_table(tmp_path / "r.csv", ("Finalité", header), (("Paie", "oui"),))
    table = read_tables(path)[0]
    mapping = propose_mapping(table)
    if chosen:  # the person picked the field in the wizard
        mapping = mapping.with_field(1, "dpia.done_on")
    with pytest.raises(ImportFileError) as raised:
        list(read_records(table, mapping).rows())
    message = str(raised.value)
    assert "r.csv" in message
    assert header in message
    assert "row 3" in message
    assert "not a date" in message
