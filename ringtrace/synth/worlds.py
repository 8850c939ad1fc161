"""Detection measured across many generated worlds: worst and median, never the best.

One generated province is one world: a seed and a variation level (see ``generate``). A world
is generated with raw documents (the real-world path: files are parsed, not read from the
generator's records), ingested into a fresh workspace, scanned and evaluated against its truth.

Two disjoint sets of worlds keep us honest:

* **development** worlds (:data:`DEV_SEEDS`) are the ones rules and weights may be tuned on;
* **evaluation** worlds (:data:`EVAL_SEEDS`, other seeds *and* other variation levels) are
  looked at only to report.

A world's inputs and workspace can be kept in a work directory and reused (re-scanning is cheap,
generating and ingesting is not); a stamp file says what they were built from - the spec and a
digest of the code that generated and parsed it, so that a parser or generator change is
measured on documents parsed by the new code, not on a workspace the old one filled.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import statistics
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ringtrace.errors import RingtraceError
from ringtrace.graph.store.sqlite import DB_NAME, SQLiteStore
from ringtrace.loaders.ingest import ingest_paths
from ringtrace.queries.evaluate import Evaluation, evaluate, load_truth, truth_cases
from ringtrace.queries.results import ScanResults
from ringtrace.queries.rules import RuleConfig, load_rules
from ringtrace.queries.scan import run_scan
from ringtrace.resolve.evaluate import KINDS, ResolutionMetrics, resolution_metrics

#: seeds of the development worlds (tune here) and of the evaluation worlds (report only)
DEV_SEEDS = tuple(range(101, 141))
EVAL_SEEDS = tuple(range(9001, 9041))
#: variation levels cycled over the worlds of each split; the two splits share none
DEV_LEVELS = (0.5, 0.75, 1.0, 0.9, 0.6)
EVAL_LEVELS = (0.8, 0.55, 0.98, 0.7, 0.95, 0.65)
SPLITS = ("dev", "eval")

#: the entity kinds whose resolution is measured (metric names start with them)
RESOLUTION_KINDS = KINDS

#: metrics summarised over worlds, and whether higher is better
METRICS: dict[str, bool] = {
    "ring_recall": True, "ring_recall_3plus": True, "ring_precision": True,
    "case_precision": True, "case_recall": True,
    "decoy_ring_rate": False, "decoy_flag_rate": False, "quarantine_rate": False,
    **{f"{kind}_{m}": True for kind in RESOLUTION_KINDS
       for m in ("precision", "recall", "named_precision", "named_recall")},
}

Progress = Callable[[str], None]


@dataclass(frozen=True)
class WorldSpec:
    """One world: its split, seed, variation level and size."""

    split: str
    seed: int
    variation: float
    cases: int

    @property
    def name(self) -> str:
        return f"{self.split}-{self.seed}-v{self.variation:g}-{self.cases}"


def world_specs(split: str, count: int, cases: int) -> list[WorldSpec]:
    """The first ``count`` worlds of ``split`` (``dev`` or ``eval``), each of ``cases`` cases.

    >>> [w.name for w in world_specs("eval", 2, 3000)]
    ['eval-9001-v0.8-3000', 'eval-9002-v0.55-3000']
    """
    if split not in SPLITS:
        raise RingtraceError(f"unknown split {split!r}; choose dev or eval")
    seeds, levels = (DEV_SEEDS, DEV_LEVELS) if split == "dev" else (EVAL_SEEDS, EVAL_LEVELS)
    if not 1 <= count <= len(seeds):
        raise RingtraceError(f"--worlds must be between 1 and {len(seeds)}")
    return [WorldSpec(split, seeds[i], levels[i % len(levels)], cases) for i in range(count)]


#: score bands of the calibration table (lower bounds; the last band ends at 1)
BANDS = (0.0, 0.2, 0.4, 0.55, 0.72, 0.85, 0.95)


@dataclass(frozen=True)
class Band:
    """Scored confirmation cases whose final score falls in ``[low, high)``, and how many of
    them were sham."""

    low: float
    high: float
    cases: int
    sham: int

    @property
    def precision(self) -> float | None:
        return round(self.sham / self.cases, 4) if self.cases else None


def calibration(scan: ScanResults, sham: set[str], confirmation: set[str]) -> list[Band]:
    """Observed share of sham cases per score band, over the confirmation cases of one scan
    (cases no rule scored count in the lowest band)."""
    counts = [[0, 0] for _ in BANDS]
    for case_id in confirmation:
        row = scan.case(case_id)
        score = float(row.final_score) if row else 0.0
        band = max(i for i, low in enumerate(BANDS) if score >= low)
        counts[band][0] += 1
        counts[band][1] += case_id in sham
    highs = (*BANDS[1:], 1.0)
    return [Band(low, high, n, k) for low, high, (n, k) in zip(BANDS, highs, counts, strict=True)]


def merge_bands(tables: Iterable[list[Band]]) -> list[Band]:
    merged: list[Band] = []
    for rows in zip(*tables, strict=True):
        first = rows[0]
        merged.append(Band(first.low, first.high, sum(b.cases for b in rows),
                           sum(b.sham for b in rows)))
    return merged


@dataclass(frozen=True)
class WorldResult:
    """What one world gave: its evaluation, calibration, what the generator varied, and how
    long it took."""

    spec: WorldSpec
    evaluation: Evaluation
    variation: dict[str, Any] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)
    bands: list[Band] = field(default_factory=list)
    resolution: ResolutionMetrics | None = None

    def metric(self, name: str) -> float | None:
        kind, _, measure = name.partition("_")
        if self.resolution is not None and kind in self.resolution.by_kind:
            named, _, measure = measure.rpartition("_")
            metrics = self.resolution.named if named else self.resolution.by_kind
            value = getattr(metrics[kind], measure) if kind in metrics else None
        else:
            value = getattr(self.evaluation, name, None)
        return None if value is None else float(value)

    def to_dict(self) -> dict[str, Any]:
        return {"world": self.spec.name, "seed": self.spec.seed,
                "variation_level": self.spec.variation, "cases": self.spec.cases,
                "evaluation": self.evaluation.to_dict(), "variation": self.variation,
                "resolution": self.resolution.to_dict() if self.resolution else None,
                "seconds": self.seconds}


@dataclass(frozen=True)
class Summary:
    """Worst and median of each metric over worlds (worst = lowest where higher is better)."""

    worlds: int
    worst: dict[str, float | None]
    median: dict[str, float | None]

    def to_dict(self) -> dict[str, Any]:
        return {"world_count": self.worlds, "worst": self.worst, "median": self.median}


def summarise(results: Sequence[WorldResult]) -> Summary:
    worst: dict[str, float | None] = {}
    median: dict[str, float | None] = {}
    for name, higher_is_better in METRICS.items():
        values = [v for r in results if (v := r.metric(name)) is not None]
        if not values:
            worst[name] = median[name] = None
            continue
        worst[name] = round(min(values) if higher_is_better else max(values), 4)
        median[name] = round(statistics.median(values), 4)
    return Summary(len(results), worst, median)


#: the packages a prepared world is built by, every file in them (code and data) included
_BUILT_BY = ("synth", "loaders", "graph", "regions")


def build_sources() -> list[Path]:
    """The files a prepared world depends on: the generator, the loaders (parsers, ingest) and
    the graph builder - its identities, schema (``graph/schema/*.yaml``) and the store's row
    writer (``graph/store/rows.py``), which ingest imports from subpackages - and regions."""
    root = Path(__file__).resolve().parent.parent
    return [path for package in _BUILT_BY for path in sorted((root / package).rglob("*"))
            if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc"]


def _build_version() -> str:
    """A digest of :func:`build_sources`, paths and contents."""
    root = Path(__file__).resolve().parent.parent
    h = hashlib.sha256()
    for path in build_sources():
        h.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes())
    return h.hexdigest()[:12]


#: what :func:`prepare_world` stamps a world with besides its spec
BUILD_VERSION = _build_version()


def prepare_world(spec: WorldSpec, workdir: Path, say: Progress | None = None) -> Path:
    """Generate and ingest ``spec`` under ``workdir/<name>`` (reused when already built from
    the same spec); returns the world's directory (``province/`` and ``workspace/`` inside)."""
    say = say or (lambda _m: None)
    home = workdir / spec.name
    stamp = home / "world.json"
    wanted = {"seed": spec.seed, "variation": spec.variation, "cases": spec.cases,
              "code": BUILD_VERSION}
    if stamp.exists() and json.loads(stamp.read_text("utf-8")) == wanted:
        return home
    from ringtrace.synth import generate

    shutil.rmtree(home, ignore_errors=True)
    province, workspace = home / "province", home / "workspace"
    say(f"{spec.name}: generating")
    options: dict[str, Any] = {"variation": spec.variation} if spec.variation else {}
    generate(province, seed=spec.seed, cases=spec.cases, texts=True, **options)
    say(f"{spec.name}: ingesting")
    with SQLiteStore.open(workspace) as store:
        ingest_paths(store, list(_inputs(province)))
    stamp.write_text(json.dumps(wanted), "utf-8")
    return home


def _inputs(province: Path) -> Iterator[Path]:
    """Everything an analyst would have: the documents, registry and ledgers; not the
    generator's own case records or its truth."""
    for path in sorted(province.iterdir()):
        if path.name in ("cases.jsonl", "truth.json") or path.name.startswith("."):
            continue
        yield path


def run_world(spec: WorldSpec, workdir: Path, config: RuleConfig | None = None,
              say: Progress | None = None) -> WorldResult:
    """Prepare (or reuse) one world, scan it with ``config`` and evaluate the scan."""
    started = time.perf_counter()
    home = prepare_world(spec, workdir, say)
    prepared = time.perf_counter()
    truth = load_truth(home / "province" / "truth.json")
    with SQLiteStore.open(home / "workspace") as store:
        if say:
            say(f"{spec.name}: scanning")
        run_scan(store, config or load_rules())
        scanned = time.perf_counter()
        scan = ScanResults.load(store)
        evaluation = evaluate(store, truth, scan=scan)
        cases = truth_cases(store, truth)
        sham = {c for t in cases if t.group == "ring" for c in t.store_ids}
        confirmation = {n.id for n in store.iter_nodes("Case")
                        if "劳动关系" in str(n.props.get("cause") or "")} | sham
        bands = calibration(scan, sham, confirmation)
        resolution = resolution_metrics(store, truth) if isinstance(truth.get("cases"),
                                                                    list) else None
    return WorldResult(spec, evaluation, dict(truth.get("variation", {})),
                       {"prepare": round(prepared - started, 2),
                        "scan": round(scanned - prepared, 2)}, bands, resolution)


def run_worlds(specs: Iterable[WorldSpec], workdir: Path, config: RuleConfig | None = None,
               say: Progress | None = None) -> list[WorldResult]:
    return [run_world(spec, workdir, config, say) for spec in specs]


@dataclass(frozen=True)
class Ablation:
    """Detection with one rule family switched off (all its weights 0), over the same worlds."""

    family: str
    rules: tuple[str, ...]
    summary: Summary


def ablate(specs: Sequence[WorldSpec], workdir: Path, config: RuleConfig,
           families: dict[str, tuple[str, ...]], say: Progress | None = None) -> list[Ablation]:
    """Each family of ``families`` removed in turn (worlds already prepared are reused)."""
    out = []
    for family, rules in families.items():
        off = config.with_overrides({"rules": {r: {"weight": 0.0} for r in rules}},
                                    f"without {family}")
        if say:
            say(f"without {family}")
        out.append(Ablation(family, rules, summarise(run_worlds(specs, workdir, off, say))))
    return out


def workspace_of(spec: WorldSpec, workdir: Path) -> Path:
    home = workdir / spec.name
    if not (home / "workspace" / DB_NAME).exists():
        raise RingtraceError(f"world {spec.name} is not prepared under {workdir}")
    return home / "workspace"


def scan_results(spec: WorldSpec, workdir: Path) -> ScanResults:
    with SQLiteStore.open(workspace_of(spec, workdir)) as store:
        return ScanResults.load(store)
