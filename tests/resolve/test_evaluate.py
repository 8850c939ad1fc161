"""Pairwise precision and recall against a hand-made truth with known answers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ringtrace.graph.records import RegistryRecord
from ringtrace.graph.store.sqlite import SQLiteStore
from ringtrace.resolve.evaluate import pair_errors, resolution_metrics
from tests.resolve.helpers import case, store_of


def _store(tmp_path: Path) -> SQLiteStore:
    one = case(1, workers=[{"name": "张三"}], employer="商丘市金源包装有限公司", rep=None,
               agents=[{"name": "孔龙", "birth_date": "1976-07-27"}])
    two = case(2, workers=[{"name": "李四"}], employer="商丘金源包装有限公司", rep=None,
               agents=[{"name": "孔龙"}], day="2021-04-01")
    three = case(3, workers=[{"name": "王五"}], employer="重庆市别的有限公司", rep=None,
                 agents=[{"name": "孔龙", "birth_date": "1980-02-02"}], court="chongqing")
    one["source_path"] = "/data/world/documents/000001.txt"
    two["source_path"] = "/data/world/documents/000002.html"
    return store_of(tmp_path, [one, two, three], [RegistryRecord(name="金源（商丘）包装有限公司")])


def _truth(bare_agent: str) -> dict[str, Any]:
    def m(role: str, printed: str, entity: str) -> dict[str, str]:
        return {"role": role, "side": "worker", "printed": printed, "entity": entity}
    return {
        "cases": [
            {"file": "documents/000001.txt", "case_number": None, "forum": "",
             "mentions": [m("party", "张三", "P:1"), m("agent", "孔龙", "P:9"),
                          m("party", "商丘市金源包装有限公司", "E:1")]},
            {"file": "documents/000002.html", "case_number": None, "forum": "",
             "mentions": [m("party", "李四", "P:2"), m("agent", "孔龙", bare_agent),
                          m("party", "商丘金源包装有限公司", "E:1"), m("party", "不存在", "P:7")]},
            {"file": None, "case_number": "（2021）渝0116民初3号", "forum": "重庆市江津区人民法院",
             "mentions": [m("party", "王五", "P:3"), m("agent", "孔龙", "P:10"),
                          m("party", "重庆市别的有限公司", "E:2")]},
            {"file": "documents/999999.txt", "case_number": None, "forum": "",
             "mentions": [m("party", "赵六", "P:4")]},
        ],
        "registry": [{"row": 0, "printed": "金源（商丘）包装有限公司", "entity": "E:1"}],
    }


def test_metrics_on_a_fixture_with_known_answers(tmp_path: Path) -> None:
    metrics = resolution_metrics(_store(tmp_path), _truth("P:9")).to_dict()
    assert metrics["employers"] == {"mentions": 4, "true_pairs": 3, "predicted_pairs": 3,
                                    "correct_pairs": 3, "precision": 1.0, "recall": 1.0}
    assert metrics["agents"] == {"mentions": 3, "true_pairs": 1, "predicted_pairs": 1,
                                 "correct_pairs": 1, "precision": 1.0, "recall": 1.0}
    assert metrics["persons"]["true_pairs"] == 0 and metrics["persons"]["precision"] is None
    assert (metrics["mentions_matched"], metrics["mentions_unmatched"],
            metrics["cases_unmatched"]) == (10, 2, 1)


def test_a_wrong_merge_costs_precision(tmp_path: Path) -> None:
    metrics = resolution_metrics(_store(tmp_path), _truth("P:11")).to_dict()
    assert metrics["agents"] == {"mentions": 3, "true_pairs": 0, "predicted_pairs": 1,
                                 "correct_pairs": 0, "precision": 0.0, "recall": None}


def test_masked_mentions_count_in_all_mentions_not_in_named(tmp_path: Path) -> None:
    masked = case(4, workers=[{"name": "赵七"}], employer="重庆市又一有限公司", rep=None,
                  agents=[{"name": "***"}], day="2021-05-01", court="zhengzhou")
    masked["source_path"] = "/data/world/documents/000004.txt"
    one = case(1, workers=[{"name": "张三"}], employer="商丘市金源包装有限公司", rep=None,
               agents=[{"name": "孔龙", "birth_date": "1976-07-27"}])
    two = case(2, workers=[{"name": "李四"}], employer="商丘金源包装有限公司", rep=None,
               agents=[{"name": "孔龙"}], day="2021-04-01")
    one["source_path"] = "/data/world/documents/000001.txt"
    two["source_path"] = "/data/world/documents/000002.html"
    store = store_of(tmp_path, [one, two, masked])
    truth = _truth("P:9")
    masked_case = {"file": "documents/000004.txt", "case_number": None, "forum": "",
                   "mentions": [{"role": "agent", "side": "worker", "printed": "***",
                                 "entity": "P:9"}]}
    truth["cases"] = [*truth["cases"][:2], masked_case]

    metrics = resolution_metrics(store, truth).to_dict()

    # the masked mention is the same agent, but nothing printed says so: left apart
    assert metrics["agents"]["true_pairs"] == 3 and metrics["agents"]["correct_pairs"] == 1
    assert metrics["agents"]["recall"] == 0.3333
    assert metrics["named"]["agents"] == {"mentions": 2, "true_pairs": 1, "predicted_pairs": 1,
                                          "correct_pairs": 1, "precision": 1.0, "recall": 1.0}


def test_pair_errors_list_the_split_and_the_mixed_agents_with_their_mentions(
        tmp_path: Path) -> None:
    # the truth says the bare 孔龙 of case 2 is the Chongqing 孔龙; resolution joined it to
    # the 孔龙 of case 1: one true pair lost, one pair wrongly predicted
    store = _store(tmp_path)
    truth = _truth("P:10")
    metrics = resolution_metrics(store, truth).by_kind["agents"]
    errors = pair_errors(store, truth, "agents")
    [split] = errors.splits
    assert split.truth == "P:10" and split.lost_pairs == 1
    assert sorted(m.case for part in split.parts for m in part) == [
        "Case:(2021)渝0116民初3号|重庆市江津区人民法院", "Case:(2021)豫0502民初2号|河南省安阳市文峰区人民法院"]
    [mixed] = errors.mixes
    assert mixed.wrong_pairs == 1
    assert sorted(part[0].truth for part in mixed.parts) == ["P:10", "P:9"]
    assert {m.printed for part in mixed.parts for m in part} == {"孔龙"}
    assert sum(s.lost_pairs for s in errors.splits) == metrics.true_pairs - metrics.correct_pairs
    assert sum(x.wrong_pairs for x in errors.mixes) == (metrics.predicted_pairs
                                                        - metrics.correct_pairs)
    # nothing lost or mixed when the truth agrees with the resolution
    right = pair_errors(store, _truth("P:9"), "agents")
    assert right.splits == () and right.mixes == ()
