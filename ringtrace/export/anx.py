"""i2 Analyst's Notebook charts (``.anx``) of exported rings, written with anxwritter.

ANB is the charting standard of public-security and procuratorate analysis units, so a ring
goes to them as a chart: one entity per ring member, case, forum and contact, typed by its part
in the ring (申请人, 用人单位, 代理人, 案件, …) with an icon and shading by kind; one link per
relationship (当事人, 代理, 审理机关, 电话, …) dated with its case's filing date. Every entity
and link carries one card per source case number (the card's date is that case's filing date,
its text the quoted spans where the pack has them), so an analyst can trace each item in ANB
back to its judgment. Attributes are the item's (masked) properties under their Chinese names.

The file is UTF-16 XML, as ANB expects; ``xml.etree`` reads it back.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from ringtrace.errors import RingtraceError
from ringtrace.export.graphs import JOIN, flat_graph, unify
from ringtrace.export.rings import RingExport
from ringtrace.export.xmltext import xml_text
from ringtrace.extras import require
from ringtrace.graph.model import schema
from ringtrace.viz.catalogue import labels

__all__ = ["ICONS", "write_anx"]

#: ANB standard icon keys by role (an unknown key falls back to ANB's default icon)
ICONS = {"applicant": "Person", "agent": "Person", "legal_rep": "Person", "other": "Person",
         "employer": "Organisation", "case": "Document", "forum": "Building",
         "phone": "Telephone", "address": "House", "law_firm": "Office"}
#: attributes that become the label, the type or cards rather than attributes
_NOT_ATTRIBUTES = ("label", "kind", "role", "rings", "case_numbers", "spans", "date")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_CARD_TEXT = 2000  # characters of quoted text on one card


def _attributes(owner: str, attrs: Mapping[str, Any], *, edge: bool) -> dict[str, Any]:
    """An item's attributes under their Chinese property names (schema ``label_zh``)."""
    table = schema().edges if edge else schema().nodes
    kind = table.get(owner)
    props = kind.properties if kind else {}
    out: dict[str, Any] = {}
    for key, value in attrs.items():
        if key in _NOT_ATTRIBUTES:
            continue
        name = props[key].label_zh if key in props else key
        out[name if name not in out else key] = value
    out["来源案号"] = attrs.get("case_numbers", "")
    out["所属团伙"] = attrs.get("rings", "")
    return out


def _cards(anx: Any, attrs: Mapping[str, Any], dates: Mapping[str, str],
           spans: Mapping[str, str], what: str) -> list[Any]:
    numbers = [n for n in str(attrs.get("case_numbers", "")).split(JOIN) if n]
    return [anx.Card(summary=number, source_ref=number, source_type="裁判文书",
                     date=dates.get(number), description=spans.get(number) or what)
            for number in numbers]


def write_anx(rings: Sequence[RingExport], path: Path) -> dict[str, int]:
    """Write the rings as an ANB chart at ``path``; returns the entity and link counts."""
    anx = require("anxwritter", "export", purpose="ringtrace export anx")
    graph = flat_graph(rings)
    dates = {c.case_number: c.filing_date for r in rings for c in r.cases
             if c.filing_date and _DATE.match(c.filing_date)}
    spans: dict[str, str] = {}
    for ring in rings:
        for item in ring.evidence:
            spans[item.case_number] = xml_text(spans.get(item.case_number, "")
                                               + f"【{item.label}】{item.text}\n")[:_CARD_TEXT]
    nodes = {n: _attributes(str(d.get("kind", "")), d, edge=False)
             for n, d in graph.nodes(data=True)}
    edges = [(u, v, d, _attributes(str(d.get("kind", "")), d, edge=True))
             for u, v, d in graph.edges(data=True)]
    unify(nodes.values())
    unify(e[3] for e in edges)
    chart = anx.ANXChart()
    for role, icon in ICONS.items():
        chart.add_entity_type(name=str(labels()["export_roles"].get(role, role)),
                              icon_file=icon)
    for node, data in graph.nodes(data=True):
        kind = schema().nodes.get(str(data.get("kind", "")))
        chart.add_icon(id=node, type=str(data.get("role_zh") or data.get("kind_zh") or "其他"),
                       label=str(data.get("label", node)), attributes=nodes[node],
                       color=kind.color if kind else None,
                       cards=_cards(anx, data, dates, spans, str(data.get("role_zh", ""))))
    for u, v, data, attributes in edges:
        date = str(data.get("date", ""))
        chart.add_link(from_id=u, to_id=v, type=str(data.get("kind_zh") or data.get("kind")),
                       arrow="->", label=str(data.get("label", "")), attributes=attributes,
                       date=date if _DATE.match(date) else None,
                       cards=_cards(anx, data, dates, {}, str(data.get("kind_zh", ""))))
    try:
        chart.to_anx(path)
    except anx.ANXValidationError as exc:
        raise RingtraceError(f"anxwritter refused the chart ({exc}); please report it with "
                             "the ring id") from exc
    if not str(path).lower().endswith(".anx"):
        Path(str(path) + ".anx").replace(path)
    return {"entities": graph.number_of_nodes(), "links": graph.number_of_edges()}
