"""The import wizard's first question: which organisation of our own the rows go to.

Rows that name their organisation (a column, a section title) go to it; the others go to the
one chosen here. On an empty register there is none yet: the wizard asks for its name on this
first page and the import creates it in its own operation (undo takes both back), so the
preview never fails for want of an organisation three pages later.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from workbench.i18n import _

NEW = "\x00new"  # the combo's data for "a new organisation"


class OrganisationChoice(QWidget):
    """An existing organisation of our own, or the name of a new one."""

    changed = Signal()

    def __init__(self, own: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.combo = QComboBox()
        self.combo.setObjectName("import_organisation")
        self.combo.setAccessibleName(_("Organisation to import into"))
        if len(own) > 1:
            self.combo.addItem(_("Choose…"), None)
        for name in own:
            self.combo.addItem(name, name)
        self.combo.addItem(_("A new organisation…"), NEW)
        self.new_name = QLineEdit()
        self.new_name.setObjectName("import_new_organisation")
        self.new_name.setAccessibleName(_("Name of the new organisation"))
        self.new_name.setPlaceholderText(_("Name of your organisation (created by the import)"))
        if not own:
            self.combo.setCurrentIndex(self.combo.findData(NEW))
        self.combo.currentIndexChanged.connect(self._chosen)
        self.new_name.textChanged.connect(self.changed)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel(_("Rows that name no organisation go to:")))
        row.addWidget(self.combo)
        row.addWidget(self.new_name, 1)
        self._chosen()

    def _chosen(self, _index: int = 0) -> None:
        creating = self.combo.currentData() == NEW
        self.new_name.setVisible(creating)
        if creating:
            self.new_name.setFocus()
        self.changed.emit()

    def value(self) -> str | None:
        """The organisation's name (an existing one, or the new one to create); None: not yet
        chosen."""
        data = self.combo.currentData()
        if data == NEW:
            return self.new_name.text().strip() or None
        return str(data) if data else None

    def is_new(self) -> bool:
        return bool(self.combo.currentData() == NEW)

    def choose_new(self, name: str) -> None:
        self.combo.setCurrentIndex(self.combo.findData(NEW))
        self.new_name.setText(name)


class VendorChoice(QWidget):
    """ "This file is a vendor's own list": its rows become that vendor's subprocessors (its
    chain), each import a version compared with the one before."""

    changed = Signal()

    def __init__(self, vendors: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.enabled = QCheckBox(_("This is a vendor's own list of its subprocessors, for:"))
        self.enabled.setObjectName("import_of_vendor")
        self.combo = QComboBox()
        self.combo.setObjectName("import_vendor")
        self.combo.setAccessibleName(_("Vendor whose list this is"))
        self.combo.addItems(vendors)
        self.combo.setEnabled(False)
        self.enabled.setEnabled(bool(vendors))
        self.enabled.toggled.connect(self._toggled)
        self.combo.currentIndexChanged.connect(self.changed)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.enabled)
        row.addWidget(self.combo, 1)

    def _toggled(self, on: bool) -> None:
        self.combo.setEnabled(on)
        self.changed.emit()

    def value(self) -> str | None:
        return self.combo.currentText() or None if self.enabled.isChecked() else None
