"""The register of processing activities as a Word document (GDPR Art. 30).

Cover page, table of contents (one entry per processing, with its page), the organisations'
identities, the Art. 30(1) records as controller of every organisation, then their Art. 30(2)
records as processor (the order of the source's annexes); in landscape, Annex 1 (purposes /
data / legal basis / retention, as in the seed's annex), Annex 2 (subprocessors grouped by
category) and Annex 3 (certifications, with their status on the register's date). The body is
streamed (`_docx_stream`): memory does not grow with the register. Art. 30(3) asks for the
record "in writing, including in electronic form"; this is the form handed to the CNIL on
request (Art. 30(4)).
"""

from __future__ import annotations

from pathlib import Path

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
    add_heading,
    landscape_width,
    new_document,
    set_header_footer,
    usable_width,
)
from exporters._docx_annexes import annex_certifications, annex_subprocessors, annex_treatments
from exporters._docx_contents import write_contents
from exporters._docx_stream import BodyWriter, Heading, save_streamed
from exporters._docx_table import (
    Block,
    Bullets,
    Para,
    Row,
    SectionRow,
    add_blocks,
    add_table,
    paragraph,
)
from exporters._files import Ticker
from exporters._labels import DocText
from exporters._marks import MarkNotes, has_marks
from workbench.domain.enums import Role
from workbench.domain.records import Organisation, Treatment
from workbench.domain.references import treatment_reference
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
    confidential = text(N_("Confidential"))
    doc = new_document(
        snapshot.as_of,
        title,
        text.locale,
        author=_dpo_names(snapshot),
        version=snapshot.version,
        status=confidential,
    )
    orgs = snapshot.own_organisations
    header = f"{orgs[0].name} — {title}" if len(orgs) == 1 else title
    set_header_footer(
        doc.sections[0],
        f"{confidential} — {header}",
        text(N_("Page {page} of {pages}")),
        skip_first_page=True,
    )
    portrait = usable_width(doc.sections[0])

    def body(out: BodyWriter) -> None:
        _organisations(out, text, snapshot)
        for role in (Role.CONTROLLER, Role.PROCESSOR):
            _records(out, text, snapshot, role, portrait, tick)
        out.section_break(landscape=True)
        width = landscape_width()
        annex_treatments(out, text, snapshot, width, tick)
        annex_subprocessors(out, text, snapshot, width, tick)
        annex_certifications(out, text, snapshot, width)
        progress.check_cancelled()

    def front(out: BodyWriter, headings: list[Heading]) -> None:
        _cover(out, text, snapshot, title, confidential)
        write_contents(out, text(N_("Contents")), headings, portrait)

    save_streamed(doc, path, snapshot.as_of, text.locale, body, front)
    tick.finish()


def _dpo_names(snapshot: RegisterSnapshot) -> str:
    """The document's author: the DPO of each organisation, by name, else by address."""
    names = {o.dpo_name or o.dpo_email for o in snapshot.own_organisations}
    return ", ".join(sorted(n for n in names if n))


def _cover(
    out: BodyWriter, text: DocText, snapshot: RegisterSnapshot, title: str, confidential: str
) -> None:
    out.append(paragraph(confidential.upper(), bold=True))
    out.append(paragraph(title, style="Title"))
    subtitle = text(N_("Article 30 of the General Data Protection Regulation"))
    out.append(paragraph(subtitle, style="Subtitle"))
    blocks: list[Block] = []
    for org in snapshot.own_organisations:
        # The cover only names; the markers and their notes are in the organisation's part.
        blocks.append(Para(org.legal_name or org.name, bold=True))
        dpo = dpo_block(text, MarkNotes(text), snapshot, org)
        blocks.append(Para(dpo.text, italic=dpo.italic, label=dpo.label))
        if org.address:
            blocks.append(labelled(text, text(N_("Address")), org.address))
        blocks.append(Para(""))
    blocks.append(labelled(text, text(N_("Register as of")), text.date(snapshot.as_of)))
    blocks.append(labelled(text, text(N_("Version")), snapshot.version))
    counts = text(N_("{treatments} processing activities, {subprocessors} subprocessors")).format(
        treatments=len(snapshot.treatments), subprocessors=len(snapshot.subprocessors)
    )
    blocks.append(Para(counts))
    if has_marks(
        snapshot.organisations,
        snapshot.treatments,
        snapshot.subprocessors,
        snapshot.certifications,
    ):
        blocks.append(Para(marks_explained(text), italic=True))
    add_blocks(out, blocks)


def marks_explained(text: DocText) -> str:
    return text(
        N_(
            "Values marked “[to be verified]” were inferred by the application (read from a "
            "text, chosen by a rule, computed or assumed) and no person has confirmed them yet; "
            "the numbered notes give the reason for each."
        )
    )


def _organisations(out: BodyWriter, text: DocText, snapshot: RegisterSnapshot) -> None:
    """Who keeps the register: each organisation's identity, once, before its records."""
    add_heading(out, text(N_("Organisations")), level=1, new_page=True)
    for org in snapshot.own_organisations:
        add_heading(out, org.name, level=2)
        notes = MarkNotes(text)
        blocks = identity_blocks(text, notes, snapshot, org)[1:]  # the heading names it
        if org.security_policy is not None:
            policy = policy_text(text, org.security_policy)
            flag = notes.flag(org, "security_policy")
            blocks.append(labelled(text, text(N_("Security policy")), policy, flag))
        notes.add_rest(org)
        add_blocks(out, blocks + notes_blocks(notes))


ROLE_TITLES = {
    Role.CONTROLLER: N_("Record as controller (Art. 30(1) GDPR)"),
    Role.PROCESSOR: N_("Record as processor (Art. 30(2) GDPR)"),
}


def _records(
    out: BodyWriter,
    text: DocText,
    snapshot: RegisterSnapshot,
    role: Role,
    width: int,
    tick: Ticker,
) -> None:
    """Every organisation's record in one role, in the order of the source's annexes: all
    the controller tables, then the processor ones (the seed's processor table says "idem
    ... (tableau ci-dessus)" of the Podalire Communauté table, which must come before it)."""
    add_heading(out, text(ROLE_TITLES[role]), level=1, new_page=True)
    rows_of = _controller_rows if role is Role.CONTROLLER else _processor_rows
    for org in snapshot.own_organisations:
        add_heading(out, org.name, level=2)
        records = snapshot.treatments_of(org.id, role)
        if not records:
            add_blocks(out, [Para(text(N_("No processing activity in this role.")))])
        elif role is Role.PROCESSOR:
            _controllers_summary(out, text, snapshot, records, width)
        for treatment in records:
            add_heading(out, treatment_title(treatment), level=3)
            add_table(
                out, [], [1, 3], rows_of(text, snapshot, org, treatment), width, first_column=True
            )
            tick()


def treatment_title(treatment: Treatment) -> str:
    """How the document names a processing in its headings and contents: its reference, the
    one the Excel and CNIL registers, `check` and the window print ("T-029 — Gestion des
    litiges"), then its name."""
    reference = treatment_reference(treatment.id)
    return f"{reference} — {treatment.name}" if reference else treatment.name


def _controllers_summary(
    doc: BodyWriter, text: DocText, snapshot: RegisterSnapshot, records: list[Treatment], width: int
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
