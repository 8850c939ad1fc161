"""``export FORMAT``: a ring (or every reported ring) in a format another tool opens."""

from __future__ import annotations

from pathlib import Path

import click

from ringtrace.cli.app import Context, cli
from ringtrace.cli.common import (
    audit_result,
    opened_store,
    store_option,
    translated_errors,
    unmask_option,
)
from ringtrace.cli.output import emit, output_options, table
from ringtrace.export.ring_files import FORMATS, export_rings
from ringtrace.graph.audit import read_audit


@cli.command("export")
@click.argument("fmt", metavar="FORMAT", type=click.Choice(list(FORMATS)))
@click.option("--ring", "ring_ids", multiple=True, metavar="ID",
              help="Ring id or rank (repeatable).")
@click.option("--all", "all_rings", is_flag=True, help="Every reported ring.")
@click.option("--out", required=True, type=click.Path(path_type=Path),
              help="File to write; for docx with several rings, a folder (one letter each).")
@unmask_option
@store_option
@output_options
@click.pass_obj
def export_cmd(ctx: Context, fmt: str, ring_ids: tuple[str, ...], all_rings: bool, out: Path,
               unmask: bool, store_uri: str | None, as_json: bool, as_csv: bool) -> None:
    """Export rings for the tools analysts already use.

    \b
    FORMAT:
      graphml  Gephi, Cytoscape, yEd (attributes typed; lists joined with ；)
      gexf     Gephi
      anx      i2 Analyst's Notebook chart (a card per source case number)
      ftm      FollowTheMoney entities, one JSON per line, for Aleph / OpenAleph
      docx     线索移送函 (referral letter) per ring, for 移送公安机关

    Every node, edge, entity and card names the case numbers it comes from. ID numbers and
    phones are masked unless --unmask is given. anx, ftm and docx need
    pip install 'ringtrace[export]'.

    \b
    Examples:
      ringtrace export graphml --ring 1 --out ring1.graphml
      ringtrace export anx --all --out rings.anx
      ringtrace export ftm --all --out rings.ftm.json
      ringtrace export docx --ring R-3f2a9c1b --out 线索移送函.docx
      ringtrace export docx --all --out letters/ --json
    """
    if bool(ring_ids) == all_rings:
        raise click.UsageError("give either --ring ID (repeatable) or --all")
    with opened_store(ctx, store_uri=store_uri) as store, translated_errors():
        result = export_rings(store, fmt, out, ring_ids=list(ring_ids) or None, unmask=unmask,
                              audit=read_audit(ctx.workspace))
    audit_result(format=fmt, rings=list(result.rings), files=[str(p) for p in result.files],
                 masked=result.masked, **result.counts)
    rows = [{"file": str(p)} for p in result.files]
    counts = "，".join(f"{k} {v}" for k, v in result.counts.items())
    text = [table(rows), "",
            f"{fmt}: {len(result.rings)} ring(s) ({counts}); "
            + ("masked" if result.masked else "UNMASKED: handle as sensitive material")]
    emit(result.to_dict(), as_json=as_json, as_csv=as_csv, rows=rows, text="\n".join(text))
