"""Base of every list: rows from a service, columns described once, sort and filter in bulk.

Why not a QSortFilterProxyModel: with 100,000 treatments a proxy calls back into Python for
each row on every keystroke (740 ms measured) and for each comparison when sorting (23 s
measured). Here the model keeps all rows, one lower-case "haystack" per row, and computes the
visible order with list comprehensions and `sorted()`; the view only ever sees a reset. A
narrower filter only searches the rows still shown.

Each column's sort keys are computed once per load (a list beside the rows, kept up to date by
the rows an edit rewrites): sorting again, or by the same column after an edit, only compares
(a sort of 10,000 treatments computed 20,000 keys, twice each row, on the GUI thread).

The haystacks are built right after the rows load, in chunks on the GUI thread's idle time
(a zero-delay QTimer), so neither opening the list nor the first keystroke pays for all of
them (464 ms at 100,000 treatments); a filter asked before they are done finishes them.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import Enum, IntEnum
from typing import Any, Generic, TypeVar

from shiboken6 import isValid

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)

from ui.journal_text import field_label
from ui.labels import date_text, enum_label, yes_no
from ui.widgets.inferred_marks import plain_tooltip, warning_icon
from workbench.domain.enums import EntityKind
from workbench.domain.records import Changes
from workbench.i18n import N_, _

RowT = TypeVar("RowT")
Index = QModelIndex | QPersistentModelIndex
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
# Search texts are built in idle turns of about 15 ms, so typing never stalls.
HAYSTACK_CHUNK = 1000  # the first chunk; then sized to take about HAYSTACK_TURN_S
MAX_HAYSTACK_CHUNK = 8000
MAX_ROWS_UPDATED = 500  # a write touching more rows than this reloads the list whole
HAYSTACK_TURN_S = 0.015


MARKS_KEY = "unconfirmed"  # the column counting a row's values still to be verified


class Role(IntEnum):
    ROW = Qt.ItemDataRole.UserRole + 1  # the row DTO
    ID = Qt.ItemDataRole.UserRole + 2  # the entity id (int)
    SORT = Qt.ItemDataRole.UserRole + 3  # the raw value the column sorts on


@dataclass(frozen=True, slots=True)
class Column(Generic[RowT]):
    key: str
    header: str  # marked with N_, translated when shown
    value: Callable[[RowT], object]
    align: Qt.AlignmentFlag = LEFT
    visible_by_default: bool = True
    # What the column sorts by when it is not what it shows ("T-029" sorts by its id).
    sort_value: Callable[[RowT], object] | None = None


def marks_column(fields: Callable[[RowT], tuple[str, ...]]) -> Column[RowT]:
    """How many of the row's values are still to be verified (empty when none)."""
    return Column(MARKS_KEY, N_("To verify"), lambda row: len(fields(row)) or None, RIGHT)


def display_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, Enum):
        return enum_label(value)
    if isinstance(value, bool):
        return yes_no(value)
    if isinstance(value, dt.datetime):
        return value.astimezone().strftime("%Y-%m-%d %H:%M")
    if isinstance(value, dt.date):
        return date_text(value)
    if isinstance(value, tuple | list):
        return ", ".join(display_text(v) for v in value)
    return str(value)


def _cached_display_text() -> Callable[[object], str]:
    """`display_text`, with the labels of repeated values (enums, dates) looked up once."""
    labels: dict[tuple[type, object], str] = {}  # keyed by type too: True == 1 in a dict

    def text(value: object) -> str:
        if type(value) is str:
            return value
        key = (type(value), value)
        try:
            return labels[key]
        except KeyError:
            label = labels[key] = display_text(value)
            return label
        except TypeError:  # unhashable (a list of values)
            return display_text(value)

    return text


def _sort_key(value: object) -> tuple[int, Any]:
    # None last; numbers and dates by value; everything else by its shown text.
    if value is None or value == "":
        return (1, 0)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return (0, value)
    if isinstance(value, dt.datetime):
        return (0, value.timestamp())
    if isinstance(value, dt.date):
        return (0, value.toordinal())
    return (0, display_text(value).casefold())


