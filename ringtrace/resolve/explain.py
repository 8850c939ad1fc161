"""Why an entity is what it is: its mentions, merges, ties and judgements, in words.

Profiles (``ringtrace person/agent/employer``), ``ringtrace resolve show`` and the review app
show this: "merged from …, because …; analyst judgements …".
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ringtrace.graph.store.base import GraphStore
from ringtrace.resolve.model import Resolution


@dataclass(frozen=True)
class EntityStory:
    entity_id: str
    kind: str
    name: str
    #: (node id, name as printed) of every mention
    members: tuple[tuple[str, str], ...]
    #: one line per merge: "A + B: rule (evidence)"
    merged_because: tuple[str, ...]
    relations: tuple[str, ...]
    judgements: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"entity_id": self.entity_id, "kind": self.kind, "name": self.name,
                "members": [{"id": i, "name": n} for i, n in self.members],
                "merged_because": list(self.merged_because),
                "relations": list(self.relations), "judgements": list(self.judgements)}


def explain(store: GraphStore, resolution: Resolution, node_id: str) -> EntityStory:
    """The story of the entity that ``node_id`` belongs to."""
    eid = resolution.entity(node_id)
    nodes = {m: store.node(m) for m in resolution.members(eid)}
    head = nodes.get(eid)
    members = tuple((m, n.name if n else m) for m, n in nodes.items())
    merges = tuple(f"{mg.a} + {mg.b}: {mg.rule} ({mg.evidence})"
                   for mg in resolution.merges_of(eid))
    ties = []
    for r in resolution.relations_of(eid):
        ties.append(f"{r.kind} {r.dst if r.src == eid else r.src}: {r.evidence}")
    return EntityStory(eid, head.kind if head else "?", head.name if head else eid, members,
                       merges, tuple(ties),
                       tuple(j.describe() for j in resolution.judgements_of(eid)))
