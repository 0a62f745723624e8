"""Compliance on a live register: settings, snapshot, checks, certificate statuses, deadlines.

Settings and statements live in the `register_setting` table (they travel with the register file).
Reads are one session each; nothing here writes records, only settings.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from workbench.compliance.acknowledgements import Acknowledgement, split_acknowledged
from workbench.compliance.calendar import normalise_subdivision
from workbench.compliance.certification_status import CertificateAssessment, assess
from workbench.compliance.checks import ALL_CHECKS, Finding, Severity, run_checks
from workbench.compliance.deadlines import DeadlineItem, collect_deadlines
from workbench.compliance.legal_clocks import LOCAL_TIME
from workbench.compliance.settings import ComplianceSettings
from workbench.compliance.snapshot import RegisterSnapshot
from workbench.domain import codec
from workbench.domain.errors import ValidationError
from workbench.domain.records import Certification
from workbench.services.register import Register
from workbench.storage.models import SettingModel

SETTINGS_KEY = "compliance.settings"


@dataclass(frozen=True, slots=True)
class Review:
    snapshot: RegisterSnapshot
    open: list[Finding]
    acknowledged: list[tuple[Finding, Acknowledgement]]


def read_setting(register: Register, key: str) -> Any:
    with register.context.read() as session:
        row = session.get(SettingModel, key)
        return None if row is None else row.value


def write_setting(register: Register, key: str, value: Any) -> None:
    with register.context.sessions() as session, session.begin():
        row = session.get(SettingModel, key)
        if row is None:
            session.add(SettingModel(key=key, value=value))
        else:
            row.value = value


class ComplianceService:
    def __init__(self, register: Register) -> None:
        self._register = register

    # -- settings ------------------------------------------------------------------------------
    def settings(self) -> ComplianceSettings:
        stored = read_setting(self._register, SETTINGS_KEY)
        return (
            ComplianceSettings() if stored is None else codec.from_dict(ComplianceSettings, stored)
        )

    def update_settings(self, settings: ComplianceSettings) -> None:
        problems = {}
        if not 0 <= settings.expiring_within_days <= 3650:
            problems["expiring_within_days"] = "A number of days between 0 and 3650."
        if not 0 <= settings.audit_notice_working_days <= 250:
            problems["audit_notice_working_days"] = "A number of working days between 0 and 250."
        if problems:
            raise ValidationError(problems)
        normalise_subdivision(settings.holiday_subdivision)  # raises on an unknown code
        write_setting(self._register, SETTINGS_KEY, codec.to_dict(settings))

    # -- reading the register ------------------------------------------------------------------
    def snapshot(
        self,
        today: dt.date | None = None,
        with_pending: bool = True,
        now: dt.datetime | None = None,
    ) -> RegisterSnapshot:
        """The register now, with (unless told not to) the changes not yet notified.

        `now` is the moment hour-based clocks are read at: the current time unless `today` or
        `now` is given (`today` alone: the end of that day)."""
        if today is None and now is None:
            now = dt.datetime.now(dt.UTC)
        today = today or (now.astimezone(LOCAL_TIME).date() if now else dt.date.today())
        reg = self._register
        snapshot = RegisterSnapshot(
            organisations=tuple(reg.organisations.list()),
            treatments=tuple(reg.treatments.list()),
            subprocessors=tuple(reg.subprocessors.list()),
            certifications=tuple(reg.certifications.list()),
            audits=tuple(reg.audits.list()),
            notifications=tuple(reg.notifications.list()),
            settings=self.settings(),
            today=today,
            breaches=tuple(reg.breaches.list()),
            requests=tuple(reg.requests.list()),
            now=now,
        )
        if not with_pending:
            return snapshot
        from workbench.services.notification_workflow import NotificationWorkflow

        pending = NotificationWorkflow(reg).pending_counts(snapshot)
        return RegisterSnapshot(**{**_fields(snapshot), "pending_changes": pending})

    def check(
        self,
        today: dt.date | None = None,
        minimum: Severity = Severity.INFO,
        now: dt.datetime | None = None,
    ) -> list[Finding]:
        """The findings still open: those acknowledged on the same facts are left out."""
        return self.review(today, minimum, now).open

    def review(
        self,
        today: dt.date | None = None,
        minimum: Severity = Severity.INFO,
        now: dt.datetime | None = None,
    ) -> Review:
        """Every finding, split into open ones and acknowledged ones, with the snapshot."""
        from workbench.services.acknowledgement_service import AcknowledgementService

        snapshot = self.snapshot(today, now=now)
        findings = run_checks(snapshot, ALL_CHECKS, minimum)
        acknowledgements = AcknowledgementService(self._register).active()
        if not acknowledgements:
            return Review(snapshot, findings, [])
        still_open, covered = split_acknowledged(snapshot, findings, acknowledgements)
        return Review(snapshot, still_open, covered)

    def export_findings(
        self, findings: list[Finding], path: str | Path, today: dt.date | None = None
    ) -> None:
        """The findings as the DPO's action plan: .docx gives Word, anything else Excel."""
        from exporters.checks_action_plan import write_findings_docx, write_findings_xlsx
        from workbench.compliance.checks import ALL_RULES

        references = {r.id: r.source for r in ALL_RULES}
        write = write_findings_docx if str(path).lower().endswith(".docx") else write_findings_xlsx
        write(findings, references, path, today or dt.date.today())

    def certificate_statuses(
        self, today: dt.date | None = None, certifications: Sequence[Certification] | None = None
    ) -> list[tuple[Certification, CertificateAssessment]]:
        """Each certificate's standing (of `certifications` if given, already read)."""
        today = today or dt.date.today()
        days = self.settings().expiring_within_days
        if certifications is None:
            certifications = self._register.certifications.list()
        return [(c, assess(c, today, days)) for c in certifications]

    def deadlines(
        self,
        today: dt.date | None = None,
        within_days: int | None = None,
        now: dt.datetime | None = None,
    ) -> list[DeadlineItem]:
        snapshot = self.snapshot(today, with_pending=False, now=now)
        days = snapshot.settings.deadlines_within_days if within_days is None else within_days
        return collect_deadlines(snapshot, days)


def _fields(snapshot: RegisterSnapshot) -> dict[str, Any]:
    return {
        name: getattr(snapshot, name)
        for name in (
            "organisations",
            "treatments",
            "subprocessors",
            "certifications",
            "audits",
            "notifications",
            "settings",
            "today",
            "breaches",
            "requests",
            "now",
        )
    }
