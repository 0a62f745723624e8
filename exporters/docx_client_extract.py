"""The extract a client's auditor asks for: what we process on that controller's behalf.

Art. 30(2) GDPR: a processor keeps a record of the processing it carries out for each
controller — (a) its own and the controller's identities and contacts, and their DPOs;
(b) the categories of processing carried out on the controller's behalf; (c) the transfers to
third countries and their safeguards; (d) the security measures. A controller (or its auditor,
under Art. 28(3)(h)) asks for its part of that record; this document is that part and nothing
of the other controllers': the processing done for it, the subprocessors involved in it with
their locations, safeguards and certificates, and the certificates of the processor itself.

Like every document, an inferred value carries its "to be verified" marker, an Art. 30 answer
the register does not hold reads "Not specified", and each certificate says what it is worth on
the extract's date.
"""

from __future__ import annotations

from pathlib import Path

from exporters._art30 import (
    controller_blocks,
    identity_blocks,
    notes_blocks,
    security_blocks,
)
from exporters._content import category_blocks, purpose_blocks, transfer_blocks, with_flag
from exporters._docx import (
    add_heading,
    add_labelled,
    new_document,
    save_document,
    set_header_footer,
    usable_width,
)
from exporters._docx_table import Block, Bullets, Para, Row, add_blocks, add_table
from exporters._files import Ticker
from exporters._labels import DocText
from exporters._marks import MarkNotes
from workbench.compliance.certificate_wording import certificate_line
from workbench.domain.enums import Role
from workbench.domain.errors import ExportError
from workbench.domain.records import Organisation, Subprocessor, Treatment
from workbench.domain.snapshot import RegisterSnapshot
from workbench.i18n import N_
from workbench.progress import NullProgress, Progress


def processing_for(snapshot: RegisterSnapshot, controller_id: int) -> list[Treatment]:
    """The processing carried out on behalf of the controller (Art. 30(2)(b))."""
    return [
        t
        for t in snapshot.treatments
        if t.role is Role.PROCESSOR and controller_id in t.controller_ids
    ]


def write_client_extract_docx(
    snapshot: RegisterSnapshot,
    controller_id: int,
    path: str | Path,
    locale: str = "fr",
    progress: Progress | None = None,
) -> None:
    text = DocText(locale)
    controller = snapshot.organisation_by_id[controller_id]
    treatments = processing_for(snapshot, controller_id)
    if not treatments:
        raise ExportError(
            f"No processing is carried out on behalf of {controller.name} in this register: "
            "there is no extract to write."
        )
    tick = Ticker(progress or NullProgress(), len(treatments), text(N_("Writing")))
    title = text(N_("Processing carried out on behalf of {controller}")).format(
        controller=controller.legal_name or controller.name
    )
    processors = _processors(snapshot, treatments)
    doc = new_document(snapshot.as_of, title, text.locale, author=_dpo_names(processors))
    section = doc.sections[0]
    confidential = text(N_("Confidential"))
    set_header_footer(section, f"{confidential} — {title}", text(N_("Page {page} of {pages}")))
    width = usable_width(section)
    doc.add_paragraph(title, style="Title")
    doc.add_paragraph(
        text(
            N_("Extract of the record of processing activities kept as processor (Art. 30(2) GDPR)")
        ),
        style="Subtitle",
    )
    add_labelled(doc, text(N_("Record as of")), text.date(snapshot.as_of), text.colon)
    add_labelled(doc, text(N_("Version")), snapshot.version, text.colon)

    notes = MarkNotes(text, named=True)
    add_heading(doc, text(N_("Processor and controller (a)")), 1)
    identities: list[Row] = [
        [
            [block for p in processors for block in identity_blocks(text, notes, snapshot, p)],
            controller_blocks(text, notes, controller),
        ]
    ]
    headers = [text(N_("Processor")), text(N_("Controller"))]
    add_table(doc, headers, [1, 1], identities, width)

    add_heading(doc, text(N_("Processing carried out on your behalf (b), (c), (d)")), 1)
    for treatment in treatments:
        add_heading(doc, treatment.name, 2)
        add_table(
            doc,
            [],
            [1, 3],
            _processing_rows(text, snapshot, notes, treatment),
            width,
            first_column=True,
        )
        notes.add_rest(treatment)
        tick()

    subs = _subprocessors(snapshot, treatments)
    add_heading(doc, text(N_("Subprocessors involved")), 1)
    if subs:
        add_table(
            doc,
            [
                text(N_("Subprocessor")),
                text(N_("Service")),
                text(N_("Server location")),
                text(N_("Data transfer mechanism (if applicable)")),
                text(N_("Certifications")),
            ],
            [2.2, 4.2, 1.8, 2.2, 2.4],
            [_subprocessor_row(text, snapshot, notes, s) for s in subs],
            width,
        )
    else:
        doc.add_paragraph(text(N_("None")))

    add_heading(doc, text(N_("Certifications of the processor")), 1)
    own = [c for c in snapshot.certifications if c.organisation_id in {p.id for p in processors}]
    add_blocks(
        doc,
        [
            Para(
                certificate_line(text, c, snapshot.as_of),
                flag=notes.flag(
                    c, "expires_on", "issued_on", "referential_version", name=text.enum(c.kind)
                ),
            )
            for c in own
        ]
        or [Para(text(N_("None recorded")), italic=True)],
    )
    add_blocks(doc, notes_blocks(notes))
    save_document(doc, path, snapshot.as_of)
    tick.finish()


