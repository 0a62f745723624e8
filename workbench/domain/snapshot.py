"""A frozen picture of the register, handed to exporters.

An export service reads the register once (now, or as of a past date) and passes this object to
an exporter: exporters never touch storage, and every document they write from one snapshot
shows the same state even if somebody edits the register meanwhile.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property

from workbench.domain.enums import OrganisationKind, Role, SubprocessorCategory
from workbench.domain.records import Certification, Organisation, Subprocessor, Treatment

# Order of the Annex 2 sections, as in the seed.
CATEGORY_ORDER = tuple(SubprocessorCategory)


@dataclass(frozen=True)
class RegisterSnapshot:
    organisations: tuple[Organisation, ...]
    treatments: tuple[Treatment, ...]
    subprocessors: tuple[Subprocessor, ...]
    certifications: tuple[Certification, ...] = ()
    as_of: dt.date = field(default_factory=dt.date.today)
    version: str = ""  # shown on the cover page: e.g. the last journal operation number
    focus_id: int | None = None  # set when the export is for this one organisation
    # Treatment id -> the days its first and latest change were journaled: the fiches'
    # creation and update dates (empty when the snapshot was not read from a register).
    treatment_dates: dict[int, tuple[dt.date, dt.date]] = field(default_factory=dict)

    # -- lookups -------------------------------------------------------------------------------
    @cached_property
    def organisation_by_id(self) -> dict[int, Organisation]:
        return {o.id: o for o in self.organisations if o.id is not None}

    @cached_property
    def subprocessor_by_id(self) -> dict[int, Subprocessor]:
        return {s.id: s for s in self.subprocessors if s.id is not None}

    def organisation_name(self, organisation_id: int | None) -> str:
        org = self.organisation_by_id.get(organisation_id) if organisation_id is not None else None
        return org.name if org else ""

    @property
    def own_organisations(self) -> tuple[Organisation, ...]:
        """The organisations whose record is kept: own ones, or any that holds a treatment."""
        if self.focus_id is not None:
            return tuple(o for o in self.organisations if o.id == self.focus_id)
        holders = {t.organisation_id for t in self.treatments} | {
            s.organisation_id for s in self.subprocessors
        }
        return tuple(
            o for o in self.organisations if o.kind is OrganisationKind.OWN or o.id in holders
        )

    def treatments_of(
        self, organisation_id: int | None, role: Role | None = None
    ) -> list[Treatment]:
        return [
            t
            for t in self.treatments
            if t.organisation_id == organisation_id and (role is None or t.role is role)
        ]

    def subprocessors_of(self, organisation_id: int | None = None) -> list[Subprocessor]:
        return [
            s
            for s in self.subprocessors
            if organisation_id is None or s.organisation_id == organisation_id
        ]

    def subprocessors_by_category(
        self, organisation_id: int | None = None
    ) -> list[tuple[SubprocessorCategory, list[Subprocessor]]]:
        """Annex 2 sections in the seed's order, each sorted by name; empty sections omitted."""
        groups: dict[SubprocessorCategory, list[Subprocessor]] = {c: [] for c in CATEGORY_ORDER}
        for sub in self.subprocessors_of(organisation_id):
            groups[sub.category].append(sub)
        return [
            (category, sorted(subs, key=lambda s: (s.name.casefold(), s.id or 0)))
            for category, subs in groups.items()
            if subs
        ]

    def certifications_of_subprocessor(self, subprocessor_id: int) -> list[Certification]:
        return [c for c in self.certifications if c.subprocessor_id == subprocessor_id]

    def subprocessor_names(self, treatment: Treatment) -> list[str]:
        return [
            self.subprocessor_by_id[i].name
            for i in treatment.subprocessor_ids
            if i in self.subprocessor_by_id
        ]

    def controller_names(self, treatment: Treatment) -> list[str]:
        return [
            self.organisation_name(i)
            for i in treatment.controller_ids
            if i in self.organisation_by_id
        ]

    def processor_names(self, treatment: Treatment) -> list[str]:
        """The own organisations processing the treatment on its organisation's behalf."""
        return [
            self.organisation_name(i)
            for i in treatment.processor_ids
            if i in self.organisation_by_id
        ]
