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

# A second place column beside the processing one: where the data is stored ("Processing
# Country | Storage Country"); storing is processing (Art. 4(2) GDPR), so its places are the
# subprocessor's locations too. The seat ("Corporate Country") is not: it is where the company
# is, not where it processes.
STORAGE_LOCATION = "storage_location_text"

# "Data processed" in the seven languages: the categories of data a subprocessor, or a
# treatment, processes ("Verwerkte data", "Verarbeitete Daten", "Datos tratados"), never its name
DATA_PROCESSED = (
    "processed data",
    "verarbeitete daten",
    "verarbeitete personenbezogene daten",
    "datos tratados",
    "datos procesados",
    "dati trattati",
    "dati elaborati",
    "dados tratados",
    "dados processados",
    "verwerkte data",
    "verwerkte gegevens",
    "verwerkte persoonsgegevens",
)

# A table of data categories, told by its headers alone ("Categorie | Voorbeelden | Bron",
# "Catégorie | Exemples | Source"): a bare category, its examples, where the data comes from
# (Art. 14(2)(f) GDPR, "from which source the personal data originate"), in the seven languages.
# A header is one of these words, alone or followed by what it is of ("Exemples de données").
BARE_CATEGORY_HEADERS = (
    "categorie",
    "categories",
    "category",
    "kategorie",
    "kategorien",
    "categoria",
    "categorias",
    "categorieen",
)
EXAMPLE_HEADERS = (
    "exemple",
    "exemples",
    "example",
    "examples",
    "beispiel",
    "beispiele",
    "ejemplo",
    "ejemplos",
    "esempio",
    "esempi",
    "exemplo",
    "exemplos",
    "voorbeeld",
    "voorbeelden",
)
DATA_SOURCE_HEADERS = (
    "source",
    "sources",
    "origine",
    "provenance",
    "origin",
    "quelle",
    "quellen",
    "herkunft",
    "fuente",
    "fuentes",
    "origen",
    "procedencia",
    "fonte",
    "fonti",
    "provenienza",
    "fontes",
    "origem",
    "bron",
    "bronnen",
    "herkomst",
)

