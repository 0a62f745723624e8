"""What an import derives is marked with the cell it came from; what a file states is not."""

from __future__ import annotations

from pathlib import Path

import pytest

from importers import ImportedRow, propose_mapping, read_records, read_tables
from importers.marks import format_unconfirmed, parse_unconfirmed
from tests.unit.importers.vendor_files import (
    hosting_annex_docx,
    processing_table_csv,
    vendor_list_xlsx,
)
from workbench.domain.enums import (
    Art9Condition,
    DataSensitivity,
    InferenceOrigin,
    LegalBasis,
    RetentionUnit,
    Role,
    SubprocessorCategory,
    TransferMechanism,
)
from workbench.domain.errors import ImportFileError
from workbench.domain.inference import Marked, describe, is_stated, marks_on
from workbench.domain.records import Location, Subprocessor, Treatment, Unconfirmed


def rows(path: Path) -> dict[str, ImportedRow]:
    (table,) = read_tables(path)
    return {r.record.name: r for r in read_records(table, propose_mapping(table)).rows()}


def only_mark(record: Marked, field: str) -> Unconfirmed:
    (mark,) = marks_on(record, field)
    return mark


def assert_read_from(mark: Unconfirmed, text: str, column: str, row: int) -> None:
    assert (mark.origin, mark.source_text, mark.column, mark.row) == (
        InferenceOrigin.READ_FROM_TEXT,
        text,
        column,
        row,
    )


def test_cct_plus_dpf_reads_as_the_parsers_pick_marked_with_its_cell_and_both_named(
    tmp_path: Path,
) -> None:
    stripe = rows(vendor_list_xlsx(tmp_path / "vendors.xlsx"))["Stripe"].record
    assert isinstance(stripe, Subprocessor)
    assert stripe.transfer_mechanism is TransferMechanism.ADEQUACY_US_DPF
    assert stripe.transfer_text == "CCT + DPF"
    mark = only_mark(stripe, "transfer_mechanism")
    assert (mark.field, mark.origin, mark.source_text, mark.column, mark.row) == (
        "transfer_mechanism",
        InferenceOrigin.READ_FROM_TEXT,
        "CCT + DPF",
        "Garanties",
        6,  # the sheet's own row: title, blank row, header, section title, AWS, then Stripe
    )
    assert "several mechanisms" in mark.note
    assert "Data Privacy Framework" in mark.note
    assert "standard contractual clauses, module 2" in mark.note
    assert describe(mark).startswith("Read from the text “CCT + DPF” (column Garanties, row 6)")


def test_countries_read_from_a_location_text_are_marked(tmp_path: Path) -> None:
    stripe = rows(vendor_list_xlsx(tmp_path / "vendors.xlsx"))["Stripe"].record
    assert isinstance(stripe, Subprocessor)
    assert stripe.locations == (Location("US"),)
    assert_read_from(
        only_mark(stripe, "locations"),
        "USA (datacenters in Oregon or Virginia)",
        "Localisation des données",
        6,
    )


def test_a_category_from_a_section_title_is_marked_with_the_titles_row(tmp_path: Path) -> None:
    vendors = rows(vendor_list_xlsx(tmp_path / "vendors.xlsx"))
    aws = vendors["Amazon Web Services"].record
    assert isinstance(aws, Subprocessor)
    assert aws.category is SubprocessorCategory.HOSTING
    mark = only_mark(aws, "category")
    assert (mark.origin, mark.source_text, mark.column, mark.row) == (
        InferenceOrigin.RULE,
        "HÉBERGEMENT",
        "",
        4,
    )
    assert "section title" in mark.note


def test_a_category_from_the_heading_above_a_word_table_is_marked(tmp_path: Path) -> None:
    scaleway = rows(hosting_annex_docx(tmp_path / "annexe3.docx"))["Scaleway"].record
    assert isinstance(scaleway, Subprocessor)
    assert scaleway.category is SubprocessorCategory.HOSTING
    mark = only_mark(scaleway, "category")
    assert (mark.origin, mark.source_text, mark.row) == (
        InferenceOrigin.RULE,
        "Annexe 3 – Hébergement",
        None,
    )
    assert "heading above the table" in mark.note


