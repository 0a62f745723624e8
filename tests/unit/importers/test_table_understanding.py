"""Rows that are not records, columns told by their content, cells holding two values."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from importers import propose_mapping, read_records, read_tables
from importers.categories import infer_category
from importers.cleaning import fold
from importers.content import content_field
from importers.legal_basis import parse_legal_basis
from importers.mapping import score_header
from importers.model import RecordKind
from importers.subprocessor_cells import split_name_address
from importers.tables import RowKind, _cannot_fold_to, classified_rows, classify_row, is_note
from importers.transfers import parse_mechanism, several_named_note
from workbench.domain.enums import (
    InferenceOrigin,
    LegalBasis,
    SubprocessorCategory,
    TransferMechanism,
)
from workbench.domain.records import Subprocessor

T, S = RecordKind.TREATMENTS, RecordKind.SUBPROCESSORS
HEADER = ("name", "location", "purpose")


def kinds(rows: list[list[str]]) -> list[RowKind]:
    return [k for _i, _c, k in classified_rows(iter(rows), 0, HEADER, 0)]


def test_a_lone_value_before_records_is_a_section_and_a_note_is_a_note() -> None:
    rows = [
        ["Support Sub-Processors", "Support Sub-Processors", "Support Sub-Processors"],
        ["Support Sub-Processors", "", ""],  # the same title again, alone
        ["Proxiad", "Bulgaria", "Tickets"],
        ["Data Center provider", "", ""],
        ["AWS", "Ireland", "Hosting"],
        ["DATE: August 19, 2024", "", ""],
    ]
    assert kinds(rows) == [
        RowKind.SECTION,
        RowKind.SECTION,
        RowKind.RECORD,
        RowKind.SECTION,
        RowKind.RECORD,
        RowKind.FOOTNOTE,
    ]


def test_lone_names_one_after_the_other_are_records_and_a_company_name_stays_one() -> None:
    rows = [
        ["Téléconsultation", "merged down from here", "x"],
        ["Téléexpertise", "", ""],
        ["Discussion", "", ""],
        ["Adressage", "", ""],
        ["Billie GmbH", "", ""],
    ]
    assert kinds(rows) == [RowKind.RECORD] * 5
    assert kinds([["Billie GmbH", "", ""], ["Aria", "DE", "Finance"]])[0] is RowKind.RECORD


@pytest.mark.parametrize(
    "text",
    [
        "DATE: August 19, 2024",
        "Last revised January 16, 2023. To see the previous terms, please click here.",
        "Date de dernière mise à jour: 22/10/2025",
        "Nota: Todos os subcontratantes estão vinculados por contrato",
        "Stand: 1. März 2025",
        "DPF = Data Privacy Framework",
        "* See PayPal’s transfer policies here",
        "Scaleway processes some of your data in order to meet its legal obligations here.",
    ],
)
def test_notes_in_several_languages(text: str) -> None:
    assert is_note(text)


@pytest.mark.parametrize(
    "text", ["Infrastructure Sub-Processors", "Données traitées par le biais de la Marketplace"]
)
def test_titles_are_not_notes(text: str) -> None:
    assert not is_note(text)


@pytest.mark.parametrize(
    ("samples", "kind", "header", "field"),
    [
        (["dpo@brevo.com", "privacy@stripe.com", "legal@ovh.net"], S, "Contact", "contact_email"),
        (["Deutschland", "Irland", "USA"], S, "Sitz", "location_text"),
        (["No", "Yes", "No"], S, "Transfers outside the EU", "transfer_outside_eea"),
        (["SCCs", "EU Standard Contractual Clauses", "DPF"], S, "Safeguards", "transfer_text"),
        (["Consentement", "Intérêt légitime", "Exécution du contrat"], T, "", "legal_basis_text"),
        (["7 rue de Madrid, 75008 Paris", "101 Townsend Street, San Francisco"], S, "", "address"),
    ],
)
def test_a_column_is_mapped_by_its_cells(
    samples: list[str], kind: RecordKind, header: str, field: str
) -> None:
    assert content_field(samples, kind, header) == field


def test_yes_no_is_a_transfer_flag_only_beside_a_transfer_header() -> None:
    assert content_field(["No", "Yes", "No"], S, "Optional") is None


@pytest.mark.parametrize(
    ("header", "kind", "field"),
    [
        ("Third-party Entity", S, "name"),
        ("Geographical location of the processing", S, "location_text"),
        ("Transfers outside the EU", S, "transfer_outside_eea"),
        ("Security measures in case of transfer", S, "transfer_text"),
        ("Unternehmen", S, "name"),
        ("Subencargado", S, "name"),
        ("Sub-responsabile", S, "name"),
        ("Subverwerker", S, "name"),
        ("Finalité", S, "service_description"),
        ("Pourquoi ces Données Personnelles sont-elles collectées ?", T, "purpose"),
        ("Quelle est la base légale du traitement ?", T, "legal_basis_text"),
        ("Rechtsgrundlage", T, "legal_basis_text"),
        ("Base jurídica", T, "legal_basis_text"),
        ("Base giuridica", T, "legal_basis_text"),
        ("Grondslag", T, "legal_basis_text"),
    ],
)
def test_headers_in_seven_languages(header: str, kind: RecordKind, field: str) -> None:
    assert score_header(header, kind)[0] == field


@pytest.mark.parametrize(
    ("text", "basis"),
    [
        ("Mission d'intérêt public", LegalBasis.PUBLIC_TASK),
        ("Wahrnehmung einer Aufgabe, die im öffentlichen Interesse liegt", LegalBasis.PUBLIC_TASK),
        ("Misión realizada en interés público", LegalBasis.PUBLIC_TASK),
        ("Esecuzione di un compito di interesse pubblico", LegalBasis.PUBLIC_TASK),
        ("Exécution des Conditions Générales d’Utilisation", LegalBasis.CONTRACT),
        ("Berechtigtes Interesse", LegalBasis.LEGITIMATE_INTERESTS),
        ("Obrigação legal", LegalBasis.LEGAL_OBLIGATION),
        ("Toestemming", LegalBasis.CONSENT),
        ("Balance of interests motivated by the service", LegalBasis.LEGITIMATE_INTERESTS),
    ],
)
def test_legal_bases_in_several_languages(text: str, basis: LegalBasis) -> None:
    assert parse_legal_basis(text) is basis


@pytest.mark.parametrize(
    ("text", "mechanism", "words"),
    [
        # What the vendor claims, under its own (void) code: never read as a valid basis.
        ("EU-US Privacy Shield", TransferMechanism.INVALID_PRIVACY_SHIELD, "C-311/18"),
        ("Clauses contractuelles types 2010/87/UE", TransferMechanism.INVALID_SCC_2010_87, "2022"),
        ("article 46-3 du RGPD", TransferMechanism.AD_HOC_CLAUSES, "authorisation"),
    ],
)
def test_legacy_bases_read_as_claimed_with_a_note(
    text: str, mechanism: TransferMechanism, words: str
) -> None:
    assert parse_mechanism(text) is mechanism
    assert words in several_named_note(text)


def test_no_data_transferred_outside_is_intra_eea() -> None:
    text = "N/A, since no data is transferred outside of the EU"
    assert parse_mechanism(text) is TransferMechanism.NONE_INTRA_EEA


def test_a_name_cell_with_a_postal_address_under_it_is_split() -> None:
    assert split_name_address("Sinch AB\nLindhagensgatan 74 Stockholm,\n112 18 Sweden") == (
        "Sinch AB",
        "Lindhagensgatan 74 Stockholm\n112 18 Sweden",
    )
    assert split_name_address("Google Cloud\n(Vertex AI & Vision)") == (
        "Google Cloud (Vertex AI & Vision)",
        "",
    )


@pytest.mark.parametrize(
    ("service", "name", "category"),
    [
        ("", "Amazon Web Services, Inc", SubprocessorCategory.HOSTING),
        ("", "OVHcloud", SubprocessorCategory.HOSTING),
        ("Infrastructure services", "Foo", SubprocessorCategory.HOSTING),
        ("Envoi de mails", "Brevo", SubprocessorCategory.COMMUNICATION),
        ("Server logging used for performance monitoring", "X", SubprocessorCategory.ANALYTICS),
        ("Ticket support functions", "Proxiad", SubprocessorCategory.CUSTOMER_RELATION),
    ],
)
def test_category_from_the_service_then_the_name(
    service: str, name: str, category: SubprocessorCategory
) -> None:
    found = infer_category(service, name)
    assert found is not None
    assert found[0] is category
    assert infer_category("Payment provider", "Adyen") is None


def test_a_vendor_list_reads_flags_addresses_notes_and_inferred_categories(tmp_path: Path) -> None:
    path = tmp_path / "vendors.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Sub-processors of the service"])
        writer.writerow(["Third-party Entity", "Contact", "Legal base", "Transfers outside the EU"])
        writer.writerow(["Brevo\n7 rue de Madrid\n75008 Paris", "dpo@brevo.com", "Contract", "No"])
        writer.writerow(["Scaleway", "privacy@scaleway.com", "Contract", "No"])
        writer.writerow(["DATE: August 19, 2024", "", "", ""])
    table = read_tables(path)[0]
    mapping = propose_mapping(table, S)
    rows = list(read_records(table, mapping).rows())
    assert [r.record.name for r in rows] == ["Brevo", "Scaleway"]
    brevo = rows[0].record
    assert isinstance(brevo, Subprocessor)
    assert brevo.contact_email == "dpo@brevo.com"
    assert brevo.address == "7 rue de Madrid\n75008 Paris"
    assert brevo.notes == "Legal base: Contract"
    assert brevo.transfer_mechanism is TransferMechanism.NONE_INTRA_EEA
    marks = {m.field: m for m in brevo.unconfirmed}
    assert marks["transfer_mechanism"].origin is InferenceOrigin.RULE
    assert marks["address"].origin is InferenceOrigin.RULE
    scaleway = rows[1].record
    assert isinstance(scaleway, Subprocessor)
    assert scaleway.category is SubprocessorCategory.HOSTING
    assert {m.field: m for m in scaleway.unconfirmed}["category"].origin is InferenceOrigin.RULE


@pytest.mark.parametrize(
    ("name_cell", "kind"),
    [
        ("Nom du traitement", RowKind.REPEATED_HEADER),
        (" NOM DU TRAITEMENT :", RowKind.REPEATED_HEADER),
        ("nom-du\r\ntraitement", RowKind.REPEATED_HEADER),
        ("Nom du traitement\u00a0", RowKind.REPEATED_HEADER),  # not ASCII: folded
        ("Nom du traitement 2", RowKind.RECORD),
        ("Nom du traitemen", RowKind.RECORD),
        ("(nom) du traitement", RowKind.REPEATED_HEADER),
    ],
)
def test_a_repeated_header_is_told_by_its_fold(name_cell: str, kind: RowKind) -> None:
    # the ASCII pre-test (first, last letter, length) must decide as folding the cell does
    headers = ("nom du traitement", "finalite", "base legale")
    cells = [name_cell, "Finalité", "Base légale"]
    assert classify_row(cells, headers, 0) is kind


@pytest.mark.parametrize(
    "text", ["Traitement 000123", " a ", "a\rb", "--", "", "ß", "ﬃ", "Éa", "x.y", "X  Y", "9"]
)
def test_the_fold_pre_test_never_rejects_a_text_that_folds_to_the_target(text: str) -> None:
    folded = fold(text)
    for target in (folded, "traitement", "a b", "ab", "x y", "ss", "ffi", "ea", "9"):
        if target and _cannot_fold_to(text, target):
            assert folded != target