SUBPROCESSOR_WORDS: dict[str, tuple[str, ...]] = {
    "data_categories": DATA_PROCESSED,
    STORAGE_LOCATION: (
        "storage country",
        "storage location",
        "data storage location",
        "pays de stockage",
        "lieu de stockage",
        "localisation du stockage",
        "speicherort",
        "land der speicherung",
        "ort der speicherung",
        "pais de almacenamiento",
        "ubicacion del almacenamiento",
        "paese di archiviazione",
        "luogo di conservazione",
        "pais de armazenamento",
        "local de armazenamento",
        "opslaglocatie",
        "land van opslag",
    ),
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
        "unterauftragnehmer",
        "anbieter",  # the provider, as "aanbieder" / "dienstverlener" in Dutch
        "aanbieder",
        "dienstverlener",
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
        "prestador",
        "prestadores",
        "subverwerker",
        "verwerker",
        "leverancier",
        "bedrijf",
        # the name of the entity, in each language: "Raison sociale", "Nombre de la entidad",
        # "Razón social", "Ragione sociale", "Denominazione", "Denominação social", "Naam"
        "nom de l entite",
        "nom de la societe",
        "denomination",
        "denomination sociale",
        "entite",
        "name of the entity",
        "name of entity",
        "name of sub processor",
        "legal name of the entity",
        "firmenname",
        "name des unternehmens",
        "name des dienstleisters",
        "nombre",
        "nombre de la entidad",
        "nombre de la empresa",
        "nombre del proveedor",
        "razon social",
        "denominacion",
        "denominacion social",
        "entidad",
        "nome",
        "nome del fornitore",
        "ragione sociale",
        "denominazione",
        "denominazione sociale",
        "entita",
        "nome da entidade",
        "nome da empresa",
        "entidade",
        "denominacao",
        "denominacao social",
        "naam",
        "bedrijfsnaam",
        "naam van de verwerker",
        "naam subverwerker",
        "entiteit",
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
        "actividad",
        "attivita",
        "atividade",
        "activiteit",
        "werkzaamheden",
    ),
    "location_text": (
        "geographical location of the processing",
        # "Geographic Location" and its forms in the seven languages
        "geographic location",
        "geographical location",
        "location of processing",
        "processing location",
        "localisation geographique",
        "ubicacion geografica",
        "localizzazione geografica",
        "geografische locatie",
        "localizacao geografica",
        "geografischer standort",
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
        # "country of processing" in the other languages
        "pais de tratamiento",
        "lugar de tratamiento",
        "paese di trattamento",
        "luogo del trattamento",
        "pais de tratamento",
        "local de tratamento",
        "land van verwerking",
        "pais",
        "ubicacion",
        "paese",
        "sede",
        "localizzazione",
        "localizacao",
        "locatie",
        # the hosting region of a cloud provider: "Region", "Regio", "Región", "Regione", "Região"
        "region",
        "regio",
        "regione",
        "regiao",
        "vestigingsland",
        # the place, in one word: "Ort", "Lieu", "Lugar", "Luogo", "Plaats"
        "ort",
        "lieu",
        "lugar",
        "luogo",
        "plaats",
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
        # the tool's own name for the column ("Mecanismo de garantía", "Mécanisme de garantie",
        # "Meccanismo di garanzia", "Mecanismo de transferência", "Doorgiftemechanisme",
        # "Safeguard mechanism"); not the German compounds: "Garantiemechanismus" would read
        # Hebelki's "Rechtsmechanismus" by likeness, and a record then outscores its header
        "safeguard mechanism",
        "transfer tool",
        "mecanisme de garantie",
        "mecanismo de garantia",
        "mecanismos de garantia",
        "mecanismo de transferencia",
        "meccanismo di garanzia",
        "meccanismo di trasferimento",
        "doorgiftemechanisme",
        "waarborgmechanisme",
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
    "contact_name": (
        "contact",
        "contact person",
        "contact name",
        "nom du contact",
        "ansprechpartner",
        "kontaktperson",
        "contacto",
        "nombre de contacto",
        "contatto",
        "nome del contatto",
        "contato",
        "contactpersoon",
        "naam contactpersoon",
    ),
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
        # "the purpose of the processing": the purpose, not the processing's name
        "finalite du traitement",
        "finalites du traitement",
        "zweck der verarbeitung",
        "finalidad del tratamiento",
        "finalita del trattamento",
        "finalidade do tratamento",
        "doel van de verwerking",
        "verwerkingsdoel",
        # the same as one compound or with the processing first ("Processing purpose",
        # "Verarbeitungszweck", "Verwerkingsdoeleinden", "Finalidades del tratamiento")
        "processing purpose",
        "processing purposes",
        "purpose of processing",
        "purposes of processing",
        "purpose of the processing",
        "purposes of the processing",
        "verarbeitungszweck",
        "verarbeitungszwecke",
        "zwecke der verarbeitung",
        "verwerkingsdoelen",
        "verwerkingsdoeleinden",
        "finalidades del tratamiento",
        "finalita del trattamento dei dati",
        "finalidades do tratamento",
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
        # the Dutch GDPR's own word (AVG art. 6: "rechtsgrondslag"), and its plural
        "rechtsgrondslag",
        "rechtsgrondslagen",
        "wettelijke grondslag",
        "justification legale",
        # the Spanish-speaking laws' own words: "licitud" (RGPD art. 6 "Licitud del
        # tratamiento"; Ecuador's LOPDP art. 7 "bases de licitud"), "legitimación" (the AEPD's
        # "base de legitimación")
        "base de licitud",
        "bases de licitud",
        "licitud",
        "licitud del tratamiento",
        "base de legitimacion",
        "bases de legitimacion",
        "legitimacion",
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
        # "the individuals concerned" (a retention table's first column: whose data it keeps)
        "individus concernes",
        "individuals concerned",
        "persons concerned",
        "personas afectadas",
        "persone interessate",
        "pessoas em causa",
        "betrokken personen",
        "betroffene personen",
        "interesados",
        "interessati",
        "titulares",
        "betrokkenen",
    ),
    "data_categories": (
        *DATA_PROCESSED,
        # "the data concerned": which of the person's data a row is about
        "donnees a caractere personnel concernees",
        "donnees personnelles concernees",
        "donnees concernees",
        "personal data concerned",
        "data concerned",
        "betroffene daten",
        "datos afectados",
        "dati interessati",
        "dados em causa",
        "betrokken gegevens",
        "datenkategorien",
        "categorias de datos",
        "categorie di dati",
        "categorias de dados",
        "categorieen persoonsgegevens",
    ),
    # Art. 30(1)(d) "categories of recipients": Empfänger, destinatarios, destinatari, ontvangers
    "recipients": (
        "empfanger",
        "kategorien von empfangern",
        "destinatarios",
        "categorias de destinatarios",
        "destinatari",
        "categorie di destinatari",
        "ontvangers",
        "categorieen van ontvangers",
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
            # "Durée au terme duquel les données sont supprimées", "Duration of storage"
            "duree",
            "duration",
            "dauer",
            "duracion",
            "durata",
            "duracao",
            "duur",
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
    # "Where", "Où sont hébergées les données ?", "Dónde": a subprocessor's column that asks
    # where is its place, whatever follows (the question word in the seven languages, and the
    # Nordic ones: Swedish "var", Danish and Norwegian "hvor")
    "subprocessors": {
        "location_text": ("where", "ou", "wo", "donde", "dove", "onde", "waar", "var", "hvor"),
    },
}
LEADING_CONFIDENCE = 0.9

