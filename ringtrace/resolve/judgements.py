"""Analyst judgements: ``same``, ``not-same`` and ``split``, stored and honoured by every run.

After followthemoney's dedupe judgements: a judgement names node ids (an entity id is a node
id too), is stored in the workspace with its time, user and note, and is never edited; a later
judgement on the same pair replaces an earlier one. What resolution does with them
(:func:`constraints`):

* ``same A B`` forces the merge of A's and B's entities, whatever the rules say;
* ``not-same A B`` forbids any merge that would put A and B in one entity - forever, and
  over a ``same`` made earlier;
* ``split E`` takes entity E apart: no automatic merge may join two of its members again
  (earlier ``same`` judgements among them are cancelled; a later ``same`` still joins two).

The review app (``ringtrace serve``) and the CLI call the same functions.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ringtrace.errors import NotFound, RingtraceError
from ringtrace.graph import identity as ident
from ringtrace.graph.audit import AuditEntry, audit_entry, os_user, utc_now
from ringtrace.graph.elements import Node
from ringtrace.graph.store.base import GraphStore, JudgementRow
from ringtrace.resolve import names
from ringtrace.resolve.model import Judgement, Resolution, Verdict

KINDS = ("Person", "Employer")


class AmbiguousEntity(NotFound):
    """A name fits several entities; ``candidates`` lists them so the user can pick an id."""

    def __init__(self, text: str, candidates: list[Candidate]) -> None:
        lines = "\n".join(f"  {c.entity_id}  {c.describe()}" for c in candidates)
        super().__init__(f"{text!r} fits {len(candidates)} entities; give one of these ids:\n"
                         f"{lines}")
        self.text = text
        self.candidates = candidates


@dataclass(frozen=True)
class Candidate:
    """An entity a name may mean: id, kind, name, members and a hint that tells it apart."""

    entity_id: str
    kind: str
    name: str
    members: int
    hint: str

    def describe(self) -> str:
        return f"{self.kind} {self.name}（{self.members} 个提及{'，' + self.hint if self.hint else ''}）"


def stored(store: GraphStore) -> list[Judgement]:
    """Every judgement of the store, oldest first."""
    return [Judgement.from_dict(row) for row in store.judgement_rows()]


def _hint(node: Node) -> str:
    p = node.props
    parts = [str(v) for v in (p.get("birth_date"), p.get("uscc"), p.get("address")) if v]
    return "，".join(parts[:2])


def lookup(store: GraphStore, text: str, resolution: Resolution) -> str:
    """The node id that ``text`` names: a node id, an entity id, or a name that fits exactly
    one entity (Person or Employer). Several fits raise :class:`AmbiguousEntity`."""
    node = store.node(text)
    if node is not None and node.kind in KINDS:
        return node.id
    found: dict[str, Node] = {}
    for kind in KINDS:
        for n in store.find_nodes(kind, text, limit=200):
            found.setdefault(n.id, n)
    key = names.person_key(text)
    exact = {i: n for i, n in found.items()
             if names.person_key(n.name) == key or ident.clean(n.name) == ident.clean(text)
             or names.company_text(n.name) == names.company_text(text)}
    pool = exact or found
    if not pool:
        raise NotFound(f"no person or employer matches {text!r}")
    by_entity: dict[str, list[Node]] = {}
    for n in pool.values():
        by_entity.setdefault(resolution.entity(n.id), []).append(n)
    if len(by_entity) == 1:
        return next(iter(by_entity))
    candidates = []
    for eid, nodes in sorted(by_entity.items()):
        first = min(nodes, key=lambda n: n.id)
        candidates.append(Candidate(eid, first.kind, first.name,
                                    len(resolution.members(eid)), _hint(first)))
    raise AmbiguousEntity(text, candidates)


def record(store: GraphStore, verdict: Verdict | str, a: str, b: str | None = None, *,
           resolution: Resolution, note: str = "", user: str | None = None) -> Judgement:
    """Store one judgement (``a``/``b`` are ids or unambiguous names) and return it.

    ``resolution`` is the current one (it turns names into ids, and gives the members a split
    takes apart). Errors name the problem: unknown or ambiguous names, two kinds, a split of a
    single mention.
    """
    verdict = Verdict(verdict)
    first = lookup(store, a, resolution)
    kind = _kind(store, first)
    second = ""
    members: tuple[str, ...] = ()
    if verdict is Verdict.SPLIT:
        members = resolution.members(first)
        if len(members) < 2:
            raise RingtraceError(f"{a!r} is a single mention ({first}); nothing to split")
        first = resolution.entity(first)
    else:
        if b is None:
            raise RingtraceError(f"`{verdict.value}` needs two entities")
        second = lookup(store, b, resolution)
        if _kind(store, second) != kind:
            raise RingtraceError(f"{first} is a {kind} and {second} is not: only two persons or "
                                 "two employers can be judged the same or not")
        if verdict is Verdict.NOT_SAME and first == second:
            raise RingtraceError(f"{a!r} and {b!r} are one node ({first}): it cannot be judged "
                                 "not the same as itself")
    row: JudgementRow = {"verdict": verdict.value, "a": first, "b": second,
                           "time": utc_now(), "user": user or os_user(), "note": note,
                           "members": list(members)}
    with store.writing("resolve"):
        seq = store.add_judgement_row(row)
    return Judgement.from_dict({**row, "seq": seq})


def _kind(store: GraphStore, node_id: str) -> str:
    node = store.node(node_id)
    return node.kind if node else "?"


def audit_line(judgement: Judgement) -> AuditEntry:
    """The audit-log line of a judgement (``ringtrace resolve same`` and its ids)."""
    verb = judgement.verdict.value.replace("_", "-")
    entry = audit_entry(f"ringtrace resolve {verb}",
                        {"a": judgement.a, "b": judgement.b, "note": judgement.note},
                        {"judgement": judgement.seq, "members": list(judgement.members)},
                        time=judgement.time)
    entry["user"] = judgement.user  # who judged (the review app passes its signed-in user)
    return entry


@dataclass(frozen=True)
class Constraints:
    """What the judgements ask of clustering (see the module docstring)."""

    forced: tuple[tuple[str, str, str], ...]
    hard_tags: Mapping[str, Mapping[str, str]]
    soft_tags: Mapping[str, Mapping[str, str]]


def constraints(judgements: Iterable[Judgement]) -> Constraints:
    """The forced merges and the tags that block merges, from judgements in order."""
    ordered = sorted(judgements, key=lambda j: j.seq)
    latest: dict[tuple[str, str], Judgement] = {}
    splits: list[Judgement] = []
    for j in ordered:
        if j.verdict is Verdict.SPLIT:
            splits.append(j)
        else:
            latest[(min(j.a, j.b), max(j.a, j.b))] = j
    forced = []
    hard: dict[str, dict[str, str]] = {}
    for (a, b), j in sorted(latest.items(), key=lambda item: item[1].seq):
        if j.verdict is Verdict.NOT_SAME:
            hard.setdefault(a, {})[f"n{j.seq}"] = "a"
            hard.setdefault(b, {})[f"n{j.seq}"] = "b"
        elif not any(s.seq > j.seq and a in s.members and b in s.members for s in splits):
            forced.append((a, b, f"analyst judgement #{j.seq} ({j.user}, {j.time})"))
    soft: dict[str, dict[str, str]] = {}
    for s in splits:
        for member in s.members:
            soft.setdefault(member, {})[f"s{s.seq}"] = member
    return Constraints(tuple(forced), hard, soft)
