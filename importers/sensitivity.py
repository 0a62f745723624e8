"""Which data categories are health, other Art. 9, NIR or Art. 10 data. Pure functions.

Keyword lists in French and English (GDPR Art. 9(1) and 10; the NIR is framed as sensitive by
the CNIL). A category matching nothing is standard; the user can correct it afterwards.
"""

from __future__ import annotations

import re
from functools import lru_cache

from importers.cleaning import fold
from workbench.domain.enums import DataSensitivity

_KEYWORDS: tuple[tuple[DataSensitivity, tuple[str, ...]], ...] = (
    (
        DataSensitivity.NIR,
        (
            "nir",
            "numero de securite sociale",
            "securite sociale",
            "social security number",
            "numero de secu",
            "ins",
            "matricule ins",
        ),
    ),
    (
        DataSensitivity.CRIMINAL,
        (
            "condamnation",
            "infraction",
            "casier judiciaire",
            "criminal conviction",
            "criminal offence",
            "criminal record",
        ),
    ),
    (
        DataSensitivity.HEALTH,
        (
            "sante",
            "health",
            "medical",
            "medicale",
            "medicaux",
            "medicales",
            "medecin",
            "antecedent",
            "diagnostic",
            "diagnosis",
            "traitement en cours",
            "current treatment",
            "ordonnance",
            "prescription",
            "feuille de soins",
            "arret de travail",
            "taille",
            "poids",
            "height",
            "weight",
            "comorbid",
            "co morbidity",
            "symptom",
            "symptome",
            "pathologie",
            "handicap",
            "disability",
            "consultation",
            "teleconsultation",
            "compte rendu",
            "donnees sensibles",
            "sensitive data",
            "documents sensibles",
            "courriers medicaux",
            "disease",
            "maladie",
            "soins",
            "care",
        ),
    ),
    (
        DataSensitivity.SPECIAL,
        (
            "genetique",
            "genetic",
            "biometri",
            "origine raciale",
            "origine ethnique",
            "racial",
            "ethnic",
            "opinions politiques",
            "political opinion",
            "religi",
            "philosophi",
            "syndica",
            "trade union",
            "orientation sexuelle",
            "vie sexuelle",
            "sexual orientation",
            "sex life",
        ),
    ),
)
_PATTERNS = tuple(
    # short keywords ("nir", "ins", "care") must be whole words: "institution" is not "ins"
    (
        sensitivity,
        re.compile(
            r"\b(?:" + "|".join(re.escape(k) + (r"\b" if len(k) <= 4 else "") for k in keys) + r")"
        ),
    )
    for sensitivity, keys in _KEYWORDS
)
# Words that name a person's identity or contact in a health context, not health data itself.
_NOT_HEALTH = re.compile(
    r"\b(?:numero de mobile|email|telephone|phone|nom|prenom|name|civilite|adresse|identifiant)\b"
)


# People and places of care named in contact data: "Email address for patients and health
# professionals" says nothing of anyone's health ("professionnels de santé consultés" does).
_CARE_PROVIDERS = re.compile(
    r"\b(?:health ?care professionals?|health professionals?|healthcare providers?"
    r"|health care providers?|professionnels? de (?:la )?sante|etablissements? de sante)\b"
)


@lru_cache(maxsize=8192)
def classify(category: str) -> DataSensitivity:
    folded = fold(category)
    if _NOT_HEALTH.search(folded):
        folded = _CARE_PROVIDERS.sub(" ", folded)
    for sensitivity, pattern in _PATTERNS:
        match = pattern.search(folded)
        if not match:
            continue
        # "Téléphone du Patient" is contact data; "Synthèse de la consultation" is health
        is_contact = match.group(0) == "consultation" and _NOT_HEALTH.search(folded)
        if sensitivity is DataSensitivity.HEALTH and is_contact:
            continue
        return sensitivity
    return DataSensitivity.STANDARD
