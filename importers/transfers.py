"""Transfer mechanisms (GDPR Chapter V) recognised in free text. Pure functions.

Rules, first match wins (the text is always kept beside the code by the caller):
- "N/A", "none", "aucun", "-" -> NONE (the source says there is no transfer tool);
- BCR / Binding Corporate Rules / règles d'entreprise contraignantes -> BCR (Art. 46(2)(b), 47);
- DPF / Data Privacy Framework -> ADEQUACY_US_DPF (Decision (EU) 2023/1795);
- SCC / CCT / standard contractual clauses / clauses contractuelles types -> SCC, module 3 when
  the text says processor-to-processor, module 1/4 when it says so (`stated_module`: "Modul 3",
  "Módulo 4", "P2P", "controller to controller"), otherwise module 2: the
  register's subprocessors are processors engaged by the organisation as controller (Art. 28);
- adequacy / adéquation -> ADEQUACY (Art. 45);
- "intra-EEA", "no transfer", "pas de transfert", "Self-Hosted EU" -> NONE_INTRA_EEA;
- a code written as is ("SCC_EU_2021_914_M3", the Excel export's column) -> that code;
- an invalid or legacy basis (Privacy Shield, pre-2021 SCCs, "article 46-3"): the code of what
  the text claims (a void basis has its own code, never a valid one), its mark's note saying
  what the text cites and why it is no basis (`LEGACY_MECHANISMS`).

A text may name several tools ("CCT + DPF"): `parse_mechanism` keeps the first rule's, and
`mechanisms_named` lists them all, so that the import's mark on the value says so.
"""

from __future__ import annotations

import re
from functools import lru_cache

from importers.cleaning import fold
from workbench.domain.enum_labels import member_of_label
from workbench.domain.enums import TransferMechanism
from workbench.i18n import N_, _

