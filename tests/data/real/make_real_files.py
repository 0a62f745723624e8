"""Build the real-file corpus (tests/data/real/*) from the published pages kept in sources/.

    python tests/data/real/make_real_files.py            # every file
    python tests/data/real/make_real_files.py ID ...     # only these (the others stay as built)

Each `sources/<id>.md` is an excerpt of a page as its publisher keeps it (README.md lists where
it comes from). This script gives it the container a DPO would receive it in, the way an office
suite renders a copy of the page, and keeps what such a copy keeps:
- the page's headings as rows (merged across the table in a sheet, heading paragraphs in Word);
- the text between and under the tables (intro sentences, "DATE: ...", footnotes) as rows of
  their own, in the first column;
- the markdown table's empty header row (`|     |     |`) as an empty row, its bold first row
  as the header, a row with fewer cells (Mailjet's "Support Sub-Processors") as a cell merged
  across the table;
- `<br>` and `<p>` as line breaks inside the cell, links as their text, soft hyphens as is.
- a blank line ends a table, as in markdown (the next table is a table of its own), and a
  `---` after a blank line is a rule, not text.
- a Docusaurus admonition (`:::note` ... `:::`, Cloud Temple's pages) is the box the page draws
  around its text: the fences are not text, the sentence inside is a paragraph of its own.
Nothing is cleaned beyond what rendering the markdown does: typos, capitals, footnote marks and
notes stay as published.
"""

from __future__ import annotations

import csv
import html
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCES = HERE / "sources"