# "Nombre de la Entidad", "Nome del sub-responsabile", "Naam van de subverwerker": a header that
# starts with the word for "name" and that no phrase reads surely names the entity, whatever the
# words after it ("Name" alone, or "Nom du contact", keep the phrase they match).
# Likewise a header whose head word is the word for the providers themselves names them,
# whatever kind of provider the words after (or, in English, before) it say: the Romance
# languages put the head word first ("Prestataires de services de paiement", "Proveedores de
# servicios de pago", "Fornitori di servizi cloud", "Fornecedores de serviços de pagamento"),
# English last ("Payment service providers", "Hosting vendors").
PROVIDER_HEADS = (
    "prestataire",
    "prestataires",
    "fournisseur",
    "fournisseurs",
    "proveedor",
    "proveedores",
    "prestador",
    "prestadores",
    "fornitore",
    "fornitori",
    "fornecedor",
    "fornecedores",
)
# The word for the service or tool itself, heading the column of names when no column names
# the provider ("Service | Purpose", "Outil | Finalité", "Dienst | Zweck", "Servicio |
# Finalidad", "Strumento | Finalità", "Serviço | Finalidade", "Tool | Doel").
SERVICE_HEADS = frozenset(
    {
        "service",
        "services",
        "tool",
        "tools",
        "outil",
        "outils",
        "dienst",
        "dienste",
        "diensten",
        "werkzeug",
        "servicio",
        "servicios",
        "herramienta",
        "herramientas",
        "servizio",
        "servizi",
        "strumento",
        "strumenti",
        "servico",
        "servicos",
        "ferramenta",
        "ferramentas",
    }
)
# The words for a company's seat, folded, in the seven languages ("Sitz", "Headquarters",
# "Siège social", "Sede legale", "Domicilio social", "Zetel", "Vestigingsland"): where the company
# is established, not where it processes. Beside a column of where the data is processed
# ("Sitz | Region", "Headquarters | Data location") the seat is the company's address (GDPR
# Art. 30(1)(e) and 44 concern where the data goes); alone, it is the only place the row gives.
SEAT_HEADS = frozenset(
    {
        "sitz",
        "firmensitz",
        "unternehmenssitz",
        "hauptsitz",
        "sitz des unternehmens",
        "headquarters",
        "head office",
        "registered office",
        "seat",
        "entity country",
        "country of incorporation",
        "siege",
        "siege social",
        "sede",
        "sede legale",
        "sede sociale",
        "sede social",
        "domicilio social",
        "zetel",
        "hoofdkantoor",
        "vestigingsland",
        "land van vestiging",
    }
)
# The word for the recipient heading a table's first column ("Empfänger | Zweck |
# Rechtsgrundlage", "Recipient | Purpose", "Destinataire | Finalité"): the table lists the
# recipients, one a row, and that column names them, not the purpose beside it.
RECIPIENT_HEADS = frozenset(
    {
        "recipient",
        "recipients",
        "destinataire",
        "destinataires",
        "empfanger",
        "destinatario",
        "destinatarios",
        "destinatari",
        "ontvanger",
        "ontvangers",
    }
)
LEADING_FALLBACK: dict[str, dict[str, tuple[str, ...]]] = {
    "treatments": {},
    "subprocessors": {
        "name": ("nom", "name", "nombre", "nome", "naam", "bezeichnung", *PROVIDER_HEADS)
    },
}
TRAILING_FALLBACK: dict[str, dict[str, tuple[str, ...]]] = {
    "treatments": {},
    "subprocessors": {"name": ("provider", "providers", "vendor", "vendors", "suppliers")},
}

