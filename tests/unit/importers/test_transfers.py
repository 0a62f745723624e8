from __future__ import annotations

import pytest

from importers.cleaning import fold
from importers.transfers import mechanisms_named, parse_mechanism, several_named_note
from workbench.domain.enums import TransferMechanism as T


@pytest.mark.parametrize(
    ("text", "mechanism"),
    [
        ("N/A", T.NONE),
        ("BCR", T.BCR),
        ("Binding Corporate Rules (BCR) approuvés par les autorités européennes", T.BCR),
        ("EU Standard Contractual Clauses (SCCs, article 46 3 du RGPD)", T.SCC_EU_2021_914_M2),
        ("Clauses contractuelles types (CCT)", T.SCC_EU_2021_914_M2),
        ("SCC module 3 (processor to processor)", T.SCC_EU_2021_914_M3),
        ("EU-US Data Privacy Framework", T.ADEQUACY_US_DPF),
        ("Adequacy decision", T.ADEQUACY),
        ("Décision d'adéquation", T.ADEQUACY),
        ("SCC_EU_2021_914_M4", T.SCC_EU_2021_914_M4),
        ("Pas de transfert", T.NONE_INTRA_EEA),
    ],
)
def test_mechanisms_from_free_text(text: str, mechanism: T) -> None:
    assert parse_mechanism(text) is mechanism


def test_unknown_text_gives_none() -> None:
    assert parse_mechanism("à vérifier avec le fournisseur") is None


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("CCT + DPF", (T.ADEQUACY_US_DPF, T.SCC_EU_2021_914_M2)),
        ("SCCs (module 3) and DPF", (T.ADEQUACY_US_DPF, T.SCC_EU_2021_914_M3)),
        ("BCR, SCC", (T.BCR, T.SCC_EU_2021_914_M2)),
        ("DPF adequacy decision", (T.ADEQUACY_US_DPF,)),  # one tool, named twice
        ("Standard contractual clauses (module 3)", (T.SCC_EU_2021_914_M3,)),
        ("N/A", (T.NONE,)),
        ("à vérifier", ()),
    ],
)
def test_every_mechanism_a_text_names_first_the_one_kept(text: str, named: tuple[T, ...]) -> None:
    assert mechanisms_named(text) == named
    assert parse_mechanism(text) == (named[0] if named else None)
    assert bool(several_named_note(text)) is (len(named) > 1)


@pytest.mark.parametrize(
    ("text", "mechanism"),
    [
        ("Art. 49 Abs. 1 lit. a DSGVO (ausdrückliche Einwilligung)", T.DEROG_49_1_A),
        ("artículo 49, apartado 1, letra b) del RGPD", T.DEROG_49_1_B),
        ("articolo 49, paragrafo 1, lettera e) del GDPR", T.DEROG_49_1_E),
        ("artikel 49, lid 1, onder g AVG", T.DEROG_49_1_G),
        ("Derrogación (artigo 49.º, n.º 1, alínea d) do RGPD)", T.DEROG_49_1_D),
        ("SCCs; Art. 49(1)(d) for the rest", T.SCC_EU_2021_914_M2),  # a tool first, then 49
    ],
)
def test_an_art_49_derogation_cited_by_its_point(text: str, mechanism: T) -> None:
    assert parse_mechanism(text) is mechanism


def test_a_typographic_apostrophe_separates_words() -> None:
    assert parse_mechanism("Décision d’adéquation de la Commission") is T.ADEQUACY
    assert parse_mechanism("Hors de l’EEE : clauses contractuelles types") is T.SCC_EU_2021_914_M2
    assert fold("Dell’interessato") == fold("Dell'interessato") == "dell interessato"
