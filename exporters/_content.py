"""Cell contents shared by the Word register and the published subprocessor list."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from rapidfuzz import fuzz

from exporters._docx_table import Block, Bullets, Para
from exporters._labels import DocText, group_by_subject, is_placeholder
from exporters._marks import MarkNotes
from workbench.domain.enums import LocationKind
from workbench.domain.records import DataCategory, Subprocessor, Treatment
from workbench.domain.reference import is_eea
from workbench.domain.snapshot import RegisterSnapshot
from workbench.i18n import N_


def with_flag(blocks: list[Block], flag: str) -> list[Block]:
    """The blocks with a "to be verified" marker after them (on the last paragraph if any)."""
    if not flag:
        return blocks
    last = blocks[-1] if blocks else None
    if isinstance(last, Para) and not last.flag:
        return [*blocks[:-1], dataclasses.replace(last, flag=flag)]
    return [*blocks, Para("", flag=flag)]


def category_blocks(text: DocText, categories: Sequence[DataCategory]) -> list[Block]:
    """As in the seed's list: "Patients:" then one bullet per category of that subject."""
    blocks: list[Block] = []
    for subject, items in group_by_subject(categories):
        if subject:
            blocks.append(Para(subject + text.colon.rstrip(), bold=True))
        blocks.append(Bullets(tuple(text.category_label(c) for c in items)))
    return blocks


def purpose_blocks(treatment: Treatment, notes: MarkNotes) -> list[Block]:
    """Seed Annex 1 layout: the name in bold, then the purpose and description in italics."""
    blocks: list[Block] = [Para(treatment.name, bold=True, flag=notes.flag(treatment, "name"))]
    for extra, field in ((treatment.purpose, "purpose"), (treatment.description, "description")):
        if extra and extra != treatment.name:
            blocks.append(Para(extra, italic=True, flag=notes.flag(treatment, field)))
    return blocks


def legal_basis_blocks(text: DocText, notes: MarkNotes, treatment: Treatment) -> list[Block]:
    """The Art. 6 label, the Art. 9 condition, then the source's wording unless it only repeats
    the label ("Intérêt légitime." under "Intérêt légitime"); each with its own marker."""
    lines = [
        (text.enum(treatment.legal_basis), "legal_basis"),
        (text.enum(treatment.art9_condition), "art9_condition"),
    ]
    stated = treatment.legal_basis_text.strip()
    if stated and all(fuzz.ratio(stated.casefold(), line.casefold()) < 85 for line, _ in lines):
        lines.append((stated, "legal_basis_text"))
    return [Para(line, flag=notes.flag(treatment, field)) for line, field in lines if line]


def outside_eea_lines(
    text: DocText, snapshot: RegisterSnapshot, treatment: Treatment, notes: MarkNotes
) -> list[str]:
    """ "Name — country — safeguard" for each linked subprocessor processing outside the EEA,
    with the marker of an inferred location or safeguard."""
    lines = []
    for sub_id in treatment.subprocessor_ids:
        sub = snapshot.subprocessor_by_id.get(sub_id)
        if sub is None:
            continue
        abroad = [
            loc
            for loc in sub.locations
            if loc.kind is LocationKind.COUNTRY and not is_eea(loc.code)
        ]
        if abroad:
            where = ", ".join(text.locations(abroad))
            flag = notes.flag(
                sub, "locations", "transfer_mechanism", "transfer_text", name=sub.name
            )
            line = f"{sub.name} — {where} — {text.transfer(sub)}"
            lines.append(f"{line} {flag}" if flag else line)
    return lines


def transfer_blocks(
    text: DocText, snapshot: RegisterSnapshot, treatment: Treatment, notes: MarkNotes
) -> list[Block]:
    """Art. 30(1)(e): the stated transfers, plus every subprocessor located outside the EEA."""
    blocks: list[Block] = (
        [Para(treatment.transfers, flag=notes.flag(treatment, "transfers"))]
        if treatment.transfers
        else []
    )
    outside = outside_eea_lines(text, snapshot, treatment, notes)
    if outside:
        blocks.append(Bullets(tuple(outside)))
    if not blocks:
        blocks.append(Para(text(N_("None"))))
    return blocks


def subprocessor_cells(
    text: DocText, sub: Subprocessor, notes: MarkNotes
) -> list[str | list[Block]]:
    """Name, description, categories of data, server location, transfer mechanism; a marked
    value (a category chosen by a rule, a country read from text...) carries its marker."""

    def flag(*fields: str) -> str:
        return notes.flag(sub, *fields, name=sub.name)

    name: list[Block] = [Para(sub.name, bold=True, flag=flag("name", "category"))]
    if sub.legal_entity and sub.legal_entity != sub.name:
        name.append(Para(sub.legal_entity, flag=flag("legal_entity")))
    if sub.optional:
        name.append(Para(text(N_("(optional)")), italic=True, flag=flag("optional")))
    description: list[Block] = [
        Para(line) for line in sub.service_description.split("\n") if line.strip()
    ]
    if is_placeholder(sub.service_description):  # the source's "N/A": nothing was described
        description = [Para(text(N_("Not specified")), italic=True)]
    return [
        name,
        with_flag(description, flag("service_description")),
        with_flag(category_blocks(text, sub.data_categories), flag("data_categories")),
        [Para(text.server_location(sub), flag=flag("locations", "location_text"))],
        [Para(text.transfer(sub), flag=flag("transfer_mechanism", "transfer_text"))],
    ]
