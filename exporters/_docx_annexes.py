"""The annexes of the Word register, in its landscape section.

Annex 1 follows the seed's "Description des traitements" table (purposes / personal data /
legal basis / retention), one table per organisation and role; Annex 2 lists subprocessors
grouped by category with their location, in the columns of the seed's "List of
subcontractors"; Annex 3 lists the certificates held.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from exporters._art30 import notes_blocks
from exporters._content import (
    category_blocks,
    legal_basis_blocks,
    purpose_blocks,
    subprocessor_cells,
    with_flag,
)
from exporters._docx import add_heading
from exporters._docx_stream import BodyWriter
from exporters._docx_table import Block, Para, Row, SectionRow, add_blocks, add_table
from exporters._files import Ticker
from exporters._labels import DocText
from exporters._marks import MarkNotes
from exporters._source_text import location_as_written
from workbench.compliance.certificate_wording import certificate_status
from workbench.domain.enums import Role
from workbench.domain.records import Certification, Subprocessor, Treatment
from workbench.domain.snapshot import RegisterSnapshot
from workbench.i18n import N_


def annex_treatments(
    doc: BodyWriter, text: DocText, snapshot: RegisterSnapshot, width: int, tick: Ticker
) -> None:
    """As in the source's Annex 1: the controller tables of every organisation, then the
    processor tables (whose "idem ... (tableau ci-dessus)" points at a controller table)."""
    add_heading(doc, text(N_("Annex 1 – Description of the processing of personal data")), 1)
    for org in snapshot.own_organisations:
        controller = snapshot.treatments_of(org.id, Role.CONTROLLER)
        if controller:
            notes = MarkNotes(text, named=True)
            _treatment_part(
                doc,
                text(N_("Processing for which {name} acts as controller")).format(name=org.name),
                [
                    text(N_("Purposes")),
                    text(N_("Personal data processed")),
                    text(N_("Legal basis")),
                    text(N_("Retention period")),
                ],
                [3, 4, 2.5, 2.5],
                (
                    [
                        purpose_blocks(t, notes),
                        _categories(text, notes, t),
                        legal_basis_blocks(text, notes, t),
                        [Para(t.retention.text, flag=notes.flag(t, "retention"))],
                    ]
                    for t in controller
                ),
                width,
                tick,
                notes,
            )
    for org in snapshot.own_organisations:
        processor = snapshot.treatments_of(org.id, Role.PROCESSOR)
        if processor:
            notes = MarkNotes(text, named=True)
            _treatment_part(
                doc,
                text(N_("Processing for which {name} acts as processor")).format(name=org.name),
                [
                    text(N_("Purposes")),
                    text(N_("Personal data processed")),
                    text(N_("Controllers served")),
                ],
                [3, 5, 2],
                (
                    [
                        purpose_blocks(t, notes),
                        _categories(text, notes, t),
                        with_flag(_served(text, snapshot, t), notes.flag(t, "controller_ids")),
                    ]
                    for t in processor
                ),
                width,
                tick,
                notes,
            )


def _served(text: DocText, snapshot: RegisterSnapshot, t: Treatment) -> list[Block]:
    """The controllers served by name; a category of clients says it names none (30(2)(a))."""
    blocks: list[Block] = []
    for controller_id in t.controller_ids:
        controller = snapshot.organisation_by_id.get(controller_id)
        if controller is None:
            continue
        blocks.append(Para(controller.name))
        if not controller.is_named_controller:
            unnamed = text(N_("category of clients — controllers not named"))
            blocks.append(Para(unnamed, italic=True))
    return blocks


def _categories(text: DocText, notes: MarkNotes, t: Treatment) -> list[Block]:
    return with_flag(category_blocks(text, t.data_categories), notes.flag(t, "data_categories"))


def _treatment_part(
    doc: BodyWriter,
    title: str,
    headers: list[str],
    widths: Sequence[float],
    rows: Iterable[Row],
    width: int,
    tick: Ticker,
    notes: MarkNotes,
) -> None:
    """One part of Annex 1 (as controller, as processor): its heading, its table, then the
    notes on the values to be verified that the table's markers point at."""
    add_heading(doc, title, 2)
    add_table(doc, headers, widths, rows, width, on_row=tick)
    add_blocks(doc, notes_blocks(notes))