def _processors(snapshot: RegisterSnapshot, treatments: list[Treatment]) -> list[Organisation]:
    ids = dict.fromkeys(t.organisation_id for t in treatments)
    return [snapshot.organisation_by_id[i] for i in ids if i in snapshot.organisation_by_id]


def _dpo_names(processors: list[Organisation]) -> str:
    return ", ".join(sorted({p.dpo_name for p in processors if p.dpo_name}))


def _subprocessors(snapshot: RegisterSnapshot, treatments: list[Treatment]) -> list[Subprocessor]:
    ids = dict.fromkeys(i for t in treatments for i in t.subprocessor_ids)
    subs = [snapshot.subprocessor_by_id[i] for i in ids if i in snapshot.subprocessor_by_id]
    return sorted(subs, key=lambda s: (s.name.casefold(), s.id or 0))


def _processing_rows(
    text: DocText, snapshot: RegisterSnapshot, notes: MarkNotes, t: Treatment
) -> list[Row]:
    categories = category_blocks(text, t.data_categories)
    subs = [
        snapshot.subprocessor_by_id[i].name
        for i in t.subprocessor_ids
        if i in snapshot.subprocessor_by_id
    ]
    missing = [Para(text(N_("Not specified")), italic=True)]
    return [
        [text(N_("Category of processing (b)")), purpose_blocks(t, notes)],
        [
            text(N_("Categories of personal data")),
            with_flag(categories, notes.flag(t, "data_categories")) or missing,
        ],
        [
            text(N_("Subprocessors")),
            [Bullets(tuple(subs))] if subs else [Para(text(N_("None")))],
        ],
        [text(N_("Transfers outside the EEA (c)")), transfer_blocks(text, snapshot, t, notes)],
        [text(N_("Security measures (d)")), security_blocks(text, notes, snapshot, t)],
    ]


def _subprocessor_row(
    text: DocText, snapshot: RegisterSnapshot, notes: MarkNotes, sub: Subprocessor
) -> Row:
    def flag(*fields: str) -> str:
        return notes.flag(sub, *fields, name=sub.name)

    name: list[Block] = [Para(sub.name, bold=True, flag=flag("name"))]
    if sub.legal_entity and sub.legal_entity != sub.name:
        name.append(Para(sub.legal_entity, flag=flag("legal_entity")))
    certificates = [
        Para(
            certificate_line(text, c, snapshot.as_of),
            flag=notes.flag(
                c, "expires_on", "issued_on", "referential_version", "hds_activities", name=sub.name
            ),
        )
        for c in snapshot.certifications_of_subprocessor(sub.id or -1)
    ]
    return [
        name,
        [Para(sub.service_description, flag=flag("service_description"))]
        if sub.service_description
        else [Para(text(N_("Not specified")), italic=True)],
        [
            Para(
                text.server_location(sub) or text(N_("Not specified")),
                flag=flag("locations", "location_text"),
            )
        ],
        [Para(text.transfer(sub), flag=flag("transfer_mechanism", "transfer_text"))],
        certificates or [Para(text(N_("None recorded")), italic=True)],
    ]
