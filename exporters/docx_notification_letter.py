"""The Word letter informing a controller of subprocessor changes (GDPR Art. 28(2)).

The letter arrives here fully worded in its language (the service composes it from the register
with `workbench.i18n.translator(locale)`); this module only lays it out: sender and recipient
blocks, subject, body, one section per change with its facts as "label: value" lines, and the
signature. Styles are the workbench's named styles (exporters/_docx.py).

A fact the register holds as inferred (a location read from text, a computed expiry date) is
worded with its "to be verified" marker by the service, through `letter_marks`: the same
markers and reasons as every other document; the section then lists the reasons, so that the
DPO confirms them before the letter leaves.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import RGBColor

from exporters._docx import add_labelled, new_document, save_document
from exporters._docx_table import FLAG_COLOR
from exporters._labels import DocText
from exporters._marks import MarkNotes
from workbench.i18n import N_


@dataclass(frozen=True, slots=True)
class LetterSection:
    heading: str
    facts: tuple[tuple[str, str], ...]  # (label, value); empty values are left out
    to_verify: tuple[str, ...] = ()  # the numbered reasons of the markers in `facts`


def letter_marks(language: str) -> MarkNotes:
    """The notes for one section's marked facts, in the letter's language."""
    return MarkNotes(DocText(language))


@dataclass(frozen=True, slots=True)
class NotificationLetter:
    language: str  # "fr" or "en": set on the document for spelling and hyphenation
    dated: dt.date
    title: str  # document property
    sender: tuple[str, ...]
    recipient: tuple[str, ...]
    place_and_date: str
    subject: str
    salutation: str
    introduction: tuple[str, ...]
    sections: tuple[LetterSection, ...]
    conclusion: tuple[str, ...]
    signature: tuple[str, ...]
    author: str = ""


def write_notification_letter(letter: NotificationLetter, path: str | Path) -> Path:
    """Write the letter to `path` (atomically) and return the path."""
    doc = new_document(letter.dated, letter.title, letter.language, letter.author)
    words = DocText(letter.language)
    for line in letter.sender:
        doc.add_paragraph(line).paragraph_format.space_after = 0
    doc.add_paragraph()
    for line in letter.recipient:
        paragraph = doc.add_paragraph(line)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        paragraph.paragraph_format.space_after = 0
    doc.add_paragraph()
    doc.add_paragraph(letter.place_and_date).alignment = WD_ALIGN_PARAGRAPH.RIGHT
    subject = doc.add_paragraph()
    subject.add_run(letter.subject).bold = True
    doc.add_paragraph(letter.salutation)
    for text in letter.introduction:
        doc.add_paragraph(text)
    for section in letter.sections:
        doc.add_heading(section.heading, level=2)
        for label, value in section.facts:
            add_labelled(doc, label, value, words.colon)
        if section.to_verify:
            title = doc.add_paragraph().add_run(words(N_("Values to be verified")))
            title.bold = title.italic = True
            title.font.color.rgb = RGBColor.from_string(FLAG_COLOR)
            for line in section.to_verify:
                doc.add_paragraph(line).paragraph_format.space_after = 0
    for text in letter.conclusion:
        doc.add_paragraph(text)
    doc.add_paragraph()
    for line in letter.signature:
        doc.add_paragraph(line).paragraph_format.space_after = 0
    save_document(doc, path, letter.dated)
    return Path(path)