# id -> container; the last five (HELD_OUT in the recall test) were added after the rules
FORMATS = {
    "scalingo_dca_subprocessors": "xlsx",
    "scalingo_dca_treatments": "xlsx",
    "scalingo_dpa_subprocessors": "csv",
    "mailjet_subprocessors": "docx",
    "donkey_republic_partners": "xlsx",
    "malt_treatments": "xlsx",
    "malt_partners": "csv",
    "la_redoute_treatments": "ods",
    "e_leclerc_treatments": "docx",
    "scaleway_treatments": "xlsx",
    "maiia_treatments": "docx",
    "embrace_subprocessors": "docx",
    "invision_de_subprocessors": "xlsx",
    "invision_en_subprocessors": "ods",
    "demarches_simplifiees_subprocessors": "csv",
    "kivra_treatments": "docx",
    "boulanger_treatments": "xlsx",
    "cityscoot_treatments": "csv",
    "zed_subprocessors": "xlsx",
    "zephyr_subprocessors": "ods",
    # the second held-out set (HELD_OUT_2 in the recall test), added on 2026-12-02 after the
    # approximate country rule, the last rule written: measured as the importer reads them
    "pagopa_io_fornitori": "xlsx",
    "pepdata_subcontratantes": "ods",
    "socialo_subencargados": "csv",
    "meta_llama_subprocessors": "docx",
    "legalstart_treatments": "xlsx",
    # the third held-out set (held_out "3rd" in expected.json), added on 2026-12-02 while the
    # importer was being changed elsewhere: measured as the importer reads them, no rule for them
    "xaiworkspace_subverwerkers": "xlsx",
    "xaiworkspace_grondslagen": "csv",
    "xaiworkspace_privacidad": "ods",
    "seatable_unterauftragnehmer": "docx",
    "blablacar_treatments": "csv",
    "spartoo_treatments": "docx",
    "epassi_treatments": "ods",
    # the fourth held-out set (held_out "4th"), added on 2026-12-02 in round 21, the importer
    # being changed elsewhere: measured as the importer reads them, no rule for them
    "hook0_sous_traitants": "xlsx",
    "ryanair_destinataires": "docx",
    "ryanair_traitements": "ods",
    "tchap_sous_traitants": "csv",
    "qwant_treatments": "xlsx",
    "perplexity_treatments": "csv",
    # the fifth held-out set (held_out "5th"), added on 2026-12-02 in round 22 by someone who did
    # not read the importer's rules, while they were being changed elsewhere: measured as is
    "openproject_unterauftragnehmer": "docx",
    "apexmail_subprocessors": "xlsx",
    "apexmail_subprocesadores": "ods",
    "w3schools_subprocessors": "csv",
    "emirates_base_juridique": "xlsx",
    "spotify_finalites": "docx",
    "claude_legal_bases": "csv",
    "bolt_purposes": "ods",
    # the sixth held-out set (held_out "6th"), added on 2026-12-02 in round 22 by someone who did
    # not read the importer's rules, while they were being changed elsewhere: measured as is
    "gaarsdal_databehandlere": "csv",
    "kammaren_behandlingsregister": "xlsx",
    "kammaren_integritetspolicy": "docx",
    "cdiscount_transferts": "ods",
    "aegean_base_juridique": "xlsx",
    "comptoir_finalites": "docx",
    "vodafone_lawful_basis": "csv",
    # the seventh held-out set (held_out "7th"), added on 2026-12-02 in round 22 by someone who
    # did not read the importer's rules, on the tree merging every rule of the round: measured as is
    "hebelki_unterauftragsverarbeiter": "xlsx",
    "stakater_subprocessors": "ods",
    "benetton_finalites": "docx",
    "kappa_fondements": "xlsx",
    "air_europa_collaborateurs": "csv",
    "qwen_lawful_basis": "ods",
    "hebelki_tia_uebermittlungen": "docx",
    # the eighth held-out set (held_out "8th"), added on 2026-12-02 in round 22 by someone who
    # did not read the importer's rules, on the integration tree: measured as is
    "orange_bases_legales": "xlsx",
    "criteo_legal_basis": "csv",
    "lydia_legal_basis": "ods",
    "struktora_auftragsverarbeiter": "docx",
    "binance_legal_basis": "xlsx",
    # the ninth held-out set (held_out "9th"), added on 2026-12-03 by someone who did not read
    # the importer's rules, on main as of da3ebc9: measured as is
    "goalplate_subprocessors": "csv",
    "goalplate_subencargados": "ods",
    "cveetje_subverwerkers": "docx",
    "cveetje_subprocessors": "xlsx",
    "salto_finalites": "xlsx",
    "shein_base_juridique": "ods",
    "nihito_empfaenger": "docx",
    "nihito_unterauftragsverarbeiter": "csv",
    # the tenth held-out set (held_out "10th"), added on 2026-12-03 by someone who did not read
    # the importer's rules: measured as is
    "eleva_subprocessadores": "xlsx",
    "eleva_subencargados": "ods",
    "eleva_bases_legais": "csv",
    "cloudtemple_sub_responsabili": "docx",
    "cloudtemple_unterauftragsverarbeiter": "xlsx",
    "theregister_lawful_basis": "csv",
    "streamable_lawful_basis": "docx",
    "gofile_legal_basis": "ods",
    "flixbus_prestataires_paiement": "xlsx",
    # the eleventh held-out set (held_out "11th"), added on 2026-12-03 by someone who did not read
    # the importer's rules: measured as is
    "annex27_verwerkingsregister": "xlsx",
    "annex27_privacybeleid": "docx",
    "lechat_lawful_basis": "ods",
    "deepseek_legal_bases": "xlsx",
    "firefox_lawful_basis": "docx",
    "bumble_legal_basis": "csv",
    # the twelfth held-out set (held_out "12th"), added on 2026-12-03 by someone who did not read
    # the importer's rules: measured as is
    "siteproof_privacyverklaring": "docx",
    "gidsly_subprocessors": "xlsx",
    "adopte_fondements": "ods",
    "lovescout24_rechtsgrundlagen": "csv",
    "austrian_destinataires": "docx",
    "airbnb_bases_legales": "xlsx",
    # the thirteenth held-out set (held_out "13th"), added on 2026-12-03 by someone who did not
    # read the importer's rules: measured as is
    "brevo_subprocessors": "xlsx",
    "retool_subprocessors": "docx",
    "salturno_subprocesadores": "csv",
    "digidem_underbitraden": "ods",
    "caroll_bases_legales": "docx",
    "coursera_legal_bases": "csv",
    # the fourteenth held-out set (held_out "14th"), added on 2026-12-03 by someone who did not
    # read the importer's rules: measured as is
    "dycers_privacybeleid": "xlsx",
    "dycers_politica_privacidade": "ods",
    "dispocall_rechtsgrundlagen": "csv",
    "dispocall_empfaenger": "docx",
    "sane_italia_finalita": "xlsx",
    "baton_subprocessors": "ods",
    "aura_compartilhamento": "csv",
    # the fifteenth held-out set (held_out "15th"), added on 2026-12-03 by someone who did not
    # read the importer's rules: measured as is
    "gewerbeagent_subprozessoren": "xlsx",
    "sitelog_subprozessoren": "docx",
    "kidjob_informativa": "ods",
    "motorival_base_legal": "csv",
    "motorival_rechtsgrundlagen": "xlsx",
    # the sixteenth held-out set (held_out "16th"), added on 2026-12-04 by someone who did not
    # read the importer's rules: measured as is
    "petitmeme_confidentialite": "csv",
    "github_subencargados": "ods",
    "rijksuitgaven_verwerkers": "docx",
    "msk_unterauftragsverarbeiter": "xlsx",
    "qualified_subprocessors": "csv",
    "metme_informativa": "xlsx",
    # the seventeenth held-out set (held_out "17th"), added on 2026-12-04 by someone who did not
    # read the importer's rules: measured as is
    "bfin_subprocessadores": "csv",
    "lynox_subprocessors": "xlsx",
    "fitxai_privacidad": "ods",
    "opstap_privacybeleid": "docx",
    "komdesk_empfaenger": "xlsx",
    "voxsite_privacy": "csv",
    # the eighteenth held-out set (held_out "18th"), added on 2026-12-04 by someone who did not
    # read the importer's rules: measured as is
    "firmarec_privacidad": "csv",
    "kerdon_informativa": "xlsx",
    "trackback_sous_traitants": "ods",
    "fraghugo_subprozessoren": "docx",
    "teamdock_privacy": "xlsx",
    "fitfi_privacyverklaring": "csv",
    # the nineteenth held-out set (held_out "19th"), added on 2026-12-04 by someone who did not
    # read the importer's rules: measured as is
    "mailfind_sous_traitants": "csv",
    "culinaai_drittlaender": "docx",
    "alibaba_legal_basis": "csv",
    "horsesafe_privacyverklaring": "ods",
    "lexaduana_privacidad": "xlsx",
    "inutil_subprocessors": "docx",
    # the twentieth held-out set (held_out "20th"), added on 2026-12-04 by someone who did not
    # read the importer's rules: measured as is
    "strq_privacidade": "csv",
    "oneflux_informativa": "xlsx",
    "museumlog_privacy": "docx",
    "squishbit_privacy": "ods",
    "kais_confidentialite": "docx",
    "tridot_privacy": "xlsx",
    # the twenty-first held-out set (held_out "21st"), added on 2026-12-04 by someone who did not
    # read the importer's rules: measured as is
    "ariven_transparencia": "csv",
    "invoiceguard_confidentialite": "xlsx",
    "invoicelead_datenschutz": "docx",
    "karmiccompass_subprocessors": "ods",
    "retroductus_verwerkersovereenkomst": "csv",
    # the twenty-second held-out set (held_out "22nd"), added on 2026-12-04 by someone who did not
    # read the importer's rules: measured as is
    "communeo_sous_traitance": "xlsx",
    "helice_subencargados": "csv",
    "eduskript_datenschutz": "docx",
    "atlassian_legal_basis": "ods",
    "grammarly_legal_basis": "xlsx",
    "nfagr_politica_privacidade": "ods",
}
# One document's tables in one sheet: Scalingo's agreement lists its processing, then its
# sub-processors (two tables, two headers, the text between them kept)
COMBINED = {"scalingo_dca_annex": ("scalingo_dca_treatments", "scalingo_dca_subprocessors")}
# Built before a blank line ended a table: Mailjet's three tables are one Word table, kept so
# (a tuned file, measured so since)
ONE_TABLE_ACROSS_BLANK_LINES = {"mailjet_subprocessors"}
# French pages saved as CSV by a French Excel: ';' and a BOM
CSV_DIALECT = {
    "malt_partners": ";",
    "demarches_simplifiees_subprocessors": ";",
    "cityscoot_treatments": ";",
    "socialo_subencargados": ";",  # a Spanish Excel's CSV: ';' too
    "xaiworkspace_grondslagen": ";",  # a Dutch Excel's CSV: ';' too
    "blablacar_treatments": ";",
    "tchap_sous_traitants": ";",
    "gaarsdal_databehandlere": ";",  # a Danish Excel's CSV: ';' too
    "air_europa_collaborateurs": ";",  # a French page saved by a French Excel
    "nihito_unterauftragsverarbeiter": ";",  # a Swiss German Excel's CSV: ';' too
    "eleva_bases_legais": ";",  # a Portuguese Excel's CSV: ';' too
    "lovescout24_rechtsgrundlagen": ";",  # a German Excel's CSV: ';' too
    "salturno_subprocesadores": ";",  # a Spanish Excel's CSV: ';' too
    "dispocall_rechtsgrundlagen": ";",  # a German Excel's CSV: ';' too
    "aura_compartilhamento": ";",  # a Brazilian Excel's CSV: ';' too
    "motorival_base_legal": ";",  # a Portuguese Excel's CSV: ';' too
    "petitmeme_confidentialite": ";",  # a French page saved by a French Excel
    "bfin_subprocessadores": ";",  # a Brazilian Excel's CSV: ';' too
    "firmarec_privacidad": ";",  # a Spanish Excel's CSV: ';' too
    "fitfi_privacyverklaring": ";",  # a Dutch Excel's CSV: ';' too
    "mailfind_sous_traitants": ";",  # a French page saved by a French Excel
    "strq_privacidade": ";",  # a Portuguese Excel's CSV: ';' too
    "ariven_transparencia": ";",  # a Spanish Excel's CSV: ';' too
    "retroductus_verwerkersovereenkomst": ";",  # a Dutch Excel's CSV: ';' too
    "helice_subencargados": ";",  # a Spanish Excel's CSV: ';' too
}


