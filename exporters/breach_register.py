"""The breach register (GDPR Art. 33(5)) and the log of data-subject requests (Art. 12 to 22),
in Word and Excel. Values the application computed (the end of the 72 hours, an answer's due
date) say so, with how they were computed; everything else is as recorded."""

from __future__ import annotations

from pathlib import Path

from docx.enum.section import WD_ORIENT

from exporters._docx import (
    add_heading,
    add_labelled,
    new_document,
    save_document,
    set_header_footer,
    usable_width,
)
from exporters._docx_table import add_table
from exporters._files import Ticker
from exporters._labels import DocText
from exporters._log_facts import (
    BREACH_LABELS,
    REQUEST_LABELS,
    Facts,
    breach_facts,
    request_facts,
)
from exporters._xlsx import (
    add_sheet,
    append_row,
    cell,
    finish_table,
    new_workbook,
    save_workbook,
    streaming,
)
from workbench.domain.log_snapshot import LogSnapshot
from workbench.i18n import N_
from workbench.progress import NullProgress, Progress

BREACH_TITLE = N_("Register of personal data breaches (GDPR Art. 33(5))")
REQUEST_TITLE = N_("Log of data-subject requests (GDPR Art. 12 to 22)")
COMPUTED_NOTE = N_(
    "Values marked “computed” were computed by DPO Workbench from the dates recorded, with "
    "how; they are not dates anybody recorded."
)
# The Word register: one section per breach, its facts in this order (empty ones left out).
BREACH_KEYS = (
    "organisation",
    "role",
    "occurred_at",
    "discovered_at",
    "aware_at",
    "ended_at",
    "natures",
    "cause",
    "description",
    "subject_categories",
    "subjects_count",
    "data_categories",
    "records_count",
    "health",
    "treatments",
    "subprocessors",
    "consequences",
    "measures_taken",
    "measures_proposed",
    "risk",
    "risk_reasoning",
    "deadline",
    "notifications",
    "delay_reasons",
    "not_notified_reason",
    "persons_informed",
    "exemption",
    "controllers",
    "attachments",
    "closed_on",
    "notes",
)
REQUEST_KEYS = (
    "id",
    "received_on",
    "requester",
    "rights",
    "channel",
    "due",
    "extension",
    "identity",
    "outcome",
    "closed_on",
)


def _title(text: DocText, snap: LogSnapshot, title: str) -> str:
    names = ", ".join(sorted({o.name for o in snap.organisations if _holds(snap, o.id)}))
    return f"{text(title)} — {names}" if names else text(title)


def _holds(snap: LogSnapshot, organisation_id: int | None) -> bool:
    return any(b.organisation_id == organisation_id for b in snap.breaches) or any(
        r.organisation_id == organisation_id for r in snap.requests
    )


def write_breach_register_docx(
    snap: LogSnapshot, path: str | Path, locale: str = "fr", progress: Progress | None = None
) -> None:
    text = DocText(locale)
    tick = Ticker(progress or NullProgress(), len(snap.breaches), text(N_("Writing")))
    title = _title(text, snap, BREACH_TITLE)
    doc = new_document(snap.as_of, title, text.locale)
    set_header_footer(doc.sections[0], title, text(N_("Page {page} of {pages}")))
    add_heading(doc, title, 1)
    doc.add_paragraph(text(N_("Updated on {date}.")).format(date=text.date(snap.as_of)))
    doc.add_paragraph(text(COMPUTED_NOTE))
    if not snap.breaches:
        doc.add_paragraph(text(N_("No breach is recorded.")))
    for breach in snap.breaches:
        facts = breach_facts(text, snap, breach)
        add_heading(doc, f"{facts['id']}. {breach.title}", 2)
        for key in BREACH_KEYS:
            add_labelled(doc, text(BREACH_LABELS[key]), facts[key], text.colon)
        tick()
    save_document(doc, path, snap.as_of)
    tick.finish()


def write_request_log_docx(
    snap: LogSnapshot, path: str | Path, locale: str = "fr", progress: Progress | None = None
) -> None:
    text = DocText(locale)
    tick = Ticker(progress or NullProgress(), len(snap.requests), text(N_("Writing")))
    title = _title(text, snap, REQUEST_TITLE)
    doc = new_document(snap.as_of, title, text.locale)
    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    set_header_footer(section, title, text(N_("Page {page} of {pages}")))
    add_heading(doc, title, 1)
    doc.add_paragraph(text(N_("Updated on {date}.")).format(date=text.date(snap.as_of)))
    doc.add_paragraph(text(COMPUTED_NOTE))
    rows = [[request_facts(text, snap, r)[k] for k in REQUEST_KEYS] for r in snap.requests]
    add_table(
        doc,
        [text(REQUEST_LABELS[k]) for k in REQUEST_KEYS],
        [5, 10, 14, 14, 9, 20, 14, 9, 9, 9],
        rows,
        usable_width(section),
        on_row=tick,
    )
    save_document(doc, path, snap.as_of)
    tick.finish()


def write_breach_register_xlsx(
    snap: LogSnapshot, path: str | Path, locale: str = "fr", progress: Progress | None = None
) -> None:
    text = DocText(locale)
    keys = ("id", "title", *BREACH_KEYS)
    rows = [breach_facts(text, snap, b) for b in snap.breaches]
    _write_xlsx(
        text, snap, path, BREACH_TITLE, [text(BREACH_LABELS[k]) for k in keys], keys, rows, progress
    )


def write_request_log_xlsx(
    snap: LogSnapshot, path: str | Path, locale: str = "fr", progress: Progress | None = None
) -> None:
    text = DocText(locale)
    keys = (*REQUEST_KEYS[:4], "organisation", *REQUEST_KEYS[4:], "treatments", "outcome_reason")
    rows = [request_facts(text, snap, r) for r in snap.requests]
    _write_xlsx(
        text,
        snap,
        path,
        REQUEST_TITLE,
        [text(REQUEST_LABELS[k]) for k in keys],
        keys,
        rows,
        progress,
    )


def _write_xlsx(
    text: DocText,
    snap: LogSnapshot,
    path: str | Path,
    title: str,
    headers: list[str],
    keys: tuple[str, ...],
    rows: list[Facts],
    progress: Progress | None,
) -> None:
    """One sheet, one row per record, one column per fact; the headers are the facts' labels."""
    tick = Ticker(progress or NullProgress(), len(rows), text(N_("Writing")))
    workbook = new_workbook(snap.as_of, _title(text, snap, title), text.locale)
    with streaming(workbook, path):
        sheet = add_sheet(
            workbook, text(title)[:31], [8 if k == "id" else 28 for k in keys], headers
        )
        for facts in rows:
            append_row(sheet, [cell(sheet, facts[k]) for k in keys])
            tick()
        finish_table(sheet, len(keys), len(rows))
        save_workbook(workbook, path, snap.as_of)
    tick.finish()
