from __future__ import annotations

import pytest

from importers.legal_basis import parse_legal_basis
from workbench.domain.enums import LegalBasis


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
