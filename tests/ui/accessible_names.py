"""Which interactive widgets of a widget tree a screen reader cannot name.

The name is the one Qt's accessibility gives to assistive technology
(QAccessibleInterface.text(Name)): the widget's accessibleName, else its own text (a button's),
else the text of the label whose buddy it is (QFormLayout rows set that buddy). A widget a
user can act on (it takes keyboard focus, or is a button) and that is visible needs one.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QCalendarWidget,
    QComboBox,
    QHeaderView,
    QScrollArea,
    QScrollBar,
    QSplitter,
    QStackedWidget,
    QTabBar,
    QTabWidget,
    QWidget,
)

# Parts Qt draws inside a composite widget, named through the widget that owns them.
_INNER_PARTS = (QScrollBar, QHeaderView)
_COMPOSITES = (QComboBox, QAbstractSpinBox, QCalendarWidget, QTabBar, QAbstractItemView)
# Containers: a screen reader goes through to what they hold (their tabs, their rows).
_CONTAINERS = (QScrollArea, QStackedWidget, QTabWidget, QSplitter)


def accessible_name(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    if interface is None:
        return ""
    return (interface.text(QAccessible.Text.Name) or "").strip()


def interactive(widget: QWidget, root: QWidget) -> bool:
    if isinstance(widget, _INNER_PARTS + _CONTAINERS) or not widget.isVisibleTo(root):
        return False
    parent = widget.parentWidget()
    if isinstance(parent, QAbstractScrollArea) and widget is parent.viewport():
        return False
    while parent is not None and parent is not root:
        if isinstance(parent, _COMPOSITES):
            return False  # a combo's line edit, a table's corner button, a spin box's editor
        parent = parent.parentWidget()
    if isinstance(widget, QAbstractButton):
        return True
    return widget.focusPolicy() != Qt.FocusPolicy.NoFocus


def describe(widget: QWidget) -> str:
    name = widget.objectName() or "-"
    parent = widget.parentWidget()
    owner = type(parent).__name__ if parent is not None else "-"
    return f"{type(widget).__name__}({name}) in {owner}"


def unnamed_widgets(root: QWidget) -> list[str]:
    """The interactive widgets under `root` (itself included) that have no accessible name."""
    widgets = [root, *root.findChildren(QWidget)]
    return sorted(describe(w) for w in widgets if interactive(w, root) and not accessible_name(w))