def test_codes_and_country_names_in_their_own_columns_are_stated(tmp_path: Path) -> None:
    path = tmp_path / "codes.csv"
    path.write_text(
        "Sous-traitant;Garantie de transfert;Garantie (texte)\n"
        "OVHcloud;NONE_INTRA_EEA;Aucun transfert\n"
        "Twilio;BCR;BCR\n",
        encoding="utf-8",
    )
    vendors = rows(path)
    for name, code in (("OVHcloud", "NONE_INTRA_EEA"), ("Twilio", "BCR")):
        record = vendors[name].record
        assert isinstance(record, Subprocessor)
        assert record.transfer_mechanism is TransferMechanism(code)
        assert is_stated(record, "transfer_mechanism")
    azure = rows(hosting_annex_docx(tmp_path / "annexe3.docx"))["Microsoft Azure"].record
    assert isinstance(azure, Subprocessor)
    assert azure.locations == (Location("NL"), Location("IE"))  # a "Pays" column of names
    assert is_stated(azure, "locations")


def test_a_code_in_a_free_text_column_is_words_read_and_marked(tmp_path: Path) -> None:
    path = tmp_path / "vendors.csv"
    path.write_text("Sous-traitant;Garanties\nTwilio;BCR\n", encoding="utf-8")
    twilio = rows(path)["Twilio"].record
    assert twilio.transfer_mechanism is TransferMechanism.BCR  # type: ignore[union-attr]
    mark = only_mark(twilio, "transfer_mechanism")
    assert (mark.source_text, mark.column, mark.row, mark.note) == ("BCR", "Garanties", 2, "")


def test_retention_parts_read_from_the_retention_text_are_marked(tmp_path: Path) -> None:
    treatments = rows(processing_table_csv(tmp_path / "registre.csv"))
    rdv = treatments["Gestion des rendez-vous"].record
    assert isinstance(rdv, Treatment)
    text = "5 ans à compter de la dernière mise en relation"
    assert (rdv.retention.text, rdv.retention.duration, rdv.retention.unit) == (
        text,
        5,
        RetentionUnit.YEAR,
    )
    assert rdv.retention.start_event == "la dernière mise en relation"
    marks = {m.field: m for m in marks_on(rdv, "retention")}
    assert set(marks) == {"retention.duration", "retention.unit", "retention.start_event"}
    assert {(m.source_text, m.column, m.row) for m in marks.values()} == {
        (text, "Durée de conservation", 2)
    }
    assert is_stated(rdv, "retention.text")  # the words themselves are the file's
    # a text that states no period gives no structured value, hence no mark
    newsletter = treatments["Newsletter"].record
    assert isinstance(newsletter, Treatment)
    assert newsletter.retention.duration is None
    assert marks_on(newsletter, "retention") == ()


def test_legal_basis_art9_condition_and_sensitivity_read_from_text_are_marked(
    tmp_path: Path,
) -> None:
    teleconsultation = rows(processing_table_csv(tmp_path / "registre.csv"))["Téléconsultation"]
    record = teleconsultation.record
    assert isinstance(record, Treatment)
    assert record.legal_basis is LegalBasis.CONSENT
    assert record.art9_condition is Art9Condition.EXPLICIT_CONSENT
    for field in ("legal_basis", "art9_condition"):
        mark = only_mark(record, field)
        assert (mark.source_text, mark.column, mark.row) == (
            "Consentement explicite (art. 9.2.a RGPD)",
            "Base légale",
            3,
        )
    assert [c.sensitivity for c in record.data_categories] == [
        DataSensitivity.STANDARD,
        DataSensitivity.HEALTH,
    ]
    mark = only_mark(record, "data_categories")
    assert mark.origin is InferenceOrigin.RULE
    assert mark.source_text == "Nom\nCompte rendu de consultation"
    assert "Compte rendu de consultation (health)" in mark.note
    # no Art. 9 data and no citation of Art. 9: "Consentement" is no Art. 9 condition
    newsletter = rows(tmp_path / "registre.csv")["Newsletter"].record
    assert newsletter.art9_condition is None  # type: ignore[union-attr]


def test_a_role_the_file_does_not_give_is_marked_as_the_default(tmp_path: Path) -> None:
    record = rows(processing_table_csv(tmp_path / "registre.csv"))["Newsletter"].record
    assert record.role is Role.CONTROLLER  # type: ignore[union-attr]
    mark = only_mark(record, "role")
    assert (mark.origin, mark.row) == (InferenceOrigin.DEFAULT, 4)


EXPORT_HEADER = [
    "ID",
    "Organisme",
    "Sous-traitant",
    "Catégorie",
    "Pays",
    "Localisation des serveurs",
    "Garantie de transfert",
    "Garantie (texte)",
    "Valeurs à confirmer",
]


