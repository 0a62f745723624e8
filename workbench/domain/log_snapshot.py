"""The breach register and the request log at one moment, handed to exporters.

Exporters never compute a legal clock: the export service does, in the document's language,
and passes each result as a `Computed` value with its basis, so that a document shows what the
application computed as computed, beside what was recorded.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property

from workbench.domain.breaches import Breach
from workbench.domain.records import Organisation, Subprocessor, Treatment
from workbench.domain.subject_requests import DataSubjectRequest


@dataclass(frozen=True, slots=True)
class Computed:
    value: str  # as shown: "2026-03-30 11:00 (UTC+02:00)", "2026-03-02"
    basis: str  # how it was computed, in the document's language


@dataclass(frozen=True)
class LogSnapshot:
    organisations: tuple[Organisation, ...]
    treatments: tuple[Treatment, ...] = ()
    subprocessors: tuple[Subprocessor, ...] = ()
    breaches: tuple[Breach, ...] = ()
    requests: tuple[DataSubjectRequest, ...] = ()
    as_of: dt.date = field(default_factory=dt.date.today)
    breach_deadlines: dict[int, Computed] = field(default_factory=dict)  # by breach id
    request_deadlines: dict[int, Computed] = field(default_factory=dict)  # by request id

    @cached_property
    def organisation_by_id(self) -> dict[int, Organisation]:
        return {o.id: o for o in self.organisations if o.id is not None}

    def organisation_name(self, organisation_id: int) -> str:
        org = self.organisation_by_id.get(organisation_id)
        return org.name if org else ""

    def treatment_names(self, ids: tuple[int, ...]) -> list[str]:
        names = {t.id: t.name for t in self.treatments}
        return [names[i] for i in ids if i in names]

    def subprocessor_names(self, ids: tuple[int, ...]) -> list[str]:
        names = {s.id: s.name for s in self.subprocessors}
        return [names[i] for i in ids if i in names]
