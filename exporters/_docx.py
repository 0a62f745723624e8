"""Building blocks for every Word document the workbench writes (register, lists, letters).

A document made here uses real, named styles ("Heading 1".."Heading 3", "List Bullet", the
"Register Table" table style, "toc 1".."toc 3"), so a user restyles the whole document from
Word's style pane instead of fighting direct formatting. Fields (page numbers, table of contents)
are real Word fields that Word and LibreOffice recompute.

    doc = new_document(when=snapshot.as_of, title="...", language="fr")
    set_header_footer(doc.sections[0], "Podalire — Register", page_label="Page {page} of {pages}")
    add_table(doc, headers, widths, rows)          # fast: rows written as XML (see _docx_table)
    save_document(doc, path, when)                  # atomic, byte-stable
"""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path
from typing import Any, cast

import docx
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt, RGBColor
from docx.text.paragraph import Paragraph as DocxParagraph

from exporters._docx_stream import BodyWriter
from exporters._files import as_datetime, atomic_target, write_stable_zip
from exporters._labels import clean_text
from exporters._typography import typography

Document = Any  # python-docx ships no type hints; the alias names what is passed around
Section = Any
Paragraph = Any

TABLE_STYLE = "Register Table"
PAGE_WIDTH, PAGE_HEIGHT, MARGIN = Mm(210), Mm(297), Mm(18)
ACCENT = "1F4E79"
_SECT_PR, _P, _T, _VAL = qn("w:sectPr"), qn("w:p"), qn("w:t"), qn("w:val")
_PSTYLE_PATH = f"{qn('w:pPr')}/{qn('w:pStyle')}"

_TABLE_STYLE_XML = f"""
<w:style {nsdecls("w")} w:type="table" w:customStyle="1" w:styleId="RegisterTable">
  <w:name w:val="{TABLE_STYLE}"/>
  <w:basedOn w:val="TableNormal"/>
  <w:uiPriority w:val="59"/>
  <w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>
  <w:rPr><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr>
  <w:tblPr>
    <w:tblBorders>
      <w:top w:val="single" w:sz="4" w:space="0" w:color="8EAADB"/>
      <w:left w:val="single" w:sz="4" w:space="0" w:color="8EAADB"/>
      <w:bottom w:val="single" w:sz="4" w:space="0" w:color="8EAADB"/>
      <w:right w:val="single" w:sz="4" w:space="0" w:color="8EAADB"/>
      <w:insideH w:val="single" w:sz="4" w:space="0" w:color="8EAADB"/>
      <w:insideV w:val="single" w:sz="4" w:space="0" w:color="8EAADB"/>
    </w:tblBorders>
    <w:tblCellMar>
      <w:top w:w="40" w:type="dxa"/><w:left w:w="80" w:type="dxa"/>
      <w:bottom w:w="40" w:type="dxa"/><w:right w:w="80" w:type="dxa"/>
    </w:tblCellMar>
  </w:tblPr>
  <w:tblStylePr w:type="firstRow">
    <w:rPr><w:b/><w:color w:val="FFFFFF"/></w:rPr>
    <w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{ACCENT}"/></w:tcPr>
  </w:tblStylePr>
  <w:tblStylePr w:type="firstCol">
    <w:rPr><w:b/></w:rPr>
  </w:tblStylePr>
</w:style>
"""


def new_document(
    when: dt.date,
    title: str,
    language: str,
    author: str = "",
    version: str = "",
    status: str = "",
) -> Document:
    """An A4 document with the workbench styles and stable core properties (`status`: the
    document's marking, "Confidentiel")."""
    doc = docx.Document()
    section = doc.sections[0]
    section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, MARGIN)
    _setup_styles(doc, language)
    props = doc.core_properties
    props.title = title
    props.author = author
    props.last_modified_by = author
    props.language = language
    props.revision = 1
    props.version = version
    props.content_status = status
    props.created = props.modified = as_datetime(when)
    props.last_printed = as_datetime(when)
    # Word recomputes fields (TOC page numbers) when it opens the file.
    settings = doc.settings.element
    if settings.find(qn("w:updateFields")) is None:
        settings.append(parse_xml(f'<w:updateFields {nsdecls("w")} w:val="true"/>'))
    return doc


