"""The import preview's table: one row per row of the file (and per stored record it no longer
lists), in words a DPO reads, with the two decisions a person takes on a row:
- "Import": a new or changed row can be left out of this import;
- "Same as": a near name ("probably the same as Cloudflare (95)") or a second row of the same
  name is merged only when ticked; unticked, it comes in as a record of its own.
Both write into the wizard's state (`decisions`, `excluded`), which the import applies.
"""

from __future__ import annotations

import html
from typing import NamedTuple

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor

from importers.cleaning import fold
from importers.marks import field_label
from ui.journal_text import value_text
from ui.models.static_table_model import StaticTableModel
from workbench.domain.inference import describe
from workbench.i18n import N_, _
from workbench.services.import_service import ImportReport, PreviewItem, RowStatus, row_place

_Index = QModelIndex | QPersistentModelIndex
RowKey = tuple[int, str]
MISSING = "missing"
STATUS_LABELS = {
    RowStatus.NEW: N_("New"),
    RowStatus.CHANGED: N_("Changed"),
    RowStatus.UNCHANGED: N_("Unchanged"),
    RowStatus.DUPLICATE: N_("Duplicate (ignored)"),
    RowStatus.EXCLUDED: N_("Left out"),
    MISSING: N_("Not in the file (kept)"),
}
STATUS_COLOURS = {
    RowStatus.NEW: QColor("#c8e6c9"),
    RowStatus.CHANGED: QColor("#bbdefb"),
    RowStatus.DUPLICATE: QColor("#ffe0b2"),
    MISSING: QColor("#eceff1"),
}
PROBLEM_COLOUR = QColor("#ffcdd2")
INFERRED_COLOUR = QColor("#fff3b0")  # a value the import derived: to be verified
DECISION_COLOUR = QColor("#ffe0b2")  # a near name waiting for a person's word


def _short(value: object, limit: int = 100) -> str:
    text = "" if value is None else " ".join(str(value).split())
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


def plain_tooltip(text: str) -> str:
    """A tooltip showing `text` (cells of the file) as plain text: Qt would take a tooltip that
    looks like markup as rich text, so it is escaped and its line breaks kept."""
    return "<p style='white-space:pre-wrap'>" + html.escape(text) + "</p>"


def change_text(item: PreviewItem) -> str:
    """'Locations: France → France; Germany', one field after the other, in words."""
    return "  |  ".join(
        f"{field_label(c.field)}: {_short(value_text(c.before_value)) or '—'} \u2192 "
        f"{_short(value_text(c.after_value)) or '—'}"
        for c in item.changes
    )


def same_as_text(item: PreviewItem) -> str:
    if item.proposal is not None:
        text = _("Probably the same as {name} ({score})").format(
            name=item.proposal.existing_name, score=item.proposal.score
        )
        if item.proposal.near_name:
            text += " — " + _("a word differs: check it is the same")
        return text
    if item.same_name_as is not None:
        return _("Same name as row {row}: kept apart").format(row=item.same_name_as)
    return ""


class PreviewRow(NamedTuple):
    status: str
    name: str
    organisation: str
    row: str
    same_as: str  # a near name or an earlier row of the same name: a decision
    detail: str  # the fields that change, before -> after, in words
    problem: str  # the warnings of the row
    inferred: str  # the fields that come in unconfirmed
    inferred_why: str  # ... and why, one line each
    key: RowKey | None  # (row, folded name): what the decisions are keyed by
    merged: bool  # the service merged it (a decision accepted the near name)


