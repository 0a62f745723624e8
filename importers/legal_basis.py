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

from rapidfuzz.distance import OSA

from importers.cleaning import fold
from workbench.domain.enum_labels import ENUM_LABELS, member_of_label
from workbench.domain.enums import Art9Condition, LegalBasis
from workbench.i18n import _

# The wordings of GDPR Art. 6(1)(a)-(f) in the language versions of Regulation (EU) 2016/679
# (EUR-Lex CELEX 32016R0679; German text as quoted at moodle.gdprism.eu/mod/page/view.php?id=81)
# and the short forms registers use: FR, EN, DE, ES, IT, PT, NL. "Exécution des CGU/CGV": the
# general terms are the contract (6(1)(b)); "Balance of interests" is the 6(1)(f) test.
# The contract named as an agreement (Art. 6(1)(b)): its performance, or "our" agreement, in
# the seven languages ("la bonne exécution de notre accord avec vous", "l'exécution de l'accord",
# "performing our agreement with you", "Erfüllung unserer Vereinbarung", "ejecución de nuestro
# acuerdo", "esecuzione dell'accordo", "execução do acordo", "uitvoering van onze overeenkomst").
# Never "accord" alone: "avec votre accord" is the person's consent (below), not a contract;
# the agreement performed ("l'exécution de votre accord") is one.
_AGREEMENT = (
    r"(?:execution|executer|executar|execucao|ejecucion|ejecutar|esecuzione|eseguire"
    r"|performance|perform(?:ing)?|fulfil(?:l)?(?:ing|ment)?|erfullung|durchfuhrung)"
    r" (?:of |de |d |du |des |di |del |dell |della |do |da |der |unserer |einer |dieser )?"
    r"(?:la |l |el |il |lo |o |a |the |an |our |your |this |notre |nos |votre |vos |cet |cette "
    r"|nuestro |su |nostro |suo |nosso |seu |deste |del |dell |questo |este |ihrer |uw )?"
    r"(?:bonne |buena |buona |boa )?"
    r"(?:accords?|conventions?|agreements?|vereinbarung(?:en)?|acuerdos?|accord[oi]|acordos?)\b"
    r"|\b(?:notre|nos) accords?\b|\bour agreements? with you\b"
    r"|\bvereinbarung(?:en)? mit (?:ihnen|dir|uns)\b"
    r"|\b(?:nuestro|nostro|nosso) (?:acuerdo|accordo|acordo)\b"
)
# "Avec votre accord", "with your agreement", "mit Ihrem Einverständnis", "con il suo accordo":
# the person agrees, Art. 6(1)(a); "votre accord avec nous" is the contract the person holds
_YOUR_AGREEMENT = (
    r"|(?:votre|ton|leur) accord(?! avec nous)|with your (?:prior |express )?agreement"
    r"|einverstandnis|con (?:il )?(?:suo|tuo|vostro) accordo|con su acuerdo"
    r"|com o (?:seu|teu) acordo"
)

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
            r"|sopimu(?:s|ksen)|avtal(?:et)?|kontrakt(?:en)?"
            # the service the person signed up for, provided or performed (Art. 6(1)(b): the
            # contract is the service's terms): "Ejecución del servicio", "Fourniture du
            # service", "Erbringung der Dienstleistung", "Esecuzione del servizio"
            r"|(?:performance|provision) of (?:the|our) services?|execution du service"
            r"|fourniture du service|ejecucion del servicio|prestacion del servicio"
            r"|esecuzione del servizio|erogazione del servizio|execucao do servico"
            r"|prestacao do servico|uitvoering van de dienst(?:verlening)?"
            r"|erbringung der dienstleistung|bereitstellung des dienstes"
            r"|" + _AGREEMENT + r")"
        ),
    ),
    (
        LegalBasis.LEGITIMATE_INTERESTS,
        re.compile(
            r"\b(?:interets? legitimes?|legitimate interests?|balance of interests?"
            r"|balancing of interests|berechtigte[ns]? interesse[ns]?|interes(?:es)? legitimos?"
            r"|legittimo interesse|interesse legittimo|interesses? legitimos?"
            r"|gerechtvaardigd(?:e)? belang(?:en)?|oikeutet(?:tu|un) e(?:tu|dun)"
            r"|berattigat intresse|berattigade intressen|legitim(?:e)? interesse"
            # the adjective first, as Portuguese, Spanish and French may write it ("Legítimo
            # interesse", "legítimo interés", "légitime intérêt")
            r"|legitimos? interesses?|legitimo interes|legitimes? interets?)"
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
            r"|toestemming|suostumu(?:s|ksen|kseen)|samtycke|samtykke" + _YOUR_AGREEMENT + r")\b"
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
    named = _first_named(_CITATIONS + _PATTERNS, folded)
    if named is None and (corrected := _approximately_read(folded)) is not None:
        return _first_named(_PATTERNS, corrected[0])
    if named is None and (cited_act(folded) or cited_national_act(stripped)) is not None:
        return LegalBasis.LEGAL_OBLIGATION
    return named


# An act of the Union cited by its number as the basis ("Règlement (CE) n°261/2004 établissant
# des règles communes ...", "Regulation (EC) No 261/2004", "Verordnung (EU) 2015/751",
# "Directiva (UE) 2015/2366"), the cell naming no basis of Art. 6(1): the processing complies
# with the obligation that act lays down, Art. 6(1)(c), marked so (`law_citation_note`). Not the
# data protection acts themselves, which lay down no obligation to process: the GDPR (2016/679),
# Directive 95/46, the ePrivacy Directive (2002/58, its cookies need consent), Regulation
# 2018/1725 and the Law Enforcement Directive (2016/680).
_ACT = re.compile(
    r"\b(?:reglement|regulation|verordnung|reglamento|regolamento|regulamento|verordening"
    r"|directive|richtlinie|directiva|direttiva|diretiva|richtlijn)"
    r"\s+(?:(?:ce|ue|eu|ec|eg|cee|eec|ewg|eeg|eu)\s+)?(?:(?:n|no|nr|n o|num)\s*)?"
    r"(?P<first>\d{2,4})\s+(?P<second>\d{1,4})\b"
)
_DATA_PROTECTION_ACTS = frozenset({"2016 679", "95 46", "2002 58", "2018 1725", "2016 680"})


def cited_act(folded: str) -> str | None:
    """The number of the first act of the Union a folded text cites, not a data protection
    act ("261 2004"), or None."""
    for match in _ACT.finditer(folded):
        number = f"{match.group('first')} {match.group('second')}"
        if number not in _DATA_PROTECTION_ACTS:
            return number.replace(" ", "/")
    return None


# An article of a national act that obliges an employer or a business to keep records, cited by
# the act's usual abbreviation ("Art. 34.9 ET": Spain's Estatuto de los Trabajadores, art. 34.9,
# the record of working hours; "§ 257 HGB" and "§ 147 AO": Germany's commercial and tax codes,
# the keeping of books; "art. L3171-2 Code du travail"; "art. 286 CGI", "L102 B LPF": France's tax
# codes, the keeping of invoices; "art. 202 Código do Trabalho": Portugal's record of working
# time): the processing complies with that obligation, Art. 6(1)(c), marked so. The data
# protection acts (GDPR, LOPDGDD, BDSG) are not among them, as for `cited_act`.
_NATIONAL_ACT = re.compile(
    r"\b(?:art|article|articulo|artikel|artigo|articolo)\s+[l]?\d+(?:\s+\d+)*(?:\s+[a-z])?\s+"
    r"(?P<act>lgt|hgb|ao|ustg|cgi|lpf|code du travail|code de commerce|codigo do trabalho"
    r"|estatuto de los trabajadores)\b"
    r"|\b\d+\s+(?P<code>hgb|ao|ustg)\b"
)


# "ET" only in capitals after an article: folded, it is the French and Latin "and" ("article 12
# et suivants")
_ET = re.compile(r"\b(?:Art|Artículo|Articulo|art)\.?\s*\d+(?:\.\d+)*\s+ET\b")


def cited_national_act(text: str) -> str | None:
    """The abbreviation of the national act whose article the text cites, or None."""
    if _ET.search(text):
        return "ET"
    match = _NATIONAL_ACT.search(fold(text))
    return None if match is None else (match.group("act") or match.group("code")).upper()


def law_citation_note(text: str) -> str:
    """The mark's note when the basis was read from an act the text cites, else ''."""
    folded = fold(text.strip())
    if not folded or _first_named(_CITATIONS + _PATTERNS, folded) is not None:
        return ""
    if _approximately_read(folded) is not None:
        return ""
    if (act := cited_act(folded)) is None:
        national = cited_national_act(text)
        if national is None:
            return ""
        return _(
            "the text cites a national act ({act}) and no basis of Art. 6(1): read as a legal "
            "obligation"
        ).format(act=national)
    return _(
        "the text cites an act of the Union ({act}) and no basis of Art. 6(1): read as a legal "
        "obligation"
    ).format(act=act)


# A basis phrase misspelt by a letter ("Intérêt légtime", "Obligation légalle", "Berechtigtes
# Intresse"), read as the phrase, marked so (`approximation_note`): a word of 7 letters or more
# one edit from a word of the phrases (a letter dropped, changed or two swapped; never one added,
# never the first letter), that one word only, and only inside a phrase of several words: one
# word alone a letter off ("Contact", a letter from "Contract") is another word.
APPROXIMATE_MIN_LETTERS = 7


def _pattern_words(pattern: str) -> set[str]:
    """The words a pattern spells, each with and without its optional ending ("interets?",
    "berechtigte[ns]?": interet, interets; berechtigte, berechtigten, berechtigtes)."""
    words: set[str] = set()
    for match in re.finditer(r"[a-z]+", pattern):
        word, after = match.group(), pattern[match.end() :]
        letters = re.match(r"\[([a-z]+)\]\?", after)
        if after.startswith("?"):
            words |= {word, word[:-1]}
        elif letters:
            words |= {word, *(word + letter for letter in letters.group(1))}
        else:
            words.add(word)
    return {word for word in words if len(word) >= APPROXIMATE_MIN_LETTERS - 1}


_PHRASE_WORDS = frozenset(
    word for _basis, pattern in _PATTERNS for word in _pattern_words(pattern.pattern)
)
_WORDS_BY_START: dict[str, tuple[str, ...]] = {
    start: tuple(sorted(w for w in _PHRASE_WORDS if w[0] == start))
    for start in {w[0] for w in _PHRASE_WORDS}
}


@lru_cache(maxsize=4096)
def _approximately_read(folded: str) -> tuple[str, str, str] | None:
    """(the text with its misspelt word corrected, the word as written, the word read), when
    correcting one word makes a phrase of several words of `_PATTERNS` name a basis; a word
    as near two words of the phrases is read only when both readings name the same basis."""
    for match in re.finditer(rf"\b[a-z]{{{APPROXIMATE_MIN_LETTERS},}}\b", folded):
        written = match.group()
        if written in _PHRASE_WORDS:
            continue
        near = sorted(
            word
            for word in _WORDS_BY_START.get(written[0], ())
            if len(word) in (len(written), len(written) + 1) and OSA.distance(written, word) == 1
        )
        readings = [
            (basis, corrected, word)
            for word in near
            if (found := _phrase_with(folded, match.start(), match.end(), word)) is not None
            for basis, corrected in (found,)
        ]
        if readings and len({basis for basis, _c, _w in readings}) == 1:
            _basis, corrected, word = readings[0]
            return corrected, written, word
    return None


def _phrase_with(folded: str, start: int, end: int, word: str) -> tuple[LegalBasis, str] | None:
    """The basis a phrase of several words names once the text's word at start:end is `word`,
    with the corrected text; None when no such phrase holds the corrected word."""
    corrected = folded[:start] + word + folded[end:]
    for basis, pattern in _PATTERNS:
        for found in pattern.finditer(corrected):
            inside = found.start() <= start and start + len(word) <= found.end()
            if inside and " " in found.group():
                return basis, corrected
    return None


def approximation_note(text: str) -> str:
    """The mark's note when the basis was read from a misspelt phrase, else ''."""
    folded = fold(text.strip())
    if not folded or _first_named(_CITATIONS + _PATTERNS, folded) is not None:
        return ""
    read = _approximately_read(folded)
    if read is None:
        return ""
    return _("read as «{word}» (approximate match of «{written}»)").format(
        word=read[2], written=read[1]
    )


C = TypeVar("C")


# Consent named only to say the processing goes without it ("Exentas de consentimiento (art.
# 22.2 LSSI-CE)", "exempt from consent", "sans consentement", "ohne Einwilligung", "does not
# require consent"): no reading of Art. 6(1)(a); the words are taken out before the bases are
# looked for, in the seven languages
_WITHOUT_CONSENT = re.compile(
    r"\b(?:sans|without|ohne|sin|senza|sem|zonder|exempt(?:e|ee|es|ees|s)?\s+(?:de|du|from)"
    r"|exent[ao]s?\s+de(?:l)?|esent[ei]\s+da(?:l)?|isent[ao]s?\s+de|vrijgesteld\s+van"
    r"|befreit\s+von\s+der|(?:does|do|is)\s+not\s+(?:require|need)|no\s+requiere[n]?"
    r"|ne\s+requiert\s+pas|ne\s+necessitent\s+pas|ne\s+necessite\s+pas"
    r"|nao\s+requer(?:em)?|non\s+richied(?:e|ono))"
    r"\s+(?:(?:le|la|l|de|d|du|the|your|votre|vostro|il|su|seu|o|uw|ihre?|eine?|prior|previo"
    r"|prealable|preventivo|explicit|expres)\s+)*"
    r"(?:consentement|consent|einwilligung|zustimmung|consentimiento|consenso|consentimento"
    r"|toestemming)\b"
)


def _first_named(patterns: tuple[tuple[C, re.Pattern[str]], ...], folded: str) -> C | None:
    """The code whose words come first in the text: a cell naming two reads as the first."""
    folded = _WITHOUT_CONSENT.sub(" ", folded)
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
    folded = _WITHOUT_CONSENT.sub(" ", fold(text))
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