@dataclass
class Block:
    kind: str  # "heading", "text" or "table"
    text: str = ""
    rows: list[list[str]] = field(default_factory=list)


_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_SEPARATOR = re.compile(r"^\|(?:\s*:?-{3,}:?\s*\|)+")


def render(cell: str) -> str:
    """A markdown cell as a reader sees it: line breaks kept, markup and links rendered."""
    text = cell.replace("<br>", "\n").replace("<br/>", "\n").replace("</p><p>", "\n")
    text = re.sub(r"</?p>", "", text)
    # an empty HTML anchor (GitHub Docs' "## <a name=...></a>Subencargados"): invisible on the page
    text = re.sub(r'<a (?:name|id)="[^"]*"></a>', "", text)
    text = _LINK.sub(r"\1", text)
    # an autolink ("<https://lynox.ai/subprocessors>", lynox's list): the page shows the address
    text = re.sub(r"<(https?://[^\s<>]+)>", r"\1", text)
    text = re.sub(r"^#{1,6}\s+", "", text.strip())
    text = re.sub(r"(?m)^\*\s{2,}", "• ", text)  # a markdown list item, as the page shows it
    text = text.replace("**", "").replace("__", "")
    text = re.sub(r"(?<![\w])_([^_]+)_(?![\w])", r"\1", text)
    text = re.sub(r"\\([*\-_#|.\\])", r"\1", text)
    text = html.unescape(text).replace("\u00a0", " ")
    return "\n".join(line.strip() for line in text.split("\n")).strip()


