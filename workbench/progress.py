"""The Qt-free contract for long work: report progress and honour cancellation.

Importers, exporters and services take a `Progress`; the UI passes one that emits Qt signals,
the CLI one that draws on the terminal, tests one that records calls.
"""

from __future__ import annotations

from typing import Protocol


class Cancelled(Exception):  # noqa: N818 - it is not an error, it is what the user asked for
    """The user asked to stop. Whatever was under way is rolled back."""


class Progress(Protocol):
    def report(self, done: int, total: int, message: str = "") -> None: ...

    def check_cancelled(self) -> None:
        """Raise `Cancelled` if the user asked to stop."""


class NullProgress:
    """For callers that do not watch: never reports, never cancels."""

    def report(self, done: int, total: int, message: str = "") -> None:
        return None

    def check_cancelled(self) -> None:
        return None
