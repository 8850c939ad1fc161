"""How long jobs say how far they have got, without a terminal.

A scan, a pack, a report or a lead export can take minutes on a real province; the analyst
needs to see a total and a time left. Library code must stay usable from a notebook and must
not import click or tqdm (only ``ringtrace.cli`` draws bars), so a long job takes a
:class:`Progress` and reports through it: ``start(total, stage)`` when it knows how much work
a stage holds, then ``progress(n)`` as units are done. The CLI passes a bar; everyone else
passes nothing and gets :data:`SILENT`.

A :class:`Progress` is also a plain ``Callable[[int], None]``, the older form that ingest and
``copy_store`` take.
"""

from __future__ import annotations

from typing import Protocol


class Progress(Protocol):
    """Where a long job reports its progress."""

    def start(self, total: int, stage: str) -> None:
        """A stage of ``total`` units begins (a job may have several stages)."""

    def __call__(self, done: int = 1) -> None:
        """``done`` more units of the current stage are finished."""


class _Silent:
    """A :class:`Progress` that nobody watches."""

    def start(self, total: int, stage: str) -> None:
        return None

    def __call__(self, done: int = 1) -> None:
        return None


#: The progress of a job nobody watches.
SILENT: Progress = _Silent()


class Recorder:
    """A :class:`Progress` that keeps what it was told (for tests and benchmarks).

    >>> r = Recorder()
    >>> r.start(3, "pages"); r(2); r()
    >>> r.stages, r.done
    ([('pages', 3)], 3)
    """

    def __init__(self) -> None:
        self.stages: list[tuple[str, int]] = []
        self.done = 0

    def start(self, total: int, stage: str) -> None:
        self.stages.append((stage, total))

    def __call__(self, done: int = 1) -> None:
        self.done += done