def parse(path: Path, blank_line_ends_table: bool = True) -> list[Block]:
    lines = path.read_text(encoding="utf-8").split("\n")
    blocks: list[Block] = []
    in_front_matter = False
    for index, raw in enumerate(lines):
        line = raw.rstrip()
        if not line.strip() and blank_line_ends_table and blocks and blocks[-1].kind == "table":
            blocks.append(Block("text"))  # markdown ends a table at a blank line; dropped below
            continue
        if line.startswith("<!--"):
            continue
        if re.match(r"^:::\w*$", line.strip()):
            continue  # a Docusaurus admonition's fence: the box, not text
        if line == "---" and (index <= 1 or in_front_matter):
            in_front_matter = not in_front_matter
            continue
        if in_front_matter:
            if line.startswith("title:"):
                blocks.append(Block("heading", line.split(":", 1)[1].strip()))
            continue
        if line.startswith("|"):
            if _SEPARATOR.match(line):
                continue
            cells = [render(c) for c in line.strip().strip("|").split("|")]
            if not blocks or blocks[-1].kind != "table":
                blocks.append(Block("table"))
            blocks[-1].rows.append(cells)
        elif re.match(r"^-{3,}$", line) and not lines[index - 1].strip():
            continue  # after a blank line: a thematic break, drawn as a rule, no text
        elif re.match(r"^-{3,}$", line) and blocks and blocks[-1].kind == "text":
            blocks[-1].kind = "heading"  # setext heading
        elif line.startswith("#") or re.match(r"^\*\*[^*].*\*\*$", line.strip()):
            blocks.append(Block("heading", render(line)))
        elif line.strip() and line.strip() not in ("* * *", "\\"):
            blocks.append(Block("text", render(line)))
    return [b for b in blocks if b.kind != "text" or b.text]


def width_of(blocks: list[Block]) -> int:
    return max((len(r) for b in blocks if b.kind == "table" for r in b.rows), default=1)