# A transfer tool cited by its article, in the seven languages' forms (folded): "Art. 46(2)(c)",
# "Art. 46 Abs. 2 lit. c DSGVO", "article 46, paragraphe 2, point c", "artículo 46, apartado 2,
# letra c)", "art. 46, par. 2, lett. c", "artigo 46.º, n.º 2, alínea c)", "artikel 46, lid 2,
# onder c"; Art. 45 is the adequacy decision. The points of Art. 46(2) GDPR (EUR-Lex CELEX
# 32016R0679): (a) instrument between public authorities, (b) binding corporate rules, (c)
# standard data protection clauses adopted by the Commission (Decision (EU) 2021/914, recital 2:
# "cláusulas tipo de protección de datos adoptadas por la Comisión de conformidad con el artículo
# 46, apartado 2, letra c)", eu.vlex.com/vid/decision-ejecucion-ue-2021-868769153), (d) ones
# adopted by a supervisory authority, (e) a code of conduct, (f) a certification.
_ARTICLE_WORD = r"\b(?:art|article|artikel|articulo|articolo|artigo)\s+"
_ARTICLE = _ARTICLE_WORD + r"{article}\s+(?:o\s+)?"
_PARAGRAPH = (
    r"(?:(?:paragraphe|paragraph|para|par|abs|absatz|al|alinea|apartado|paragrafo|lid|n\s+o|n"
    r"|nr)\s+)?{paragraph}\s+(?:(?:point|lit|letter|letra|lettera|lett|alinea|onder|sub)\s+)?"
)
_ART46_2 = _ARTICLE.format(article="46") + _PARAGRAPH.format(paragraph="2")
_CITED_TOOLS: tuple[tuple[re.Pattern[str], TransferMechanism], ...] = (
    *(
        (re.compile(rf"{_ART46_2}{point}\b"), mechanism)
        for point, mechanism in (
            ("a", TransferMechanism.PUBLIC_AUTH_INSTRUMENT),
            ("b", TransferMechanism.BCR),
            ("c", TransferMechanism.SCC_EU_2021_914_M2),
            ("d", TransferMechanism.SCC_SA_ADOPTED),
            ("e", TransferMechanism.CODE_OF_CONDUCT),
            ("f", TransferMechanism.CERTIFICATION),
        )
    ),
    (re.compile(_ARTICLE_WORD + r"45\b"), TransferMechanism.ADEQUACY),
)
# "none" in the seven languages, folded: the whole of a cell stating no tool (and, under a
# header naming the transfer itself, no transfer: `subprocessor_cells.no_transfer_in_column`)
NONE_WORDS = frozenset(
    {"none", "aucun", "aucune", "keine", "kein", "ninguna", "ninguno", "nessuno", "nessuna"}
    | {"nenhum", "nenhuma", "geen"}
)
_RULES: tuple[tuple[re.Pattern[str], TransferMechanism], ...] = (
    (
        re.compile(
            r"^(?:n a|na|neant|sans objet|not applicable|non applicable|"
            + "|".join(sorted(NONE_WORDS))
            + r")$"
        ),
        TransferMechanism.NONE,
    ),
    (
        re.compile(
            r"\b(?:intra eea|intra eee"
            r"|no (?:third party |third country |international |cross border )?transfers?"
            r"|pas de transfert|aucun transfert"
            r"|no (?:personal )?data (?:is |are )?transferred outside"
            r"|not transferred outside|(?:is|are) not transferred|without transfer"
            r"|sans transfert|kein(?:e)? (?:drittland)?(?:transfer|ubermittlung)"
            r"|sin transferencias?|ningun(?:a)? transferencia|nessun trasferimento"
            r"|sem transferencias?|nenhuma transferencia|geen doorgifte)\b"
        ),
        TransferMechanism.NONE_INTRA_EEA,
    ),
    (
        re.compile(r"\b(?:bcr|binding corporate rules|regles d entreprise contraignantes)\b"),
        TransferMechanism.BCR,
    ),
    (
        re.compile(r"\b(?:dpf|data privacy framework|eu us data privacy)\b"),
        TransferMechanism.ADEQUACY_US_DPF,
    ),
    (
        re.compile(
            r"\b(?:module 3|module three|processor to processor|sous traitant a sous traitant)"
        ),
        TransferMechanism.SCC_EU_2021_914_M3,
    ),
    (
        re.compile(
            r"\b(?:scc|sccs|cct|ccts|standard contractual clauses?|clauses contractuelles"
            r" types?|model clauses|standardvertragsklauseln|standarddatenschutzklauseln"
            r"|clausulas contractuales tipo|clausole contrattuali (?:tipo|standard)"
            r"|clausulas contratuais (?:tipo|padrao)|modelcontractbepalingen"
            r"|standaardcontractbepalingen"
            # Art. 46(2)(c)'s own words: "standard data protection clauses", "clauses types de
            # protection des données", "cláusulas tipo de protección de datos", "clausole tipo
            # di protezione dei dati", "cláusulas-tipo de proteção de dados", "standaardbepalingen
            # inzake gegevensbescherming"
            r"|standard data protection clauses|clauses types de protection des donnees"
            r"|clausulas tipo de proteccion de datos|clausole tipo di protezione dei dati"
            r"|clausulas tipo de protecao de dados|standaardbepalingen inzake gegevensbescherming"
            r"|clausulas contractuales estandar|standardschutzklauseln"
            # the short forms a list writes for the same clauses ("DPF / Standardklauseln",
            # "standard clauses", "clauses standard", "standaardclausules")
            r"|standard clauses|standardklauseln|clauses standards?|clausole standard"
            r"|clausulas estandar|clausulas padrao|standaardclausules)\b"
        ),
        TransferMechanism.SCC_EU_2021_914_M2,
    ),
    *_CITED_TOOLS,  # after the words: "SCC (Art. 46(2)(c))" is read by its words
    (re.compile(r"\b(?:ad hoc)\b"), TransferMechanism.AD_HOC_CLAUSES),
    (
        re.compile(
            r"\b(?:adequacy|adequate|adequation|adequat|decision d adequation"
            r"|angemessenheitsbeschluss|decision de adecuacion|decisione di adeguatezza"
            r"|decisao de adequacao|adequaatheidsbesluit)\b"
        ),
        TransferMechanism.ADEQUACY,
    ),
    (re.compile(r"\b(?:code of conduct|code de conduite)\b"), TransferMechanism.CODE_OF_CONDUCT),
)
# An Art. 49(1) derogation cited by its point, in the seven languages' forms ("Art. 49(1)(d)",
# "article 49, paragraphe 1, point e", "Art. 49 Abs. 1 lit. a DSGVO", "artículo 49, apartado 1,
# letra d", "articolo 49, paragrafo 1, lettera e", "artigo 49.º, n.º 1, alínea d)", "artikel 49,
# lid 1, onder e"): points (a)-(g), DOMAIN.md 2.2 (text of Art. 49(1): data.guardint.org,
# cnpd.public.lu "Derogations for specific situations"). Read after every transfer tool: a
# derogation is the last resort, so a cell naming a tool and a derogation keeps the tool.
_ART49 = (
    r"\b(?:art|article|artikel|articulo|articolo|artigo)\s+49\s+(?:o\s+)?"
    r"(?:(?:paragraphe|paragraph|para|par|abs|absatz|al|alinea|apartado|paragrafo|lid|n\s+o|n"
    r"|nr)\s+)?1\s+(?:(?:point|lit|letter|letra|lettera|alinea|onder|sub)\s+)?"
)
_RULES = _RULES + tuple(
    (re.compile(rf"{_ART49}{point}\b"), TransferMechanism(f"DEROG_49_1_{point.upper()}"))
    for point in "abcdefg"
)
# "EU-intern" (Swedish, Danish, German: "within the EU"), "inom EU/EES", "inden for EU/EØS",
# "innenfor EU/EØS", "EU:n sisällä": no transfer outside the EEA; read after every tool
_WITHIN_THE_EU = re.compile(
    r"\b(?:eu interne?|ees interne?|eea interne?|inom (?:eu|ees)|inden for (?:eu|e s)"
    r"|innenfor (?:eu|e s)|eu n sisalla|eta n sisalla"
    # the processing "within the EEA" in the other languages ("tratamiento dentro del EEE",
    # "processing within the EU", "au sein de l'UE", "innerhalb der EU", "all'interno dell'UE",
    # "dentro da UE", "binnen de EER")
    r"|(?:tratamiento|processing|traitement|verarbeitung|trattamento|tratamento|verwerking)"
    r" (?:dentro del?|within the|au sein de l|innerhalb der|innerhalb des|all interno dell"
    r"|dentro da|dentro do|binnen de)"
    r" (?:eu|ue|eea|eee|ewr|see|eer|union europea|union europeenne))\b"
)
# "the data stays in the EU" in the seven languages ("les données restent dans l'UE", "die
# Daten bleiben in der EU", "los datos permanecen en la UE", "i dati restano nell'UE", "os dados
# permanecem na UE", "gegevens blijven binnen de EU"): no transfer outside the EEA (Art. 44
# concerns transfers to a third country); read after every tool, a cell naming one keeps it
_STAYS_IN_THE_EU = re.compile(
    r"\b(?:data|donnees|daten|datos|dati|dados|gegevens)\s+(?:\w+\s+)?"
    r"(?:stay|stays|remain|remains|reste|restent|bleiben|bleibt|verbleiben|permanecen|permanece"
    r"|quedan|restano|resta|rimangono|rimane|permanecem|ficam|fica|blijven|blijft"
    # or are stored, kept or hosted there: "Dati persistiti esclusivamente in UE", "data
    # stored only in the EU", "Daten werden ausschließlich in der EU gespeichert" (verb last)
    r"|persistiti|conservati|memorizzati|archiviati|stored|kept|hosted|held|stockees"
    r"|conservees|hebergees|almacenados|alojados|armazenados|hospedados|opgeslagen|bewaard)"
    r"(?:\s+(?:exclusively|only|solely|esclusivamente|solo|soltanto|uniquement|exclusivement"
    r"|exclusivamente|solamente|unicamente|apenas|uitsluitend|alleen))?"
    r"(?:\s+(?:in|im|within|inside|dans|l|la|le|en|de|der|dem|the|nell|nella|na|no|binnen"
    r"|innerhalb|dentro|all|interno|hebergees|stored|gespeichert|opgeslagen|almacenados"
    r"|armazenados|conservati|stockees))*\s+"
    r"(?:eu|ue|eea|eee|ewr|ees|eer|see|unione europea|european union|union europeenne"
    r"|europaischen union|union europea|uniao europeia|europese unie)\b"
)
# Hosted on the organisation's own servers in the EEA ("Self-Hosted EU", "on-premise (EU)",
# "selbst gehostet (EU)", "auto-hébergé dans l'UE"): no recipient outside the EEA. Only when
# the cell names the EU/EEA and no other place: a bare "self-hosted" says nothing of where the
# servers are, so it gives no mechanism rather than a guess, and "self-hosted (US)" is a transfer.
_SELF_HOSTED = (
    r"(?:self hosted|selfhosted|self hosting|on premises?|on prem|selbst gehostet|eigenbetrieb"
    r"|auto heberge|auto hebergement|sur site|autoalojado|en las instalaciones|auto ospitato"
    r"|in sede|zelf gehost|on site|auto hospedado)"
)
_EEA_NAMES = r"eu|ue|eea|eee|ewr|ees|eer|see|europe|europa"
_EEA_WORDS = rf"(?:\s+(?:in|im|within|dans|l|la|le|en|de|der|the|nell|{_EEA_NAMES}))*"
_RULES = (
    *_RULES,
    (_WITHIN_THE_EU, TransferMechanism.NONE_INTRA_EEA),
    (_STAYS_IN_THE_EU, TransferMechanism.NONE_INTRA_EEA),
    (
        re.compile(rf"^{_SELF_HOSTED}(?=.*\b(?:{_EEA_NAMES})\b){_EEA_WORDS}$"),
        TransferMechanism.NONE_INTRA_EEA,
    ),
)
# The module a cell states decides it (Implementing Decision (EU) 2021/914, Annex, Clause 8's
# headings: "MODULE ONE: Transfer controller to controller", two controller to processor, three
# processor to processor, four processor to controller; EUR-Lex CELEX 32021D0914, table of
# contents at lexaris.de/library/tableofcontents/2057082): "Modul 3", "Módulo 2", "Modulo 4",
# "Module 1", "module three", "processor → processor", "C2P", "P2P", in the seven languages
_MODULE_CODES = (
    TransferMechanism.SCC_EU_2021_914_M1,
    TransferMechanism.SCC_EU_2021_914_M2,
    TransferMechanism.SCC_EU_2021_914_M3,
    TransferMechanism.SCC_EU_2021_914_M4,
)
_NUMBERS = (
    "1|one|un|eins|uno|um|een|i",
    "2|two|deux|zwei|dos|due|dois|twee|ii",
    "3|three|trois|drei|tres|tre|drie|iii",
    "4|four|quatre|vier|cuatro|quattro|quatro|iv",
)
_MODULE_NUMBER = re.compile(
    r"\b(?:module|modul|modulo|moduul)\s+(?:n\s+o\s+|nr\s+)?(?:"
    + "|".join(f"(?P<m{i}>{words})" for i, words in enumerate(_NUMBERS, 1))
    + r")\b"
)
_CONTROLLER = (
    r"(?:controller|responsable(?: du traitement| del tratamiento)?|verantwortliche[rn]?"
    r"|titolare|responsavel|verwerkingsverantwoordelijke)"
)
_PROCESSOR = (
    r"(?:processor|sous traitant|auftragsverarbeiter|encargado(?: del tratamiento)?"
    r"|responsabile(?: del trattamento)?|subcontratante|verwerker)"
)
_TO = r"\s+(?:to|a|an|zu|al|ad|para|naar|2)?\s*"
_ROLE_PAIRS = tuple(
    re.compile(rf"\b{first}{_TO}{second}\b")
    for first, second in (
        (_CONTROLLER, _CONTROLLER),
        (_CONTROLLER, _PROCESSOR),
        (_PROCESSOR, _PROCESSOR),
        (_PROCESSOR, _CONTROLLER),
    )
)
_ROLE_CODES = re.compile(r"\b(?:(?P<m1>c2c)|(?P<m2>c2p)|(?P<m3>p2p)|(?P<m4>p2c))\b")


