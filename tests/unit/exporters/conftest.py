from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from tests.unit.exporters.sample_register import SampleIds, fill_sample
from workbench.domain.snapshot import RegisterSnapshot
from workbench.progress import Cancelled
from workbench.services import Register
from workbench.services.export_service import ExportService


@pytest.fixture
def sample_ids(register: Register) -> SampleIds:
    return fill_sample(register)


@pytest.fixture
def snapshot(register: Register, sample_ids: SampleIds) -> RegisterSnapshot:
    return ExportService(register).snapshot()


@dataclass
class RecordingProgress:
    """Records every report; raises Cancelled at the `cancel_at`-th check when set."""

    cancel_at: int | None = None
    reports: list[tuple[int, int, str]] = field(default_factory=list)
    checks: int = 0

    def report(self, done: int, total: int, message: str = "") -> None:
        self.reports.append((done, total, message))

    def check_cancelled(self) -> None:
        self.checks += 1
        if self.cancel_at is not None and self.checks >= self.cancel_at:
            raise Cancelled
