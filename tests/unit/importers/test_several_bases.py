"""A legal-basis cell listing bases as bullets, one or several: each basis read, the first kept
as the record's, the others named in its mark's note, in the seven languages."""

from __future__ import annotations

from pathlib import Path

import pytest

from importers import propose_mapping, read_records, read_tables
from importers.legal_basis import bases_named, parse_legal_basis, several_bases_note
from workbench.domain.enums import LegalBasis as B
from workbench.domain.records import Treatment


@pytest.mark.parametrize(
    "text",
    [
        "* Conformité aux obligations juridiques",
        "• Obligaciones jurídicas",
        "- Obbligo giuridico",
        "* Cumprimento de obrigações jurídicas",
        "• Juridische verplichting",
        "* Erfüllung gesetzlicher Pflichten",
    ],
)
def test_a_legal_obligation_in_the_registers_words(text: str) -> None:
    assert parse_legal_basis(text) is B.LEGAL_OBLIGATION
    assert several_bases_note(text) == ""


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("* Vertragserfüllung\n* Berechtigtes Interesse", (B.CONTRACT, B.LEGITIMATE_INTERESTS)),
        ("• Obligaciones jurídicas\n• Consentimiento", (B.LEGAL_OBLIGATION, B.CONSENT)),
        ("Consenso / Interesse legittimo", (B.CONSENT, B.LEGITIMATE_INTERESTS)),
        (
            "* Uitvoering van een overeenkomst\n* Toestemming\n* Gerechtvaardigd belang",
            (B.CONTRACT, B.CONSENT, B.LEGITIMATE_INTERESTS),
        ),
    ],
)
def test_several_bases_are_named_in_the_order_of_the_cell(text: str, named: tuple[B, ...]) -> None:
    assert bases_named(text) == named
    assert parse_legal_basis(text) is named[0]


def test_the_first_basis_is_the_records_and_its_mark_names_the_others(tmp_path: Path) -> None:
    path = tmp_path / "registro.csv"
    path.write_text(
        'Finalidad;Base jurídica\n"Facturación";"• Obligaciones jurídicas\n• Consentimiento"\n'
        '"Boletín";"• Consentimiento"\n',
        encoding="utf-8",
    )
    table = read_tables(path)[0]
    records = [r.record for r in read_records(table, propose_mapping(table)).rows()]
    assert all(isinstance(r, Treatment) for r in records)
    billing, newsletter = records
    assert isinstance(billing, Treatment)
    assert isinstance(newsletter, Treatment)
    assert (billing.legal_basis, newsletter.legal_basis) == (B.LEGAL_OBLIGATION, B.CONSENT)
    note = next(m.note for m in billing.unconfirmed if m.field == "legal_basis")
    assert "Legal obligation; Consent" in note
    assert next(m.note for m in newsletter.unconfirmed if m.field == "legal_basis") == ""
