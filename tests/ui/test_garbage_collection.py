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


def test_a_quiet_moment_after_the_interval_collects_everything(
    policy: Callable[..., CollectionPolicy],
) -> None:
    collections = policy()
    node = Node()
    gone = weakref.ref(node)
    collections.tick()
    del node
    collections._full_every_s = 0.0  # the interval has passed
    collections.tick()
    assert gone() is None
