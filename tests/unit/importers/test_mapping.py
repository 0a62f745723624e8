from __future__ import annotations

import pytest

from importers.mapping import NAME_AND_PURPOSE, map_headers, propose_mapping, score_header
from importers.model import RecordKind
from workbench.domain.fields import SUBPROCESSOR_FIELDS, TREATMENT_FIELDS

T, S = RecordKind.TREATMENTS, RecordKind.SUBPROCESSORS


@pytest.mark.parametrize(("kind", "specs"), [(T, TREATMENT_FIELDS), (S, SUBPROCESSOR_FIELDS)])
def test_every_canonical_header_maps_with_full_confidence_in_both_languages(
    kind: RecordKind, specs: tuple
) -> None:
    for spec in specs:
        for header in (spec.header_en, spec.header_fr):
            assert score_header(header, kind) == (spec.key, 1.0), header


def test_an_export_header_row_maps_every_column_to_its_own_field() -> None:
    headers = tuple(spec.header_fr for spec in TREATMENT_FIELDS)
    mapping = map_headers(headers, T)
    expected = [None if s.key in ("id", "sensitive_data") else s.key for s in TREATMENT_FIELDS]
    assert [c.field for c in mapping.columns] == expected


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Purpose of the processing", "purpose"),
        ("Categories of data", "data_categories"),
        ("Base légale", "legal_basis_text"),
        ("Retention", "retention.text"),
    ],
)
def test_treatment_synonyms(header: str, field: str) -> None:
    key, confidence = score_header(header, T)
    assert key == field
    assert 0.6 <= confidence < 1.0


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Name of Subprocessor", "name"),
        ("Entity", "name"),
        ("Partenaire", "name"),
        ("Location of Processing", "location_text"),
        ("Pays destinataire", "location_text"),
        ("Appropriate Safeguards", "transfer_text"),
        ("Garanties", "transfer_text"),
        ("Data transfer mechanism (if applicable)", "transfer_text"),
    ],
)
def test_subprocessor_synonyms(header: str, field: str) -> None:
    assert score_header(header, S)[0] == field


def test_annex1_finalites_column_carries_name_and_purpose_when_no_name_column() -> None:
    mapping = map_headers(("FINALITÉS", "BASE LÉGALE DE TRAITEMENT"), T)
    assert mapping.columns[0].field == NAME_AND_PURPOSE


def test_a_long_sentence_is_never_a_header() -> None:
    sentence = (
        "Héberge l'infrastructure physique de Medaviz au sein de centres de données sécurisées."
    )
    assert score_header(sentence, S) == (None, 0.0)


def test_user_correction_moves_a_field_and_frees_the_old_column() -> None:
    mapping = map_headers(("Nom", "Description", "Pays"), S)
    corrected = mapping.with_field(1, "name")
    assert corrected.index_of("name") == 1
    assert corrected.columns[0].field is None
    assert corrected.columns[1].confidence == 1.0


def test_headerless_table_gets_name_then_description(annex2_docx_table: object) -> None:
    mapping = propose_mapping(annex2_docx_table)  # type: ignore[arg-type]
    assert [c.field for c in mapping.columns] == ["name", "service_description"]
    assert all(c.confidence == 0.5 for c in mapping.columns)


def test_profile_is_header_to_field() -> None:
    mapping = map_headers(("Subcontractor name", "Server location"), S)
    assert mapping.to_profile() == {
        "kind": "subprocessors",
        "columns": {"Subcontractor name": "name", "Server location": "location_text"},
    }


@pytest.mark.parametrize(
    "header",
    [
        "Finalité du traitement",
        "Zweck der Verarbeitung",
        "Finalidad del tratamiento",
        "Finalità del trattamento",
        "Finalidade do tratamento",
        "Doel van de verwerking",
    ],
)
def test_the_purpose_of_the_processing_is_the_purpose_not_the_name(header: str) -> None:
    assert score_header(header, T) == ("purpose", 0.95)


@pytest.mark.parametrize(
    "header", ["Empfänger", "Destinatarios", "Destinatari", "Ontvangers", "Destinataires"]
)
def test_recipients_of_a_treatment_in_the_seven_languages(header: str) -> None:
    assert score_header(header, T)[0] == "recipients"


@pytest.mark.parametrize("header", ["Region", "Regio", "Región", "Regione", "Região"])
def test_a_hosting_region_is_the_location(header: str) -> None:
    mapping = map_headers(("Provider", header, "Beleid voor gegevensbewaring"), S)
    assert [c.field for c in mapping.columns[:2]] == ["name", "location_text"]
