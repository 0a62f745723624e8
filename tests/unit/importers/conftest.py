from __future__ import annotations

import pytest

from importers import TableCandidate, read_tables
from tests.conftest import DATA_DIR
from workbench.progress import Cancelled


@pytest.fixture
def annex2_docx_table() -> TableCandidate:
    return read_tables(DATA_DIR / "annex2.docx")[0]


class RecordingProgress:
    """Records every report; raises Cancelled once `cancel_at` rows are done."""

    def __init__(self, cancel_at: int | None = None) -> None:
        self.calls: list[tuple[int, int]] = []
        self.cancel_at = cancel_at

    def report(self, done: int, total: int, message: str = "") -> None:
        self.calls.append((done, total))

    def check_cancelled(self) -> None:
        if self.cancel_at is not None and len(self.calls) >= self.cancel_at:
            raise Cancelled
