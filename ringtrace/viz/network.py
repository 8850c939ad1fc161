"""Interactive, self-contained network views of a graph (vis-network, assembled with pyvis).

pyvis collects the nodes, edges and options; the page itself comes from our own templates
(``viz/templates/network_*.html.j2``) because pyvis's templates fetch Bootstrap and vis from a
CDN and put titles into ``innerHTML``. What the views guarantee:

* Offline: the vis-network script and CSS are inlined from the installed pyvis package, a
  Content-Security-Policy forbids every fetch, and no URL appears in the output.
* Inert data: node and edge data travel as escaped JSON in ``<script type="application/json">``;
  labels and tooltips are plain strings, which vis-network 9 shows as text. Legend and headings
  go through Jinja autoescape.
* Deterministic: nodes and edges are sorted, positions come from ``networkx.spring_layout`` with
  a fixed seed and are rounded, physics is off, so the same graph gives the same bytes.
* Masked: schema properties marked ``sensitive`` are masked unless ``unmask=True``; node ids
  (which can embed ID numbers or phones) never reach the page, nodes are numbered instead.
"""

from __future__ import annotations

import json
import math
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

import networkx as nx
from markupsafe import Markup

from ringtrace.extras import require
from ringtrace.graph.model import EdgeKind, NodeKind, Property, schema
from ringtrace.viz.assets import VIZ_PURPOSE
from ringtrace.viz.masking import mask_value
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
_LABEL_CHARS = 16
_VALUE_CHARS = 120
_MAX_SOURCES = 12
_EDGE_PIXELS = 150.0  # typical (median) edge length of the drawing
_ASPECT = 1.5  # horizontal stretch of the layout (pages are wider than the drawing is tall)


@dataclass(frozen=True)
class LegendItem:
    """One legend entry: a node kind present in the view, its colour, glyph and count."""

    kind: str
    label: str
    color: str
    glyph: str
    count: int


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


def layout_positions(graph: nx.MultiDiGraph, seed: int = 7) -> dict[Any, tuple[int, int]]:
    """Fixed pixel positions: ``spring_layout`` of the sorted, simplified graph, rounded.

    The graph is rebuilt with nodes and edges in sorted order so that insertion order cannot
    change the result; the same graph and seed always give the same positions.
    """
    simple = nx.Graph()
    simple.add_nodes_from(sorted(graph.nodes, key=str))
    pairs = {tuple(sorted((u, v), key=str)) for u, v in graph.edges() if u != v}
    simple.add_edges_from(sorted(pairs, key=lambda p: (str(p[0]), str(p[1]))))
    if len(simple) <= 1:
        return {n: (0, 0) for n in simple}
    pos = nx.spring_layout(simple, seed=seed)
    lengths = sorted(math.dist(pos[u], pos[v]) for u, v in simple.edges())
    median = lengths[len(lengths) // 2] if lengths else 0.0
    # Scale so that a typical edge is _EDGE_PIXELS long, whatever the spread of outliers, and
    # widen x because the drawing area is wider than tall.
    scale = _EDGE_PIXELS / median if median > 1e-9 else _EDGE_PIXELS * math.sqrt(len(simple))
    return {n: (round(float(x) * scale * _ASPECT), round(float(y) * scale))
            for n, (x, y) in pos.items()}


def _node_tooltip(kind: NodeKind | None, caption: str, attrs: dict[str, Any],
                  sources: list[str], unmask: bool) -> str:
    title = kind.label_zh if kind is not None else str(attrs.get("kind") or "节点")
    lines = [f"{title}：{caption}"]
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


def _node_style(kind: NodeKind | None, degree: int, highlighted: bool,
                dimmed: bool) -> dict[str, Any]:
    color = _color(kind)
    size = 10 + min(14, round(3 * math.log2(1 + degree)))
    style: dict[str, Any] = {
        "shape": kind.shape if kind is not None else "dot",
        "color": {"background": color, "border": color,
                  "highlight": {"background": color, "border": "#111111"},
                  "hover": {"background": color, "border": "#111111"}},
        "size": size,
        "borderWidth": 1,
    }
    if highlighted:
        style["size"] = size + 8
        style["borderWidth"] = 4
        style["color"]["border"] = "#111111"
        style["font"] = {"size": 15, "color": "#000000"}
    elif dimmed:
        style["opacity"] = 0.55
    return style


def _add_nodes(net: Network, graph: nx.MultiDiGraph, vid: dict[Any, str],
               highlight: set[Any], seed: int, unmask: bool) -> dict[Any, str]:
    """Add every node (sorted) to ``net``; returns each node's caption."""
    model = schema()
    positions = layout_positions(graph, seed)
    sources: dict[Any, set[str]] = defaultdict(set)
    for u, v, doc in graph.edges(data="source_doc"):
        if doc:
            sources[u].add(source_label(str(doc), graph))
            sources[v].add(source_label(str(doc), graph))
    captions: dict[Any, str] = {}
    for n, node_id in vid.items():
        attrs = graph.nodes[n]
        kind_name = str(attrs.get("kind") or "")
        kind = model.nodes.get(kind_name)
        caption = captions[n] = _caption(attrs, kind, unmask)
        x, y = positions[n]
        net.add_node(
            node_id, label=_clip(caption, _LABEL_CHARS),
            title=_node_tooltip(kind, caption, attrs, sorted(sources[n]), unmask),
            x=x, y=y, physics=False, kind=kind_name, search=caption,
            **_node_style(kind, graph.degree(n), n in highlight, bool(highlight)))
    return captions


def _add_edges(net: Network, graph: nx.MultiDiGraph, vid: dict[Any, str],
               captions: dict[Any, str], unmask: bool) -> None:
    """Add one edge per (source, target, kind), merging parallel edges from several cases."""
    model = schema()
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
            vid[u], vid[v], id=f"e{i}",
            label=label if len(members) == 1 else f"{label} ×{len(members)}",
            title=_edge_tooltip(kind, kind_name, (captions[u], captions[v]), members, sources,
                                unmask),
            width=round(1 + math.log2(len(members)), 2))


