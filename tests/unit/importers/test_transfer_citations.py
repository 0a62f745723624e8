"""A transfer tool named by the GDPR's own words or cited by its article (Art. 46(2), Art. 45),
in the seven languages, read as the mechanism."""

from __future__ import annotations

import pytest

from importers.transfers import mechanisms_named, parse_mechanism
from workbench.domain.enums import TransferMechanism as M


@pytest.mark.parametrize(
    "text",
    [
        "Standarddatenschutzklauseln (Art. 46 Abs. 2 lit. c DSGVO)",
        "Art. 46(2)(c) GDPR",
        "article 46, paragraphe 2, point c du RGPD",
        "artículo 46, apartado 2, letra c) RGPD",
        "art. 46, par. 2, lett. c GDPR",
        "artigo 46.º, n.º 2, alínea c) do RGPD",
        "artikel 46, lid 2, onder c AVG",
        "clausole tipo di protezione dei dati",
        "cláusulas tipo de protección de datos adoptadas por la Comisión",
        "cláusulas-tipo de proteção de dados",
        "standaardbepalingen inzake gegevensbescherming",
        "clauses types de protection des données",
        "Standard data protection clauses",
    ],
)
def test_the_standard_clauses_by_their_article_or_words(text: str) -> None:
    assert parse_mechanism(text) is M.SCC_EU_2021_914_M2
    assert mechanisms_named(text) == (M.SCC_EU_2021_914_M2,)  # one tool, not two


@pytest.mark.parametrize(
    ("text", "mechanism"),
    [
        ("Art. 46 Abs. 2 lit. b DSGVO", M.BCR),
        ("artikel 46, lid 2, onder b AVG", M.BCR),
        ("Art. 46(2)(e) GDPR", M.CODE_OF_CONDUCT),
        ("Art. 46(2)(f) GDPR", M.CERTIFICATION),
        ("Angemessenheitsbeschluss, Art. 45 DSGVO", M.ADEQUACY),
        ("Art. 45 RGPD", M.ADEQUACY),
        ("Art. 46(2)(c) GDPR, module 3", M.SCC_EU_2021_914_M3),
    ],
)
def test_the_other_tools_by_their_article(text: str, mechanism: M) -> None:
    assert parse_mechanism(text) is mechanism


@pytest.mark.parametrize("text", ["Art. 46 DSGVO", "Art. 6(1)(b) GDPR", "Anlage 46, Abs. 2, c"])
def test_an_article_without_its_point_or_another_article_names_no_tool(text: str) -> None:
    assert parse_mechanism(text) is None


def test_a_citation_beside_another_tool_is_named_in_the_note() -> None:
    assert mechanisms_named("EU-US Data Privacy Framework; sonst Art. 46 Abs. 2 lit. c DSGVO") == (
        M.ADEQUACY_US_DPF,
        M.SCC_EU_2021_914_M2,
    )
