"""Interactive, self-contained network views of a graph (vis-network, assembled with pyvis).

pyvis collects the nodes, edges and options; the page itself comes from our own templates
(``viz/templates/network_*.html.j2``) because pyvis's templates fetch Bootstrap and vis from a
CDN and put titles into ``innerHTML``. What the views guarantee:

* Offline: the vis-network script and CSS are inlined from the installed pyvis package, a
  Content-Security-Policy forbids every fetch, and no URL appears in the output.
* Inert data: node and edge data travel as escaped JSON in ``<script type="application/json">``;
  labels and tooltips are plain strings, which vis-network 9 shows as text. Legend and headings
  go through Jinja autoescape.
* Readable at 300+ nodes: nodes are drawn by role (intermediary, agent, employer, applicant,
  court, ... - :mod:`ringtrace.viz.roles`) with a shape and border colour each and a legend;
  positions are grouped by role (:mod:`ringtrace.viz.ring_layout`: intermediaries in the
  centre, applicants in a disc per employer, courts in a side column); cases start hidden and
  are drawn as applicant-employer edges; labels keep the distinguishing end of case numbers
  and names (:mod:`ringtrace.viz.shortlabels`). The page's script adds a details panel, a
  search box and filters by role, rule and date.
* Deterministic: nodes and edges are sorted, the layout has no randomness, physics is off, so
  the same graph gives the same bytes.
* Masked: schema properties marked ``sensitive`` are masked unless ``unmask=True``; node ids
  (which can embed ID numbers or phones) never reach the page, nodes are numbered instead.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

import networkx as nx
from markupsafe import Markup

from ringtrace.extras import require
from ringtrace.graph.model import EdgeKind, NodeKind, Property, schema
from ringtrace.viz.assets import VIZ_PURPOSE
from ringtrace.viz.catalogue import rule_name
from ringtrace.viz.masking import mask_value
from ringtrace.viz.ring_layout import case_parties, grouped_layout
from ringtrace.viz.roles import RoleStyle, node_roles, role_styles
from ringtrace.viz.shortlabels import case_labels, short_name
from ringtrace.viz.templating import page_head, render, template_text, value_label

if TYPE_CHECKING:
    from pyvis.network import Network

__all__ = ["LegendItem", "layout_positions", "network_data", "network_fragment", "network_html",
           "source_label"]

_HEIGHT = re.compile(r"^\d{1,5}(\.\d{1,2})?(px|vh|em|rem|%)$")
_DOM_ID = re.compile(r"^[A-Za-z][A-Za-z0-9_-]{0,63}$")
_COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")
_SHAPE_GLYPHS = {"dot": "●", "square": "■", "triangle": "▲", "diamond": "◆", "hexagon": "⬢",
                 "star": "★", "ellipse": "⬬", "box": "▬", "triangleDown": "▼"}
_FALLBACK_COLOR = "#9c9c9c"
_LABEL_CHARS = 12
_VALUE_CHARS = 120
_MAX_SOURCES = 12


@dataclass(frozen=True)
class LegendItem:
    """One legend entry: a role present in the view, its fill and border colour, glyph, count
    and whether it is shown when the page opens."""

    kind: str
    label: str
    color: str
    border: str
    glyph: str
    count: int
    shown: bool


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _color(kind: NodeKind | None) -> str:
    return kind.color if kind is not None and _COLOR.match(kind.color) else _FALLBACK_COLOR


def _show(owner: str, prop: Property, value: Any, attrs: dict[str, Any], unmask: bool) -> str:
    """A property value as display text: code labels, joined lists, masked when sensitive."""
    if prop.sensitive and not unmask:
        value = mask_value(owner, prop.name, value, attrs)
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, list | tuple):
        return "、".join(value_label(owner, prop.name, v) for v in value)
    if isinstance(value, float):
        return f"{value:,.2f}"
    return _clip(value_label(owner, prop.name, value), _VALUE_CHARS)


def _present(value: Any) -> bool:
    """Whether a property is worth a tooltip line: not empty, ``False`` or ``unknown``.

    Zero is a value (参保人数 0 is a red flag), so this does not use truthiness.
    """
    if value is None or value is False:
        return False
    if isinstance(value, str):
        return value not in ("", "unknown")
    if isinstance(value, list | tuple):
        return bool(value)
    return True


def _caption(attrs: dict[str, Any], kind: NodeKind | None, unmask: bool) -> str:
    """The text a node is known by: its schema caption (masked if sensitive), else a fallback."""
    if kind is None:
        return str(attrs.get("name") or attrs.get("kind") or "节点")
    value = attrs.get(kind.caption)
    if _present(value):
        return _show(kind.name, kind.properties[kind.caption], value, attrs, unmask)
    if attrs.get("doc_sha256"):
        return f"{kind.label_zh} {str(attrs['doc_sha256'])[:8]}"
    return kind.label_zh


def source_label(source_doc: str, graph: nx.MultiDiGraph) -> str:
    """Readable provenance of an edge: the case number of its ``source_doc`` where there is one.

    ``Case:(2021)豫0502民初12号|河南省安阳市文峰区人民法院`` → the case node's ``case_number``
    if the node is in the graph, else the part before ``|``. Registry and back-payment sources
    are named as such.
    """
    if source_doc in graph and _present(graph.nodes[source_doc].get("case_number")):
        return str(graph.nodes[source_doc]["case_number"])
    if source_doc.startswith("Case:sha256:"):
        return "文书 " + source_doc.removeprefix("Case:sha256:")[:8]
    if source_doc.startswith("Case:"):
        return source_doc.removeprefix("Case:").split("|", 1)[0]
    if source_doc.startswith("registry:"):
        return "工商登记"
    if source_doc.startswith("BackPayment:"):
        return "补缴记录"
    return source_doc


def _sources_line(labels: Iterable[str]) -> str:
    unique = sorted(set(labels))
    shown = "、".join(unique[:_MAX_SOURCES])
    more = f" 等 {len(unique)} 件" if len(unique) > _MAX_SOURCES else ""
    return f"来源案号（{len(unique)}）：{shown}{more}"


def layout_positions(graph: nx.MultiDiGraph, intermediaries: Iterable[Any] = ()
                     ) -> dict[Any, tuple[int, int]]:
    """Fixed pixel positions, grouped by role (see :mod:`ringtrace.viz.ring_layout`).

    The same graph always gives the same positions, whatever the order nodes were added in.
    """
    return grouped_layout(graph, node_roles(graph, intermediaries))


def _node_tooltip(heading: str, kind: NodeKind | None, caption: str, attrs: dict[str, Any],
                  sources: list[str], unmask: bool) -> str:
    lines = [f"{heading}：{caption}"]
    if kind is not None:
        for prop in kind.properties.values():
            if prop.name == kind.caption or not _present(attrs.get(prop.name)):
                continue
            if prop.name == "kind" and attrs["kind"] == kind.name:
                continue  # the node-kind attribute shadows a property called "kind"
            shown = _show(kind.name, prop, attrs[prop.name], attrs, unmask)
            lines.append(f"{prop.label_zh}：{shown}")
    if sources:
        lines.append(_sources_line(sources))
    return "\n".join(lines)


def _edge_tooltip(kind: EdgeKind | None, kind_name: str, ends: tuple[str, str],
                  members: list[dict[str, Any]], sources: list[str], unmask: bool) -> str:
    label = kind.label_zh if kind is not None else kind_name
    lines = [f"{label}：{ends[0]} → {ends[1]}"]
    if kind is not None:
        for prop in kind.properties.values():
            shown = [_show(kind.name, prop, m[prop.name], m, unmask)
                     for m in members if _present(m.get(prop.name))]
            if shown:
                lines.append(f"{prop.label_zh}：{'、'.join(dict.fromkeys(shown))}")
    if sources:
        lines.append(_sources_line(sources))
    return "\n".join(lines)


def _node_style(style: RoleStyle, highlighted: bool, dimmed: bool) -> dict[str, Any]:
    """Shape and colours by role; ring members larger, everyone else faded when a ring is set."""
    dark = {"background": style.fill, "border": "#111111"}
    out: dict[str, Any] = {
        "shape": style.shape,
        "color": {"background": style.fill, "border": style.border,
                  "highlight": dark, "hover": dark},
        "size": style.size + (4 if highlighted else 0),
        "borderWidth": style.border_width + (1 if highlighted else 0),
        "font": {"size": style.font},
    }
    if dimmed and not highlighted:
        out["opacity"] = 0.55
    return out


def _case_date(attrs: Mapping[str, Any]) -> str:
    for key in ("decision_date", "filing_date", "hearing_date"):
        if isinstance(attrs.get(key), str) and attrs[key]:
            return str(attrs[key])[:10]
    return ""


@dataclass(frozen=True)
class _View:
    """What the node and edge builders share: ids, roles, captions, cases per node."""

    graph: nx.MultiDiGraph
    vid: dict[Any, str]
    roles: dict[Any, str]
    parties: dict[Any, dict[str, list[Any]]]
    captions: dict[Any, str]
    node_cases: dict[Any, list[str]]
    unmask: bool


def _view(graph: nx.MultiDiGraph, intermediaries: Iterable[Any], unmask: bool) -> _View:
    vid = {n: f"n{i}" for i, n in enumerate(sorted(graph.nodes, key=str))}
    roles = node_roles(graph, intermediaries)
    parties = case_parties(graph)
    model = schema()
    captions = {n: _caption(graph.nodes[n], model.nodes.get(str(graph.nodes[n].get("kind") or "")),
                            unmask) for n in vid}
    node_cases: dict[Any, set[str]] = defaultdict(set)
    for case, p in parties.items():
        node_cases[case].add(vid[case])
        for group in p.values():
            for n in group:
                node_cases[n].add(vid[case])
    return _View(graph, vid, roles, parties, captions,
                 {n: sorted(c, key=lambda v: int(v[1:])) for n, c in node_cases.items()}, unmask)


def _labels(view: _View) -> dict[Any, str]:
    """Visible labels: short case numbers, distinct whenever the numbers differ; short names."""
    cases = {n: view.captions[n] for n, r in view.roles.items() if r == "case"}
    short = case_labels(cases.values())
    return {n: short[cases[n]] if n in cases else short_name(view.captions[n], view.roles[n],
                                                                _LABEL_CHARS)
            for n in view.vid}


def _add_nodes(net: Network, view: _View, highlight: set[Any],
               case_rules: Mapping[Any, Iterable[str]]) -> None:
    """Add every node (sorted) to ``net``, styled by role, with its filter attributes."""
    model = schema()
    graph = view.graph
    positions = grouped_layout(graph, view.roles)
    styles = role_styles()
    labels = _labels(view)
    sources: dict[Any, set[str]] = defaultdict(set)
    for u, v, doc in graph.edges(data="source_doc"):
        if doc:
            sources[u].add(source_label(str(doc), graph))
            sources[v].add(source_label(str(doc), graph))
    case_numbers = {view.vid[c]: view.captions[c] for c in view.parties}
    for n, node_id in view.vid.items():
        attrs = graph.nodes[n]
        kind_name = str(attrs.get("kind") or "")
        kind = model.nodes.get(kind_name)
        role = view.roles[n]
        style = styles.get(role, styles["other"])
        x, y = positions[n]
        cases = view.node_cases.get(n, [])
        search = " ".join(dict.fromkeys([view.captions[n], labels[n],
                                         *(case_numbers[c] for c in cases)]))
        heading = style.label if role != "other" or kind is None else kind.label_zh
        title = _node_tooltip(heading, kind, view.captions[n], attrs, sorted(sources[n]),
                              view.unmask)
        net.add_node(
            node_id, label=labels[n], title=title, x=x, y=y, caption=view.captions[n],
            physics=False, kind=kind_name, role=role, search=search, cases=cases,
            rules=sorted({str(r) for r in case_rules.get(n, ())}) if role == "case" else [],
            date=_case_date(attrs) if role == "case" else "", hidden=not style.shown,
            **_node_style(style, n in highlight, bool(highlight)))


def _add_edges(net: Network, view: _View) -> int:
    """Add one edge per (source, target, kind), merging parallel edges from several cases;
    returns the next free edge number."""
    model = schema()
    graph = view.graph
    groups: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
    ends: dict[tuple[str, str, str], tuple[Any, Any]] = {}
    for u, v, attrs in graph.edges(data=True):
        key = (str(u), str(v), str(attrs.get("kind") or ""))
        groups[key].append(dict(attrs))
        ends[key] = (u, v)
    for i, key in enumerate(sorted(groups)):
        members = sorted(groups[key], key=lambda m: str(m.get("source_doc") or ""))
        (u, v), kind_name = ends[key], key[2]
        kind = model.edges.get(kind_name)
        sources = sorted({source_label(str(m["source_doc"]), graph)
                          for m in members if m.get("source_doc")})
        label = kind.label_zh if kind is not None else kind_name
        net.add_edge(
            view.vid[u], view.vid[v], id=f"e{i}",
            label=label if len(members) == 1 else f"{label} ×{len(members)}",
            title=_edge_tooltip(kind, kind_name, (view.captions[u], view.captions[v]), members,
                                sources, view.unmask),
            width=round(1 + math.log2(len(members)), 2), derived=False, cases=[])
    return len(groups)


def _derived(view: _View) -> dict[tuple[Any, Any, str], list[Any]]:
    """The collapsed view's edges: applicant → employer per case (案件), agent → the parties it
    represents (代理), employer → court (审理), each with the cases behind it."""
    derived: dict[tuple[Any, Any, str], list[Any]] = defaultdict(list)
    for case, p in sorted(view.parties.items(), key=lambda kv: str(kv[0])):
        workers, employers = p.get("workers", []), p.get("employers", [])
        for w in workers:
            for e in employers:
                derived[(w, e, "case")].append(case)
        for agent in p.get("agents", []):
            represented = (workers if agent in p.get("agent_side:worker", []) else
                           employers if agent in p.get("agent_side:employer", []) else
                           workers + employers)
            for party in represented:
                derived[(agent, party, "agent")].append(case)
        for e in employers:
            for forum in p.get("forums", []):
                derived[(e, forum, "forum")].append(case)
    return derived


def _add_derived_edges(net: Network, view: _View, first: int) -> None:
    looks = {"case": ("#6f9fd8", False), "agent": ("#f0a35e", False), "forum": ("#76b7b2", True)}
    for i, key in enumerate(sorted(_derived(view).items(), key=lambda kv: (
            str(kv[0][0]), str(kv[0][1]), kv[0][2])), start=first):
        (u, v, what), cases = key
        numbers = [view.captions[c] for c in cases]
        color, dashed = looks[what]
        word = {"case": "案件", "agent": "代理", "forum": "审理"}[what]
        lines = [f"{word}：{view.captions[u]} → {view.captions[v]}", _sources_line(numbers)]
        net.add_edge(view.vid[u], view.vid[v], id=f"e{i}", label="", derived=True,
                     title="\n".join(lines), cases=[view.vid[c] for c in cases],
                     width=round(1 + math.log2(len(cases)), 2) if what != "case" else 1,
                     color={"color": color, "opacity": 0.55, "highlight": "#333333",
                            "hover": "#555555", "inherit": False},
                     dashes=dashed, arrows={"to": {"enabled": False}})


def _legend(view: _View) -> list[LegendItem]:
    """One entry per role present, in legend order, with its count."""
    counts = Counter(view.roles.values())
    return [LegendItem(kind=role, label=style.label, color=style.fill, border=style.border,
                       glyph=_SHAPE_GLYPHS.get(style.shape, "●"), count=counts[role],
                       shown=style.shown)
            for role, style in role_styles().items() if counts[role]]


def _assemble(view: _View, highlight: set[Any],
              case_rules: Mapping[Any, Iterable[str]]) -> Network:
    """The pyvis network: nodes numbered in sorted id order, merged and derived edges."""
    pyvis = require("pyvis.network", "viz", purpose=VIZ_PURPOSE)
    net = pyvis.Network(height="100%", width="100%", directed=True)
    _add_nodes(net, view, highlight, case_rules)
    _add_derived_edges(net, view, _add_edges(net, view))
    net.set_options(template_text("network_options.json"))
    return net


def network_data(graph: nx.MultiDiGraph, *, highlight: Iterable[Any] = (), seed: int = 7,
                 unmask: bool = False, intermediaries: Iterable[Any] = (),
                 case_rules: Mapping[Any, Iterable[str]] | None = None) -> dict[str, Any]:
    """The vis-network input for ``graph``: ``{"nodes", "edges", "options", "legend", "rules",
    "dates"}``.

    Nodes are numbered ``n0, n1, …`` in sorted id order and carry ``label``, a plain-text
    ``title`` (tooltip), ``role``, ``kind``, fixed ``x``/``y``, their style and what the
    filters read (``cases``: the case nodes they take part in; for cases ``rules`` and
    ``date``). Parallel edges of one kind between the same two nodes become one edge whose
    tooltip lists every source case; ``derived`` edges draw the view with cases hidden.
    ``intermediaries`` are the ring's intermediaries (drawn in the centre); ``case_rules``
    maps case node ids to the rule ids that fired on them (for the rule filter). ``seed`` is
    kept for callers that record it; the grouped layout has no randomness.
    """
    del seed
    view = _view(graph, intermediaries, unmask)
    rules = dict(case_rules or {})
    net = _assemble(view, set(highlight) & set(graph.nodes), rules)
    nodes, edges, _heading, _height, _width, options = net.get_network_data()
    fired = Counter(str(r) for n, rs in rules.items() if view.roles.get(n) == "case"
                    for r in set(rs))
    dates = sorted(d for n in nodes if (d := n.get("date")))
    return {
        "nodes": nodes,
        "edges": edges,
        "options": json.loads(options),
        "legend": [asdict(item) for item in _legend(view)],
        "rules": [{"id": r, "name": rule_name(r), "count": c}
                  for r, c in sorted(fired.items(), key=lambda kv: (-kv[1], kv[0]))],
        "dates": [dates[0], dates[-1]] if dates else [],
    }


def _check_height(height: str) -> str:
    if not _HEIGHT.match(height):
        raise ValueError(f"height must be a CSS length such as '720px' or '80vh', got {height!r}")
    return height


def network_fragment(graph: nx.MultiDiGraph, *, title: str, highlight: Iterable[Any] = (),
                     seed: int = 7, height: str = "720px", unmask: bool = False,
                     dom_id: str = "rt-network", intermediaries: Iterable[Any] = (),
                     case_rules: Mapping[Any, Iterable[str]] | None = None) -> str:
    """The ``<figure>`` holding one network view: role legend, search box, rule and date
    filters, canvas, details panel and the JSON data (see :func:`network_data`).

    Embed it in a page whose ``<head>`` carries :func:`ringtrace.viz.templating.page_head`
    with ``network=True`` (it inlines vis-network and the script that draws every fragment).
    ``dom_id`` must be unique within the page; the drawn network is then available to scripts
    as ``window.ringtraceNetworks[dom_id]``.
    """
    if not _DOM_ID.match(dom_id):
        raise ValueError(f"dom_id must be letters, digits, '-' or '_' starting with a letter, "
                         f"got {dom_id!r}")
    marked = [n for n in highlight if n in graph]
    data = network_data(graph, highlight=marked, seed=seed, unmask=unmask,
                        intermediaries=intermediaries, case_rules=case_rules)
    return render("network_fragment.html.j2", title=title, dom_id=dom_id,
                  height=_check_height(height), legend=data.pop("legend"), rules=data["rules"],
                  dates=data["dates"], data=data,
                  highlighted=bool(marked),
                  node_count=len(data["nodes"]), edge_count=graph.number_of_edges(),
                  unmask=unmask)


def network_html(graph: nx.MultiDiGraph, *, title: str, highlight: Iterable[Any] = (),
                 seed: int = 7, height: str = "720px", unmask: bool = False,
                 intermediaries: Iterable[Any] = ()) -> str:
    """A complete, self-contained HTML page showing ``graph`` as an interactive network.

    Parameters
    ----------
    graph : networkx.MultiDiGraph
        Nodes carry ``kind`` plus their schema properties; edges carry ``kind``,
        ``source_doc`` and their properties (as produced by ``GraphStore.neighbourhood``).
    title : str
        Page title and heading (shown as text, whatever it contains).
    highlight : iterable of node ids
        Nodes to emphasise (ring members); ids not in the graph are ignored.
    seed : int
        Recorded only: the grouped layout is deterministic, the same graph gives
        byte-identical HTML.
    height : str
        CSS height of the drawing area, e.g. ``"720px"`` or ``"80vh"``.
    unmask : bool
        Show sensitive properties (ID numbers, phones) in full.
    intermediaries : iterable of node ids
        The ring's intermediaries, drawn in the centre.

    Examples
    --------
    >>> import networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("Employer:甲公司", kind="Employer", name="甲公司")
    >>> page = network_html(g, title="示例")
    >>> page.startswith("<!DOCTYPE html>") and "http://" not in page
    True
    """
    fragment = network_fragment(graph, title=title, highlight=highlight, seed=seed,
                                height=height, unmask=unmask, intermediaries=intermediaries)
    return render("network_page.html.j2", head=page_head(title, network=True),
                  fragment=Markup(fragment))
