"""The register of processing activities as a Word document (GDPR Art. 30).

Cover page, table of contents, then for each organisation its Art. 30(1) record as controller
and its Art. 30(2) record as processor; in landscape, Annex 1 (purposes / data / legal basis /
retention, as in the seed's annex), Annex 2 (subprocessors grouped by category) and Annex 3
(certifications). Art. 30(3) asks for the record "in writing, including in electronic form";
this is the form handed to the CNIL on request (Art. 30(4)).
"""

from __future__ import annotations

from pathlib import Path

from docx.shared import Pt

from exporters._art30 import (
    controller_blocks,
    controllers_served_blocks,
    dpia_blocks,
    dpo_block,
    identity_blocks,
    labelled,
    notes_blocks,
    policy_text,
    recipient_blocks,
    security_blocks,
)
from exporters._content import (
    category_blocks,
    legal_basis_blocks,
    purpose_blocks,
    transfer_blocks,
    with_flag,
)
from exporters._docx import (
    Document,
    add_heading,
    add_labelled,
    add_page_break,
    add_section,
    add_toc_placeholder,
    fill_toc,
    new_document,
    save_document,
    set_header_footer,
    usable_width,
)
from exporters._docx_annexes import annex_certifications, annex_subprocessors, annex_treatments
from exporters._docx_table import Block, Bullets, Para, Row, SectionRow, add_blocks, add_table
from exporters._files import Ticker
from exporters._labels import DocText
from exporters._marks import MarkNotes, has_marks
from workbench.domain.enums import Role
from workbench.domain.records import Organisation, Treatment
from workbench.domain.snapshot import RegisterSnapshot
from workbench.i18n import N_
from workbench.progress import NullProgress, Progress


def write_register_docx(
    snapshot: RegisterSnapshot,
    path: str | Path,
    locale: str = "fr",
    progress: Progress | None = None,
) -> None:
    text = DocText(locale)
    progress = progress or NullProgress()
    tick = Ticker(
        progress,
        2 * len(snapshot.treatments) + len(snapshot.subprocessors),
        text(N_("Writing the Word register")),
    )
    title = text(N_("Register of processing activities"))
    doc = new_document(snapshot.as_of, title, text.locale, author=_dpo_names(snapshot))
    orgs = snapshot.own_organisations
    header = f"{orgs[0].name} — {title}" if len(orgs) == 1 else title
    set_header_footer(
        doc.sections[0], header, text(N_("Page {page} of {pages}")), skip_first_page=True
    )
    _cover(doc, text, snapshot, title)
    doc.add_paragraph(text(N_("Contents")), style="TOC Heading")
    toc = add_toc_placeholder(doc)
    for org in orgs:
        add_page_break(doc)
        _organisation_records(doc, text, snapshot, org, tick)
    section = add_section(doc, landscape=True)
    width = usable_width(section)
    annex_treatments(doc, text, snapshot, width, tick)
    annex_subprocessors(doc, text, snapshot, width, tick)
    annex_certifications(doc, text, snapshot, width)
    fill_toc(doc, toc, levels=2, empty_text=text(N_("Update this field to build the contents.")))
    progress.check_cancelled()
    save_document(doc, path, snapshot.as_of)
    tick.finish()


def _dpo_names(snapshot: RegisterSnapshot) -> str:
    return ", ".join(sorted({o.dpo_name for o in snapshot.own_organisations if o.dpo_name}))


