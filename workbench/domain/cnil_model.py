"""The structure of the CNIL's spreadsheet model register, shared by its writer and its reader.

The CNIL publishes "registre-traitement-simplifie.ods" (July 2019,
https://www.cnil.fr/sites/cnil/files/atoms/files/registre-traitement-simplifie.ods): a list
sheet ("2 - Liste des traitements": an identification block, then one row per processing with
"Données sensibles ? Oui/non") and a "fiche de registre" per processing ("3 - Modèle de fiche de
registre") made of blocks: the description (name, N° / RÉF, creation and update dates), the
actors table (name, address, telephone, e-mail of the controller, the DPO, the representative,
joint controllers), the purposes (main purpose, sub-purposes), the personal data on fixed rows
with a description and a retention period each, the sensitive data on their nine fixed rows,
the data subjects, recipients and security measures (a type and details each) and the transfers
outside the EU (recipient, country, type of safeguards, link to the documentation). Labels are
those of the model, character for character where they were read from its content.xml (CNIL
model as described in shared/DOMAIN.md §6.2 and in the AmauryTISSOT/microservice_rgpd research
note on the model's XML, which quotes the fixed rows verbatim, typo "adress IP" included).

The labels are the model's French ones; the English workbook uses the English ones. Both are
read back, so a register exported in either language imports.
"""

from __future__ import annotations

from dataclasses import dataclass

from workbench.domain.enums import DataSensitivity


@dataclass(frozen=True, slots=True)
class Label:
    fr: str
    en: str

    def __call__(self, locale: str) -> str:
        return self.fr if locale == "fr" else self.en

    def matches(self, text: str) -> bool:
        folded = " ".join(text.split()).casefold()
        return folded in (self.fr.casefold(), self.en.casefold())


LIST_SHEET = Label("Liste des traitements", "Processing activities list")
FICHES_SHEET = Label("Fiches de registre", "Records")
FICHE_SHEET = Label("Fiche {reference}", "Record {reference}")
LIST_TITLE = Label("Registre des activités de traitement", "Record of processing activities")
FICHE_TITLE = Label("Fiche de registre", "Record of processing")

# The list sheet's identification block: organisation, its head, representative, DPO.
ORGANISATION = Label("Organisme", "Organisation")
HEAD = Label("Responsable de l'organisme", "Head of the organisation")
LIST_HEADERS = (
    Label("Nom du traitement", "Name of the processing"),
    Label("N° / RÉF", "No. / REF"),
    Label("Date de création de la fiche", "Record created on"),
    Label("Dernière mise à jour de la fiche", "Record last updated on"),
    Label("Finalité principale", "Main purpose"),
    Label("Données sensibles ? Oui/non", "Sensitive data? Yes/no"),
    Label("Fiche", "Record sheet"),
)

DESCRIPTION = Label("Description du traitement", "Description of the processing")
NAME = LIST_HEADERS[0]
REFERENCE = LIST_HEADERS[1]
CREATED = LIST_HEADERS[2]
UPDATED = LIST_HEADERS[3]

ACTORS = Label("Acteurs", "Actors")
ACTOR_COLUMNS = (
    Label("Nom", "Name"),
    Label("Adresse", "Address"),
    Label("Téléphone", "Telephone"),
    Label("Adresse mél", "E-mail address"),
)
CONTROLLER = Label("Responsable du traitement", "Controller")
PROCESSOR = Label("Sous-traitant (l'organisme)", "Processor (the organisation)")
DPO = Label("Délégué à la protection des données", "Data protection officer")
REPRESENTATIVE = Label("Représentant", "Representative")
JOINT = Label("Responsable(s) conjoint(s)", "Joint controller(s)")
SERVED = Label("Responsable de traitement servi", "Controller served")
GROUP_PROCESSOR = Label("Sous-traitant du groupe", "Processor of the group")

PURPOSES = Label("Finalité(s) du traitement effectué", "Purpose(s) of the processing")
MAIN_PURPOSE = LIST_HEADERS[4]
SUB_PURPOSE = Label("Sous-finalité {number}", "Sub-purpose {number}")

DATA = Label("Catégories de données personnelles concernées", "Categories of personal data")
SENSITIVE = Label("Données sensibles", "Sensitive data")
DATA_COLUMNS = (Label("Description", "Description"), Label("Durée de conservation", "Retention"))

