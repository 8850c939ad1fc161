"""Helpers shared by command modules: opening the store, error translation, progress bars."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import click
from tqdm import tqdm

from ringtrace.cli.app import Context
from ringtrace.errors import NotFound, RingtraceError
from ringtrace.graph.store import GraphStore, open_store


def store_option(func: Callable[..., Any]) -> Callable[..., Any]:
    """``--store URI``: read from a Neo4j server instead of the workspace."""
    return click.option(
        "--store", "store_uri", default=lambda: os.environ.get("RINGTRACE_STORE"),
        metavar="URI", help="Read from this store instead of the workspace, e.g. "
        "neo4j://localhost:7687 (or set RINGTRACE_STORE). Credentials from NEO4J_USER/NEO4J_PASSWORD.",
    )(func)


@contextmanager
def translated_errors() -> Iterator[None]:
    """Turn ringtrace errors into click errors (the only place where that happens)."""
    try:
        yield
    except NotFound as exc:
        raise click.ClickException(str(exc)) from exc
    except RingtraceError as exc:
        raise click.ClickException(str(exc)) from exc


@contextmanager
def opened_store(ctx: Context, *, create: bool = False, store_uri: str | None = None
                 ) -> Iterator[GraphStore]:
    with translated_errors():
        store = open_store(store_uri or ctx.workspace, create=create)
        try:
            yield store
        finally:
            store.close()


@contextmanager
def progress_bar(total: int | None, desc: str, unit: str = "rec") -> Iterator[Callable[[int], None]]:
    """A tqdm bar on stderr (hidden when stderr is not a terminal and RINGTRACE_PROGRESS unset)."""
    disable = not (os.environ.get("RINGTRACE_PROGRESS") or sys.stderr.isatty())
    with tqdm(total=total, desc=desc, unit=unit, disable=disable, leave=False,
              dynamic_ncols=True) as bar:
        yield bar.update
