from __future__ import annotations

from collections.abc import Sequence

from ui.models.entity_table_model import RIGHT, Column, EntityTableModel, marks_column
from workbench.domain.enums import EntityKind
from workbench.domain.references import treatment_reference
from workbench.i18n import N_
from workbench.services import Register
from workbench.services.treatment_service import TreatmentRow


class TreatmentTableModel(EntityTableModel[TreatmentRow]):
    """Light rows (`TreatmentService.rows()`): one query, fine for 100,000 treatments."""

    list_name = "treatments"
    kinds = frozenset({EntityKind.TREATMENT, EntityKind.ORGANISATION, EntityKind.SUBPROCESSOR})
    columns = (
        # The reference every document and check prints for this processing ("T-029").
        Column(
            "reference",
            N_("Ref."),
            lambda r: treatment_reference(r.id),
            sort_value=lambda r: r.id,
        ),
        Column("name", N_("Processing activity"), lambda r: r.name),
        marks_column(lambda r: r.unconfirmed_fields),  # beside the name: seen without scrolling
        Column("organisation", N_("Organisation"), lambda r: r.organisation),
        Column("role", N_("Role"), lambda r: r.role),
        Column("legal_basis", N_("Legal basis"), lambda r: r.legal_basis),
        Column("retention", N_("Retention period"), lambda r: r.retention_text),
        Column("status", N_("Status"), lambda r: r.status),
        Column("subprocessors", N_("Subprocessors"), lambda r: r.subprocessor_count, RIGHT),
    )
    shows_marks = True
    own_kind = EntityKind.TREATMENT

    def __init__(self, register: Register) -> None:
        super().__init__()
        self._register = register

    def marked_fields(self, row: TreatmentRow) -> tuple[str, ...]:
        return row.unconfirmed_fields

    def load_rows(self) -> Sequence[TreatmentRow]:
        return self._register.treatments.rows()

    def load_rows_by_id(self, ids: Sequence[int]) -> Sequence[TreatmentRow]:
        return self._register.treatments.rows(ids=ids)
