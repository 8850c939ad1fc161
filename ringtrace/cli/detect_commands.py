"""``scan`` and ``eval``: run detection over the workspace and measure it against a truth."""

from __future__ import annotations

from pathlib import Path

import click

from ringtrace.cli.app import Context, cli
from ringtrace.cli.common import opened_store, translated_errors
from ringtrace.cli.output import emit, output_options
from ringtrace.queries.evaluate import evaluate, load_truth
from ringtrace.queries.rules import load_rules
from ringtrace.queries.scan import run_scan


def format_evaluation(ev: dict) -> str:
    def pct(x: float | None) -> str:
        return "n/a" if x is None else f"{x:.3f}"

    lines = [
        f"rings: planted {ev['rings_planted']}, reported {ev['rings_reported']}, "
        f"recall {pct(ev['ring_recall'])}, precision {pct(ev['ring_precision'])}",
        f"cases: sham {ev['sham_cases']}, leads {ev['leads']} (score >= {ev['lead_threshold']}), "
        f"precision {pct(ev['case_precision'])}, recall {pct(ev['case_recall'])}",
        f"precision@50 {pct(ev.get('precision_at_50'))}, "
        f"precision@100 {pct(ev.get('precision_at_100'))}",
        f"decoy cases flagged: {pct(ev['decoy_flag_rate'])} of {ev['decoy_cases']}",
        "per typology (ring recall / case recall):",
    ]
    for t, r in ev["ring_recall_by_typology"].items():
        lines.append(f"  {t:<32} {pct(r)} / {pct(ev['case_recall_by_typology'].get(t))}")
    if ev["decoy_flag_rate_by_kind"]:
        lines.append("decoys flagged per kind:")
        for k, r in ev["decoy_flag_rate_by_kind"].items():
            lines.append(f"  {k:<32} {pct(r)}")
    return "\n".join(lines)


@cli.command()
@click.option("--rules", "rules_file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="TOML file overriding rule weights and thresholds (see rules.toml).")
@click.option("--seed", type=int, help="Seed for community detection (default from rules).")
@output_options
@click.pass_obj
def scan(ctx: Context, rules_file: Path | None, seed: int | None, as_json: bool,
         as_csv: bool) -> None:
    """Compute red flags, rings and scores, and store them in the workspace.

    \b
    Examples:
      ringtrace scan
      ringtrace scan --rules my-thresholds.toml --seed 7
    """
    with translated_errors():
        config = load_rules(rules_file, {"scoring": {"community_seed": seed}} if seed is not None
                            else None)
    steps = []
    with opened_store(ctx) as store, translated_errors():
        result = run_scan(store, config, progress=lambda step: steps.append(step))
    meta = {k: v for k, v in result["meta"].items() if k != "rules"}
    rows = [{"key": k, "value": v} for k, v in meta.items()]
    text = (f"scanned {meta['cases_scanned']} cases: {meta['findings']} rule hits, "
            f"{meta['rings']} rings, {meta['leads']} leads (score >= {meta['lead_threshold']})\n"
            "next: ringtrace rings | ringtrace leads | ringtrace ring 1 --html ring.html")
    emit(meta, as_json=as_json, as_csv=as_csv, rows=rows, text=text)


@cli.command("eval")
@click.option("--truth", required=True, type=click.Path(exists=True, dir_okay=False,
                                                        path_type=Path),
              help="truth.json written by `ringtrace synth` (or a verified set).")
@output_options
@click.pass_obj
def eval_command(ctx: Context, truth: Path, as_json: bool, as_csv: bool) -> None:
    """Measure the last scan against a ground truth: ring and case precision/recall.

    \b
    Example:
      ringtrace eval --truth province/truth.json
    """
    with opened_store(ctx) as store, translated_errors():
        ev = evaluate(store, load_truth(truth))
    rows = [{"metric": k, "value": v} for k, v in ev.items() if not isinstance(v, dict)]
    emit(ev, as_json=as_json, as_csv=as_csv, rows=rows, text=format_evaluation(ev))
