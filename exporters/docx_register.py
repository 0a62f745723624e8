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

from exporters._content import (
    category_blocks,
    legal_basis_lines,
    purpose_blocks,
    transfer_blocks,
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
from exporters._docx_table import Block, Bullets, Para, Row, SectionRow, add_table
from exporters._files import Ticker
from exporters._labels import DocText
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
        dpo = " — ".join(part for part in (org.dpo_name, org.dpo_email) if part)
        add_labelled(doc, text(N_("Data protection officer")), dpo, text.colon)
        add_labelled(doc, text(N_("Address")), org.address, text.colon)
    doc.add_paragraph()
    add_labelled(doc, text(N_("Register as of")), text.date(snapshot.as_of), text.colon)
    add_labelled(doc, text(N_("Version")), snapshot.version, text.colon)
    counts = text(N_("{treatments} processing activities, {subprocessors} subprocessors")).format(
        treatments=len(snapshot.treatments), subprocessors=len(snapshot.subprocessors)
    )
    doc.add_paragraph(counts)
    add_page_break(doc)


def _organisation_records(
    doc: Document, text: DocText, snapshot: RegisterSnapshot, org: Organisation, tick: Ticker
) -> None:
    add_heading(doc, org.name, level=1)
    for label, value in (
        (N_("Legal name"), org.legal_name),
        (N_("Registration"), org.registration),
        (N_("Address"), org.address),
        (N_("Contact"), org.contact_email),
        (N_("Data protection officer"), " — ".join(p for p in (org.dpo_name, org.dpo_email) if p)),
        (N_("Representative"), org.representative),
    ):
        add_labelled(doc, text(label), value, text.colon)
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
    for treatment in processor:
        add_heading(doc, treatment.name, level=3)
        rows = _processor_rows(text, snapshot, org, treatment)
        add_table(doc, [], [1, 3], rows, width, first_column=True)
        tick()


def _controller_rows(
    text: DocText, snapshot: RegisterSnapshot, org: Organisation, t: Treatment
) -> list[Row]:
    identity = _identity(text, org)
    if t.joint_controller:
        identity.append(Para(text(N_("Joint controller: {name}")).format(name=t.joint_controller)))
    recipients: list[Block] = (
        [Bullets(tuple(text.recipient(r) for r in t.recipients))] if t.recipients else []
    )
    subs = snapshot.subprocessor_names(t)
    if subs:
        recipients += [Para(text(N_("Subprocessors")) + text.colon.rstrip()), Bullets(tuple(subs))]
    rows: list[Row] = [
        [text(N_("Controller (a)")), identity],
        [text(N_("Purposes (b)")), purpose_blocks(t)[1:] or [Para(t.name)]],
        [text(N_("Data subjects (c)")), [Bullets(t.data_subjects)]],
        [text(N_("Categories of personal data (c)")), category_blocks(text, t.data_categories)],
        [text(N_("Legal basis")), legal_basis_lines(text, t)],
        [text(N_("Recipients (d)")), recipients],
        [text(N_("Transfers outside the EEA (e)")), transfer_blocks(text, snapshot, t)],
        [text(N_("Retention period (f)")), t.retention.text],
        [text(N_("Security measures (g)")), [Bullets(t.security_measures)]],
        [text(N_("Impact assessment (Art. 35)")), text.dpia(t.dpia)],
    ]
    reviewed = text.date(t.last_reviewed_on)
    if reviewed:
        rows.append([text(N_("Last reviewed on")), reviewed])
    return _flag_missing(text, rows)


def _identity(text: DocText, org: Organisation) -> list[Block]:
    """Art. 30(1)(a) and 30(2)(a): name and contact details, representative and DPO."""
    blocks: list[Block] = [Para(org.legal_name or org.name, bold=True)]
    for line in (org.address, org.contact_email):
        if line:
            blocks.append(Para(line))
    if org.representative:
        blocks.append(Para(text(N_("Representative")) + text.colon + org.representative))
    dpo = " — ".join(p for p in (org.dpo_name, org.dpo_email) if p)
    if dpo:
        blocks.append(Para(text(N_("Data protection officer")) + text.colon + dpo))
    return blocks


def _processor_rows(
    text: DocText, snapshot: RegisterSnapshot, org: Organisation, t: Treatment
) -> list[Row]:
    controllers: list[Block] = []
    for controller_id in t.controller_ids:
        controller = snapshot.organisation_by_id.get(controller_id)
        if controller is not None:
            contact = " — ".join(p for p in (controller.contact_email, controller.dpo_email) if p)
            controllers.append(Para(controller.name, bold=True))
            if contact:
                controllers.append(Para(contact))
    return _flag_missing(
        text,
        [
            [text(N_("Processor (a)")), _identity(text, org)],
            [text(N_("Controllers served (a)")), controllers],
            [text(N_("Category of processing (b)")), purpose_blocks(t)],
            [text(N_("Categories of personal data")), category_blocks(text, t.data_categories)],
            [text(N_("Transfers outside the EEA (c)")), transfer_blocks(text, snapshot, t)],
            [text(N_("Security measures (d)")), [Bullets(t.security_measures)]],
        ],
    )


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
        (isinstance(b, Para) and b.text.strip()) or (isinstance(b, Bullets) and b.items)
        for b in cell  # type: ignore[attr-defined]
    )
