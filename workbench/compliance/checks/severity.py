"""A finding's severity, in a module of its own: the CLI offers its values as --severity choices
without importing the engine (dataclasses, the snapshot's types) to build its parser."""

from __future__ import annotations

from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {Severity.ERROR: 2, Severity.WARNING: 1, Severity.INFO: 0}[self]

    def at_least(self, threshold: Severity) -> bool:
        return self.rank >= threshold.rank
