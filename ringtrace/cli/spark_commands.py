"""``spark parse``: ringtrace on a Spark cluster for a national corpus (the [scale] extra)."""

from __future__ import annotations

from pathlib import Path

import click

from ringtrace.cli.app import cli
from ringtrace.cli.common import translated_errors
from ringtrace.cli.data_commands import limit_options
from ringtrace.cli.output import echo, emit, say
from ringtrace.loaders.limits import Limits

MASTER_HELP = ("Spark master URL: local[N] on this machine, spark://HOST:7077, yarn, k8s://... "
               "Default: local[*]. The executors need ringtrace installed (docs/spark.md).")


@cli.group("spark")
def spark() -> None:
    """Run ringtrace's parser on a Spark cluster, for corpora beyond one machine.

    Needs Java 17+ and pip install 'ringtrace[scale]'; docs/spark.md says how to point it at
    a cluster and what each stage costs.
    """


@spark.command("parse")
@click.argument("source")
@click.option("--out", "out", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder to write the parsed corpus to (replaced if it exists).")
@click.option("--master", help=MASTER_HELP)
@click.option("--encoding", help="Encoding of text files (default: detect UTF-8 / GB18030).")
@limit_options
@click.option("--json", "as_json", is_flag=True, help="The summary as JSON.")
def spark_parse(source: str, out: Path, master: str | None, encoding: str | None,
                max_document_mb: float, max_unzipped_mb: float, max_parse_seconds: float,
                as_json: bool) -> None:
    """Parse the documents under SOURCE on Spark's executors into a parsed corpus.

    SOURCE is a folder (walked as `ringtrace ingest` walks it) or a Hadoop URI (hdfs://,
    s3a://...). Each document is parsed by ringtrace's own parser, with ingest's caps; the
    records go to OUT/documents and the documents that fail to OUT/quarantine (file, field,
    reason), as Parquet. `ringtrace ingest OUT` loads it into a workspace.

    \b
    Examples:
      ringtrace spark parse judgments/ --out parsed/
      ringtrace spark parse hdfs://nn:8020/judgments --out /shared/parsed --master yarn
      ringtrace ingest parsed/ registry.csv
    """
    from ringtrace.spark.parse import parse_corpus
    from ringtrace.spark.session import spark_session

    limits = Limits.of_megabytes(max_document_mb, max_unzipped_mb, max_parse_seconds)
    with translated_errors():
        out.mkdir(parents=True, exist_ok=True)
        summary = parse_corpus(spark_session(master, "ringtrace spark parse"), source, out,
                               encoding=encoding, limits=limits)
    if as_json:
        emit(summary.to_dict(), as_json=True, as_csv=False)
        return
    echo(say(f"已解析{summary.documents}份文书：{summary.parsed}份得到案件记录，"
             f"{summary.quarantined}份隔离；用时{summary.seconds:.1f}秒",
             f"parsed {summary.documents} documents: {summary.parsed} records, "
             f"{summary.quarantined} quarantined, in {summary.seconds:.1f} s"))
    if summary.skipped:
        echo(say(f"跳过{len(summary.skipped)}个非文书文件（表格请直接用 ringtrace ingest 导入）",
                 f"skipped {len(summary.skipped)} files that are not documents (ingest tables "
                 "with ringtrace ingest)"))
    echo(say(f"下一步：ringtrace ingest {out}", f"next: ringtrace ingest {out}"))
