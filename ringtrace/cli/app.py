"""The root click group and the options every command shares."""

from __future__ import annotations

import os
from pathlib import Path

import click

from ringtrace import __version__

DEFAULT_WORKSPACE = "ringtrace-workspace"


class Context:
    """What the root group passes to commands: where the workspace is."""

    def __init__(self, workspace: Path) -> None:
        self.workspace = workspace


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
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
