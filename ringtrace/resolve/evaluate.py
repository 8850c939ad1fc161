"""Pairwise precision and recall of a resolution against a generator's truth, per entity kind.

The truth (``truth.json`` of ``ringtrace synth``) lists, for every case, each mention's role,
printed name and true entity (``P:000123`` / ``E:000045``), and the true entity of every
registry row. A store case matches a truth case by its source file (documents) or by its
normalised case number and forum (JSONL records); within a case, a mention matches by printed
name (compared after script, width and spacing are unified) and role. Names printed twice with
one role in one case, on either side, are skipped as ambiguous; mentions that cannot be matched
are counted.

Counting goes through the contingency of predicted and true clusters: with ``n_ij`` mentions in
predicted entity ``i`` and true entity ``j``, true-positive pairs are ``sum C(n_ij, 2)``,
predicted pairs ``sum_i C(a_i, 2)``, true pairs ``sum_j C(b_j, 2)``. A mention is of kind
``employers`` (true entity ``E:``), ``agents`` (a true person who acts as an agent anywhere) or
``persons`` (every other true person).

Publishers mask names (``***``, ``张某``); a masked mention with nothing else printed cannot be
joined to anyone by any reader, so the figures are given twice: over every matched mention, and
over the *named* ones (mentions printed with a full name, registry rows included) - the second
says how well resolution does with what a document lets it see.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any

from ringtrace.graph import identity as ident
from ringtrace.graph.build import case_batch
from ringtrace.graph.records import RecordInvalid, case_from_dict
from ringtrace.graph.store.base import GraphStore
from ringtrace.resolve import names
from ringtrace.resolve.model import Resolution
from ringtrace.resolve.stage import ensure

KINDS = ("persons", "agents", "employers")


@dataclass(frozen=True)
class KindMetrics:
    kind: str
    mentions: int
    true_pairs: int
    predicted_pairs: int
    correct_pairs: int

    @property
    def precision(self) -> float | None:
        return round(self.correct_pairs / self.predicted_pairs, 4) if self.predicted_pairs else None

    @property
    def recall(self) -> float | None:
        return round(self.correct_pairs / self.true_pairs, 4) if self.true_pairs else None

    def to_dict(self) -> dict[str, Any]:
        return {"mentions": self.mentions, "true_pairs": self.true_pairs,
                "predicted_pairs": self.predicted_pairs, "correct_pairs": self.correct_pairs,
                "precision": self.precision, "recall": self.recall}


@dataclass(frozen=True)
class ResolutionMetrics:
    by_kind: Mapping[str, KindMetrics]
    matched: int
    unmatched: int
    ambiguous: int
    cases_unmatched: int
    #: the same over the mentions printed with a full (unmasked) name
    named: Mapping[str, KindMetrics] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {**{k: m.to_dict() for k, m in self.by_kind.items()},
                "named": {k: m.to_dict() for k, m in self.named.items()},
                "mentions_matched": self.matched, "mentions_unmatched": self.unmatched,
                "mentions_ambiguous": self.ambiguous, "cases_unmatched": self.cases_unmatched}


def _printed(text: str) -> str:
    return names.simplified(ident.clean(text))


def _path_key(path: str | None) -> str | None:
    if not path:
        return None
    parts = PurePosixPath(str(path).replace("\\", "/")).parts
    return "/".join(parts[-2:]) if parts else None


def _role(kind: str, props: Mapping[str, Any]) -> str:
    if kind == "AGENT_IN":
        return "agent"
    if kind == "LEGAL_REP_OF":
        return "legal_rep"
    return "supporter" if props.get("role") == "supporter" else "party"


def _store_mentions(store: GraphStore) -> tuple[dict[str, dict[tuple[str, str], set[str]]],
                                                dict[str, str], dict[str, str]]:
    """(case id -> (role, printed key) -> node ids), path key -> case id, number key -> case id."""
    aliases = store.aliases()

    def canonical(node: str) -> str:
        seen = {node}
        while node in aliases and aliases[node] not in seen:
            node = aliases[node]
            seen.add(node)
        return node

    mentions: dict[str, dict[tuple[str, str], set[str]]] = {}
    by_path: dict[str, str] = {}
    by_number: dict[str, str] = {}
    for doc in store.iter_document_rows():
        try:
            batch = case_batch(case_from_dict(doc.record))
        except RecordInvalid:
            continue
        printed = {n.id: str(n.props.get("name") or "") for n in batch.nodes}
        found: dict[tuple[str, str], set[str]] = defaultdict(set)
        for e in batch.edges:
            if e.kind in ("PARTY_IN", "AGENT_IN", "LEGAL_REP_OF") and printed.get(e.src):
                found[(_role(e.kind, e.props), _printed(printed[e.src]))].add(canonical(e.src))
        mentions[doc.case_id] = found
        key = _path_key(doc.source_path)
        if key:
            by_path[key] = doc.case_id
        number = doc.record.get("case_number")
        if number:
            by_number[f"{ident.normalize_case_number(number)}|{ident.clean(doc.record.get('forum') or '')}"] = doc.case_id
    return mentions, by_path, by_number


def _pairs(n: int) -> int:
    return n * (n - 1) // 2


def _kind_metrics(kind: str, rows: Iterable[tuple[str, str]]) -> KindMetrics:
    """Metrics from (predicted entity, true entity) rows, one per matched mention."""
    cells: Counter[tuple[str, str]] = Counter(rows)
    predicted: Counter[str] = Counter()
    true: Counter[str] = Counter()
    for (p, t), n in cells.items():
        predicted[p] += n
        true[t] += n
    return KindMetrics(kind, sum(cells.values()), sum(_pairs(n) for n in true.values()),
                       sum(_pairs(n) for n in predicted.values()),
                       sum(_pairs(n) for n in cells.values()))


@dataclass(frozen=True)
class Matched:
    """One truth mention found in the store: its node, the case it was read in, how it is
    printed, its true entity and its kind (``persons``, ``agents``, ``employers``)."""

    node: str
    case: str
    printed: str
    truth: str
    kind: str


@dataclass(frozen=True)
class _Matching:
    mentions: list[Matched]
    matched: int
    unmatched: int
    ambiguous: int
    cases_unmatched: int


def _match(store: GraphStore, truth: Mapping[str, Any]) -> _Matching:
    """The truth's mentions found in the store (registry rows as case ``registry``), with the
    counts of those matched, unmatched and ambiguous, and of the truth cases not found."""
    mentions, by_path, by_number = _store_mentions(store)
    agents = {m["entity"] for c in truth.get("cases", []) for m in c.get("mentions", [])
              if m.get("role") == "agent"}
    found: list[Matched] = []
    unmatched = ambiguous = cases_unmatched = 0

    def add(node: str, case_id: str, entity: str, printed: str) -> None:
        kind = ("employers" if entity.startswith("E:") else
                "agents" if entity in agents else "persons")
        found.append(Matched(node, case_id, printed, entity, kind))

    for case in truth.get("cases", []):
        case_id = by_path.get(_path_key(case.get("file")) or "") if case.get("file") else None
        if case_id is None and case.get("case_number"):
            case_id = by_number.get(f"{ident.normalize_case_number(case['case_number'])}|"
                                    f"{ident.clean(case.get('forum') or '')}")
        listed = case.get("mentions", [])
        if case_id is None or case_id not in mentions:
            cases_unmatched += 1
            unmatched += len(listed)
            continue
        keys = Counter((m["role"], _printed(m["printed"])) for m in listed)
        for m in listed:
            key = (m["role"], _printed(m["printed"]))
            nodes = mentions[case_id].get(key, set())
            if keys[key] > 1 or len(nodes) > 1:
                ambiguous += 1
            elif not nodes:
                unmatched += 1
            else:
                add(next(iter(nodes)), case_id, m["entity"], m["printed"])
    registry = {n.id for n in store.iter_nodes("Employer") if n.props.get("in_registry")}
    aliases = store.aliases()
    for row in truth.get("registry", []):
        node = ident.employer_id(row["printed"])
        node = aliases.get(node, node)
        if node in registry:
            add(node, "registry", row["entity"], row["printed"])
        else:
            unmatched += 1
    return _Matching(found, len(found), unmatched, ambiguous, cases_unmatched)


def resolution_metrics(store: GraphStore, truth: Mapping[str, Any],
                       resolution: Resolution | None = None) -> ResolutionMetrics:
    """Pairwise precision and recall per kind of ``resolution`` (default: the store's)."""
    resolution = resolution or ensure(store)
    matching = _match(store, truth)
    rows: dict[str, list[tuple[str, str]]] = {k: [] for k in KINDS}
    named: dict[str, list[tuple[str, str]]] = {k: [] for k in KINDS}
    for m in matching.mentions:
        row = (resolution.entity(m.node), m.truth)
        rows[m.kind].append(row)
        if not names.masked(m.printed):
            named[m.kind].append(row)
    return ResolutionMetrics({k: _kind_metrics(k, rows[k]) for k in KINDS}, matching.matched,
                             matching.unmatched, matching.ambiguous, matching.cases_unmatched,
                             {k: _kind_metrics(k, named[k]) for k in KINDS})


@dataclass(frozen=True)
class Split:
    """A true entity that resolution left in several entities: its mentions per resolved
    entity, the largest part first, and the true pairs lost between the parts."""

    truth: str
    lost_pairs: int
    parts: tuple[tuple[Matched, ...], ...]


@dataclass(frozen=True)
class Mixed:
    """A resolved entity holding mentions of several true entities: its mentions per true
    entity, the largest first, and the pairs wrongly predicted between them."""

    entity: str
    wrong_pairs: int
    parts: tuple[tuple[Matched, ...], ...]


@dataclass(frozen=True)
class PairErrors:
    """Where one kind's pairwise recall and precision are lost (:func:`pair_errors`): the
    lost pairs sum to ``true_pairs - correct_pairs`` and the wrong ones to
    ``predicted_pairs - correct_pairs`` of :func:`resolution_metrics`."""

    kind: str
    splits: tuple[Split, ...]
    mixes: tuple[Mixed, ...]


def _cross_pairs(sizes: Iterable[int]) -> int:
    counts = list(sizes)
    total = sum(counts)
    return (total * total - sum(n * n for n in counts)) // 2


def _parts(groups: Mapping[str, list[Matched]]) -> tuple[tuple[Matched, ...], ...]:
    return tuple(tuple(g) for _, g in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])))


