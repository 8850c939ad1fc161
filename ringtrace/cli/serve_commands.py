"""``serve``: the investigator's desk, a local web app over the workspace (needs [serve])."""

from __future__ import annotations

import click

from ringtrace.cli.app import Context, cli
from ringtrace.cli.common import opened_store, translated_errors, unmask_option
from ringtrace.cli.output import say
from ringtrace.extras import require
from ringtrace.graph.audit import os_user
from ringtrace.queries.results import ScanResults
from ringtrace.serve.config import DEFAULT_PORT, LOCALHOST, ServeConfig


@cli.command("serve")
@click.option("--port", default=DEFAULT_PORT, show_default=True, type=click.IntRange(0, 65535),
              help="Port on 127.0.0.1 (0: any free port).")
@click.option("--review", is_flag=True,
              help="Allow review actions, recorded as the login name (read-only without it).")
@click.option("--user", metavar="NAME",
              help="Allow review actions, recorded as NAME (implies --review).")
@unmask_option
@click.pass_obj
def serve_command(ctx: Context, port: int, review: bool, user: str | None, unmask: bool) -> None:
    """Open the investigator's desk on http://127.0.0.1:PORT (local only, works air-gapped).

    Rings, the lead queue, case, person, agent and employer pages with their evidence, and
    search by name, ID number, phone or case number. With --review or --user, investigators
    assign leads and rings, set their status (待核查/核查中/属实/不属实/已移送/已结案), write
    notes, record outcomes (counted by `ringtrace feedback report`) and judge whether two
    persons or employers are the same (honoured by the next `ringtrace scan`). Every action is
    kept in the workspace (review/actions.jsonl) and written to the audit log. Ctrl-C stops it.

    \b
    Examples:
      ringtrace serve                       # read-only
      ringtrace serve --user 检察官甲 --port 8800
    """
    with translated_errors():
        require("flask", "serve", purpose="ringtrace serve")
    from ringtrace.serve.app import make_server

    with opened_store(ctx) as store, translated_errors():
        ScanResults.load(store)  # a desk needs a scan: say so now, not on the first page
    reviewer = user or (os_user() if review else None)
    with translated_errors():
        server = make_server(ServeConfig(ctx.workspace, reviewer, unmask), port)
    mode = (say(f"以 {reviewer} 身份核查", f"review as {reviewer}") if reviewer else
            say("只读（用 --review 启动以记录核查）", "read-only (start with --review to record)"))
    click.echo(say(f"ringtrace 核查台：http://{LOCALHOST}:{server.server_port}/（{mode}）；"
                   "按 Ctrl-C 停止",
                   f"ringtrace desk on http://{LOCALHOST}:{server.server_port}/ ({mode}); "
                   "Ctrl-C stops it"))
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
