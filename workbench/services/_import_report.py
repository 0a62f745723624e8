"""What an import reports, row by row: the preview's items, the counts, the missing records."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from enum import StrEnum

from workbench.domain.enums import EntityKind
from workbench.domain.records import Changes, Provenance, Unconfirmed
from workbench.i18n import _
from workbench.services._import_chain import ChainTarget, ListDiff
from workbench.services._import_matching import Proposal
from workbench.services._import_merge import FieldChange

# Warnings and missing records listed in a report; beyond, they are only counted (a 100k-row
# file with the same problem on every row must not hold 100k messages).
LISTED = 1000


class RowStatus(StrEnum):
    NEW = "new"
    CHANGED = "changed"
    UNCHANGED = "unchanged"
    DUPLICATE = "duplicate"  # the same record twice in the file: the first one counts
    EXCLUDED = "excluded"  # left out of this import by the person importing


@dataclass(frozen=True, slots=True)
class PreviewItem:
    status: RowStatus
    kind: EntityKind
    name: str
    organisation: str
    provenance: Provenance
    existing_id: int | None = None
    changes: tuple[FieldChange, ...] = ()
    # the values this row brings in unconfirmed (inferred by the import, still to be confirmed)
    unconfirmed: tuple[Unconfirmed, ...] = ()
    # a stored record this row is probably the same as; `accepted`: a decision merged them
    proposal: Proposal | None = None
    accepted: bool = False
    same_name_as: int | None = None  # an earlier row of the file with the same name, kept apart


@dataclass(frozen=True, slots=True)
class MissingItem:
    """A stored record of an organisation the file covers, that the file does not list."""

    kind: EntityKind
    entity_id: int
    name: str
    organisation: str


@dataclass
class ImportReport:
    counts: Counter[RowStatus] = field(default_factory=Counter)
    items: list[PreviewItem] = field(default_factory=list)  # up to detail_limit
    missing: list[MissingItem] = field(default_factory=list)  # the first LISTED
    warnings: list[str] = field(default_factory=list)  # the first LISTED
    new_organisations: list[str] = field(default_factory=list)
    detail_limit: int | None = None
    missing_count: int = 0
    warning_count: int = 0
    # values the import writes unconfirmed (new records' marks, and marks on changed values);
    # a person confirms them in the forms or with `dpo-workbench confirm`
    unconfirmed_count: int = 0
    proposals: int = 0  # rows with a near-name proposal (accepted or not)

    @property
    def new(self) -> int:
        return self.counts[RowStatus.NEW]

    @property
    def changed(self) -> int:
        return self.counts[RowStatus.CHANGED]

    @property
    def unchanged(self) -> int:
        return self.counts[RowStatus.UNCHANGED]

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def add(self, item: PreviewItem, unconfirmed: int = 0) -> None:
        self.count(item.status, unconfirmed, item.proposal is not None)
        if self.wants_items():
            self.items.append(item)

    def wants_items(self) -> bool:
        """Whether `add` still lists an item (a caller may then skip building it: `count`)."""
        return self.detail_limit is None or len(self.items) < self.detail_limit

    def count(self, status: RowStatus, unconfirmed: int = 0, proposal: bool = False) -> None:
        """What `add` counts of an item, for a row the report no longer lists."""
        self.counts[status] += 1
        self.proposals += proposal
        self.unconfirmed_count += unconfirmed

    def add_missing(self, item: MissingItem) -> None:
        self.missing_count += 1
        if len(self.missing) < LISTED:
            self.missing.append(item)

    def warn(self, text: str) -> None:
        self.warning_count += 1
        if len(self.warnings) < LISTED:
            self.warnings.append(text)


@dataclass(frozen=True, slots=True)
class ImportResult:
    report: ImportReport
    changes: Changes
    operation_id: str


@dataclass(frozen=True, slots=True)
class VendorListResult:
    """A vendor's list read as its chain: the rows, and what this version changes."""

    report: ImportReport
    vendor: ChainTarget
    diff: ListDiff
    operation_id: str = ""  # "" for a preview, or a version identical to the last one
    version_id: int | None = None
    changes: Changes = field(default_factory=Changes)


def row_place(provenance: Provenance) -> str:
    """Where a row is, as the import's warnings begin ("file, sheet, row 12")."""
    parts = [provenance.file]
    if provenance.sheet:
        parts.append(provenance.sheet)
    if provenance.row is not None:
        parts.append(_("row {row}").format(row=provenance.row))
    return ", ".join(parts)
