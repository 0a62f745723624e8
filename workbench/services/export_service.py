"""Exports: read the register once into a snapshot, then hand it to an exporter.

The snapshot is the register now, or as it stood at the end of a past day (rebuilt from the
journal), optionally restricted to one organisation. A restricted snapshot carries nothing of
the other own organisations: only that organisation, its treatments, its subprocessors, their
certificates and the controllers its treatments serve, so a partner auditor never sees a
neighbour's data.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from workbench.domain.enums import EntityKind
from workbench.domain.errors import NotFoundError, ValidationError
from workbench.domain.records import Certification, Organisation, Subprocessor, Treatment
from workbench.domain.snapshot import RegisterSnapshot
from workbench.progress import NullProgress, Progress
from workbench.services.export_formats import REGISTER_FORMATS, SUBPROCESSOR_FORMATS, ExportFormat

if TYPE_CHECKING:
    from workbench.services.register import Register


class ExportService:
    def __init__(self, register: Register) -> None:
        self._register = register

    def snapshot(
        self, as_of: dt.datetime | dt.date | None = None, organisation: str | int | None = None
    ) -> RegisterSnapshot:
        """The register (as of the end of `as_of`, if given), for one organisation if named."""
        reg = self._register
        if as_of is None:
            orgs: list[Organisation] = reg.organisations.list()
            treatments: list[Treatment] = reg.treatments.list()
            subs: list[Subprocessor] = reg.subprocessors.list()
            certs: list[Certification] = reg.certifications.list()
            day = dt.date.today()
        else:
            moment = _end_of(as_of)
            orgs = reg.journal.as_of(EntityKind.ORGANISATION, moment)
            treatments = reg.journal.as_of(EntityKind.TREATMENT, moment)
            subs = reg.journal.as_of(EntityKind.SUBPROCESSOR, moment)
            certs = reg.journal.as_of(EntityKind.CERTIFICATION, moment)
            day = as_of if not isinstance(as_of, dt.datetime) else as_of.date()
        focus = None
        if organisation is not None:
            org = _find(orgs, organisation)
            focus = org.id
            orgs, treatments, subs, certs = _only(org, orgs, treatments, subs, certs)
        dates = reg.journal.first_and_last_change(
            EntityKind.TREATMENT, None if as_of is None else _end_of(as_of)
        )
        operations = reg.journal.operations(limit=1)
        version = str(operations[0].seq) if operations and as_of is None else ""
        return RegisterSnapshot(
            organisations=tuple(sorted(orgs, key=lambda o: (o.name.casefold(), o.id or 0))),
            treatments=tuple(sorted(treatments, key=_treatment_order)),
            subprocessors=tuple(sorted(subs, key=lambda s: (s.organisation_id, s.name.casefold()))),
            certifications=tuple(sorted(certs, key=lambda c: (c.kind.value, c.id or 0))),
            as_of=day,
            version=version,
            focus_id=focus,
            treatment_dates={
                i: (_paris_day(first), _paris_day(last)) for i, (first, last) in dates.items()
            },
        )

    def export_register(
        self,
        path: str | Path,
        fmt: ExportFormat | str,
        locale: str = "fr",
        as_of: dt.datetime | dt.date | None = None,
        organisation: str | int | None = None,
        progress: Progress | None = None,
    ) -> RegisterSnapshot:
        # The writers (python-docx, openpyxl) load for an export, not for `--help`'s formats.
        from exporters import write_register_docx, write_register_xlsx

        fmt = _format(fmt, REGISTER_FORMATS)
        progress = progress or NullProgress()
        snapshot = self.snapshot(as_of, organisation)
        writer = write_register_docx if fmt is ExportFormat.DOCX else write_register_xlsx
        writer(snapshot, path, locale, progress)
        return snapshot

    def export_subprocessors(
        self,
        path: str | Path,
        fmt: ExportFormat | str,
        locale: str = "fr",
        organisation: str | int | None = None,
        progress: Progress | None = None,
    ) -> RegisterSnapshot:
        from exporters import (
            write_subprocessors_csv,
            write_subprocessors_docx,
            write_subprocessors_xlsx,
        )

        fmt = _format(fmt, SUBPROCESSOR_FORMATS)
        snapshot = self.snapshot(None, organisation)
        writers = {
            ExportFormat.DOCX: write_subprocessors_docx,
            ExportFormat.XLSX: write_subprocessors_xlsx,
            ExportFormat.CSV: write_subprocessors_csv,
        }
        writers[fmt](snapshot, path, locale, progress or NullProgress())
        return snapshot

    def export_client_extract(
        self,
        path: str | Path,
        controller: str | int,
        locale: str = "fr",
        progress: Progress | None = None,
    ) -> RegisterSnapshot:
        """Art. 30(2) for one controller served: the processing done on its behalf."""
        from exporters.docx_client_extract import write_client_extract_docx

        snapshot = self.snapshot()
        found = _find(list(snapshot.organisations), controller)
        write_client_extract_docx(snapshot, found.id or 0, path, locale, progress or NullProgress())
        return snapshot


def _paris_day(moment: dt.datetime) -> dt.date:
    """The day a journaled moment fell on in France, where the register is kept."""
    from zoneinfo import ZoneInfo

    return moment.astimezone(ZoneInfo("Europe/Paris")).date()


def _end_of(as_of: dt.datetime | dt.date) -> dt.datetime:
    if isinstance(as_of, dt.datetime):
        return as_of if as_of.tzinfo else as_of.astimezone(dt.UTC)
    return dt.datetime.combine(as_of, dt.time.max).astimezone(dt.UTC)


def _format(fmt: ExportFormat | str, allowed: tuple[ExportFormat, ...]) -> ExportFormat:
    try:
        value = ExportFormat(str(fmt).lower())
    except ValueError:
        value = None
    if value not in allowed:
        names = ", ".join(f.value for f in allowed)
        raise ValidationError({"format": f"'{fmt}' is not a format for this export ({names})."})
    return value


def _find(orgs: list[Organisation], wanted: str | int) -> Organisation:
    for org in orgs:
        if org.id == wanted or (
            isinstance(wanted, str) and org.name.casefold() == wanted.strip().casefold()
        ):
            return org
    if isinstance(wanted, int):
        raise NotFoundError("organisation", wanted)
    known = ", ".join(sorted(o.name for o in orgs)) or "none"
    raise ValidationError(
        {"organisation": f"No organisation named '{wanted}' in this register (known: {known})."}
    )


def _only(
    org: Organisation,
    orgs: list[Organisation],
    treatments: list[Treatment],
    subs: list[Subprocessor],
    certs: list[Certification],
) -> tuple[list[Organisation], list[Treatment], list[Subprocessor], list[Certification]]:
    """The organisation's own records, and of the others only what its record names: the
    controllers its treatments serve, the group organisation whose DPO it shares (Art. 37(2)),
    the own organisations processing on its behalf and their subprocessors its treatments go
    through (the Art. 30(1)(d) chain)."""
    kept_treatments = [t for t in treatments if t.organisation_id == org.id]
    processors = {p for t in kept_treatments for p in t.processor_ids}
    linked = {i for t in kept_treatments for i in t.subprocessor_ids}
    kept_subs = [
        s
        for s in subs
        if s.organisation_id == org.id or (s.organisation_id in processors and s.id in linked)
    ]
    sub_ids = {s.id for s in kept_subs}
    named = {c for t in kept_treatments for c in t.controller_ids} | processors
    if org.dpo_organisation_id is not None:
        named.add(org.dpo_organisation_id)
    kept_orgs = [o for o in orgs if o.id == org.id or o.id in named]
    kept_certs = [c for c in certs if c.organisation_id == org.id or c.subprocessor_id in sub_ids]
    # A treatment may still point at another organisation's subprocessor: drop the link.
    kept_treatments = [
        t
        if all(i in sub_ids for i in t.subprocessor_ids)
        else _replace_subs(t, tuple(i for i in t.subprocessor_ids if i in sub_ids))
        for t in kept_treatments
    ]
    return kept_orgs, kept_treatments, kept_subs, kept_certs


def _replace_subs(treatment: Treatment, ids: tuple[int, ...]) -> Treatment:
    import dataclasses

    return dataclasses.replace(treatment, subprocessor_ids=ids)


def _treatment_order(t: Treatment) -> tuple[int, str, int]:
    return (t.organisation_id, t.role.value, t.id or 0)
