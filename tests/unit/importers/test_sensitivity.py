from __future__ import annotations

import pytest

from importers.sensitivity import classify
from workbench.domain.enums import DataSensitivity as S


@pytest.mark.parametrize(
    ("category", "sensitivity"),
    [
        ("Antécédents médicaux (facultatifs)", S.HEALTH),
        ("Synthèse de la consultation", S.HEALTH),
        ("Medical information (patient's health institution, height, weight)", S.HEALTH),
        ("Poids (facultatif)", S.HEALTH),
        ("NIR (facultatif)", S.NIR),
        ("Numéro matricule INS", S.NIR),
        ("Données génétiques", S.SPECIAL),
        ("Casier judiciaire", S.CRIMINAL),
        ("Civilité", S.STANDARD),
        ("Email du Patient / Praticien", S.STANDARD),
        ("Contact details (email address, phone number)", S.STANDARD),
        ("Email address for patients and health professionals", S.STANDARD),
        ("Téléphone des professionnels de santé", S.STANDARD),
        ("Liste des professionnels de santé consultés", S.HEALTH),
    ],
)
def test_keywords(category: str, sensitivity: S) -> None:
    assert classify(category) is sensitivity
