"""A Word document whose body is written while it is built, never held in memory (issue 18).

python-docx keeps the whole `word/document.xml` tree in memory: at 5,000 treatments the Word
register peaked at 373 MB. Here python-docx still builds the package around the body (styles,
settings, header and footer, core properties), but the body's paragraphs and tables go, one by
one, through a `BodyWriter` into a temporary file; `save_streamed` then copies the package into
the target zip with `word/document.xml` assembled from the front matter (cover, contents), the
body file and the final section properties, in chunks. Memory no longer grows with the register.

The front matter is written after the body because the contents list the headings the body
wrote (`BodyWriter.headings`), each with a bookmark its page number refers to.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import shutil
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from docx.oxml.ns import qn
from lxml import etree

from exporters._files import atomic_target, zip_timestamp
from exporters._typography import typography

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
DOCUMENT_PART = "word/document.xml"
_T, _SECT_PR, _PPR, _P = qn("w:t"), qn("w:sectPr"), qn("w:pPr"), qn("w:p")
_PG_SZ, _W, _H, _ORIENT = qn("w:pgSz"), qn("w:w"), qn("w:h"), qn("w:orient")
_TYPE, _VAL = qn("w:type"), qn("w:val")
_DROPPED_IN_NEW_SECTION = (qn("w:headerReference"), qn("w:footerReference"), qn("w:titlePg"))


@dataclass(frozen=True, slots=True)
class Heading:
    level: int
    text: str
    bookmark: str


class BodyWriter:
    """Appends body elements (paragraphs, tables) to `out` as XML, in document order.

    Text goes through the document language's typography (`exporters._typography`) here, once,
    so that every string of a French document gets its non-breaking spaces whoever wrote it.
    """

    def __init__(self, out: IO[bytes], language: str, section: Any) -> None:
        self._out = out
        self._fix = typography(language)
        self.section = section  # the w:sectPr of the section being written
        self.headings: list[Heading] = []

    def append(self, element: Any) -> None:
        self._out.write(self._serialised(element))

    @contextmanager
    def element(self, element: Any) -> Iterator[None]:
        """Write `element` with its children so far, leave it open for `append`, then close it
        (a table's rows are written one at a time)."""
        text = self._serialised(element)
        closing = f"</{element.prefix}:{etree.QName(element).localname}>".encode()
        if text.endswith(closing):
            self._out.write(text[: -len(closing)])
        else:  # written self-closed: "<w:tbl .../>"
            self._out.write(text[:-2] + b">")
        yield
        self._out.write(closing)

    def add_heading(self, text: str, level: int, element: Any) -> None:
        """`element` is the heading's paragraph; it gets the bookmark the contents point at."""
        bookmark = f"_Toc{len(self.headings) + 1:06d}"
        number = str(len(self.headings) + 1)
        start = etree.Element(qn("w:bookmarkStart"), nsmap={"w": W_NS})
        start.set(qn("w:id"), number)
        start.set(qn("w:name"), bookmark)
        end = etree.Element(qn("w:bookmarkEnd"), nsmap={"w": W_NS})
        end.set(qn("w:id"), number)
        ppr = element.find(_PPR)
        position = 1 if ppr is not None else 0
        element.insert(position, start)
        element.append(end)
        self.headings.append(Heading(level, text, bookmark))
        self.append(element)

    def section_break(self, landscape: bool) -> None:
        """End the current section (on a new page); the next one inherits header and footer."""
        p = etree.Element(_P, nsmap={"w": W_NS})
        etree.SubElement(p, _PPR).append(copy.deepcopy(self.section))
        self.append(p)
        self.section = new_section(self.section, landscape)

    def _serialised(self, element: Any) -> bytes:
        for t in element.iter(_T):
            if t.text:
                t.text = self._fix(t.text)
        return bytes(etree.tostring(element, encoding="utf-8"))


def new_section(previous: Any, landscape: bool) -> Any:
    """The section properties of a new section after `previous`, in the given orientation."""
    section = copy.deepcopy(previous)
    for child in list(section):
        if child.tag in _DROPPED_IN_NEW_SECTION:
            section.remove(child)
    size = section.find(_PG_SZ)
    if size is not None:
        short, long = sorted((int(size.get(_W)), int(size.get(_H))))
        size.set(_W, str(long if landscape else short))
        size.set(_H, str(short if landscape else long))
        if landscape:
            size.set(_ORIENT, "landscape")
        elif _ORIENT in size.attrib:
            del size.attrib[_ORIENT]
    kind = section.find(qn("w:type"))
    if kind is None:
        kind = etree.Element(qn("w:type"), nsmap={"w": W_NS})
        section.insert(0, kind)
    kind.set(_VAL, "nextPage")
    return section


def save_streamed(
    doc: Any,
    path: str | Path,
    when: dt.date,
    language: str,
    body: Callable[[BodyWriter], None],
    front: Callable[[BodyWriter, list[Heading]], None],
) -> None:
    """Write `doc`'s package to `path` (atomically, entries dated `when`) with its body made by
    `body`, preceded by what `front` writes once the body's headings are known."""
    package = io.BytesIO()
    doc.save(package)
    with zipfile.ZipFile(package) as source:
        template = source.read(DOCUMENT_PART)
        root = etree.fromstring(template)
        first_section = root.find(f"{qn('w:body')}/{_SECT_PR}")
        opening = template[: template.index(b"<w:body>") + len(b"<w:body>")]
        with tempfile.TemporaryFile() as body_file, tempfile.TemporaryFile() as front_file:
            body_writer = BodyWriter(body_file, language, first_section)
            body(body_writer)
            front(BodyWriter(front_file, language, first_section), body_writer.headings)
            last_section = etree.tostring(body_writer.section, encoding="utf-8")
            with atomic_target(path) as temp:
                _write_package(
                    source,
                    temp,
                    when,
                    (opening, front_file, body_file, last_section + b"</w:body></w:document>"),
                )


def _write_package(
    source: zipfile.ZipFile,
    target_path: Path,
    when: dt.date,
    document_pieces: tuple[bytes, IO[bytes], IO[bytes], bytes],
) -> None:
    stamp = zip_timestamp(when)
    with zipfile.ZipFile(target_path, "w", compression=zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            info = zipfile.ZipInfo(entry.filename, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            if entry.filename != DOCUMENT_PART:
                target.writestr(info, source.read(entry.filename))
                continue
            with target.open(info, "w", force_zip64=True) as stream:
                for piece in document_pieces:
                    if isinstance(piece, bytes):
                        stream.write(piece)
                    else:
                        piece.seek(0)
                        shutil.copyfileobj(piece, stream, 1 << 20)
