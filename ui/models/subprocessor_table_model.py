from __future__ import annotations

from collections.abc import Sequence

from ui.labels import country_name
from ui.models.entity_table_model import RIGHT, Column, EntityTableModel, marks_column
from ui.widgets.inferred_marks import reasons_text
from workbench.domain.enums import EntityKind
from workbench.domain.records import Subprocessor
from workbench.i18n import N_
from workbench.services import Register


def _countries(s: Subprocessor) -> str:
    return ", ".join(country_name(loc.code) for loc in s.locations) or s.location_text


class SubprocessorTableModel(EntityTableModel[Subprocessor]):
    list_name = "subprocessors"
    kinds = frozenset({EntityKind.SUBPROCESSOR})
    columns = (
        Column("id", N_("ID"), lambda s: s.id, RIGHT, visible_by_default=False),
        Column("name", N_("Subprocessor"), lambda s: s.name),
        marks_column(lambda s: tuple(m.field for m in s.unconfirmed)),
        Column(
            "legal_entity", N_("Legal entity"), lambda s: s.legal_entity, visible_by_default=False
        ),
        Column("category", N_("Category"), lambda s: s.category),
        Column("service", N_("Service provided"), lambda s: s.service_description),
        Column("countries", N_("Countries"), _countries),
        Column("transfer", N_("Transfer mechanism"), lambda s: s.transfer_mechanism),
        Column("dpa_signed_on", N_("DPA signed on"), lambda s: s.dpa_signed_on),
        Column("optional", N_("Optional"), lambda s: s.optional, visible_by_default=False),
        Column("chain_level", N_("Chain level"), lambda s: s.chain_level, RIGHT, False),
    )
    shows_marks = True

    def __init__(self, register: Register) -> None:
        super().__init__()
        self._register = register

    def marked_fields(self, row: Subprocessor) -> tuple[str, ...]:
        return tuple(m.field for m in row.unconfirmed)

    def marks_tooltip(self, row: Subprocessor) -> str:
        return reasons_text(row.unconfirmed)  # the full records are at hand: say why

    def load_rows(self) -> Sequence[Subprocessor]:
        return self._register.subprocessors.list()
