"""Legal basis text -> GDPR Art. 6(1) code. Pure functions.

"Nécessaire à l'exécution du contrat" -> CONTRACT (6(1)(b)),
"Intérêt légitime" -> LEGITIMATE_INTERESTS (6(1)(f)),
"Obligations légales" -> LEGAL_OBLIGATION (6(1)(c)), "Consentement" -> CONSENT (6(1)(a)),
and the English wordings. A cell naming two bases ("... : Obligations légales. ... : Consentement.")
reads as the first one; the text is always kept beside the code by the caller.

The Art. 9(2) condition is read the same way: a citation ("art. 9(2)(h)", "9.2.a") or the
condition's own words ("consentement explicite", "médecine préventive", "santé publique").
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TypeVar

from importers.cleaning import fold
from workbench.domain.enum_labels import ENUM_LABELS, member_of_label
from workbench.domain.enums import Art9Condition, LegalBasis
from workbench.i18n import _

# The wordings of GDPR Art. 6(1)(a)-(f) in the language versions of Regulation (EU) 2016/679
# (EUR-Lex CELEX 32016R0679; German text as quoted at moodle.gdprism.eu/mod/page/view.php?id=81)
# and the short forms registers use: FR, EN, DE, ES, IT, PT, NL. "Exécution des CGU/CGV": the
# general terms are the contract (6(1)(b)); "Balance of interests" is the 6(1)(f) test.
_PATTERNS: tuple[tuple[LegalBasis, re.Pattern[str]], ...] = (
    (
        LegalBasis.CONTRACT,
        re.compile(
            r"\b(?:contrat|contractuel|contract|contractual|execution du contrat"
            r"|performance of a contract|conditions generales (?:d ?utilisation|de vente)"
            r"|cgu|cgv|terms of (?:use|service)|mesures precontractuelles"
            r"|pre contractual measures|vertrag|vertragserfullung|vorvertraglich"
            r"|ejecucion de un contrato|contrato|contractual|esecuzione di un contratto"
            r"|contratto|contrattuale|execucao de um contrato|contratual"
            r"|uitvoering van een overeenkomst|overeenkomst"
            r"|enter(?:ing)? into an agreement|performance of (?:an|the|our) agreement"
            r"|sopimu(?:s|ksen)|avtal(?:et)?|kontrakt(?:en)?)"
        ),
    ),
    (
        LegalBasis.LEGITIMATE_INTERESTS,
        re.compile(
            r"\b(?:interets? legitimes?|legitimate interests?|balance of interests?"
            r"|balancing of interests|berechtigte[ns]? interesse[ns]?|interes(?:es)? legitimos?"
            r"|legittimo interesse|interesse legittimo|interesses? legitimos?"
            r"|gerechtvaardigd(?:e)? belang(?:en)?|oikeutet(?:tu|un) e(?:tu|dun)"
            r"|berattigat intresse|berattigade intressen|legitim(?:e)? interesse)"
        ),
    ),
    (
        LegalBasis.LEGAL_OBLIGATION,
        re.compile(
            r"\b(?:obligations? legales?|obligation legale|legal obligations?"
            r"|obligations? reglementaires?|legal requirements?|rechtliche[rn]? verpflichtung"
            r"|gesetzliche[rn]? verpflichtung|obligacion(?:es)? legal(?:es)?|obbligo legale"
            r"|obblighi di legge|obrigacao legal|obrigacoes legais|wettelijke verplichting"
            # the processing required by a law; "where required by law, ... consent" names a
            # condition, not the basis
            r"|(?:are|is|be|being) required by law"
            r"|(?<!lorsque )(?<!si )(?:requis|impose)e?s? par la loi"
            r"|(?<!soweit )(?<!wenn )(?<!falls )gesetzlich vorgeschrieben"
            r"|(?<!cuando )(?<!si )exigid[oa]s? por (?:la )?ley"
            r"|(?<!ove )(?<!se )(?<!quando )(?:richiest|previst)[oaie] dalla legge"
            r"|(?<!quando )(?<!se )exigid[oa]s? por lei|(?<!indien )(?<!als )wettelijk verplicht"
            r"|lakisaatei(?:nen|sen) velvoit|rattslig forpliktelse|retlig forpligtelse)"
        ),
    ),
    (
        LegalBasis.CONSENT,
        re.compile(
            r"\b(?:consentement|consent|einwilligung|consentimiento|consenso|consentimento"
            r"|toestemming|suostumu(?:s|ksen|kseen)|samtycke|samtykke)\b"
        ),
    ),
    (
        LegalBasis.VITAL_INTERESTS,
        re.compile(
            r"\b(?:interets? vita(?:l|ux)|vital interests?|lebenswichtige[rn]? interessen"
            r"|intereses vitales|interessi vitali|interesses vitais|vitale belangen)"
        ),
    ),
    (
        # "Conformité aux obligations juridiques": the legal obligation in the words registers
        # use beside the GDPR's ("obligations légales"), in the seven languages
        LegalBasis.LEGAL_OBLIGATION,
        re.compile(
            r"\b(?:obligations? juridiques?|gesetzliche[rn]? pflicht(?:en)?"
            r"|rechtliche[rn]? pflicht(?:en)?|obligacion(?:es)? juridicas?"
            r"|obbligh?[io] giuridic[oi]|obrigac(?:ao|oes) juridicas?"
            r"|juridische verplichting(?:en)?)"
        ),
    ),
    (
        # "Compliance with law in securing personal data ...": the processing the law requires,
        # named by the compliance, not by the obligation, in the seven languages
        LegalBasis.LEGAL_OBLIGATION,
        re.compile(
            r"\b(?:compliance with (?:the |applicable |relevant )?laws?\b|legal compliance"
            r"|(?:conformite|respect) (?:a la |avec la |de la |aux |des )?lois?\b|conformite legale"
            r"|einhaltung (?:der |von )?(?:gesetze[ns]?|gesetzlicher (?:vorschriften|vorgaben))"
            r"|cumplimiento (?:de |con )?(?:la )?ley(?:es)?\b|cumplimiento legal"
            r"|(?:conformita|rispetto) (?:alla |della |delle |alle )?legg[ei]\b|conformita legale"
            r"|cumprimento (?:da |das )?leis?\b|cumprimento legal|conformidade legal"
            r"|naleving van de wet(?:geving)?\b|wettelijke naleving)"
        ),
    ),
    (
        LegalBasis.PUBLIC_TASK,
        re.compile(
            r"\b(?:mission d interet public|interet public|public task|public interest"
            r"|autorite publique|official authority|offentliche[nm]? interesse"
            r"|offentlicher gewalt|mision realizada en interes publico|interes publico"
            r"|poderes publicos|interesse pubblico|pubblici poteri|interesse publico"
            r"|autoridade publica|algemeen belang|openbaar gezag)"
        ),
    ),
)


# A citation of Art. 6(1) by its point, in the seven languages' forms: "Art. 6(1)(b)",
# "article 6, paragraphe 1, point b", "Art. 6 Abs. 1 lit. b DSGVO", "artículo 6, apartado 1,
# letra b", "articolo 6, paragrafo 1, lettera b", "artigo 6.º, n.º 1, alínea b)", "artikel 6,
# lid 1, onder b" (folded: "art 6 1 b" ...). Points (a)-(f) of Art. 6(1) GDPR: consent,
# contract, legal obligation, vital interests, public task, legitimate interests (EUR-Lex
# CELEX 32016R0679; the points as listed at raw.githubusercontent.com/ThomasMoreAI/
# legal-skills-open/main/general/data-protection/skills/lawful-basis-assessment/references/
# standards.md). Only after an article word: "6 1 b" alone may number anything.
_ART6 = (
    r"\b(?:art|article|artikel|articulo|articolo|artigo)\s+6\s+(?:o\s+)?"
    r"(?:(?:paragraphe|paragraph|para|par|abs|absatz|al|alinea|apartado|paragrafo|lid|n\s+o|n"
    r"|nr)\s+)?1\s+(?:(?:point|lit|letter|letra|lettera|alinea|onder|sub)\s+)?"
)
_ART6_POINTS = "abcdef"
_ART6_BASES = (
    LegalBasis.CONSENT,
    LegalBasis.CONTRACT,
    LegalBasis.LEGAL_OBLIGATION,
    LegalBasis.VITAL_INTERESTS,
    LegalBasis.PUBLIC_TASK,
    LegalBasis.LEGITIMATE_INTERESTS,
)
_CITATIONS: tuple[tuple[LegalBasis, re.Pattern[str]], ...] = tuple(
    (basis, re.compile(rf"{_ART6}{point}\b"))
    for point, basis in zip(_ART6_POINTS, _ART6_BASES, strict=True)
)


@lru_cache(maxsize=4096)
def parse_legal_basis(text: str) -> LegalBasis | None:
    stripped = text.strip()
    if not stripped:
        return None
    if stripped in LegalBasis._value2member_map_:
        return LegalBasis(stripped)
    labelled = member_of_label(LegalBasis, stripped)
    if labelled is not None:
        return labelled
    folded = fold(stripped)
    return _first_named(_CITATIONS + _PATTERNS, folded)


C = TypeVar("C")


def _first_named(patterns: tuple[tuple[C, re.Pattern[str]], ...], folded: str) -> C | None:
    """The code whose words come first in the text: a cell naming two reads as the first."""
    best: tuple[int, C] | None = None
    for code, pattern in patterns:
        match = pattern.search(folded)
        if match and (best is None or match.start() < best[0]):
            best = (match.start(), code)
    return best[1] if best else None


# "9(2)(h)", "9.2.h", "article 9 paragraphe 2 h", "9-2-h" all fold to "9 2 h" (or close).
_ART9_CITATION = re.compile(r"\b9\s+(?:paragraphe\s+|paragraph\s+|para\s+|al\s+)?2\s+([a-j])\b")
_ART9_WORDS: tuple[tuple[Art9Condition, re.Pattern[str]], ...] = (
    (
        Art9Condition.EXPLICIT_CONSENT,
        re.compile(r"\b(?:consentement (?:expres|explicite)|explicit consent)\b"),
    ),
    (
        Art9Condition.HEALTH_OR_SOCIAL_CARE,
        re.compile(
            r"\b(?:medecine preventive|medecine du travail|diagnostics? medica(?:l|ux)"
            r"|prise en charge sanitaire|preventive (?:or occupational )?medicine"
            r"|medical diagnosis|provision of health (?:or social )?care)"
        ),
    ),
    (Art9Condition.PUBLIC_HEALTH, re.compile(r"\b(?:sante publique|public health)\b")),
    (
        Art9Condition.LEGAL_CLAIMS,
        re.compile(r"\b(?:droits? en justice|legal claims?)\b"),
    ),
    (
        Art9Condition.SUBSTANTIAL_PUBLIC_INTEREST,
        re.compile(r"\b(?:interet public important|substantial public interest)\b"),
    ),
    (
        Art9Condition.MANIFESTLY_PUBLIC,
        re.compile(r"\b(?:manifestement (?:rendues? )?publiques?|manifestly made public)\b"),
    ),
    (
        Art9Condition.ARCHIVING_RESEARCH_STATISTICS,
        re.compile(r"\b(?:recherche scientifique|scientific research)\b"),
    ),
)


@lru_cache(maxsize=4096)
def parse_art9_condition(text: str) -> Art9Condition | None:
    """The Art. 9(2) condition a text cites or names, or None when it names none."""
    stripped = text.strip()
    if not stripped:
        return None
    if stripped in Art9Condition._value2member_map_:
        return Art9Condition(stripped)
    labelled = member_of_label(Art9Condition, stripped)
    if labelled is not None:
        return labelled
    folded = fold(stripped)
    cited = _ART9_CITATION.search(folded)
    if cited:
        return Art9Condition("9_2_" + cited.group(1))
    return _first_named(_ART9_WORDS, folded)


def cites_art9(text: str) -> bool:
    """True when the text cites Art. 9(2) by its number ("art. 9(2)(h)", "9.2.a")."""
    return _ART9_CITATION.search(fold(text)) is not None


def is_code(text: str) -> bool:
    """True when the cell holds a legal basis's or an Art. 9 condition's stable code, or its
    exact label as the application's documents print it (`importers.labels`)."""
    stripped = text.strip()
    return (
        stripped in LegalBasis._value2member_map_
        or stripped in Art9Condition._value2member_map_
        or member_of_label(LegalBasis, stripped) is not None
        or member_of_label(Art9Condition, stripped) is not None
    )


