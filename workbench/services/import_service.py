"""Importing files into the register: preview what would change, apply it in one operation, undo.

`preview` writes nothing and says, row by row, what is new, changed (field by field), unchanged,
and which stored records of the same organisations the file no longer lists ("missing": reported,
never deleted). `apply` does the same work inside ONE transaction recorded as ONE journal
operation of kind "import", so `undo_last_import` (or `register.journal.undo(operation_id)`)
takes exactly that import back. New records go in through the driver's executemany with their
journal entries (`UnitOfWork.record_encoded`), each encoded once (`_import_encoding`); changed
ones through the regular journaled update. Matching rules: `workbench.services._import_matching`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from itertools import islice
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from importers.mapping import mapping_from_profile
from importers.model import ColumnMapping, ImportBatch, ImportedRow, RecordKind, TableCandidate
from workbench.domain.enums import (
    ChangeAction,
    EntityKind,
    InferenceOrigin,
    OrganisationKind,
    Role,
)
from workbench.domain.errors import (
    MappingError,
    NothingToUndoError,
    OrganisationNeededError,
)
from workbench.domain.names import readable_name
from workbench.domain.records import (
    Changes,
    Organisation,
    Subprocessor,
    Treatment,
    Unconfirmed,
)
from workbench.i18n import _
from workbench.progress import NullProgress, Progress
from workbench.services._context import changes_of
from workbench.services._gc import fewer_collections
from workbench.services._import_chain import (
    ChainTarget,
    ListEntry,
    file_hash,
    find_vendor,
    link_to_vendor_users,
    list_diff,
    store_version,
    versions,
)
from workbench.services._import_decisions import MatchDecisions, VendorPlace, VendorPlacer
from workbench.services._import_encoding import RecordEncoder, replacer
from workbench.services._import_keys import ImportKeyStore
from workbench.services._import_matching import (
    OrganisationResolver,
    VendorIndex,
    organisation_keys,
    treatment_key,
    vendor_key,
)
from workbench.services._import_merge import FieldChange, merge, with_stored_details
from workbench.services._import_report import (
    LISTED,
    ImportReport,
    ImportResult,
    MissingItem,
    PreviewItem,
    RowStatus,
    VendorListResult,
    row_place,
)
from workbench.services._journal import UnitOfWork
from workbench.services.journal_service import OperationInfo
from workbench.services.operation_labels import import_of
from workbench.services.setting_service import SettingService
from workbench.storage.base import utc_now
from workbench.storage.bulk import BulkInsert, reserve_ids
from workbench.storage.models import (
    OrganisationModel,
    SubprocessorModel,
    TreatmentModel,
)

if TYPE_CHECKING:
    from workbench.services.register import Register

__all__ = [
    "LISTED",
    "ImportReport",
    "ImportResult",
    "ImportService",
    "MatchDecisions",
    "MissingItem",
    "PreviewItem",
    "RowStatus",
    "VendorListResult",
    "row_place",
]

T = TypeVar("T")
CHUNK = 500
PROFILE_PREFIX = "import.profile."


class _NothingToWrite(Exception):  # noqa: N818 - control flow, never leaves this module
    """Raised inside the transaction to roll back an import that changed nothing."""


class _BatchesProgress:
    """One progress over several batches: rows done and total add up."""

    def __init__(self, inner: Progress, total: int) -> None:
        self.inner, self.total, self.offset = inner, max(total, 1), 0

    def report(self, done: int, total: int, message: str = "") -> None:
        self.inner.report(min(self.offset + done, self.total), self.total, message)

    def check_cancelled(self) -> None:
        self.inner.check_cancelled()


class ImportService:
    def __init__(self, register: Register) -> None:
        self._register = register
        self._context = register.context
        self._settings = SettingService(register.context)

    # -- preview / apply -----------------------------------------------------------------------
    def preview(
        self,
        batches: ImportBatch | Sequence[ImportBatch],
        progress: Progress | None = None,
        organisation: str | None = None,
        detail_limit: int | None = None,
        decisions: MatchDecisions | None = None,
    ) -> ImportReport:
        """What `apply` would do, written nowhere (the dry run)."""
        batch_list = _as_list(batches)
        report = ImportReport(detail_limit=detail_limit)
        with self._context.read() as session:
            run = _Run(self._register, session, None, organisation, report, decisions)
            run.process(batch_list, progress or NullProgress())
        return report

    def apply(
        self,
        batches: ImportBatch | Sequence[ImportBatch],
        progress: Progress | None = None,
        organisation: str | None = None,
        detail_limit: int | None = 1000,
        decisions: MatchDecisions | None = None,
    ) -> ImportResult:
        """Import in one transaction and one journal operation; `Cancelled` rolls it all back."""
        batch_list = _as_list(batches)
        report = ImportReport(detail_limit=detail_limit)
        names = ", ".join(dict.fromkeys(readable_name(b.table.file.name) for b in batch_list))
        label = import_of(names)  # stored in English, shown translated
        try:
            with self._context.write(label, kind="import") as uow:
                run = _Run(self._register, uow.session, uow, organisation, report, decisions)
                run.process(batch_list, progress or NullProgress())
                if not uow.ids and not uow.has_pending:
                    raise _NothingToWrite  # no empty operation in the journal (nothing to undo)
        except _NothingToWrite:
            return ImportResult(report, Changes(), "")
        return ImportResult(report, changes_of(uow), uow.operation)

    def vendor_list(
        self,
        batches: ImportBatch | Sequence[ImportBatch],
        vendor: str,
        *,
        apply: bool = False,
        listed_on: dt.date | None = None,
        progress: Progress | None = None,
        organisation: str | None = None,
        decisions: MatchDecisions | None = None,
        detail_limit: int | None = 1000,
    ) -> VendorListResult:
        """Import the vendor's published subprocessor list as that vendor's chain (the rules of
        `workbench.services._import_chain`): a preview, or (`apply`) one operation that writes
        the subprocessors, links them to the treatments using the vendor and stores the
        version. `organisation` names the vendor's organisation when several engage it."""
        batch_list = _as_list(batches)
        content = file_hash(b.table.file for b in batch_list)
        report = ImportReport(detail_limit=detail_limit)
        progress = progress or NullProgress()
        if not apply:
            with self._context.read() as session:
                target = self._vendor(session, vendor, organisation)
                run = _Run(self._register, session, None, None, report, decisions, target)
                run.process(batch_list, progress)
                diff = list_diff(_latest(session, target), run.chain_list())
            return VendorListResult(report, target, diff)
        names = ", ".join(dict.fromkeys(readable_name(b.table.file.name) for b in batch_list))
        try:
            with self._context.write(import_of(names), kind="import") as uow:
                session = uow.session
                target = self._vendor(session, vendor, organisation)
                run = _Run(self._register, session, uow, None, report, decisions, target)
                run.process(batch_list, progress)
                entries = run.chain_list()
                previous = _latest(session, target)
                diff = list_diff(previous, entries)
                if previous is not None and previous.content_hash == content and diff.unchanged:
                    raise _NothingToWrite
                before = {e.id for e in previous.entries} if previous else set()
                now = {e.id for e in entries if e.id is not None}
                link_to_vendor_users(
                    self._register, session, uow, target, now - before, before - now - {None}
                )
                source = ", ".join(dict.fromkeys(b.table.file.name for b in batch_list))
                when = listed_on or dt.date.today()
                version = store_version(session, uow, target, when, content, source, entries)
        except _NothingToWrite:
            return VendorListResult(report, target, diff)
        return VendorListResult(report, target, diff, uow.operation, version, changes_of(uow))

    def vendor_list_versions(self, vendor: str, organisation: str | None = None) -> list[Any]:
        """The stored versions of a vendor's list (`_import_chain.ListVersion`), oldest first."""
        with self._context.read() as session:
            return list(versions(session, self._vendor(session, vendor, organisation).vendor_id))

    def _vendor(self, session: Session, name: str, organisation: str | None) -> ChainTarget:
        org_id = None
        if organisation:
            wanted = organisation_keys(organisation)[:1]
            org_id = next(
                (
                    i
                    for i, n in session.execute(
                        select(OrganisationModel.id, OrganisationModel.name)
                    )
                    if organisation_keys(n)[:1] == wanted
                ),
                -1,
            )
        return find_vendor(session, name, org_id)

    def own_organisations(self) -> list[str]:
        """Names of the register's own organisations: with none, an import must be told which
        to create (`organisation=`), unless every row names its organisation."""
        return [
            o.name for o in self._register.organisations.list() if o.kind is OrganisationKind.OWN
        ]

    # -- undo ------------------------------------------------------------------------------------
    def last_import(self) -> OperationInfo | None:
        return next(
            (
                o
                for o in self._register.journal.operations(200)
                if o.kind == "import" and not o.undone
            ),
            None,
        )

    def undo_last_import(self) -> Changes:
        last = self.last_import()
        if last is None:
            raise NothingToUndoError(_("No import to undo."))
        return self._register.journal.undo(last.id)

    # -- mapping profiles (stored in the register, so they travel with it) ---------------------
    def save_profile(self, name: str, mapping: ColumnMapping) -> None:
        self._settings.set(PROFILE_PREFIX + name, mapping.to_profile())

    def load_profile(self, name: str) -> dict[str, Any]:
        profile = self._settings.get(PROFILE_PREFIX + name)
        if not isinstance(profile, dict):
            known = ", ".join(self.profiles()) or _("none")
            raise MappingError(
                name, _("no mapping profile of that name (profiles: {names}).").format(names=known)
            )
        return profile

    def profiles(self) -> list[str]:
        return [k[len(PROFILE_PREFIX) :] for k in self._settings.keys(PROFILE_PREFIX)]

    def delete_profile(self, name: str) -> bool:
        return self._settings.delete(PROFILE_PREFIX + name)

    def mapping_from_profile(self, table: TableCandidate, name: str) -> ColumnMapping:
        return mapping_from_profile(table, self.load_profile(name), name)


