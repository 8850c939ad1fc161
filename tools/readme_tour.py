"""The README's CLI tour, run for real: ``--write`` refreshes it, ``--check`` compares it.

    python tools/readme_tour.py --write   # after a change that moves the figures
    python tools/readme_tour.py --check   # what tests/test_readme_tour.py runs

The steps are commands run in order in one fresh directory, without ``RINGTRACE_WORKSPACE``:
``ingest`` creates ``./ringtrace-workspace`` and the later commands find it there, as they
would for a user. The README shows each step's first lines (and "..." when there are more;
lines that change from run to run, such as a pack's hash or an export's batch id, are left
out that way). The block between the markers
``<!-- tour:start -->`` and ``<!-- tour:end -->`` is generated; everything else in the README is
written by hand.
"""

from __future__ import annotations

import argparse
import os
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
START, END = "<!-- tour:start -->", "<!-- tour:end -->"

#: (command, lines shown); the first employer of ring 1 is looked up by the ``employer`` step
TOUR: list[tuple[str, int]] = [
    ("ringtrace synth --seed 7 --cases 4000 --texts --out province/", 0),
    ("ringtrace ingest province/documents province/registry.csv province/backpayments.csv", 5),
    ("ringtrace scan", 3),
    ("ringtrace rings -n 5", 7),
    ("ringtrace ring 1", 7),
    ("ringtrace employer {employer}", 8),
    ("ringtrace groups -n 3", 5),
    ("ringtrace leads -n 3", 5),
    ("ringtrace pack 1 --out pack-ring1/ --zip", 1),
    ("ringtrace report --out report/ --top 5", 1),
    ("ringtrace leads export --out exports/", 5),
    ("ringtrace resolve", 6),
    ("ringtrace eval --truth province/truth.json", 6),
    ("ringtrace rules show strong_lead", 5),
]


def _run(command: str, cwd: Path, env: dict[str, str]) -> str:
    args = shlex.split(command)
    done = subprocess.run([sys.executable, "-m", "ringtrace", *args[1:]], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=600, check=False)
    if done.returncode != 0:
        raise SystemExit(f"tour step failed ({done.returncode}): {command}\n{done.stderr}")
    return done.stdout


def _first_employer(cwd: Path, env: dict[str, str]) -> str:
    import json

    detail = json.loads(_run("ringtrace ring 1 --json", cwd, env))
    names: list[str] = [e["name"] for e in detail.get("employers", [])]
    if not names:
        raise SystemExit("ring 1 lists no employer")
    return names[0]


def render() -> str:
    """The tour block, from running every step."""
    with tempfile.TemporaryDirectory() as tmp:
        cwd = Path(tmp)
        env = {**os.environ, "PYTHONPATH": str(ROOT), "COLUMNS": "100"}
        env.pop("RINGTRACE_PROGRESS", None)
        env.pop("RINGTRACE_WORKSPACE", None)  # found by walking up from the directory
        out = ["```"]
        for command, shown in TOUR:
            if "{employer}" in command:
                command = command.format(employer=_first_employer(cwd, env))
            lines = _run(command, cwd, env).rstrip("\n").splitlines()
            out.append(f"$ {command}")
            out += [line.rstrip() for line in lines[:shown]]
            if len(lines) > shown and shown:
                out.append("...")
        out.append("```")
        return "\n".join(out)


def current() -> str:
    text = README.read_text("utf-8")
    return text[text.index(START) + len(START):text.index(END)].strip("\n")


def write(block: str) -> None:
    text = README.read_text("utf-8")
    head, tail = text[:text.index(START) + len(START)], text[text.index(END):]
    README.write_text(f"{head}\n{block}\n{tail}", "utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--write", action="store_true")
    mode.add_argument("--check", action="store_true")
    args = parser.parse_args()
    block = render()
    if args.write:
        write(block)
        return 0
    if block != current():
        print("the README's tour is out of date: run python tools/readme_tour.py --write")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
