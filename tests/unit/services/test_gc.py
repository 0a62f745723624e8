"""An import raises the collector's young threshold while it runs, and puts it back after."""

from __future__ import annotations

import gc

import pytest

from workbench.services._gc import BULK_THRESHOLD, fewer_collections


def test_the_threshold_is_raised_inside_nested_blocks_and_restored_after_them() -> None:
    before = gc.get_threshold()
    try:
        gc.set_threshold(700, before[1], before[2])
        with fewer_collections():
            assert gc.get_threshold() == (BULK_THRESHOLD, before[1], before[2])
            with fewer_collections():
                assert gc.get_threshold()[0] == BULK_THRESHOLD
            assert gc.get_threshold()[0] == BULK_THRESHOLD  # the outer block still runs
        assert gc.get_threshold() == (700, before[1], before[2])
        with pytest.raises(RuntimeError), fewer_collections():
            raise RuntimeError("an import that fails")
        assert gc.get_threshold() == (700, before[1], before[2])
    finally:
        gc.set_threshold(*before)


def test_a_higher_threshold_set_by_the_application_is_kept() -> None:
    before = gc.get_threshold()
    try:
        gc.set_threshold(50_000)
        with fewer_collections():
            assert gc.get_threshold()[0] == 50_000
        assert gc.get_threshold()[0] == 50_000
    finally:
        gc.set_threshold(*before)
