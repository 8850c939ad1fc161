"""The root click group and the options every command shares."""

from __future__ import annotations

import importlib
import os
from pathlib import Path

import click

from ringtrace import __version__
from ringtrace.graph.store.workspace import DEFAULT_NAME, Located, locate

DEFAULT_WORKSPACE = DEFAULT_NAME

#: Exit statuses every command shares (a command's --help lists its own beside these).
EXIT_STATUS = """\b
Exit status:
  0   done
  1   could not run (no workspace found, nothing matches, no path …): the
      message says how to fix it
  2   usage error
  4   the name matches several entities: they are listed, with their ids;
      run again with the id
  75  another ringtrace ingest or scan is writing to the workspace"""


#: the module (under ``ringtrace.cli``) defining each command, imported only when the command
#: runs or ``--help`` lists them: ``ringtrace employer`` need not import the document parser,
#: the scan, networkit or the Neo4j driver. A group whose subcommands live in several modules
#: names them all. ``tests/cli/test_app.py`` checks this table against what the modules define.
COMMAND_MODULES: dict[str, tuple[str, ...]] = {
    "agent": ("query_commands",),
    "demo": ("demo_commands",),
    "employer": ("query_commands",),
    "eval": ("detect_commands",),
    "export": ("graph_export_commands",),
    "feedback": ("feedback_commands",),
    "groups": ("query_commands",),
    "import-results": ("spark_commands",),
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
    "rules": ("rules_commands",),
    "scan": ("detect_commands",),
    "serve": ("serve_commands",),
    "spark": ("spark_commands",),
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
    """What the root group passes to commands: where the workspace is and how it was found.

    ``workspace`` is the path commands open (the discovered one, or ``./ringtrace-workspace``
    for a command that creates it); ``located`` says how it was chosen, for error messages.
    """

    def __init__(self, workspace: Path | Located, quiet: bool = False, lang: str = "zh") -> None:
        self.located = workspace if isinstance(workspace, Located) else Located(workspace,
                                                                                  "option")
        self.workspace = self.located.path
        self.quiet = quiet
        self.lang = lang


@click.group(cls=LazyGroup,
             context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
             epilog=EXIT_STATUS)
@click.option("--workspace", "-w", type=click.Path(file_okay=False, path_type=Path),
              help="Workspace directory (the embedded store). Default: $RINGTRACE_WORKSPACE, "
                   "else the first ringtrace-workspace/ (or .ringtrace pointer file, which "
                   "`ringtrace demo` writes) found walking up from the current directory, else "
                   "./ringtrace-workspace (created by `ingest`).")
@click.option("--quiet", "-q", is_flag=True,
              help="No progress bars (they are drawn on stderr when it is a terminal, or when "
                   "RINGTRACE_PROGRESS=1).")
@click.option("--lang", type=click.Choice(["zh", "en"]), envvar="RINGTRACE_LANG", default="zh",
              show_default=True,
              help="Language of table headers and rule names in the terminal (--json and --csv "
                   "keep field names and rule ids). Also $RINGTRACE_LANG.")
@click.version_option(__version__, prog_name="ringtrace")
@click.pass_context
def cli(ctx: click.Context, workspace: Path | None, quiet: bool, lang: str) -> None:
    """ringtrace: find the collusion rings behind sham labour-relationship cases.

    \b
    Typical session:
      ringtrace synth --seed 7 --cases 3000 --out province/
      ringtrace ingest province/
      ringtrace scan
      ringtrace rings
      ringtrace employer 安阳市某某劳务有限公司 --json

    The workspace is found the way git finds its repository: -w, else
    $RINGTRACE_WORKSPACE, else walking up from the current directory.
    """
    ctx.obj = Context(locate(workspace, os.environ, Path.cwd()), quiet=quiet, lang=lang)
    ctx.params["workspace"] = ctx.obj.workspace  # the audit line names the workspace used