def _cover(doc: Document, text: DocText, snapshot: RegisterSnapshot, title: str) -> None:
    doc.add_paragraph(title, style="Title")
    doc.add_paragraph(text(N_("Article 30 of the General Data Protection Regulation")), "Subtitle")
    for org in snapshot.own_organisations:
        doc.add_paragraph().add_run(org.legal_name or org.name).font.size = Pt(14)
        # The cover only names; the markers and their notes are in the organisation's part.
        dpo = dpo_block(text, MarkNotes(text), snapshot, org)
        paragraph = doc.add_paragraph()
        paragraph.add_run(dpo.label).bold = True
        paragraph.add_run(dpo.text).italic = dpo.italic
        add_labelled(doc, text(N_("Address")), org.address, text.colon)
    doc.add_paragraph()
    add_labelled(doc, text(N_("Register as of")), text.date(snapshot.as_of), text.colon)
    add_labelled(doc, text(N_("Version")), snapshot.version, text.colon)
    counts = text(N_("{treatments} processing activities, {subprocessors} subprocessors")).format(
        treatments=len(snapshot.treatments), subprocessors=len(snapshot.subprocessors)
    )
    doc.add_paragraph(counts)
    if has_marks(
        snapshot.organisations,
        snapshot.treatments,
        snapshot.subprocessors,
        snapshot.certifications,
    ):
        doc.add_paragraph(marks_explained(text)).runs[0].italic = True
    add_page_break(doc)


def marks_explained(text: DocText) -> str:
    return text(
        N_(
            "Values marked “[to be verified]” were inferred by the application (read from a "
            "text, chosen by a rule, computed or assumed) and no person has confirmed them yet; "
            "the numbered notes give the reason for each."
        )
    )


def _organisation_records(
    doc: Document, text: DocText, snapshot: RegisterSnapshot, org: Organisation, tick: Ticker
) -> None:
    add_heading(doc, org.name, level=1)
    notes = MarkNotes(text)
    blocks = identity_blocks(text, notes, snapshot, org)[1:]  # the heading names it
    if org.security_policy is not None:
        policy = policy_text(text, org.security_policy)
        flag = notes.flag(org, "security_policy")
        blocks.append(labelled(text, text(N_("Security policy")), policy, flag))
    notes.add_rest(org)
    add_blocks(doc, blocks + notes_blocks(notes))
    width = usable_width(doc.sections[-1])
    add_heading(doc, text(N_("Record as controller (Art. 30(1) GDPR)")), level=2)
    controller = snapshot.treatments_of(org.id, Role.CONTROLLER)
    if not controller:
        doc.add_paragraph(text(N_("No processing activity in this role.")))
    for treatment in controller:
        add_heading(doc, treatment.name, level=3)
        rows = _controller_rows(text, snapshot, org, treatment)
        add_table(doc, [], [1, 3], rows, width, first_column=True)
        tick()
    add_heading(doc, text(N_("Record as processor (Art. 30(2) GDPR)")), level=2)
    processor = snapshot.treatments_of(org.id, Role.PROCESSOR)
    if not processor:
        doc.add_paragraph(text(N_("No processing activity in this role.")))
    else:
        _controllers_summary(doc, text, snapshot, processor, width)
    for treatment in processor:
        add_heading(doc, treatment.name, level=3)
        rows = _processor_rows(text, snapshot, org, treatment)
        add_table(doc, [], [1, 3], rows, width, first_column=True)
        tick()


def _controllers_summary(
    doc: Document, text: DocText, snapshot: RegisterSnapshot, records: list[Treatment], width: int
) -> None:
    """Art. 30(2)(a) and (b): each controller served, with its contact, and the categories of
    processing carried out on its behalf."""
    served: dict[int, list[Treatment]] = {}
    for t in records:
        for controller_id in t.controller_ids:
            if controller_id in snapshot.organisation_by_id:
                served.setdefault(controller_id, []).append(t)
    if not served:
        return
    notes = MarkNotes(text)
    rows: list[Row] = [
        [
            controller_blocks(text, notes, snapshot.organisation_by_id[controller_id]),
            [Bullets(tuple(t.name for t in done))],
        ]
        for controller_id, done in served.items()
    ]
    headers = [
        text(N_("Controller served and contact (a)")),
        text(N_("Categories of processing carried out on its behalf (b)")),
    ]
    add_table(doc, headers, [1, 1], rows, width)
    add_blocks(doc, notes_blocks(notes))


