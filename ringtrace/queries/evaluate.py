"""Evaluation against a ground truth (``truth.json`` from ``ringtrace synth`` or a verified set).

Store cases are matched to truth cases by the document they were read from (a truth case that
names its ``file``) or else by normalised case number: reposted copies without a case number
and duplicated documents are matched too. Ring matching: a planted ring is *found* when one
reported ring covers at least half of its cases and at least half of that reported ring's cases
belong to it. Case-level figures compare the leads (final score at or above the lead threshold)
with the truth's sham cases. Look-alikes (legitimate groups that pass the published screening
rules, ``decoys`` in the truth) are counted twice: as leads, and as members of reported rings -
a look-alike inside a reported ring sends an investigator to a genuine worker's door.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any, cast

from ringtrace.errors import LoadError
from ringtrace.graph.identity import case_number_key
from ringtrace.graph.store.base import GraphStore
from ringtrace.queries.results import ScanResults
from ringtrace.queries.truth_json import TruthJson

#: a truth file's JSON form (:mod:`ringtrace.queries.truth_json`)
Truth = TruthJson


def load_truth(path: Path) -> Truth:
    try:
        data = json.loads(Path(path).read_text("utf-8"))
    except OSError as exc:
        raise LoadError(f"cannot read truth file {path}: {exc.strerror or exc}") from exc
    except json.JSONDecodeError as exc:
        raise LoadError(f"{path}: not valid JSON ({exc.msg} at line {exc.lineno})") from exc
    for key in ("rings", "sham_case_numbers"):
        if key not in data:
            raise LoadError(f"{path}: missing {key!r}; expected the truth.json written by "
                            "`ringtrace synth`")
    return cast("Truth", data)  # the two keys every reader needs are checked above


def _ratio(a: float, b: float) -> float | None:
    return round(a / b, 4) if b else None


#: bands of planted ring size (cases), each with its smallest size
SIZE_BANDS = (("2", 2), ("3-4", 3), ("5-9", 5), ("10+", 10))


def size_band(cases: int) -> str:
    """The band of :data:`SIZE_BANDS` a ring of ``cases`` cases falls in.

    >>> [size_band(n) for n in (1, 2, 3, 4, 5, 9, 10, 200)]
    ['2', '2', '3-4', '3-4', '5-9', '5-9', '10+', '10+']
    """
    return next((band for band, low in reversed(SIZE_BANDS) if cases >= low), SIZE_BANDS[0][0])


@dataclass(frozen=True)
class TruthCase:
    """One case of the truth, as matched to the store."""

    group: str  # ring | decoy | background
    kind: str  # typology, look-alike kind or background kind
    ring_id: str | None
    store_ids: frozenset[str]


@dataclass(frozen=True)
class FalseRing:
    """A reported ring that matches no planted ring, with what it is made of (for analysis)."""

    ring_id: str
    #: its cases
    cases: int
    #: ``group:kind`` of the truth (``background:confirmation``, ``decoy:supported``, …) ->
    #: how many of its cases are of it
    made_of: dict[str, int]
    #: planted ring id -> how many of its cases belong to that ring (too few to match it)
    planted_rings: dict[str, int]


@dataclass(frozen=True)
class Evaluation:
    """Detection figures of one scan against one truth (see the module docstring)."""

    rings_planted: int
    rings_reported: int
    ring_recall: float | None
    ring_precision: float | None
    ring_recall_by_typology: dict[str, float | None]
    #: ring recall per band of planted size (the truth's cases): ``2``, ``3-4``,
    #: ``5-9``, ``10+``; a two-case ring is two leads against one employer unless something
    #: ties them, so this says where the misses are
    ring_recall_by_size: dict[str, float | None]
    #: ring recall over planted rings of three or more cases
    ring_recall_3plus: float | None
    sham_cases: int
    leads: int
    case_precision: float | None
    case_recall: float | None
    case_recall_by_typology: dict[str, float | None]
    precision_at: dict[int, float | None]
    decoy_cases: int
    decoy_flag_rate: float | None
    decoy_flag_rate_by_kind: dict[str, float | None]
    #: look-alike cases that are members of a reported ring, and their share of all look-alikes
    decoys_in_rings: int
    decoy_ring_rate: float | None
    decoy_ring_rate_by_kind: dict[str, float | None]
    lead_threshold: float
    #: truth cases found in no stored case (unparsed, quarantined or never ingested)
    unmatched_truth_cases: int = 0
    #: input records quarantined, and their share of all records read
    quarantined: int = 0
    quarantine_rate: float | None = None
    #: reported rings that match no planted ring, with what they are made of (for analysis)
    false_rings: list[FalseRing] = field(default_factory=list)

    def headline(self) -> dict[str, float | int | None]:
        """The figures a reader looks at first (the index page's evaluation table)."""
        return {"ring_recall": self.ring_recall, "ring_precision": self.ring_precision,
                "case_recall": self.case_recall, "case_precision": self.case_precision,
                "decoy_flag_rate": self.decoy_flag_rate, "decoy_ring_rate": self.decoy_ring_rate,
                "quarantine_rate": self.quarantine_rate}

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready figures (``precision_at_50`` etc. kept flat for readers of the old shape)."""
        data = asdict(self)
        for k, v in data.pop("precision_at").items():
            data[f"precision_at_{k}"] = v
        return data


def truth_cases(store: GraphStore, truth: Truth) -> list[TruthCase]:
    """The truth's cases, each with the ids of the stored cases it was read into.

    With a per-case truth (``cases``: file, case number, forum, group, kind), a case is found
    by its source file first, then by case number; an older truth (``sham_case_numbers`` and
    ``decoys`` only) is matched by case number. A masked number (``第X号``) names no one case
    (:func:`~ringtrace.graph.identity.case_number_key`) and finds none.
    """
    by_number: dict[str, set[str]] = defaultdict(set)
    by_file: dict[str, set[str]] = defaultdict(set)
    for node in store.iter_nodes("Case"):
        props = node.props
        key = case_number_key(str(props.get("case_number") or ""))
        if key:
            by_number[key].add(node.id)
        source = props.get("source_path")
        if source:
            for key in _file_keys(str(source)):
                by_file[key].add(node.id)
    per_case = truth.get("cases")
    if isinstance(per_case, list):
        found: list[TruthCase] = []
        for item in per_case:
            ids: set[str] = set()
            if item.get("file"):
                ids = set(by_file.get(_file_keys(str(item["file"]))[0], ()))
            if not ids and item.get("case_number"):
                ids = set(by_number.get(case_number_key(str(item["case_number"])) or "", ()))
            found.append(TruthCase(str(item.get("group") or "background"),
                                   str(item.get("kind") or ""), item.get("ring_id"),
                                   frozenset(ids)))
        return found
    return _legacy_truth_cases(truth, by_number)


def _file_keys(path: str) -> list[str]:
    """Keys a file path is known by: its last two parts (``documents/000123.txt``)."""
    parts = PurePosixPath(path.replace("\\", "/")).parts
    return ["/".join(parts[-2:])]


def _legacy_truth_cases(truth: Truth, by_number: Mapping[str, set[str]]) -> list[TruthCase]:
    ring_of: dict[str, tuple[str, str]] = {}
    for i, ring in enumerate(truth["rings"]):
        for n in ring["case_numbers"]:
            ring_of[case_number_key(n) or ""] = (str(ring.get("ring_id", i)),
                                                 str(ring.get("typology", "unknown")))
    cases: list[TruthCase] = []
    for n in truth["sham_case_numbers"]:
        key = case_number_key(n) or ""
        rid, typology = ring_of.get(key, (None, "unknown")) if key else (None, "unknown")
        cases.append(TruthCase("ring", typology, rid, frozenset(by_number.get(key, ()))))
    for d in truth.get("decoys", []):
        key = case_number_key(d["case_number"]) or ""
        cases.append(TruthCase("decoy", str(d.get("kind", "decoy")), None,
                               frozenset(by_number.get(key, ()))))
    return cases


def evaluate(store: GraphStore, truth: Truth, ks: tuple[int, ...] = (50, 100),
             scan: ScanResults | None = None) -> Evaluation:
    """Ring recall/precision (overall and per typology), case precision/recall, precision@k,
    and the look-alikes flagged as leads or placed inside reported rings."""
    scan = scan or ScanResults.load(store)
    cases = truth_cases(store, truth)
    sham = _ids(c for c in cases if c.group == "ring")
    decoy_kind: dict[str, str] = {}
    for c in cases:
        if c.group == "decoy":
            for sid in c.store_ids:
                decoy_kind.setdefault(sid, c.kind)
    planted: dict[str, tuple[str, set[str]]] = {}
    planted_size: Counter[str] = Counter()  # the truth's cases, found in the store or not
    for c in cases:
        if c.group == "ring" and c.ring_id is not None:
            planted.setdefault(c.ring_id, (c.kind, set()))[1].update(c.store_ids)
            planted_size[c.ring_id] += 1

    leads = scan.leads
    lead_set = set(leads)
    reported = [(r.ring_id, set(r.cases)) for r in scan.rings if r.reported]
    found_by_typology: dict[str, list[bool]] = defaultdict(list)
    found_by_size: dict[str, list[bool]] = {band: [] for band, _low in SIZE_BANDS}
    matched: set[str] = set()
    for rid, (typology, members) in sorted(planted.items()):
        hit = False
        for ring_id, ring_cases in reported:
            overlap = len(members & ring_cases)
            if overlap and overlap * 2 >= len(members) and overlap * 2 >= len(ring_cases):
                hit = True
                matched.add(ring_id)
        found_by_typology[typology].append(hit)
        found_by_size[size_band(planted_size[rid])].append(hit)
    all_found = [h for hits in found_by_typology.values() for h in hits]
    bigger = [h for band, hits in found_by_size.items() if band != SIZE_BANDS[0][0] for h in hits]
    in_rings = {c for _r, members in reported for c in members}
    problems = sum(p.severity == "error" for p in store.problems())
    stored = sum(1 for _ in store.iter_nodes("Case"))
    return Evaluation(
        rings_planted=len(planted), rings_reported=len(reported),
        ring_recall=_ratio(sum(all_found), len(all_found)),
        ring_precision=_ratio(len(matched), len(reported)),
        ring_recall_by_typology={t: _ratio(sum(h), len(h))
                                 for t, h in sorted(found_by_typology.items())},
        ring_recall_by_size={b: _ratio(sum(h), len(h)) for b, h in found_by_size.items()},
        ring_recall_3plus=_ratio(sum(bigger), len(bigger)),
        sham_cases=len(sham), leads=len(lead_set),
        case_precision=_ratio(len(lead_set & sham), len(lead_set)),
        case_recall=_ratio(len(lead_set & sham), len(sham)),
        case_recall_by_typology=_recall_by_kind(
            (c for c in cases if c.group == "ring"), lead_set),
        precision_at={k: _ratio(sum(c in sham for c in leads[:k]), min(k, len(leads)))
                      for k in ks},
        decoy_cases=len(decoy_kind),
        decoy_flag_rate=_ratio(len(lead_set & decoy_kind.keys()), len(decoy_kind)),
        decoy_flag_rate_by_kind=_rate_by_kind(decoy_kind, lead_set),
        decoys_in_rings=len(in_rings & decoy_kind.keys()),
        decoy_ring_rate=_ratio(len(in_rings & decoy_kind.keys()), len(decoy_kind)),
        decoy_ring_rate_by_kind=_rate_by_kind(decoy_kind, in_rings),
        lead_threshold=float(scan.meta.lead_threshold),
        unmatched_truth_cases=sum(not c.store_ids for c in cases),
        quarantined=problems, quarantine_rate=_ratio(problems, problems + stored),
        false_rings=[_describe(ring_id, members, cases)
                     for ring_id, members in reported if ring_id not in matched],
    )


def _ids(cases: Iterable[TruthCase]) -> set[str]:
    return {sid for c in cases for sid in c.store_ids}


def _recall_by_kind(cases: Iterable[TruthCase], found: set[str]) -> dict[str, float | None]:
    by_kind: dict[str, set[str]] = defaultdict(set)
    for c in cases:
        by_kind[c.kind].update(c.store_ids)
    return {k: _ratio(len(ids & found), len(ids)) for k, ids in sorted(by_kind.items())}


def _rate_by_kind(kind_of: Mapping[str, str], hit: set[str]) -> dict[str, float | None]:
    by_kind: dict[str, list[bool]] = defaultdict(list)
    for case_id, kind in kind_of.items():
        by_kind[kind].append(case_id in hit)
    return {k: _ratio(sum(v), len(v)) for k, v in sorted(by_kind.items())}


def _describe(ring_id: str, members: set[str], cases: list[TruthCase]) -> FalseRing:
    """What a reported ring that matches no planted ring is made of: truth groups and kinds."""
    made_of: dict[str, int] = defaultdict(int)
    rings: dict[str, int] = defaultdict(int)
    for c in cases:
        inside = len(c.store_ids & members)
        if inside:
            made_of[f"{c.group}:{c.kind}"] += inside
            if c.ring_id:
                rings[c.ring_id] += inside
    return FalseRing(ring_id, len(members), dict(sorted(made_of.items())),
                     dict(sorted(rings.items())))
