"""``feedback``: import investigation outcomes, measure and re-weight the rules, simulate."""

from __future__ import annotations

from pathlib import Path

import click

from ringtrace.cli.app import Context, cli
from ringtrace.cli.common import audit_result, opened_store, translated_errors
from ringtrace.cli.output import emit, output_options, table
from ringtrace.export.csv import write_csv
from ringtrace.loaders.feedback import read_feedback
from ringtrace.queries.evaluate import load_truth
from ringtrace.queries.feedback import (
    DEFAULT_PRIOR_STRENGTH,
    FeedbackReport,
    feedback_report,
    record_feedback,
    simulate_outcomes,
    weights_toml,
)


@cli.group()
def feedback() -> None:
    """Outcomes of investigated leads: import them, measure the rules, re-weight them.

    \b
    Examples:
      ringtrace feedback import outcomes.xlsx
      ringtrace feedback report --write-rules reweighted.toml
      ringtrace scan --rules reweighted.toml
    """


@feedback.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--encoding", help="Encoding of a CSV file (default: detect UTF-8 / GB18030).")
@output_options
@click.pass_obj
def import_command(ctx: Context, file: Path, encoding: str | None, as_json: bool,
                   as_csv: bool) -> None:
    """Import outcomes (CSV/XLSX: 线索编号, 核查结果, 日期, 备注); bad rows are quarantined.

    Outcomes: 核实属实, 不属实, 核查中, 再审检察建议, 提请抗诉, 改判, 撤销仲裁裁决, 移送公安
    (spellings in ringtrace/loaders/mappings/feedback.yaml). Re-importing a file adds nothing.

    \b
    Example:
      ringtrace feedback import outcomes-2025-06.xlsx
    """
    with opened_store(ctx) as store, translated_errors():
        summary = record_feedback(store, ctx.workspace, read_feedback(file, encoding))
    audit_result(recorded=summary.recorded, duplicates=summary.duplicates,
                 quarantined=summary.quarantined)
    rows = [p.__dict__ for p in summary.problems]
    lines = [f"{summary.recorded} outcomes recorded, {summary.duplicates} already known, "
             f"{summary.quarantined} rows quarantined"]
    lines += [f"  quarantined {p}" for p in summary.problems[:20]]
    if summary.quarantined > 20:
        lines.append(f"  … and {summary.quarantined - 20} more (ringtrace status --problems)")
    emit(summary.to_dict(), as_json=as_json, as_csv=as_csv, rows=rows,
         columns=["file", "line", "field", "reason"], text="\n".join(lines))


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def format_report(report: FeedbackReport, rules_file: Path | None) -> str:
    """The report as text: totals, precision tables, weights and the evaluation."""
    ev = report.evaluation
    rule_rows = [{"rule": r.rule_id, "title": r.title, "verified": r.verified,
                  "held": r.held, "precision": _pct(r.precision),
                  "weight": f"{r.weight_before:.3f} -> {r.weight_after:.3f}"}
                 for r in report.by_rule]
    region_rows = [{"region": r.key, "verified": r.verified, "held": r.held,
                    "precision": _pct(r.precision)} for r in report.by_region]
    office_rows = [{"procuratorate": r.key, "verified": r.verified, "held": r.held,
                    "precision": _pct(r.precision)} for r in report.by_procuratorate[:20]]
    before, after = report.thresholds_before, report.thresholds_after
    lines = [
        f"{report.verified} verified leads ({report.held} held up, precision "
        f"{_pct(report.precision)}); {report.open} still open; {report.outcomes} "
        "outcomes recorded",
        "", "precision per rule (weights re-estimated: " + report.method.model + ")",
        table(rule_rows), "", "precision per region", table(region_rows),
        "", "precision per receiving procuratorate", table(office_rows), "",
        "thresholds (matched to keep the numbers of leads and ring seeds): " + ", ".join(
            f"{k} {before[k]:.4f} -> {after[k]:.4f}" for k in sorted(after)),
        f"ring weight (what ring membership adds, per unit of coordination strength): "
        f"{report.ring_weight_before:.3f} -> {report.ring_weight_after:.3f}",
        "ring strength (what a ring showing each kind of evidence is worth): " + ", ".join(
            f"{k.removeprefix('rings.')} {v:.3f} -> {report.strengths_after[k]:.3f}"
            for k, v in report.strengths_before.items()),
        f"evaluation on {ev.held_out} held-out leads ({ev.held_out_positive} sham; labels "
        f"from {ev.labels_from}; weights fitted on {ev.fitted_on}):",
        f"  precision@{ev.k}: before {_pct(ev.precision_before)}, "
        f"after {_pct(ev.precision_after)}",
        f"  average precision: before {_pct(ev.average_precision_before)}, "
        f"after {_pct(ev.average_precision_after)}",
    ]
    lines += ["", f"fitted on the scan made with {report.scan_rules}"]
    if report.rules_note:
        lines.append(f"note: {report.rules_note}")
    if rules_file:
        lines += ["", f"wrote {rules_file}; apply it with: ringtrace scan --rules {rules_file}"]
    return "\n".join(lines)