class EntityTableModel(QAbstractTableModel, Generic[RowT]):
    """Subclasses set `list_name`, `kinds`, `columns` and implement `load_rows`; a list of
    records that carry marks of inferred values also sets `shows_marks` and `marked_fields`."""

    list_name: str = ""
    kinds: frozenset[EntityKind] = frozenset()  # a change to one of these reloads the list
    own_kind: EntityKind | None = None  # the records the rows are (see `load_rows_by_id`)
    columns: tuple[Column[RowT], ...] = ()
    shows_marks = False
    rows_reloaded = Signal()
    load_failed = Signal(Exception)

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[RowT] = []
        self._order: list[int] = []  # indexes into _rows, in sort order
        self._visible: list[int] = []  # _order filtered
        self._haystacks: list[str] = []  # built up to len(_haystacks); complete when == len(_rows)
        self._haystack_timer = QTimer(self)
        self._haystack_timer.setInterval(0)
        self._haystack_timer.timeout.connect(self._build_haystack_chunk)
        self._filter_words: tuple[str, ...] = ()
        self._only_marked = False
        self._sort_column = -1
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._loading = False
        self._load_again = False
        self._updating = False  # the rows a write touched are being read again
        self._pending_ids: set[int] = set()  # touched while an update was being read
        self._chunk_size = 0  # 0: HAYSTACK_CHUNK (read when building, so tests can set it)
        self._sort_keys: dict[int, list[tuple[int, Any]]] = {}  # column -> a key per row

    # -- loading -------------------------------------------------------------------------------
    def load_rows(self) -> Sequence[RowT]:
        raise NotImplementedError

    def marked_fields(self, row: RowT) -> tuple[str, ...]:
        """The fields of the row's record whose value is still to be verified."""
        return ()

    def marks_tooltip(self, row: RowT) -> str:
        fields = dict.fromkeys(field_label(f.split(".")[0]) for f in self.marked_fields(row))
        if not fields:
            return ""
        return _("To be verified: {fields}").format(fields=", ".join(fields))

    def row_id(self, row: RowT) -> int:
        return int(getattr(row, "id"))  # noqa: B009 - every DTO has an id

    def reload(self) -> None:
        """Read the rows now, on this thread (tests, small lists); see `reload_in_background`."""
        self._load_again = False
        self._rows_loaded(list(self.load_rows()))

    def reload_in_background(self) -> None:
        """Read the rows in a job and swap them in when read: the GUI thread only sorts and
        resets (a synchronous reload of 10,000 treatments held it 230 ms after every edit, the
        journal's 300 ms when History was shown). A reload asked while one runs is done after.
        One read at a time, so a read applied is never older than the one before it."""
        if self._loading or self._updating:
            self._load_again = True
            return
        self._loading = True
        self._pending_ids.clear()  # this read comes after their write
        from ui.jobs import run_job  # the models do not need the job machinery otherwise

        run_job(None, lambda _progress: list(self.load_rows()), writes=False).on_success(
            self._rows_loaded
        ).on_failure(self._load_failed).start()

    def loading(self) -> bool:
        """Rows are being read (all, or those a write touched)."""
        return self._loading or self._updating

    # -- after a write: only the rows it touched ---------------------------------------------
    def load_rows_by_id(self, ids: Sequence[int]) -> Sequence[RowT] | None:
        """The rows of these records as they are now (absent: deleted), read on any thread;
        None when this list cannot read single rows (then a change reloads it whole)."""
        return None

    def rows_touched(self, changes: Changes) -> Sequence[int] | None:
        """The ids whose rows a change rewrote, when it wrote only this list's own records
        (`own_kind`) and not too many; None: read the whole list again."""
        kind = self.own_kind
        if kind is None or any(changes.touches(k) for k in self.kinds - {kind}):
            return None
        ids = changes.ids_of(kind)
        return None if ids is None or len(ids) > MAX_ROWS_UPDATED else ids

    def apply_changes(self, changes: Changes) -> None:
        """After a write, in the background: the rows it touched when that is known (an edit
        reads and redraws one row, not 10,000), else the whole list."""
        ids = self.rows_touched(changes)
        if ids is None:
            self.reload_in_background()
            return
        self._pending_ids.update(ids)
        self._read_pending_rows()

    def _read_pending_rows(self) -> None:
        if self._loading:  # that read may be older than the write: read everything after it
            self._load_again = True
            return
        if self._updating or not self._pending_ids:
            return  # read once the update in flight is in
        ids = sorted(self._pending_ids)
        self._pending_ids.clear()
        self._updating = True
        from ui.jobs import run_job

        run_job(None, lambda _progress: self.load_rows_by_id(ids), writes=False).on_success(
            lambda rows: self._rows_read(ids, rows)
        ).on_failure(self._load_failed).start()

    def _rows_read(self, ids: Sequence[int], rows: Sequence[RowT] | None) -> None:
        if not isValid(self):
            return
        self._updating = False
        if self._load_again or rows is None:
            self._load_again = False
            self.reload_in_background()
            return
        if not self._merge_rows(ids, rows):
            self.reload_in_background()
            return
        self.rows_reloaded.emit()
        self._read_pending_rows()

    def _merge_rows(self, ids: Sequence[int], rows: Sequence[RowT]) -> bool:
        """Put the rows read in place (new ones at the end); False when a record was deleted
        (the indexes would shift: the caller reloads)."""
        position = {self.row_id(r): i for i, r in enumerate(self._rows)}
        read = {self.row_id(r): r for r in rows}
        if any(i in position and i not in read for i in ids):
            return False
        changed, added = [], []
        for entity_id, row in read.items():
            at = position.get(entity_id)
            if at is None:
                added.append(len(self._rows))
                self._rows.append(row)
                self._update_sort_keys(row)
                continue
            self._rows[at] = row
            self._update_sort_keys(row, at)
            changed.append(at)
            if at < len(self._haystacks):
                self._haystacks[at] = self._search_texts([row])[0]
        if added and not self._haystack_timer.isActive():
            self._haystack_timer.start()  # the new rows' search texts
        order = self._sorted(self._order + added)
        visible = self._filtered(order, self._filter_words)
        shown = self._filtered(added, self._filter_words)
        if shown:  # new rows: inserted at the end, then moved where the order puts them
            end = len(self._visible)
            self.beginInsertRows(QModelIndex(), end, end + len(shown) - 1)
            self._visible = self._visible + shown
            self.endInsertRows()
        if visible == self._visible:  # same rows in the same order: redraw the changed ones
            self._order = order
            rewritten = set(changed)
            for p in [p for p, row in enumerate(visible) if row in rewritten]:
                self.dataChanged.emit(self.index(p, 0), self.index(p, len(self.columns) - 1))
        elif set(visible) == set(self._visible):
            self._relayout(order, visible)
        else:  # an edit took a row in or out of the filter
            self.beginResetModel()
            self._order, self._visible = order, visible
            self.endResetModel()
        return True

    def _relayout(self, order: list[int], visible: list[int]) -> None:
        """A new order: selected and current rows follow their records."""
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        shown = self._visible
        records = [shown[i.row()] if 0 <= i.row() < len(shown) else -1 for i in old]
        self._order, self._visible = order, visible
        where = {row: p for p, row in enumerate(visible)}
        moved = [
            self.index(where[r], i.column()) if r in where else QModelIndex()
            for r, i in zip(records, old, strict=True)
        ]
        self.changePersistentIndexList(old, moved)
        self.layoutChanged.emit()

    def _rows_loaded(self, rows: list[RowT]) -> None:
        if not isValid(self):  # the view was closed (another register opened) meanwhile
            return
        self._loading = False
        if self._load_again:
            self._load_again = False
            self.reload_in_background()
            return
        self.beginResetModel()
        self._rows = rows
        self._sort_keys = {}
        self._restart_haystacks()
        self._order = self._sorted(list(range(len(self._rows))))
        self._visible = self._filtered(self._order, self._filter_words)
        self.endResetModel()
        self.rows_reloaded.emit()

    def _load_failed(self, error: Exception) -> None:
        if isValid(self):
            self._loading = False
            self.load_failed.emit(error)

    def on_changed(self, changes: Changes) -> None:
        if any(changes.touches(kind) for kind in self.kinds):
            self.apply_changes(changes)

    def relabel(self) -> None:
        """The language changed: labels, and so the search texts and sort keys, are different."""
        self._restart_haystacks()
        self._sort_keys = {}
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.columns) - 1)
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._visible) - 1, len(self.columns) - 1)
            )

    # -- filter and sort -----------------------------------------------------------------------
    def set_filter_text(self, text: str) -> None:
        words = tuple(text.casefold().split())
        if words == self._filter_words:
            return
        narrower = all(any(w.find(old) >= 0 for w in words) for old in self._filter_words)
        base = self._visible if narrower and self._filter_words else self._order
        self.beginResetModel()
        self._filter_words = words
        self._visible = self._filtered(base, words)
        self.endResetModel()

    def filter_text(self) -> str:
        return " ".join(self._filter_words)

    def set_only_marked(self, only: bool) -> None:
        """Show only the rows with values still to be verified."""
        if only == self._only_marked:
            return
        self.beginResetModel()
        self._only_marked = only
        self._visible = self._filtered(self._order, self._filter_words)
        self.endResetModel()

    def only_marked(self) -> bool:
        return self._only_marked

    def _filtered(self, indexes: list[int], words: tuple[str, ...]) -> list[int]:
        if self._only_marked:
            rows, marked = self._rows, self.marked_fields
            indexes = [i for i in indexes if marked(rows[i])]
        if not words:
            return list(indexes)
        hay = self._haystack()
        # One word at a time, longest first: each pass scans only what the previous one kept.
        for word in sorted(words, key=len, reverse=True):
            indexes = [i for i in indexes if word in hay[i]]
        return indexes

    # -- search texts --------------------------------------------------------------------------
    def search_ready(self) -> bool:
        """True once every row's search text is built (a filter then only scans)."""
        return len(self._haystacks) == len(self._rows)

    def _restart_haystacks(self) -> None:
        self._haystacks = []
        if self._rows:
            self._haystack_timer.start()
        else:
            self._haystack_timer.stop()

    def _build_haystack_chunk(self) -> None:
        # The chunk follows the cost of a row: 4,000 journal entries (each diffed for its
        # "fields changed") took 300 ms in one turn at 10,000 treatments; about 15 ms a turn.
        done, size = len(self._haystacks), self._chunk_size or HAYSTACK_CHUNK
        started = time.perf_counter()
        self._haystacks.extend(self._search_texts(self._rows[done : done + size]))
        spent = time.perf_counter() - started
        if spent > HAYSTACK_TURN_S:
            self._chunk_size = max(1, int(size * HAYSTACK_TURN_S / spent))
        elif spent < HAYSTACK_TURN_S / 3:
            self._chunk_size = min(size * 2, MAX_HAYSTACK_CHUNK)
        if self.search_ready():
            self._haystack_timer.stop()

    def _haystack(self) -> list[str]:
        if not self.search_ready():  # filtered before the idle build finished: finish it now
            self._haystacks.extend(self._search_texts(self._rows[len(self._haystacks) :]))
            self._haystack_timer.stop()
        return self._haystacks

    def _search_texts(self, rows: Sequence[RowT]) -> list[str]:
        getters = [c.value for c in self.columns if c.key != MARKS_KEY]
        text = _cached_display_text()
        return ["\x1f".join([text(get(row)) for get in getters]).casefold() for row in rows]

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort_column, self._sort_order = column, order
        ordered = self._sorted(self._order)
        if len(self._visible) == len(self._order):
            visible = list(ordered)
        else:  # the rows shown, in the new order (one pass, not a second sort)
            shown = set(self._visible)
            visible = [i for i in ordered if i in shown]
        self._relayout(ordered, visible)

    def _sorted(self, indexes: list[int]) -> list[int]:
        if not 0 <= self._sort_column < len(self.columns):
            return indexes
        keys = self._sort_keys.get(self._sort_column)
        if keys is None:
            get = self._sort_getter(self._sort_column)
            keys = self._sort_keys[self._sort_column] = [_sort_key(get(r)) for r in self._rows]
        return sorted(
            indexes,
            key=keys.__getitem__,
            reverse=self._sort_order == Qt.SortOrder.DescendingOrder,
        )

    def _sort_getter(self, column: int) -> Callable[[RowT], object]:
        return self.columns[column].sort_value or self.columns[column].value

    def _update_sort_keys(self, row: RowT, at: int | None = None) -> None:
        """A row read again (at `at`) or added (at the end): its key in each column's list."""
        for column, keys in self._sort_keys.items():
            key = _sort_key(self._sort_getter(column)(row))
            if at is None:
                keys.append(key)
            else:
                keys[at] = key

    # -- access --------------------------------------------------------------------------------
    def row_at(self, row: int) -> RowT:
        return self._rows[self._visible[row]]

    def total_count(self) -> int:
        return len(self._rows)

    def row_of_id(self, entity_id: int) -> int | None:
        for position, i in enumerate(self._visible):
            if self.row_id(self._rows[i]) == entity_id:
                return position
        return None

    def column_of_key(self, key: str) -> int:
        return next(i for i, c in enumerate(self.columns) if c.key == key)

    # -- QAbstractTableModel -------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's default
        return 0 if parent.isValid() else len(self._visible)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._visible):
            return None
        row = self._rows[self._visible[index.row()]]
        column = self.columns[index.column()]
        if column.key == MARKS_KEY and role in (
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.DecorationRole,
        ):
            if not self.marked_fields(row):
                return None
            if role == Qt.ItemDataRole.DecorationRole:
                return warning_icon()
            return plain_tooltip(self.marks_tooltip(row))
        if role == Qt.ItemDataRole.DisplayRole:
            return display_text(column.value(row))
        if role == Qt.ItemDataRole.ToolTipRole:  # a tooltip that looks like markup is rendered
            return plain_tooltip(display_text(column.value(row)))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(column.align.value)
        if role == Role.ROW:
            return row
        if role == Role.ID:
            return self.row_id(row)
        if role == Role.SORT:
            value = column.value(row)
            return value if isinstance(value, int | float | str) else display_text(value)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return _(self.columns[section].header)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(self.columns[section].align.value)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
