"""The root click group and the options every command shares."""

from __future__ import annotations

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


class Context:
    """What the root group passes to commands: where the workspace is and how it was found.

    ``workspace`` is the path commands open (the discovered one, or ``./ringtrace-workspace``
    for a command that creates it); ``located`` says how it was chosen, for error messages.
    """

    def __init__(self, workspace: Path | Located, quiet: bool = False) -> None:
        self.located = workspace if isinstance(workspace, Located) else Located(workspace,
                                                                                  "option")
        self.workspace = self.located.path
        self.quiet = quiet


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
             epilog=EXIT_STATUS)
@click.option("--workspace", "-w", type=click.Path(file_okay=False, path_type=Path),
              help="Workspace directory (the embedded store). Default: $RINGTRACE_WORKSPACE, "
                   "else the first ringtrace-workspace/ (or .ringtrace pointer file, which "
                   "`ringtrace demo` writes) found walking up from the current directory, else "
                   "./ringtrace-workspace (created by `ingest`).")
@click.option("--quiet", "-q", is_flag=True,
              help="No progress bars (they are drawn on stderr when it is a terminal, or when "
                   "RINGTRACE_PROGRESS=1).")
@click.version_option(__version__, prog_name="ringtrace")
@click.pass_context
def cli(ctx: click.Context, workspace: Path | None, quiet: bool) -> None:
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
    ctx.obj = Context(locate(workspace, os.environ, Path.cwd()), quiet=quiet)
    ctx.params["workspace"] = ctx.obj.workspace  # the audit line names the workspace used