def _controller_rows(
    text: DocText, snapshot: RegisterSnapshot, org: Organisation, t: Treatment
) -> list[Row]:
    notes = MarkNotes(text)
    identity = identity_blocks(text, notes, snapshot, org)
    if t.joint_controller:
        joint = text(N_("Joint controller: {name}")).format(name=t.joint_controller)
        identity.append(Para(joint, flag=notes.flag(t, "joint_controller")))
    categories = category_blocks(text, t.data_categories)
    subjects: list[Block] = [Bullets(t.data_subjects)]
    rows: list[Row] = [
        [text(N_("Controller (a)")), identity],
        [text(N_("Purposes (b)")), purpose_blocks(t, notes)[1:] or [Para(t.name)]],
        [text(N_("Data subjects (c)")), with_flag(subjects, notes.flag(t, "data_subjects"))],
        [
            text(N_("Categories of personal data (c)")),
            with_flag(categories, notes.flag(t, "data_categories")),
        ],
        [text(N_("Legal basis")), legal_basis_blocks(text, notes, t)],
        [text(N_("Recipients (d)")), recipient_blocks(text, notes, snapshot, t)],
        [text(N_("Transfers outside the EEA (e)")), transfer_blocks(text, snapshot, t, notes)],
        [text(N_("Retention period (f)")), _retention(notes, t)],
        [text(N_("Security measures (g)")), security_blocks(text, notes, snapshot, t)],
        [text(N_("Impact assessment (Art. 35)")), dpia_blocks(text, notes, t)],
    ]
    reviewed = text.date(t.last_reviewed_on)
    if reviewed:
        rows.append([text(N_("Last reviewed on")), reviewed])
    return _with_notes(text, notes, t, _flag_missing(text, rows))


def _retention(notes: MarkNotes, t: Treatment) -> list[Block]:
    if not t.retention.text:
        return []
    return [Para(t.retention.text, flag=notes.flag(t, "retention"))]


def _with_notes(text: DocText, notes: MarkNotes, t: Treatment, rows: list[Row]) -> list[Row]:
    """The record's last row: its values to be verified, every mark it carries numbered."""
    notes.add_rest(t)
    if not notes:
        return rows
    return [*rows, [text(N_("Values to be verified")), [Para(line) for line in notes.lines()]]]


def _processor_rows(
    text: DocText, snapshot: RegisterSnapshot, org: Organisation, t: Treatment
) -> list[Row]:
    notes = MarkNotes(text)
    categories = category_blocks(text, t.data_categories)
    rows: list[Row] = [
        [text(N_("Processor (a)")), identity_blocks(text, notes, snapshot, org)],
        [text(N_("Controllers served (a)")), controllers_served_blocks(text, notes, snapshot, t)],
        [text(N_("Category of processing (b)")), purpose_blocks(t, notes)],
        [
            text(N_("Categories of personal data")),
            with_flag(categories, notes.flag(t, "data_categories")),
        ],
        [text(N_("Recipients and subprocessors")), recipient_blocks(text, notes, snapshot, t)],
        [text(N_("Transfers outside the EEA (c)")), transfer_blocks(text, snapshot, t, notes)],
        [text(N_("Security measures (d)")), security_blocks(text, notes, snapshot, t)],
    ]
    return _with_notes(text, notes, t, _flag_missing(text, rows))


def _flag_missing(text: DocText, rows: list[Row]) -> list[Row]:
    """An empty Art. 30 field says so, in italics, rather than leaving a blank the reader
    could take for an oversight of the export."""
    missing = [Para(text(N_("Not specified")), italic=True)]
    return [
        row if isinstance(row, SectionRow) or _has_content(row[1]) else [row[0], missing]
        for row in rows
    ]


def _has_content(cell: object) -> bool:
    if isinstance(cell, str):
        return bool(cell.strip())
    return any(
        (isinstance(b, Para) and (b.text.strip() or b.flag)) or (isinstance(b, Bullets) and b.items)
        for b in cell  # type: ignore[attr-defined]
    )
