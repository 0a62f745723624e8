"""Two readings of a legal-basis cell that names no basis as written:
- a phrase of a basis misspelt by a letter ("Intérêt légtime", "Obligaton légale", "Interés
  legítmo") is read as the phrase, the mark saying which word was read approximately; a single
  word a letter off ("Contact", "Consentemnt") is not read, it may be another word;
- an act of the Union cited by its number ("Règlement (CE) n°261/2004 ...", "Regulation (EC) No
  261/2004", "Richtlijn (EU) 2015/849") is the legal obligation it lays down (Art. 6(1)(c)),
  marked so; the data protection acts themselves (the GDPR, the ePrivacy Directive) are not.

Written on La Redoute's "Intérêt légtime" and Ryanair's "Règlement (CE) n°261/2004"; the cells
here are English, German, Spanish, Italian, Portuguese, Dutch and French, hand-written.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from importers import propose_mapping, read_records, read_tables
from importers.legal_basis import approximation_note, law_citation_note, parse_legal_basis
from workbench.domain.enums import LegalBasis
from workbench.domain.records import Treatment


@pytest.mark.parametrize(
    ("text", "basis", "written"),
    [
        ("Intérêt légtime de l'entreprise", LegalBasis.LEGITIMATE_INTERESTS, "legtime"),  # fr
        ("Obligaton légale", LegalBasis.LEGAL_OBLIGATION, "obligaton"),
        ("Legitimate intrests of the company", LegalBasis.LEGITIMATE_INTERESTS, "intrests"),  # en
        ("Berechtigte Interessn", LegalBasis.LEGITIMATE_INTERESTS, "interessn"),  # de
        ("Interés legítmo", LegalBasis.LEGITIMATE_INTERESTS, "legitmo"),  # es
        ("Interesse legittmo", LegalBasis.LEGITIMATE_INTERESTS, "legittmo"),  # it
        ("Uitvoering van een overenkomst", LegalBasis.CONTRACT, "overenkomst"),  # nl
        ("Exécution du contart", LegalBasis.CONTRACT, "contart"),  # two letters swapped
    ],
)
def test_a_basis_phrase_misspelt_by_a_letter_is_read_and_marked(
    text: str, basis: LegalBasis, written: str
) -> None:
    assert parse_legal_basis(text) is basis
    assert f"«{written}»" in approximation_note(text)


@pytest.mark.parametrize(
    "text",
    [
        "Contact",  # a letter from "contract": another word
        "Formulaire de contact",
        "Consentemnt",  # one word alone, misspelt: not read
        "Intérêt légal",  # the words of no phrase
        "Données de contact client",
    ],
)
def test_other_texts_name_no_basis(text: str) -> None:
    assert parse_legal_basis(text) is None
    assert approximation_note(text) == ""


def test_a_basis_written_right_has_no_approximation_note() -> None:
    assert parse_legal_basis("Intérêt légitime") is LegalBasis.LEGITIMATE_INTERESTS
    assert approximation_note("Intérêt légitime") == ""


@pytest.mark.parametrize(
    ("text", "act"),
    [
        ("Règlement (CE) n°261/2004 établissant des règles communes", "261/2004"),  # fr
        ("Regulation (EC) No 261/2004 on air passenger rights", "261/2004"),  # en
        ("Verordnung (EU) 2015/751 über Interbankenentgelte", "2015/751"),  # de
        ("Directiva (UE) 2015/2366 sobre servicios de pago", "2015/2366"),  # es
        ("Regolamento (UE) n. 910/2014 (eIDAS)", "910/2014"),  # it
        ("Regulamento (UE) 2017/373", "2017/373"),  # pt
        ("Richtlijn (EU) 2015/849 (antiwitwasrichtlijn)", "2015/849"),  # nl
    ],
)
def test_an_act_of_the_union_cited_is_the_legal_obligation(text: str, act: str) -> None:
    assert parse_legal_basis(text) is LegalBasis.LEGAL_OBLIGATION
    assert f"({act})" in law_citation_note(text)


@pytest.mark.parametrize(
    ("text", "basis"),
    [
        ("Règlement (UE) 2016/679", None),  # the GDPR lays down no obligation to process
        ("Directive 2002/58/CE (cookies)", None),  # ePrivacy: its cookies need consent
        ("Richtlinie 95/46/EG", None),
        # a basis the cell names wins over the act it cites
        ("Art. 6(1)(b) RGPD, Règlement (UE) 2016/679", LegalBasis.CONTRACT),
        ("Consentement (Directive 2002/58/CE)", LegalBasis.CONSENT),
        ("Contrat de transport; Règlement (CE) n° 261/2004", LegalBasis.CONTRACT),
    ],
)
def test_data_protection_acts_and_named_bases(text: str, basis: LegalBasis | None) -> None:
    assert parse_legal_basis(text) is basis
    assert law_citation_note(text) == ""


def test_a_register_reads_both_and_marks_them(tmp_path: Path) -> None:
    path = tmp_path / "verwerkingen.csv"
    path.write_text(
        "Verwerking;Doel;Rechtsgrond\n"
        "Klachten;Klachten van passagiers behandelen;Verordening (EG) nr. 261/2004\n"
        "Enquêtes;Producten verbeteren;Gerechtvaardigd belang van de onderneming\n"
        "Nieuwsbrief;Nieuws sturen;Toestemmng van de betrokkene\n",
        encoding="utf-8",
    )
    table = read_tables(path)[0]
    rows = [r.record for r in read_records(table, propose_mapping(table)).rows()]
    treatments = [r for r in rows if isinstance(r, Treatment)]
    assert [t.legal_basis for t in treatments] == [
        LegalBasis.LEGAL_OBLIGATION,
        LegalBasis.LEGITIMATE_INTERESTS,
        None,  # "Toestemmng": one word, misspelt, not read
    ]
    note = next(m.note for m in treatments[0].unconfirmed if m.field == "legal_basis")
    assert "261/2004" in note
