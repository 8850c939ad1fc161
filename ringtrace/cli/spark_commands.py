"""``spark parse``, ``spark scan`` and ``import-results``: ringtrace on a Spark cluster for a
national corpus (the [scale] extra; import-results needs no Spark)."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

import click

from ringtrace.cli.app import Context, cli
from ringtrace.cli.common import opened_store, translated_errors
from ringtrace.cli.data_commands import limit_options
from ringtrace.cli.output import echo, emit, say
from ringtrace.loaders.limits import Limits

MASTER_HELP = ("Spark master URL: local[N] on this machine, spark://HOST:7077, yarn, k8s://... "
               "Default: local[*]. The executors need ringtrace installed (docs/spark.md).")


@cli.group("spark")
def spark() -> None:
    """Run ringtrace's parser and scan on a Spark cluster, for corpora beyond one machine.

    Needs Java 17+ and pip install 'ringtrace[scale]'; docs/spark.md says how to point it at
    a cluster and what each stage costs.

    \b
    Examples:
      ringtrace spark parse judgments/ --out parsed/ --master spark://head:7077
      ringtrace ingest parsed/ registry.csv backpayments.csv
      ringtrace spark scan parsed/ --tables registry.csv --out results/
      ringtrace import-results results/
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


@spark.command("scan")
@click.argument("corpus", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--out", "out", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder to write the results to (scan.json), for `ringtrace import-results`.")
@click.option("--tables", multiple=True, type=click.Path(exists=True, path_type=Path),
              help="Registry exports and back-payment ledgers to scan with the documents "
                   "(repeat the option for several).")
@click.option("--master", help=MASTER_HELP)
@click.option("--rules", "rules_file", type=click.Path(exists=True, dir_okay=False,
                                                       path_type=Path),
              help="TOML file overriding rule weights and thresholds (see rules.toml).")
@click.option("--bin-cases", type=click.IntRange(min=1),
              help="Cases per executor task: small components are packed into bins this big "
                   "(default: spark.bin_cases of the rules, 5000 as shipped).")
@click.option("--max-component-cases", type=click.IntRange(min=1),
              help="A component with more cases runs alone in a task, its size recorded "
                   "(default: spark.max_component_cases of the rules, 50000 as shipped).")
@click.option("--json", "as_json", is_flag=True, help="The summary as JSON.")
def spark_scan(corpus: Path, out: Path, tables: tuple[Path, ...], master: str | None,
               rules_file: Path | None, bin_cases: int | None, max_component_cases: int | None,
               as_json: bool) -> None:
    """Scan a parsed corpus on Spark: the same rules, rings and scores as `ringtrace scan`.

    The corpus is cut into connected components of the records that share a party, agent,
    employer, phone, address, law firm or case number; each component is scanned on an
    executor by ringtrace's own scan, and the results are merged into OUT/scan.json.

    \b
    Examples:
      ringtrace spark scan parsed/ --tables registry.csv --tables backpayments.csv --out results/
      ringtrace -w ws import-results results/
    """
    from ringtrace.queries.rules import load_rules
    from ringtrace.spark.scan import scan_corpus
    from ringtrace.spark.session import spark_session

    with translated_errors():
        summary = scan_corpus(spark_session(master, "ringtrace spark scan"), corpus, out,
                              tables=tables, config=load_rules(rules_file),
                              bin_cases=bin_cases, max_component_cases=max_component_cases)
    if as_json:
        emit(asdict(summary), as_json=True, as_csv=False)
        return
    stages = "，".join(f"{k} {v:.1f}秒" for k, v in summary.seconds.items())
    echo(say(f"已扫描{summary.cases}件案件（{summary.components}个连通分量，最大{summary.largest_component}件，"
             f"{summary.bins}个任务）：团伙{summary.rings}个，线索{summary.leads}条；{stages}",
             f"scanned {summary.cases} cases ({summary.components} components, largest "
             f"{summary.largest_component}, {summary.bins} tasks): {summary.rings} rings, "
             f"{summary.leads} leads; " + ", ".join(f"{k} {v:.1f} s"
                                                   for k, v in summary.seconds.items())))
    for big in summary.oversized:
        echo(say(f"超大分量：{big['cases']}件案件，单独运行{big['seconds']}秒",
                 f"oversized component: {big['cases']} cases, ran alone in {big['seconds']} s"))
    echo(say(f"下一步：ringtrace import-results {out}", f"next: ringtrace import-results {out}"))


@cli.command("import-results")
@click.argument("results", type=click.Path(exists=True, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="The summary as JSON.")
@click.pass_obj
def import_results_command(ctx: Context, results: Path, as_json: bool) -> None:
    """Keep a `ringtrace spark scan` in the workspace, as its scan.

    The workspace must hold the records the Spark scan read: ingest the same parsed corpus
    and tables first. Then rings, leads, employer, packs and the desk read the imported scan.

    \b
    Examples:
      ringtrace ingest parsed/ registry.csv backpayments.csv
      ringtrace import-results results/
      ringtrace rings
    """
    from ringtrace.spark.imports import import_results

    with opened_store(ctx) as store, translated_errors():
        summary = import_results(store, results)
    if as_json:
        emit(asdict(summary), as_json=True, as_csv=False)
        return
    echo(say(f"已导入{summary.cases}件案件的扫描结果：团伙{summary.rings}个，线索{summary.leads}条",
             f"imported the scan of {summary.cases} cases: {summary.rings} rings, "
             f"{summary.leads} leads"))
    echo(say("下一步：ringtrace rings | ringtrace leads", "next: ringtrace rings | ringtrace leads"))
