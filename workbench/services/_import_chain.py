"""A vendor's own subprocessor list, imported as that vendor's chain (Art. 28(4)).

A processor that engages another processor imposes the same obligations on it (GDPR Art.
28(4)); the controller must be able to see and object to the whole chain: under a general
written authorisation, Art. 28(2) has the processor inform the controller of any intended
addition or replacement. The EDPB (Opinion 22/2024 on certain obligations following from the
reliance on processors and sub-processors, nos. 28, 31-32) reads this as covering
sub-processors at every level: the controller should have the identity of all processors,
sub-processors etc. readily available at all times, kept up to date by the processor (quoted in
https://www.datenrecht.at/?x=entry%3Aentry241010-115944). So the list a vendor publishes ("our
subprocessors") is imported as the subprocessors of that vendor: same organisation, chain
level = the vendor's level + 1.

Each import of the list is a *version* (date, SHA-256 of the file, its entries), written in the
import's operation; a version whose operation was undone does not count. A later version shows
what the vendor added, removed or moved (another country), and feeds the notification plan:
the vendor's subprocessors are linked to the treatments that use the vendor, so an addition or
a removal is a link change of those treatments and a move a change of the subprocessor, which
`workbench.compliance.notifications.plan_notifications` announces to their controllers.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.domain.errors import WorkbenchError
from workbench.i18n import _
from workbench.services._import_matching import vendor_key
from workbench.storage.models import (
    OperationModel,
    SubprocessorModel,
    TreatmentModel,
    VendorListVersionModel,
    treatment_subprocessor,
)

if TYPE_CHECKING:
    from workbench.services._journal import UnitOfWork
    from workbench.services.register import Register


@dataclass(frozen=True, slots=True)
class ChainTarget:
    """The vendor whose list is imported: its subprocessors go under it."""

    vendor_id: int
    vendor_name: str
    organisation_id: int
    level: int  # the chain level of the vendor's subprocessors


@dataclass(frozen=True, slots=True)
class ListEntry:
    id: int | None  # None in a preview, for a subprocessor the import would create
    name: str
    locations: tuple[str, ...]  # country or region codes, as stored


@dataclass(frozen=True, slots=True)
class ListVersion:
    id: int
    vendor_id: int
    listed_on: dt.date
    content_hash: str
    source: str
    entries: tuple[ListEntry, ...]


@dataclass(frozen=True, slots=True)
class ListDiff:
    """What a version of the list changes from the one before (all of it for a first one)."""

    previous: ListVersion | None
    added: tuple[ListEntry, ...] = ()
    removed: tuple[ListEntry, ...] = ()
    moved: tuple[tuple[ListEntry, ListEntry], ...] = ()  # (before, after): other places

    @property
    def unchanged(self) -> bool:
        return not (self.added or self.removed or self.moved)


def find_vendor(session: Session, name: str, organisation_id: int | None = None) -> ChainTarget:
    """The stored subprocessor of that name (its vendor key), in the organisation if given."""
    query = select(
        SubprocessorModel.id,
        SubprocessorModel.name,
        SubprocessorModel.organisation_id,
        SubprocessorModel.chain_level,
    )
    if organisation_id is not None:
        query = query.where(SubprocessorModel.organisation_id == organisation_id)
    key = vendor_key(name)
    found = [row for row in session.execute(query) if vendor_key(row.name) == key]
    if len(found) != 1:
        problem = (
            _("no subprocessor named '{name}' in the register: import or create the vendor first.")
            if not found
            else _(
                "{count} subprocessors are named '{name}' (one per organisation): name the "
                "organisation too."
            )
        )
        raise WorkbenchError(problem.format(name=name, count=len(found)))
    vendor_id, vendor_name, org_id, level = found[0]
    return ChainTarget(int(vendor_id), str(vendor_name), int(org_id), int(level) + 1)


def file_hash(paths: Iterable[Path]) -> str:
    digest = hashlib.sha256()
    for path in dict.fromkeys(paths):
        digest.update(path.read_bytes())
    return digest.hexdigest()


def versions(session: Session, vendor_id: int) -> list[ListVersion]:
    """The versions of a vendor's list that stand (their import not undone), oldest first."""
    rows = session.scalars(
        select(VendorListVersionModel)
        .join(OperationModel, OperationModel.id == VendorListVersionModel.operation)
        .where(VendorListVersionModel.vendor_id == vendor_id, OperationModel.undone.is_(False))
        .order_by(VendorListVersionModel.id)
    )
    return [
        ListVersion(
            r.id,
            r.vendor_id,
            r.listed_on,
            r.content_hash,
            r.source,
            tuple(ListEntry(e["id"], e["name"], tuple(e["locations"])) for e in r.entries),
        )
        for r in rows
    ]


def list_diff(previous: ListVersion | None, entries: Sequence[ListEntry]) -> ListDiff:
    """Matched by vendor key: a preview knows no id for the vendors it would create."""
    before = {vendor_key(e.name): e for e in previous.entries} if previous else {}
    after = {vendor_key(e.name): e for e in entries}
    added = tuple(e for k, e in after.items() if k not in before)
    removed = tuple(e for k, e in before.items() if k not in after)
    moved = tuple(
        (before[k], e)
        for k, e in after.items()
        if k in before and set(before[k].locations) != set(e.locations)
    )
    return ListDiff(previous, added, removed, moved)


def store_version(
    session: Session,
    uow: UnitOfWork,
    target: ChainTarget,
    listed_on: dt.date,
    content_hash: str,
    source: str,
    entries: Sequence[ListEntry],
) -> int:
    model = VendorListVersionModel(
        vendor_id=target.vendor_id,
        listed_on=listed_on,
        content_hash=content_hash,
        source=source,
        operation=uow.operation,
        entries=[dataclasses.asdict(e) | {"locations": list(e.locations)} for e in entries],
    )
    session.add(model)
    session.flush()
    return int(model.id)


def link_to_vendor_users(
    register: Register,
    session: Session,
    uow: UnitOfWork,
    target: ChainTarget,
    added: set[int],
    removed: set[int],
) -> None:
    """The treatments that use the vendor use its subprocessors too: link the ones the list
    added, unlink the ones it removed (journaled updates: what the 28(2) plan reads)."""
    users = session.scalars(
        select(treatment_subprocessor.c.treatment_id).where(
            treatment_subprocessor.c.subprocessor_id == target.vendor_id
        )
    ).all()
    if not users or not (added or removed):
        return
    service = register.treatments
    found = session.scalars(select(TreatmentModel).where(TreatmentModel.id.in_(users)))
    for treatment in service.mapper.records(session, found):
        links = (set(treatment.subprocessor_ids) | added) - removed
        if links != set(treatment.subprocessor_ids):
            updated = dataclasses.replace(treatment, subprocessor_ids=tuple(sorted(links)))
            service._update(uow, updated, check_version=False)


def entries_payload(entries: Iterable[ListEntry]) -> list[dict[str, Any]]:
    return [{"id": e.id, "name": e.name, "locations": list(e.locations)} for e in entries]
