"""Short garbage-collector pauses with a large register open.

CPython's full collection walks every object it tracks while holding the GIL. With a
10,000-treatment register the window holds some 200,000 of them (list rows, findings, the
journal page), and each job reading the register allocates enough to trigger full passes: at
10k one pass took 250–460 ms, on whichever thread allocated, and the GUI thread, waiting for
the GIL, painted nothing meanwhile (`bench/bench_ui.py` with a gc callback: 11.5 s of
collection in one run, its longest pauses the longest stalls).

So, with the window open (`install`):
- the automatic collector keeps its young passes (generations 0 and 1: a few thousand
  objects, about a millisecond, which reclaim most garbage cycles) but practically never
  starts a full one on its own (`gc.set_threshold`: a full pass is considered after 10,000
  young-generation passes instead of 10);
- what the window holds once the work after a change has settled is long-lived: it is frozen
  (`gc.freeze`, https://docs.python.org/3/library/gc.html#gc.freeze: moved to a permanent
  generation that collections skip). Frozen objects are still freed by reference counting
  when dropped (the rows a reload replaces go at once); only garbage *cycles* among them wait;
- that wait is bounded: when the frozen set has doubled since the last full pass (and grown
  by a million objects), it is unfrozen and collected in full once (a long pause, rare: the
  set only grows with the data held or with leaked cycles), then frozen again.
"""

from __future__ import annotations

import gc

# The frozen set may grow by this factor, and by at least FULL_PASS_MIN_GROWTH objects,
# before one full collection reclaims the cycles frozen with it.
FULL_PASS_GROWTH = 2
FULL_PASS_MIN_GROWTH = 1_000_000

# The oldest generation is collected on its own after this many passes of the middle one.
FULL_PASS_EVERY = 10_000

_frozen_after_full_pass: int | None = None  # frozen count after the last full pass


def install() -> None:
    """Young passes only, as the window opens (see the module's docstring)."""
    young, middle, _old = gc.get_threshold()
    gc.set_threshold(young, middle, FULL_PASS_EVERY)


def freeze_long_lived() -> None:
    """Freeze what survives a young collection; collect in full when the frozen set doubled.

    Called on the GUI thread when no job runs: the young pass (generations 0 and 1, a few
    thousand objects, ~1 ms) reclaims the cycles just dropped before they are frozen."""
    global _frozen_after_full_pass  # noqa: PLW0603 - one collector per process
    if _frozen_after_full_pass is None:
        _frozen_after_full_pass = gc.get_freeze_count()
    limit = max(
        _frozen_after_full_pass * FULL_PASS_GROWTH,
        _frozen_after_full_pass + FULL_PASS_MIN_GROWTH,
    )
    if gc.get_freeze_count() > limit:
        gc.unfreeze()
        gc.collect()
        gc.freeze()
        _frozen_after_full_pass = gc.get_freeze_count()
        return
    gc.collect(1)
    gc.freeze()