def stated_module(folded: str) -> TransferMechanism | None:
    """The SCC module the folded text states, by its number or by the parties' roles, or None
    (the caller then keeps module 2, the register's usual case)."""
    for pattern in (_MODULE_NUMBER, _ROLE_CODES):
        match = pattern.search(folded)
        if match is not None:
            return next(code for i, code in enumerate(_MODULE_CODES, 1) if match.group(f"m{i}"))
    pairs = zip(_MODULE_CODES, _ROLE_PAIRS, strict=True)
    return next((code for code, pair in pairs if pair.search(folded)), None)


# Short names for the mark's note ("the text names several mechanisms: SCC, DPF").
_SHORT_NAMES = {
    TransferMechanism.NONE: N_("none"),
    TransferMechanism.NONE_INTRA_EEA: N_("no transfer outside the EEA"),
    TransferMechanism.BCR: N_("binding corporate rules"),
    TransferMechanism.ADEQUACY_US_DPF: N_("EU-US Data Privacy Framework"),
    TransferMechanism.SCC_EU_2021_914_M1: N_("standard contractual clauses, module 1"),
    TransferMechanism.SCC_EU_2021_914_M2: N_("standard contractual clauses, module 2"),
    TransferMechanism.SCC_EU_2021_914_M3: N_("standard contractual clauses, module 3"),
    TransferMechanism.SCC_EU_2021_914_M4: N_("standard contractual clauses, module 4"),
    TransferMechanism.AD_HOC_CLAUSES: N_("ad hoc clauses"),
    TransferMechanism.ADEQUACY: N_("adequacy decision"),
    TransferMechanism.CODE_OF_CONDUCT: N_("code of conduct"),
}


