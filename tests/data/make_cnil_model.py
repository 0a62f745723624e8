"""Build cnil_registre_rempli.ods: the CNIL's simplified model register as a clinic's DPO filled it.

    python tests/data/make_cnil_model.py

The layout is the model's ("registre-traitement-simplifie.ods", CNIL, July 2019; structure in
workbench/domain/cnil_model.py): a tutorial sheet, "2 - Liste des traitements" with the
organisation's block and the list, then one sheet per fiche, copied from "3 - Modèle de fiche
de registre" and renamed after the processing. The values are typed as a DPO types them: the
model's "-" left in the rows that do not apply, a "Cliquez ici." never replaced, dates as text
(15/03/2021), a label with a trailing space, several lines in one cell, one retention period per
data row, a processing on the list that has no fiche yet. Written with odfpy (the model is .ods).
"""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent
TARGET = HERE / "cnil_registre_rempli.ods"

TUTORIAL = [
    ["Registre des activités de traitement - Tutoriel"],
    ["Onglet 2 : recensez vos traitements. Onglet 3 : une fiche par traitement."],
]

LISTE = [
    ["REGISTRE DES ACTIVITÉS DE TRAITEMENT"],
    ["", "Nom", "Adresse", "Téléphone", "Adresse mél"],
    ["Organisme", "Clinique du Parc", "12 avenue des Tilleuls 69006 Lyon", "04 78 00 00 00",
     "accueil@clinique-du-parc.fr"],
    ["Responsable de l'organisme", "Dr Anne Roussel", "-", "-", "-"],
    ["Représentant", "Cliquez ici.", "-", "-", "-"],
    ["Délégué à la protection des données", "Marc Lefèvre", "-", "04 78 00 00 12",
     "dpo@clinique-du-parc.fr"],
    [],
    ["Nom du traitement", "N° / RÉF", "Date de création de la fiche",
     "Dernière mise à jour de la fiche", "Finalité principale", "Données sensibles ? Oui/non"],
    ["Gestion de la paie", "001", "15/03/2021", "02/09/2024",
     "Calcul et versement des salaires", "Oui"],
    ["Dossier patient informatisé", "002", "01/06/2020", "10/01/2025",
     "Prise en charge et suivi médical des patients", "oui"],
    ["Vidéoprotection des accès", "003", "20/11/2022", "20/11/2022",
     "Sécurité des biens et des personnes", "Non"],
    ["Gestion des visiteurs", "004", "", "", "Accueil et badge des visiteurs", "non"],
]  # fmt: skip


def fiche(
    name: str, ref: str, created: str, updated: str, body: list[list[str]]
) -> list[list[str]]:
    return [
        ["Modèle de fiche de registre", "", "", "", ref],
        ["Cet onglet est la fiche opérationnelle du traitement « " + name + " »"],
        ["Description du traitement"],
        ["Nom du traitement", name],
        ["N° / RÉF", ref],
        ["Date de création de la fiche", created],
        ["Dernière mise à jour de la fiche", updated],
        ["Acteurs", "Nom", "Adresse", "Téléphone", "Adresse mél"],
        ["Responsable du traitement", "Clinique du Parc", "12 avenue des Tilleuls 69006 Lyon",
         "04 78 00 00 00", "accueil@clinique-du-parc.fr"],
        ["Délégué à la protection des données", "Marc Lefèvre", "-", "04 78 00 00 12",
         "dpo@clinique-du-parc.fr"],
        ["Représentant", "-", "-", "-", "-"],
        *body,
    ]  # fmt: skip


DATA_HEADER = ["Catégories de données personnelles concernées", "Description",
               "Durée de conservation"]  # fmt: skip
TRANSFER_HEADER = ["Transferts hors UE", "Destinataire", "Pays", "Type de garanties",
                   "Lien vers la documentation"]  # fmt: skip
SENSITIVE_HEADER = ["Données sensibles", "Description", "Durée de conservation"]
STANDARD_ROWS = [
    "État civil, identité, données d'identification, images…",
    "Vie personnelle (habitudes de vie, situation familiale, etc.)",
    "Informations d'ordre économique et financier (revenus, situation financière, situation "
    "fiscale, etc.)",
    "Données de connexion (adress IP, logs, etc.)",
    "Données de localisation (déplacements, données GPS, GSM, etc.)",
    "Numéro de Sécurité Sociale (ou NIR)",
]
SENSITIVE_ROWS = [
    "Données révélant l'origine raciale ou ethnique",
    "Données révélant les opinions politiques",
    "Données révélant les convictions religieuses ou philosophiques",
    "Données révélant l'appartenance syndicale",
    "Données génétiques",
    "Données biométriques aux fins d'identifier une personne physique de manière unique",
    "Données concernant la santé",
    "Données concernant la vie sexuelle ou l'orientation sexuelle",
    "Données relatives à des condamnations pénales ou infractions",
]


def data_block(standard: dict[int, tuple[str, str]], sensitive: dict[int, tuple[str, str]]):
    rows = [DATA_HEADER]
    for index, label in enumerate(STANDARD_ROWS):
        rows.append([label, *standard.get(index, ("-", "-"))])
    rows.append(SENSITIVE_HEADER)
    for index, label in enumerate(SENSITIVE_ROWS):
        rows.append([label, *sensitive.get(index, ("-", "-"))])
    return rows


