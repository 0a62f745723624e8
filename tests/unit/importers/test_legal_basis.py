from __future__ import annotations

import pytest

from importers.legal_basis import cites_art9, parse_art9_condition, parse_legal_basis
from workbench.domain.enums import Art9Condition, LegalBasis


@pytest.mark.parametrize(
    ("text", "basis"),
    [
        (
            "Nécessaire à l'exécution du contrat auquel la Personne concernée est partie.",
            LegalBasis.CONTRACT,
        ),
        ("Intérêt légitime.", LegalBasis.LEGITIMATE_INTERESTS),
        ("Obligations légales.", LegalBasis.LEGAL_OBLIGATION),
        ("Consentement (désinscription possible à tout moment).", LegalBasis.CONSENT),
        ("Performance of a contract", LegalBasis.CONTRACT),
        ("Legitimate interests", LegalBasis.LEGITIMATE_INTERESTS),
        ("Legal obligation", LegalBasis.LEGAL_OBLIGATION),
        ("consent", LegalBasis.CONSENT),
        ("legal_obligation", LegalBasis.LEGAL_OBLIGATION),
    ],
)
def test_wordings(text: str, basis: LegalBasis) -> None:
    assert parse_legal_basis(text) is basis


def test_the_first_basis_named_wins() -> None:
    text = (
        "Mise à jour nécessaire : Obligations légales. Mise à jour NON nécessaire : Consentement."
    )
    assert parse_legal_basis(text) is LegalBasis.LEGAL_OBLIGATION


def test_unknown_text() -> None:
    assert parse_legal_basis("Cf. ci-dessus") is None


@pytest.mark.parametrize(
    ("text", "condition", "cited"),
    [
        ("Art. 9(2)(h) RGPD", Art9Condition.HEALTH_OR_SOCIAL_CARE, True),
        ("article 9.2.a du RGPD", Art9Condition.EXPLICIT_CONSENT, True),
        ("9_2_i", Art9Condition.PUBLIC_HEALTH, True),  # the export's code
        ("Consentement explicite de la personne", Art9Condition.EXPLICIT_CONSENT, False),
        (
            "Nécessaire aux fins de la médecine préventive et des diagnostics médicaux",
            Art9Condition.HEALTH_OR_SOCIAL_CARE,
            False,
        ),
        (
            "Motifs d'intérêt public dans le domaine de la santé publique",
            Art9Condition.PUBLIC_HEALTH,
            False,
        ),
        ("Consentement", None, False),
        ("Intérêt légitime", None, False),
    ],
)
def test_art9_conditions_from_a_citation_or_their_words(
    text: str, condition: Art9Condition | None, cited: bool
) -> None:
    assert parse_art9_condition(text) is condition
    assert cites_art9(text) is cited


@pytest.mark.parametrize(
    ("text", "basis"),
    [
        ("Art. 6 Abs. 1 lit. f DSGVO", LegalBasis.LEGITIMATE_INTERESTS),  # German citation
        ("artículo 6, apartado 1, letra c) del RGPD", LegalBasis.LEGAL_OBLIGATION),
        ("articolo 6, paragrafo 1, lettera a) GDPR", LegalBasis.CONSENT),
        ("artigo 6.º, n.º 1, alínea e) do RGPD", LegalBasis.PUBLIC_TASK),
        ("artikel 6, lid 1, onder b AVG", LegalBasis.CONTRACT),
        ("article 6, paragraphe 1, point d", LegalBasis.VITAL_INTERESTS),
        ("Sopimus", LegalBasis.CONTRACT),  # Finnish
        ("Oikeutettu etu", LegalBasis.LEGITIMATE_INTERESTS),
        ("Samtycke", LegalBasis.CONSENT),  # Swedish
        ("Rättslig förpliktelse", LegalBasis.LEGAL_OBLIGATION),
        ("Wir sind gesetzlich vorgeschrieben dazu verpflichtet", LegalBasis.LEGAL_OBLIGATION),
        ("Trattamento previsto dalla legge", LegalBasis.LEGAL_OBLIGATION),
        ("Ove richiesto dalla legge, il consenso dell'utente", LegalBasis.CONSENT),  # a condition
        ("Soweit gesetzlich vorgeschrieben, Ihre Einwilligung", LegalBasis.CONSENT),
        ("Where required by law, we base this on your consent.", LegalBasis.CONSENT),
        ("Necessary in order to enter into an agreement with you", LegalBasis.CONTRACT),
    ],
)
def test_bases_cited_by_article_or_named_in_other_languages(text: str, basis: LegalBasis) -> None:
    assert parse_legal_basis(text) is basis


