"""``synth``: write a synthetic province (inputs plus ground truth) for testing detection."""

from __future__ import annotations

from pathlib import Path

import click

from ringtrace.cli.app import cli
from ringtrace.cli.common import translated_errors
from ringtrace.cli.output import emit, output_options, table
from ringtrace.synth import TYPOLOGIES, generate


@cli.command()
@click.option("--seed", type=int, default=7, show_default=True,
              help="Random seed; the same seed writes byte-identical files.")
@click.option("--cases", type=click.IntRange(min=1), default=3000, show_default=True,
              help="Number of case records to generate.")
@click.option("--out", "out_dir", required=True,
              type=click.Path(file_okay=False, path_type=Path),
              help="Directory to write into (created if missing).")
@click.option("--typologies", default="all", show_default=True, metavar="LIST",
              help="Comma list of ring typologies to include, or all / none. Known: "
                   + ", ".join(TYPOLOGIES) + ".")
@click.option("--texts/--no-texts", default=False, show_default=True,
              help="Also write one raw document per case under documents/.")
@click.option("--registry-format", type=click.Choice(["csv", "xlsx"]), default="csv",
              show_default=True, help="Write the registry export as registry.csv or .xlsx.")
@output_options
def synth(seed: int, cases: int, out_dir: Path, typologies: str, texts: bool,
          registry_format: str, as_json: bool, as_csv: bool) -> None:
    """Generate a synthetic province: registry, case records, 补缴 ledger and truth.

    The files are what an analyst would receive (registry export, cases.jsonl in the
    interchange format, backpayments.csv, optionally raw documents) plus truth.json naming
    the rings and the legitimate look-alikes. Everything follows from --seed.

    \b
    Examples:
      ringtrace synth --seed 7 --cases 3000 --out province/
      ringtrace synth --seed 1 --cases 500 --out small/ --typologies tiny,spread --texts
      ringtrace synth --cases 250000 --out big/ --registry-format xlsx --json
    """
    with translated_errors():
        summary = generate(out_dir, seed=seed, cases=cases, typologies=typologies, texts=texts,
                           registry_format=registry_format)
    rows = [{"group": "ring", "kind": name, "rings": summary.rings.get(name, 0),
             "cases": summary.ring_cases.get(name, 0)} for name in TYPOLOGIES
            if name in summary.rings]
    rows += [{"group": "decoy", "kind": kind, "rings": "", "cases": count}
             for kind, count in summary.decoys.items()]
    rows.append({"group": "background", "kind": "", "rings": "", "cases": summary.background})
    text = "\n".join([
        f"wrote {summary.out_dir}: {', '.join(summary.files)}",
        f"{summary.cases} cases, {summary.registry_rows} registry rows, "
        f"{summary.backpayments} back-payments"
        + (f", {summary.documents} documents" if summary.documents else ""),
        f"{summary.sham_cases} sham cases; {summary.legitimate_confirmation_share:.0%} of "
        f"{summary.confirmation_cases} confirmation cases are legitimate",
        "",
        table(rows),
    ])
    emit(summary.to_dict(), as_json=as_json, as_csv=as_csv, rows=rows, text=text)
