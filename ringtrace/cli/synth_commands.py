"""``synth``: write a synthetic province (inputs plus ground truth) for testing detection."""

from __future__ import annotations

from pathlib import Path

import click

from ringtrace.cli.app import cli
from ringtrace.cli.common import translated_errors
from ringtrace.cli.output import emit, output_options, table
from ringtrace.synth import ALL_TYPOLOGIES, generate
from ringtrace.synth.variation import REGISTRY_FORMATS


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
                   + ", ".join(ALL_TYPOLOGIES) + " (the last three join 'all' only with "
                   "--variation above 0).")
@click.option("--texts/--no-texts", default=False, show_default=True,
              help="Also write one raw document per case under documents/.")
@click.option("--registry-format", type=click.Choice(list(REGISTRY_FORMATS)), default=None,
              help="Registry export: csv or xlsx (Chinese headers), or a Tianyancha-style "
                   "tyc-jsonl / tyc-xlsx.  [default: csv; drawn per world with --variation]")
@click.option("--variation", type=click.FloatRange(0, 1), default=0.0, show_default=True,
              metavar="LEVEL",
              help="How far this world departs from the defaults, 0-1: proportions, "
                   "formats, layouts, wording, script, names, noise and registry spellings "
                   "(0 = today's files byte for byte).")
@output_options
def synth(seed: int, cases: int, out_dir: Path, typologies: str, texts: bool,
          registry_format: str | None, variation: float, as_json: bool, as_csv: bool) -> None:
    """Generate a synthetic province: registry, case records, 补缴 ledger and truth.

    The files are what an analyst would receive (registry export, cases.jsonl in the
    interchange format, backpayments.csv, optionally raw documents) plus truth.json naming
    the rings, the legitimate look-alikes and every printed name with its true identity.
    Everything follows from --seed (and --variation).

    --variation LEVEL draws a world that differs from the default one the way real corpora
    differ from each other: sham share, ring typologies and which sham signals rings show;
    new legitimate look-alikes (supported suits, closing firms, young firms, dormant
    collectives); file forms (txt, 裁判文书网 and Word-export html, mirror and field-block
    pages, reposts without a header, docx; UTF-8, BOM, GB18030/GBK, CRLF); party-line
    layouts; traditional script; masking; name pools; noise; and the registry (coverage,
    Tianyancha exports, spellings). 0 writes today's files byte for byte, 1 the widest
    realistic spread. The drawn settings are recorded in truth.json under "variation";
    evaluate detection over several seeds (worlds), not one.

    \b
    Examples:
      ringtrace synth --seed 7 --cases 3000 --out province/
      ringtrace synth --seed 1 --cases 500 --out small/ --typologies tiny,spread --texts
      ringtrace synth --cases 250000 --out big/ --registry-format xlsx --json
      ringtrace synth --seed 3 --cases 3000 --texts --variation 0.7 --out world3/
    """
    with translated_errors():
        summary = generate(out_dir, seed=seed, cases=cases, typologies=typologies, texts=texts,
                           registry_format=registry_format, variation=variation)
    rows = [{"group": "ring", "kind": name, "rings": summary.rings.get(name, 0),
             "cases": summary.ring_cases.get(name, 0)} for name in ALL_TYPOLOGIES
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
