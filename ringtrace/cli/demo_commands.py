"""``demo`` and ``report``: the main job end to end, and the offline HTML report."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import click

from ringtrace.cli.app import Context, cli
from ringtrace.cli.common import opened_store, progress_bar, step_progress, translated_errors
from ringtrace.cli.detect_commands import format_evaluation
from ringtrace.cli.output import say
from ringtrace.graph.audit import append_audit
from ringtrace.graph.store.sqlite import DB_NAME, SQLiteStore
from ringtrace.graph.store.workspace import POINTER_NAME, locate, write_pointer
from ringtrace.loaders.ingest import ingest_paths
from ringtrace.queries.evaluate import evaluate, load_truth
from ringtrace.queries.scan import STEPS, run_scan
from ringtrace.viz.report import write_report


@cli.command()
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              default=Path("demo-out"), show_default=True, help="Where to write everything.")
@click.option("--seed", default=7, show_default=True, help="Seed of the synthetic province.")
@click.option("--cases", default=6000, show_default=True, help="Cases in the province.")
@click.option("--texts/--records", default=True, show_default=True,
              help="Ingest raw judgment texts (parsed) or the structured case records.")
@click.option("--top", default=10, show_default=True, help="Rings that get their own page.")
def demo(out_dir: Path, seed: int, cases: int, texts: bool, top: int) -> None:
    """Run the main job on a synthetic province: synth, ingest, scan, evaluate, HTML.

    Writes OUT/province (the generated inputs and truth.json), OUT/workspace (the embedded
    store, rebuilt on every run), OUT/index.html and OUT/rings/*.html, and a .ringtrace
    pointer file in the current directory naming OUT/workspace, so that the next
    `ringtrace rings` run here (or below) finds it (a pointer naming another workspace is
    kept). It prints the exact next command.

    \b
    Examples:
      ringtrace demo
      ringtrace demo --out /tmp/demo --seed 11 --cases 20000 --records
    """
    from ringtrace.synth import generate

    province = out_dir / "province"
    workspace = out_dir / "workspace"
    with translated_errors():
        click.echo(say(f"1/5 生成合成省份数据（种子 {seed}，{cases}件案件）-> {province}",
                       f"1/5 generating a synthetic province (seed {seed}, {cases} cases) -> "
                       f"{province}"))
        shutil.rmtree(province, ignore_errors=True)
        generate(province, seed=seed, cases=cases, texts=texts)
        if (workspace / DB_NAME).exists():
            shutil.rmtree(workspace)
        inputs = ([province / "documents", province / "registry.csv", province / "backpayments.csv"]
                  if texts else [province / "cases.jsonl", province / "registry.csv",
                                 province / "backpayments.csv"])
        inputs = [p for p in inputs if p.exists()] or [province]
        click.echo(say(f"2/5 导入工作区 {workspace}", f"2/5 ingesting into {workspace}"))
        with SQLiteStore.open(workspace) as store:
            with progress_bar(None, "ingest", unit="file") as tick:
                summary = ingest_paths(store, inputs, progress=tick)
            click.echo(say(f"    {summary.records}条记录，隔离{summary.quarantined}条",
                           f"    {summary.records} records, {summary.quarantined} quarantined"))
            click.echo(say("3/5 扫描", "3/5 scanning"))
            with progress_bar(len(STEPS), "scan", unit="step") as bar:
                meta = run_scan(store, progress=step_progress(bar))["meta"]
                bar()
            click.echo(say(f"    团伙{meta['rings']}个，线索{meta['leads']}条",
                           f"    {meta['rings']} rings, {meta['leads']} leads"))
            click.echo(say("4/5 对照 truth.json 评估", "4/5 evaluating against truth.json"))
            ev = evaluate(store, load_truth(province / "truth.json"))
            click.echo("\n".join("    " + line for line in format_evaluation(ev).splitlines()))
            click.echo(say(f"5/5 写出 HTML 到 {out_dir}", f"5/5 writing HTML to {out_dir}"))
            with progress_bar(None, "report", unit="page") as bar:
                files = write_report(store, out_dir, top=top, evaluation=ev.headline(),
                                     workspace=str(workspace), progress=bar)
        append_audit(workspace, "demo", {"out": str(out_dir), "seed": seed, "cases": cases,
                                         "texts": texts, "top": top},
                     {"records": summary.records, "quarantined": summary.quarantined,
                      "rings": meta["rings"], "leads": meta["leads"],
                      "snapshot": meta["snapshot"]})
    click.echo(say(f"\n打开 {files.index.resolve()}", f"\nopen {files.index.resolve()}"))
    for page in files.rings[:5]:
        click.echo(f"     {page}")
    click.echo(say(f"\n下一步：ringtrace -w {workspace} rings",
                   f"\nnext: ringtrace -w {workspace} rings"))
    pointer = write_pointer(Path.cwd(), workspace)
    found = locate(None, os.environ, Path.cwd())
    if pointer is not None and found.path.resolve() == workspace.resolve():
        click.echo(f"      (or just `ringtrace rings` here and below: {pointer.name} names the "
                   "workspace)")
    elif pointer is None:
        click.echo(f"      ({POINTER_NAME} here names another workspace and was kept)")
    else:
        click.echo(f"      (here a plain `ringtrace rings` opens {found.describe()})")


@cli.command()
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              default=Path("ringtrace-report"), show_default=True)
@click.option("--top", default=10, show_default=True, help="Rings that get their own page.")
@click.option("--truth", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Also evaluate against this truth.json and show the figures.")
@click.pass_obj
def report(ctx: Context, out_dir: Path, top: int, truth: Path | None) -> None:
    """Write the offline HTML report (index.html plus one page per top ring).

    \b
    Example:
      ringtrace report --out report/ --top 20
    """
    with opened_store(ctx) as store, translated_errors(), \
            progress_bar(None, "report", unit="page") as bar:
        ev = evaluate(store, load_truth(truth)) if truth else None
        files = write_report(store, out_dir, top=top, evaluation=ev.headline() if ev else None,
                             workspace=str(ctx.workspace), progress=bar)
    click.echo(say(f"已写出 {files.index} 和 {len(files.rings)} 个团伙页面",
                   f"wrote {files.index} and {len(files.rings)} ring pages"))
