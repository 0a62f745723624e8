"""Small files as a DPO receives them, whose cells the import has to read values out of.

- `vendor_list_xlsx`: a vendor's subprocessor list: a title row, a header, a section title row
  ("HÉBERGEMENT") over the hosts, "CCT + DPF" and "USA (datacenters in Oregon or Virginia)";
- `processing_table_csv`: a French processing table (';', UTF-8) with free-text legal bases
  and retention periods;
- `hosting_annex_docx`: a Word annex whose heading above the table names the category.
"""

from __future__ import annotations

import csv
from pathlib import Path

import docx
from openpyxl import Workbook

VENDOR_HEADER = ["Sous-traitant", "Prestation", "Localisation des données", "Garanties"]
# (sheet row, cells): row 1 is the title, row 2 blank, row 3 the header
VENDOR_ROWS = [
    (4, ["HÉBERGEMENT", "", "", ""]),
    (5, ["Amazon Web Services", "Hébergement des serveurs", "Irlande", "N/A"]),
    (
        6,
        [
            "Stripe",
            "Paiement en ligne",
            "USA (datacenters in Oregon or Virginia)",
            "CCT + DPF",
        ],
    ),
    (7, ["OVHcloud", "Sauvegardes", "France", "Aucun transfert hors UE"]),
]


def vendor_list_xlsx(path: Path) -> Path:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Sous-traitants"
    sheet.append(["Liste des sous-traitants ultérieurs — version du 1er octobre 2026"])
    sheet.append([])
    sheet.append(VENDOR_HEADER)
    for _row, cells in VENDOR_ROWS:
        sheet.append(cells)
    sheet.merge_cells("A4:D4")
    book.save(path)
    return path


PROCESSING_HEADER = [
    "Traitement",
    "Finalité",
    "Données traitées",
    "Base légale",
    "Durée de conservation",
]
PROCESSING_ROWS = [
    [
        "Gestion des rendez-vous",
        "Prise de rendez-vous en ligne",
        "Nom\nPrénom\nMotif de consultation",
        "Nécessaire à l'exécution du contrat",
        "5 ans à compter de la dernière mise en relation",
    ],
    [
        "Téléconsultation",
        "Consultation vidéo",
        "Nom\nCompte rendu de consultation",
        "Consentement explicite (art. 9.2.a RGPD)",
        "20 ans après la dernière consultation",
    ],
    ["Newsletter", "Lettre d'information", "Adresse e-mail", "Consentement", "Cf. politique"],
]


def processing_table_csv(path: Path) -> Path:
    """';' delimited, UTF-8, the multi-line cells quoted as a spreadsheet writes them."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(PROCESSING_HEADER)
        writer.writerows(PROCESSING_ROWS)
    return path


def hosting_annex_docx(path: Path) -> Path:
    document = docx.Document()
    document.add_heading("Annexe 3 – Hébergement", level=2)
    table = document.add_table(rows=1, cols=3)
    for cell, text in zip(
        table.rows[0].cells, ["Sous-traitant", "Prestation", "Pays"], strict=True
    ):
        cell.text = text
    for values in (
        ["Scaleway", "Hébergement HDS", "France"],
        ["Microsoft Azure", "Hébergement des sauvegardes", "Pays-Bas, Irlande"],
    ):
        cells = table.add_row().cells
        for cell, text in zip(cells, values, strict=True):
            cell.text = text
    document.save(str(path))
    return path
