"""``ingest`` and ``status``: bring inputs into the workspace and say what is there."""

from __future__ import annotations

from pathlib import Path

import click

from ringtrace.cli.app import Context, cli
from ringtrace.cli.common import opened_store, progress_bar, translated_errors
from ringtrace.cli.output import emit, output_options, table
from ringtrace.loaders.ingest import ingest_paths


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--encoding", help="Encoding of text inputs (default: detect UTF-8 / GB18030).")
@click.option("--batch-size", default=1000, show_default=True, help="Records per transaction.")
@output_options
@click.pass_obj
def ingest(ctx: Context, paths: tuple[Path, ...], encoding: str | None, batch_size: int,
           as_json: bool, as_csv: bool) -> None:
    """Ingest case records, registry exports, back-payment ledgers and raw documents.

    PATHS are files or folders (read recursively). Re-ingesting the same input changes
    nothing; bad rows are quarantined with file, line and reason and the good rows still land.

    \b
    Examples:
      ringtrace ingest province/
      ringtrace ingest registry_gbk.csv --encoding gb18030
      ringtrace ingest judgments/ cases.jsonl --json
    """
    with opened_store(ctx, create=True) as store, progress_bar(None, "ingest") as tick, \
            translated_errors():
        summary = ingest_paths(store, list(paths), encoding=encoding, batch_size=batch_size,
                               progress=tick, exclude=[ctx.workspace])
    data = summary.to_dict()
    rows = [{"file": f.path, "kind": f.kind, "records": f.records, "quarantined": f.quarantined}
            for f in summary.files]
    lines = [table(rows), "",
             f"{summary.records} records ingested, {summary.quarantined} quarantined, "
             f"{len(summary.skipped)} files skipped"]
    for p in summary.problems[:20]:
        lines.append(f"  quarantined {p}")
    if len(summary.problems) > 20:
        lines.append(f"  … and {len(summary.problems) - 20} more (ringtrace status --problems)")
    if summary.unresolved_basis:
        lines.append(f"  {summary.unresolved_basis} back-payments cite a case not in the workspace")
    emit(data, as_json=as_json, as_csv=as_csv, rows=rows, text="\n".join(lines))


@cli.command()
@click.option("--problems", is_flag=True, help="List quarantined input problems.")
@output_options
@click.pass_obj
def status(ctx: Context, problems: bool, as_json: bool, as_csv: bool) -> None:
    """Show what the workspace holds: node, relationship and document counts.

    \b
    Examples:
      ringtrace status
      ringtrace status --problems --csv > problems.csv
    """
    with opened_store(ctx) as store:
        counts = store.counts()
        found = [p.__dict__ for p in store.problems()] if problems else []
    if problems:
        emit(found, as_json=as_json, as_csv=as_csv, rows=found,
             columns=["file", "line", "field", "reason", "severity"])
        return
    rows = [{"section": sec, "kind": k, "count": n} for sec, d in counts.items()
            for k, n in d.items()]
    emit(counts, as_json=as_json, as_csv=as_csv, rows=rows)
