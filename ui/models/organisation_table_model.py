from __future__ import annotations

from collections.abc import Sequence

from ui.models.entity_table_model import RIGHT, Column, EntityTableModel, marks_column
from ui.widgets.inferred_marks import reasons_text
from workbench.domain.enums import EntityKind
from workbench.domain.records import Organisation
from workbench.i18n import N_
from workbench.services import Register


class OrganisationTableModel(EntityTableModel[Organisation]):
    list_name = "organisations"
    kinds = frozenset({EntityKind.ORGANISATION})
    columns = (
        Column("id", N_("ID"), lambda o: o.id, RIGHT, visible_by_default=False),
        Column("name", N_("Organisation"), lambda o: o.name),
        marks_column(lambda o: tuple(m.field for m in o.unconfirmed)),
        Column("kind", N_("Kind"), lambda o: o.kind),
        Column("legal_name", N_("Legal name"), lambda o: o.legal_name),
        Column("dpo_name", N_("DPO"), lambda o: o.dpo_name),
        Column("dpo_email", N_("DPO email"), lambda o: o.dpo_email),
        Column(
            "objection", N_("Objection period (days)"), lambda o: o.objection_period_days, RIGHT
        ),
    )

    shows_marks = True

    def marked_fields(self, row: Organisation) -> tuple[str, ...]:
        return tuple(m.field for m in row.unconfirmed)

    def marks_tooltip(self, row: Organisation) -> str:
        return reasons_text(row.unconfirmed)

    def __init__(self, register: Register) -> None:
        super().__init__()
        self._register = register

    def load_rows(self) -> Sequence[Organisation]:
        return self._register.organisations.list()