# Invalid or legacy bases a vendor text may still cite (shared DOMAIN.md §2, "invalid legacy
# bases"), recorded as claimed under their own codes (TransferMechanism.INVALID_*, which the
# check transfer-invalid-basis flags), always marked, the note saying why.
LEGACY_MECHANISMS: tuple[tuple[re.Pattern[str], TransferMechanism, str], ...] = (
    (
        re.compile(r"\bprivacy shield\b"),
        TransferMechanism.INVALID_PRIVACY_SHIELD,
        N_(
            "the text relies on the EU-US Privacy Shield, invalidated by the CJEU on 16 July 2020 "
            "(C-311/18, Schrems II): recorded as the vendor claims it, which is no basis; check "
            "the recipient's EU-US Data Privacy Framework certification or the tool actually used."
        ),
    ),
    (
        re.compile(r"\b(?:2010 87|2001 497|2004 915)\b|\b(?:scc|sccs|clauses?)\D{0,30}\b2010\b"),
        TransferMechanism.INVALID_SCC_2010_87,
        N_(
            "the text cites standard contractual clauses adopted before 2021 (Decisions 2001/497, "
            "2004/915, 2010/87), repealed, transition ended on 27 December 2022 (Implementing "
            "Decision (EU) 2021/914, Art. 4): recorded as claimed, which is no longer a basis; "
            "check whether the 2021 clauses were signed."
        ),
    ),
    (
        re.compile(r"\b46\s+(?:paragraphe\s+|paragraph\s+|para\s+|al\s+)?3\b(?!\s+b\b)"),
        TransferMechanism.AD_HOC_CLAUSES,
        N_(
            "the text cites Art. 46(3): ad hoc clauses need the competent supervisory "
            "authority's authorisation (Art. 46(3)(a), consistency mechanism Art. 63): check it."
        ),
    ),
)


