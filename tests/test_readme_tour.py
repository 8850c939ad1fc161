"""The README's CLI tour is what the commands print today (tools/readme_tour.py runs it)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_the_readme_tour_is_true() -> None:
    done = subprocess.run([sys.executable, str(ROOT / "tools" / "readme_tour.py"), "--check"],
                          capture_output=True, text=True, timeout=900, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
