"""python -m tools.blindcorpus --seed N --out DIR [--cases 2000]"""

from __future__ import annotations

import argparse
import collections
from pathlib import Path

from tools.blindcorpus.build import write


def main() -> None:
    ap = argparse.ArgumentParser(prog="python -m tools.blindcorpus", description=__doc__)
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--cases", type=int, default=2000, help="planned cases (documents are a few more)")
    args = ap.parse_args()
    truth = write(args.seed, args.out, args.cases)
    groups = collections.Counter(c["group"] for c in truth["cases"])
    print(f"seed {args.seed}: {len(truth['cases'])} documents {dict(groups)}, "
          f"{len(truth['rings'])} rings, {len(truth['registry'])} registry rows -> {args.out}")


if __name__ == "__main__":
    main()
