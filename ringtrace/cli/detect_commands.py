"""``scan`` and ``eval``: run detection over the workspace and measure it against a truth."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from ringtrace.cli.app import Context, cli
from ringtrace.cli.common import opened_store, progress_bar, step_progress, translated_errors
from ringtrace.cli.output import emit, language, output_options, say
from ringtrace.queries.evaluate import Evaluation, evaluate, load_truth
from ringtrace.queries.model import SCHEMA_VERSION
from ringtrace.queries.results import ScanResults
from ringtrace.queries.rules import filled_note, load_rules
from ringtrace.queries.scan import STEPS, run_scan
from ringtrace.synth import worlds


def _pct(x: float | None) -> str:
    return "n/a" if x is None else f"{x:.3f}"


def format_evaluation(ev: Evaluation) -> str:
    pct = _pct
    lines = [
        say(f"团伙：植入{ev.rings_planted}个，报告{ev.rings_reported}个，召回率 "
            f"{pct(ev.ring_recall)}，精确率 {pct(ev.ring_precision)}",
            f"rings: planted {ev.rings_planted}, reported {ev.rings_reported}, "
            f"recall {pct(ev.ring_recall)}, precision {pct(ev.ring_precision)}"),
        say(f"案件：虚假{ev.sham_cases}件，线索{ev.leads}条（评分≥{ev.lead_threshold}），"
            f"精确率 {pct(ev.case_precision)}，召回率 {pct(ev.case_recall)}",
            f"cases: sham {ev.sham_cases}, leads {ev.leads} (score >= {ev.lead_threshold}), "
            f"precision {pct(ev.case_precision)}, recall {pct(ev.case_recall)}"),
        ", ".join(f"precision@{k} {pct(v)}" for k, v in ev.precision_at.items()),
        say(f"正当相似案件：{ev.decoy_cases}件，成为线索 {pct(ev.decoy_flag_rate)}，"
            f"落入报告团伙 {pct(ev.decoy_ring_rate)}",
            f"look-alike cases: {ev.decoy_cases}, flagged as leads {pct(ev.decoy_flag_rate)}, "
            f"inside reported rings {pct(ev.decoy_ring_rate)}"),
        say(f"隔离记录：{ev.quarantined}（{pct(ev.quarantine_rate)}）；工作区中找不到的真值案件："
            f"{ev.unmatched_truth_cases}",
            f"quarantined records: {ev.quarantined} ({pct(ev.quarantine_rate)}); truth cases "
            f"not found in the store: {ev.unmatched_truth_cases}"),
        say("按植入团伙规模（案件数）的召回率：", "ring recall by planted size (cases): ")
        + say("，", ", ").join(f"{band}件 {pct(r)}" if language() == "zh" else f"{band} {pct(r)}"
                              for band, r in ev.ring_recall_by_size.items()),
        say("各类型（团伙召回率 / 案件召回率）：", "per typology (ring recall / case recall):"),
    ]
    for t, r in ev.ring_recall_by_typology.items():
        lines.append(f"  {t:<32} {pct(r)} / {pct(ev.case_recall_by_typology.get(t))}")
    if ev.decoy_flag_rate_by_kind:
        lines.append(say("各类正当相似案件（成为线索 / 落入报告团伙）：",
                         "look-alikes per kind (flagged as leads / inside reported rings):"))
        for k, r in ev.decoy_flag_rate_by_kind.items():
            lines.append(f"  {k:<32} {pct(r)} / {pct(ev.decoy_ring_rate_by_kind.get(k))}")
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
    with opened_store(ctx) as store, translated_errors(), \
            progress_bar(len(STEPS), "scan", unit="step") as bar:
        result = run_scan(store, config, progress=step_progress(bar))
        bar()
    # the meta with the rules file and fingerprint of the values in force instead of the values
    # (long: `ringtrace rules show` lists them), and the version of the results schema
    # (docs/results-schema.md) that the stored scan follows
    meta = {**{k: v for k, v in result["meta"].items() if k != "rules"},
            "rules": f"{config.source} (values {config.fingerprint})",
            "schema_version": SCHEMA_VERSION}
    rows = [{"key": k, "value": v} for k, v in meta.items()]
    text = say(f"已扫描{meta['cases_scanned']}件案件：红旗命中{meta['findings']}次，"
               f"团伙{meta['rings']}个，线索{meta['leads']}条（评分≥{meta['lead_threshold']}）\n"
               f"规则：{config.source}（取值指纹 {config.fingerprint}）\n"
               "下一步：ringtrace rings | ringtrace leads | ringtrace ring 1 --html ring.html",
               f"scanned {meta['cases_scanned']} cases: {meta['findings']} rule hits, "
               f"{meta['rings']} rings, {meta['leads']} leads (score >= "
               f"{meta['lead_threshold']})\n"
               f"rules: {config.source} (values {config.fingerprint})\n"
               "next: ringtrace rings | ringtrace leads | ringtrace ring 1 --html ring.html")
    emit(meta, as_json=as_json, as_csv=as_csv, rows=rows, text=text)


@cli.command("eval")
@click.option("--truth", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="truth.json written by `ringtrace synth` (or a verified set): measure the "
              "workspace's last scan against it.")
@click.option("--worlds", "worlds_count", type=click.IntRange(1, len(worlds.DEV_SEEDS)),
              help="Instead: generate, ingest (raw documents), scan and measure this many "
              "worlds, and report each with the worst and the median.")
@click.option("--split", type=click.Choice(worlds.SPLITS), default="dev", show_default=True,
              help="Which worlds: dev (tune here) or eval (report only; never tune on them).")
@click.option("--cases", default=6000, show_default=True, help="Cases per world.")
@click.option("--workdir", type=click.Path(file_okay=False, path_type=Path),
              default=Path(".worlds"), show_default=True,
              help="Where generated worlds and their workspaces are kept and reused.")
@click.option("--rules", "rules_file", type=click.Path(exists=True, dir_okay=False,
                                                        path_type=Path),
              help="TOML file overriding rule weights and thresholds (worlds only).")
@click.option("--ablation", is_flag=True, help="Also rescan with each rule family switched off.")
@output_options
@click.pass_obj
def eval_command(ctx: Context, truth: Path | None, worlds_count: int | None, split: str,
                 cases: int, workdir: Path, rules_file: Path | None, ablation: bool,
                 as_json: bool, as_csv: bool) -> None:
    """Measure detection against a ground truth: ring and case precision/recall, look-alikes
    inside rings, quarantine.

    With --truth, the workspace's last scan is measured. With --worlds N, N generated worlds
    of the chosen split (each with its own seed and variation level, see docs/evaluation.md)
    are generated, ingested from their raw documents, scanned and measured; the report gives
    each world, the worst and the median, and a calibration table (score band -> observed
    share of sham cases). Worlds are kept under --workdir and reused.

    \b
    Examples:
      ringtrace eval --truth province/truth.json
      ringtrace eval --worlds 10 --split eval
      ringtrace eval --worlds 5 --split dev --rules trial.toml --ablation --json
    """
    if (truth is None) == (worlds_count is None):
        raise click.UsageError("give either --truth FILE or --worlds N")
    if truth is not None:
        with opened_store(ctx) as store, translated_errors():
            ev = evaluate(store, load_truth(truth))
            scanned = ScanResults.load(store).meta.rules
        # which rules file and values produced the scan measured
        rules = f"{scanned.source} (values {scanned.fingerprint})"
        data = {**ev.to_dict(), "rules": rules}
        rows = [{"metric": k, "value": v} for k, v in data.items()
                if not isinstance(v, dict | list)]
        note = filled_note(scanned)
        emit(data, as_json=as_json, as_csv=as_csv, rows=rows,
             text="\n".join([format_evaluation(ev), f"rules: {rules}",
                             *([f"note: {note}"] if note else [])]))
        return
    assert worlds_count is not None
    with translated_errors():
        config = load_rules(rules_file)
        specs = worlds.world_specs(split, worlds_count, cases)
        with progress_bar(len(specs), "worlds", unit="world") as tick:
            results = []
            for spec in specs:
                results.append(worlds.run_world(spec, workdir, config))
                tick(1)
        summary = worlds.summarise(results)
        bands = worlds.merge_bands(r.bands for r in results)
        ablations = (worlds.ablate(specs, workdir, config, rule_families())
                     if ablation else [])
    report = worlds_report(results, summary, bands, ablations,
                           f"{config.source} (values {config.fingerprint})")
    emit(report, as_json=as_json, as_csv=as_csv, rows=report["worlds"],
         text=format_worlds(report))


def rule_families() -> dict[str, tuple[str, ...]]:
    from ringtrace.queries.redflags import CATALOGUE

    families: dict[str, list[str]] = {}
    for rule in CATALOGUE:
        families.setdefault(rule.family, []).append(rule.id)
    return {f: tuple(ids) for f, ids in families.items()}


def worlds_report(results: list[worlds.WorldResult], summary: worlds.Summary,
                  bands: list[worlds.Band], ablations: list[worlds.Ablation],
                  rules: str) -> dict[str, Any]:
    rows = []
    for r in results:
        e = r.evaluation
        rows.append({"world": r.spec.name, "variation": r.spec.variation,
                     **{m: r.metric(m) for m in worlds.METRICS},
                     "rings_planted": e.rings_planted, "rings_reported": e.rings_reported})
    return {
        "rules": rules, "worlds": rows, **summary.to_dict(),
        "calibration": [{"band": f"[{b.low:.2f}, {b.high:.2f})", "cases": b.cases,
                         "sham": b.sham, "observed_precision": b.precision} for b in bands],
        "ablation": [{"without": a.family, "rules": list(a.rules), **a.summary.to_dict()}
                     for a in ablations],
        "per_world": [r.to_dict() for r in results],
    }


def _short_resolution(metric: str) -> str:
    """``agents_named_recall`` -> ``age.nam.R``; ``persons_precision`` -> ``per.P``."""
    parts = metric.split("_")
    return ".".join([parts[0][:3], *(p[:3] for p in parts[1:-1]), parts[-1][0].upper()])


def format_worlds(report: dict[str, Any]) -> str:
    detection = [m for m in worlds.METRICS if not m.startswith(worlds.RESOLUTION_KINDS)]
    resolution = [m for m in worlds.METRICS if m.startswith(worlds.RESOLUTION_KINDS)]
    short = {"ring_recall": "ringR", "ring_recall_3plus": "ringR3+", "ring_precision": "ringP",
             "case_precision": "caseP",
             "case_recall": "caseR", "decoy_ring_rate": "alike@ring",
             "decoy_flag_rate": "alike@lead", "quarantine_rate": "quarantine",
             **{m: _short_resolution(m) for m in resolution}}
    lines = [f"rules: {report['rules']}"]
    for title, metrics in (("detection", detection),
                           ("entity resolution, pairwise (named: mentions printed with a full "
                            "name)", resolution)):
        lines += ["", f"{title}:", f"{'world':<24}" + "".join(f"{short[m]:>11}" for m in metrics)]
        for row in report["worlds"]:
            lines.append(f"{row['world']:<24}"
                         + "".join(f"{_pct(row.get(m)):>11}" for m in metrics))
        for label in ("worst", "median"):
            lines.append(f"{label:<24}"
                         + "".join(f"{_pct(report[label][m]):>11}" for m in metrics))
    lines += ["", "calibration (final score band -> observed share of sham cases):"]
    for b in report["calibration"]:
        lines.append(f"  {b['band']:<14} cases {b['cases']:>7}  sham {b['sham']:>6}  "
                     f"observed {_pct(b['observed_precision'])}")
    if report["ablation"]:
        lines += ["", "ablation (worst / median with the family switched off):"]
        for a in report["ablation"]:
            cells = ", ".join(f"{short[m]} {_pct(a['worst'][m])}/{_pct(a['median'][m])}"
                              for m in ("ring_recall", "ring_precision", "case_precision",
                                        "decoy_ring_rate"))
            lines.append(f"  without {a['without']:<10} {cells}")
    return "\n".join(lines)
