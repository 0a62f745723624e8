"""Names a screen reader reads for widgets that have no text of their own.

Qt gives assistive technology a widget's accessibleName, else its own text (a button's), else
the text of a label whose buddy it is, but only a label that is the widget's sibling: the form
rows (a label beside a FieldRow holding the editor) and the composite editors (a list and its
filter inside one widget) were read as nameless "edit" and "table". These helpers set the
names, again on each language change.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QToolButton,
    QWidget,
)

from workbench.i18n import _

# Parts a user types or chooses in; buttons are named by their own text.
_PARTS = (QAbstractItemView, QAbstractSpinBox, QComboBox, QLineEdit, QPlainTextEdit, QTextEdit)
_NAMED_BY_FIELD = "accessibleNameFromField"  # property: the part's name is its field's label


def set_accessible_name(widget: QWidget, name: str) -> None:
    """`name` for `widget`; a line edit's clear button (an icon) is "Clear <name>"."""
    widget.setAccessibleName(name)
    if isinstance(widget, QLineEdit):
        for button in widget.findChildren(QToolButton):
            button.setAccessibleName(_("Clear {field}").format(field=name))


def label_name(text: str) -> str:
    """A label's text as a name: without its mnemonic '&' and its trailing colon."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").strip().rstrip(":").strip()


def name_field(editor: QWidget, label: str) -> None:
    """The form row's label names its editor and the parts inside it that have no name of
    their own (a table editor's table, a checklist's list, an editable combo's line edit)."""
    name = label_name(label)
    set_accessible_name(editor, name)
    for part in editor.findChildren(QWidget):
        if not isinstance(part, _PARTS):
            continue
        if part.property(_NAMED_BY_FIELD) or not part.accessibleName():
            part.setProperty(_NAMED_BY_FIELD, True)
            set_accessible_name(part, name)
