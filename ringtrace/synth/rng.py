"""The generator's random stream: :class:`random.Random` with cheaper integer draws.

``choice``, ``randint`` and ``randrange`` are the generator's hottest calls (millions per
province). The standard versions draw rejection-sampled bits; these scale one ``random()``
float instead, which is several times faster and just as deterministic (the bias, below
2**-40 for the small ranges used here, is irrelevant to synthetic data).
"""

from __future__ import annotations

import random
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from _typeshed import SupportsLenAndGetItem

T = TypeVar("T")


class Rng(random.Random):
    """A seeded stream (seed with a string such as ``"7:rings"``; same seed, same draws)."""

    def choice(self, seq: SupportsLenAndGetItem[T]) -> T:
        if not seq:
            raise IndexError("cannot choose from an empty sequence")
        return seq[int(self.random() * len(seq))]

    def randint(self, a: int, b: int) -> int:
        return a + int(self.random() * (b - a + 1))

    def randrange(self, start: int, stop: int | None = None, step: int = 1,
                  *args: Any) -> int:
        if stop is None:
            start, stop = 0, start
        if step != 1 or stop <= start:
            return super().randrange(start, stop, step)
        return start + int(self.random() * (stop - start))