def _setup_styles(doc: Document, language: str) -> None:
    styles = doc.styles
    normal = styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(10)
    normal.paragraph_format.space_after = Pt(4)
    lang = "fr-FR" if language.startswith("fr") else "en-GB"
    rpr = normal.element.get_or_add_rPr()
    rpr.append(parse_xml(f'<w:lang {nsdecls("w")} w:val="{lang}"/>'))
    for level, size in ((1, 16), (2, 13), (3, 11)):
        heading = styles[f"Heading {level}"]
        heading.font.size = Pt(size)
        heading.font.color.rgb = RGBColor.from_string(ACCENT)
    styles["List Bullet"].paragraph_format.space_after = Pt(0)
    styles.element.append(parse_xml(_TABLE_STYLE_XML))
    for level in (1, 2, 3):
        toc = styles.add_style(f"toc {level}", WD_STYLE_TYPE.PARAGRAPH)
        toc.base_style = normal
        toc.paragraph_format.left_indent = Mm(5 * (level - 1))
        toc.paragraph_format.space_after = Pt(2)
        toc.element.set(qn("w:styleId"), f"TOC{level}")


# -- sections, header, footer -------------------------------------------------------------------
def add_section(doc: Document, landscape: bool) -> Section:
    """A new section on a new page; header and footer continue from the previous one."""
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    section.different_first_page_header_footer = False
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    wide, narrow = (PAGE_HEIGHT, PAGE_WIDTH) if landscape else (PAGE_WIDTH, PAGE_HEIGHT)
    section.page_width, section.page_height = wide, narrow
    return section


def usable_width(section: Section) -> int:
    """Width between the margins, in twentieths of a point (Word's table unit)."""
    return int((section.page_width - section.left_margin - section.right_margin) / 635)


def landscape_width() -> int:
    """Width between the margins of a landscape A4 page, in twentieths of a point."""
    return int((PAGE_HEIGHT - 2 * MARGIN) / 635)


def set_header_footer(
    section: Section, header_text: str, page_label: str, skip_first_page: bool = False
) -> None:
    """Header text on the left; footer "Page {page} of {pages}" with real PAGE/NUMPAGES fields."""
    section.different_first_page_header_footer = skip_first_page
    header = section.header.paragraphs[0]
    header.text = header_text
    header.style = section.part.document.styles["Header"]
    footer = section.footer.paragraphs[0]
    footer.style = section.part.document.styles["Footer"]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for piece in re.split(r"(\{page\}|\{pages\})", page_label):
        if piece == "{page}":
            add_field(footer, "PAGE", "1")
        elif piece == "{pages}":
            add_field(footer, "NUMPAGES", "1")
        elif piece:
            footer.add_run(piece)


def add_field(paragraph: Paragraph, instruction: str, shown: str) -> None:
    """A complex field (begin / instruction / separate / last result / end) in `paragraph`."""
    p = paragraph._p
    p.append(_fld_char("begin"))
    p.append(_instr_run(instruction))
    p.append(_fld_char("separate"))
    p.append(_text_run(shown))
    p.append(_fld_char("end"))


