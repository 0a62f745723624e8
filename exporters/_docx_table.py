"""Word tables written as XML, row by row, in time that does not grow with the table.

python-docx's `table.add_row()` and `table.cell(r, c)` walk the whole table on every call, so
building a 5,000-row table that way is quadratic. Here each row is built once with lxml and
appended to the `w:tbl` element: the cost per row is constant (see bench/bench_export.py).

A cell holds a string (one paragraph per line), or a list of blocks: `Para` (optionally bold or
italic) and `Bullets` (one "List Bullet" paragraph per item: real Word bullets).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from lxml import etree

from exporters._docx import append_block
from exporters._docx_stream import W_NS, BodyWriter
from exporters._labels import clean_text


@dataclass(frozen=True, slots=True)
class Para:
    text: str
    bold: bool = False
    italic: bool = False
    flag: str = ""  # "[à vérifier, note 1]": printed after the text, in the marker's colour
    label: str = ""  # "Adresse : ", printed in bold before the text


@dataclass(frozen=True, slots=True)
class Bullets:
    items: tuple[str, ...]


Block = Para | Bullets
Cell = str | Sequence[Block]


@dataclass(frozen=True, slots=True)
class SectionRow:
    """A full-width row announcing a group ("HÉBERGEMENT DE DONNÉES" in the seed's Annex 2)."""

    title: str


Row = Sequence[Cell] | SectionRow

_TR, _TRPR, _TC, _TCPR, _TCW = qn("w:tr"), qn("w:trPr"), qn("w:tc"), qn("w:tcPr"), qn("w:tcW")
_P, _PPR, _PSTYLE, _R, _RPR, _T = (
    qn("w:p"),
    qn("w:pPr"),
    qn("w:pStyle"),
    qn("w:r"),
    qn("w:rPr"),
    qn("w:t"),
)
_B, _I, _VAL, _W, _TYPE = qn("w:b"), qn("w:i"), qn("w:val"), qn("w:w"), qn("w:type")
_GRIDSPAN, _SHD, _FILL, _COLOR = qn("w:gridSpan"), qn("w:shd"), qn("w:fill"), qn("w:color")
_TBLHEADER, _CANTSPLIT, _KEEPNEXT = qn("w:tblHeader"), qn("w:cantSplit"), qn("w:keepNext")
_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
SECTION_FILL = "D9E2F3"
FLAG_COLOR = "C00000"  # the "to be verified" markers: dark red, readable in black and white too


def add_table(
    container: Any,
    headers: Sequence[str],
    widths: Sequence[float],
    rows: Iterable[Row],
    total_width: int,
    style_id: str = "RegisterTable",
    on_row: Callable[[], None] | None = None,
    first_column: bool = False,
) -> None:
    """Append a table to `container` (document, cell or `BodyWriter`); `widths` are relative
    column weights.

    The header row repeats on every page and no row splits across pages (`w:tblHeader`,
    `w:cantSplit`): a subprocessor's row cut between two pages reads as two records. A
    `BodyWriter` gets the rows one at a time, so the table is never whole in memory. `on_row`
    is called after each data row (progress, cancellation).
    """
    weight = sum(widths)
    twips = [int(total_width * w / weight) for w in widths]
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in twips)
    first_row = int(bool(headers))
    look = f"{0x0400 | (0x20 * first_row) | (0x80 * int(first_column)):04X}"
    tbl = parse_xml(
        f"<w:tbl {nsdecls('w')}><w:tblPr>"
        f'<w:tblStyle w:val="{style_id}"/><w:tblW w:w="{sum(twips)}" w:type="dxa"/>'
        f'<w:tblLayout w:type="fixed"/>'
        f'<w:tblLook w:val="{look}" w:firstRow="{first_row}" w:lastRow="0" '
        f'w:firstColumn="{int(first_column)}" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>'
        f"</w:tblPr><w:tblGrid>{grid}</w:tblGrid></w:tbl>"
    )
    if headers:
        tbl.append(_row([str(h) for h in headers], twips, header=True))
    if isinstance(container, BodyWriter):
        with container.element(tbl):
            for row in rows:
                container.append(_any_row(row, twips))
                if on_row is not None:
                    on_row()
        return
    for row in rows:
        tbl.append(_any_row(row, twips))
        if on_row is not None:
            on_row()
    # Insert where python-docx would: before the body's final sectPr, or at the end of a cell.
    append_block(container, tbl)


