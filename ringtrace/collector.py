"""Pausing Python's cyclic garbage collector around bulk work that makes no reference cycles."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector for the block, then resume it if it was running.

    Building an analysis frame, running the rule catalogue or resolving entities creates
    millions of small objects without reference cycles (findings, mentions, per-frame indexes,
    union-find entries). Each of them counts towards the next automatic collection, and each
    full collection walks everything alive - seconds per province - to free nothing. Reference
    counting still frees everything as usual.

    >>> with collector_paused():
    ...     gc.isenabled()
    False
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
