from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ui.journal_text import field_label
from ui.models.entity_table_model import RIGHT, Column, EntityTableModel
from workbench.domain.enums import EntityKind
from workbench.domain.records import Changes, JournalEntry
from workbench.i18n import N_
from workbench.services import Register
from workbench.services.operation_labels import operation_label

IGNORED_FIELDS = frozenset({"version"})


@dataclass(frozen=True, slots=True)
class FieldChange:
    field: str
    before: object
    after: object


def field_changes(entry: JournalEntry) -> list[FieldChange]:
    """The fields an entry changed (all the record's fields for a creation or deletion)."""
    before = entry.before or {}
    after = entry.after or {}
    names = [k for k in (after or before) if k not in IGNORED_FIELDS]
    names += [k for k in before if k not in after and k not in IGNORED_FIELDS]
    return [
        FieldChange(name, before.get(name), after.get(name))
        for name in names
        if before.get(name) != after.get(name)
    ]


def _record_name(entry: JournalEntry) -> str:
    snapshot = entry.after or entry.before or {}
    return str(snapshot.get("name") or snapshot.get("auditor") or "")


class JournalTableModel(EntityTableModel[JournalEntry]):
    """The change journal, newest first by default (sorted on the id column)."""

    list_name = "history"
    kinds = frozenset(EntityKind)
    columns = (
        Column("id", N_("#"), lambda e: e.id, RIGHT),
        Column("at", N_("When"), lambda e: e.at),
        Column("author", N_("Author"), lambda e: e.author),
        Column("label", N_("Operation"), lambda e: operation_label(e.label)),
        Column("kind", N_("Record type"), lambda e: e.entity_kind),
        Column("entity_id", N_("Record ID"), lambda e: e.entity_id, RIGHT, False),
        Column("record", N_("Record"), _record_name),
        Column("action", N_("Action"), lambda e: e.action),
        Column(
            "fields",
            N_("Fields changed"),
            lambda e: ", ".join(field_label(c.field) for c in field_changes(e)),
        ),
    )

    def __init__(self, register: Register) -> None:
        super().__init__()
        self._register = register

    def record_names(self) -> dict[EntityKind, dict[int, str]]:
        """Names of organisations and subprocessors, to show links by name in a diff."""
        return {
            EntityKind.ORGANISATION: {
                o.id: o.name for o in self._register.organisations.list() if o.id is not None
            },
            EntityKind.SUBPROCESSOR: {
                s.id: s.name for s in self._register.subprocessors.list() if s.id is not None
            },
        }

    def load_rows(self) -> Sequence[JournalEntry]:
        return self._register.journal.entries()

    def on_changed(self, changes: Changes) -> None:
        self.apply_changes(changes)  # every write adds journal entries

    def rows_touched(self, changes: Changes) -> Sequence[int] | None:
        """A write only adds entries: those after the newest one read (entries come in id
        order, and so are added), not the whole journal again."""
        return (self._rows[-1].id,) if self._rows else None

    def load_rows_by_id(self, ids: Sequence[int]) -> Sequence[JournalEntry]:
        return self._register.journal.entries(after_id=min(ids))

    def _merge_rows(self, ids: Sequence[int], rows: Sequence[JournalEntry]) -> bool:
        return super()._merge_rows((), rows)  # the id asked is the newest entry, not a deletion
