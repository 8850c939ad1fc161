"""``ringtrace resolve``: counts, judgements by id or name, ambiguity, audit lines."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from click.testing import CliRunner

from ringtrace.cli import cli
from ringtrace.graph.audit import read_audit
from ringtrace.graph.store.sqlite import SQLiteStore
from ringtrace.resolve.settings import ResolveSettings
from ringtrace.resolve.settings import shipped as shipped_settings
from ringtrace.resolve.stage import kept_key
from tests.conftest import sham_case


def _workspace(tmp_path: Path, runner: CliRunner) -> Path:
    bare = sham_case(2, "刘秀英", "1967-02-02", day="2021-04-01")
    bare["agents"][0] = {"name": "王建国", "represents": ["刘秀英"], "kind": "other"}
    other = sham_case(3, "王淑珍", "1969-01-15")
    other["agents"][0] = {"name": "王建国", "represents": ["王淑珍"], "kind": "other",
                          "birth_date": "1950-05-05"}
    lines = [sham_case(1, "张桂兰", "1968-05-02"), bare, other]
    (tmp_path / "cases.jsonl").write_text(
        "\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n", "utf-8")
    ws = tmp_path / "ws"
    assert runner.invoke(cli, ["-w", str(ws), "ingest", str(tmp_path / "cases.jsonl")]).exit_code == 0
    return ws


def test_resolve_prints_counts_and_json(tmp_path: Path, runner: CliRunner) -> None:
    ws = _workspace(tmp_path, runner)
    text = runner.invoke(cli, ["-w", str(ws), "resolve"])
    assert text.exit_code == 0, text.output
    assert "用人单位：1处提及 → 1个实体（未合并）" in text.output
    english = runner.invoke(cli, ["--lang", "en", "-w", str(ws), "resolve"])
    assert "employers: 1 mentions -> 1 entities (no merges)" in english.output
    data = json.loads(runner.invoke(cli, ["-w", str(ws), "resolve", "run", "--json"]).output)
    assert data["counts"]["persons"]["mentions"] == 4  # three applicants and the legal rep
    assert data["counts"]["agents"] == {"mentions": 3, "entities": 3, "merges": {}}


def test_judgements_by_name_and_id_are_listed_and_audited(tmp_path: Path,
                                                          runner: CliRunner) -> None:
    ws = _workspace(tmp_path, runner)
    ambiguous = runner.invoke(cli, ["-w", str(ws), "resolve", "same", "王建国",
                                    "Person:王建国|b:1950-05-05"])
    assert ambiguous.exit_code == 4  # the candidates are listed; run again with an id
    assert "Person:王建国|b:1970-01-01" in ambiguous.output
    ok = runner.invoke(cli, ["-w", str(ws), "resolve", "same", "Person:王建国|b:1970-01-01",
                             "Person:王建国|b:1950-05-05", "--note", "同一人", "--user", "检察官甲"])
    assert ok.exit_code == 0, ok.output
    assert "now: Person:王建国|b:1950-05-05 (3 mentions)" in ok.output  # the bare one too
    listed = json.loads(runner.invoke(cli, ["-w", str(ws), "resolve", "judgements",
                                            "--json"]).output)
    assert [(j["verdict"], j["user"], j["note"]) for j in listed] == [("same", "检察官甲", "同一人")]
    shown = runner.invoke(cli, ["-w", str(ws), "resolve", "show", "Person:王建国|b:1950-05-05"])
    assert "analyst judgement" in shown.output and "#1" in shown.output
    audit = [e for e in read_audit(ws) if e["command"] == "ringtrace resolve same"]
    assert [e["status"] for e in audit] == ["error", "ok"]
    assert audit[1]["params"]["b"] == "Person:王建国|b:1950-05-05"
    assert (audit[1]["user"], audit[1]["result"]["judgement"]) == ("检察官甲", 1)


def test_resolve_eval_reads_a_mention_truth(tmp_path: Path, runner: CliRunner) -> None:
    ws = _workspace(tmp_path, runner)
    truth = {"cases": [{"file": None, "case_number": f"(2021)豫0502民初{n}号",
                        "forum": "河南省安阳市文峰区人民法院",
                        "mentions": [{"role": "party", "side": "employer",
                                      "printed": "安阳市恒达废旧物资回收有限公司",
                                      "entity": "E:1"}]} for n in (1, 2, 3)], "registry": []}
    (tmp_path / "truth.json").write_text(json.dumps(truth, ensure_ascii=False), "utf-8")
    out = runner.invoke(cli, ["-w", str(ws), "resolve", "eval", str(tmp_path / "truth.json"),
                              "--json"])
    assert out.exit_code == 0, out.output
    assert json.loads(out.output)["employers"] == {
        "mentions": 3, "true_pairs": 3, "predicted_pairs": 3, "correct_pairs": 3,
        "precision": 1.0, "recall": 1.0}
    (tmp_path / "old.json").write_text('{"rings": []}', "utf-8")
    old = runner.invoke(cli, ["-w", str(ws), "resolve", "eval", str(tmp_path / "old.json")])
    assert old.exit_code == 1 and "no per-mention 'cases' list" in old.output




def test_resolve_eval_lists_the_mixed_entities_with_errors(tmp_path: Path,
                                                          runner: CliRunner) -> None:
    ws = _workspace(tmp_path, runner)
    # the truth says the third suit's employer is another company of the same name
    truth = {"cases": [{"file": None, "case_number": f"(2021)豫0502民初{n}号",
                        "forum": "河南省安阳市文峰区人民法院",
                        "mentions": [{"role": "party", "side": "employer",
                                      "printed": "安阳市恒达废旧物资回收有限公司",
                                      "entity": "E:1" if n < 3 else "E:2"}]} for n in (1, 2, 3)],
             "registry": []}
    (tmp_path / "truth.json").write_text(json.dumps(truth, ensure_ascii=False), "utf-8")
    args = ["-w", str(ws), "resolve", "eval", str(tmp_path / "truth.json"), "--errors",
            "employers"]
    out = runner.invoke(cli, [*args, "--json"])
    assert out.exit_code == 0, out.output
    found = json.loads(out.output)
    assert (found["kind"], found["lost_pairs"], found["wrong_pairs"]) == ("employers", 0, 2)
    [mixed] = found["mixes"]
    assert [len(part) for part in mixed["parts"]] == [2, 1]
    assert mixed["parts"][1][0]["case"] == "Case:(2021)豫0502民初3号|河南省安阳市文峰区人民法院"
    text = runner.invoke(cli, args)
    assert text.exit_code == 0, text.output
    assert text.output.startswith("employers: 0 true pairs lost in 0 split entities, 2 pairs "
                                  "wrongly joined in 1 mixed ones")
    assert "  E:2  1: 安阳市恒达废旧物资回收有限公司 @ (2021)豫0502民初3号" in text.output

def _kept_under(ws: Path, settings: ResolveSettings) -> bool:
    with SQLiteStore.open(ws, create=False) as store:
        kept = store.load_resolution()
        return kept is not None and kept[0] == kept_key(store, [], settings)


def test_resolve_run_and_eval_take_a_rules_file(tmp_path: Path, runner: CliRunner) -> None:
    """``--rules`` reads the [resolve] table as ``scan --rules`` does: an override changes the
    settings the resolution is computed with (its fingerprint names them; ``run`` keeps it,
    ``eval`` only measures it), and a bad value is refused naming file and key."""
    ws = _workspace(tmp_path, runner)
    shipped = json.loads(runner.invoke(cli, ["-w", str(ws), "resolve", "run", "--json"]).output)
    assert _kept_under(ws, shipped_settings())
    trial = tmp_path / "trial.toml"
    trial.write_text("[resolve]\nagent_gap_days = 30\n", "utf-8")
    out = runner.invoke(cli, ["-w", str(ws), "resolve", "run", "--rules", str(trial), "--json"])
    assert out.exit_code == 0, out.output
    assert json.loads(out.output)["fingerprint"] != shipped["fingerprint"]
    assert _kept_under(ws, replace(shipped_settings(), agent_gap_days=30))
    truth = tmp_path / "truth.json"
    truth.write_text(json.dumps({"cases": [], "registry": []}), "utf-8")
    trial.write_text("[resolve]\nagent_gap_days = 60\n", "utf-8")
    evaluated = runner.invoke(cli, ["-w", str(ws), "resolve", "eval", str(truth), "--rules",
                                    str(trial), "--json"])
    assert evaluated.exit_code == 0, evaluated.output
    assert _kept_under(ws, replace(shipped_settings(), agent_gap_days=30))
    trial.write_text("[resolve]\nsimilar_name = 101\n", "utf-8")
    for command in (["run"], ["eval", str(truth)]):
        bad = runner.invoke(cli, ["-w", str(ws), "resolve", *command, "--rules", str(trial)])
        assert bad.exit_code != 0 and "trial.toml: resolve.similar_name" in bad.output
