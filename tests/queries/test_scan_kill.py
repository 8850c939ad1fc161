"""A scan killed at any point leaves the previous complete scan and no child process; a second
writer gets a clear message instead of waiting on SQLite.

Each run is a real ``run_scan`` in a child Python process on a 300-case synthetic province. The
child writes the step it reached (and its community worker's pid) to a marker file; the test
waits for a step, sleeps a seeded random fraction of a second and sends SIGKILL. To land a kill
inside the save transaction for sure (after the old rows are deleted and the first new row is
written), a temporary trigger in the child sleeps after each row the save inserts. A reader
thread polls the stored scan all along.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from ringtrace.cli import cli
from ringtrace.graph.store.sqlite import SQLiteStore
from ringtrace.loaders.ingest import ingest_paths
from ringtrace.queries.scan import run_scan
from ringtrace.synth import generate

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"),
                                reason="reads /proc to see which processes are left")
ROOT = Path(__file__).resolve().parents[2]
KEYS = {"meta", "findings", "cases", "rings", "leads", "explained_groups"}
CHILD = r"""
import sys, time
from pathlib import Path
from ringtrace.graph.store.sqlite import SQLiteStore
from ringtrace.queries import community_step, scan
from ringtrace.queries.rules import load_rules

workspace, marker, pause_at, pause = sys.argv[1], Path(sys.argv[2]), sys.argv[3], float(sys.argv[4])
slow_worker = sys.argv[5] == "slow-worker"

def note(text):
    with marker.open("a") as fh:
        fh.write(text + "\n")

compute = community_step.case_communities
def slow(*args):  # a worker still busy when the scan dies (as on a big province)
    time.sleep(60)
    return compute(*args)
if slow_worker:
    community_step.case_communities = slow

start = community_step.start
def started(*args):
    pending = start(*args)
    note(f"worker {pending.pid}")
    return pending
scan.community_step.start = started

def inserted():  # called by a trigger after each row the save writes, inside its transaction
    note("in-transaction")
    if pause_at == "in-transaction":
        time.sleep(pause)

def say(step):
    note(step)
    if step == pause_at:
        time.sleep(pause)

with SQLiteStore.open(workspace, create=False) as store:
    store.conn.create_function("inserted", 0, inserted)
    store.conn.execute("CREATE TEMP TRIGGER slow AFTER INSERT ON main.scan "
                       "BEGIN SELECT inserted(); END")
    scan.run_scan(store, load_rules(overrides={"scoring": {"community_seed": 99}}), progress=say)
note("done")
"""


def _without_time(result: Mapping[str, Any]) -> dict[str, Any]:
    return {**result, "meta": {k: v for k, v in result["meta"].items() if k != "scanned_at"}}


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("kill")
    generate(root / "province", seed=1, cases=300)
    with SQLiteStore.open(root / "ws") as store:
        ingest_paths(store, [root / "province"])
        run_scan(store)
    return root / "ws"


@pytest.fixture(scope="module")
def first_scan(workspace: Path) -> dict[str, Any]:
    with SQLiteStore.open(workspace, create=False) as store:
        stored = store.load_scan()
    assert stored is not None
    return _without_time(stored)


def _start(workspace: Path, marker: Path, pause_at: str, pause: float, *,
           slow_worker: bool = False) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get(
        "PYTHONPATH", "")])}
    return subprocess.Popen([sys.executable, "-c", CHILD, str(workspace), str(marker), pause_at,
                             str(pause), "slow-worker" if slow_worker else "-"], env=env,
                            stderr=subprocess.PIPE)


def _wait_for(marker: Path, step: str, child: subprocess.Popen[bytes]) -> list[str]:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        lines = marker.read_text().split("\n") if marker.exists() else []
        if step in lines:
            return lines
        assert child.poll() is None, child.stderr.read().decode() if child.stderr else ""
        time.sleep(0.01)
    raise AssertionError(f"the scan never reached {step}")


def _alive(pid: int) -> bool:
    """True while ``pid`` runs (a zombie awaiting its reaper does not count)."""
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] != "Z"
    except (FileNotFoundError, ProcessLookupError):
        return False


class _Reader(threading.Thread):
    """Polls the stored scan from its own connection; every read must be a complete scan."""

    def __init__(self, workspace: Path) -> None:
        super().__init__(daemon=True)
        self.workspace, self.stop, self.reads = workspace, threading.Event(), 0
        self.bad: list[object] = []

    def run(self) -> None:
        with SQLiteStore.open(self.workspace, create=False) as store:
            while not self.stop.is_set():
                scan = store.load_scan()
                if scan is None or set(scan) != KEYS or scan["meta"]["cases_scanned"] != 300 \
                        or len(scan["findings"]) != scan["meta"]["findings"] \
                        or len(scan["leads"]) != scan["meta"]["leads"]:
                    self.bad.append(scan and sorted(scan))
                self.reads += 1
                time.sleep(0.05)


@pytest.fixture
def reader(workspace: Path) -> Iterator[_Reader]:
    thread = _Reader(workspace)
    thread.start()
    yield thread
    thread.stop.set()
    thread.join()
    assert thread.reads > 0 and thread.bad == []


@pytest.mark.parametrize("step", ["frame", "communities", "in-transaction"])
def test_a_scan_killed_at_any_point_leaves_the_previous_scan_and_no_worker(
        workspace: Path, first_scan: dict[str, Any], reader: _Reader, tmp_path: Path,
        step: str) -> None:
    rng = random.Random(f"kill-{step}")
    marker = tmp_path / "marker"
    child = _start(workspace, marker, step, 3.0, slow_worker=step != "in-transaction")
    lines = _wait_for(marker, step, child)
    time.sleep(rng.uniform(0.0, 0.3))
    worker = int(next(line for line in lines if line.startswith("worker")).split()[1])
    child.send_signal(signal.SIGKILL)
    child.wait(10)
    deadline = time.monotonic() + 5
    while _alive(worker) and time.monotonic() < deadline:
        time.sleep(0.02)
    assert not _alive(worker), f"community worker {worker} survived the scan"
    with SQLiteStore.open(workspace, create=False) as store:
        stored = store.load_scan()
        assert stored is not None and _without_time(stored) == first_scan
        with store.writing("ingest"):  # the kernel released the dead scan's lock
            pass


def test_a_scan_and_an_ingest_at_once_give_the_clear_lock_message(
        workspace: Path, first_scan: dict[str, Any], reader: _Reader, tmp_path: Path) -> None:
    marker = tmp_path / "marker"
    child = _start(workspace, marker, "rules", 1.0)
    _wait_for(marker, "rules", child)
    result = CliRunner().invoke(cli, ["-w", str(workspace), "ingest", str(tmp_path)])
    assert result.exit_code == 75, result.output
    assert (f"another ringtrace scan (pid {child.pid}) is running on this workspace"
            in result.output), result.output
    assert "wait for it to finish or use another workspace" in result.output
    assert "Traceback" not in result.output
    assert child.wait(60) == 0, child.stderr.read().decode() if child.stderr else ""
    with SQLiteStore.open(workspace, create=False) as store:
        stored = store.load_scan()
    assert stored is not None and stored["meta"]["community_seed"] == 99
    assert _without_time(stored)["meta"]["snapshot"] == first_scan["meta"]["snapshot"]