def add_blocks(container: Any, blocks: Sequence[Block]) -> None:
    """The blocks as paragraphs of a document body (or a cell), as a table cell would hold them."""
    holder = etree.Element(_TC)
    _blocks(holder, blocks)
    for paragraph in list(holder):
        append_block(container, paragraph)


def _any_row(row: Row, twips: Sequence[int]) -> Any:
    if isinstance(row, SectionRow):
        return _section_row(row.title, sum(twips), len(twips))
    return _row(row, twips)


def _new_row(header: bool = False) -> Any:
    tr = etree.Element(_TR, nsmap={"w": W_NS})
    trpr = etree.SubElement(tr, _TRPR)
    etree.SubElement(trpr, _CANTSPLIT)
    if header:
        etree.SubElement(trpr, _TBLHEADER)
    return tr


def _row(cells: Sequence[Cell], twips: Sequence[int], header: bool = False) -> Any:
    tr = _new_row(header)
    for content, width in zip(cells, twips, strict=True):
        tc = etree.SubElement(tr, _TC)
        tcpr = etree.SubElement(tc, _TCPR)
        etree.SubElement(tcpr, _TCW, {_W: str(width), _TYPE: "dxa"})
        if isinstance(content, str):
            lines = content.split("\n") if content else [""]
            for line in lines:
                _paragraph(tc, line)
        else:
            _blocks(tc, content)
    return tr


def _blocks(tc: Any, blocks: Sequence[Block]) -> None:
    wrote = False
    for block in blocks:
        if isinstance(block, Bullets):
            for item in block.items:
                _paragraph(tc, item, style="ListBullet")
                wrote = True
        else:
            _paragraph(
                tc,
                block.text,
                bold=block.bold,
                italic=block.italic,
                flag=block.flag,
                label=block.label,
            )
            wrote = True
    if not wrote:  # a cell must hold at least one paragraph
        etree.SubElement(tc, _P)


def _paragraph(
    parent: Any,
    text: str,
    style: str = "",
    bold: bool = False,
    italic: bool = False,
    keep_next: bool = False,
    flag: str = "",
    label: str = "",
) -> None:
    _fill(etree.SubElement(parent, _P), text, style, bold, italic, keep_next, flag, label)


def paragraph(
    text: str,
    style: str = "",
    bold: bool = False,
    italic: bool = False,
    keep_next: bool = False,
    flag: str = "",
    label: str = "",
) -> Any:
    """One paragraph element: the label in bold, the text, the marker in the marker's colour."""
    p = etree.Element(_P, nsmap={"w": W_NS})
    return _fill(p, text, style, bold, italic, keep_next, flag, label)


def _fill(
    p: Any,
    text: str,
    style: str,
    bold: bool,
    italic: bool,
    keep_next: bool,
    flag: str,
    label: str,
) -> Any:
    if style or keep_next:
        ppr = etree.SubElement(p, _PPR)
        if style:
            etree.SubElement(ppr, _PSTYLE, {_VAL: style})
        if keep_next:
            etree.SubElement(ppr, _KEEPNEXT)
    if label:
        _run(p, label, bold=True, italic=italic)
    if text:
        _run(p, text, bold, italic)
    if flag:
        _run(p, f" {flag}" if text else flag, bold=True, italic=True, color=FLAG_COLOR)
    return p


def _run(p: Any, text: str, bold: bool, italic: bool, color: str = "") -> None:
    r = etree.SubElement(p, _R)
    if bold or italic or color:
        rpr = etree.SubElement(r, _RPR)
        if bold:
            etree.SubElement(rpr, _B)
        if italic:
            etree.SubElement(rpr, _I)
        if color:
            etree.SubElement(rpr, _COLOR, {_VAL: color})
    t = etree.SubElement(r, _T)
    t.text = clean_text(text)
    if text[:1].isspace() or text[-1:].isspace():
        t.set(_SPACE, "preserve")


def _section_row(title: str, width: int, span: int) -> Any:
    """One shaded cell across the table, kept on the page of the next row (a group title
    alone at the foot of a page reads as an empty group)."""
    tr = _new_row()
    tc = etree.SubElement(tr, _TC)
    tcpr = etree.SubElement(tc, _TCPR)
    etree.SubElement(tcpr, _TCW, {_W: str(width), _TYPE: "dxa"})
    etree.SubElement(tcpr, _GRIDSPAN, {_VAL: str(span)})
    etree.SubElement(tcpr, _SHD, {_VAL: "clear", _COLOR: "auto", _FILL: SECTION_FILL})
    _paragraph(tc, title, bold=True, keep_next=True)
    return tr