_CURRENT_SCC = re.compile(r"\b2021\b|\b914\b")


def legacy_mechanism(text: str) -> tuple[TransferMechanism, str] | None:
    """(the code of what the text claims, note) when it cites an invalid or legacy basis: a
    void basis keeps its own code (never read as a valid one), Art. 46(3) is ad hoc clauses."""
    folded = fold(text)
    for pattern, mechanism, note in LEGACY_MECHANISMS:
        if pattern.search(folded):
            return mechanism, _(note)
    return None


def is_code(text: str) -> bool:
    """True when the cell holds a mechanism's stable code, or its exact label as the Excel
    export prints it (`importers.labels`)."""
    return text.strip() in TransferMechanism.__members__ or (
        member_of_label(TransferMechanism, text) is not None
    )


@lru_cache(maxsize=4096)
def mechanisms_named(text: str) -> tuple[TransferMechanism, ...]:
    """Every mechanism the text names, in the rules' order (the first is `parse_mechanism`'s)."""
    first = parse_mechanism(text)
    if first is None:
        return ()
    folded = fold(text)
    found = [first]
    for pattern, mechanism in _RULES:
        if not mechanism.is_safeguard or not pattern.search(folded):
            continue
        named = mechanism
        if mechanism is TransferMechanism.SCC_EU_2021_914_M2:
            named = stated_module(folded) or mechanism
        # "SCCs (module 3)" is one tool, not module 3 and module 2; "DPF adequacy" is the DPF
        if named.value.startswith("SCC") and any(f.value.startswith("SCC") for f in found):
            continue
        if named is TransferMechanism.ADEQUACY and TransferMechanism.ADEQUACY_US_DPF in found:
            continue
        if named not in found:
            found.append(named)
    return tuple(found)