# -- spreadsheets ----------------------------------------------------------------------------------
def sheet_rows(blocks: list[Block]) -> list[tuple[str, list[str]]]:
    """(style, cells) per sheet row: "title" rows are merged across the table's width."""
    rows: list[tuple[str, list[str]]] = []
    for block in blocks:
        if block.kind == "heading":
            rows.append(("title", [block.text]))
        elif block.kind == "text":
            rows.append(("text", [block.text]))
        else:
            width = max(len(r) for r in block.rows)
            for cells in block.rows:
                if len(cells) == 1 and width > 1:  # a lone cell: merged across the table
                    rows.append(("title", cells))
                else:
                    rows.append(("cells", cells + [""] * (width - len(cells))))
    return rows


def write_xlsx(blocks: list[Block], path: Path, sheet_name: str) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    width = width_of(blocks)
    book = Workbook()
    sheet = book.active
    sheet.title = sheet_name[:31]
    for style, cells in sheet_rows(blocks):
        sheet.append(cells)
        number = sheet.max_row
        if style == "title" and width > 1 and cells[0]:
            sheet.merge_cells(start_row=number, start_column=1, end_row=number, end_column=width)
            sheet.cell(number, 1).font = Font(bold=True)
        for cell in sheet[number]:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    book.save(str(path))


def write_ods(blocks: list[Block], path: Path, sheet_name: str) -> None:
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import CoveredTableCell, Table, TableCell, TableRow
    from odf.text import P

    width = width_of(blocks)
    document = OpenDocumentSpreadsheet()
    table = Table(name=sheet_name[:31])
    for style, cells in sheet_rows(blocks):
        row = TableRow()
        merged = style == "title" and width > 1 and bool(cells[0])
        for index, value in enumerate(cells):
            cell = TableCell(valuetype="string") if value else TableCell()
            if merged and index == 0:
                cell.setAttribute("numbercolumnsspanned", str(width))
            for line in value.split("\n") if value else []:
                cell.addElement(P(text=line))
            row.addElement(cell)
        if merged:
            for _ in range(width - 1):
                row.addElement(CoveredTableCell())
        table.addElement(row)
    document.spreadsheet.addElement(table)
    document.save(str(path))


def write_csv(blocks: list[Block], path: Path, delimiter: str) -> None:
    encoding = "utf-8-sig" if delimiter == ";" else "utf-8"
    with path.open("w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle, delimiter=delimiter)
        for _style, cells in sheet_rows(blocks):
            writer.writerow(cells)


# -- Word ---------------------------------------------------------------------------------------
def write_docx(blocks: list[Block], path: Path) -> None:
    import docx

    document = docx.Document()
    for block in blocks:
        if block.kind == "heading":
            document.add_heading(block.text, 2)
        elif block.kind == "text":
            document.add_paragraph(block.text)
        else:
            width = max(len(r) for r in block.rows)
            table = document.add_table(rows=0, cols=width)
            table.style = "Table Grid"
            for cells in block.rows:
                row = table.add_row().cells
                if len(cells) == 1 and width > 1:
                    target = row[0].merge(row[width - 1])
                    _fill(target, cells[0])
                    continue
                for cell, value in zip(row, cells + [""] * (width - len(cells)), strict=True):
                    _fill(cell, value)
    document.save(str(path))


def _fill(cell: object, value: str) -> None:
    lines = value.split("\n")
    cell.text = lines[0]  # type: ignore[attr-defined]
    for line in lines[1:]:
        cell.add_paragraph(line)  # type: ignore[attr-defined]


def main(only: list[str]) -> None:
    for ident, parts in COMBINED.items():
        if only and ident not in only:
            continue
        blocks = [b for part in parts for b in parse(SOURCES / f"{part}.md")]
        write_xlsx(blocks, HERE / f"{ident}.xlsx", "Annexe")
    for ident, container in FORMATS.items():
        if only and ident not in only:
            continue
        blocks = parse(SOURCES / f"{ident}.md", ident not in ONE_TABLE_ACROSS_BLANK_LINES)
        target = HERE / f"{ident}.{container}"
        if container == "xlsx":
            write_xlsx(blocks, target, ident.split("_")[0])
        elif container == "ods":
            write_ods(blocks, target, ident.split("_")[0])
        elif container == "csv":
            write_csv(blocks, target, CSV_DIALECT.get(ident, ","))
        else:
            write_docx(blocks, target)


if __name__ == "__main__":
    main(sys.argv[1:])
