"""Legal basis text -> GDPR Art. 6(1) code. Pure functions.

"Nécessaire à l'exécution du contrat" -> CONTRACT (6(1)(b)),
"Intérêt légitime" -> LEGITIMATE_INTERESTS (6(1)(f)),
"Obligations légales" -> LEGAL_OBLIGATION (6(1)(c)), "Consentement" -> CONSENT (6(1)(a)),
and the English wordings. A cell naming two bases ("... : Obligations légales. ... : Consentement.")
reads as the first one; the text is always kept beside the code by the caller.
"""

from __future__ import annotations

import re
from functools import lru_cache

from importers.cleaning import fold
from workbench.domain.enums import LegalBasis

_PATTERNS: tuple[tuple[LegalBasis, re.Pattern[str]], ...] = (
    (
        LegalBasis.CONTRACT,
        re.compile(
            r"\b(?:contrat|contractuel|contract|contractual|execution du contrat"
            r"|performance of a contract)"
        ),
    ),
    (
        LegalBasis.LEGITIMATE_INTERESTS,
        re.compile(r"\b(?:interets? legitimes?|legitimate interests?)"),
    ),
    (
        LegalBasis.LEGAL_OBLIGATION,
        re.compile(
            r"\b(?:obligations? legales?|obligation legale|legal obligations?"
            r"|obligations? reglementaires?|legal requirements?)"
        ),
    ),
    (LegalBasis.CONSENT, re.compile(r"\b(?:consentement|consent)\b")),
    (LegalBasis.VITAL_INTERESTS, re.compile(r"\b(?:interets? vita(?:l|ux)|vital interests?)")),
    (
        LegalBasis.PUBLIC_TASK,
        re.compile(
            r"\b(?:mission d interet public|interet public|public task|public interest"
            r"|autorite publique|official authority)"
        ),
    ),
)


@lru_cache(maxsize=4096)
def parse_legal_basis(text: str) -> LegalBasis | None:
    stripped = text.strip()
    if not stripped:
        return None
    if stripped in LegalBasis._value2member_map_:
        return LegalBasis(stripped)
    folded = fold(stripped)
    best: tuple[int, LegalBasis] | None = None
    for basis, pattern in _PATTERNS:
        match = pattern.search(folded)
        if match and (best is None or match.start() < best[0]):
            best = (match.start(), basis)
    return best[1] if best else None