# Single words that name a field wherever they stand in a header ("Why do we collect...?")
KEYWORDS: dict[str, dict[str, tuple[str, ...]]] = {
    "treatments": {
        "purpose": ("pourquoi", "why", "purpose", "finalite", "finalites", "warum", "zweck"),
        "legal_basis_text": ("rechtsgrundlage", "lawful", "fondement"),
        "retention.text": ("conservation", "conserve", "conservees", "retention", "long"),
    },
    # "Actividad del Subencargado", "Entità giuridica": what the column is about, by one word
    "subprocessors": {
        "service_description": ("activite", "activity", "actividad", "attivita", "atividade"),
        "name": ("entite", "entity", "entidad", "entita", "entidade", "entiteit"),
    },
}

# A header that is a sentence ending with ':' introduces the cells under it: "Nous utilisons vos
# informations personnelles pour :" (the purposes), "We share your data with:" (the recipients).
# It names the field when it holds one of the verbs and ends with one of the linking words, in
# the seven languages ("Base juridique pour l'utilisation des données :" ends otherwise, and
# keeps the phrase it contains).
SENTENCE_HEADERS: dict[str, dict[str, tuple[tuple[str, ...], tuple[str, ...]]]] = {
    "treatments": {
        "purpose": (
            (
                "utilisons",
                "traitons",
                "collectons",
                "use",
                "process",
                "collect",
                "verwenden",
                "nutzen",
                "verarbeiten",
                "utilizamos",
                "usamos",
                "tratamos",
                "utilizziamo",
                "usiamo",
                "trattiamo",
                "gebruiken",
                "verwerken",
            ),
            ("pour", "afin de", "to", "for", "um", "zu", "fur", "para", "per", "om", "voor"),
        ),
        "recipients": (
            (
                "partageons",
                "communiquons",
                "share",
                "disclose",
                "teilen",
                "ubermitteln",
                "compartimos",
                "comunicamos",
                "condividiamo",
                "comunichiamo",
                "partilhamos",
                "compartilhamos",
                "delen",
            ),
            ("avec", "a", "with", "mit", "an", "con", "com", "met"),
        ),
    },
    "subprocessors": {},
}