def annex_subprocessors(
    doc: BodyWriter, text: DocText, snapshot: RegisterSnapshot, width: int, tick: Ticker
) -> None:
    add_heading(doc, text(N_("Annex 2 – Subprocessors")), 1)
    headers = subprocessor_headers(text)
    for org in snapshot.own_organisations:
        groups = snapshot.subprocessors_by_category(org.id)
        if not groups:
            continue
        add_heading(doc, text(N_("Subprocessors of {name}")).format(name=org.name), 2)
        rows: list[Row] = []
        notes = MarkNotes(text, named=True)
        for category, subs in groups:
            rows.append(SectionRow(text.enum(category).upper()))
            rows.extend(_with_source_location(text, s, notes) for s in subs)
        add_table(doc, headers, SUBPROCESSOR_WIDTHS, rows, width, on_row=tick)
        add_blocks(doc, notes_blocks(notes))


def _with_source_location(text: DocText, sub: Subprocessor, notes: MarkNotes) -> Row:
    """The subprocessor's cells; under the countries, the source's wording when it says more."""
    cells = subprocessor_cells(text, sub, notes)
    written = location_as_written(text, sub)
    if written:
        quoted = text(N_("As written in the source: “{text}”")).format(text=written)
        cells[3] = [*cells[3], Para(quoted, italic=True)]
    return cells


SUBPROCESSOR_WIDTHS = (2.2, 4, 4, 2, 2.2)


def subprocessor_headers(text: DocText) -> list[str]:
    """The columns of the seed's "List of subcontractors"."""
    return [
        text(N_("Subcontractor name")),
        text(N_("Description")),
        text(N_("Categories of personal data processed")),
        text(N_("Server location")),
        text(N_("Data transfer mechanism (if applicable)")),
    ]


def annex_certifications(
    doc: BodyWriter, text: DocText, snapshot: RegisterSnapshot, width: int
) -> None:
    if not snapshot.certifications:
        return
    add_heading(doc, text(N_("Annex 3 – Certifications")), 1)
    headers = [
        text(N_("Holder")),
        text(N_("Certificate")),
        text(N_("Number")),
        text(N_("Certification body")),
        text(N_("Scope")),
        text(N_("Status on {date}")).format(date=text.date(snapshot.as_of)),
    ]
    notes = MarkNotes(text)
    rows = [_certification_row(text, snapshot, notes, cert) for cert in snapshot.certifications]
    add_table(doc, headers, [2.5, 3, 2, 2.5, 3.5, 2.5], rows, width)
    add_blocks(doc, notes_blocks(notes))


def _certification_row(
    text: DocText, snapshot: RegisterSnapshot, notes: MarkNotes, cert: Certification
) -> Row:
    holder = (
        snapshot.organisation_name(cert.organisation_id)
        if cert.organisation_id is not None
        else snapshot.subprocessor_by_id[cert.subprocessor_id].name
        if cert.subprocessor_id in snapshot.subprocessor_by_id
        else ""
    )
    name = text.enum(cert.kind) + (f" — {cert.name}" if cert.name else "")
    noted_as = f"{holder} — {name}"  # how the notes under the table name the certificate

    def flag(*fields: str) -> str:
        return notes.flag(cert, *fields, name=noted_as)

    if cert.referential_version:
        name += f" ({cert.referential_version})"
    scope: list[Block] = [Para(cert.scope, flag=flag("scope"))] if cert.scope else []
    if cert.hds_activities:
        numbers = ", ".join(str(n) for n in cert.hds_activities)
        activities = text(N_("HDS activities: {numbers}")).format(numbers=numbers)
        scope.append(Para(activities, flag=flag("hds_activities")))
    notes.add_rest(cert, name=noted_as)
    return [
        holder,
        [Para(name, flag=flag("kind", "name", "referential_version"))],
        [_stated(text, cert.number, flag("number"))],
        [_stated(text, cert.certifier, flag("certifier"))],
        scope,
        [
            Para(
                certificate_status(text, cert, snapshot.as_of), flag=flag("expires_on", "issued_on")
            )
        ],
    ]


def _stated(text: DocText, value: str, flag: str) -> Para:
    """The value, or "Not specified" in italics: a blank cell reads as an oversight."""
    if value:
        return Para(value, flag=flag)
    return Para(text(N_("Not specified")), italic=True, flag=flag)
