from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from shiboken6 import isValid

from PySide6.QtCore import QModelIndex

from ui.journal_text import field_label
from ui.models.entity_table_model import RIGHT, Column, EntityTableModel, Index
from workbench.domain.enums import EntityKind
from workbench.domain.records import Changes, JournalEntry
from workbench.i18n import N_
from workbench.services import Register
from workbench.services.journal_service import changed_fields
from workbench.services.operation_labels import operation_label

# Entries read at a time, the newest first; older pages are read as the view scrolls, and a
# search reads them all. A page is what a tall window shows (60 rows at 2560x1440) four times
# over: reading 1,000 held the GIL in the job while the History view painted, and the view's
# longest stall on a 10,000-treatment register was 98 ms (worst of 10) against 50 ms with 250
# (bench/bench_ui.py 'history', median 52 and 42 ms).
HISTORY_PAGE = 250


@dataclass(frozen=True, slots=True)
class FieldChange:
    field: str
    before: object
    after: object


def field_changes(entry: JournalEntry) -> list[FieldChange]:
    """The fields an entry changed (all the record's fields for a creation or deletion), with
    their values before and after: the diff of the one entry selected."""
    before = entry.before or {}
    after = entry.after or {}
    return [FieldChange(n, before.get(n), after.get(n)) for n in changed_fields(entry)]


def _record_name(entry: JournalEntry) -> str:
    snapshot = entry.after or entry.before or {}
    return str(snapshot.get("name") or snapshot.get("auditor") or "")


