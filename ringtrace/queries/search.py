"""Search the workspace by what an investigator has in hand: a name, an ID number, a phone,
a case number, a USCC, or a lead or ring id.

Each hit says what it is (案件, 自然人, 代理人, 用人单位, 线索, 团伙) and which node, lead or ring
it leads to; the caller decides how to show it. Resolution is not applied here: a hit is one
mention, and its profile gathers the entity.

>>> from ringtrace.graph.store import SQLiteStore
>>> import tempfile
>>> with SQLiteStore.open(tempfile.mkdtemp(), create=True) as store:
...     search(store, "  ")
[]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ringtrace.errors import NotFound, RingtraceError
from ringtrace.graph.elements import Node
from ringtrace.graph.identity import clean, halfwidth, identifier_id
from ringtrace.graph.store.base import GraphStore
from ringtrace.queries.results import ScanResults

__all__ = ["MAX_QUERY_CHARS", "SearchHit", "search"]

#: Longest search text: names, ID numbers, case numbers and USCCs are all far shorter, and a
#: very long text makes a pattern SQLite refuses ("LIKE or GLOB pattern too complex").
MAX_QUERY_CHARS = 100

#: an ID number, whole or its visible start (digits, then digits or X / masked stars)
_ID_NUMBER = re.compile(r"^\d{6}[\dXx*]*$")
#: a phone number as written (digits with spaces, dashes or a +86)
_PHONE = re.compile(r"^\+?[\d\- ]{7,}$")


@dataclass(frozen=True)
class SearchHit:
    """One thing that matches: its kind (``case``, ``person``, ``agent``, ``employer``,
    ``lead``, ``ring``), the id to open it by, a label and a line that tells it apart."""

    kind: str
    id: str
    label: str
    detail: str = ""


def _scan(store: GraphStore) -> ScanResults | None:
    try:
        return ScanResults.load(store)
    except NotFound:
        return None


def _person(store: GraphStore, node: Node, why: str) -> SearchHit:
    acts = any(e.kind == "AGENT_IN" for e in store.edges_of(node.id, ["AGENT_IN"]))
    born = node.props.get("birth_date")
    detail = "，".join(x for x in (str(born)[:4] + "年生" if born else "", why) if x)
    return SearchHit("agent" if acts else "person", node.id, node.name, detail)


def _by_ids(store: GraphStore, scan: ScanResults | None, text: str) -> list[SearchHit]:
    if scan is None:
        return []
    if text.startswith("R-"):
        return [SearchHit("ring", r.ring_id, r.ring_id, f"第{r.rank}名")
                for r in scan.rings if r.ring_id == text]
    if text.startswith("L-"):
        case_id = scan.lead_case(text)
        return [SearchHit("lead", text, text, case_id)] if case_id else []
    return []


def _by_contact(store: GraphStore, text: str, whole_ids: bool) -> list[SearchHit]:
    hits = []
    compact = halfwidth(text).replace(" ", "").upper()
    if _PHONE.match(text):
        for e in store.edges_of(identifier_id("phone", text), ["HAS_PHONE"]):
            owner = store.node(e.src)
            if owner is not None and owner.kind == "Person":
                hits.append(_person(store, owner, "电话"))
            elif owner is not None:
                hits.append(SearchHit(owner.kind.lower(), owner.id, owner.name, "电话"))
    if _ID_NUMBER.match(compact) and (not whole_ids or len(compact) in (15, 18)):
        visible = compact.rstrip("*")
        for node_id, props in store.node_fields("Person", ["id_number"]):
            number = str(props.get("id_number") or "").upper()
            if number == visible if whole_ids else number.startswith(visible):
                node = store.node(node_id)
                if node is not None:
                    hits.append(_person(store, node, "身份证号"))
    return hits


def search(store: GraphStore, text: str, limit: int = 50, *,
           whole_ids: bool = False) -> list[SearchHit]:
    """Everything ``text`` names, at most ``limit`` hits: ids first, then case numbers,
    contacts (phone, ID number), employers (name, USCC) and persons (name).

    An ID number may be given by its first digits, unless ``whole_ids``: then only a whole
    number (15 or 18 characters, no ``*``) finds its person, so that a masked view's search
    cannot be used to guess the hidden digits one at a time. ``text`` longer than
    :data:`MAX_QUERY_CHARS` is refused."""
    text = clean(text) if text else ""
    if not text:
        return []
    if len(text) > MAX_QUERY_CHARS:
        raise RingtraceError(f"search text of {len(text)} characters is too long: at most "
                             f"{MAX_QUERY_CHARS} (a name, an ID number, a phone, a case number)")
    hits = _by_ids(store, _scan(store), text)
    for case_id in store.case_ids_for_number(text):
        node = store.node(case_id)
        props = node.props if node else {}
        hits.append(SearchHit("case", case_id, str(props.get("case_number") or case_id),
                              str(props.get("forum") or "")))
    hits += _by_contact(store, text, whole_ids)
    for node in store.find_nodes("Employer", text, limit=limit):
        hits.append(SearchHit("employer", node.id, node.name, str(node.props.get("uscc") or "")))
    for node in store.find_nodes("Person", text, limit=limit):
        hits.append(_person(store, node, ""))
    unique = {(h.kind, h.id): h for h in hits}
    return list(unique.values())[:limit]
