"""``ingest``, ``status`` and ``quarantine``: bring inputs into the workspace, say what is there,
and list or re-read the input that was quarantined."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import click

from ringtrace.cli.app import Context, cli
from ringtrace.cli.common import audit_result, opened_store, progress_bar, translated_errors
from ringtrace.cli.output import echo, emit, output_options, say, table
from ringtrace.loaders.ingest import IngestSummary, ingest_paths, retry_quarantined
from ringtrace.loaders.limits import DEFAULT, MB, Limits

#: Exit status of ``ingest --fail-on-quarantine`` when some input was quarantined.
EXIT_QUARANTINED = 3

_EXIT_STATUS = """\b
Exit status:
  0   finished; whatever was quarantined is listed in the summary and by
      `ringtrace quarantine` (the good records are stored)
  3   finished with quarantined input (only with --fail-on-quarantine)
  1   could not run: a path does not exist, the workspace cannot be written
  2   usage error
  75  another ringtrace ingest or scan is running on this workspace: wait, or
      use another workspace"""


def limit_options(func: Any) -> Any:
    func = click.option(
        "--max-parse-seconds", type=click.FloatRange(min=0), default=DEFAULT.max_parse_seconds,
        show_default=True, help="Cap on the CPU seconds one raw document may take to read; slower "
                                "ones are quarantined (0: no cap).")(func)
    func = click.option(
        "--max-unzipped-mb", type=click.FloatRange(min=0.001),
        default=DEFAULT.max_unzipped_bytes / MB, show_default=True,
        help="Cap on what a .docx/.xlsx decompresses to; bigger files are quarantined.")(func)
    return click.option(
        "--max-document-mb", type=click.FloatRange(min=0.001),
        default=DEFAULT.max_document_bytes / MB, show_default=True,
        help="Cap on one document (.txt/.html file, .docx text) or JSONL record; bigger "
             "ones are quarantined.")(func)


def _tail(path: str, size: int = 40) -> str:
    """A long path cut at the front, so a table shows the file name."""
    return path if len(path) <= size else "…" + path[-(size - 1):]


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def _summary_text(summary: IngestSummary) -> str:
    rows = [{"file": _tail(f.path), "kind": f.kind, "records": f.records,
             "quarantined": f.quarantined,
             "status": f.status if not f.same_as else f"duplicate of {_tail(f.same_as, 30)}"}
            for f in summary.files]
    read = len(summary.files) - len(summary.duplicates)
    lines = [table(rows), "", say(
        f"从{read}个文件存入{summary.records}条记录；隔离{summary.quarantined}条记录和"
        f"{len(summary.quarantined_files)}个文件，跳过{len(summary.duplicates)}个重复文件和"
        f"{len(summary.skipped)}个其他文件",
        f"{_n(summary.records, 'record')} stored from {_n(read, 'file')}; "
        f"{_n(summary.quarantined, 'record')} and {_n(len(summary.quarantined_files), 'file')}"
        f" quarantined, {_n(len(summary.duplicates), 'duplicate file')} and "
        f"{_n(len(summary.skipped), 'other file')} skipped")]
    errors = [p for p in summary.problems if p.severity == "error"]
    for p in errors[:20]:
        lines.append(f"  quarantined {p}")
    if len(errors) > 20:
        lines.append(f"  … and {len(errors) - 20} more")
    if summary.unresolved_basis:
        lines.append(f"  {summary.unresolved_basis} back-payments cite a case not in the workspace")
    if not summary.clean:
        lines.append(say("隔离记录保存在工作区中：`ringtrace quarantine` 列出它们；修正文件后运行 "
                         "`ringtrace quarantine retry`",
                         "the quarantine is kept in the workspace: `ringtrace quarantine` lists "
                         "it; fix the files, then `ringtrace quarantine retry`"))
    return "\n".join(lines)


def _report(summary: IngestSummary, as_json: bool, as_csv: bool) -> None:
    audit_result(records=summary.records, quarantined=summary.quarantined,
                 quarantined_files=len(summary.quarantined_files),
                 duplicate_files=len(summary.duplicates))
    rows = [{"file": f.path, "kind": f.kind, "records": f.records, "quarantined": f.quarantined,
             "status": f.status} for f in summary.files]
    emit(summary.to_dict(), as_json=as_json, as_csv=as_csv, rows=rows,
         text=_summary_text(summary))


@cli.command(epilog=_EXIT_STATUS)
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--encoding", help="Encoding of text inputs (default: detect UTF-8 / GB18030 / "
                                 "UTF-16 with BOM).")
@click.option("--batch-size", default=1000, show_default=True, help="Records per transaction.")
@click.option("--jobs", "-j", type=click.IntRange(min=0), default=0, show_default=True,
              help="Processes parsing raw documents (0: one per CPU core). The store is the "
                   "same whatever the number.")
@limit_options
@click.option("--fail-on-quarantine", is_flag=True,
              help=f"Exit with status {EXIT_QUARANTINED} when any input was quarantined.")
@output_options
@click.pass_context
def ingest(click_ctx: click.Context, paths: tuple[Path, ...], encoding: str | None,
           batch_size: int, jobs: int, max_document_mb: float, max_unzipped_mb: float,
           max_parse_seconds: float, fail_on_quarantine: bool, as_json: bool,
           as_csv: bool) -> None:
    """Ingest case records, registry exports, back-payment ledgers and raw documents.

    PATHS are files or folders (read recursively). Re-ingesting the same input changes
    nothing. A bad record is quarantined with file, line, field and reason and its neighbours
    are stored; a file that cannot be read at all (unknown table, undecodable, damaged, over a
    size or time cap) is quarantined whole and the ingest goes on. `ringtrace quarantine`
    lists both.

    \b
    Examples:
      ringtrace ingest province/
      ringtrace ingest registry_gbk.csv --encoding gb18030
      ringtrace ingest judgments/ cases.jsonl --json
      ringtrace ingest big-judgments/ --max-document-mb 16
      ringtrace ingest judgments/ --jobs 1
    """
    ctx: Context = click_ctx.obj
    limits = Limits.of_megabytes(max_document_mb, max_unzipped_mb, max_parse_seconds)
    with opened_store(ctx, create=True) as store, progress_bar(None, "ingest", unit="file") as tick, \
            translated_errors():
        summary = ingest_paths(store, list(paths), encoding=encoding, batch_size=batch_size,
                               progress=tick, exclude=[ctx.workspace], limits=limits,
                               jobs=jobs or os.cpu_count() or 1)
    _report(summary, as_json, as_csv)
    if fail_on_quarantine and not summary.clean:
        click_ctx.exit(EXIT_QUARANTINED)


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


@cli.group(invoke_without_command=True)
@click.option("--file", "files", multiple=True, help="Only the entries of this input file.")
@click.option("--warnings", is_flag=True, help="Also list warnings (records stored with a note).")
@output_options
@click.pass_context
def quarantine(click_ctx: click.Context, files: tuple[str, ...], warnings: bool, as_json: bool,
               as_csv: bool) -> None:
    """List the quarantined input: file, line (0 = the whole file), field and reason.

    \b
    Examples:
      ringtrace quarantine
      ringtrace quarantine --csv > quarantine.csv
      ringtrace quarantine retry --max-document-mb 16
    """
    if click_ctx.invoked_subcommand is not None:
        return
    with opened_store(click_ctx.obj) as store:
        found = [p.__dict__ for p in store.problems()
                 if (warnings or p.severity == "error") and (not files or p.file in files)]
    shown = [{**p, "file": _tail(p["file"])} for p in found]
    emit(found, as_json=as_json, as_csv=as_csv, rows=found if as_csv else shown,
         columns=["file", "line", "field", "reason", "severity"],
         text=None if found else "nothing is quarantined")


@quarantine.command("retry", epilog=_EXIT_STATUS)
@click.option("--file", "files", multiple=True, help="Only this input file (repeatable).")
@click.option("--encoding", help="Encoding of text inputs (default: detect).")
@limit_options
@output_options
@click.pass_obj
def retry(ctx: Context, files: tuple[str, ...], encoding: str | None, max_document_mb: float,
          max_unzipped_mb: float, max_parse_seconds: float, as_json: bool,
          as_csv: bool) -> None:
    """Read the quarantined files again (after fixing them, or with higher caps).

    Their quarantine entries are replaced by what this reading finds; records already stored
    stay as they are.

    \b
    Example:
      ringtrace quarantine retry --file registry.csv --encoding gb18030
    """
    limits = Limits.of_megabytes(max_document_mb, max_unzipped_mb, max_parse_seconds)
    with opened_store(ctx) as store, progress_bar(None, "retry", unit="file") as tick, translated_errors():
        summary, missing = retry_quarantined(store, encoding=encoding, progress=tick,
                                             limits=limits, files=files or None)
    _report(summary, as_json, as_csv)
    if missing and not as_json and not as_csv:
        echo(f"{len(missing)} quarantined files no longer exist (entries kept): "
                   + ", ".join(missing[:5]), err=True)
