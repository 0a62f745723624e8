"""Rules written after the seventeenth and eighteenth held-out sets' misses, each on tables of
other languages than the files they were seen in:

- a long paragraph above a table saying something else "engages no sub-processors" does not
  announce the table as holding none; a sentence pointing at the rows below still does;
- a legal-basis header followed by the law's name ("Base légale (RGPD)", "Rechtsgrundlage
  (DSGVO)", "Base giuridica (GDPR)") is the legal basis, and the Spanish-speaking laws' words
  ("base de licitud", "base de legitimación") name it too;
- a transfer column naming no tool but the EU, the EEA or EEA countries alone, or "None" under a
  header naming the transfer itself, is no transfer outside the EEA (GDPR Art. 44), marked;
- an article of a national act obliging to keep records ("§ 257 HGB", "art. 286 CGI") is a legal
  obligation (Art. 6(1)(c)), marked.
"""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from importers import propose_mapping, read_records, read_tables
from importers.legal_basis import law_citation_note, parse_legal_basis
from importers.transfers import parse_mechanism
from tests.unit.importers.place_tables import csv_subprocessors, names_read, sheet_subprocessors
from workbench.domain.enums import LegalBasis, TransferMechanism
from workbench.domain.records import Treatment

INTROS = {
    "en": "Our on-premise edition engages no sub-processors at all: when you install it on your"
    " own servers, it only talks to the services you configure yourself.",
    "fr": "La version installée chez vous ne fait appel à aucun sous-traitant : elle ne dialogue"
    " qu'avec les services que vous configurez vous-même sur vos propres serveurs.",
    "de": "Die selbst betriebene Version setzt keine Unterauftragsverarbeiter ein: Sie spricht nur"
    " mit den Diensten, die Sie auf Ihren eigenen Servern selbst einrichten und betreiben.",
}


@pytest.mark.parametrize("language", sorted(INTROS))
def test_an_intro_about_something_else_does_not_hide_the_list(
    tmp_path: Path, language: str
) -> None:
    rows = [
        ("Subprocessors",),
        (INTROS[language],),
        ("Name", "Service", "Location"),
        ("Nuage SAS", "Hosting", "France"),
        ("Wolke GmbH", "Backup", "Deutschland"),
    ]
    assert [r.name for r in sheet_subprocessors(tmp_path, rows)] == ["Nuage SAS", "Wolke GmbH"]


@pytest.mark.parametrize(
    ("purpose", "basis", "cell", "expected"),
    [
        ("Finalité", "Base légale (RGPD)", "Exécution du contrat", LegalBasis.CONTRACT),
        ("Zweck", "Rechtsgrundlage (DSGVO)", "Einwilligung", LegalBasis.CONSENT),
        ("Finalità", "Base giuridica (GDPR)", "Obbligo legale", LegalBasis.LEGAL_OBLIGATION),
        ("Finalidade", "Base legal (LGPD)", "Execução de contrato", LegalBasis.CONTRACT),
        ("Finalidad", "Base de legitimación", "Consentimiento", LegalBasis.CONSENT),
        ("Finalidad", "Bases de licitud", "Interés legítimo", LegalBasis.LEGITIMATE_INTERESTS),
    ],
)
def test_a_basis_header_with_the_laws_name_or_the_spanish_words(
    tmp_path: Path, purpose: str, basis: str, cell: str, expected: LegalBasis
) -> None:
    path = tmp_path / "purposes.csv"
    path.write_text(f"{purpose};{basis}\nGestion des comptes;{cell}\n", encoding="utf-8")
    (table,) = read_tables(path)
    (row,) = read_records(table, propose_mapping(table)).rows()
    assert isinstance(row.record, Treatment)
    assert row.record.legal_basis is expected


