"""The table of contents of a streamed Word document: one entry per heading, with its page.

Each entry is a hyperlink to the heading's bookmark followed by a PAGEREF field. LibreOffice
computes PAGEREF while it lays the document out, so a PDF made by `soffice --convert-to pdf`
shows the right pages; Word recomputes the fields when it opens the file (settings
`w:updateFields`). A TOC field would not do: LibreOffice shows a TOC field's last result as
text and does not refresh it on a headless conversion, and the result cannot hold page numbers
before a layout exists (measured: every entry showed the placeholder page).
"""

from __future__ import annotations

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from exporters._docx_stream import BodyWriter, Heading
from exporters._labels import clean_text

_ENTRY = (
    '<w:p {ns}><w:pPr><w:pStyle w:val="TOC{level}"/>'
    '<w:tabs><w:tab w:val="right" w:leader="dot" w:pos="{width}"/></w:tabs></w:pPr>'
    '<w:hyperlink w:anchor="{bookmark}" w:history="1">'
    '<w:r><w:t xml:space="preserve"></w:t></w:r><w:r><w:tab/></w:r>'
    '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
    '<w:r><w:instrText xml:space="preserve"> PAGEREF {bookmark} \\h </w:instrText></w:r>'
    '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
    "<w:r><w:t></w:t></w:r>"
    '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    "</w:hyperlink></w:p>"
)
_T = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t"


def write_contents(out: BodyWriter, title: str, headings: list[Heading], width: int) -> None:
    """ "Contents" on a new page, then one entry per heading (levels 1 to 3)."""
    head = parse_xml(
        f'<w:p {nsdecls("w")}><w:pPr><w:pStyle w:val="TOCHeading"/><w:pageBreakBefore/>'
        '</w:pPr><w:r><w:t xml:space="preserve"></w:t></w:r></w:p>'
    )
    next(head.iter(_T)).text = clean_text(title)
    out.append(head)
    for heading in headings:
        if heading.level > 3:
            continue
        entry = parse_xml(
            _ENTRY.format(
                ns=nsdecls("w"), level=heading.level, width=width, bookmark=heading.bookmark
            )
        )
        next(entry.iter(_T)).text = clean_text(heading.text)
        out.append(entry)
