"""The log of data-subject requests, with each one's computed deadline."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from ui.models.entity_table_model import RIGHT, Column, EntityTableModel
from workbench.compliance.calendar import FrenchCalendar
from workbench.compliance.legal_clocks import RequestDeadline, request_deadline
from workbench.domain.enums import EntityKind
from workbench.domain.subject_requests import DataSubjectRequest
from workbench.i18n import N_, _, ngettext
from workbench.services import Register
from workbench.services.compliance_service import ComplianceService


@dataclass(frozen=True, slots=True)
class RequestListRow:
    request: DataSubjectRequest
    organisation: str
    deadline: RequestDeadline

    @property
    def id(self) -> int:
        return self.request.id or 0


def due_text(row: RequestListRow) -> str:
    if row.deadline.due_on is None:
        return _("suspended (identity)")
    return _("{date} (computed)").format(date=row.deadline.due_on.isoformat())


def status_text(row: RequestListRow, today: dt.date | None = None) -> str:
    request = row.request
    if request.outcome is not None and not request.is_open:
        from ui.labels import enum_label

        return enum_label(request.outcome)
    due = row.deadline.due_on
    if due is None:
        return _("waiting for proof of identity")
    days = (due - (today or dt.date.today())).days
    if days >= 0:
        return ngettext("open, {n} day left", "open, {n} days left", days).format(n=days)
    return ngettext("open, {n} day late", "open, {n} days late", -days).format(n=-days)


class DataSubjectRequestTableModel(EntityTableModel[RequestListRow]):
    list_name = "requests"
    kinds = frozenset({EntityKind.DATA_SUBJECT_REQUEST, EntityKind.ORGANISATION})
    columns = (
        Column("id", N_("ID"), lambda r: r.id, RIGHT, visible_by_default=False),
        Column("received_on", N_("Received on"), lambda r: r.request.received_on),
        Column("requester", N_("Requester"), lambda r: r.request.requester),
        Column("status", N_("Status"), status_text),
        Column("due", N_("Answer due"), due_text),
        Column("rights", N_("Rights exercised"), lambda r: r.request.rights),
        Column("channel", N_("Channel"), lambda r: r.request.channel),
        Column("extension", N_("Extension (months)"), lambda r: r.request.extension_months, RIGHT),
        Column("organisation", N_("Organisation"), lambda r: r.organisation),
        Column("closed_on", N_("Closed on"), lambda r: r.request.closed_on),
    )

    def __init__(self, register: Register) -> None:
        super().__init__()
        self._register = register

    def load_rows(self) -> Sequence[RequestListRow]:
        names = {o.id: o.name for o in self._register.organisations.list()}
        calendar = FrenchCalendar(ComplianceService(self._register).settings().holiday_subdivision)
        today = dt.date.today()
        return [
            RequestListRow(
                r, names.get(r.organisation_id, ""), request_deadline(r, calendar, today)
            )
            for r in self._register.requests.list()
        ]
