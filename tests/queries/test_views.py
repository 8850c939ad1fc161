"""The typed views: their JSON form keeps the field order and names the ``--json`` output had."""

from __future__ import annotations

import json
import typing

from ringtrace.graph.props import CaseProps
from ringtrace.graph.store.sqlite import SQLiteStore
from ringtrace.queries.entities import agent_profile, employer_profile, person_profile
from ringtrace.queries.leads import list_leads
from ringtrace.queries.ringviews import list_rings, ring_detail
from ringtrace.queries.views import CaseView, PersonRole, RingDetail


def test_a_ring_detail_serialises_in_its_field_order_with_lists(scanned: SQLiteStore) -> None:
    detail = ring_detail(scanned, "1")
    data = detail.to_dict()
    assert list(data) == [f for f in RingDetail.__dataclass_fields__]
    assert list(data["cases"][0]) == [f for f in CaseView.__dataclass_fields__]
    assert isinstance(data["cases"], list) and isinstance(data["cases"][0]["rules"], list)
    assert data["structure"] == detail.structure.to_dict()  # a stored record: sorted keys
    assert list(data["evidence"]) == list(detail.case_ids)
    json.dumps(data, ensure_ascii=False)  # JSON-ready as it is


def test_every_view_is_json_ready(scanned: SQLiteStore) -> None:
    [ring] = list_rings(scanned)
    lead = list_leads(scanned)[0]
    [agent] = agent_profile(scanned, "王建国")
    [person] = person_profile(scanned, "王建国")  # an agent is a person too
    views = [ring, lead, employer_profile(scanned, "91410502MA3X5Y0K2B"), agent, person]
    for view in views:
        text = json.dumps(view.to_dict(), ensure_ascii=False)
        assert json.loads(text) == view.to_dict()
    assert lead.to_dict()["evidence"][0].keys() == {"rule_id", "case_number", "detail", "kind"}


def test_a_field_named_like_a_keyword_keeps_its_json_key(scanned: SQLiteStore) -> None:
    case = ring_detail(scanned, "1").cases[0]
    role = PersonRole(case, "PARTY_IN", "原告")
    assert list(role.to_dict()) == ["case", "as", "role"]
    assert role.to_dict()["case"] == case.to_dict()


def test_a_case_views_headline_facts_are_case_props_of_the_same_type() -> None:
    """CaseView repeats the Case props it shows (a dataclass cannot take its fields from a
    TypedDict); each must keep the prop's name and type, so the two cannot drift apart."""
    view = typing.get_type_hints(CaseView)
    props = typing.get_type_hints(CaseProps)
    shown = [name for name in view if name in props]
    assert len(shown) == 12
    assert {name: view[name] for name in shown} == {name: props[name] for name in shown}
