"""Clustering with constraints: union-find that refuses merges the evidence forbids.

Rules propose merges of two node ids, strongest rules first; :class:`Clusterer` joins their
clusters unless

* the two clusters hold different values of an *exclusive* attribute (two birth dates, two full
  ID numbers, two USCCs, two registry rows, a branch and its parent), or
* an analyst said otherwise: a ``not-same`` judgement puts a *hard* tag on both nodes (no merge,
  automatic or forced, may join them), a ``split`` puts a *soft* tag on every member (no
  automatic merge may join two of them again; a later ``same`` still can).

Positive judgements are applied first with :meth:`Clusterer.force`. Everything is keyed by
sorted ids and applied in the order given, so the same proposals give the same clusters.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Container, Iterable, Mapping
from itertools import chain

from ringtrace.resolve.model import Merge

Attrs = dict[str, set[str]]


class Clusterer:
    """Union-find over node ids with exclusive attributes and judgement tags (see module)."""

    def __init__(self, exclusive: Mapping[str, Mapping[str, str]] | None = None,
                 hard_tags: Mapping[str, Mapping[str, str]] | None = None,
                 soft_tags: Mapping[str, Mapping[str, str]] | None = None) -> None:
        self.parent: dict[str, str] = {}
        self.size: dict[str, int] = {}
        #: the exclusive attributes as given, per node: turned into sets (:attr:`attrs`) only
        #: when a rule looks at the node's cluster - most of a province's nodes are never
        #: compared, and a set per value for each of them costs more than all the merges
        self._given: Mapping[str, Mapping[str, str]] = exclusive or {}
        #: root -> exclusive attribute -> the values in that cluster
        self.attrs: dict[str, Attrs] = {}
        self.hard: dict[str, Attrs] = {n: {k: {v} for k, v in t.items()}
                                       for n, t in (hard_tags or {}).items()}
        self.soft: dict[str, Attrs] = {n: {k: {v} for k, v in t.items()}
                                       for n, t in (soft_tags or {}).items()}
        self.merges: list[Merge] = []
        self.refused: Counter[str] = Counter()
        #: refused proposals per node pair (for explanations): (a, b) -> why
        self.blocked: dict[tuple[str, str], str] = {}

    def find(self, x: str) -> str:
        parent = self.parent
        root = x
        while root in parent:
            root = parent[root]
        while x in parent and parent[x] != root:
            parent[x], x = root, parent[x]
        return root

    def same(self, a: str, b: str) -> bool:
        return self.find(a) == self.find(b)

    def attr(self, x: str, name: str) -> set[str]:
        """The values of exclusive attribute ``name`` in ``x``'s cluster."""
        return (self._attrs(self.find(x)) or {}).get(name, set())

    def _attrs(self, root: str) -> Attrs | None:
        """The exclusive attributes of the cluster rooted at ``root`` (a root that has never
        been looked at has its node's own, as given)."""
        found = self.attrs.get(root)
        if found is None:
            given = self._given.get(root)
            if given:
                found = self.attrs[root] = {k: {v} for k, v in given.items()}
        return found

    @staticmethod
    def _clash(a: Attrs | None, b: Attrs | None, *, tags: bool) -> str | None:
        if not a or not b:
            return None
        small, large = (a, b) if len(a) <= len(b) else (b, a)
        for key, values in small.items():
            other = large.get(key)
            if other is not None and (tags or values.isdisjoint(other)):
                return key
        return None

    def conflict(self, a: str, b: str, *, forced: bool = False) -> str | None:
        """Why ``a``'s and ``b``'s clusters may not be joined, or None."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return None
        if self._clash(self.hard.get(ra), self.hard.get(rb), tags=True):
            return "judgement not-same"
        if forced:
            return None
        if self._clash(self.soft.get(ra), self.soft.get(rb), tags=True):
            return "judgement split"
        key = self._clash(self._attrs(ra), self._attrs(rb), tags=False)
        return f"conflicting {key}" if key else None

    def merge(self, a: str, b: str, rule: str, evidence: str, *, forced: bool = False) -> bool:
        """Join the clusters of ``a`` and ``b`` unless a constraint forbids it; True if joined
        (or already together)."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        why = self.conflict(a, b, forced=forced)
        if why is not None:
            self.refused[why] += 1
            self.blocked.setdefault((min(a, b), max(a, b)), f"{rule}: {why}")
            return False
        if self.size.get(ra, 1) < self.size.get(rb, 1) or (
                self.size.get(ra, 1) == self.size.get(rb, 1) and rb < ra):
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.size[ra] = self.size.get(ra, 1) + self.size.pop(rb, 1)
        self._attrs(ra)  # the root's own attributes, before its cluster takes rb's
        self._attrs(rb)
        for table in (self.attrs, self.hard, self.soft):
            moved = table.pop(rb, None)
            if moved:
                into = table.setdefault(ra, {})
                for key, values in moved.items():
                    into.setdefault(key, set()).update(values)
        self.merges.append(Merge(a, b, rule, evidence))
        return True

    def force(self, a: str, b: str, evidence: str) -> bool:
        """Join by an analyst's ``same`` judgement (only a ``not-same`` stops it)."""
        return self.merge(a, b, "analyst judgement", evidence, forced=True)

    def clusters(self, nodes: Container[str]) -> dict[str, list[str]]:
        """root -> sorted members, for the clusters of two or more among ``nodes``.

        Only the nodes that took part in a merge are visited (those with a parent, and the
        roots that took one in): a province has far more nodes than merges."""
        groups: dict[str, list[str]] = defaultdict(list)
        for n in chain(self.parent, self.size):
            if n in nodes:
                groups[self.find(n)].append(n)
        return {r: sorted(m) for r, m in groups.items() if len(m) > 1}


def representative(members: Iterable[str], rank: Callable[[str], tuple[object, ...]]) -> str:
    """The member that names the entity: the best ``rank`` (smallest), ties by id."""
    return min(members, key=lambda m: (rank(m), m))
