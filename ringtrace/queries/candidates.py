"""When a name matches several entities: the candidates, so that the analyst picks one.

Chinese names repeat (two 张桂兰 in one county is ordinary), and companies are renamed: the
registry's 曾用名 of one company is often the current name of another. A query that picks one
of them silently profiles the wrong person or company in an evidence chain, so the lookups of
:mod:`ringtrace.queries.entities` and :mod:`ringtrace.queries.paths` raise
:class:`AmbiguousName` instead, listing each candidate with its id and a fact that tells it
apart (the USCC and founding date of a company, the birth year - never the full date - and
the number of cases of a person); the analyst runs the query again with the id.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

from ringtrace.errors import RingtraceError
from ringtrace.graph.elements import Node

if TYPE_CHECKING:  # the CLI imports this module for AmbiguousName: keep it light
    from ringtrace.graph.store.base import GraphStore
    from ringtrace.resolve import Resolution


@dataclass(frozen=True)
class Candidate:
    """One entity a name matched.

    ``former_name`` is the registry's former name (曾用名) the text matched when it is not the
    entity's current name; ``cases`` how many cases it appears in (None: not counted);
    ``detail`` the fact that tells it apart from the others.
    """

    id: str
    kind: str
    name: str
    former_name: str | None
    cases: int | None
    detail: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


class AmbiguousName(RingtraceError):
    """A name matched several entities; :attr:`candidates` lists them (ask for an id).

    The CLI prints the candidates and exits with status 4.
    """

    def __init__(self, text: str, what: str, candidates: Sequence[Candidate]) -> None:
        self.text, self.what, self.candidates = text, what, tuple(candidates)
        plural = what[:-1] + "ies" if what.endswith("y") else what + "s"
        super().__init__(f"{text!r} matches {len(self.candidates)} {plural}; run again with "
                         f"the id of the one you mean")

    def to_dict(self) -> dict[str, Any]:
        return {"error": "ambiguous", "query": self.text, "kind": self.what,
                "message": str(self), "candidates": [c.to_dict() for c in self.candidates]}


def former_name_matched(node: Node, text: str) -> str | None:
    """The former name (曾用名) of ``node`` that ``text`` matched, when its name did not.

    >>> n = Node("Employer:x", "Employer", {"name": "安阳市新名有限公司",
    ...                                      "former_names": ["安阳市旧名有限公司"]})
    >>> former_name_matched(n, "安阳市旧名有限公司")
    '安阳市旧名有限公司'
    >>> former_name_matched(n, "新名") is None
    True
    """
    if text in (node.name or "") or text == node.id or text.upper() == node.props.get("uscc"):
        return None
    return next((f for f in node.props.get("former_names") or () if text in f), None)


def _year(value: Any) -> str:
    """The year of a date, and nothing finer (a birth date is masked to its year)."""
    return str(value).split("-")[0] if value else "-"


def _case_count(store: GraphStore, res: Resolution, entity: str,
                kinds: Iterable[str]) -> Counter[str]:
    wanted = list(kinds)
    return Counter(e.kind for m in res.members(entity) for e in store.edges_of(m, wanted))


def candidate(store: GraphStore, res: Resolution, node: Node, text: str) -> Candidate:
    """``node``'s entity as a candidate for ``text``, with the fact that tells it apart."""
    head = store.node(res.entity(node.id)) or node
    props = head.props
    if head.kind == "Employer":
        count = _case_count(store, res, head.id, ["PARTY_IN"])
        cases = count["PARTY_IN"]
        detail = (f"USCC {props.get('uscc') or '-'}, {props.get('status') or '-'}, founded "
                  f"{props.get('founded') or '-'}, {cases} cases")
    elif head.kind == "Person":
        count = _case_count(store, res, head.id, ["PARTY_IN", "AGENT_IN"])
        cases = count["PARTY_IN"] + count["AGENT_IN"]
        detail = (f"born {_year(props.get('birth_date'))}, party in {count['PARTY_IN']} and "
                  f"agent in {count['AGENT_IN']} cases")
    else:
        cases = len({e.dst if e.kind.endswith("_IN") else e.src
                     for e in store.edges_of(head.id)})
        detail = head.kind
    return Candidate(head.id, head.kind, head.name or head.id,
                     former_name_matched(head, text) or former_name_matched(node, text),
                     cases, detail)


def distinct_entities(res: Resolution, nodes: Iterable[Node]) -> list[Node]:
    """One node per entity, in the order found (mentions merged by resolution count once)."""
    seen: set[str] = set()
    out = []
    for n in nodes:
        if res.entity(n.id) not in seen:
            seen.add(res.entity(n.id))
            out.append(n)
    return out


def one_entity(store: GraphStore, res: Resolution, text: str, what: str,
               nodes: Sequence[Node]) -> Node:
    """The one entity ``nodes`` (the matches of ``text``) stand for, or :class:`AmbiguousName`.

    An exact id wins over everything else it matched.
    """
    entities = distinct_entities(res, nodes)
    by_id = [n for n in entities if res.entity(n.id) == res.entity(text) or n.id == text]
    if len(by_id) == 1:
        return by_id[0]
    if len(entities) == 1:
        return entities[0]
    raise AmbiguousName(text, what, [candidate(store, res, n, text) for n in entities])
