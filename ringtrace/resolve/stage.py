"""The resolution stage: compute, keep and reuse the mention -> entity map of a store.

:func:`resolve` runs the rules (employers first, since the person rules read employer
entities; then persons; then agents) under the analysts' judgements and returns a
:class:`~ringtrace.resolve.model.Resolution`. :func:`ensure` is what the scan and every
per-entity query call: it reuses the kept resolution while the store and the judgements are
unchanged (same :func:`kept_key`) and recomputes and keeps it otherwise. Each takes the
:class:`~ringtrace.resolve.settings.ResolveSettings` to resolve with (the ``[resolve]`` table
of the rules in force; the shipped file's when not given); they are part of the key, so a
resolution made with other settings is recomputed, not reused.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import asdict
from itertools import chain
from pathlib import Path
from weakref import WeakKeyDictionary

from ringtrace.collector import collector_paused
from ringtrace.graph.store.base import GraphStore
from ringtrace.resolve import agents, both_sides, employers, judgements, persons
from ringtrace.resolve.cluster import Clusterer, representative
from ringtrace.resolve.mentions import Mentions, read_mentions
from ringtrace.resolve.model import Entity, Judgement, KindCounts, Merge, Relation, Resolution
from ringtrace.resolve.settings import ResolveSettings, shipped


#: bump when the rules change, so that kept resolutions are recomputed
def _rules_version() -> str:
    """A digest of this package's source and of what its rules read besides (the identity
    normalisation, the graph builder's address test, the region tables): a kept resolution
    made by other rules (an upgrade, a fix) is recomputed rather than reused."""
    package = Path(__file__).resolve().parent
    root = package.parent
    sources = [*sorted(package.glob("*.py")), root / "graph" / "identity.py",
               root / "graph" / "build.py", *sorted((root / "regions").glob("*.py")),
               root / "regions" / "gb2260.json"]
    h = hashlib.sha256()
    for path in sources:
        h.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes())
    return h.hexdigest()[:12]


RULES_VERSION = _rules_version()


def fingerprint(store: GraphStore, judged: Sequence[Judgement],
                settings: ResolveSettings | None = None) -> str:
    """What a resolution depends on: the documents (ids and hashes), node and edge counts,
    aliases, the judgements, the rules version and the settings (default: the shipped ones).

    Re-ingesting changed documents, adding registry or ledger rows, or judging changes it.
    An edit that changes a registry row's facts without adding or removing anything is not
    seen: ``ringtrace resolve run`` recomputes unconditionally.
    """
    h = hashlib.sha256(_rules_line(settings).encode())
    counts = store.counts()
    for section in ("nodes", "edges", "documents"):
        h.update(repr(sorted(counts.get(section, {}).items())).encode())
    # one update per table rather than per row: the same digest, without a hundred thousand
    # small calls (this is what every scan pays when nothing changed)
    h.update("".join([f"{case_id}\x1f{sha}\n" for case_id, sha in store.document_hashes()])
             .encode())
    h.update("".join([f"{alias}\x1f{canonical}\n" for alias, canonical in store.aliases().items()])
             .encode())
    for j in judged:
        h.update(repr(j.to_dict()).encode())
    return h.hexdigest()[:16]


def _rules_line(settings: ResolveSettings | None) -> str:
    """The rules version and the settings' digest, as the keys start."""
    return f"rules {RULES_VERSION}\nsettings {(settings or shipped()).digest}\n"


def kept_key(store: GraphStore, judged: Sequence[Judgement],
             settings: ResolveSettings | None = None) -> str:
    """What the kept resolution is filed under: cheap to check, changed by whatever changes
    the resolution.

    With a store that counts its data generations (the workspace), the generation, the
    judgements, the rules version and the settings - a few rows read, whatever the size of the store; a
    query pays this on every call. Otherwise the content :func:`fingerprint`, which reads
    every document hash.
    """
    generation = store.data_generation()
    if generation is None:
        return fingerprint(store, judged, settings)
    h = hashlib.sha256(f"{_rules_line(settings)}generation {generation}\n".encode())
    for j in judged:
        h.update(repr(j.to_dict()).encode())
    return "g" + h.hexdigest()[:15]