@feedback.command("report")
@click.option("--truth", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Label the held-out leads from this truth.json (synthetic data) instead of "
                   "holding out part of the outcomes.")
@click.option("--holdout", default=0.5, show_default=True, type=click.FloatRange(0.05, 0.95),
              help="Share of verified leads held out for the evaluation (without --truth).")
@click.option("--k", "k", default=50, show_default=True, help="Evaluate precision@k.")
@click.option("--prior-strength", default=DEFAULT_PRIOR_STRENGTH, show_default=True,
              type=click.FloatRange(min=0.0), help="How many verified leads a current weight "
                                                    "counts for.")
@click.option("--seed", default=7, show_default=True, help="Seed of the held-out split.")
@click.option("--write-rules", "rules_file", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the re-estimated weights as a rules TOML for `scan --rules`.")
@output_options
@click.pass_obj
def report(ctx: Context, truth: Path | None, holdout: float, k: int, prior_strength: float,
           seed: int, rules_file: Path | None, as_json: bool, as_csv: bool) -> None:
    """Precision per rule and region, re-weighted rules, and precision@k before and after.

    \b
    Examples:
      ringtrace feedback report
      ringtrace feedback report --write-rules reweighted.toml --json > report.json
    """
    with opened_store(ctx) as store, translated_errors():
        result = feedback_report(store, ctx.workspace, truth=load_truth(truth) if truth else None,
                                 holdout=holdout, k=k, prior_strength=prior_strength, seed=seed)
    if rules_file:
        rules_file.write_text(weights_toml(result), "utf-8")
    audit_result(verified=result.verified, evaluation=result.evaluation.to_dict(),
                 rules_file=str(rules_file) if rules_file else None)
    emit(result.to_dict(), as_json=as_json, as_csv=as_csv,
         rows=[row.to_dict() for row in result.by_rule], text=format_report(result, rules_file))


@feedback.command("simulate")
@click.option("--truth", required=True, type=click.Path(exists=True, dir_okay=False,
                                                        path_type=Path),
              help="truth.json written by `ringtrace synth`.")
@click.option("--out", "out_file", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="CSV file to write (importable with `feedback import`).")
@click.option("--share", default=0.5, show_default=True, type=click.FloatRange(0.0, 1.0),
              help="Share of the leads that get an outcome.")
@click.option("--seed", default=7, show_default=True, help="Seed of the choice of leads.")
@click.pass_obj
def simulate(ctx: Context, truth: Path, out_file: Path, share: float, seed: int) -> None:
    """Write simulated outcomes for a share of the leads (sham -> 核实属实, else 不属实).

    For demos on synthetic data: the truth plays the investigators.

    \b
    Example:
      ringtrace feedback simulate --truth province/truth.json --out outcomes.csv
    """
    with opened_store(ctx) as store, translated_errors():
        rows = simulate_outcomes(store, load_truth(truth), share=share, seed=seed)
    if not rows:
        raise click.ClickException("no leads to simulate outcomes for: run `ringtrace scan`")
    header = list(rows[0])
    write_csv(out_file, header, ([row.get(k) for k in header] for row in rows))
    audit_result(rows=len(rows), out=str(out_file))
    click.echo(f"wrote {len(rows)} simulated outcomes to {out_file}; next: "
               f"ringtrace feedback import {out_file}")