class JournalTableModel(EntityTableModel[JournalEntry]):
    """The change journal, newest first by default (sorted on the id column).

    The fields each entry changed are found in the job that reads the entries (comparing the
    snapshots of a page took ~120 ms, and the column is read for the search texts, the column
    widths and each paint); the GUI thread only words them, once per set of fields."""

    list_name = "history"
    kinds = frozenset(EntityKind)
    columns: tuple[Column[JournalEntry], ...] = (
        Column("id", N_("#"), lambda e: e.id, RIGHT),
        Column("at", N_("When"), lambda e: e.at),
        Column("author", N_("Author"), lambda e: e.author),
        Column("label", N_("Operation"), lambda e: operation_label(e.label)),
        Column("kind", N_("Record type"), lambda e: e.entity_kind),
        Column("entity_id", N_("Record ID"), lambda e: e.entity_id, RIGHT, False),
        Column("record", N_("Record"), _record_name),
        Column("action", N_("Action"), lambda e: e.action),
    )  # and "Fields changed", the model's own (see __init__)

    def __init__(self, register: Register) -> None:
        super().__init__()
        self._register = register
        self.page_size = HISTORY_PAGE
        self._oldest_id: int | None = None  # of the entries read; older ones are fetched
        self._newest_id: int | None = None
        self._older_exist = False
        self._fetching = False
        self._names: dict[EntityKind, dict[int, str]] | None = None  # read with the rows
        # Entry id -> the fields it changed, filled by the jobs that read the entries.
        self._changed: dict[int, tuple[str, ...]] = {}
        self._worded: dict[tuple[str, ...], str] = {}  # fields -> their labels, in the language
        self.columns = (
            *JournalTableModel.columns,
            Column("fields", N_("Fields changed"), self._fields_text),
        )

    def changed_fields(self, entry: JournalEntry) -> tuple[str, ...]:
        """The fields the entry changed (found when it was read)."""
        fields = self._changed.get(entry.id)
        if fields is None:  # not read by this model (a test's entry)
            fields = self._changed[entry.id] = changed_fields(entry)
        return fields

    def _fields_text(self, entry: JournalEntry) -> str:
        fields = self.changed_fields(entry)
        text = self._worded.get(fields)
        if text is None:  # many entries change the same fields (every creation: all of them)
            text = self._worded[fields] = ", ".join(map(field_label, fields))
        return text

    def _read(self, entries: list[JournalEntry], *, whole: bool = False) -> list[JournalEntry]:
        """Entries just read, in the reading job: the fields each changed, found there (`whole`:
        the entries replace those read before, and so do their fields)."""
        found = {e.id: changed_fields(e) for e in entries}
        if whole:
            self._changed = found  # one assignment: the GUI thread sees the old ones or these
        else:
            self._changed.update(found)
        return entries

    def relabel(self) -> None:
        self._worded = {}
        super().relabel()

    def record_names(self) -> dict[EntityKind, dict[int, str]]:
        """Names of organisations and subprocessors, to show links by name in a diff (read
        in the job that reads the entries: 1,000 subprocessors took ~100 ms to list)."""
        if self._names is None:
            self._names = self._read_names()
        return self._names

    def _read_names(self) -> dict[EntityKind, dict[int, str]]:
        return {
            EntityKind.ORGANISATION: self._register.organisations.names(),
            EntityKind.SUBPROCESSOR: self._register.subprocessors.names(),
        }

    # -- a page at a time: the newest entries first, older ones as the view scrolls -----------
    def load_rows(self) -> Sequence[JournalEntry]:
        names = self._read_names()
        rows = self._read(self._register.journal.entries(limit=self.page_size), whole=True)
        self._names = names  # one assignment: the GUI thread sees the old names or these
        return rows

    def _rows_loaded(self, rows: list[JournalEntry]) -> None:
        if rows:
            self._oldest_id, self._newest_id = rows[0].id, rows[-1].id
        else:
            self._oldest_id = self._newest_id = None
        self._older_exist = len(rows) >= self.page_size
        super()._rows_loaded(rows)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008 - Qt's default
        return not parent.isValid() and self._older_exist and not self.loading()

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        """The view scrolled to the last row: read the page of entries before the oldest."""
        if not self.canFetchMore(parent) or self._fetching:
            return
        self._fetching = True
        before, size, journal = self._oldest_id, self.page_size, self._register.journal
        from ui.jobs import run_job

        run_job(
            None,
            lambda _progress: self._read(journal.entries(before_id=before, limit=size)),
            writes=False,
        ).on_success(self._older_read).on_failure(self._load_failed).start()

    def fetching(self) -> bool:
        return self._fetching

    def _older_read(self, rows: list[JournalEntry]) -> None:
        if not isValid(self):
            return
        self._fetching = False
        if rows and self._oldest_id is not None and rows[-1].id < self._oldest_id:
            self._oldest_id = rows[0].id
            self._older_exist = len(rows) >= self.page_size
            EntityTableModel._merge_rows(self, (), rows)
        else:
            self._older_exist = False
        self.rows_reloaded.emit()
        if self._older_exist and self.filter_text():  # a search looks through every page
            self.fetchMore()

    def set_filter_text(self, text: str) -> None:
        super().set_filter_text(text)
        if text.strip() and self._older_exist:
            self.fetchMore()

    # -- after a write: the entries it added --------------------------------------------------
    def on_changed(self, changes: Changes) -> None:
        self.apply_changes(changes)  # every write adds journal entries

    def apply_changes(self, changes: Changes) -> None:
        if changes.touches(EntityKind.ORGANISATION) or changes.touches(EntityKind.SUBPROCESSOR):
            self._names = None  # a name shown in a diff may have changed
        super().apply_changes(changes)

    def rows_touched(self, changes: Changes) -> Sequence[int] | None:
        """A write only adds entries: those after the newest one read, not the journal again."""
        return None if self._newest_id is None else (self._newest_id,)

    def load_rows_by_id(self, ids: Sequence[int]) -> Sequence[JournalEntry]:
        return self._read(self._register.journal.entries(after_id=min(ids)))

    def _merge_rows(self, ids: Sequence[int], rows: Sequence[JournalEntry]) -> bool:
        if rows:
            self._newest_id = max(self._newest_id or 0, rows[-1].id)
        return super()._merge_rows((), rows)  # the id asked is the newest entry, not a deletion