def resolve(store: GraphStore, judged: Sequence[Judgement] | None = None,
            fingerprint_: str | None = None, settings: ResolveSettings | None = None
            ) -> Resolution:
    """Compute the resolution of ``store`` under ``judged`` (default: the stored judgements)
    with ``settings`` (default: the shipped ones)."""
    with collector_paused():
        return _resolve(store, list(judgements.stored(store) if judged is None else judged),
                        fingerprint_, settings or shipped())


def _resolve(store: GraphStore, judged: list[Judgement], fingerprint_: str | None,
             settings: ResolveSettings) -> Resolution:
    m = read_mentions(store)
    cons = judgements.constraints(judged)
    uf = Clusterer(_Exclusive(m), cons.hard_tags, cons.soft_tags)
    known = m.persons.keys() | m.employers.keys()
    for a, b, why in cons.forced:
        if a in known and b in known:
            uf.force(a, b, why)
    ties = employers.resolve_employers(m, uf, settings)
    persons.resolve_persons(m, uf, settings)
    agents.place_headerless(m, uf)
    agents.resolve_same_client(m, uf)
    agents.resolve_agents(m, uf, settings)
    agents.resolve_masked_agents(m, uf, settings)
    agents.resolve_masked_same_suit(m, uf)
    agents.resolve_cited_case(m, uf)
    both_sides.resolve_both_sides(m, uf, settings)
    return _result(m, uf, ties, judged, fingerprint_ or fingerprint(store, judged, settings))


class _Exclusive(Mapping[str, Mapping[str, str]]):
    """Each mention's exclusive attributes (:func:`employers.exclusive`,
    :func:`persons.exclusive`), worked out when the clusterer first looks at the mention - it
    never looks at most of a province's persons."""

    def __init__(self, m: Mentions) -> None:
        self._m = m

    def __getitem__(self, node: str) -> Mapping[str, str]:
        employer = self._m.employers.get(node)
        if employer is not None:
            return employers.exclusive(employer)
        return persons.exclusive(self._m.persons[node])

    def __iter__(self) -> Iterator[str]:
        return chain(self._m.employers, self._m.persons)

    def __len__(self) -> int:
        return len(self._m.employers) + len(self._m.persons)


#: per store object: the kept resolution as decoded last, its key and the store's
#: ``resolution_saves`` then - what lets the next query skip reading and decoding it again
_decoded: WeakKeyDictionary[GraphStore, tuple[str, int, Resolution]] = WeakKeyDictionary()

#: False inside :func:`unsaved`: ``ensure`` then keeps nothing (see there).
_SAVING: ContextVar[bool] = ContextVar("ringtrace_resolution_saving", default=True)


@contextmanager
def unsaved() -> Iterator[None]:
    """Within the block, :func:`ensure` computes a stale resolution without keeping it: no
    write and no writer lock, for readers (the desk's pages) that call query functions which
    ensure the resolution themselves, and must not write or wait while a scan holds the lock."""
    token = _SAVING.set(False)
    try:
        yield
    finally:
        _SAVING.reset(token)


def ensure(store: GraphStore, *, save: bool = True,
           settings: ResolveSettings | None = None) -> Resolution:
    """The store's resolution with ``settings`` (default: those the stored scan ran with, else
    the shipped ones, :func:`scanned_with`): the kept one
    when nothing changed, else computed and kept (computed only, not kept, when ``save`` is
    False or inside :func:`unsaved`). The workspace keeps one resolution: asked with other
    settings than the kept one's, it is recomputed (and kept in its place).

    The same store object asked again with nothing changed (the review app, a notebook, a
    benchmark) gets the copy it decoded last: a resolution is read-only, and a new one is
    either saved through this object (which ``resolution_saves`` counts) or kept under another
    key."""
    judged = judgements.stored(store)
    settings = settings if settings is not None else scanned_with(store)
    key = kept_key(store, judged, settings)
    memo = _decoded.get(store)
    if memo is not None and memo[:2] == (key, store.resolution_saves):
        return memo[2]
    with collector_paused():
        kept = store.load_resolution()
        if kept is not None and kept[0] == key:
            found = Resolution.from_dict(kept[1])
            _decoded[store] = (key, store.resolution_saves, found)
            return found
    return run(store, judged, key=key, save=save and _SAVING.get(), settings=settings)


