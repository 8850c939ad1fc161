"""``leads export``: one file of new leads per receiving procuratorate, recorded in a ledger."""

from __future__ import annotations

from pathlib import Path

import click

from ringtrace.cli.app import Context
from ringtrace.cli.common import (
    audit_result,
    opened_store,
    progress_bar,
    store_option,
    translated_errors,
    unmask_option,
)
from ringtrace.cli.output import emit, output_options, table
from ringtrace.cli.query_commands import leads
from ringtrace.queries.exports import FORMATS, GROUPINGS, export_leads


@leads.command("export")
@click.option("--by", type=click.Choice(GROUPINGS), default="procuratorate", show_default=True,
              help="procuratorate: the competent one (same level and place as the deciding "
                   "forum); province: the provincial procuratorate that hands leads down.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="xlsx", show_default=True)
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder for the files (created if missing).")
@click.option("--again", is_flag=True, help="Also export leads the ledger shows as exported.")
@click.option("--min-score", type=float, help="Score threshold (default: the scan's).")
@unmask_option
@store_option
@output_options
@click.pass_obj
def export(ctx: Context, by: str, fmt: str, out_dir: Path, again: bool, min_score: float | None,
           unmask: bool, store_uri: str | None, as_json: bool, as_csv: bool) -> None:
    """Export new leads, one file per receiving procuratorate; never the same lead twice.

    Each exported lead is recorded in WORKSPACE/exports/ledger.jsonl; later exports leave
    those leads out unless --again is given. ID numbers (region prefix kept), phones (first 3
    and last 4 digits kept) and written-out birth dates (year kept) are masked unless
    --unmask is given. Cells starting with = + - @ are written with a leading apostrophe.

    \b
    Examples:
      ringtrace leads export --by procuratorate --format xlsx --out exports/
      ringtrace leads export --format csv --out exports/ --again
    """
    with opened_store(ctx, store_uri=store_uri) as store, translated_errors(), \
            progress_bar(None, "export", unit="lead") as bar:
        result = export_leads(store, ctx.workspace, out_dir, by=by, fmt=fmt, again=again,
                              min_score=min_score, unmask=unmask, progress=bar)
    audit_result(export_id=result.export_id, exported=result.exported, files=len(result.files),
                 already_exported=result.already_exported)
    rows = [row.to_dict() for row in result.rows()]
    data = {"export_id": result.export_id, "exported_at": result.exported_at,
            "exported": result.exported, "already_exported": result.already_exported,
            "files": rows}
    text = [table(rows), "",
            f"{result.exported} leads in {len(rows)} files (batch {result.export_id}); "
            f"{result.already_exported} already exported earlier"
            + ("" if again or not result.already_exported else " (use --again to include them)")]
    emit(data, as_json=as_json, as_csv=as_csv, rows=rows, text="\n".join(text))
