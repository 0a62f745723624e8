"""The window's cycle-collection policy: what lives is frozen at quiet moments, and a full
collection now and then still frees the reference cycles among frozen objects."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Callable, Iterator

import pytest
from pytestqt.qtbot import QtBot

from ui.garbage_collection import CollectionPolicy

pytestmark = pytest.mark.gui


class Node:
    """One object in a reference cycle: only the cycle collector can free it."""

    def __init__(self) -> None:
        self.itself = self


@pytest.fixture
def policy(qtbot: QtBot) -> Iterator[Callable[..., CollectionPolicy]]:
    made: list[CollectionPolicy] = []

    def make(quiet: bool = True, full_every_s: float = 3600.0) -> CollectionPolicy:
        made.append(CollectionPolicy(None, lambda: quiet, full_every_s))
        return made[-1]

    yield make
    for each in made:
        each.stop()
    assert gc.get_freeze_count() == 0  # the rest of the suite collects as Python does


def cycle() -> weakref.ref[Node]:
    return weakref.ref(Node())


def test_a_cycle_frozen_at_a_quiet_moment_waits_for_the_full_collection(
    policy: Callable[..., CollectionPolicy],
) -> None:
    collections = policy()
    node = Node()
    gone = weakref.ref(node)
    collections.tick()  # quiet: what is alive is frozen
    del node
    gc.collect()
    assert gone() is not None  # out of the automatic collections' sight
    assert collections.collect_everything() >= 1
    assert gone() is None
    assert gc.get_freeze_count() > 0  # frozen again after the full collection


def test_nothing_is_frozen_while_a_job_runs(policy: Callable[..., CollectionPolicy]) -> None:
    collections = policy(quiet=False)
    gone = cycle()  # made after the start-up freeze, never frozen: not quiet
    collections.tick()
    gc.collect()
    assert gone() is None


def test_a_quiet_moment_collects_everything_once_the_frozen_heap_grew(
    policy: Callable[..., CollectionPolicy],
) -> None:
    collections = policy(full_every_s=0.0)  # the interval has passed
    node = Node()
    gone = weakref.ref(node)
    collections.tick()  # frozen: what lives has not grown by a quarter since the start
    del node
    collections.tick()
    assert gone() is not None
    grown = [Node() for _ in range(gc.get_freeze_count() // 3)]
    assert collections.full_collection_due() is False  # not frozen yet
    collections.tick()  # frozen, and now a third more than after the last full collection
    assert collections.full_collection_due() is False  # collected just now: back to steady
    assert gone() is None
    del grown


def test_collections_run_on_the_gui_thread_only(qtbot: QtBot) -> None:
    """A job thread allocating far past the thresholds triggers no collection there (one
    could free a Qt object on that thread: GuiThreadCollections); the GUI thread's timer
    collects what it left, cycles included."""
    import threading

    collecting_threads: list[int] = []

    def record(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            collecting_threads.append(threading.get_ident())

    gc.callbacks.append(record)
    try:
        job_thread: list[int] = []
        left: list[weakref.ref[Node]] = []

        def allocate() -> None:
            job_thread.append(threading.get_ident())
            left.extend(cycle() for _ in range(50_000))  # 70x Python's first threshold

        worker = threading.Thread(target=allocate)
        worker.start()
        worker.join()
        assert job_thread[0] not in collecting_threads
        assert any(ref() is not None for ref in left)  # nothing collected them yet
        qtbot.waitUntil(lambda: all(ref() is None for ref in left), timeout=5_000)
        assert set(collecting_threads) == {threading.get_ident()}
    finally:
        gc.callbacks.remove(record)


def _young_collection_due() -> None:
    """Python's count of the youngest generation past its threshold (tracked allocations)."""
    while gc.get_count()[0] <= gc.get_threshold()[0]:
        _made.append([])


_made: list[list[object]] = []


def _tracked(obj: object) -> bool:
    """In one of the collector's generations (not frozen out of its sight)."""
    return any(o is obj for o in gc.get_objects())


@pytest.mark.parametrize("job_running", [True, False])
def test_while_a_job_runs_what_survives_a_young_collection_is_frozen(
    qtbot: QtBot, job_running: bool
) -> None:
    """A job's work in progress is not walked again by each older collection (30-70 ms at
    10,000 treatments, bench_ui.py's open): frozen once it survived a young collection. A
    cycle that died young is freed all the same."""
    from ui.garbage_collection import GuiThreadCollections

    collections = GuiThreadCollections(None, lambda: job_running)
    try:
        gc.collect()  # the generations empty: what follows is young
        alive = Node()
        dead = cycle()
        _young_collection_due()
        collections.collect_due()
        assert dead() is None
        assert _tracked(alive) is not job_running  # frozen while a job runs, else promoted
    finally:
        collections.stop()
        _made.clear()
        gc.unfreeze()


def test_the_policy_freezes_the_survivors_only_while_a_job_runs(
    policy: Callable[..., CollectionPolicy],
) -> None:
    for quiet in (True, False):
        collections = policy(quiet=quiet)
        gc.unfreeze()
        gc.collect()
        alive = Node()
        _young_collection_due()
        collections.on_gui_thread.collect_due()
        assert _tracked(alive) is quiet
        _made.clear()
        collections.stop()
