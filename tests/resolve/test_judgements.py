"""Analyst judgements: same / not-same / split change the next resolution and the frame,
survive a re-ingest, and are audited."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from ringtrace.errors import RingtraceError
from ringtrace.graph.build import case_batch
from ringtrace.graph.records import case_from_dict
from ringtrace.queries.frame import build_frame
from ringtrace.resolve import AmbiguousEntity, Verdict, ensure, record, stored
from ringtrace.resolve.judgements import audit_line
from tests.resolve.helpers import case, store_of

KONG = "Person:孔龙|b:1976-07-27"
BARE2 = "Person:孔龙|doc:Case:(2021)豫0502民初2号|河南省安阳市文峰区人民法院"
OTHER = "Person:孔龙|b:1980-02-02"


def _docs() -> list[dict[str, Any]]:
    return [case(1, agents=[{"name": "孔龙", "birth_date": "1976-07-27"}]),
            case(2, agents=[{"name": "孔龙"}], day="2021-05-01"),
            case(3, agents=[{"name": "孔龙", "birth_date": "1980-02-02"}], day="2016-01-01",
                 employer="安阳市别的有限公司")]


def test_same_forces_a_merge_the_rules_refuse(tmp_path: Path) -> None:
    store = store_of(tmp_path, _docs())
    assert ensure(store).entity(OTHER) == OTHER
    j = record(store, Verdict.SAME, KONG, OTHER, resolution=ensure(store), note="同一身份证",
               user="analyst1")
    after = ensure(store)
    assert after.entity(OTHER) == after.entity(KONG)
    assert next(m.rule for m in after.merges_of(KONG)) == "analyst judgement"
    assert (j.seq, j.user, j.note) == (1, "analyst1", "同一身份证")
    frame = build_frame(store)
    assert len(frame.agent_cases[after.entity(KONG)]) == 3


def test_not_same_blocks_a_merge_forever(tmp_path: Path) -> None:
    store = store_of(tmp_path, _docs())
    assert ensure(store).entity(BARE2) == KONG
    record(store, "not_same", KONG, BARE2, resolution=ensure(store), user="analyst1")
    after = ensure(store)
    assert after.entity(BARE2) == BARE2
    frame = build_frame(store)
    assert sorted(frame.agent_cases) == sorted([KONG, BARE2, OTHER])


def test_split_undoes_an_entity_and_survives_a_reingest(tmp_path: Path) -> None:
    store = store_of(tmp_path, _docs())
    record(store, Verdict.SPLIT, KONG, resolution=ensure(store), user="analyst2")
    assert ensure(store).entity(BARE2) == BARE2
    for doc in _docs():  # the same documents again: judgements are kept
        store.write_batch(case_batch(case_from_dict(doc)))
    assert [j.verdict for j in stored(store)] == [Verdict.SPLIT]
    assert ensure(store).entity(BARE2) == BARE2
    # a later `same` between two members of the split entity joins them again
    record(store, Verdict.SAME, BARE2, KONG, resolution=ensure(store))
    assert ensure(store).entity(BARE2) == KONG


def test_a_later_not_same_cancels_an_earlier_same(tmp_path: Path) -> None:
    store = store_of(tmp_path, _docs())
    record(store, Verdict.SAME, KONG, OTHER, resolution=ensure(store))
    record(store, Verdict.NOT_SAME, OTHER, KONG, resolution=ensure(store))
    assert ensure(store).entity(OTHER) == OTHER


def test_names_are_looked_up_and_ambiguity_lists_the_candidates(tmp_path: Path) -> None:
    store = store_of(tmp_path, _docs())
    with pytest.raises(AmbiguousEntity) as err:
        record(store, Verdict.SAME, "孔龙", OTHER, resolution=ensure(store))
    assert [c.entity_id for c in err.value.candidates] == [KONG, OTHER]
    with pytest.raises(RingtraceError, match="cannot be judged not the same as itself"):
        record(store, Verdict.NOT_SAME, KONG, KONG, resolution=ensure(store))
    with pytest.raises(RingtraceError, match="only two persons or two employers"):
        record(store, Verdict.SAME, KONG, "Employer:安阳市别的有限公司", resolution=ensure(store))
    assert stored(store) == []


def test_the_audit_line_names_the_judgement(tmp_path: Path) -> None:
    store = store_of(tmp_path, _docs())
    j = record(store, Verdict.NOT_SAME, KONG, OTHER, resolution=ensure(store), note="n",
               user="u")
    line = audit_line(j)
    assert (line["command"], line["params"], line["result"]["judgement"]) == (
        "ringtrace resolve not-same", {"a": KONG, "b": OTHER, "note": "n"}, 1)
    assert line["time"] == j.time