def _export_sheet(path: Path, marks: str) -> Path:
    """A sheet as the Excel export writes subprocessors: codes, the texts, and the marks."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Sous-traitants"
    sheet.append(EXPORT_HEADER)
    sheet.append(
        [
            7,
            "Podalire",
            "Stripe",
            "hosting",
            "US",
            "USA (datacenters in Oregon or Virginia)",
            "ADEQUACY_US_DPF",
            "CCT + DPF",
            marks,
        ]
    )
    book.save(path)
    return path


def test_an_export_reads_back_stated_with_exactly_the_marks_it_lists(tmp_path: Path) -> None:
    original = (
        Unconfirmed(
            "transfer_mechanism",
            InferenceOrigin.READ_FROM_TEXT,
            "CCT + DPF",
            "Garanties",
            6,
            "the text names several mechanisms",
        ),
        Unconfirmed("locations", InferenceOrigin.READ_FROM_TEXT, "USA (Oregon)", "Lieu", 6),
    )
    record = rows(_export_sheet(tmp_path / "export.xlsx", format_unconfirmed(original)))[
        "Stripe"
    ].record
    assert record.unconfirmed == original  # the source's cell, not the export's
    # the same sheet with an empty "unconfirmed" cell: every value is stated
    record = rows(_export_sheet(tmp_path / "confirmed.xlsx", ""))["Stripe"].record
    assert isinstance(record, Subprocessor)
    assert record.unconfirmed == ()
    assert record.category is SubprocessorCategory.HOSTING
    assert record.transfer_mechanism is TransferMechanism.ADEQUACY_US_DPF


def test_an_unconfirmed_cell_naming_no_field_is_a_clear_error(tmp_path: Path) -> None:
    path = _export_sheet(tmp_path / "export.xlsx", "transfer_mechanism\nflavour: too sweet")
    with pytest.raises(ImportFileError, match=r"row 2.*Valeurs à confirmer.*'flavour'"):
        rows(path)


def test_an_unconfirmed_cell_written_by_hand_lists_fields_and_reasons() -> None:
    cell = "transfer_mechanism: CCT + DPF, à voir\nlocations\nCatégorie : d'après le titre"
    marks = parse_unconfirmed(cell, Subprocessor)
    assert [(m.field, m.origin, m.note) for m in marks] == [
        ("transfer_mechanism", InferenceOrigin.ASSUMED, "CCT + DPF, à voir"),
        ("locations", InferenceOrigin.ASSUMED, ""),
        ("category", InferenceOrigin.ASSUMED, "d'après le titre"),  # the column's own name
    ]


def test_a_countries_cell_keeps_what_the_register_says_of_each_place(tmp_path: Path) -> None:
    path = tmp_path / "codes.csv"
    path.write_text(
        'Sous-traitant;Pays\nAWS;"FR (région parisienne)\nDE (région de Francfort (§14 C))"\n'
        "Twilio;US, FR (sauvegarde dans l'UE)\n",
        encoding="utf-8",
    )
    vendors = rows(path)
    assert vendors["AWS"].record.locations == (  # type: ignore[union-attr]
        Location("FR", detail="région parisienne"),
        Location("DE", detail="région de Francfort (§14 C)"),
    )
    twilio = vendors["Twilio"].record
    assert twilio.locations == (  # type: ignore[union-attr]
        Location("US"),
        Location("FR", detail="sauvegarde dans l'UE"),
    )
    assert is_stated(twilio, "locations")


def test_a_misspelt_country_is_read_as_inferred_with_the_match_in_its_note(
    tmp_path: Path,
) -> None:
    path = tmp_path / "vendors.csv"
    path.write_text("Sub-processor;Country\nPaypal;United Stated\nOVH;France\n", encoding="utf-8")
    vendors = rows(path)
    paypal, ovh = vendors["Paypal"].record, vendors["OVH"].record
    assert isinstance(paypal, Subprocessor)
    assert isinstance(ovh, Subprocessor)
    assert paypal.locations == (Location("US"),)
    mark = only_mark(paypal, "locations")
    assert_read_from(mark, "United Stated", "Country", 2)
    assert mark.note == "read as United States (US) (approximate match of «United Stated»)"
    assert ovh.locations == (Location("FR"),)
    assert all(m.note == "" for m in marks_on(ovh, "locations"))  # an exact name: no match noted