def _legend(graph: nx.MultiDiGraph) -> list[LegendItem]:
    """One entry per node kind present, in schema order, with its count."""
    model = schema()
    counts: dict[str, int] = defaultdict(int)
    for _, kind_name in graph.nodes(data="kind"):
        counts[str(kind_name or "")] += 1
    legend = []
    for name, count in sorted(counts.items(), key=lambda kv: _kind_order(kv[0])):
        known = model.nodes.get(name)
        legend.append(LegendItem(
            kind=name, label=known.legend_zh if known else (name or "其他"), color=_color(known),
            glyph=_SHAPE_GLYPHS.get(known.shape if known else "dot", "●"), count=count))
    return legend


def _assemble(graph: nx.MultiDiGraph, highlight: set[Any], seed: int, unmask: bool) -> Network:
    """The pyvis network: nodes numbered in sorted id order, merged edges, our options."""
    vid = {n: f"n{i}" for i, n in enumerate(sorted(graph.nodes, key=str))}
    pyvis = require("pyvis.network", "viz", purpose=VIZ_PURPOSE)
    net = pyvis.Network(height="100%", width="100%", directed=True)
    captions = _add_nodes(net, graph, vid, highlight, seed, unmask)
    _add_edges(net, graph, vid, captions, unmask)
    net.set_options(template_text("network_options.json"))
    return net


def _kind_order(kind: str) -> tuple[int, str]:
    names = list(schema().nodes)
    return (names.index(kind), kind) if kind in names else (len(names), kind)


def network_data(graph: nx.MultiDiGraph, *, highlight: Iterable[Any] = (), seed: int = 7,
                 unmask: bool = False) -> dict[str, Any]:
    """The vis-network input for ``graph``: ``{"nodes", "edges", "options", "legend"}``.

    Nodes are numbered ``n0, n1, …`` in sorted id order and carry ``label``, a plain-text
    ``title`` (tooltip), ``kind``, fixed ``x``/``y`` and their style; parallel edges of one kind
    between the same two nodes become one edge whose tooltip lists every source case.
    """
    net = _assemble(graph, set(highlight) & set(graph.nodes), seed, unmask)
    nodes, edges, _heading, _height, _width, options = net.get_network_data()
    return {
        "nodes": nodes,
        "edges": edges,
        "options": json.loads(options),
        "legend": [asdict(item) for item in _legend(graph)],
    }


def _check_height(height: str) -> str:
    if not _HEIGHT.match(height):
        raise ValueError(f"height must be a CSS length such as '720px' or '80vh', got {height!r}")
    return height


def network_fragment(graph: nx.MultiDiGraph, *, title: str, highlight: Iterable[Any] = (),
                     seed: int = 7, height: str = "720px", unmask: bool = False,
                     dom_id: str = "rt-network") -> str:
    """The ``<figure>`` holding one network view: legend, search box, canvas and JSON data.

    Embed it in a page whose ``<head>`` carries :func:`ringtrace.viz.templating.page_head`
    with ``network=True`` (it inlines vis-network and the script that draws every fragment).
    ``dom_id`` must be unique within the page; the drawn network is then available to scripts
    as ``window.ringtraceNetworks[dom_id]``.
    """
    if not _DOM_ID.match(dom_id):
        raise ValueError(f"dom_id must be letters, digits, '-' or '_' starting with a letter, "
                         f"got {dom_id!r}")
    marked = [n for n in highlight if n in graph]
    data = network_data(graph, highlight=marked, seed=seed, unmask=unmask)
    return render("network_fragment.html.j2", title=title, dom_id=dom_id,
                  height=_check_height(height), legend=data.pop("legend"), data=data,
                  highlighted=bool(marked),
                  node_count=len(data["nodes"]), edge_count=graph.number_of_edges(),
                  unmask=unmask)


def network_html(graph: nx.MultiDiGraph, *, title: str, highlight: Iterable[Any] = (),
                 seed: int = 7, height: str = "720px", unmask: bool = False) -> str:
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
        Layout seed; the same graph and seed give byte-identical HTML.
    height : str
        CSS height of the drawing area, e.g. ``"720px"`` or ``"80vh"``.
    unmask : bool
        Show sensitive properties (ID numbers, phones) in full.

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
                                height=height, unmask=unmask)
    return render("network_page.html.j2", head=page_head(title, network=True),
                  fragment=Markup(fragment))
