from __future__ import annotations

import pytest

from importers.retention import parse_retention
from workbench.domain.enums import RetentionUnit as U


@pytest.mark.parametrize(
    ("text", "duration", "unit", "start"),
    [
        (
            "5 ans à compter de la dernière mise en relation.",
            5,
            U.YEAR,
            "la dernière mise en relation",
        ),
        ("24 mois après la collecte des enquêtes.", 24, U.MONTH, "la collecte des enquêtes"),
        ("1 month", 1, U.MONTH, ""),
        ("Jusqu'à 12 mois après collecte des données.", 12, U.MONTH, "collecte des données"),
        ("Suppression des écoutes au bout de 4 mois.", 4, U.MONTH, ""),
        ("De 30 à 360 jours.", 360, U.DAY, ""),
        ("5 years after the end of the contract", 5, U.YEAR, "the end of the contract"),
        ("un (1) mois à compter de sa réception", 1, U.MONTH, "sa réception"),
    ],
)
def test_periods_are_read(text: str, duration: int, unit: U, start: str) -> None:
    retention = parse_retention(text)
    assert (retention.duration, retention.unit, retention.start_event) == (duration, unit, start)
    assert retention.text == text


def test_text_without_a_period_is_kept_unstructured() -> None:
    retention = parse_retention("<i>Cf. Gestion des documents Utilisateurs.</i>")
    assert not retention.is_structured
    assert retention.text == "Cf. Gestion des documents Utilisateurs."