def pair_errors(store: GraphStore, truth: Mapping[str, Any], kind: str = "agents",
                resolution: Resolution | None = None) -> PairErrors:
    """The true entities of ``kind`` that ``resolution`` (default: the store's) split and the
    resolved entities that mix true ones, most pairs first, with the mentions as printed and
    the case each was read in: what to read when a kind's recall or precision falls."""
    resolution = resolution or ensure(store)
    by_truth: dict[str, dict[str, list[Matched]]] = defaultdict(lambda: defaultdict(list))
    by_entity: dict[str, dict[str, list[Matched]]] = defaultdict(lambda: defaultdict(list))
    for m in _match(store, truth).mentions:
        if m.kind == kind:
            entity = resolution.entity(m.node)
            by_truth[m.truth][entity].append(m)
            by_entity[entity][m.truth].append(m)
    splits = [Split(t, _cross_pairs(len(g) for g in parts.values()), _parts(parts))
              for t, parts in by_truth.items() if len(parts) > 1]
    mixes = [Mixed(e, _cross_pairs(len(g) for g in parts.values()), _parts(parts))
             for e, parts in by_entity.items() if len(parts) > 1]
    return PairErrors(kind, tuple(sorted(splits, key=lambda s: (-s.lost_pairs, s.truth))),
                      tuple(sorted(mixes, key=lambda x: (-x.wrong_pairs, x.entity))))
