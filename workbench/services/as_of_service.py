"""The register as it stood at a past moment, rebuilt from the journal, read-only.

Every write journals the whole record after it (`UnitOfWork.record`: creations, edits, the
links a delete removes from other records, undo and redo alike), so a record at a moment is the
`after` of its latest entry at or before it, and absent when that entry is a deletion
(`JournalService.as_of`). Nothing is recomputed from diffs: the snapshot is what a read
returned then, which `verify-journal --replay` checks against the tables today.

Cost: one grouped query per kind (the latest entry id of each record up to the moment), then one
JSON decode per record alive then: about the cost of listing the kind today; the kinds are read
when first asked for (`bench/bench_as_of.py` measures 1k and 10k treatments).

The moment is the journal's: an operation's entries carry the time the operation began.
"""

from __future__ import annotations

import builtins
import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from workbench.domain.enums import EntityKind, OrganisationKind
from workbench.domain.errors import NotFoundError, WorkbenchError
from workbench.domain.names import organisation_named
from workbench.domain.records import Certification, Organisation, Treatment
from workbench.i18n import _, current_locale
from workbench.services.treatment_service import TreatmentRow

if TYPE_CHECKING:
    from workbench.services.register import Register


MOMENT_PATTERNS = {"fr": "dd/MM/y HH:mm", "en": "d MMM y HH:mm"}


class MomentOutOfRangeError(WorkbenchError):
    """A moment the journal cannot answer for: before the register's first change, or later
    than now."""


class AsOfRecords:
    """The records of one kind at the moment: what a service's reads give, read-only."""

    def __init__(
        self, kind: EntityKind, load: Callable[[], builtins.list[Any]], order: tuple[str, ...]
    ):
        self.kind = kind
        self._load = load
        self._order = order
        self._records: builtins.list[Any] | None = None

    @property
    def kind_name(self) -> str:
        return self.kind.value

    def list(self, **filters: Any) -> builtins.list[Any]:
        if self._records is None:
            self._records = sorted(self._load(), key=self._sort_key)
        return [
            r
            for r in self._records
            if all(
                value is None or _stored(getattr(r, name)) == value
                for name, value in filters.items()
            )
        ]

    def get(self, entity_id: int) -> Any:
        for record in self.list():
            if record.id == entity_id:
                return record
        raise NotFoundError(self.kind_name, entity_id)

    def _sort_key(self, record: Any) -> tuple[Any, ...]:
        values = (_stored(getattr(record, name, None)) for name in self._order)
        # as the register file sorts: no value first, text by code point (SQLite's BINARY)
        return tuple((v is not None, "" if v is None else v) for v in values)


class AsOfOrganisations(AsOfRecords):
    def own(self) -> builtins.list[Organisation]:
        return self.list(kind=OrganisationKind.OWN.value)

    def find_by_name(self, name: str) -> Organisation | None:
        return organisation_named(self.list(), name)


class AsOfTreatments(AsOfRecords):
    def __init__(
        self, register: AsOfRegister, load: Callable[[], builtins.list[Any]], order: tuple[str, ...]
    ):
        super().__init__(EntityKind.TREATMENT, load, order)
        self._register = register

    def rows(self, organisation_id: int | None = None) -> builtins.list[TreatmentRow]:
        """What the treatments list shows, in `TreatmentService.rows`'s order."""
        names = {o.id: o.name for o in self._register.organisations.list()}
        treatments: builtins.list[Treatment] = self.list(organisation_id=organisation_id)
        treatments.sort(key=lambda t: (t.organisation_id, t.role.value, t.id or 0))
        return [
            TreatmentRow(
                id=t.id or 0,
                name=t.name,
                organisation=names.get(t.organisation_id, ""),
                role=t.role,
                legal_basis=t.legal_basis,
                retention_text=t.retention.text,
                status=t.status,
                subprocessor_count=len(t.subprocessor_ids),
                unconfirmed_fields=tuple(m.field for m in t.unconfirmed),
            )
            for t in treatments
        ]

    def using_subprocessor(self, subprocessor_id: int) -> builtins.list[Treatment]:
        return [t for t in self.list() if subprocessor_id in t.subprocessor_ids]