def test_an_article_other_than_6_1_names_no_basis() -> None:
    assert parse_legal_basis("Art. 6(4) RGPD") is None
    assert parse_legal_basis("Art. 9(2)(h)") is None
    assert parse_legal_basis("Version 6 1 b") is None  # no article word: a number


@pytest.mark.parametrize(
    "text",
    [
        "Respect de la loi (Code du travail, art. L. 3243-4) ; intérêt légitime pour le reste",
        "Conformité à la loi applicable\nConsentement pour la newsletter",
        "Einhaltung der Gesetze (HGB, AO), sonst berechtigtes Interesse",
        "Einhaltung gesetzlicher Vorschriften",
        "Cumplimiento de la ley / interés legítimo en la seguridad",
        "Conformità alla legge; in subordine, legittimo interesse",
        "Cumprimento da lei fiscal e consentimento para marketing",
        "Naleving van de wet (fiscale bewaarplicht); toestemming voor nieuwsbrief",
        "Legal compliance - otherwise our legitimate interests",
        "Compliance with applicable laws (tax and accounting)",
    ],
)
def test_compliance_with_the_law_is_the_legal_obligation(text: str) -> None:
    """The processing the law requires, named by complying with it rather than by the
    obligation ("Compliance with law ..."), is Art. 6(1)(c), also when another basis follows."""
    assert parse_legal_basis(text) is LegalBasis.LEGAL_OBLIGATION


@pytest.mark.parametrize(
    ("text", "basis"),
    [
        ("Respect de la loyauté des échanges : intérêt légitime", LegalBasis.LEGITIMATE_INTERESTS),
        ("Conformité des livrables au contrat", LegalBasis.CONTRACT),
        ("Intérêt légitime, dans le respect des lois applicables", LegalBasis.LEGITIMATE_INTERESTS),
    ],
)
def test_compliance_words_without_the_law_or_after_a_basis(text: str, basis: LegalBasis) -> None:
    assert parse_legal_basis(text) is basis


@pytest.mark.parametrize(
    "text",
    [
        # the contract named as the agreement it performs, then another basis: the first wins
        "Nécessaires à la bonne exécution de notre accord avec vous, et à nos intérêts légitimes.",
        "Dans la mesure nécessaire à l'exécution de l'accord, ou avec votre consentement.",
        "Nécessaire à l'exécution de la convention signée avec l'adhérent.",
        "Where necessary for performing our agreement with you, or with your consent.",
        "Fulfilment of the agreement; legitimate interests for fraud prevention.",
        "Erfüllung unserer Vereinbarung mit Ihnen sowie berechtigtes Interesse.",
        "Durchführung der Vereinbarung über die Mitgliedschaft",
        "Ejecución de nuestro acuerdo con usted y, en su caso, su consentimiento.",
        "Esecuzione dell'accordo con te; altrimenti il tuo consenso.",
        "Execução do acordo consigo e interesse legítimo.",
        "Uitvoering van onze overeenkomst, anders uw toestemming.",
    ],
)
def test_the_performance_of_an_agreement_is_the_contract(text: str) -> None:
    assert parse_legal_basis(text) is LegalBasis.CONTRACT


@pytest.mark.parametrize(
    "text",
    [
        # the person's agreement is consent (Art. 6(1)(a)), named before any contract wording
        "Avec votre accord, nous vous envoyons nos offres.",
        "Sous réserve de votre accord préalable, puis pour l'exécution de l'accord.",
        "With your agreement, we show you personalised offers.",
        "Mit Ihrem Einverständnis senden wir Ihnen den Newsletter.",
        "Con il suo accordo, inviamo la newsletter.",
        "Con su acuerdo, enviamos el boletín.",
        "Com o seu acordo, enviamos a newsletter.",
    ],
)
def test_the_persons_agreement_is_consent(text: str) -> None:
    assert parse_legal_basis(text) is LegalBasis.CONSENT


@pytest.mark.parametrize(
    ("text", "basis"),
    [
        ("Accord", None),  # the word alone names no basis: whose agreement it is says which
        ("Intérêt légitime, en accord avec la loi", LegalBasis.LEGITIMATE_INTERESTS),
        ("Notre accord de partenariat", LegalBasis.CONTRACT),
        ("En exécution de votre accord avec nous (conditions d'utilisation)", LegalBasis.CONTRACT),
    ],
)
def test_agreement_words_read_by_whose_agreement_it_is(text: str, basis: LegalBasis | None) -> None:
    assert parse_legal_basis(text) is basis