def _as_list(batches: ImportBatch | Sequence[ImportBatch]) -> list[ImportBatch]:
    return [batches] if isinstance(batches, ImportBatch) else list(batches)


def _chunks(items: Iterator[T], size: int) -> Iterator[list[T]]:
    while chunk := list(islice(items, size)):
        yield chunk


class _Run:
    """One preview or apply: resolves organisations, matches rows, and (with a uow) writes."""

    def __init__(
        self,
        register: Register,
        session: Session,
        uow: UnitOfWork | None,
        default_organisation: str | None,
        report: ImportReport,
        decisions: MatchDecisions | None = None,
        chain: ChainTarget | None = None,
    ) -> None:
        self.register = register
        self.chain = chain
        # the list's entries in file order (a vendor's list): stored id or None, name, places
        self.chain_entries: list[ListEntry] = []
        self.session = session
        self.uow = uow
        self.report = report
        self._placeholder = 0
        existing = dict(session.execute(select(OrganisationModel.id, OrganisationModel.name)).all())
        self.org_names: dict[int, str] = {int(k): str(v) for k, v in existing.items()}
        self.orgs = OrganisationResolver(self.org_names, self._create_organisation)
        own = session.scalars(
            select(OrganisationModel.id).where(OrganisationModel.kind == OrganisationKind.OWN.value)
        ).all()
        self._own_ids = list(own)
        self._user_named = default_organisation or ""  # the user's word, not the file's
        # resolved (created when new) by the first row that names no organisation
        self.default_org: int | None = None
        # Subprocessors are matched in memory (with near-name proposals); other keys on disk.
        self._vendors: dict[int, VendorIndex] = {}
        self._decisions = decisions or MatchDecisions()
        self._placer = VendorPlacer(self._decisions)
        # vendors this import adds, by key: rows of treatments link to them (exact names only)
        self._added: dict[int, dict[str, int]] = defaultdict(dict)
        self._keys = ImportKeyStore()
        self._bulk: dict[EntityKind, tuple[RecordEncoder, BulkInsert]] = {}
        self._touched_orgs: dict[EntityKind, set[int]] = {
            EntityKind.TREATMENT: set(),
            EntityKind.SUBPROCESSOR: set(),
        }

    # -- organisations -------------------------------------------------------------------------
    def _create_organisation(self, name: str, controller: bool) -> int:
        kind = OrganisationKind.CLIENT_CONTROLLER if controller else OrganisationKind.OWN
        self.report.new_organisations.append(name)
        marks: tuple[Unconfirmed, ...] = ()
        if name != self._user_named:
            # "Partenaires" served as processor may be a category of clients, not a named
            # controller (Art. 30(2)(a)); a title naming an organisation may not be one of ours
            marks = (
                Unconfirmed(
                    "kind",
                    InferenceOrigin.RULE,
                    name,
                    note=_(
                        "organisation created by an import, its kind chosen from the file's layout"
                    ),
                ),
            )
            self.report.unconfirmed_count += 1
        if self.uow is None:
            self._placeholder -= 1
            self.org_names[self._placeholder] = name
            return self._placeholder
        organisation = Organisation(name=name, kind=kind, unconfirmed=marks)
        stored = self.register.organisations._create(self.uow, organisation)
        entity_id = int(stored.id or 0)
        self.org_names[entity_id] = name
        return entity_id

    def _organisation_of(self, row: ImportedRow, batch: ImportBatch) -> int:
        if self.chain is not None:  # a vendor's list: its subprocessors go under the vendor
            return self.chain.organisation_id
        if row.organisation:
            return self.orgs.resolve(row.organisation)
        if self.default_org is None and self._user_named:
            self.default_org = self.orgs.resolve(self._user_named)
        if self.default_org is not None:
            return self.default_org
        if len(self._own_ids) == 1:
            return int(self._own_ids[0])
        raise OrganisationNeededError(
            str(batch.table.file), bool(self._own_ids), batch.table.sheet, row.provenance.row
        )

    # -- indexes of what is stored -------------------------------------------------------------
    def _load_treatments(self, org_id: int) -> None:
        if self._keys.is_loaded(EntityKind.TREATMENT, org_id):
            return
        stored = self.session.execute(
            select(TreatmentModel.role, TreatmentModel.name, TreatmentModel.id)
            .where(TreatmentModel.organisation_id == org_id)
            .execution_options(yield_per=2000)
        )
        keyed = ((_treatment_match_key(role, name), entity_id) for role, name, entity_id in stored)
        self._keys.load_stored(EntityKind.TREATMENT, org_id, keyed)

    def _vendor_index(self, org_id: int) -> VendorIndex:
        if org_id not in self._vendors:
            names = {
                int(k): str(v)
                for k, v in self.session.execute(
                    select(SubprocessorModel.id, SubprocessorModel.name).where(
                        SubprocessorModel.organisation_id == org_id
                    )
                )
            }
            self._vendors[org_id] = VendorIndex(names)
            keyed = ((str(entity_id), entity_id) for entity_id in names)
            self._keys.load_stored(EntityKind.SUBPROCESSOR, org_id, keyed)
        return self._vendors[org_id]

    # -- the run -------------------------------------------------------------------------------
    def process(self, batches: list[ImportBatch], progress: Progress) -> None:
        # subprocessors first: treatments of the same file name them, links resolve to them
        batches = sorted(batches, key=lambda b: b.kind is not RecordKind.SUBPROCESSORS)
        overall = _BatchesProgress(progress, sum(b.total for b in batches))
        with fewer_collections():  # an import's objects are freed by reference counting
            try:
                for batch in batches:
                    for chunk in _chunks(batch.rows(overall), CHUNK):
                        self._chunk(batch, chunk)
                    overall.offset += batch.total
                if self.chain is None:  # a vendor's list: what it dropped is in its diff
                    self._report_missing()
            finally:
                self._keys.close()

    def _chunk(self, batch: ImportBatch, rows: list[ImportedRow]) -> None:
        kind = (
            EntityKind.TREATMENT if batch.kind is RecordKind.TREATMENTS else EntityKind.SUBPROCESSOR
        )
        service = self.register.service_for(kind)
        rows = self._not_excluded(kind, rows, batch)
        if kind is EntityKind.TREATMENT:
            placed = self._placed(kind, [self._keyed(kind, row, batch) for row in rows])
        else:
            placed = self._placed_vendors(rows, batch)
        ids = [e for _r, _o, e, _p in placed if e is not None]
        self._keys.mark_matched(kind, ids)
        records: dict[int | None, Any] = {}
        if ids:
            model = service.mapper.model_cls
            found = self.session.scalars(select(model).where(model.id.in_(ids)))
            records = {r.id: r for r in service.mapper.records(self.session, found)}
        new_records: list[tuple[Treatment | Subprocessor, tuple[Any, ...]]] = []
        for row, org_id, existing_id, place in placed:
            given = self._placement(row, org_id)
            record = row.record  # its name, locations and marks are the placed record's
            for warning in row.warnings:
                self.report.warn(f"{row_place(row.provenance)}: {warning}")
            if self.chain is not None and isinstance(record, Subprocessor):
                codes = tuple(loc.code for loc in record.locations)
                self.chain_entries.append(ListEntry(existing_id, record.name, codes))
            if existing_id is None:
                marks = record.unconfirmed
                if self.report.wants_items():
                    item = self._item(RowStatus.NEW, kind, row, org_id, None, (), marks, place)
                    self.report.add(item, len(marks))
                else:  # past the listed rows of a big file: counted only
                    self.report.count(RowStatus.NEW, len(marks), place.proposal is not None)
                new_records.append((record, given))  # encoded placed, never built placed
                continue
            record = _PLACED[kind](record, *given)
            before = records[existing_id]
            if isinstance(record, Subprocessor):
                record = with_stored_details(before, record)
            merged, changes, new_marks = merge(before, record, row.fields, row.lists_unconfirmed)
            status = RowStatus.CHANGED if changes else RowStatus.UNCHANGED
            came = tuple(m for m in merged.unconfirmed if m not in before.unconfirmed)
            item = self._item(status, kind, row, org_id, existing_id, changes, came, place)
            self.report.add(item, new_marks)
            if changes and self.uow is not None:
                service._update(self.uow, merged, check_version=False)
        if new_records and self.uow is not None:
            self._insert(kind, new_records)

    def _not_excluded(
        self, kind: EntityKind, rows: list[ImportedRow], batch: ImportBatch
    ) -> list[ImportedRow]:
        kept = []
        for row in rows:
            if self._decisions.is_excluded(row.provenance.row, row.record.name):
                org_id = self._organisation_of(row, batch)
                self.report.add(self._item(RowStatus.EXCLUDED, kind, row, org_id, None))
            else:
                kept.append(row)
        return kept

    def _placed_vendors(
        self, rows: list[ImportedRow], batch: ImportBatch
    ) -> list[tuple[ImportedRow, int, int | None, VendorPlace]]:
        """The chunk's subprocessor rows with their organisation and stored match (the rules of
        `_import_decisions`); rows repeating an earlier one are left out and reported."""
        placed: list[tuple[ImportedRow, int, int | None, VendorPlace]] = []
        for row in rows:
            org_id = self._organisation_of(row, batch)
            self._touched_orgs[EntityKind.SUBPROCESSOR].add(org_id)
            record = row.record
            assert isinstance(record, Subprocessor)  # noqa: S101 - a subprocessor batch
            place = self._placer.place(self._vendor_index(org_id), org_id, record)
            where = row_place(row.provenance)
            if place.duplicate_of is not None:
                item = self._item(RowStatus.DUPLICATE, EntityKind.SUBPROCESSOR, row, org_id, None)
                self.report.add(item)
                self.report.warn(
                    _("{where}: '{name}' appears twice; row {first} is the one imported.").format(
                        where=where, name=record.name, first=place.duplicate_of
                    )
                )
                continue
            if place.same_name_as is not None:
                self.report.warn(
                    _(
                        "{where}: '{name}' has the same name as row {first} but says something "
                        "else; kept apart as another record (a decision merges them)."
                    ).format(where=where, name=record.name, first=place.same_name_as)
                )
            placed.append((row, org_id, place.existing_id, place))
        return placed

    def _placed(
        self, kind: EntityKind, keyed: list[tuple[ImportedRow, int, str, int | None]]
    ) -> list[tuple[ImportedRow, int, int | None, VendorPlace]]:
        """The chunk's rows with their organisation and stored match, duplicates left out (and
        reported): a row whose key an earlier row had, in this chunk or an earlier one."""
        by_org: dict[int, set[str]] = defaultdict(set)
        for _row, org_id, key, _existing in keyed:
            by_org[org_id].add(key)
        earlier: dict[tuple[int, str], int | None] = {}
        stored: dict[tuple[int, str], int] = {}
        for org_id, keys in by_org.items():
            for key, first in self._keys.first_rows(kind, org_id, keys).items():
                earlier[org_id, key] = first
            if kind is EntityKind.TREATMENT:  # subprocessors were matched in memory
                for key, entity_id in self._keys.stored_ids(kind, org_id, keys).items():
                    stored[org_id, key] = entity_id
        placed: list[tuple[ImportedRow, int, int | None, VendorPlace]] = []
        for row, org_id, key, matched_in_memory in keyed:
            existing_id = stored.get((org_id, key), matched_in_memory)
            if (org_id, key) in earlier:
                self.report.add(self._item(RowStatus.DUPLICATE, kind, row, org_id, existing_id))
                self.report.warn(
                    _("{where}: '{name}' appears twice; row {first} is the one imported.").format(
                        where=row_place(row.provenance),
                        name=row.record.name,
                        first=earlier[org_id, key],
                    )
                )
                continue
            earlier[org_id, key] = row.provenance.row
            placed.append((row, org_id, existing_id, _NO_PLACE))
        for org_id, keys in by_org.items():
            self._keys.add_seen(kind, org_id, ((k, earlier[org_id, k]) for k in keys))
        return placed

    def _keyed(
        self, kind: EntityKind, row: ImportedRow, batch: ImportBatch
    ) -> tuple[ImportedRow, int, str, int | None]:
        """The row, its organisation, the key two rows of one record share, the stored match."""
        org_id = self._organisation_of(row, batch)
        self._touched_orgs[kind].add(org_id)
        record = row.record
        assert isinstance(record, Treatment)  # noqa: S101 - subprocessors: _placed_vendors
        self._load_treatments(org_id)
        return row, org_id, _treatment_match_key(record.role.value, record.name), None

    def _vendor_named(self, name: str, org_id: int) -> int | None:
        """The subprocessor a treatment's row names: stored, or added by this import."""
        found = self._vendor_index(org_id).find(name)
        return found if found is not None else self._added[org_id].get(vendor_key(name))

    def chain_list(self) -> list[ListEntry]:
        """The list's entries, with the ids of the subprocessors this import created."""
        added = self._added[self.chain.organisation_id] if self.chain else {}
        return [
            e if e.id is not None else dataclasses.replace(e, id=added.get(vendor_key(e.name)))
            for e in self.chain_entries
        ]

    def _vendor_elsewhere(self, name: str, org_id: int) -> int | None:
        """A subprocessor engaged by another organisation of the register (a group's entities
        share vendors, as Podalire Communauté uses Podalire's hosts): linked when exactly one
        other organisation has it, so that a register export imports back with its links."""
        others = self.session.scalars(
            select(SubprocessorModel.organisation_id)
            .where(SubprocessorModel.organisation_id != org_id)
            .distinct()
            .order_by(SubprocessorModel.organisation_id)
        ).all()
        found = [f for o in others if (f := self._vendor_named(name, o)) is not None]
        return found[0] if len(found) == 1 else None

    def _placement(self, row: ImportedRow, org_id: int) -> tuple[Any, ...]:
        """The values of the `_GIVEN` fields of the row's record placed in the register: its
        organisation and (a treatment's) links, or (a subprocessor's) chain level."""
        record = row.record
        if isinstance(record, Subprocessor):
            level = self.chain.level if self.chain is not None else record.chain_level
            return (org_id, level)
        if not (row.controllers or row.processors or row.subprocessors):
            return (org_id, (), (), ())  # most rows link nothing
        controllers: tuple[int, ...] = ()
        if row.controllers:
            if record.role is Role.PROCESSOR:
                controllers = tuple(self.orgs.resolve(n, controller=True) for n in row.controllers)
            else:
                self.report.warn(
                    _(
                        "{where}: controllers are listed only for a processing carried out as "
                        "processor; ignored."
                    ).format(where=row_place(row.provenance))
                )
        processors = tuple(self.orgs.resolve(n) for n in row.processors)
        subprocessors = []
        for name in row.subprocessors:
            found = self._vendor_named(name, org_id) or self._vendor_elsewhere(name, org_id)
            if found is None:
                self.report.warn(
                    _("{where}: no subprocessor '{name}' in this organisation; not linked.").format(
                        where=row_place(row.provenance), name=name
                    )
                )
            else:
                subprocessors.append(found)
        return (
            org_id,
            # as a read returns links (distinct, in id order), so a re-import compares equal
            tuple(sorted(set(controllers))),
            tuple(sorted(set(processors))),
            tuple(sorted(set(subprocessors))),
        )

    def _item(
        self,
        status: RowStatus,
        kind: EntityKind,
        row: ImportedRow,
        org_id: int,
        existing_id: int | None,
        changes: tuple[FieldChange, ...] = (),
        unconfirmed: tuple[Unconfirmed, ...] = (),
        place: VendorPlace | None = None,
    ) -> PreviewItem:
        place = place or _NO_PLACE
        return PreviewItem(
            status,
            kind,
            row.record.name,
            self.org_names.get(org_id, ""),
            row.provenance,
            existing_id,
            changes,
            unconfirmed,
            place.proposal,
            place.accepted,
            place.same_name_as,
        )

    # -- writing ----------------------------------------------------------------------------------
    def _insert(
        self, kind: EntityKind, records: list[tuple[Treatment | Subprocessor, tuple[Any, ...]]]
    ) -> None:
        """Rows and journal entries through the driver (`workbench.storage.bulk`), each record
        encoded once (`_import_encoding`) with its `_GIVEN` fields' values (`_placement`): its
        JSON columns' texts are its snapshot's."""
        if self.uow is None:  # a preview never writes
            return
        mapper = self.register.service_for(kind).mapper
        encoder, writer = self._writers(kind, mapper)
        # links come distinct and in id order, as a read gives them (`_placement`)
        connection = self.session.connection()
        self.session.flush()  # the organisations this import created come first (foreign keys)
        ids = reserve_ids(connection, mapper.model_cls.__table__, len(records))
        now = utc_now()  # created_at, updated_at
        rows = []
        # every link field of the record (controllers, processors, subprocessors): its table
        links: dict[str, list[dict[str, int]]] = {name: [] for name in mapper.links}
        entries: list[tuple[int, str | None, str]] = []
        position = {name: i for i, name in enumerate(_GIVEN[kind])}
        for entity_id, (record, given) in zip(ids, records, strict=True):
            row, head, tail = encoder.encode(record, *given)
            row[0] = entity_id
            row += (now, now)
            rows.append(row)
            entries.append((entity_id, None, encoder.snapshot(head, entity_id, tail)))
            for name, spec in mapper.links.items():
                if others := given[position[name]]:
                    links[name] += [
                        {spec.own_column: entity_id, spec.other_column: other} for other in others
                    ]
            if isinstance(record, Subprocessor):
                self._added[given[0]].setdefault(vendor_key(record.name), entity_id)
        writer.execute(connection, rows)
        for name, link_rows in links.items():
            if link_rows:
                self.session.execute(insert(mapper.links[name].table), link_rows)
        self.uow.record_encoded(kind, ChangeAction.CREATE, entries)

    def _writers(self, kind: EntityKind, mapper: Any) -> tuple[RecordEncoder, BulkInsert]:
        """The encoder and the insert of new records of `kind`, built once per import."""
        found = self._bulk.get(kind)
        if found is None:
            encoder = RecordEncoder(mapper, ("created_at", "updated_at"), _GIVEN[kind])
            table = mapper.model_cls.__table__
            found = self._bulk[kind] = (
                encoder,
                BulkInsert(self.session.connection(), table, encoder.columns),
            )
        return found

    def _report_missing(self) -> None:
        for kind, model in (
            (EntityKind.TREATMENT, TreatmentModel),
            (EntityKind.SUBPROCESSOR, SubprocessorModel),
        ):
            for org_id in sorted(o for o in self._touched_orgs[kind] if o >= 0):
                organisation = self.org_names.get(org_id, "")
                for ids in _chunks(self._keys.unmatched(kind, org_id), CHUNK):
                    query = select(model.id, model.name).where(model.id.in_(ids))
                    names = {i: n for i, n in self.session.execute(query)}
                    for entity_id in ids:
                        self.report.add_missing(
                            MissingItem(kind, entity_id, names.get(entity_id, ""), organisation)
                        )


_NO_PLACE = VendorPlace()
# the fields a row's record takes when placed (`_Run._placement`), organisation_id first; a new
# record is encoded with their values (`RecordEncoder`'s given), a stored one is replaced
_GIVEN = {
    EntityKind.SUBPROCESSOR: ("organisation_id", "chain_level"),
    EntityKind.TREATMENT: (
        "organisation_id",
        "controller_ids",
        "processor_ids",
        "subprocessor_ids",
    ),
}
_PLACED: dict[EntityKind, Callable[..., Treatment | Subprocessor]] = {
    EntityKind.SUBPROCESSOR: replacer(Subprocessor, _GIVEN[EntityKind.SUBPROCESSOR]),
    EntityKind.TREATMENT: replacer(Treatment, _GIVEN[EntityKind.TREATMENT]),
}


def _latest(session: Session, target: ChainTarget) -> Any:
    found = versions(session, target.vendor_id)
    return found[-1] if found else None


def _treatment_match_key(role: str, name: str) -> str:
    return role + "\x1f" + treatment_key(name)