# The model's fixed rows, with the sensitivity a category on that row has. A category is put
# on a row by what the register records of it (its sensitivity, then words of its name); the
# row is where the category is printed, the category itself is written as it is recorded.
STANDARD_ROWS: tuple[tuple[Label, tuple[str, ...]], ...] = (
    (
        Label("État civil, identité, données d'identification, images…", "Identity, images"),
        ("nom", "prenom", "identit", "civil", "naissance", "adresse", "mail", "telephone",
         "image", "photo", "name", "address", "phone", "identif", "contact", "mobile",
         "portable", "ville", "city"),
    ),
    (
        Label("Vie personnelle (habitudes de vie, situation familiale, etc.)", "Personal life"),
        ("famil", "vie personnelle", "habitude", "family", "personal life"),
    ),
    (
        Label(
            "Informations d'ordre économique et financier (revenus, situation financière, "
            "situation fiscale, etc.)",
            "Economic and financial information",
        ),
        ("banc", "bank", "rib", "iban", "paiement", "payment", "factur", "invoice", "revenu",
         "financ", "fiscal"),
    ),
    (
        Label("Données de connexion (adress IP, logs, etc.)", "Connection data (IP, logs)"),
        ("connexion", "connection", "ip", "log", "cookie", "navigation"),
    ),
    (
        Label("Données de localisation (déplacements, données GPS, GSM, etc.)", "Location data"),
        ("localisation", "location", "gps", "geoloc"),
    ),
)  # fmt: skip
NIR_ROW = Label("Numéro de Sécurité Sociale (ou NIR)", "Social security number (NIR)")
OTHER_ROW = Label("Autres catégories de données (précisez)", "Other categories of data")
SENSITIVE_ROWS: tuple[tuple[Label, tuple[str, ...]], ...] = (
    (Label("Données révélant l'origine raciale ou ethnique", "Racial or ethnic origin"),
     ("origine", "ethni", "racial")),
    (Label("Données révélant les opinions politiques", "Political opinions"), ("politi",)),
    (Label("Données révélant les convictions religieuses ou philosophiques",
           "Religious or philosophical beliefs"), ("religi", "philosoph", "conviction")),
    (Label("Données révélant l'appartenance syndicale", "Trade union membership"), ("syndic",
                                                                                   "union")),
    (Label("Données génétiques", "Genetic data"), ("genet",)),
    (Label("Données biométriques aux fins d'identifier une personne physique de manière unique",
           "Biometric data to identify a person uniquely"), ("biometr",)),
)  # fmt: skip
HEALTH_ROW = Label("Données concernant la santé", "Data concerning health")
SEX_ROW = Label(
    "Données concernant la vie sexuelle ou l'orientation sexuelle", "Sex life or orientation"
)
CRIMINAL_ROW = Label(
    "Données relatives à des condamnations pénales ou infractions", "Criminal convictions"
)
OTHER_SENSITIVE_ROW = Label("Autres données sensibles (art. 9)", "Other sensitive data (Art. 9)")
ROW_SENSITIVITY = {
    NIR_ROW: DataSensitivity.NIR,
    HEALTH_ROW: DataSensitivity.HEALTH,
    CRIMINAL_ROW: DataSensitivity.CRIMINAL,
    SEX_ROW: DataSensitivity.SPECIAL,
    OTHER_SENSITIVE_ROW: DataSensitivity.SPECIAL,
    **{label: DataSensitivity.SPECIAL for label, _ in SENSITIVE_ROWS},
    **{label: DataSensitivity.STANDARD for label, _ in STANDARD_ROWS},
    OTHER_ROW: DataSensitivity.STANDARD,
}

SUBJECTS = Label("Catégories de personnes concernées", "Categories of data subjects")
SUBJECT_ROW = Label("Catégorie {number}", "Category {number}")
RECIPIENTS = Label("Destinataires", "Recipients")
RECIPIENT_ROW = Label("Destinataire {number}", "Recipient {number}")
SUBPROCESSORS_ROW = Label("Sous-traitants", "Subprocessors")
SECURITY = Label("Mesures de sécurité", "Security measures")
MEASURE_ROW = Label("Mesure {number}", "Measure {number}")
TYPE_COLUMNS = (Label("Type", "Type"), Label("Précisions", "Details"))
RECIPIENT_COLUMNS = (Label("Type de destinataire", "Type of recipient"), TYPE_COLUMNS[1])
TRANSFERS = Label("Transferts hors UE", "Transfers outside the EU")
TRANSFER_COLUMNS = (
    Label("Destinataire", "Recipient"),
    Label("Pays", "Country"),
    Label("Type de garanties", "Type of safeguards"),
    Label("Lien vers la documentation", "Link to the documentation"),
)
TRANSFER_ROW = Label("Organisme {number}", "Organisation {number}")
TRANSFERS_TEXT = Label("Transferts (texte du registre)", "Transfers (as recorded)")

# Not in the model: the rest of what the register holds of a processing, so that the fiche
# carries all of it (a fiche imported back gives the same record).
EXTRA = Label("Compléments du registre", "Further register information")


def sub_label(template: Label, text: str) -> bool:
    """Whether `text` is a numbered row of `template` ("Sous-finalité 2", "Mesure 1")."""
    folded = " ".join(text.split()).casefold()
    return any(
        folded.startswith(t.split("{")[0].strip().casefold()) for t in (template.fr, template.en)
    )