PAIE = fiche("Gestion de la paie", "001", "15/03/2021", "02/09/2024", [
    ["Finalité(s) du traitement effectué"],
    ["Finalité principale", "Calcul et versement des salaires"],
    ["Sous-finalité 1", "Déclarations sociales (DSN)"],
    ["Sous-finalité 2", "Gestion des absences et congés"],
    ["Sous-finalité 3", "-"],
    *data_block(
        {0: ("Nom, prénom, adresse\nMatricule", "5 ans après le départ du salarié"),
         2: ("RIB\nSalaire brut et net", "5 ans après le départ du salarié"),
         5: ("Numéros de sécurité sociale des salariés", "5 ans après le départ du salarié")},
        {3: ("Cotisation syndicale (si retenue sur salaire)", "Durée du contrat de travail"),
         6: ("Arrêts maladie (dates uniquement)", "Durée du contrat de travail")},
    ),
    ["Catégories de personnes concernées", "Description", "Précisions"],
    ["Catégorie 1", "Salariés", "CDI, CDD et apprentis"],
    ["Catégorie 2", "Stagiaires", "-"],
    ["Destinataires", "Type de destinataire", "Précisions"],
    ["Destinataire 1", "Service interne", "Service RH"],
    ["Destinataire 2", "Sous-traitant", "Cabinet comptable Dumas"],
    ["Destinataire 3", "Organismes externes", "URSSAF, caisses de retraite"],
    ["Mesures de sécurité", "Type", "Précisions"],
    ["Mesure 1", "Contrôle d'accès des utilisateurs",
     "Comptes nominatifs, mot de passe de 12 caractères"],
    ["Mesure 2", "Sauvegarde des données", "Quotidienne, chiffrée, hors site"],
    ["Mesure 3 ", "Mesures de traçabilité", "-"],
    TRANSFER_HEADER,
    ["Organisme 1", "-", "-", "-", "-"],
])  # fmt: skip

DPI = fiche("Dossier patient informatisé", "002", "01/06/2020", "10/01/2025", [
    ["Finalité(s) du traitement effectué"],
    ["Finalité principale", "Prise en charge et suivi médical des patients"],
    ["Sous-finalité 1", "Coordination des soins entre services"],
    *data_block(
        {0: ("Patients : nom, prénom, date de naissance\nPatients : photo d'identité",
             "20 ans à compter du dernier séjour"),
         5: ("Patients : NIR", "20 ans à compter du dernier séjour")},
        {6: ("Patients : antécédents, diagnostics, comptes rendus\nPatients : résultats "
             "d'analyses", "20 ans à compter du dernier séjour")},
    ),
    ["Catégories de personnes concernées", "Description", "Précisions"],
    ["Catégorie 1", "Patients", "-"],
    ["Destinataires", "Type de destinataire", "Précisions"],
    ["Destinataire 1", "Service interne", "Personnel soignant habilité"],
    ["Destinataire 2", "Autorité publique", "Assurance maladie"],
    ["Mesures de sécurité", "Type", "Précisions"],
    ["Mesure 1", "Chiffrement des données", "Base chiffrée, HDS"],
    TRANSFER_HEADER,
    ["Organisme 1", "Éditeur DPI (support)", "Royaume-Uni", "Décision d'adéquation",
     "https://clinique-du-parc.fr/rgpd/transferts"],
])  # fmt: skip

VIDEO = fiche("Vidéoprotection des accès", "003", "20/11/2022", "20/11/2022", [
    ["Finalité(s) du traitement effectué"],
    ["Finalité principale", "Sécurité des biens et des personnes"],
    *data_block({0: ("Images des personnes filmées", "30 jours")}, {}),
    ["Catégories de personnes concernées", "Description", "Précisions"],
    ["Catégorie 1", "Visiteurs", "-"],
    ["Catégorie 2", "Salariés", "-"],
    ["Destinataires", "Type de destinataire", "Précisions"],
    ["Destinataire 1", "Service interne", "Agents de sécurité"],
    ["Mesures de sécurité", "Type", "Précisions"],
    ["Mesure 1", "Contrôle d'accès des utilisateurs", "Poste dédié, accès restreint"],
])  # fmt: skip

SHEETS = [
    ("1 - Tutoriel", TUTORIAL),
    ("2 - Liste des traitements", LISTE),
    ("Gestion de la paie", PAIE),
    ("DPI", DPI),
    ("Vidéo", VIDEO),
]


def write(path: Path) -> None:
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    document = OpenDocumentSpreadsheet()
    for name, rows in SHEETS:
        table = Table(name=name)
        for values in rows:
            row = TableRow()
            for value in values or [""]:
                cell = TableCell(valuetype="string") if value else TableCell()
                for line in value.split("\n") if value else []:
                    cell.addElement(P(text=line))
                row.addElement(cell)
            table.addElement(row)
        document.spreadsheet.addElement(table)
    document.save(str(path))


if __name__ == "__main__":
    write(TARGET)