def scanned_with(store: GraphStore) -> ResolveSettings | None:
    """The ``[resolve]`` settings of the scan stored in ``store`` (None: no scan, or one stored
    before the table): what a view resolves with when it is given none, so that the entity ids a
    page shows are the ones the scan's rings and findings were computed on. A setting the
    scan predates reads the shipped value (as :meth:`RuleConfig.from_dict
    <ringtrace.queries.rules.RuleConfig.from_dict>` fills it), one since retired is dropped."""
    reader = store.scan_reader()
    meta = reader.part("meta") if reader is not None else None
    table = (meta or {}).get("rules", {}).get("resolve")
    if not table:
        return None
    filled = {k: table.get(k, v) for k, v in asdict(shipped()).items()}
    return ResolveSettings.from_table(filled, "the stored scan")


def run(store: GraphStore, judged: Sequence[Judgement] | None = None,
        fingerprint_: str | None = None, *, key: str | None = None,
        save: bool = True, settings: ResolveSettings | None = None) -> Resolution:
    """Compute the resolution now (whatever is kept) and keep it (unless not ``save``).

    ``key`` (:func:`kept_key`) is read before the store is: a write meanwhile leaves the kept
    resolution under an older key, so the next :func:`ensure` recomputes it."""
    judged = list(judgements.stored(store) if judged is None else judged)
    key = key or kept_key(store, judged, settings)
    fp = fingerprint_ or (key if store.data_generation() is None
                          else fingerprint(store, judged, settings))
    with collector_paused():
        result = resolve(store, judged, fp, settings)
        if save:
            with store.writing("resolve"):  # re-entrant: a scan already holds it
                store.save_resolution(key, result.to_dict())
            _decoded[store] = (key, store.resolution_saves, result)
    return result


def _result(m: Mentions, uf: Clusterer, ties: list[tuple[str, str, str]],
            judged: Sequence[Judgement], fp: str) -> Resolution:
    entities: dict[str, Entity] = {}
    entity_of: dict[str, str] = {}
    merges_by_root: dict[str, list[Merge]] = defaultdict(list)
    for merge in uf.merges:
        merges_by_root[uf.find(merge.a)].append(merge)
    for kind, pool, rank in (("Employer", m.employers, _employer_rank(m)),
                             ("Person", m.persons, _person_rank(m))):
        for root, members in sorted(uf.clusters(pool).items()):
            eid = representative(members, rank)
            entities[eid] = Entity(eid, kind, tuple(members), tuple(merges_by_root[root]))
            for member in members:
                entity_of[member] = eid
    relations: dict[tuple[str, str], Relation] = {}
    for b, p, why in sorted(ties):
        src, dst = entity_of.get(b, b), entity_of.get(p, p)
        if src != dst:
            relations.setdefault((src, dst), Relation(src, dst, "branch_of", why))
    return Resolution(fp, dict(sorted(entities.items())), entity_of,
                      tuple(relations[k] for k in sorted(relations)),
                      _counts(m, entities, entity_of), dict(sorted(uf.refused.items())),
                      tuple(judged))


def _employer_rank(m: Mentions) -> Callable[[str], tuple[object, ...]]:
    return lambda node: employers.rank(m.employers[node])


def _person_rank(m: Mentions) -> Callable[[str], tuple[object, ...]]:
    return lambda node: persons.rank(m.persons[node])


def _counts(m: Mentions, entities: dict[str, Entity], entity_of: dict[str, str]
            ) -> dict[str, KindCounts]:
    """Mentions -> entities per kind (persons, agents, employers) and merges by rule.

    A person entity is an agent when one of its mentions acts as an agent."""
    def entities_of(nodes: Collection[str]) -> set[str]:
        return set(map(entity_of.get, nodes, nodes))  # entity_of.get(n, n) for each node

    agents = [p.id for p in m.persons.values() if p.is_agent]
    agent_entities = entities_of(agents)
    groups = {
        "employers": (len(m.employers), entities_of(m.employers.keys())),
        "agents": (len(agents), agent_entities),
        "persons": (len(m.persons) - len(agents),
                    entities_of(m.persons.keys()) - agent_entities),
    }
    out: dict[str, KindCounts] = {}
    for label, (mentions, ents) in groups.items():
        rules: Counter[str] = Counter()
        for eid in ents:
            entity = entities.get(eid)
            if entity is not None:
                rules.update(mg.rule for mg in entity.merges)
        out[label] = KindCounts(mentions, len(ents), dict(sorted(rules.items())))
    return out
