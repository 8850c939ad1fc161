"""Helpers shared by command modules: opening the store, error translation, progress bars,
and the audit hook (every command that opens the store leaves one line in the audit log)."""

from __future__ import annotations

import os
import shlex
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click
from tqdm import tqdm

from ringtrace.cli.app import Context
from ringtrace.cli.output import language, printable, table, to_json
from ringtrace.errors import NotFound, RingtraceError, WorkspaceBusy
from ringtrace.graph.audit import AuditEntry, audit_entry, write_entry
from ringtrace.graph.store import GraphStore, open_store
from ringtrace.queries.candidates import AmbiguousName, Candidate
from ringtrace.resolve import AmbiguousEntity


def unmask_option(func: Callable[..., Any]) -> Callable[..., Any]:
    """``--unmask``: write ID numbers, phones and birth dates in full (the audit log records
    the command's options, so the choice is on record)."""
    return click.option(
        "--unmask", is_flag=True,
        help="Write ID numbers, phones and birth dates in full (masked by default; the audit "
             "log records the choice).")(func)


def every_option(who: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """``--all``: when a name matches several ``who`` (agents, people), profile them all."""
    return click.option(
        "--all", "every", is_flag=True,
        help=f"When the name matches several {who}, profile them all instead of listing the "
             "candidates.")


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


#: Characters that the shell treats specially in an unquoted word.
_SHELL_SPECIAL = frozenset("|&;<>()$`\\\"' \t\n*?[#~")

#: Exit status when a name matches several entities (the candidates are listed).
EXIT_AMBIGUOUS = 4


class AmbiguousError(click.ClickException):
    """A name matched several entities: list them (a table on stderr, or JSON on stdout with
    ``--json``) and exit 4, so that a script never goes on with a guess."""

    exit_code = EXIT_AMBIGUOUS

    def __init__(self, exc: AmbiguousName, as_json: bool) -> None:
        super().__init__(printable(str(exc)))
        self.ambiguous, self.as_json = exc, as_json
        self.lang = language()  # shown after the command's context has closed

    def show(self, file: Any = None) -> None:
        if self.as_json:
            click.echo(to_json(self.ambiguous.to_dict()))
            return
        rows = [{"id": c.id, "kind": c.kind, "name": c.name,
                 "former_name": f"曾用名 {c.former_name}" if c.former_name else "",
                 "cases": c.cases, "detail": c.detail} for c in self.ambiguous.candidates]
        columns = ["id", "name", "former_name", "detail"]
        if len({c.kind for c in self.ambiguous.candidates}) > 1:
            columns.insert(1, "kind")
        if not any(c.former_name for c in self.ambiguous.candidates):
            columns.remove("former_name")
        text = f"Error: {self.message}:\n\n{table(rows, columns, max_width=60, lang=self.lang)}"
        special = [c.id for c in self.ambiguous.candidates if _SHELL_SPECIAL.intersection(c.id)]
        if special:  # a person's id holds "|": unquoted, the shell would make it a pipe
            text += f"\n\nquote the id in the shell, e.g. {printable(shlex.quote(special[0]))}"
        click.echo(text, err=True)


@contextmanager
def translated_errors(*, as_json: bool = False) -> Iterator[None]:
    """Turn ringtrace errors into click errors (the only place where that happens).

    ``as_json``: the command was asked for JSON, so a list of candidates is written as JSON.
    """
    try:
        yield
    except AmbiguousName as exc:
        raise AmbiguousError(exc, as_json) from exc
    except AmbiguousEntity as exc:  # `resolve same/not-same/split/explain` name lookups
        raise AmbiguousError(AmbiguousName(exc.text, "entity", [
            Candidate(c.entity_id, c.kind, c.name, None, None,
                      f"{c.members} mentions" + (f", {c.hint}" if c.hint else ""))
            for c in exc.candidates]), as_json) from exc
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
        if store_uri is None and not create:
            ctx.located.require()  # says where it looked and how to point at a workspace
        if create and ctx.located.how in ("here", "folder", "pointer"):
            # a writer on a workspace found by walking up says which one (on stderr)
            click.echo(f"workspace: {printable(ctx.located.describe())}", err=True)
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


def use_audit_entry(entry: AuditEntry) -> None:
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


class Bar:
    """A tqdm bar on stderr that library code drives as a :class:`ringtrace.progress.Progress`
    (and as the older ``Callable[[int], None]``)."""

    def __init__(self, bar: tqdm, desc: str) -> None:
        self.bar, self.desc = bar, desc

    def start(self, total: int, stage: str) -> None:
        self.bar.reset(total=total)
        self.bar.set_description(f"{self.desc}: {stage}" if stage else self.desc)

    def __call__(self, done: int = 1) -> None:
        self.bar.update(done)

    def note(self, text: str) -> None:
        """Show what is being done now beside the bar (a scan's current step)."""
        self.bar.set_postfix_str(text)


def step_progress(bar: Bar) -> Callable[[str], None]:
    """A callback for named steps (a scan's :data:`~ringtrace.queries.scan.STEPS`) that moves
    ``bar`` on by one each time the next step begins and shows the step's name."""
    seen: list[str] = []

    def step(name: str) -> None:
        bar(1 if seen else 0)
        seen.append(name)
        bar.note(name)

    return step


def progress_shown() -> bool:
    """Bars are drawn on a terminal, unless --quiet; RINGTRACE_PROGRESS=1 forces them on (e.g.
    when stderr goes to a log file) and RINGTRACE_PROGRESS=0 off."""
    click_ctx = click.get_current_context(silent=True)
    obj = click_ctx.find_root().obj if click_ctx is not None else None
    if getattr(obj, "quiet", False):
        return False
    forced = os.environ.get("RINGTRACE_PROGRESS", "")
    if forced:
        return forced not in ("0", "no", "false")
    return sys.stderr.isatty()


@contextmanager
def progress_bar(total: int | None, desc: str, unit: str = "rec") -> Iterator[Bar]:
    """A bar on stderr with the total and the time left (hidden: see :func:`progress_shown`)."""
    with tqdm(total=total, desc=desc, unit=unit, disable=not progress_shown(), leave=False,
              dynamic_ncols=True, file=sys.stderr) as bar:
        yield Bar(bar, desc)
