"""Build the import test files from the seed documents (shared/seeds), as a DPO would have them.

    python tests/data/make_seed_files.py [SEEDS_DIR]

Every value comes from the seed text; only the layout differs between files:
- annex1.docx: Annex 1 of the Medaviz policy, three Word tables, each under its heading;
- annex1.xlsx: the same in one sheet, with title rows, a two-row merged header, the headings as
  section rows, spacer rows, a repeated header, a row split across pages and a footnote;
- annex1_semicolon_cp1252.csv: ';' delimited, Windows-1252, CRLF, multi-line quoted cells;
- annex1_html_utf8bom.csv: ',' delimited, UTF-8 with BOM, cells with the seed's HTML as is;
- annex2.docx: Annex 2, one table without header, category rows merged across both columns;
- annex2.ods: Annex 2 as a LibreOffice sheet with a header row and the category rows;
- subcontractors.xlsx: the second seed's "List of subcontractors" with multi-line cells;
- subcontractors_messy.csv: the same, tab delimited, Latin-1, with repeated headers, spacer rows
  and a footnote, as a page-by-page copy from a PDF gives it.
Page-split rows of the seed (a row continued on the next page) are joined back, since a Word
table or a sheet holds them in one row; annex1.xlsx keeps one split on purpose.
"""

from __future__ import annotations

import csv
import html
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEEDS = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "seeds"
POLICY = "002_6c1d96e32aa07b44.txt"
VENDOR = "000_3c4547fada5874ff.txt"

# Names of the Annex 1 rows whose cell has no italics to tell the name from the description:
# the names are those the seed itself cites ("Cf. Gestion des documents Utilisateurs"...).
PLAIN_NAMES = (
    "Gestion des cookies",
    "Contrôle qualité",
    "Réalisation d'enquêtes de satisfaction facultatives",
    "Affichage de l'historique de consultation dans le compte Utilisateur",
    "Gestion des documents Utilisateurs",
)
HEADER_1 = [
    "FINALITÉS",
    "DONNÉES PERSONNELLES TRAITÉES",
    "BASE LÉGALE DE TRAITEMENT",
    "DURÉE DE CONSERVATION",
]


# -- seed parsing ---------------------------------------------------------------------------------
def annex1() -> list[tuple[str, list[str], list[list[str]]]]:
    """(heading, header, rows of raw HTML cells) for each Annex 1 table, split rows joined."""
    text = (SEEDS / POLICY).read_text(encoding="utf-8")
    body = text[text.index("ANNEXE 1 – DESCRIPTION") : text.index("ANNEXE 2 – SOUS")]
    tables: list[tuple[str, list[str], list[list[str]]]] = []
    for line in body.split("\n"):
        if line.startswith("TRAITEMENTS POUR LESQUELS"):
            tables.append((line.strip(), [], []))
        elif "\t" in line and tables:
            cells = [c.strip() for c in line.split("\t")]
            _heading, header, rows = tables[-1]
            if not header:
                header.extend(cells)
            elif rows and (not cells[0] or cells[0].startswith("<p><i>")):
                rows[-1] = [
                    " ".join(p for p in (a, b) if p) for a, b in zip(rows[-1], cells, strict=False)
                ]
            else:
                rows.append(cells)
    return tables


def annex2() -> list[tuple[str, list[tuple[str, str]]]]:
    """(category heading, [(name, description)]) of Annex 2."""
    text = (SEEDS / POLICY).read_text(encoding="utf-8")
    body = text[text.index("ANNEXE 2 – SOUS") :].split("\n")[1:]
    sections: list[tuple[str, list[tuple[str, str]]]] = []
    for line in body:
        if "\t" not in line:
            continue
        name, _, description = (c.strip() for c in line.partition("\t"))
        if name and not description:
            sections.append((name, []))
        elif not name and sections:  # Twilio's row continues on the next page
            last_name, last_description = sections[-1][1][-1]
            sections[-1][1][-1] = (last_name, last_description + " " + description)
        elif name:
            sections[-1][1].append((name, description))
    return sections


