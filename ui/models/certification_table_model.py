from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from ui.models.entity_table_model import RIGHT, Column, EntityTableModel, marks_column
from ui.widgets.inferred_marks import reasons_text
from workbench.domain.enums import EntityKind
from workbench.domain.records import Certification
from workbench.i18n import N_
from workbench.services import Register


@dataclass(frozen=True, slots=True)
class CertificationRow:
    certification: Certification
    holder: str

    @property
    def id(self) -> int:
        return self.certification.id or 0

    @property
    def days_left(self) -> int | None:
        expires = self.certification.expires_on
        return None if expires is None else (expires - dt.date.today()).days


class CertificationTableModel(EntityTableModel[CertificationRow]):
    list_name = "certifications"
    kinds = frozenset({EntityKind.CERTIFICATION, EntityKind.SUBPROCESSOR, EntityKind.ORGANISATION})
    columns = (
        Column("id", N_("ID"), lambda r: r.id, RIGHT, visible_by_default=False),
        Column("holder", N_("Holder"), lambda r: r.holder),
        marks_column(lambda r: tuple(m.field for m in r.certification.unconfirmed)),
        Column("kind", N_("Certificate"), lambda r: r.certification.kind),
        Column("name", N_("Name"), lambda r: r.certification.name),
        Column("certifier", N_("Certifier"), lambda r: r.certification.certifier),
        Column("number", N_("Number"), lambda r: r.certification.number, visible_by_default=False),
        Column("issued_on", N_("Issued on"), lambda r: r.certification.issued_on),
        Column("expires_on", N_("Expires on"), lambda r: r.certification.expires_on),
        Column("days_left", N_("Days left"), lambda r: r.days_left, RIGHT),
    )

    shows_marks = True

    def marked_fields(self, row: CertificationRow) -> tuple[str, ...]:
        return tuple(m.field for m in row.certification.unconfirmed)

    def marks_tooltip(self, row: CertificationRow) -> str:
        return reasons_text(row.certification.unconfirmed)

    def __init__(self, register: Register) -> None:
        super().__init__()
        self._register = register

    def load_rows(self) -> Sequence[CertificationRow]:
        organisations = {o.id: o.name for o in self._register.organisations.list()}
        subprocessors = {s.id: s.name for s in self._register.subprocessors.list()}
        return [
            CertificationRow(
                c,
                subprocessors.get(c.subprocessor_id, "")
                if c.subprocessor_id is not None
                else organisations.get(c.organisation_id, ""),
            )
            for c in self._register.certifications.list()
        ]
