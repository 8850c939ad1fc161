"""Benchmark `scan` on a generated province, with a plain-networkx baseline in the same run.

    python benchmarks/bench_scan.py --cases 250000

Steps: generate (cached under --workdir), ingest, scan (time per step), then the community step
side by side: ringtrace's projection (integer arrays straight from the stored tables) + networkit
PLM, against a baseline that builds a networkx graph in a Python loop and runs
`louvain_communities`. Prints seconds, peak traced memory per edge, modularity and the ratios.
Both sides are timed the same way: untraced for time, then once more under tracemalloc for
memory alone. Then raw-document ingest: the same generated documents ingested with one process
and with one per core, documents per second, CPU ms per document (all processes; the writer's
and the parsing processes' apart) and the pace over the first and the last tenth (does it slow
as the workspace grows?) for each, and the ratio; then CPU ms per document of each stage
(parse, rows, payload between processes, writer).

Every target printed comes from :data:`TARGETS` (the numbers of issue 16) and is checked: a miss
is listed at the end and the script exits 1.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from functools import partial
from itertools import pairwise
from pathlib import Path
from typing import Any

import networkx as nx
import numpy as np
from baseline import extract_ringtrace

from ringtrace.graph.store.sqlite import SQLiteStore
from ringtrace.loaders.ingest import ingest_paths
from ringtrace.queries.communities import communities, modularity
from ringtrace.queries.projection import EDGE_KINDS, Projection, entity_projection
from ringtrace.queries.scan import run_scan

#: Issue 16's targets, in one place. Scan seconds are given for up to 250,000 cases (≤ 10 s) and
#: up to 1,000,000 (≤ 60 s); a smaller run is held to the target of the smallest size it fits
#: under, which only makes it easier to meet.
SCAN_SECONDS = ((250_000, 10.0), (1_000_000, 60.0))
#: the community step (projection + PLM) against the networkx build + louvain
MIN_COMMUNITY_SPEEDUP = 20.0
#: main before the frame cache (frame22): the base-style frame build, timed beside this one
FRAME_BASELINE_REV = "04de7cbdacd3e7622c44c482c8fed39a8f598cd8"
#: the frame loaded from the frame cache against the base-style build (3.5x when it landed)
MIN_FRAME_CACHE_SPEEDUP = 2.0
#: main before the scan freed its frame by reference counting (scale26): the scan timed beside
#: this one
SCAN_BASELINE_REV = "a8775f50c6de058b36381f97bea8a42dac6e5007"
#: raw-document ingest with every core (the issue states it for 1M cases on 2 cores)
MIN_DOCS_PER_SECOND = 2_000.0


class Targets:
    """Each target checked where it is printed; the misses, for the exit status."""

    def __init__(self) -> None:
        self.missed: list[str] = []

    def check(self, what: str, ok: bool) -> str:
        """`what`, marked met or MISSED (and remembered when missed)."""
        if not ok:
            self.missed.append(what)
        return f"{what}: {'met' if ok else 'MISSED'}"


def scan_target(cases: int) -> float | None:
    """Seconds the scan of ``cases`` cases may take (None above the largest size stated)."""
    return next((seconds for size, seconds in SCAN_SECONDS if cases <= size), None)


def timed(fn: Callable[[], Any], trace: bool = False) -> tuple[Any, float, int]:
    if trace:
        tracemalloc.start()
    t0 = time.perf_counter()
    value = fn()
    seconds = time.perf_counter() - t0
    peak = 0
    if trace:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return value, seconds, peak


def generator_fingerprint() -> str:
    """Hash of the generator's source, so a cached province is rebuilt when the generator changes."""
    import hashlib

    import ringtrace.synth

    h = hashlib.sha256()
    for path in sorted(Path(ringtrace.synth.__file__).parent.rglob("*.py")):
        h.update(path.read_bytes())
    return h.hexdigest()[:10]