def several_named_note(text: str) -> str:
    """The mark's note: a legacy basis the text cites, and the tools when it names several."""
    legacy = legacy_mechanism(text)
    legacy_note = legacy[1] if legacy is not None and legacy[0] is parse_mechanism(text) else ""
    return " ".join(part for part in (legacy_note, _several_named(text)) if part)


def _several_named(text: str) -> str:
    named = mechanisms_named(text)
    if len(named) < 2:
        return ""
    return _(
        "the text names several mechanisms ({names}); the first one, {kept}, was kept: check "
        "which one covers the transfer."
    ).format(
        names="; ".join(_(_SHORT_NAMES.get(m, m.value)) for m in named),
        kept=_(_SHORT_NAMES.get(named[0], named[0].value)),
    )


@lru_cache(maxsize=4096)
def parse_mechanism(text: str) -> TransferMechanism | None:
    """The mechanism the text names, or None when it names none we know."""
    stripped = text.strip()
    if not stripped:
        return None
    if stripped in TransferMechanism.__members__:
        return TransferMechanism(stripped)
    labelled = member_of_label(TransferMechanism, stripped)
    if labelled is not None:
        return labelled
    folded = fold(stripped)
    if stripped in ("-", "–", "/"):
        return TransferMechanism.NONE
    legacy = legacy_mechanism(stripped)
    if (
        legacy is not None
        and legacy[0].value.startswith("INVALID_SCC")
        and not _CURRENT_SCC.search(folded)
    ):
        # "CCT 2010/87/UE" claims the repealed clauses, not the current ones they resemble.
        return legacy[0]
    for pattern, mechanism in _RULES:
        if pattern.search(folded):
            if mechanism in (
                TransferMechanism.SCC_EU_2021_914_M2,
                TransferMechanism.SCC_EU_2021_914_M3,
            ):
                return stated_module(folded) or mechanism
            return mechanism
    return legacy[0] if legacy is not None else None  # only where no current tool is named
