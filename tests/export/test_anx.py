"""i2 ANX charts: UTF-16 XML with one entity per ring member, dated links and case cards."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from ringtrace.export.anx import ICONS, write_anx
from ringtrace.export.graphs import JOIN
from ringtrace.export.rings import ring_exports
from ringtrace.graph.store.sqlite import SQLiteStore
from ringtrace.viz.pack_data import pack_data


def _chart(path: Path) -> ET.Element:
    assert path.read_bytes()[:2] == b"\xff\xfe"  # UTF-16 LE with a BOM, as ANB reads it
    return ET.parse(path).getroot()


def test_one_entity_per_ring_member_with_cards(ring_store: SQLiteStore, tmp_path: Path) -> None:
    [ring] = ring_exports(ring_store)
    counts = write_anx([ring], tmp_path / "ring.anx")
    root = _chart(tmp_path / "ring.anx")
    entities = root.findall(".//Entity")
    identities = [e.get("Identity", "") for e in entities]
    assert counts == {"entities": len(entities), "links": len(root.findall(".//Link"))}
    assert sorted(identities) == sorted(ring.graph.nodes)  # each node once
    pack = pack_data(ring_store, ring.ring_id)
    members = [m["id"] for group in ("applicants", "agents", "employers") for m in pack[group]]
    assert all(identities.count(m) == 1 for m in members) and len(members) == 7
    numbers = {c.case_number for c in ring.cases}
    for entity in entities:
        cards = [c.get("Summary", "") for c in entity.iter("Card")]
        data = ring.graph.nodes[entity.get("Identity")]
        assert sorted(cards) == sorted(data["case_numbers"]) and set(cards) <= numbers
    case = next(e for e in entities if ring.graph.nodes[e.get("Identity")]["role"] == "case")
    quoted = next(c.get("Text", "") for c in case.iter("Card"))
    assert any(item.text in quoted for item in ring.evidence)


def test_types_icons_dates_and_attributes(ring_store: SQLiteStore, tmp_path: Path) -> None:
    [ring] = ring_exports(ring_store)
    write_anx([ring], tmp_path / "ring")
    root = _chart(tmp_path / "ring")  # written where asked, not at ring.anx
    icons = {t.get("Name"): t.get("IconFile") for t in root.iter("EntityType")}
    assert icons["申请人"] == ICONS["applicant"] and icons["用人单位"] == ICONS["employer"]
    used = {s.get("Type") for s in root.iter("IconStyle")}
    assert {"申请人", "用人单位", "代理人", "案件", "审理机关"} <= used
    filing = {c.filing_date for c in ring.cases}
    links = [item for item in root.iter("ChartItem") if item.find("Link") is not None]
    party_links = [i for i in links
                   if any(s.get("Type") == "当事人" for s in i.iter("LinkStyle"))]
    assert len(party_links) == 2 * len(ring.cases)  # applicant and employer in each case
    assert all(i.get("DateTime", "")[:10] in filing for i in party_links)
    values = {a.get("AttributeClass"): a.get("Value")
              for item in root.iter("ChartItem") for a in item.iter("Attribute")}
    assert values["参保人数"] == "2"
    sources = [a.get("Value") for a in root.iter("Attribute")
               if a.get("AttributeClass") == "来源案号"]
    numbers = {c.case_number for c in ring.cases}
    assert len(sources) == len(root.findall(".//ChartItem"))  # on every entity and link
    assert all(s and set(s.split(JOIN)) <= numbers for s in sources)
    assert "13812345678" not in (tmp_path / "ring").read_bytes().decode("utf-16")
