"""A column headed as the processing agreement (Art. 28(3) GDPR: "DPA", "AVV", "DPA-länk") that
names the transfer tool the agreement includes ("Commercial API DPA + SCC", "DPA + SCC").

A list without a transfer column often says the tool in its agreement column: the standard
clauses are annexed to the DPA. When no column holds the mechanism and some of this column's
cells name a tool, the column is read as the mechanism's text (at the content confidence, so the
wizard shows it as a guess); the cells naming none ("berget.ai/dpa", "Platform Terms") give no
mechanism. A list with a transfer column keeps it, and its agreement column stays unmapped.
"""

from __future__ import annotations

from collections.abc import Sequence

from importers.cleaning import fold
from importers.content import CONTENT_CONFIDENCE, column_samples
from importers.model import ColumnGuess, ColumnMapping, RecordKind
from importers.transfers import parse_mechanism
from workbench.domain.enums import TransferMechanism

AGREEMENT_HEADERS = frozenset(
    fold(header)
    for header in (
        "DPA",
        "DPA link",
        "DPA-länk",
        "DPA-link",
        "Data processing agreement",
        "Data processing addendum",
        "DPA en vigueur",
        "Contrat de sous-traitance",
        "AVV",
        "Auftragsverarbeitungsvertrag",
        "Contrato de encargo",
        "Accordo sul trattamento dei dati",
        "Verwerkersovereenkomst",
        "Personuppgiftsbiträdesavtal",
        "Databehandleraftale",
        "Databehandleravtale",
        "Käsittelysopimus",
    )
)


def tool_from_agreement(mapping: ColumnMapping, rows: Sequence[Sequence[str]]) -> ColumnMapping:
    """The mapping with an unmapped agreement column read as the mechanism's text, when no
    column is and one of its cells names a transfer tool; else the mapping as it is."""
    stated = mapping.index_of("transfer_text") is not None
    if mapping.kind is not RecordKind.SUBPROCESSORS or stated:
        return mapping
    for column in mapping.columns:
        if (
            column.field is None
            and fold(column.header) in AGREEMENT_HEADERS
            and any(_names_a_tool(s) for s in column_samples(rows, column.index))
        ):
            return ColumnMapping(
                mapping.kind,
                tuple(
                    ColumnGuess(c.index, c.header, "transfer_text", CONTENT_CONFIDENCE)
                    if c.index == column.index
                    else c
                    for c in mapping.columns
                ),
            )
    return mapping


def _names_a_tool(cell: str) -> bool:
    return parse_mechanism(cell) not in (None, TransferMechanism.NONE)
