"""Query commands on ambiguous names and impossible paths: listed candidates, clear exits."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from ringtrace.cli import cli
from tests.conftest import sham_case, write_province


@pytest.fixture
def ws(tmp_path: Path) -> list[str]:
    """A workspace with two people named 张桂兰 (born 1968 and 1955)."""
    province = write_province(tmp_path / "province")
    with (province / "cases.jsonl").open("a", encoding="utf-8") as f:
        f.write(json.dumps(sham_case(300, "张桂兰", "1955-09-09", agent="赵德明"),
                           ensure_ascii=False) + "\n")
    args = ["--workspace", str(tmp_path / "ws")]
    assert CliRunner().invoke(cli, [*args, "ingest", str(province)]).exit_code == 0
    return args


def test_an_ambiguous_person_lists_the_candidates_and_exits_4(ws: list[str]) -> None:
    result = CliRunner().invoke(cli, [*ws, "person", "张桂兰"])
    assert result.exit_code == 4
    lines = result.output.splitlines()
    assert lines[0] == ("Error: '张桂兰' matches 2 persons; run again with the id of the one you "
                        "mean:")
    assert lines[2].split() == ["编号", "名称", "说明"]
    assert [line.split()[0] for line in lines[4:6]] == ["Person:张桂兰|b:1955-09-09",
                                                         "Person:张桂兰|b:1968-05-02"]
    assert "born 1955, party in 1 and agent in 0 cases" in lines[4]
    assert lines[6:] == ["", "quote the id in the shell, e.g. 'Person:张桂兰|b:1955-09-09'"]


def test_english_headers_with_lang_en(ws: list[str]) -> None:
    result = CliRunner().invoke(cli, ["--lang", "en", *ws, "person", "张桂兰"])
    assert result.exit_code == 4
    assert result.output.splitlines()[2].split() == ["id", "name", "detail"]


def test_the_id_from_the_list_picks_one(ws: list[str]) -> None:
    result = CliRunner().invoke(cli, [*ws, "person", "Person:张桂兰|b:1955-09-09", "--json"])
    assert result.exit_code == 0, result.output
    [profile] = json.loads(result.output)
    assert profile["person"]["birth_date"] == "1955-09-09"


def test_json_mode_prints_the_candidates_as_json_and_still_fails(ws: list[str]) -> None:
    result = CliRunner().invoke(cli, [*ws, "person", "张桂兰", "--json"])
    assert result.exit_code == 4
    data = json.loads(result.output)
    assert data["error"] == "ambiguous" and data["kind"] == "person"
    assert [c["id"] for c in data["candidates"]] == ["Person:张桂兰|b:1955-09-09",
                                                     "Person:张桂兰|b:1968-05-02"]


def test_all_profiles_every_namesake(ws: list[str]) -> None:
    result = CliRunner().invoke(cli, [*ws, "person", "张桂兰", "--all", "--json"])
    assert result.exit_code == 0 and len(json.loads(result.output)) == 2


def test_several_employers_are_a_table_not_one_line(ws: list[str]) -> None:
    result = CliRunner().invoke(cli, [*ws, "employer", "安阳"])
    assert result.exit_code == 4
    assert result.output.startswith("Error: '安阳' matches 2 employers; run again with the id")
    rows = result.output.splitlines()[4:]
    assert [r.split()[0] for r in rows] == ["Employer:安阳市恒达废旧物资回收有限公司",
                                            "Employer:安阳钢铁集团有限公司"]
    assert "USCC 91410502MA3X5Y0K2B, 注销, founded 2005-03-01, 6 cases" in rows[0]


def test_path_from_an_entity_to_itself_is_a_usage_error(ws: list[str]) -> None:
    result = CliRunner().invoke(cli, [*ws, "path", "王建国", "王建国"])
    assert result.exit_code == 2
    assert "'王建国' and '王建国' name the same entity" in result.output


def test_no_path_is_an_error_not_an_empty_answer(ws: list[str]) -> None:
    result = CliRunner().invoke(cli, [*ws, "path", "王建国", "安阳钢铁集团有限责任公司",
                                      "--max-hops", "1"])
    assert result.exit_code == 1
    assert "no evidence path of at most 1 hops" in result.output and "--max-hops" in result.output


def test_path_help_documents_the_exit_statuses() -> None:
    text = CliRunner().invoke(cli, ["path", "--help"]).output
    assert "2   usage error, or A and B name the same entity" in text
    assert "4   A or B matches several entities" in text
