from __future__ import annotations

import pytest

from importers.transfers import parse_mechanism
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
