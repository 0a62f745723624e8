"""The published list of subprocessors, in the layout of the seed's "List of subcontractors".

The seed's five columns — name, description, categories of personal data processed, server
location, data transfer mechanism (if applicable) — and the certificates each one holds, with
their status on the list's date. What a processor publishes so that its controllers know who
processes their data (Art. 28(2): information on the processors it engages), in Word (landscape,
one part per organisation, grouped by category as in Annex 2), Excel or CSV (one row per
subprocessor, with the organisation that engages it and its legal entity: two "Zendesk" of two
organisations stay two lines a reader can tell apart). A value the application inferred is
marked to be verified: a marker and numbered notes in Word, a last column with the reasons in
Excel/CSV.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from docx.enum.section import WD_ORIENT

from exporters._art30 import notes_blocks
from exporters._content import subprocessor_cells
from exporters._docx import (
    add_heading,
    new_document,
    save_document,
    set_header_footer,
    usable_width,
)
from exporters._docx_annexes import subprocessor_headers
from exporters._docx_table import Block, Para, Row, SectionRow, add_blocks, add_table
from exporters._files import Ticker, atomic_target
from exporters._labels import DocText, clean_text
from exporters._marks import MarkNotes, field_label, reason
from exporters._xlsx import (
    add_sheet,
    append_row,
    finish_table,
    flagged_cell,
    new_workbook,
    save_workbook,
    streaming,
)
from workbench.compliance.certificate_wording import certificate_line
from workbench.domain.inference import marks_on
from workbench.domain.records import Certification, Organisation, Subprocessor
from workbench.domain.snapshot import RegisterSnapshot
from workbench.i18n import N_
from workbench.progress import NullProgress, Progress

CSV_INJECTION = ("=", "+", "-", "@", "\t", "\r")


def _holders(snapshot: RegisterSnapshot) -> list[Organisation]:
    """The organisations whose subprocessors the list shows (not one that has none)."""
    holders = {s.organisation_id for s in snapshot.subprocessors_of(snapshot.focus_id)}
    return [o for o in snapshot.own_organisations if o.id in holders]


def _title(text: DocText, snapshot: RegisterSnapshot) -> str:
    names = ", ".join(o.name for o in _holders(snapshot))
    title = text(N_("List of subcontractors"))
    return f"{title} — {names}" if names else title


def _certificates(snapshot: RegisterSnapshot, sub: Subprocessor) -> list[Certification]:
    return snapshot.certifications_of_subprocessor(sub.id) if sub.id is not None else []


def _certificate_cell(
    text: DocText, snapshot: RegisterSnapshot, sub: Subprocessor, notes: MarkNotes
) -> list[Block]:
    return [
        Para(
            certificate_line(text, cert, snapshot.as_of),
            flag=notes.flag(cert, *CERTIFICATE_FIELDS, name=f"{sub.name} — {text.enum(cert.kind)}"),
        )
        for cert in _certificates(snapshot, sub)
    ] or [Para(text(N_("none recorded")))]


CERTIFICATE_FIELDS = (
    "kind",
    "name",
    "referential_version",
    "hds_activities",
    "expires_on",
    "issued_on",
)
LIST_WIDTHS = (2.2, 3.6, 3.6, 2, 2.2, 2.4)


def write_subprocessors_docx(
    snapshot: RegisterSnapshot,
    path: str | Path,
    locale: str = "fr",
    progress: Progress | None = None,
) -> None:
    text = DocText(locale)
    tick = Ticker(progress or NullProgress(), len(snapshot.subprocessors), text(N_("Writing")))
    title = _title(text, snapshot)
    doc = new_document(snapshot.as_of, title, text.locale)
    # The whole list is wide: make the first (only) section landscape.
    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    set_header_footer(section, title, text(N_("Page {page} of {pages}")))
    add_heading(doc, title, 1)
    doc.add_paragraph(text(N_("Updated on {date}.")).format(date=text.date(snapshot.as_of)))
    notes = MarkNotes(text, named=True)
    holders = _holders(snapshot)
    for holder in holders:
        if len(holders) > 1:  # one part per organisation: whose subprocessor each one is
            add_heading(doc, holder.legal_name or holder.name, 2)
        rows: list[Row] = []
        for category, subs in snapshot.subprocessors_by_category(holder.id):
            rows.append(SectionRow(text.enum(category).upper()))
            rows.extend(
                [*subprocessor_cells(text, s, notes), _certificate_cell(text, snapshot, s, notes)]
                for s in subs
            )
        add_table(
            doc,
            [*subprocessor_headers(text), text(N_("Certifications"))],
            LIST_WIDTHS,
            rows,
            usable_width(section),
            on_row=tick,
        )
    add_blocks(doc, notes_blocks(notes))
    save_document(doc, path, snapshot.as_of)
    tick.finish()


def _plain_row(text: DocText, snapshot: RegisterSnapshot, sub: Subprocessor) -> list[str]:
    lines = []
    for category in sub.data_categories:
        label = text.category_label(category)
        lines.append(f"{category.subject}{text.colon}{label}" if category.subject else label)
    certificates = _certificates(snapshot, sub)
    reasons = [
        field_label(text, m.field) + text.colon + reason(text, m) for m in sub.unconfirmed
    ] + [
        f"{text.enum(c.kind)} — {field_label(text, m.field)}{text.colon}{reason(text, m)}"
        for c in certificates
        for m in c.unconfirmed
    ]
    return [
        snapshot.organisation_name(sub.organisation_id),
        text.enum(sub.category),
        sub.name + (" " + text(N_("(optional)")) if sub.optional else ""),
        sub.legal_entity,
        sub.service_description,
        "\n".join(lines),
        text.server_location(sub),
        text.transfer(sub),
        "\n".join(certificate_line(text, c, snapshot.as_of) for c in certificates),
        "\n".join(reasons),
    ]


# The record fields each column of the Excel/CSV list shows, for shading what is inferred.
PLAIN_COLUMN_FIELDS: tuple[tuple[str, ...], ...] = (
    (),
    ("category",),
    ("name", "optional"),
    ("legal_entity",),
    ("service_description",),
    ("data_categories",),
    ("locations", "location_text"),
    ("transfer_mechanism", "transfer_text"),
    (),
    (),
)


def _plain_headers(text: DocText) -> list[str]:
    name, *rest = subprocessor_headers(text)
    return [
        text(N_("Organisation")),
        text(N_("Category")),
        name,
        text(N_("Legal entity")),
        *rest,
        text(N_("Certifications")),
        text(N_("To be verified")),
    ]


def _ordered(snapshot: RegisterSnapshot) -> list[Subprocessor]:
    return [
        s
        for holder in _holders(snapshot)
        for _, subs in snapshot.subprocessors_by_category(holder.id)
        for s in subs
    ]


def write_subprocessors_xlsx(
    snapshot: RegisterSnapshot,
    path: str | Path,
    locale: str = "fr",
    progress: Progress | None = None,
) -> None:
    text = DocText(locale)
    subs = _ordered(snapshot)
    tick = Ticker(progress or NullProgress(), len(subs), text(N_("Writing")))
    workbook = new_workbook(snapshot.as_of, _title(text, snapshot), text.locale)
    with streaming(workbook, path):
        headers = _plain_headers(text)
        sheet = add_sheet(
            workbook,
            text(N_("List of subcontractors")),
            [20, 18, 28, 24, 45, 50, 24, 30, 36, 40],
            headers,
            fit_width=True,
        )
        for sub in subs:
            values = _plain_row(text, snapshot, sub)
            marked = [
                [reason(text, m) for f in fields for m in marks_on(sub, f)]
                for fields in PLAIN_COLUMN_FIELDS
            ]
            append_row(
                sheet, [flagged_cell(sheet, v, r) for v, r in zip(values, marked, strict=True)]
            )
            tick()
        finish_table(sheet, len(headers), len(subs))
        save_workbook(workbook, path, snapshot.as_of)
    tick.finish()


def write_subprocessors_csv(
    snapshot: RegisterSnapshot,
    path: str | Path,
    locale: str = "fr",
    progress: Progress | None = None,
) -> None:
    """UTF-8 with BOM (Excel detects it), ";" in French as Excel-fr expects, "," in English."""
    text = DocText(locale)
    subs = _ordered(snapshot)
    tick = Ticker(progress or NullProgress(), len(subs), text(N_("Writing")))
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=";" if text.locale == "fr" else ",")
    writer.writerow(_plain_headers(text))
    for sub in subs:
        writer.writerow([_csv_safe(v) for v in _plain_row(text, snapshot, sub)])
        tick()
    with atomic_target(path) as temp:
        temp.write_text("\ufeff" + buffer.getvalue(), encoding="utf-8", newline="")
    tick.finish()


def _csv_safe(value: str) -> str:
    """A leading quote keeps a spreadsheet from reading the cell as a formula (OWASP)."""
    value = clean_text(value)
    return "'" + value if value.startswith(CSV_INJECTION) else value