def vendor_list() -> tuple[str, list[str], list[list[str]]]:
    """Title, header and rows of the second seed. The flat text lists each cell's lines; the
    Zendesk row is printed out of order (mechanism, description, location, then categories)."""
    lines = (SEEDS / VENDOR).read_text(encoding="utf-8").split("\n")
    # (name, description lines, category lines, location lines, mechanism line) as line numbers
    layout = [
        (6, [7], [8], [9, 10], 11),
        (12, [13], [14], [15], 16),
        (17, [19], list(range(21, 31)), [20], 18),
        (31, [32, 33], list(range(34, 39)), [39], 40),
        (41, [42], list(range(43, 47)), [47], 48),
        (49, [50, 51], list(range(52, 57)), [57], 58),
        (59, [60, 61], list(range(62, 67)), [67], 68),
        (69, [70], [71], [72, 73], 74),
        (75, [76], [77], [78], 79),
    ]
    rows = [
        [
            lines[n],
            "\n".join(lines[i] for i in d),
            "\n".join(lines[i] for i in c),
            "\n".join(lines[i] for i in loc),
            lines[m],
        ]
        for n, d, c, loc, m in layout
    ]
    return lines[0], lines[1:6], rows


# -- HTML cells -> plain lines --------------------------------------------------------------------
def plain_lines(cell: str) -> list[str]:
    text = re.sub(r"<ul[^>]*>|</ul>|</?p>|<br\s*/?>", "\n", cell)
    text = html.unescape(re.sub(r"</?i>", "", text))
    lines: list[str] = []
    for line in text.split("\n"):
        for raw in re.split(r"\s(?=[-–] )", " " + line.strip()):
            piece = raw.strip().rstrip(",").strip()
            if piece:
                lines.append(piece)
    return lines


def name_and_description(cell: str) -> tuple[str, str]:
    text = re.sub(r"</?p>", " ", cell).strip()
    if "<i>" in text:
        name = text[: text.index("<i>")].strip()
        description = " ".join(re.findall(r"<i>(.*?)</i>", text))
        return name, " ".join(description.split())
    name = next(n for n in PLAIN_NAMES if text.startswith(n))
    return name, text[len(name) :].strip()


def clean_row(cells: list[str]) -> list[str]:
    """[name + newline + description, then one line per value for the other cells]."""
    name, description = name_and_description(cells[0])
    first = f"{name}\n{description}" if description else name
    return [first] + ["\n".join(plain_lines(c)) for c in cells[1:]]