class AsOfCertifications(AsOfRecords):
    def of_subprocessor(self, subprocessor_id: int) -> builtins.list[Certification]:
        return self.list(subprocessor_id=subprocessor_id)

    def of_organisation(self, organisation_id: int) -> builtins.list[Certification]:
        return self.list(organisation_id=organisation_id)


class AsOfAttachments(AsOfRecords):
    def of(self, owner_kind: EntityKind, owner_id: int) -> builtins.list[Any]:
        return self.list(owner_kind=owner_kind.value, owner_id=owner_id)


class AsOfRegister:
    """The register at `moment` (UTC): the reads of `Register`'s services, nothing to write.

    Raises MomentOutOfRangeError for a moment before the register's first recorded change or
    after now."""

    read_only = True

    def __init__(self, register: Register, moment: dt.datetime, now: dt.datetime | None = None):
        self.moment = checked_moment(register, moment, now)
        journal = register.journal

        def loader(kind: EntityKind) -> Callable[[], builtins.list[Any]]:
            return lambda: journal.as_of(kind, self.moment)

        def order(kind: EntityKind) -> tuple[str, ...]:  # each list in its service's order
            return register.by_kind[kind].order_by

        self.organisations = AsOfOrganisations(
            EntityKind.ORGANISATION, loader(EntityKind.ORGANISATION), order(EntityKind.ORGANISATION)
        )
        self.treatments = AsOfTreatments(
            self, loader(EntityKind.TREATMENT), order(EntityKind.TREATMENT)
        )
        self.certifications = AsOfCertifications(
            EntityKind.CERTIFICATION,
            loader(EntityKind.CERTIFICATION),
            order(EntityKind.CERTIFICATION),
        )
        self.attachments = AsOfAttachments(
            EntityKind.ATTACHMENT, loader(EntityKind.ATTACHMENT), order(EntityKind.ATTACHMENT)
        )
        self.by_kind: dict[EntityKind, AsOfRecords] = {
            EntityKind.ORGANISATION: self.organisations,
            EntityKind.TREATMENT: self.treatments,
            EntityKind.CERTIFICATION: self.certifications,
            EntityKind.ATTACHMENT: self.attachments,
        }
        for kind, service in register.by_kind.items():
            if kind not in self.by_kind:
                self.by_kind[kind] = AsOfRecords(kind, loader(kind), service.order_by)
        self.subprocessors = self.by_kind[EntityKind.SUBPROCESSOR]

    def service_for(self, kind: EntityKind) -> AsOfRecords:
        return self.by_kind[kind]


def checked_moment(
    register: Register, moment: dt.datetime, now: dt.datetime | None = None
) -> dt.datetime:
    """`moment` in UTC, if the journal can tell what the register held then."""
    if moment.tzinfo is None:
        raise ValueError("an 'as of' moment needs a time zone")
    moment = moment.astimezone(dt.UTC)
    now = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC)
    if moment > now:
        raise MomentOutOfRangeError(
            _("{moment} is in the future: the register can only be shown as it stood.").format(
                moment=moment_text(moment)
            )
        )
    began = register.journal.began_at()
    if began is None:
        raise MomentOutOfRangeError(
            _("The register has no recorded change yet: there is no earlier state to show.")
        )
    if moment < began:
        raise MomentOutOfRangeError(
            _(
                "{moment} is before the register existed: its first change was recorded on {began}."
            ).format(moment=moment_text(moment), began=moment_text(began))
        )
    return moment


def moment_text(moment: dt.datetime) -> str:
    """A moment as the DPO reads it, in local time, to the minute: 12/03/2026 14:00 (French),
    12 Mar 2026 14:00 (English)."""
    from babel.dates import format_datetime

    pattern = MOMENT_PATTERNS.get(current_locale(), MOMENT_PATTERNS["en"])
    return str(format_datetime(moment.astimezone(), pattern, locale=current_locale()))


def _stored(value: Any) -> Any:
    """A field as the database filters on it (an enum by its value)."""
    return getattr(value, "value", value)