def _fld_char(kind: str) -> Any:
    return parse_xml(f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="{kind}"/></w:r>')


def _instr_run(instruction: str) -> Any:
    return parse_xml(
        f'<w:r {nsdecls("w")}><w:instrText xml:space="preserve"> {instruction} </w:instrText></w:r>'
    )


def _text_run(text: str) -> Any:
    run = parse_xml(f'<w:r {nsdecls("w")}><w:t xml:space="preserve"></w:t></w:r>')
    run[0].text = text
    return run


# -- paragraphs ---------------------------------------------------------------------------------
def append_block(container: Any, element: Any) -> None:
    """Append a paragraph or table element to a document body (before its final sectPr) or a
    cell. python-docx searches the whole body for the sectPr on every insert, which grows with
    the document; the sectPr is always the body's last child, so looking there is enough."""
    if isinstance(container, BodyWriter):
        container.append(element)
        return
    body = getattr(container, "_body", container)._element
    try:
        last = body[-1]  # lxml walks back from the end: constant time (len() walks them all)
    except IndexError:
        last = None
    if last is not None and last.tag == _SECT_PR:
        last.addprevious(element)
    else:
        body.append(element)


def add_heading(container: Any, text: str, level: int, new_page: bool = False) -> None:
    """A "Heading {level}" paragraph, written directly (python-docx looks the style up by name
    among every style on each call); `new_page` starts it on a new page. A `BodyWriter`
    bookmarks it for its contents (`_docx_contents`)."""
    new_page_xml = "<w:pageBreakBefore/>" if new_page else ""
    p = parse_xml(
        f'<w:p {nsdecls("w")}><w:pPr><w:pStyle w:val="Heading{level}"/>{new_page_xml}</w:pPr>'
        '<w:r><w:t xml:space="preserve"></w:t></w:r></w:p>'
    )
    p[1][0].text = clean_text(text)
    if isinstance(container, BodyWriter):
        container.add_heading(text, level, p)
    else:
        append_block(container, p)


def add_bullets(container: Any, items: list[str]) -> None:
    """One "List Bullet" paragraph per item (real Word bullets, never "- " text)."""
    for item in items:
        container.add_paragraph(item, style="List Bullet")


def add_page_break(doc: Document) -> None:
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def add_labelled(container: Any, label: str, value: str, colon: str = ": ") -> None:
    """ "Label: value" with the label in bold; skipped when there is no value."""
    if not value:
        return
    paragraph = container.add_paragraph()
    paragraph.add_run(label + colon).bold = True
    paragraph.add_run(value)


# -- table of contents --------------------------------------------------------------------------
def add_toc_placeholder(doc: Document) -> Paragraph:
    """Where `fill_toc` will put the TOC field once every heading exists."""
    return doc.add_paragraph()


def fill_toc(doc: Document, anchor: Paragraph, levels: int, empty_text: str) -> None:
    """A TOC field whose last result lists the headings (no page numbers: LibreOffice shows
    them as they are). A streamed document has real page references instead (`_docx_contents`).

    Word recomputes the field on opening (settings `updateFields`); a reader that does not
    (LibreOffice's PDF conversion, a previewer) still shows this static list instead of nothing.
    """
    styles = {f"Heading{n}": n for n in range(1, levels + 1)}
    entries = []
    for p in doc.element.body.iterchildren(_P):
        style = p.find(_PSTYLE_PATH)
        level = styles.get(style.get(_VAL, "")) if style is not None else None
        text = "".join(t.text or "" for t in p.iter(_T))
        if level is not None and text:
            entries.append((level, text))
    anchor_p = anchor._p
    first = anchor_p
    first.append(_fld_char("begin"))
    first.append(_instr_run(f'TOC \\o "1-{levels}" \\h \\z \\u'))
    first.append(_fld_char("separate"))
    if not entries:
        first.append(_text_run(empty_text))
        first.append(_fld_char("end"))
        return
    level, text = entries[0]
    anchor.style = doc.styles[f"toc {level}"]
    first.append(_text_run(text))
    last = anchor
    for level, text in entries[1:]:
        last = _paragraph_after(last)
        last.style = doc.styles[f"toc {level}"]
        last._p.append(_text_run(text))
    last._p.append(_fld_char("end"))


def apply_typography(doc: Document) -> None:
    """Run the typography of `doc`'s language (its core property) over every `w:t`."""
    fix = typography(doc.core_properties.language or "")
    for part in doc.part.package.iter_parts():
        element = getattr(part, "_element", None)
        if element is None or not hasattr(element, "iter"):
            continue
        for node in element.iter(qn("w:t")):
            if node.text:
                node.text = fix(node.text)


def _paragraph_after(paragraph: Paragraph) -> Paragraph:
    new_p = parse_xml(f"<w:p {nsdecls('w')}/>")
    paragraph._p.addnext(new_p)
    return DocxParagraph(cast(Any, new_p), paragraph._parent)


# -- saving -------------------------------------------------------------------------------------
def save_document(doc: Document, path: str | Path, when: dt.date) -> None:
    """Write atomically; zip entries dated `when` so the same register gives the same bytes.

    Every text of the document (body, headers, footers) goes through the typography of the
    document's language first (`exporters._typography`), so each Word document gets the French
    spacing in one place; the streamed register applies the same fixer as it writes."""
    apply_typography(doc)
    buffer = io.BytesIO()
    doc.save(buffer)
    with atomic_target(path) as temp:
        write_stable_zip(buffer.getvalue(), temp, when)
