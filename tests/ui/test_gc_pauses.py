"""What the window holds is frozen once its jobs are done, so that the collector's passes
during the next jobs skip it; frozen garbage cycles are reclaimed once the frozen set doubled."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtWidgets import QWidget

from ui import gc_pauses
from ui.jobs import QtProgress, run_job, shutdown

pytestmark = pytest.mark.gui


class Held:
    """An object the collector tracks (instances of Python classes always are)."""

    other: object = None


def young(obj: object) -> bool:
    """In a generation the collector walks (not frozen)."""
    return any(o is obj for o in gc.get_objects())


@pytest.fixture(autouse=True)
def _drain_pools() -> Iterator[None]:
    yield
    assert shutdown(5000)


def test_what_a_job_returned_is_frozen_once_no_job_runs(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    kept: list[Held] = []
    young_when_delivered: list[bool] = []

    def delivered(result: list[Held]) -> None:
        kept.extend(result)
        young_when_delivered.append(young(result[0]))

    def make(_progress: QtProgress) -> list[Held]:
        return [Held() for _ in range(3)]

    run_job(parent, make, writes=False).on_success(delivered).start()
    qtbot.waitUntil(lambda: bool(young_when_delivered), timeout=5000)
    assert young_when_delivered == [True]
    qtbot.waitUntil(lambda: not young(kept[0]), timeout=5000)
    assert gc.is_tracked(kept[0])  # still an object the collector knows: frozen, not lost


def test_frozen_cycles_are_reclaimed_once_the_frozen_set_doubled(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(gc_pauses, "_frozen_after_full_pass", gc.get_freeze_count())
    cycle = Held()
    cycle.other = cycle
    alive = weakref.ref(cycle)
    gc_pauses.freeze_long_lived()
    del cycle
    gc.collect()
    assert alive() is not None  # frozen: collections skip it
    gc_pauses.freeze_long_lived()  # the frozen set has not doubled: still kept
    assert alive() is not None
    monkeypatch.setattr(gc_pauses, "FULL_PASS_MIN_GROWTH", 0)
    monkeypatch.setattr(gc_pauses, "_frozen_after_full_pass", gc.get_freeze_count() // 3)
    gc_pauses.freeze_long_lived()
    assert alive() is None
    assert gc.get_freeze_count() > 0  # frozen again after the full pass


def test_the_window_leaves_full_passes_to_the_freeze(qtbot: QtBot) -> None:
    before = gc.get_threshold()
    try:
        gc_pauses.install()
        young_pass, middle_pass, full_pass = gc.get_threshold()
        assert (young_pass, middle_pass) == before[:2]
        assert full_pass == gc_pauses.FULL_PASS_EVERY
    finally:
        gc.set_threshold(*before)
