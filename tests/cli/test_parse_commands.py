"""``ringtrace parse``: JSON lines, readable summaries, problems on stderr, exit status."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from ringtrace.cli import cli
from ringtrace.graph.records import case_from_dict

DOCS = Path(__file__).resolve().parents[1] / "fixtures" / "docs"
REAL = Path(__file__).resolve().parents[1] / "fixtures" / "real_docs"


def test_json_lines_keep_chinese_readable() -> None:
    result = CliRunner().invoke(cli, ["parse", "--json", str(DOCS / "award_anyang.txt"),
                                      str(DOCS / "gb18030_erqi.txt")])
    assert result.exit_code == 0, result.output
    lines = result.stdout.strip().split("\n")
    assert len(lines) == 2 and "安阳市劳动人事争议仲裁委员会" in lines[0]
    records = [case_from_dict(json.loads(line)) for line in lines]
    assert [r.outcome for r in records] == ["confirmed", "confirmed"]


def test_summary_and_warnings_on_stderr() -> None:
    result = CliRunner().invoke(cli, ["parse", str(REAL / "02.txt")])
    assert result.exit_code == 0
    assert result.stdout.startswith("(2016)鲁0323民初2941号  山东省沂源县人民法院  判决书  一审")
    assert "原告: 翟明绪 [worker] (男, 1949-03-19)" in result.stdout
    assert "warning:" in result.stderr and "翟明绪" in result.stderr


def test_folder_and_failures_set_the_exit_status(tmp_path: Path) -> None:
    (tmp_path / "weather.txt").write_text("今天天气很好。", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\xfa\x00abc")
    result = CliRunner().invoke(cli, ["parse", str(tmp_path)])
    assert result.exit_code == 1
    assert "bad.txt: cannot decode" in result.stderr and "--encoding" in result.stderr
    assert "not a judgment" in result.stderr


def test_encoding_option() -> None:
    result = CliRunner().invoke(cli, ["parse", "--encoding", "gb18030", "--json",
                                      str(DOCS / "gb18030_erqi.txt")])
    assert result.exit_code == 0 and "孟淑芬" in result.stdout
