"""``scan`` and ``eval``: run detection over the workspace and measure it against a truth."""

from __future__ import annotations

from pathlib import Path

import click

from ringtrace.cli.app import Context, cli
from ringtrace.cli.common import opened_store, translated_errors
from ringtrace.cli.output import emit, output_options
from ringtrace.queries.evaluate import Evaluation, evaluate, load_truth
from ringtrace.queries.rules import load_rules
from ringtrace.queries.scan import run_scan


def _pct(x: float | None) -> str:
    return "n/a" if x is None else f"{x:.3f}"


def format_evaluation(ev: Evaluation) -> str:
    lines = [
        f"rings: planted {ev.rings_planted}, reported {ev.rings_reported}, "
        f"recall {_pct(ev.ring_recall)}, precision {_pct(ev.ring_precision)}",
        f"cases: sham {ev.sham_cases}, leads {ev.leads} (score >= {ev.lead_threshold}), "
        f"precision {_pct(ev.case_precision)}, recall {_pct(ev.case_recall)}",
        ", ".join(f"precision@{k} {_pct(v)}" for k, v in ev.precision_at.items()),
        f"look-alike cases: {ev.decoy_cases}, flagged as leads {_pct(ev.decoy_flag_rate)}, "
        f"inside reported rings {_pct(ev.decoy_ring_rate)}",
        f"quarantined records: {ev.quarantined} ({_pct(ev.quarantine_rate)}); truth cases not "
        f"found in the store: {ev.unmatched_truth_cases}",
        "per typology (ring recall / case recall):",
    ]
    for t, r in ev.ring_recall_by_typology.items():
        lines.append(f"  {t:<32} {_pct(r)} / {_pct(ev.case_recall_by_typology.get(t))}")
    if ev.decoy_flag_rate_by_kind:
        lines.append("look-alikes per kind (flagged as leads / inside reported rings):")
        for k, r in ev.decoy_flag_rate_by_kind.items():
            lines.append(f"  {k:<32} {_pct(r)} / {_pct(ev.decoy_ring_rate_by_kind.get(k))}")
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
    data = ev.to_dict()
    rows = [{"metric": k, "value": v} for k, v in data.items()
            if not isinstance(v, dict | list)]
    emit(data, as_json=as_json, as_csv=as_csv, rows=rows, text=format_evaluation(ev))
