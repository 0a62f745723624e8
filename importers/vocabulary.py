"""Header words in the seven languages of the annexes a DPO receives (FR, EN, DE, ES, IT, PT, NL).

`mapping.py` reads a header against these phrases (folded: lower case, no accents, punctuation
to spaces). A phrase of several words also counts when the header contains it ("Quelle est la
base légale du traitement ?" holds "base legale"); KEYWORDS are single words that count the same
way ("Pourquoi ces données sont-elles collectées ?" holds "pourquoi").

The words are the ones GDPR texts use in each language for the same notions (Art. 28 "sous-
traitant ultérieur" / "sub-processor" / "Unterauftragsverarbeiter" / "subencargado" /
"sub-responsabile" / "subcontratante ulterior" / "subverwerker"; Art. 6(1) "base légale" /
"legal basis" / "Rechtsgrundlage" / "base jurídica" / "base giuridica" / "fundamento jurídico" /
"rechtsgrond"; Art. 44 transfers), and the headers vendors print beside them.
"""

from __future__ import annotations

# A column read without a record field of its own: "Transfers outside the EU" (yes/no); "no"
# makes the subprocessor's mechanism "no transfer outside the EEA", inferred.
TRANSFER_OUTSIDE_EEA = "transfer_outside_eea"

SUBPROCESSOR_WORDS: dict[str, tuple[str, ...]] = {
    "name": (
        "third party entity",
        "third party",
        "party name",
        "company",
        "company name",
        "subprocessor",
        "sub processors",
        "subprocessors",
        "processor",
        "provider",
        "service provider",
        "entity",
        "entity name",
        "legal entity name",
        "recipient",
        "sous traitants",
        "sous traitant ulterieur",
        "sous traitants ulterieurs",
        "nom du partenaire",
        "societe",
        "entreprise",
        "unternehmen",
        "firma",
        "dienstleister",
        "auftragsverarbeiter",
        "unterauftragsverarbeiter",
        "subunternehmer",
        "empresa",
        "proveedor",
        "subencargado",
        "encargado",
        "societa",
        "fornitore",
        "sub responsabile",
        "responsabile",
        "subcontratante",
        "fornecedor",
        "subverwerker",
        "verwerker",
        "leverancier",
        "bedrijf",
    ),
    "service_description": (
        "purpose",
        "purposes",
        "processing purpose",
        "service purpose",
        "description of activities",
        "activities",
        "objet",
        "objets",
        "finalite",
        "finalites",
        "finalite du traitement",
        "traitement realise",
        "zweck",
        "leistung",
        "tatigkeit",
        "finalidad",
        "servicio",
        "finalita",
        "servizio",
        "finalidade",
        "servico",
        "doel",
        "dienst",
        "entity type",
    ),
    "location_text": (
        "geographical location of the processing",
        "location of the processing",
        "server location",
        "hosting location",
        "headquarters",
        "entity country",
        "country of processing",
        "lieu de traitement",
        "localisation du traitement",
        "land",
        "standort",
        "sitz",
        "ort der verarbeitung",
        "pais",
        "ubicacion",
        "paese",
        "sede",
        "localizzazione",
        "localizacao",
        "locatie",
    ),
    "transfer_text": (
        "security measures in case of transfer",
        "appropriate safeguards for transfers",
        "transfer mechanism",
        "transfer safeguards",
        "legal basis for transfer",
        "base legale du transfert",
        "garanties",
        "garantien",
        "geeignete garantien",
        "garantias",
        "garanzie",
        "waarborgen",
    ),
    "transfer_outside_eea": (
        "transfers outside the eu",
        "transfer outside the eu",
        "transfers outside the eea",
        "transfert hors ue",
        "transferts hors ue",
        "transfert hors eee",
        "drittlandtransfer",
        "drittlandubermittlung",
        "transferencia internacional",
        "trasferimento extra ue",
        "transferencia fora da ue",
        "doorgifte buiten de eer",
    ),
    # the basis of the subprocessor's own processing (Scalingo's list): kept in its notes
    "legal_basis_text": (
        "legal base",
        "legal basis",
        "base legale",
        "base juridique",
        "rechtsgrundlage",
        "base juridica",
        "base giuridica",
        "fundamento juridico",
        "rechtsgrond",
    ),
    "address": ("contact details", "postal address", "anschrift", "direccion", "indirizzo"),
    "contact_email": ("contact e mail", "e mail address", "email address", "adresse e mail"),
    "contact_name": ("contact", "contact person", "ansprechpartner", "contacto", "contatto"),
}

TREATMENT_WORDS: dict[str, tuple[str, ...]] = {
    "purpose": (
        "zweck",
        "zwecke",
        "finalidad",
        "finalita",
        "finalidade",
        "doel",
        "doeleinde",
    ),
    "name": (
        "verarbeitungstatigkeit",
        "tratamiento",
        "actividad de tratamiento",
        "trattamento",
        "attivita di trattamento",
        "tratamento",
        "atividade de tratamento",
        "verwerking",
        "verwerkingsactiviteit",
    ),
    "legal_basis_text": (
        "legal base",
        "rechtsgrundlage",
        "base juridica",
        "base legal",
        "base giuridica",
        "fundamento juridico",
        "fundamento",
        "rechtsgrond",
        "grondslag",
        "justification legale",
    ),
    "retention.text": (
        "speicherdauer",
        "plazo de conservacion",
        "periodo di conservazione",
        "prazo de conservacao",
        "bewaartermijn",
    ),
    "data_subjects": (
        "data subject",
        "betroffene personen",
        "interesados",
        "interessati",
        "titulares",
        "betrokkenen",
    ),
    "data_categories": (
        "datenkategorien",
        "categorias de datos",
        "categorie di dati",
        "categorias de dados",
        "categorieen persoonsgegevens",
    ),
}

# A header that asks a question names the field by its first words: "Pourquoi ces données
# sont-elles collectées ?" is the purpose even though it also says "données personnelles".
LEADING_WORDS: dict[str, dict[str, tuple[str, ...]]] = {
    "treatments": {
        "purpose": (
            "pourquoi",
            "why",
            "warum",
            "wozu",
            "por que",
            "para que",
            "perche",
            "porque",
            "waarom",
            "comment nous utilisons",
            "how we use",
        ),
        "retention.text": (
            "combien de temps",
            "how long",
            "wie lange",
            "cuanto tiempo",
            "per quanto tempo",
            "quanto tempo",
            "hoe lang",
        ),
        "legal_basis_text": ("sur quelle base", "on what basis", "on which basis"),
    },
    "subprocessors": {},
}
LEADING_CONFIDENCE = 0.9

# Single words that name a field wherever they stand in a header ("Why do we collect...?")
KEYWORDS: dict[str, dict[str, tuple[str, ...]]] = {
    "treatments": {
        "purpose": ("pourquoi", "why", "purpose", "finalite", "finalites", "warum", "zweck"),
        "legal_basis_text": ("rechtsgrundlage", "lawful", "fondement"),
        "retention.text": ("conservation", "conserve", "conservees", "retention", "long"),
    },
    "subprocessors": {},
}