class PreviewTableModel(StaticTableModel[PreviewRow]):
    HEADERS = (
        N_("Import"),
        N_("Status"),
        N_("Name"),
        N_("Organisation"),
        N_("Row"),
        N_("Same as"),
        N_("To be verified"),
        N_("What changes"),
    )
    IMPORT, STATUS, NAME, ORGANISATION, ROW, SAME_AS, INFERRED, CHANGES = range(8)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.decisions: dict[RowKey, bool] = {}
        self.excluded: set[RowKey] = set()

    def bind(self, decisions: dict[RowKey, bool], excluded: set[RowKey]) -> None:
        """The wizard's state the check boxes write into."""
        self.decisions, self.excluded = decisions, excluded

    def set_report(self, report: ImportReport) -> None:
        places: dict[str, list[str]] = {}
        for warning in report.warnings:
            places.setdefault(warning.partition(": ")[0], []).append(warning)
        rows = []
        for item in report.items:
            number = item.provenance.row
            rows.append(
                PreviewRow(
                    item.status.value,
                    item.name,
                    item.organisation,
                    "" if number is None else str(number),
                    same_as_text(item),
                    change_text(item),
                    "\n".join(places.get(row_place(item.provenance), [])),
                    ", ".join(dict.fromkeys(field_label(m.field) for m in item.unconfirmed)),
                    "\n".join(f"{field_label(m.field)}: {describe(m)}" for m in item.unconfirmed),
                    None if number is None else (number, fold(item.name)),
                    item.accepted,
                )
            )
        rows += [
            PreviewRow(MISSING, m.name, m.organisation, "", "", "", "", "", "", None, False)
            for m in report.missing
        ]
        self.replace_rows(rows)

    def _checkable(self, row: PreviewRow, column: int) -> bool:
        if row.key is None:
            return False
        if column == self.IMPORT:
            return row.status in (RowStatus.NEW, RowStatus.CHANGED, RowStatus.EXCLUDED)
        return column == self.SAME_AS and bool(row.same_as)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and self._checkable(self._rows[index.row()], index.column()):
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def _checked(self, row: PreviewRow, column: int) -> bool:
        assert row.key is not None  # noqa: S101 - only checkable rows have a check state
        if column == self.IMPORT:
            return row.key not in self.excluded
        return self.decisions.get(row.key, row.merged)

    def setData(self, index: _Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        row = self._rows[index.row()] if index.isValid() else None
        if row is None or role != Qt.ItemDataRole.CheckStateRole:
            return False
        if row.key is None or not self._checkable(row, index.column()):
            return False
        checked = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value)
        if index.column() == self.IMPORT:
            (self.excluded.discard if checked else self.excluded.add)(row.key)
        else:
            self.decisions[row.key] = checked
        self.dataChanged.emit(index, index, [role])
        return True

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            status = _(STATUS_LABELS[row.status])
            texts = ("", status, row.name, row.organisation, row.row)
            return (*texts, row.same_as, row.inferred, row.detail)[column]
        if role == Qt.ItemDataRole.CheckStateRole and self._checkable(row, column):
            return Qt.CheckState.Checked if self._checked(row, column) else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.UserRole:
            return row.status
        if role == Qt.ItemDataRole.ToolTipRole:
            text = {
                self.INFERRED: row.inferred_why,
                self.CHANGES: row.detail.replace("  |  ", "\n"),
                self.SAME_AS: row.same_as,
            }.get(column, row.problem)
            return plain_tooltip(text) if text else None
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._background(row, column)
        return None

    def _background(self, row: PreviewRow, column: int) -> QColor | None:
        if column == self.INFERRED:
            return INFERRED_COLOUR if row.inferred else None
        if column == self.SAME_AS:
            return DECISION_COLOUR if row.same_as else None
        return PROBLEM_COLOUR if row.problem else STATUS_COLOURS.get(row.status)


class PreviewFilter(QSortFilterProxyModel):
    """One status, or all; the stored records the file does not list only when asked (they are
    many on a partial file, and nothing happens to them)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.status: str | None = None
        self.show_missing = False

    def set_filter(self, status: str | None, show_missing: bool) -> None:
        self.status, self.show_missing = status, show_missing
        self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        model = self.sourceModel()
        status = model.data(model.index(source_row, 0, source_parent), Qt.ItemDataRole.UserRole)
        if self.status is not None:
            return bool(status == self.status)
        return self.show_missing or status != MISSING