@pytest.mark.parametrize(
    ("header", "cell", "expected"),
    [
        ("Transfer mechanism", "EU", TransferMechanism.NONE_INTRA_EEA),
        ("Garanties", "UE / EEE", TransferMechanism.NONE_INTRA_EEA),
        ("Garantien", "Deutschland", TransferMechanism.NONE_INTRA_EEA),
        ("Übermittlung", "Keine", TransferMechanism.NONE_INTRA_EEA),
        ("Transferencia", "Ninguna", TransferMechanism.NONE_INTRA_EEA),
        ("Transfer mechanism", "None", TransferMechanism.NONE),  # no tool named: as stated
        ("Garanties", "États-Unis", None),  # a third country: no reading
        ("Transfer mechanism", "SCCs", TransferMechanism.SCC_EU_2021_914_M2),
    ],
)
def test_a_transfer_column_naming_no_transfer(
    tmp_path: Path, header: str, cell: str, expected: TransferMechanism | None
) -> None:
    (record,) = csv_subprocessors(
        tmp_path, [["Name", "Service", header], ["Nuage SAS", "Hosting", cell]]
    )
    assert record.transfer_mechanism is expected
    marks = [m for m in record.unconfirmed if m.field == "transfer_mechanism"]
    if expected is TransferMechanism.NONE_INTRA_EEA:
        (mark,) = marks
        assert "no transfer outside the EEA" in mark.note


@pytest.mark.parametrize("cell", ["No third-party transfer", "no international transfers"])
def test_no_third_party_transfer_is_no_transfer(cell: str) -> None:
    assert parse_mechanism(cell) is TransferMechanism.NONE_INTRA_EEA


@pytest.mark.parametrize(
    ("text", "act"),
    [("§ 257 HGB", "HGB"), ("Art. 286 CGI", "CGI"), ("art. L3171-2 Code du travail", "CODE")],
)
def test_an_article_of_a_record_keeping_act_is_a_legal_obligation(text: str, act: str) -> None:
    assert parse_legal_basis(text) is LegalBasis.LEGAL_OBLIGATION
    assert act in law_citation_note(text)


@pytest.mark.parametrize(
    "text", ["Article 12 et suivants", "Art. 32 RGPD (Sécurité)", "Art. 26 BDSG"]
)
def test_other_citations_name_no_obligation(text: str) -> None:
    assert parse_legal_basis(text) is None


@pytest.mark.parametrize(
    ("heading", "intro"),
    [
        ("Logiciels auto-hébergés (ne sont pas des sous-traitants)", "Installés sur nos serveurs."),
        ("Selbst betriebene Software (keine Unterauftragsverarbeiter)", "Auf unseren Servern."),
    ],
)
def test_a_word_heading_over_an_intro_sentence_still_announces_its_table(
    tmp_path: Path, heading: str, intro: str
) -> None:
    document = docx.Document()
    for title, sentence, rows in (
        (
            "Sous-traitants",
            "",
            [("Nom", "Service", "Pays"), ("Nuage SAS", "Hébergement", "France")],
        ),
        (heading, intro, [("Logiciel", "Finalité", "Localisation"), ("PostgreSQL", "Base", "UE")]),
    ):
        document.add_heading(title, level=2)
        if sentence:
            document.add_paragraph(sentence)
        table = document.add_table(rows=0, cols=3)
        for row in rows:
            for cell, text in zip(table.add_row().cells, row, strict=True):
                cell.text = text
    path = tmp_path / "annexe.docx"
    document.save(str(path))
    assert names_read(path) == ["Nuage SAS"]


@pytest.mark.parametrize(
    ("purposes", "providers"),
    [
        (("Processing purpose", "Legal basis"), ("Provider", "Role", "Location")),
        (("Verarbeitungszweck", "Rechtsgrundlage"), ("Anbieter", "Rolle", "Standort")),
        (("Verwerkingsdoeleinden", "Grondslag"), ("Verwerker", "Rol", "Locatie")),
    ],
)
def test_a_purposes_table_above_a_providers_table_in_one_sheet_is_read_too(
    tmp_path: Path, purposes: tuple[str, str], providers: tuple[str, str, str]
) -> None:
    """Found by the format-invariance check: MuseumLog's "Processing purpose | Legal basis" table
    was read from its Word document and lost in a sheet, where the providers' table under it
    has the surer header; "Processing purpose" now heads the purpose surely."""
    rows: list[tuple[str, ...]] = [
        ("Privacy policy",),
        purposes,
        ("Managing accounts", "Contract"),
        ("Security logs", "Legitimate interests"),
        ("International transfers",),
        providers,
        ("Nuage Inc.", "Processor", "USA"),
    ]
    path = tmp_path / "policy.csv"
    path.write_text("\n".join(";".join(r) for r in rows) + "\n", encoding="utf-8")
    assert names_read(path) == ["Managing accounts", "Security logs", "Nuage Inc."]
