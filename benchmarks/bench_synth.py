"""Speed of the synthetic province generator on one core.

Usage::

    python benchmarks/bench_synth.py [--cases 250000] [--max-seconds 60] [--texts-cases 20000]
                                     [--variation 1.0]

Generates ``--cases`` records (JSON only) and then ``--texts-cases`` records with raw documents,
into temporary directories, and prints CPU seconds and cases per second for each. The texts run
is made twice in the same process, at variation 0 (today's generator) and at ``--variation``
(varied forms, layouts, script and noise), so the two times are comparable. Exits non-zero when
the JSON run takes more than ``--max-seconds`` of CPU time.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from ringtrace.synth import generate


def timed(cases: int, texts: bool, seed: int, variation: float = 0.0) -> tuple[float, int]:
    """(CPU seconds, bytes written) for one province."""
    with tempfile.TemporaryDirectory(prefix="bench-synth-") as tmp:
        start = time.process_time()
        generate(tmp, seed=seed, cases=cases, texts=texts, variation=variation)
        seconds = time.process_time() - start
        size = sum(p.stat().st_size for p in Path(tmp).rglob("*") if p.is_file())
    return seconds, size


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cases", type=int, default=250_000)
    parser.add_argument("--texts-cases", type=int, default=20_000)
    parser.add_argument("--max-seconds", type=float, default=60.0)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--variation", type=float, default=1.0,
                        help="level of the second texts run (compared with level 0)")
    args = parser.parse_args()
    seconds, size = timed(args.cases, False, args.seed)
    print(f"json:  {args.cases} cases in {seconds:.1f} s CPU "
          f"({args.cases / seconds:,.0f} cases/s, {size / 2**20:.0f} MiB written)")
    if args.texts_cases:
        for level in (0.0, args.variation):
            t_seconds, t_size = timed(args.texts_cases, True, args.seed, level)
            print(f"texts (variation {level:g}): {args.texts_cases} cases in {t_seconds:.1f} s "
                  f"CPU ({args.texts_cases / t_seconds:,.0f} cases/s, "
                  f"{t_size / 2**20:.0f} MiB written)")
    if seconds > args.max_seconds:
        print(f"FAIL: {seconds:.1f} s > {args.max_seconds:.0f} s", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