def province(workdir: Path, cases: int, seed: int) -> Path:
    from ringtrace.synth import generate

    out = workdir / f"province-{cases}-{seed}-{generator_fingerprint()}"
    stamp = out / ".complete"
    if not stamp.exists():
        shutil.rmtree(out, ignore_errors=True)
        _, seconds, _ = timed(lambda: generate(out, seed=seed, cases=cases))
        stamp.write_text("ok")
        print(f"generate {cases} cases: {seconds:.1f} s")
    return out


def cached_workspace(workdir: Path, name: str, cases: int, seed: int, *,
                     scanned: bool) -> Path:
    """``workdir/name-cases-seed``: the generated province ingested (and scanned, if
    ``scanned``) once, reused while its completion stamp is there."""
    ws = workdir / f"{name}-{cases}-{seed}"
    stamp = ws / ".complete"
    if not stamp.exists():
        src = province(workdir, cases, seed)
        shutil.rmtree(ws, ignore_errors=True)
        with SQLiteStore.open(ws) as store:
            ingest_paths(store, [src], batch_size=2000)
            if scanned:
                run_scan(store)
        stamp.write_text("ok")
    return ws


def baseline_graph(store: SQLiteStore) -> nx.Graph:
    """The plain-networkx way: a Python loop over the stored edges into nx.Graph."""
    g = nx.Graph()
    for kind in EDGE_KINDS:
        for e in store.iter_edges(kind):
            g.add_edge(e.src, e.dst)
    return g


