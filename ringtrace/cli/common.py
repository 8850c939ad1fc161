"""Helpers shared by command modules: opening the store, error translation, progress bars,
and the audit hook (every command that opens the store leaves one line in the audit log)."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click
from tqdm import tqdm

from ringtrace.cli.app import Context
from ringtrace.cli.output import printable
from ringtrace.errors import NotFound, RingtraceError, WorkspaceBusy
from ringtrace.graph.audit import audit_entry, write_entry
from ringtrace.graph.store import GraphStore, open_store


def store_option(func: Callable[..., Any]) -> Callable[..., Any]:
    """``--store URI``: read from a Neo4j server instead of the workspace."""
    return click.option(
        "--store", "store_uri", default=lambda: os.environ.get("RINGTRACE_STORE"),
        metavar="URI", help="Read from this store instead of the workspace, e.g. "
        "neo4j://localhost:7687 (or set RINGTRACE_STORE). Credentials from NEO4J_USER/NEO4J_PASSWORD.",
    )(func)


#: Exit status when another ringtrace process is writing to the workspace (EX_TEMPFAIL).
EXIT_BUSY = 75


class BusyError(click.ClickException):
    """The workspace's writer lock is held by another process: exit 75, try again later."""

    exit_code = EXIT_BUSY


@contextmanager
def translated_errors() -> Iterator[None]:
    """Turn ringtrace errors into click errors (the only place where that happens)."""
    try:
        yield
    except WorkspaceBusy as exc:
        raise BusyError(printable(str(exc))) from exc
    except NotFound as exc:
        raise click.ClickException(printable(str(exc))) from exc
    except RingtraceError as exc:
        raise click.ClickException(printable(str(exc))) from exc


@contextmanager
def opened_store(ctx: Context, *, create: bool = False, store_uri: str | None = None
                 ) -> Iterator[GraphStore]:
    """The store, closed afterwards; the command's audit line is written when it ends."""
    with translated_errors():
        store = open_store(store_uri or ctx.workspace, create=create)
        state = _audit_state(ctx.workspace)
        try:
            yield store
        except BaseException as exc:
            if state is not None:
                state["status"] = "error"
                state["result"]["error"] = str(exc) or type(exc).__name__
            raise
        finally:
            if state is not None:
                _note_store(state, store)
            store.close()


# -- audit hook ----------------------------------------------------------------------------
_AUDIT = "ringtrace.audit"


def current_command() -> tuple[str, dict[str, Any]]:
    """``("ringtrace leads export", {...params of every level...})`` for the running command."""
    click_ctx = click.get_current_context()
    names: list[str] = []
    params: dict[str, Any] = {}
    node: click.Context | None = click_ctx
    while node is not None:
        if node.parent is not None and node.info_name:
            names.append(node.info_name)
        params = {**node.params, **params}
        node = node.parent
    return " ".join(["ringtrace", *reversed(names)]), params


def _audit_state(workspace: Path) -> dict[str, Any] | None:
    """The running command's audit record; the first call arranges for it to be written."""
    click_ctx = click.get_current_context(silent=True)
    if click_ctx is None:
        return None
    root = click_ctx.find_root()
    state: dict[str, Any] | None = root.meta.get(_AUDIT)
    if state is None:
        command, params = current_command()
        state = {"command": command, "params": params, "status": "ok", "result": {},
                 "entry": None}
        root.meta[_AUDIT] = state
        root.call_on_close(lambda: _write_audit(state, workspace))
    return state


def audit_result(**summary: Any) -> None:
    """Add counts or other figures to the result summary of the running command's audit line."""
    click_ctx = click.get_current_context(silent=True)
    state = click_ctx.find_root().meta.get(_AUDIT) if click_ctx else None
    if state is not None:
        state["result"].update(summary)


def use_audit_entry(entry: dict[str, Any]) -> None:
    """Log exactly ``entry`` for the running command (an evidence pack carries a copy of it).

    Call it inside :func:`opened_store`, which starts the command's audit record.
    """
    click_ctx = click.get_current_context(silent=True)
    state = click_ctx.find_root().meta.get(_AUDIT) if click_ctx else None
    if state is not None:
        state["entry"] = entry


def _note_store(state: dict[str, Any], store: GraphStore) -> None:
    """Record what the workspace holds after the command: totals and the snapshot id."""
    try:
        counts = store.counts()
        state["result"].setdefault("workspace", {}).update(
            {section: sum(values.values()) for section, values in counts.items()})
        state["result"]["snapshot"] = store.snapshot()
    except RingtraceError as exc:  # the command's own outcome matters more than the summary
        state["result"]["summary_error"] = str(exc)


def _write_audit(state: dict[str, Any], workspace: Path) -> None:
    if not Path(workspace).is_dir():
        return
    entry = state.get("entry") or audit_entry(state["command"], state["params"], state["result"],
                                              status=state["status"])
    try:
        write_entry(workspace, entry)
    except RingtraceError as exc:
        click.echo(f"warning: {printable(str(exc))}", err=True)


@contextmanager
def progress_bar(total: int | None, desc: str, unit: str = "rec") -> Iterator[Callable[[int], None]]:
    """A tqdm bar on stderr (hidden when stderr is not a terminal and RINGTRACE_PROGRESS unset)."""
    disable = not (os.environ.get("RINGTRACE_PROGRESS") or sys.stderr.isatty())
    with tqdm(total=total, desc=desc, unit=unit, disable=disable, leave=False,
              dynamic_ncols=True) as bar:
        yield bar.update
