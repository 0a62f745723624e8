from __future__ import annotations

from collections.abc import Sequence

from ui.models.entity_table_model import RIGHT, Column, EntityTableModel
from workbench.domain.enums import EntityKind
from workbench.domain.records import Audit
from workbench.i18n import N_
from workbench.services import Register


class AuditTableModel(EntityTableModel[Audit]):
    list_name = "audits"
    kinds = frozenset({EntityKind.AUDIT})
    columns = (
        Column("id", N_("ID"), lambda a: a.id, RIGHT, visible_by_default=False),
        Column("audit_type", N_("Audit type"), lambda a: a.audit_type),
        Column("requested_by", N_("Requested by"), lambda a: a.requested_by),
        Column("requester_name", N_("Requester"), lambda a: a.requester_name),
        Column("auditor", N_("Auditor"), lambda a: a.auditor),
        Column("audit_on", N_("Audit date"), lambda a: a.audit_on),
        Column("status", N_("Status"), lambda a: a.status),
        Column("findings", N_("Findings"), lambda a: len(a.findings), RIGHT),
    )

    def __init__(self, register: Register) -> None:
        super().__init__()
        self._register = register

    def load_rows(self) -> Sequence[Audit]:
        return self._register.audits.list()
