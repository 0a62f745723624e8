"""Which column feeds which field: automatic from French and English headers, with a confidence.

The canonical headers of `workbench.domain.fields` (what the Excel export writes, in English and
French) map with confidence 1.0; synonyms seen in real annexes and vendor lists map with 0.95
when equal, less when only close (rapidfuzz). Each field takes at most one column, best first.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from rapidfuzz import fuzz, process

from importers import vocabulary, vocabulary_nordic, vocabulary_questions
from importers.cleaning import fold
from importers.model import ColumnGuess, ColumnMapping, RecordKind, TableCandidate
from workbench.domain.fields import SUBPROCESSOR_FIELDS, TREATMENT_FIELDS, FieldSpec

NAME_AND_PURPOSE = "name_and_purpose"  # Annex 1's "Finalités": a name, then its description
TRANSFER_OUTSIDE_EEA = vocabulary.TRANSFER_OUTSIDE_EEA
STORAGE_LOCATION = vocabulary.STORAGE_LOCATION
MIN_CONFIDENCE = 0.6
SYNONYM_CONFIDENCE = 0.95
CONTAINS_CONFIDENCE = 0.85
KEYWORD_CONFIDENCE = 0.75
MAX_HEADER_LENGTH = 80
LONG_WORD = 12  # "Unterauftragsverhältnisse": a compound near "Unterauftragnehmer"

# The column an export lists its records' unconfirmed values in (read by `importers.marks`).
UNCONFIRMED_HEADERS = (
    "unconfirmed",
    "unconfirmed values",
    "values to confirm",
    "values to be verified",
    "to be verified",
    "valeurs a confirmer",
    "valeurs non confirmees",
    "a confirmer",
    "a verifier",
)

TREATMENT_SYNONYMS: dict[str, tuple[str, ...]] = {
    "name": (
        "traitement",
        "nom du traitement",
        "activite de traitement",
        "processing activity",
        "processing",
        "activity",
        "name of processing",
        "intitule du traitement",
        "nom de l activite",
    ),
    "purpose": (
        "finalite",
        "finalites",
        "purpose",
        "purposes",
        "purpose of the processing",
        "purposes of the processing",
        "objectifs poursuivis",
        "finalite principale",
    ),
    "data_categories": (
        "donnees personnelles traitees",
        "donnees traitees",
        "categories de donnees",
        "categories of data",
        "categories of personal data",
        "personal data",
        "donnees personnelles",
        "donnees collectees",
        "categories de donnees collectees",
        "data processed",
    ),
    "data_subjects": (
        "personnes concernees",
        "categories de personnes concernees",
        "data subjects",
        "categories of data subjects",
    ),
    "legal_basis_text": (
        "base legale",
        "base legale de traitement",
        "base juridique",
        "fondement juridique",
        "fondement legal",
        "legal basis",
        "lawful basis",
        "legal basis of the processing",
        "licéité",
    ),
    "retention.text": (
        "duree de conservation",
        "durees de conservation",
        "conservation",
        "retention",
        "retention period",
        "data retention",
        "delai de conservation",
        "storage period",
    ),
    "recipients": (
        "destinataires",
        "categories de destinataires",
        "recipients",
        "categories of recipients",
    ),
    "transfers": (
        "transferts hors ue",
        "transferts",
        "transfers",
        "transfers outside the eu",
        "transferts hors union europeenne",
    ),
    "security_measures": (
        "mesures de securite",
        "security measures",
        "technical and organisational measures",
    ),
    "organisation": ("organisme", "organisation", "organization", "societe", "company"),
    "role": ("role", "qualite", "capacity"),
    "joint_controller": ("responsable conjoint", "co responsable", "joint controller"),
    "description": ("description", "sous finalites", "details"),
    "notes": ("notes", "remarques", "commentaires", "comments", "observations"),
    "art9_condition": (
        "condition art 9",
        "exception art 9",
        "derogation art 9",
        "article 9 condition",
        "art 9 condition",
    ),
    "dpia.status": (
        "aipd",
        "dpia",
        "pia",
        "analyse d impact",
        "aipd requise",
        "aipd necessaire",
        "dpia required",
        "data protection impact assessment",
    ),
    "dpia.done_on": ("date de l aipd", "aipd realisee le", "date of the dpia", "dpia date"),
    "unconfirmed": UNCONFIRMED_HEADERS,
}

SUBPROCESSOR_SYNONYMS: dict[str, tuple[str, ...]] = {
    "unconfirmed": UNCONFIRMED_HEADERS,
    "name": (
        "subcontractor name",
        "subcontractor",
        "name of subprocessor",
        "subprocessor name",
        "sub processor",
        "entity",
        "entity name",
        "partenaire",
        "prestataire",
        "sous traitant",
        "sous traitant ulterieur",
        "nom du sous traitant",
        "vendor",
        "supplier",
        "fournisseur",
        "name",
        "nom",
        "raison sociale",
        "raison sociale de l acteur",
        "company name",
    ),
    "service_description": (
        "description",
        "prestation",
        "service",
        "services",
        "service provided",
        "nature of processing",
        "nature du service",
        "activite",
        "activites",
        "processing activities",
        "description of processing",
        "purpose of processing",
    ),
    "category": ("categorie", "category", "type de service", "type of service"),
    "data_categories": (
        "categories of personal data processed",
        "categories of personal data",
        "categories de donnees",
        "personal data",
        "donnees traitees",
        "data processed",
        "types of personal data",
        "donnees personnelles",
    ),
    "location_text": (
        "server location",
        "location of processing",
        "pays destinataire",
        "localisation",
        "localisation des serveurs",
        "localisation des donnees",
        "hosting location",
        "data location",
        "location",
        "country",
        "countries",
        "pays",
        "data center location",
        "lieu d hebergement",
        "processing location",
    ),
    "transfer_text": (
        "data transfer mechanism",
        "data transfer mechanism if applicable",
        "appropriate safeguards",
        "garanties",
        "garanties appropriees",
        "transfer mechanism",
        "mecanisme de transfert",
        "encadrement des transferts",
        "transfer safeguards",
        "safeguards",
    ),
    "legal_entity": ("legal entity", "entite juridique", "legal name"),
    "contact_email": ("email", "e mail", "contact email"),
    "address": ("adresse", "address", "siege", "registered address"),
    "notes": (
        "notes",
        "remarques",
        "commentaires",
        "comments",
        # the free-text remarks column in the other languages
        "remarks",
        "anmerkungen",
        "bemerkungen",
        "hinweise",
        "notas",
        "observaciones",
        "comentarios",
        "note",
        "osservazioni",
        "commenti",
        "observacoes",
        "opmerkingen",
    ),
}

IGNORED_CANONICAL = frozenset({"id", "sensitive_data"})  # provenance only, or derived


def _with_vocabulary(
    synonyms: dict[str, tuple[str, ...]], words: dict[str, tuple[str, ...]]
) -> dict[str, tuple[str, ...]]:
    merged = dict(synonyms)
    for key, phrases in words.items():
        merged[key] = tuple(dict.fromkeys(merged.get(key, ()) + phrases))
    return merged


TREATMENT_SYNONYMS = _with_vocabulary(TREATMENT_SYNONYMS, vocabulary.TREATMENT_WORDS)
SUBPROCESSOR_SYNONYMS = _with_vocabulary(SUBPROCESSOR_SYNONYMS, vocabulary.SUBPROCESSOR_WORDS)
# the Nordic languages' words after the seven languages' (theirs win a tie)
TREATMENT_SYNONYMS = _with_vocabulary(TREATMENT_SYNONYMS, vocabulary_nordic.NORDIC_TREATMENT_WORDS)
SUBPROCESSOR_SYNONYMS = _with_vocabulary(
    SUBPROCESSOR_SYNONYMS, vocabulary_nordic.NORDIC_SUBPROCESSOR_WORDS
)
# a header that asks the reader's question ("What data is used?") names the field by its words
vocabulary.LEADING_WORDS["treatments"] = _with_vocabulary(
    vocabulary.LEADING_WORDS["treatments"], vocabulary_questions.QUESTION_STARTS
)


@cache
def _canonical(kind: RecordKind) -> dict[str, str]:
    specs: tuple[FieldSpec, ...] = (
        TREATMENT_FIELDS if kind is RecordKind.TREATMENTS else SUBPROCESSOR_FIELDS
    )
    table: dict[str, str] = {}
    for spec in specs:
        table.setdefault(fold(spec.header_en), spec.key)
        table.setdefault(fold(spec.header_fr), spec.key)
    return table


def _synonyms(kind: RecordKind) -> dict[str, tuple[str, ...]]:
    return TREATMENT_SYNONYMS if kind is RecordKind.TREATMENTS else SUBPROCESSOR_SYNONYMS


@lru_cache(maxsize=8192)
def score_header(header: str, kind: RecordKind) -> tuple[str | None, float]:
    """The field a header names, and how sure that is (0..1). Memoised: finding a sheet's
    header scores its first rows under both kinds, several times over."""
    folded = _without_law_name(fold(_header_text(header)))
    if not folded or len(folded) > MAX_HEADER_LENGTH:  # a sentence is data, not a header
        return None, 0.0
    canonical = _canonical(kind).get(folded)
    if canonical is not None:
        return canonical, 1.0
    if header.rstrip().endswith(":"):
        introduced = _sentence_field(folded, kind)
        if introduced is not None:  # "Nous utilisons vos informations personnelles pour :"
            return introduced, vocabulary.LEADING_CONFIDENCE
        named = _first_phrase(folded, kind)
        if named is not None:  # "Base juridique pour l'utilisation des données personnelles :"
            return named, CONTAINS_CONFIDENCE
    for key, starts in vocabulary.LEADING_WORDS.get(kind.value, {}).items():
        if any(folded == w or folded.startswith(w + " ") for w in starts):
            return key, vocabulary.LEADING_CONFIDENCE
    best = _best_synonym(folded, kind)
    if best[1] < CONTAINS_CONFIDENCE:
        for key, starts in vocabulary.LEADING_FALLBACK.get(kind.value, {}).items():
            if any(folded.startswith(w + " ") for w in starts):
                return key, CONTAINS_CONFIDENCE  # "Nombre de la Entidad"
        for key, ends in vocabulary.TRAILING_FALLBACK.get(kind.value, {}).items():
            if any(folded.endswith(" " + w) for w in ends):
                return key, CONTAINS_CONFIDENCE  # "Payment service providers"
    if best[1] < KEYWORD_CONFIDENCE:
        words = set(folded.split())
        for key, keywords in vocabulary.KEYWORDS.get(kind.value, {}).items():
            if words & set(keywords):
                best = (key, KEYWORD_CONFIDENCE)  # "Pourquoi ces données sont-elles collectées ?"
                break
    return best if best[1] >= MIN_CONFIDENCE else (None, best[1])


# The name of the law a header cites after its word, folded ("Rechtsgrond (AVG)", "Base légale
# (RGPD)", "Rechtsgrundlage (DSGVO)", "Lawful basis (UK GDPR)", "Base de licitud (LOPDP)"): the
# GDPR in the seven languages and the national acts beside it; the header is its word alone
_LAW_NAME = re.compile(
    r"^(?P<word>.+?)\s+(?:uk gdpr|gdpr|rgpd|dsgvo|ds gvo|avg|gdpr art 6|lopdgdd|lopdp|bdsg|dsg"
    r"|uavg|lgpd|codice privacy|loi informatique et libertes)$"
)


def _without_law_name(folded: str) -> str:
    match = _LAW_NAME.match(folded)
    return match.group("word") if match else folded


def names_providers_by_kind(header: str) -> bool:
    """The header is the word for the providers with the kind of provider they are
    ("Prestataires de services de paiement", "Fournisseurs d'hébergement", "Hosting
    providers"): it names the column of names and heads the kind of records below it."""
    folded = fold(_header_text(header))
    leading = vocabulary.PROVIDER_HEADS
    trailing = vocabulary.TRAILING_FALLBACK["subprocessors"]["name"]
    return any(folded.startswith(w + " ") for w in leading) or any(
        folded.endswith(" " + w) for w in trailing
    )


def _sentence_field(folded: str, kind: RecordKind) -> str | None:
    """The field a sentence header ending with ':' introduces: one of its verbs, and the
    linking word it ends with (`vocabulary.SENTENCE_HEADERS`)."""
    words = set(folded.split())
    for key, (verbs, ends) in vocabulary.SENTENCE_HEADERS.get(kind.value, {}).items():
        if words & set(verbs) and any(folded == e or folded.endswith(" " + e) for e in ends):
            return key
    return None


def _first_phrase(folded: str, kind: RecordKind) -> str | None:
    """The field of the phrase a sentence names first, among the known phrases of several
    words it contains: the sentence is about its subject, not the words after it."""
    keys, phrases, _equal = _synonym_table(kind)
    padded = f" {folded} "
    found = [
        (padded.find(f" {phrase} "), i)
        for i, phrase in enumerate(phrases)
        if " " in phrase and f" {phrase} " in padded
    ]
    return keys[min(found)[1]] if found else None


def _best_synonym(folded: str, kind: RecordKind) -> tuple[str | None, float]:
    """The synonym closest to a header: equal, contained ("Categories of personal data
    processed"), else the best fuzzy ratio; the first in vocabulary order on a tie."""
    keys, phrases, equal = _synonym_table(kind)
    at = equal.get(folded)
    if at is not None:
        return keys[at], SYNONYM_CONFIDENCE
    padded = f" {folded} "
    contained = {i for i, phrase in enumerate(phrases) if " " in phrase and f" {phrase} " in padded}
    # the fuzzy ratios in one C loop over every synonym: a Python call per synonym cost
    # seconds per sheet scanned for its header
    if contained:
        ranked = process.extract(
            folded, phrases, scorer=fuzz.token_sort_ratio, processor=None, limit=None
        )
        found = next((f for f in ranked if f[2] not in contained), None)
    else:
        found = process.extractOne(folded, phrases, scorer=fuzz.token_sort_ratio, processor=None)
    # a contained synonym scores CONTAINS_CONFIDENCE, any other its ratio; the best wins
    scored = [(CONTAINS_CONFIDENCE, -_subject(padded, phrases, contained))] if contained else []
    if found is not None and (
        " " in folded
        or len(folded) >= LONG_WORD
        or folded in phrases[found[2]].split()
        or found[1] / 100 * 0.9 >= KEYWORD_CONFIDENCE
    ):
        # a short word a letter or two off another is another word ("Context" is no "Contact");
        # a phrase, a word of the synonym ("Hébergement", of "lieu d'hébergement") or a long
        # compound sharing a synonym's stem is read by a loose likeness
        scored.append((found[1] / 100 * 0.9, -found[2]))
    if not scored or max(scored)[0] <= 0:
        return None, 0.0
    score, at = max(scored)
    return keys[-at], score


def _subject(padded: str, phrases: tuple[str, ...], contained: set[int]) -> int:
    """Of the known phrases a header contains, the one it names first, the longest there, then
    the first in vocabulary order: a header is about its subject, not the words after it
    ("Legal basis for our use of personal data" is the legal basis, not the data)."""
    return min(contained, key=lambda i: (padded.find(f" {phrases[i]} "), -len(phrases[i]), i))


@cache
def _synonym_table(kind: RecordKind) -> tuple[tuple[str, ...], tuple[str, ...], dict[str, int]]:
    """Each synonym folded once: (field keys, folded phrases, first index of each phrase)."""
    pairs = [(key, fold(s)) for key, phrases in _synonyms(kind).items() for s in phrases]
    equal: dict[str, int] = {}
    for index, (_key, phrase) in enumerate(pairs):
        equal.setdefault(phrase, index)
    return tuple(k for k, _ in pairs), tuple(p for _, p in pairs), equal


def _header_text(header: str) -> str:
    """A header cell without the rules a page draws under it ("TRAITEMENT\n----------")."""
    lines = [line for line in header.split("\n") if line.strip(" -_=*")]
    return " ".join(lines)


def _first_header(headers: tuple[str, ...]) -> int | None:
    return next((i for i, h in enumerate(headers) if h.strip()), None)


def lists_recipients(headers: tuple[str, ...]) -> bool:
    """The first column is headed by the word for the recipient (`vocabulary.RECIPIENT_HEADS`):
    a list of recipients, whatever its other columns (a purpose, a legal basis) suggest."""
    first = _first_header(headers)
    return first is not None and fold(_header_text(headers[first])) in vocabulary.RECIPIENT_HEADS


def _service_named(
    headers: tuple[str, ...], candidates: list[tuple[float, int, str]]
) -> list[tuple[float, int, str]]:
    """ "Service | Purpose | Policy", "Serviço | Finalidade", "Tool | Zweck": without a column
    naming the provider, the column headed by the word for the service or tool itself
    (`vocabulary.SERVICE_HEADS`) names the records, when another column says what it does."""
    if any(key == "name" for _score, _index, key in candidates):
        return candidates
    first = _first_header(headers)
    if first is not None and lists_recipients(headers):
        kept = [c for c in candidates if c[1] != first]
        return [*kept, (SYNONYM_CONFIDENCE, first, "name")]
    service = next(
        (i for i, h in enumerate(headers) if fold(_header_text(h)) in vocabulary.SERVICE_HEADS),
        None,
    )
    if service is None or not any(
        key == "service_description" and index != service for _score, index, key in candidates
    ):
        return candidates
    kept = [c for c in candidates if c[1] != service]
    return [*kept, (SYNONYM_CONFIDENCE, service, "name")]


def _seat_beside_place(
    headers: tuple[str, ...], candidates: list[tuple[float, int, str]]
) -> list[tuple[float, int, str]]:
    """ "Sitz | Region", "Headquarters | Data location", "Sede legale | Localizzazione": beside
    a column saying where the data is processed, the column of the company's seat
    (`vocabulary.SEAT_HEADS`) is its address, not the place of processing (the first of two
    place columns would otherwise win their tie), nor its legal entity. Without such a column,
    a seat column the synonyms miss ("Zetel", "Firmensitz") is the only place the row gives."""
    seats = {i for i, h in enumerate(headers) if fold(_header_text(h)) in vocabulary.SEAT_HEADS}
    if not seats:
        return candidates
    places = [c for c in candidates if c[2] == "location_text" and c[1] not in seats]
    if places:
        kept = [c for c in candidates if c[1] not in seats]
        return [*kept, *((SYNONYM_CONFIDENCE, i, "address") for i in sorted(seats))]
    named = {c[1] for c in candidates}
    return [*candidates, *((SYNONYM_CONFIDENCE, i, "location_text") for i in seats - named)]


def map_headers(headers: tuple[str, ...], kind: RecordKind) -> ColumnMapping:
    candidates = []
    for index, header in enumerate(headers):
        key, score = score_header(header, kind)
        if key is not None:
            candidates.append((score, index, key))
    if kind is RecordKind.SUBPROCESSORS:
        candidates = _seat_beside_place(headers, _service_named(headers, candidates))
    taken_fields: set[str] = set()
    chosen: dict[int, tuple[str, float]] = {}
    for score, index, key in sorted(candidates, key=lambda c: (-c[0], c[1])):
        if key in taken_fields or index in chosen:
            continue
        taken_fields.add(key)
        chosen[index] = (key, score)
    columns = []
    for index, header in enumerate(headers):
        key, score = chosen.get(index, (None, 0.0))
        if key in IGNORED_CANONICAL:
            key = None
        columns.append(ColumnGuess(index, header, key, round(score, 2)))
    return _name_from_purpose(ColumnMapping(kind, tuple(columns)))


def _name_from_purpose(mapping: ColumnMapping) -> ColumnMapping:
    """Annex 1: without a name column, the "Finalités" cell starts with the activity's name."""
    if mapping.kind is not RecordKind.TREATMENTS or mapping.index_of("name") is not None:
        return mapping
    if mapping.index_of(NAME_AND_PURPOSE) is not None:
        return mapping
    purpose = mapping.index_of("purpose")
    if purpose is None:
        return mapping
    return ColumnMapping(
        mapping.kind,
        tuple(
            ColumnGuess(c.index, c.header, NAME_AND_PURPOSE, c.confidence)
            if c.index == purpose
            else c
            for c in mapping.columns
        ),
    )


def mapping_score(mapping: ColumnMapping) -> float:
    return sum(c.confidence for c in mapping.columns if c.field)


def guess_kind(headers: tuple[str, ...]) -> tuple[RecordKind, float]:
    treatments = map_headers(headers, RecordKind.TREATMENTS)
    subprocessors = map_headers(headers, RecordKind.SUBPROCESSORS)
    if lists_recipients(headers) and subprocessors.index_of("name") is not None:
        return RecordKind.SUBPROCESSORS, mapping_score(subprocessors)
    if _tool_beside_purpose_and_basis(headers, treatments, subprocessors):
        return RecordKind.TREATMENTS, mapping_score(treatments)
    sub_bonus = 0.5 if subprocessors.fields & {"location_text", "transfer_text", "locations"} else 0
    t_score = mapping_score(treatments)
    s_score = mapping_score(subprocessors) + sub_bonus
    if s_score > t_score and not _purposes_without_entity(treatments, subprocessors):
        return RecordKind.SUBPROCESSORS, s_score
    return RecordKind.TREATMENTS, t_score


# what only a subprocessor table states: who the entity is, where, and how it is reached
_ENTITY_FIELDS = frozenset(
    {"name", "legal_entity", "location_text", "locations", "transfer_text", "address"}
    | {"contact_email", "contact_name", TRANSFER_OUTSIDE_EEA, STORAGE_LOCATION}
)


def _tool_beside_purpose_and_basis(
    headers: tuple[str, ...], treatments: ColumnMapping, subprocessors: ColumnMapping
) -> bool:
    """ "Herramienta | Datos tratados | Finalidad | Base legal", "Tool | Purpose | Lawful basis":
    the tool or service a purpose is served by, beside the purpose and its Art. 6 basis, is
    the means of a treatment, not a provider: read as subprocessors only the service's column
    would name an entity (`_service_named`), and no column says where or how it is reached."""
    name = subprocessors.index_of("name")
    if name is None or fold(_header_text(headers[name])) not in vocabulary.SERVICE_HEADS:
        return False
    if not {NAME_AND_PURPOSE, "legal_basis_text"} <= treatments.fields:
        return False
    return not subprocessors.fields & (_ENTITY_FIELDS - {"name"})


def _tool_as_description(headers: tuple[str, ...], mapping: ColumnMapping) -> ColumnMapping:
    """A treatments table's tool or service column (`vocabulary.SERVICE_HEADS`) beside its
    purposes: the means of each treatment, kept as its description."""
    if mapping.index_of(NAME_AND_PURPOSE) is None or "description" in mapping.fields:
        return mapping
    return ColumnMapping(
        mapping.kind,
        tuple(
            ColumnGuess(c.index, c.header, "description", SYNONYM_CONFIDENCE)
            if c.field is None and fold(_header_text(c.header)) in vocabulary.SERVICE_HEADS
            else c
            for c in mapping.columns
        ),
    )


def _purposes_without_entity(treatments: ColumnMapping, subprocessors: ColumnMapping) -> bool:
    """ "Purpose of processing | Legal Basis | Categories of Personal Data": read as
    subprocessors, no column names an entity or says where it is, while the purposes name the
    treatments; the table is one of treatments, whatever its headers score."""
    return NAME_AND_PURPOSE in treatments.fields and not subprocessors.fields & _ENTITY_FIELDS


def propose_mapping(table: TableCandidate, kind: RecordKind = RecordKind.AUTO) -> ColumnMapping:
    """The automatic mapping of a table's columns, for `kind` or the kind its headers suggest."""
    if kind is RecordKind.AUTO:
        kind = table.kind if table.kind is not RecordKind.AUTO else guess_kind(table.headers)[0]
    if table.header_row < 0:  # a table without header (Annex 2): name, then description
        # from the first column with text: a sheet may leave column A empty
        first = min(
            (i for r in table.preview_rows for i, c in enumerate(r) if c.strip()), default=0
        )
        fields = {first: "name", first + 1: "service_description"}
        return ColumnMapping(
            kind, tuple(ColumnGuess(i, "", fields.get(i), 0.5) for i in range(table.width))
        )
    from importers.agreement_column import tool_from_agreement
    from importers.content import refine_mapping  # content.py reads this module's constants

    refined = refine_mapping(map_headers(table.headers, kind), table.preview_rows)
    mapping = _name_from_purpose(tool_from_agreement(refined, table.preview_rows))
    if kind is RecordKind.TREATMENTS:  # once the kind is chosen: it adds to no kind's score
        return _tool_as_description(table.headers, mapping)
    return mapping


def mapping_from_profile(
    table: TableCandidate, profile: dict[str, object], profile_name: str
) -> ColumnMapping:
    """Apply a saved profile (header text -> field) to a table; unknown headers are ignored."""
    kind = RecordKind(str(profile.get("kind", RecordKind.TREATMENTS.value)))
    wanted = profile.get("columns", {})
    if not isinstance(wanted, dict):
        raise TypeError(f"mapping profile '{profile_name}' has no column table")
    by_fold = {fold(str(h)): f for h, f in wanted.items()}
    columns = tuple(
        ColumnGuess(i, header, by_fold.get(fold(header)), 1.0 if by_fold.get(fold(header)) else 0)
        for i, header in enumerate(table.headers)
    )
    return ColumnMapping(kind, columns)
