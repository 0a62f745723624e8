"""Import wizard, step 3: which column feeds which field, with the engine's confidence.

Each column of the file is a row here: its header, a sample value, the field (a combo the user
can change) and how sure the automatic mapping is, coloured. A mapping can be saved as a named
profile and loaded again for the next version of the same vendor file.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from importers import ColumnMapping, RecordKind, propose_mapping
from importers.mapping import NAME_AND_PURPOSE, STORAGE_LOCATION, TRANSFER_OUTSIDE_EEA
from ui.jobs import show_error
from ui.models.static_table_model import HeaderedTableModel
from ui.widgets.inferred_marks import plain_label
from workbench.domain.fields import SUBPROCESSOR_FIELDS, TREATMENT_FIELDS
from workbench.i18n import N_, _

if TYPE_CHECKING:
    from ui.dialogs.import_wizard import ImportWizard

_Index = QModelIndex | QPersistentModelIndex
FIELD_COLUMN = 2
CONFIDENCE_COLUMN = 3
SURE, UNSURE = 0.9, 0.6  # confidence thresholds for green / amber (below: red)
_NOT_IMPORTED = N_("(not imported)")
_SKIPPED_FIELDS = ("id", "sensitive_data")  # provenance only, or derived from the categories


def field_choices(kind: RecordKind) -> list[tuple[str | None, str]]:
    """(field key, label) the user may map a column to, for this kind of record."""
    specs = TREATMENT_FIELDS if kind is RecordKind.TREATMENTS else SUBPROCESSOR_FIELDS
    choices: list[tuple[str | None, str]] = [(None, _(_NOT_IMPORTED))]
    if kind is RecordKind.TREATMENTS:
        choices.append((NAME_AND_PURPOSE, _("Name + purpose (Annex 1)")))
    choices += [(s.key, _(s.header_en)) for s in specs if s.key not in _SKIPPED_FIELDS]
    if kind is RecordKind.SUBPROCESSORS:  # read by the importer, stored through other fields
        choices += [
            (TRANSFER_OUTSIDE_EEA, _("Transfer outside the EEA (yes/no: “no” = none)")),
            ("legal_basis_text", _("Legal basis of its processing (kept in the notes)")),
            (STORAGE_LOCATION, _("Storage location (its places join the locations)")),
        ]
    if all(key != "unconfirmed" for key, _label in choices):  # until fields.py lists it
        choices.append(("unconfirmed", _("Values to be confirmed")))
    return choices


def confidence_colour(confidence: float, mapped: bool) -> QColor:
    if not mapped:
        return QColor("#eceff1")
    if confidence >= SURE:
        return QColor("#c8e6c9")
    if confidence >= UNSURE:
        return QColor("#ffe0b2")
    return QColor("#ffcdd2")


class MappingTableModel(HeaderedTableModel):
    HEADERS = (N_("Column in the file"), N_("Example"), N_("Imported as"), N_("Confidence"))
    mapping_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.mapping: ColumnMapping | None = None
        self._samples: list[str] = []
        self._labels: dict[str | None, str] = {}

    def set_mapping(self, mapping: ColumnMapping, samples: list[str]) -> None:
        self.beginResetModel()
        self.mapping = mapping
        self._samples = samples
        self._labels = dict(field_choices(mapping.kind))
        self.endResetModel()
        self.mapping_changed.emit()

    def choices(self) -> list[tuple[str | None, str]]:
        return field_choices(self.mapping.kind) if self.mapping else []

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() or self.mapping is None else len(self.mapping.columns)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsEditable if index.column() == FIELD_COLUMN else base

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or self.mapping is None:
            return None
        guess = self.mapping.columns[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == 0:
                return guess.header or _("Column {n}").format(n=guess.index + 1)
            if column == 1:
                sample = self._samples[index.row()] if index.row() < len(self._samples) else ""
                return sample if role == Qt.ItemDataRole.ToolTipRole else sample[:80]
            if column == FIELD_COLUMN:
                return self._labels.get(guess.field, guess.field or "")
            return f"{round(guess.confidence * 100)} %" if guess.field else "—"
        if role == Qt.ItemDataRole.EditRole and column == FIELD_COLUMN:
            return guess.field
        if role == Qt.ItemDataRole.BackgroundRole and column == CONFIDENCE_COLUMN:
            return confidence_colour(guess.confidence, guess.field is not None)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == CONFIDENCE_COLUMN:
            return Qt.AlignmentFlag.AlignCenter
        return None

    def setData(self, index: _Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if self.mapping is None or index.column() != FIELD_COLUMN:
            return False
        if role != Qt.ItemDataRole.EditRole:
            return False
        guess = self.mapping.columns[index.row()]
        field = value if isinstance(value, str) and value else None
        if field == guess.field:
            return False
        # with_field also frees the field from any other column that had it
        self.mapping = self.mapping.with_field(guess.index, field)
        self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, 3))
        self.mapping_changed.emit()
        return True


class FieldDelegate(QStyledItemDelegate):
    """A combo of the fields for the "Imported as" column."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: _Index) -> QWidget:
        combo = QComboBox(parent)
        model = index.model()
        if isinstance(model, MappingTableModel):
            for key, label in model.choices():
                combo.addItem(label, key)
        combo.activated.connect(lambda _i: self.commitData.emit(combo))
        return combo

    def setEditorData(self, editor: QWidget, index: _Index) -> None:
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))

    def setModelData(self, editor: QWidget, model: object, index: _Index) -> None:
        if isinstance(editor, QComboBox) and isinstance(model, MappingTableModel):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class MappingPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(_("Check the columns"))
        self.setSubTitle(
            _(
                "Each column of the file and the field it fills. Green: recognised; orange: "
                "probable, check it; grey: not imported. Change a field with its list."
            )
        )
        self.kind = QComboBox()
        self.kind.addItem(
            _("Treatments (register of processing activities)"), RecordKind.TREATMENTS.value
        )
        self.kind.addItem(_("Subprocessors"), RecordKind.SUBPROCESSORS.value)
        self.kind.activated.connect(self._kind_chosen)
        self.profiles = QComboBox()
        self.profiles.setMinimumContentsLength(16)
        self.load_profile_button = QPushButton(_("Apply profile"))
        self.load_profile_button.clicked.connect(self._load_profile)
        self.save_profile_button = QPushButton(_("Save as profile…"))
        self.save_profile_button.clicked.connect(self.save_profile)
        top = QHBoxLayout()
        top.addWidget(QLabel(_("The rows are:")))
        top.addWidget(self.kind)
        top.addStretch(1)
        top.addWidget(QLabel(_("Profile:")))
        top.addWidget(self.profiles)
        top.addWidget(self.load_profile_button)
        top.addWidget(self.save_profile_button)

        self.model = MappingTableModel(self)
        self.model.mapping_changed.connect(self._mapping_changed)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(FIELD_COLUMN, FieldDelegate(self.table))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(FIELD_COLUMN, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(CONFIDENCE_COLUMN, QHeaderView.ResizeMode.ResizeToContents)
        header.resizeSection(0, 220)
        header.resizeSection(FIELD_COLUMN, 260)
        self.problem = plain_label()
        self.problem.setStyleSheet("color: #c62828;")
        self.problem.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.problem)

    def _wizard(self) -> ImportWizard:
        return self.wizard()  # type: ignore[return-value]

    def initializePage(self) -> None:
        state = self._wizard().state
        if state.table is None:
            return
        kind = state.table.kind if state.table.kind is not RecordKind.AUTO else None
        self.kind.setCurrentIndex(max(0, self.kind.findData((kind or RecordKind.TREATMENTS).value)))
        self._propose(self.chosen_kind())
        self._fill_profiles()

    def chosen_kind(self) -> RecordKind:
        # Qt hands enum members back as plain strings
        return RecordKind(self.kind.currentData())

    def _propose(self, kind: RecordKind) -> None:
        state = self._wizard().state
        if state.table is not None:
            self.show_mapping(propose_mapping(state.table, kind))

    def show_mapping(self, mapping: ColumnMapping) -> None:
        state = self._wizard().state
        # Section titles ("TRAITEMENTS POUR LESQUELS…") fill one cell: not an example.
        rows = [
            r for r in (state.table.preview_rows if state.table else ()) if sum(map(bool, r)) > 1
        ]
        samples = []
        for column in range(len(mapping.columns)):
            values = [r[column] for r in rows if column < len(r) and r[column]]
            samples.append(values[0] if values else "")
        self.model.set_mapping(mapping, samples)
        for row in range(self.model.rowCount()):
            self.table.openPersistentEditor(self.model.index(row, FIELD_COLUMN))

    def _kind_chosen(self, _index: int) -> None:
        self._propose(self.chosen_kind())

    def _mapping_changed(self) -> None:
        self._wizard().state.mapping = self.model.mapping
        self.problem.setText(self._mapping_problem())
        self.completeChanged.emit()

    def _mapping_problem(self) -> str:
        mapping = self.model.mapping
        if mapping is None:
            return ""
        if not mapping.fields & {"name", NAME_AND_PURPOSE}:
            return _("Choose the column that holds the name of each row.")
        return ""

    def isComplete(self) -> bool:
        return self.model.mapping is not None and not self._mapping_problem()

    # -- profiles ------------------------------------------------------------------------------
    def _fill_profiles(self) -> None:
        self.profiles.clear()
        names = self._wizard().imports.profiles()
        self.profiles.addItems(names)
        self.load_profile_button.setEnabled(bool(names))

    def _load_profile(self) -> None:
        name = self.profiles.currentText()
        state = self._wizard().state
        if not name or state.table is None:
            return
        try:
            mapping = self._wizard().imports.mapping_from_profile(state.table, name)
        except Exception as error:  # a profile from another layout: say so, keep the mapping
            show_error(self, _("The profile cannot be applied"), error)
            return
        self.kind.setCurrentIndex(max(0, self.kind.findData(mapping.kind.value)))
        self.show_mapping(mapping)

    def save_profile(self, name: str | None = None) -> None:
        if self.model.mapping is None:
            return
        if not name:
            name, accepted = QInputDialog.getText(
                self, _("Save as profile"), _("Name of the profile (e.g. the vendor's name):")
            )
            if not accepted or not name.strip():
                return
        try:
            self._wizard().imports.save_profile(name.strip(), self.model.mapping)
        except Exception as error:
            show_error(self, _("The profile cannot be saved"), error)
            return
        self._fill_profiles()
        self.profiles.setCurrentText(name.strip())