# -- writers --------------------------------------------------------------------------------------
def write_annex1_docx(path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_heading(
        "ANNEXE 1 – DESCRIPTION DES TRAITEMENT DES DONNÉES À CARACTÈRE PERSONNEL", 1
    )
    for heading, header, rows in annex1():
        document.add_paragraph(heading).runs[0].bold = True
        table = document.add_table(rows=1, cols=len(header))
        for cell, text in zip(table.rows[0].cells, header, strict=True):
            cell.text = text
        for row in rows:
            cells = table.add_row().cells
            for index, text in enumerate(clean_row(row) if len(row) == 4 else row):
                lines = text.split("\n") if text else [""]
                cells[index].text = lines[0]
                for line in lines[1:]:
                    paragraph = cells[index].add_paragraph()
                    if index == 0:
                        paragraph.add_run(line).italic = True
                    elif line.startswith(("- ", "– ")):
                        paragraph.text = line[2:]
                        paragraph.style = document.styles["List Bullet"]
                    else:
                        paragraph.text = line
                if index > 0 and lines[0].startswith(("- ", "– ")):
                    cells[index].paragraphs[0].text = lines[0][2:]
                    cells[index].paragraphs[0].style = document.styles["List Bullet"]
        document.add_paragraph("")
    document.save(str(path))


def write_annex1_xlsx(path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment

    book = Workbook()
    sheet = book.active
    sheet.title = "Annexe 1"
    sheet.append(["ANNEXE 1 – DESCRIPTION DES TRAITEMENT DES DONNÉES À CARACTÈRE PERSONNEL"])
    sheet.merge_cells("A1:D1")
    sheet.append(["Cf. Politique de confidentialité et de sécurité Medaviz, V6.0 avril 2024."])
    sheet.append([])
    # two-row header: the first two columns merged vertically, a group over the last two
    sheet.append(["FINALITÉS", "DONNÉES PERSONNELLES TRAITÉES", "CADRE JURIDIQUE", None])
    sheet.append([None, None, "BASE LÉGALE DE TRAITEMENT", "DURÉE DE CONSERVATION"])
    sheet.merge_cells("A4:A5")
    sheet.merge_cells("B4:B5")
    sheet.merge_cells("C4:D4")
    for number, (heading, header, rows) in enumerate(annex1()):
        if number:
            sheet.append([])  # spacer
            sheet.append(HEADER_1[: len(header)])  # the header repeated on each page
        sheet.append([heading])
        sheet.merge_cells(
            start_row=sheet.max_row, start_column=1, end_row=sheet.max_row, end_column=4
        )
        for row in rows:
            values = clean_row(row) if len(row) == 4 else row
            if "Passé ce délai" in values[-1]:  # keep the seed's page split in this layout
                head, _, tail = values[-1].rpartition("\n")
                sheet.append([*values[:-1], head])
                sheet.append([None, None, None, tail])
                continue
            sheet.append(values)
    sheet.append([])
    sheet.append(["* Source : Annexe 1 de la politique de confidentialité Medaviz (V6.0)."])
    for row in sheet.iter_rows():
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    book.save(str(path))


def write_annex1_csv(path: Path, delimiter: str, encoding: str, raw_html: bool) -> None:
    with path.open("w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle, delimiter=delimiter, lineterminator="\r\n")
        writer.writerow(HEADER_1)
        for heading, _header, rows in annex1():
            writer.writerow([heading, "", "", ""])
            for row in rows:
                values = row if raw_html else (clean_row(row) if len(row) == 4 else row)
                values = [v.replace("→", "->") for v in values] if encoding == "cp1252" else values
                writer.writerow(values + [""] * (4 - len(values)))


def write_annex2_docx(path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_heading("ANNEXE 2 – SOUS-TRAITANTS DE MEDAVIZ", 1)
    table = document.add_table(rows=0, cols=2)
    for heading, vendors in annex2():
        cells = table.add_row().cells
        merged = cells[0].merge(cells[1])
        merged.text = heading
        for name, description in vendors:
            cells = table.add_row().cells
            cells[0].text = name
            cells[1].text = html.unescape(re.sub(r"</?i>", "", description))
    document.save(str(path))


def write_annex2_ods(path: Path) -> None:
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    document = OpenDocumentSpreadsheet()
    table = Table(name="Sous-traitants")

    def add(values: list[str]) -> None:
        row = TableRow()
        for value in values:
            cell = TableCell(valuetype="string") if value else TableCell()
            for line in value.split("\n") if value else []:
                cell.addElement(P(text=line))
            row.addElement(cell)
        table.addElement(row)

    add(["Sous-traitant", "Prestation"])
    for heading, vendors in annex2():
        add([heading, ""])
        for name, description in vendors:
            add([name, html.unescape(re.sub(r"</?i>", "", description))])
    document.spreadsheet.addElement(table)
    document.save(str(path))


def write_vendor_xlsx(path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    title, header, rows = vendor_list()
    book = Workbook()
    sheet = book.active
    sheet.title = "Subcontractors"
    sheet.append([title])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append([])
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    for row in sheet.iter_rows(min_row=3):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    book.save(str(path))


def write_vendor_messy_csv(path: Path) -> None:
    title, header, rows = vendor_list()
    with path.open("w", encoding="latin-1", errors="replace", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t")
        writer.writerow([title])
        writer.writerow(header)
        for number, row in enumerate(rows):
            if number == 5:  # next page of the PDF: blank line, header again
                writer.writerow([])
                writer.writerow(header)
            # Latin-1 has no typographic quotes nor bullets: what such an export writes instead
            writer.writerow([v.replace("“", '"').replace("”", '"').replace("•", "-") for v in row])
            if number == 2:
                writer.writerow(["", "", "", "", ""])
        writer.writerow([])
        writer.writerow(["* N/A: no transfer outside the European Economic Area."])


def main() -> None:
    write_annex1_docx(HERE / "annex1.docx")
    write_annex1_xlsx(HERE / "annex1.xlsx")
    write_annex1_csv(HERE / "annex1_semicolon_cp1252.csv", ";", "cp1252", raw_html=False)
    write_annex1_csv(HERE / "annex1_html_utf8bom.csv", ",", "utf-8-sig", raw_html=True)
    write_annex2_docx(HERE / "annex2.docx")
    write_annex2_ods(HERE / "annex2.ods")
    write_vendor_xlsx(HERE / "subcontractors.xlsx")
    write_vendor_messy_csv(HERE / "subcontractors_messy.csv")


if __name__ == "__main__":
    main()
