"""Cell contents shared by the Word register and the published subprocessor list."""

from __future__ import annotations

from collections.abc import Sequence

from rapidfuzz import fuzz

from exporters._docx_table import Block, Bullets, Para
from exporters._labels import DocText, group_by_subject
from workbench.domain.enums import LocationKind
from workbench.domain.records import DataCategory, Subprocessor, Treatment
from workbench.domain.reference import is_eea
from workbench.domain.snapshot import RegisterSnapshot
from workbench.i18n import N_


def category_blocks(text: DocText, categories: Sequence[DataCategory]) -> list[Block]:
    """As in the seed's list: "Patients:" then one bullet per category of that subject."""
    blocks: list[Block] = []
    for subject, items in group_by_subject(categories):
        if subject:
            blocks.append(Para(subject + text.colon.rstrip(), bold=True))
        blocks.append(Bullets(tuple(text.category_label(c) for c in items)))
    return blocks


def purpose_blocks(treatment: Treatment) -> list[Block]:
    """Seed Annex 1 layout: the name in bold, then the purpose and description in italics."""
    blocks: list[Block] = [Para(treatment.name, bold=True)]
    for extra in (treatment.purpose, treatment.description):
        if extra and extra != treatment.name:
            blocks.append(Para(extra, italic=True))
    return blocks


def legal_basis_lines(text: DocText, treatment: Treatment) -> str:
    """The Art. 6 label, the Art. 9 condition, then the source's wording unless it only repeats
    the label ("Intérêt légitime." under "Intérêt légitime")."""
    lines = [text.enum(treatment.legal_basis), text.enum(treatment.art9_condition)]
    stated = treatment.legal_basis_text.strip()
    if stated and all(fuzz.ratio(stated.casefold(), line.casefold()) < 85 for line in lines):
        lines.append(stated)
    return "\n".join(line for line in lines if line)


def outside_eea_lines(text: DocText, snapshot: RegisterSnapshot, treatment: Treatment) -> list[str]:
    """ "Name — country — safeguard" for each linked subprocessor processing outside the EEA."""
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
            lines.append(f"{sub.name} — {where} — {text.transfer(sub)}")
    return lines


def transfer_blocks(text: DocText, snapshot: RegisterSnapshot, treatment: Treatment) -> list[Block]:
    """Art. 30(1)(e): the stated transfers, plus every subprocessor located outside the EEA."""
    blocks: list[Block] = [Para(treatment.transfers)] if treatment.transfers else []
    outside = outside_eea_lines(text, snapshot, treatment)
    if outside:
        blocks.append(Bullets(tuple(outside)))
    if not blocks:
        blocks.append(Para(text(N_("None"))))
    return blocks


def subprocessor_cells(text: DocText, sub: Subprocessor) -> list[str | list[Block]]:
    """Name, description, categories of data, server location, transfer mechanism."""
    name: list[Block] = [Para(sub.name, bold=True)]
    if sub.legal_entity and sub.legal_entity != sub.name:
        name.append(Para(sub.legal_entity))
    if sub.optional:
        name.append(Para(text(N_("(optional)")), italic=True))
    description = [Para(line) for line in sub.service_description.split("\n") if line.strip()]
    return [
        name,
        list(description),
        category_blocks(text, sub.data_categories),
        text.server_location(sub),
        text.transfer(sub),
    ]
