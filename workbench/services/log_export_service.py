"""Exports of the breach register and the request log: read them once, compute their clocks
in the document's language, hand the snapshot to an exporter."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path

from exporters.breach_register import (
    write_breach_register_docx,
    write_breach_register_xlsx,
    write_request_log_docx,
    write_request_log_xlsx,
)
from exporters.docx_breach_worksheet import write_breach_worksheet
from workbench.compliance.calendar import FrenchCalendar
from workbench.compliance.legal_clocks import breach_clock, moment_text, request_deadline
from workbench.domain.breaches import Breach
from workbench.domain.enums import Role
from workbench.domain.log_snapshot import Computed, LogSnapshot
from workbench.i18n import translator
from workbench.progress import NullProgress, Progress
from workbench.services.compliance_service import ComplianceService
from workbench.services.export_formats import REGISTER_FORMATS, ExportFormat
from workbench.services.export_service import _find, _format
from workbench.services.register import Register

LOG_FORMATS = REGISTER_FORMATS  # Word and Excel
LogWriter = Callable[[LogSnapshot, str | Path, str, Progress | None], None]


class LogKind(StrEnum):
    BREACHES = "breaches"
    REQUESTS = "requests"


WRITERS: dict[tuple[LogKind, ExportFormat], LogWriter] = {
    (LogKind.BREACHES, ExportFormat.DOCX): write_breach_register_docx,
    (LogKind.BREACHES, ExportFormat.XLSX): write_breach_register_xlsx,
    (LogKind.REQUESTS, ExportFormat.DOCX): write_request_log_docx,
    (LogKind.REQUESTS, ExportFormat.XLSX): write_request_log_xlsx,
}


class LogExportService:
    def __init__(self, register: Register) -> None:
        self._register = register

    def snapshot(
        self,
        locale: str = "fr",
        organisation: str | int | None = None,
        today: dt.date | None = None,
    ) -> LogSnapshot:
        reg = self._register
        today = today or dt.date.today()
        orgs = reg.organisations.list()
        breaches = reg.breaches.list()
        requests = reg.requests.list()
        if organisation is not None:
            org = _find(orgs, organisation)
            breaches = [b for b in breaches if b.organisation_id == org.id]
            requests = [r for r in requests if r.organisation_id == org.id]
        tr = translator(locale).gettext
        calendar = FrenchCalendar(ComplianceService(reg).settings().holiday_subdivision)
        breach_deadlines = {}
        for breach in breaches:
            clock = breach_clock(breach, tr)
            # as processor, the controllers notify, on their own clock (Art. 33(2))
            if clock is not None and breach.id is not None and breach.role is Role.CONTROLLER:
                breach_deadlines[breach.id] = Computed(moment_text(clock.deadline), clock.basis)
        request_deadlines = {}
        for request in requests:
            deadline = request_deadline(request, calendar, today, tr)
            if request.id is not None:
                shown = deadline.due_on.isoformat() if deadline.due_on else "—"
                request_deadlines[request.id] = Computed(shown, deadline.basis)
        return LogSnapshot(
            organisations=tuple(orgs),
            treatments=tuple(reg.treatments.list()),
            subprocessors=tuple(reg.subprocessors.list()),
            breaches=tuple(breaches),
            requests=tuple(requests),
            as_of=today,
            breach_deadlines=breach_deadlines,
            request_deadlines=request_deadlines,
        )

    def export(
        self,
        log: LogKind | str,
        path: str | Path,
        fmt: ExportFormat | str,
        locale: str = "fr",
        organisation: str | int | None = None,
        progress: Progress | None = None,
    ) -> LogSnapshot:
        """The breach register (Art. 33(5)) or the request log (Art. 12-22), Word or Excel."""
        writer = WRITERS[LogKind(log), _format(fmt, LOG_FORMATS)]
        snap = self.snapshot(locale, organisation)
        writer(snap, path, locale, progress or NullProgress())
        return snap

    def export_worksheet(self, breach_id: int, path: str | Path, locale: str = "fr") -> Breach:
        """The CNIL notification worksheet of one breach (Word)."""
        breach = self._register.breaches.get(breach_id)
        snap = self.snapshot(locale, breach.organisation_id)
        write_breach_worksheet(snap, breach, path, locale)
        return breach
