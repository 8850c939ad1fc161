"""What entity resolution produces: typed, frozen results that every layer reads.

A *mention* is a store node of kind Person or Employer (a node id already groups the mentions
with the same key, see :mod:`ringtrace.graph.identity`). Resolution groups mentions into
*entities*; an entity's id is one of its members' node ids (the best identified one, see
:func:`ringtrace.resolve.cluster.representative`), so every view that looks a node up by id keeps
working on entity ids. Each merge keeps the rule that made it and the evidence, quoted.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Verdict(StrEnum):
    """An analyst's judgement on two mentions or on one entity."""

    SAME = "same"
    NOT_SAME = "not_same"
    SPLIT = "split"


@dataclass(frozen=True)
class Judgement:
    """One analyst judgement, as stored: who said what about which node ids, and when.

    ``a`` and ``b`` are node ids (``b`` is empty for a split); ``members`` are the node ids
    of the entity that a split took apart, as it was when the analyst split it.
    """

    seq: int
    verdict: Verdict
    a: str
    b: str
    time: str
    user: str
    note: str = ""
    members: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"seq": self.seq, "verdict": self.verdict.value, "a": self.a, "b": self.b,
                "time": self.time, "user": self.user, "note": self.note,
                "members": list(self.members)}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Judgement:
        return cls(int(data["seq"]), Verdict(data["verdict"]), str(data["a"]),
                   str(data.get("b") or ""), str(data["time"]), str(data["user"]),
                   str(data.get("note") or ""), tuple(data.get("members") or ()))

    def describe(self) -> str:
        """One line in Chinese for profiles and listings."""
        what = {Verdict.SAME: f"认定 {self.a} 与 {self.b} 为同一主体",
                Verdict.NOT_SAME: f"认定 {self.a} 与 {self.b} 不是同一主体",
                Verdict.SPLIT: f"拆分 {self.a}（{len(self.members)} 个提及）"}[self.verdict]
        note = f"；备注：{self.note}" if self.note else ""
        return f"#{self.seq} {self.time} {self.user}：{what}{note}"


@dataclass(frozen=True)
class Merge:
    """Two mentions joined by ``rule`` because of ``evidence`` (quoted values)."""

    a: str
    b: str
    rule: str
    evidence: str

    def to_list(self) -> list[str]:
        return [self.a, self.b, self.rule, self.evidence]


@dataclass(frozen=True)
class Relation:
    """A tie between two entities that are not merged (``branch_of``: a 分公司 and its parent)."""

    src: str
    dst: str
    kind: str
    evidence: str

    def to_list(self) -> list[str]:
        return [self.src, self.dst, self.kind, self.evidence]


@dataclass(frozen=True)
class Entity:
    """A resolved entity: its id (a member's node id), node kind, members and merges."""

    id: str
    kind: str  # Person | Employer
    members: tuple[str, ...]
    merges: tuple[Merge, ...] = ()

    @property
    def merged(self) -> bool:
        return len(self.members) > 1


@dataclass(frozen=True)
class KindCounts:
    """Mentions (nodes) and entities of one kind, and merges by rule."""

    mentions: int
    entities: int
    merges: Mapping[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"mentions": self.mentions, "entities": self.entities,
                "merges": dict(self.merges)}


@dataclass(frozen=True)
class Resolution:
    """Mentions -> entities for Person and Employer nodes, with reasons.

    Only merged entities are kept; a node that is in no merged entity is its own entity
    (:meth:`entity` returns the node id itself).
    """

    fingerprint: str
    entities: Mapping[str, Entity]
    entity_of: Mapping[str, str]
    relations: tuple[Relation, ...] = ()
    counts: Mapping[str, KindCounts] = field(default_factory=dict)
    #: merges that rules proposed and a conflict or a judgement refused, by reason
    refused: Mapping[str, int] = field(default_factory=dict)
    judgements: tuple[Judgement, ...] = ()

    def entity(self, node_id: str) -> str:
        """The entity id of a node (the node itself when it was merged with nothing)."""
        return self.entity_of.get(node_id, node_id)

    def members(self, entity_id: str) -> tuple[str, ...]:
        found = self.entities.get(self.entity(entity_id))
        return found.members if found else (entity_id,)

    def merges_of(self, entity_id: str) -> tuple[Merge, ...]:
        found = self.entities.get(self.entity(entity_id))
        return found.merges if found else ()

    def relations_of(self, entity_id: str) -> list[Relation]:
        eid = self.entity(entity_id)
        return [r for r in self.relations if eid in (r.src, r.dst)]

    def judgements_of(self, entity_id: str) -> list[Judgement]:
        members = set(self.members(entity_id))
        return [j for j in self.judgements
                if j.a in members or j.b in members or members & set(j.members)]

    @property
    def merged(self) -> bool:
        """True when at least two nodes were merged (otherwise applying it changes nothing)."""
        return bool(self.entity_of)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form (how stores keep it, and ``resolve --json`` output)."""
        return {
            "fingerprint": self.fingerprint,
            "entities": [[e.id, e.kind, list(e.members), [m.to_list() for m in e.merges]]
                         for e in self.entities.values()],
            "relations": [r.to_list() for r in self.relations],
            "counts": {k: c.to_dict() for k, c in self.counts.items()},
            "refused": dict(self.refused),
            "judgements": [j.to_dict() for j in self.judgements],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Resolution:
        entities: dict[str, Entity] = {}
        entity_of: dict[str, str] = {}
        for eid, kind, members, merges in data["entities"]:
            entities[eid] = Entity(eid, kind, tuple(members),
                                   tuple(Merge(*m) for m in merges))
            for m in members:
                entity_of[m] = eid
        return cls(
            fingerprint=data["fingerprint"], entities=entities, entity_of=entity_of,
            relations=tuple(Relation(*r) for r in data.get("relations", [])),
            counts={k: KindCounts(c["mentions"], c["entities"], c.get("merges", {}))
                    for k, c in data.get("counts", {}).items()},
            refused=dict(data.get("refused", {})),
            judgements=tuple(Judgement.from_dict(j) for j in data.get("judgements", [])),
        )
