"""The code a benchmark compares itself with: ``ringtrace/`` as of an earlier commit.

Benchmarks print ratios against a baseline measured in the same run (issue 16), so each one
extracts the package at its baseline commit into a temporary directory and runs it there in a
fresh process beside this checkout.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def extract_ringtrace(rev: str, into: Path | str) -> str | None:
    """Write ``ringtrace/`` as of ``rev`` into ``into`` (``git archive``); None when done, else
    why not (git missing, not a repository, no such commit)."""
    try:
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", rev, "ringtrace"],
                                 check=True, capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", str(into)], input=archive, check=True)
    except (OSError, subprocess.CalledProcessError) as exc:
        return str(exc)
    return None