@lru_cache(maxsize=4096)  # a register's sheet repeats a few basis texts over every row
def bases_named(text: str) -> tuple[LegalBasis, ...]:
    """Every Art. 6(1) basis the text names, in the order it names them ("* Conformité aux
    obligations juridiques / * Intérêt légitime": the legal obligation, then the legitimate
    interests); the first is `parse_legal_basis`'s."""
    first = parse_legal_basis(text)
    if first is None:
        return ()
    folded = fold(text)
    named = sorted(
        (match.start(), basis) for basis, pattern in _PATTERNS for match in pattern.finditer(folded)
    )
    return tuple(dict.fromkeys([first, *(basis for _at, basis in named)]))


def several_bases_note(text: str) -> str:
    """The mark's note when a cell names several bases: which, and that the first was kept (one
    processing has one basis per purpose, Art. 6(1); the person says which one applies)."""
    named = bases_named(text)
    if len(named) < 2:
        return ""
    return _(
        "the text names several legal bases ({names}); the first one, {kept}, was kept: check "
        "which one the processing relies on."
    ).format(
        names="; ".join(_basis_label(basis) for basis in named),
        kept=_basis_label(named[0]),
    )


def _basis_label(basis: LegalBasis) -> str:
    return _(ENUM_LABELS[(LegalBasis, basis.value)])