def baseline_louvain(store: SQLiteStore, seed: int) -> list[set[str]]:
    return nx.community.louvain_communities(baseline_graph(store), seed=seed)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=250_000)
    parser.add_argument("--seed", type=int, default=20261128)
    parser.add_argument("--workdir", type=Path, default=Path(".bench"))
    parser.add_argument("--skip-baseline", action="store_true")
    parser.add_argument("--ingest-cases", type=int, default=10_000,
                        help="cases (one raw document each) for the jobs=1 / all-cores ingest "
                             "comparison; 0 skips it")
    parser.add_argument("--ingest-variation", type=float, default=0.0,
                        help="the generator's --variation for those documents (0.7: every file "
                             "form, script and layout it draws)")
    parser.add_argument("--ingest-only", action="store_true",
                        help="only the jobs=1 / all-cores ingest comparison, no scan")
    parser.add_argument("--frame-only", type=Path, metavar="WORKSPACE",
                        help="only the frame line, on this ingested workspace (only read, but "
                             "for its frame cache)")
    parser.add_argument("--scan-only", type=Path, metavar="WORKSPACE",
                        help="only the scan line (this checkout against the code before "
                             "scale26, two rounds), on this ingested workspace (its results "
                             "are replaced by identical ones)")
    parser.add_argument("--measure-frame", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.ingest_only:
        targets = Targets()
        ingest_throughput(args.workdir, args.ingest_cases, args.seed, targets,
                          args.ingest_variation)
        return 1 if targets.missed else 0
    if args.measure_frame:
        print(json.dumps(measure_frame(*args.measure_frame)))
        return 0
    if args.frame_only:
        only = Targets()
        frame_line(args.frame_only, only)
        return 1 if only.missed else 0
    if args.scan_only:
        only = Targets()
        scan_line(args.scan_only, only)
        return 1 if only.missed else 0
    src = province(args.workdir, args.cases, args.seed)
    ws = args.workdir / f"ws-{args.cases}-{args.seed}"
    shutil.rmtree(ws, ignore_errors=True)
    store = SQLiteStore.open(ws)
    targets = Targets()
    summary, seconds, _ = timed(lambda: ingest_paths(store, [src], batch_size=2000))
    edges = sum(summary.counts_after["edges"].values())
    print(f"ingest: {summary.records} records, {edges} relationships in {seconds:.1f} s "
          f"({summary.records / seconds:,.0f} records/s)")

    marks: list[tuple[str, float]] = []
    t0 = time.perf_counter()
    result, total, _ = timed(lambda: run_scan(store, progress=lambda s: marks.append(
        (s, time.perf_counter()))))
    end = t0 + total
    limit = scan_target(args.cases)
    print(f"scan: {result['meta']['cases_scanned']} cases, {result['meta']['rings']} rings, "
          f"{result['meta']['leads']} leads in {total:.1f} s")
    if limit is not None:
        print("  " + targets.check(f"target scan <= {limit:g} s (issue 16: <= 10 s at 250,000 "
                                   f"cases, <= 60 s at 1,000,000)", total <= limit))
    for (step, start), (_, nxt) in zip(marks, [*marks[1:], ("end", end)], strict=True):
        print(f"  {step:<12} {nxt - start:6.2f} s")

    proj, t_proj, _ = timed(lambda: entity_projection(store))
    _, _, m_proj = timed(lambda: entity_projection(store), trace=True)  # memory, traced apart
    labels, t_comm, _ = timed(lambda: communities(proj.n, proj.sources, proj.targets, seed=42))
    q_ours = modularity(proj.n, proj.sources, proj.targets, labels)
    m = len(proj.sources)
    print(f"projected entity graph: {proj.n:,} nodes, {m:,} edges")
    print(f"  ringtrace  build {t_proj:6.2f} s ({m_proj / max(m, 1):5.0f} B/edge traced)  "
          f"networkit PLM {t_comm:6.2f} s  modularity {q_ours:.4f}")
    if not args.skip_baseline:
        community_baseline(store, proj, t_proj + t_comm, m_proj, targets)
    frame_line(ws, targets)
    scan_line(ws, targets)
    if args.ingest_cases > 0:
        ingest_throughput(args.workdir, args.ingest_cases, args.seed, targets,
                          args.ingest_variation)
    store.close()
    if targets.missed:
        print("missed: " + "; ".join(targets.missed))
        return 1
    return 0


def community_baseline(store: SQLiteStore, proj: Projection, t_ours: float, m_proj: int,
                       targets: Targets) -> None:
    """The networkx build + louvain beside ours, timed the same way: untraced for time (build
    alone, then build + louvain), traced apart for memory."""
    m = len(proj.sources)
    _, t_build, _ = timed(lambda: baseline_graph(store))
    _, _, m_build = timed(lambda: baseline_graph(store), trace=True)  # memory, traced apart
    parts, t_nx, _ = timed(lambda: baseline_louvain(store, 42))
    index = {nid: i for i, nid in enumerate(proj.ids)}
    base_labels = np.zeros(proj.n, dtype=np.int64)
    for c, part in enumerate(parts):
        for nid in part:
            base_labels[index[nid]] = c
    q_nx = modularity(proj.n, proj.sources, proj.targets, base_labels)
    print(f"  networkx   build {t_build:6.2f} s ({m_build / max(m, 1):5.0f} B/edge traced)  "
          f"build+louvain {t_nx:6.2f} s  modularity {q_nx:.4f}")
    speedup = t_nx / max(t_ours, 1e-9)
    print(f"  ratio: community step {speedup:.1f}x faster; memory per edge "
          f"{m_build / max(m_proj, 1):.1f}x smaller")
    print("  " + targets.check(f"target community step >= {MIN_COMMUNITY_SPEEDUP:g}x faster "
                               "than networkx", speedup >= MIN_COMMUNITY_SPEEDUP))


def frame_digest(frame: Any) -> str:
    """SHA-256 of everything a frame holds, in order (sets sorted): equal frames, equal digests."""
    import msgspec

    tables = ("persons", "employers", "forums", "firms", "identifiers", "employer_cases",
              "agent_cases")
    state = ([[c.id, c.case_number, c.forum_id, c.forum, c.props, c.workers, c.employers,
               c.others, c.agents, c.spans, c.claim_amounts, c.confirmation, c.uncontested]
              for c in frame.cases.values()],
             [getattr(frame, name) for name in tables],
             [{k: sorted(v) for k, v in getattr(frame, name).items()}
              for name in ("contacts", "legal_reps")])
    return hashlib.sha256(msgspec.msgpack.encode(state)).hexdigest()


def measure_frame(workspace: str, how: str) -> dict[str, Any]:
    """CPU seconds of one frame step in this process, with whichever ``ringtrace`` is on the
    path: ``build`` (the resolution read as kept, then the frame built; then, where the code
    has a frame cache, the frame kept in it) or ``load`` (read from the frame cache)."""
    from ringtrace.collector import collector_paused
    from ringtrace.graph.store import open_store
    from ringtrace.queries.frame import build_frame

    out: dict[str, Any] = {}
    with open_store(workspace) as store, collector_paused():
        t0 = time.process_time()
        if how == "build":
            frame = build_frame(store)
            out["cpu"] = time.process_time() - t0
            if importlib.util.find_spec("ringtrace.queries.frame_cache") is not None:
                from ringtrace.queries import frame_cache  # the baseline has none

                path, key = frame_cache.cache_path(store), frame_cache.frame_key(store)
                assert path is not None
                t0 = time.process_time()
                frame_cache.save(path, key, frame)
                out["keep_cpu"] = time.process_time() - t0
                out["bytes"] = path.stat().st_size
        else:
            from ringtrace.queries import frame_cache

            path = frame_cache.cache_path(store)
            assert path is not None
            loaded = frame_cache.load(path, frame_cache.frame_key(store))
            assert loaded is not None, "no frame kept for this workspace"
            frame = loaded
            out["cpu"] = time.process_time() - t0
        out["cases"] = len(frame.cases)
        out["digest"] = frame_digest(frame)
    return out


def frame_side(code: Path, workspace: Path, how: str) -> dict[str, Any]:
    """:func:`measure_frame` in a fresh process with ``code`` (a directory holding ``ringtrace``)."""
    env = {**os.environ, "PYTHONPATH": f"{code}{os.pathsep}{Path(__file__).resolve().parent}"}
    out = subprocess.run([sys.executable, "-c", "import sys, json, bench_scan; print(json.dumps("
                          "bench_scan.measure_frame(sys.argv[1], sys.argv[2])))",
                          str(workspace), how], env=env, cwd=code, check=True,
                         capture_output=True, text=True).stdout
    found: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    return found


def frame_line(workspace: Path, targets: Targets) -> None:
    """The frame built the base way, built by this checkout, and loaded from the frame cache:
    CPU seconds, each in a fresh process, and the ratios; the three frames must be equal."""
    root = Path(__file__).resolve().parent.parent
    workspace = workspace.resolve()
    cold = frame_side(root, workspace, "build")
    cached = frame_side(root, workspace, "load")
    base = None
    with tempfile.TemporaryDirectory(prefix="bench-frame-") as tmp:
        failed = extract_ringtrace(FRAME_BASELINE_REV, tmp)
        if failed is None:
            base = frame_side(Path(tmp), workspace, "build")
        else:
            print(f"  frame baseline {FRAME_BASELINE_REV[:10]} not available ({failed})")
    line = (f"frame of {cold['cases']:,} cases (CPU s): built {cold['cpu']:.2f} + kept "
            f"{cold['keep_cpu']:.2f} ({cold['bytes'] / 1e6:,.0f} MB), loaded from the cache "
            f"{cached['cpu']:.2f}")
    if base is not None:
        line += (f"; base-style build {base['cpu']:.2f}: build {base['cpu'] / cold['cpu']:.2f}x, "
                 f"cached {base['cpu'] / cached['cpu']:.1f}x faster")
    print(line)
    if base is not None:
        print("  " + targets.check(f"frame loaded from the cache >= {MIN_FRAME_CACHE_SPEEDUP:g}x "
                                   "faster than built base-style",
                                   base["cpu"] >= MIN_FRAME_CACHE_SPEEDUP * cached["cpu"]))
    digests = {cold["digest"], cached["digest"]} | ({base["digest"]} if base else set())
    print("  " + targets.check("frames built, loaded and base-style are identical",
                               len(digests) == 1))


def measure_scan(workspace: str) -> dict[str, Any]:
    """CPU seconds of each step of one scan in this process (``process_time``, with whichever
    ``ringtrace`` is on the path) and a digest of its results (``meta.scanned_at`` left out)."""
    from ringtrace.graph.store import open_store

    marks: list[tuple[str, float]] = []
    with open_store(workspace) as store:
        result = run_scan(store, progress=lambda step: marks.append((step, time.process_time())))
        marks.append(("end", time.process_time()))
    steps = {step: end - start for (step, start), (_, end) in pairwise(marks)}
    meta = dict(result["meta"])
    meta.pop("scanned_at", None)
    import msgspec

    state = msgspec.json.encode({**result, "meta": meta}, order="sorted")
    return {"steps": steps, "digest": hashlib.sha256(state).hexdigest()}


def scan_side(code: Path, workspace: Path) -> dict[str, Any]:
    """:func:`measure_scan` in a fresh process with ``code``; ``process`` is that process's
    CPU seconds from start to exit (its community worker and interpreter shutdown included)."""
    import resource

    env = {**os.environ, "PYTHONPATH": f"{code}{os.pathsep}{Path(__file__).resolve().parent}"}
    before = cpu_seconds(resource.RUSAGE_CHILDREN)
    out = subprocess.run([sys.executable, "-c", "import sys, json, bench_scan; print(json.dumps("
                          "bench_scan.measure_scan(sys.argv[1])))", str(workspace)],
                         env=env, cwd=code, check=True, capture_output=True, text=True).stdout
    found: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    found["process"] = cpu_seconds(resource.RUSAGE_CHILDREN) - before
    return found


def scan_line(workspace: Path, targets: Targets, rounds: int = 2) -> None:
    """The scan of ``workspace`` by the code before scale26 and by this checkout, alternating,
    each in a fresh process, ``rounds`` times: CPU seconds of the ``save`` step (which ends
    when the scan returns, its frame freed) and of the whole process, and the ratios; the
    results must be identical."""
    root = Path(__file__).resolve().parent.parent
    workspace = workspace.resolve()
    with tempfile.TemporaryDirectory(prefix="bench-scan-") as tmp:
        failed = extract_ringtrace(SCAN_BASELINE_REV, tmp)
        if failed is not None:
            print(f"  scan baseline {SCAN_BASELINE_REV[:10]} not available ({failed})")
            return
        sides: dict[str, list[dict[str, Any]]] = {"base": [], "now": []}
        for _ in range(rounds):
            sides["base"].append(scan_side(Path(tmp), workspace))
            sides["now"].append(scan_side(root, workspace))

    def mean(side: str, pick: Callable[[dict[str, Any]], float]) -> float:
        return sum(pick(run) for run in sides[side]) / rounds

    def both(side: str, pick: Callable[[dict[str, Any]], float]) -> str:
        return " / ".join(f"{pick(run):.2f}" for run in sides[side])

    for what, pick in (("save step", lambda run: float(run["steps"]["save"])),
                       ("whole process", lambda run: float(run["process"]))):
        print(f"scan {what} (CPU s, {rounds} rounds): before scale26 {both('base', pick)}, "
              f"now {both('now', pick)}: ratio {mean('base', pick) / mean('now', pick):.2f}x")
    digests = {run["digest"] for runs in sides.values() for run in runs}
    print("  " + targets.check("scan results before scale26 and now are identical",
                               len(digests) == 1))


def documents_province(workdir: Path, cases: int, seed: int, variation: float = 0.0) -> Path:
    """A generated province with one raw document per case (``documents/``), built once; with
    ``variation``, in every file form the generator draws (txt, html, docx, traditional
    script, GB18030, …)."""
    from ringtrace.synth import generate

    varied = f"-v{variation:g}" if variation else ""
    out = workdir / f"texts-{cases}-{seed}{varied}-{generator_fingerprint()}"
    stamp = out / ".complete"
    if not stamp.exists():
        shutil.rmtree(out, ignore_errors=True)
        _, seconds, _ = timed(lambda: generate(out, seed=seed, cases=cases, texts=True,
                                               variation=variation))
        stamp.write_text("ok")
        print(f"generate {cases} cases with documents: {seconds:.1f} s")
    return out / "documents"


class Pace:
    """A progress receiver that keeps when each file was done: the rate over the first and the
    last tenth of an ingest shows whether it slows down as the workspace grows."""

    def __init__(self) -> None:
        self.t0 = time.perf_counter()
        self.marks: list[tuple[int, float]] = []
        self.counting = True  # only the first files stage counts (not the index build after)

    def start(self, total: int, stage: str) -> None:
        self.counting = stage == "files" and not self.marks
        if self.counting:
            self.t0 = time.perf_counter()

    def __call__(self, done: int = 1) -> None:
        if not self.counting:
            return
        count = self.marks[-1][0] if self.marks else 0
        self.marks.append((count + done, time.perf_counter()))

    def tenths(self) -> tuple[float, float]:
        """Files per second over the first and the last tenth of the files."""
        k = max(1, len(self.marks) // 10)
        if len(self.marks) <= k:
            return 0.0, 0.0
        (n1, t1), (n9, t9), (n, t) = self.marks[k - 1], self.marks[-k - 1], self.marks[-1]
        return n1 / max(t1 - self.t0, 1e-9), (n - n9) / max(t - t9, 1e-9)


def cpu_seconds(who: int | None = None) -> float:
    """CPU seconds of this process and of its finished children (the parsing processes), or
    of ``who`` alone (``resource.RUSAGE_SELF`` or ``resource.RUSAGE_CHILDREN``)."""
    import resource

    kinds = (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN) if who is None else (who,)
    return sum(u.ru_utime + u.ru_stime for u in (resource.getrusage(w) for w in kinds))


def stage_costs(docs_dir: Path, repeats: int = 3) -> dict[str, float]:
    """CPU ms per document of each stage a parsing process runs, in this process on the same
    documents (the least of ``repeats`` rounds, as the machine is shared): ``parse`` (read,
    decode, parse), ``rows`` (the rows the store writes, :func:`parallel.prepared`),
    ``payload`` (pickling a chunk of results and unpickling it, as between processes), and
    ``payload_kb`` (pickled size per document)."""
    import pickle

    from ringtrace.loaders import parallel
    from ringtrace.loaders.limits import current_limits
    from ringtrace.loaders.sources import discover

    sources, _ = discover([docs_dir])
    paths = [s.path for s in sources if s.kind == "document" and s.problem is None]
    limits = current_limits()
    chunk = parallel.CHUNK
    best = {"parse": float("inf"), "rows": float("inf"), "payload": float("inf")}
    size = 0
    for _ in range(repeats):
        t0 = time.process_time()
        read = [parallel.read_document(p, None, limits) for p in paths]
        t1 = time.process_time()
        results = [r if isinstance(r, Exception) else [parallel.prepared(i) for i in r]
                   for r in read]
        t2 = time.process_time()
        size = 0
        for i in range(0, len(results), chunk):
            sent = pickle.dumps(results[i:i + chunk], pickle.HIGHEST_PROTOCOL)
            size += len(sent)
            pickle.loads(sent)
        t3 = time.process_time()
        for stage, seconds in (("parse", t1 - t0), ("rows", t2 - t1), ("payload", t3 - t2)):
            best[stage] = min(best[stage], seconds / len(paths) * 1000)
    return {**best, "payload_kb": size / len(paths) / 1000}


#: the smaller load of the writer's growth line, as a share of the documents
WRITER_SMALL_SHARE = 5


def writer_growth(workdir: Path, docs_dir: Path, cases: int, seed: int, cores: int, docs: int,
                  writer_ms: float) -> None:
    """The writer's CPU ms per document (the process that merges and writes; the parsing
    processes apart) for the first fifth of the documents ingested alone, beside the whole
    load's, and their ratio: a writer whose cost per document does not grow with the workspace
    gives about 1 (issue 16: records per second must not fall as the workspace grows)."""
    import resource

    from ringtrace.loaders.sources import discover

    sources, _ = discover([docs_dir])
    first = [s.path for s in sources][: max(1, docs // WRITER_SMALL_SHARE)]
    ws = workdir / f"ingest-ws-{cases}-{seed}-small"
    shutil.rmtree(ws, ignore_errors=True)
    own = cpu_seconds(resource.RUSAGE_SELF)
    with SQLiteStore.open(ws) as store:
        ingest_paths(store, first, batch_size=2000, jobs=cores)
    small_ms = (cpu_seconds(resource.RUSAGE_SELF) - own) / len(first) * 1000
    shutil.rmtree(ws, ignore_errors=True)
    print(f"  writer CPU ms/doc, jobs={cores}: {small_ms:.2f} at {len(first):,} documents, "
          f"{writer_ms:.2f} at {docs:,}: ratio {writer_ms / small_ms:.2f} (flat: 1)")


def ingest_throughput(workdir: Path, cases: int, seed: int, targets: Targets,
                      variation: float = 0.0) -> None:
    """The same raw documents ingested into a fresh workspace with one process, then with one
    per core: documents per second, CPU ms per document (every process; with several, the
    writer's and the parsing processes' apart) and the pace over the first and the last tenth
    of the documents, and the ratio; then the CPU ms per document of each stage."""
    import resource

    docs_dir = documents_province(workdir, cases, seed, variation)
    docs = sum(1 for p in docs_dir.rglob("*") if p.is_file())
    cores = os.cpu_count() or 1
    rates: dict[int, float] = {}
    writer_ms = 0.0
    for jobs in dict.fromkeys((1, cores)):
        ws = workdir / f"ingest-ws-{cases}-{seed}-j{jobs}"
        shutil.rmtree(ws, ignore_errors=True)
        pace = Pace()
        cpu, own = cpu_seconds(), cpu_seconds(resource.RUSAGE_SELF)
        with SQLiteStore.open(ws) as store:
            summary, seconds, _ = timed(partial(ingest_paths, store, [docs_dir],
                                                batch_size=2000, jobs=jobs, progress=pace))
        cpu, own = cpu_seconds() - cpu, cpu_seconds(resource.RUSAGE_SELF) - own
        shutil.rmtree(ws, ignore_errors=True)
        rates[jobs] = docs / seconds
        first, last = pace.tenths()
        split = ""
        if jobs > 1:
            writer_ms = own / docs * 1000
            split = f" (writer {writer_ms:.2f}, parsing {(cpu - own) / docs * 1000:.2f})"
        print(f"ingest {docs:,} raw documents, jobs={jobs}: {seconds:6.1f} s  "
              f"{rates[jobs]:7,.0f} docs/s  {cpu / docs * 1000:5.2f} CPU ms/doc{split}  "
              f"first/last tenth {first:,.0f}/{last:,.0f} docs/s  ({summary.records:,} records, "
              f"{summary.quarantined} quarantined)")
    print(f"  ratio jobs={cores} / jobs=1: {rates[cores] / rates[1]:.2f}x on {cores} cores")
    if writer_ms:
        writer_growth(workdir, docs_dir, cases, seed, cores, docs, writer_ms)
    stages = stage_costs(docs_dir)
    per_doc = stages["parse"] + stages["rows"] + stages["payload"] + writer_ms
    print(f"  CPU ms/doc per stage: parse {stages['parse']:.2f}  rows {stages['rows']:.2f}  "
          f"payload {stages['payload']:.2f} ({stages['payload_kb']:.1f} KB/doc pickled)"
          + (f"  writer {writer_ms:.2f}  sum {per_doc:.2f}; {cores} cores at this sum: "
             f"{cores / per_doc * 1000:,.0f} docs/s" if writer_ms else ""))
    print("  " + targets.check(f"target raw-document ingest >= {MIN_DOCS_PER_SECOND:,.0f} docs/s "
                               f"with jobs={cores} (issue 16, at 1,000,000 cases on 2 cores)",
                               rates[cores] >= MIN_DOCS_PER_SECOND))


if __name__ == "__main__":
    sys.exit(main())
