"""The root click group and the options every command shares."""

from __future__ import annotations

import importlib
import os
from pathlib import Path

import click

from ringtrace import __version__

DEFAULT_WORKSPACE = "ringtrace-workspace"


#: the module (under ``ringtrace.cli``) defining each command, imported only when the command
#: runs or ``--help`` lists them: ``ringtrace employer`` need not import the document parser,
#: the scan, networkit or the Neo4j driver. A group whose subcommands live in several modules
#: names them all. ``tests/cli/test_app.py`` checks this table against what the modules define.
COMMAND_MODULES: dict[str, tuple[str, ...]] = {
    "agent": ("query_commands",),
    "demo": ("demo_commands",),
    "employer": ("query_commands",),
    "eval": ("detect_commands",),
    "feedback": ("feedback_commands",),
    "groups": ("query_commands",),
    "ingest": ("data_commands",),
    "leads": ("query_commands", "export_commands"),
    "pack": ("pack_commands",),
    "parse": ("parse_commands",),
    "path": ("query_commands",),
    "person": ("query_commands",),
    "push": ("neo4j_commands",),
    "quarantine": ("data_commands",),
    "report": ("demo_commands",),
    "resolve": ("resolve_commands",),
    "ring": ("query_commands",),
    "rings": ("query_commands",),
    "scan": ("detect_commands",),
    "status": ("data_commands",),
    "synth": ("synth_commands",),
}


class LazyGroup(click.Group):
    """A group whose commands are imported from :data:`COMMAND_MODULES` when first asked for."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*self.commands, *COMMAND_MODULES})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        load_command(cmd_name)
        return self.commands.get(cmd_name)


def load_command(name: str) -> None:
    """Import the modules that define command ``name`` (they register it on :data:`cli`)."""
    for module in COMMAND_MODULES.get(name, ()):
        importlib.import_module(f"ringtrace.cli.{module}")


def load_all_commands() -> dict[str, click.Command]:
    """Every command, all modules imported (for tests and tools that walk the whole CLI)."""
    for name in COMMAND_MODULES:
        load_command(name)
    return dict(sorted(cli.commands.items()))


class Context:
    """What the root group passes to commands: where the workspace is."""

    def __init__(self, workspace: Path) -> None:
        self.workspace = workspace


@click.group(cls=LazyGroup,
             context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.option("--workspace", "-w", type=click.Path(file_okay=False, path_type=Path),
              default=lambda: os.environ.get("RINGTRACE_WORKSPACE", DEFAULT_WORKSPACE),
              show_default="./ringtrace-workspace or $RINGTRACE_WORKSPACE",
              help="Workspace directory (the embedded store).")
@click.version_option(__version__, prog_name="ringtrace")
@click.pass_context
def cli(ctx: click.Context, workspace: Path) -> None:
    """ringtrace: find the collusion rings behind sham labour-relationship cases.

    \b
    Typical session:
      ringtrace synth --seed 7 --cases 3000 --out province/
      ringtrace ingest province/
      ringtrace scan
      ringtrace rings
      ringtrace employer 安阳市某某劳务有限公司 --json
    """
    ctx.obj = Context(workspace)
