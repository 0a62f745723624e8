"""How a check's severity looks: one label and one colour, shared by the dashboard and checks."""

from __future__ import annotations

from PySide6.QtGui import QColor

from workbench.i18n import N_, _

# Keys are the compliance engine's Severity values, most severe first.
SEVERITY_COLOURS = {
    "error": QColor("#c62828"),
    "warning": QColor("#ef6c00"),
    "info": QColor("#1565c0"),
}
_SEVERITY_LABELS = {
    "error": N_("Errors"),
    "warning": N_("Warnings"),
    "info": N_("Information"),
}
_SEVERITY_SINGULAR = {
    "error": N_("Error"),
    "warning": N_("Warning"),
    "info": N_("Information"),
}


def severity_label(severity: str) -> str:
    """Plural heading: "Errors", "Warnings"..."""
    return _(_SEVERITY_LABELS.get(severity, severity))


def severity_name(severity: str) -> str:
    """One finding's severity: "Error", "Warning"..."""
    return _(_SEVERITY_SINGULAR.get(severity, severity))
