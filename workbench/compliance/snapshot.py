"""The whole register at one moment, as plain records, with the lookups the checks need."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from workbench.compliance.legal_clocks import LOCAL_TIME
from workbench.compliance.settings import ComplianceSettings
from workbench.domain.breaches import Breach
from workbench.domain.enums import EntityKind, OrganisationKind, Role, TreatmentStatus
from workbench.domain.records import (
    Audit,
    Certification,
    Notification,
    Organisation,
    Subprocessor,
    Treatment,
)
from workbench.domain.subject_requests import DataSubjectRequest


@dataclass(frozen=True, slots=True, order=True)
class EntityLink:
    """Which record a finding or a deadline is about."""

    kind: EntityKind
    id: int


@dataclass(frozen=True)
class RegisterSnapshot:
    organisations: tuple[Organisation, ...] = ()
    treatments: tuple[Treatment, ...] = ()
    subprocessors: tuple[Subprocessor, ...] = ()
    certifications: tuple[Certification, ...] = ()
    audits: tuple[Audit, ...] = ()
    notifications: tuple[Notification, ...] = ()
    settings: ComplianceSettings = field(default_factory=ComplianceSettings)
    # Subprocessor changes not yet notified to controllers; None when no baseline exists yet
    # (a register never notified has nothing to compare with).
    pending_changes: tuple[tuple[int, int], ...] | None = None  # (controller id, change count)
    today: dt.date = field(default_factory=dt.date.today)
    breaches: tuple[Breach, ...] = ()
    requests: tuple[DataSubjectRequest, ...] = ()
    # The moment the hour-based clocks (72 h for a breach) are read at; None: the end of `today`
    # (a check "as of" a past date sees what was overdue by the end of that day).
    now: dt.datetime | None = None

    @property
    def moment(self) -> dt.datetime:
        if self.now is not None:
            return self.now
        return dt.datetime.combine(self.today, dt.time.max, tzinfo=LOCAL_TIME)

    @cached_property
    def organisation_by_id(self) -> dict[int, Organisation]:
        return {o.id: o for o in self.organisations if o.id is not None}

    @cached_property
    def subprocessor_by_id(self) -> dict[int, Subprocessor]:
        return {s.id: s for s in self.subprocessors if s.id is not None}

    @cached_property
    def record_by_link(self) -> dict[EntityLink, object]:
        """Every record by its link: a finding names its record by link, and a scan of the
        treatments per finding made `check --json` quadratic (100k treatments: 285 s)."""
        tables: tuple[tuple[EntityKind, tuple[Any, ...]], ...] = (
            (EntityKind.ORGANISATION, self.organisations),
            (EntityKind.TREATMENT, self.treatments),
            (EntityKind.SUBPROCESSOR, self.subprocessors),
            (EntityKind.CERTIFICATION, self.certifications),
            (EntityKind.AUDIT, self.audits),
            (EntityKind.NOTIFICATION, self.notifications),
            (EntityKind.BREACH, self.breaches),
            (EntityKind.DATA_SUBJECT_REQUEST, self.requests),
        )
        return {
            EntityLink(kind, record.id): record
            for kind, records in tables
            for record in records
            if record.id is not None
        }

    @cached_property
    def live_treatments(self) -> tuple[Treatment, ...]:
        return tuple(t for t in self.treatments if t.status is not TreatmentStatus.RETIRED)

    @cached_property
    def treatments_by_subprocessor(self) -> dict[int, tuple[Treatment, ...]]:
        index: dict[int, list[Treatment]] = defaultdict(list)
        for treatment in self.live_treatments:
            for sid in treatment.subprocessor_ids:
                index[sid].append(treatment)
        return {sid: tuple(ts) for sid, ts in index.items()}

    @cached_property
    def certifications_by_subprocessor(self) -> dict[int, tuple[Certification, ...]]:
        index: dict[int, list[Certification]] = defaultdict(list)
        for cert in self.certifications:
            if cert.subprocessor_id is not None:
                index[cert.subprocessor_id].append(cert)
        return {sid: tuple(cs) for sid, cs in index.items()}

    def controllers_of(self, treatment: Treatment) -> tuple[Organisation, ...]:
        if treatment.role is not Role.PROCESSOR:
            return ()
        return tuple(
            self.organisation_by_id[c]
            for c in treatment.controller_ids
            if c in self.organisation_by_id
        )

    @cached_property
    def treatment_by_id(self) -> dict[int, Treatment]:
        return {t.id: t for t in self.treatments if t.id is not None}

    def affected_controllers(self, treatment_ids: tuple[int, ...]) -> tuple[Organisation, ...]:
        """The controllers of the processor treatments named: those a processor's breach (or
        request) concerns (Art. 33(2)), in id order, each once."""
        found: dict[int, Organisation] = {}
        for tid in treatment_ids:
            treatment = self.treatment_by_id.get(tid)
            for org in self.controllers_of(treatment) if treatment is not None else ():
                if org.id is not None:
                    found[org.id] = org
        return tuple(found[i] for i in sorted(found))

    def holder_name(self, cert: Certification) -> str:
        if cert.subprocessor_id is not None and cert.subprocessor_id in self.subprocessor_by_id:
            return self.subprocessor_by_id[cert.subprocessor_id].name
        if cert.organisation_id is not None and cert.organisation_id in self.organisation_by_id:
            return self.organisation_by_id[cert.organisation_id].name
        return ""

    def own_organisations(self) -> tuple[Organisation, ...]:
        return tuple(o for o in self.organisations if o.kind is OrganisationKind.OWN)
