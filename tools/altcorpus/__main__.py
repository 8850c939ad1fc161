"""``python -m tools.altcorpus --seed N --out DIR``."""

from __future__ import annotations

import argparse
from pathlib import Path

from tools.altcorpus.build import write


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.altcorpus", description=__doc__)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    truth = write(args.seed, args.out)
    print(f"{len(truth['cases'])} documents, {len(truth['rings'])} rings, "
          f"{len(truth['decoys'])} look-alike cases -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
