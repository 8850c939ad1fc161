"""The accuracy harness on the shared real samples and on the project's own fixtures."""

from __future__ import annotations

from pathlib import Path

import pytest

from ringtrace.loaders.judgments.accuracy import FIELDS, Report, evaluate, main

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


@pytest.fixture(scope="module", params=["real_docs", "docs"])
def report(request: pytest.FixtureRequest) -> Report:
    return evaluate(FIXTURES / request.param)


def test_targets(report: Report) -> None:
    assert report.documents == 8
    for name in ("case_number", "forum", "document_type"):
        assert report.value(name) == 1.0, report.render()
    assert report.value("parties_f1") >= 0.95, report.render()
    assert report.value("agents_f1") >= 0.95, report.render()
    assert report.value("birth_date") >= 0.95, report.render()


def test_other_fields(report: Report) -> None:
    for name in ("procedure", "cause", "sex", "claimed_period", "defendant_no_objection",
                 "defendant_absent", "outcome", "judgment_date"):
        assert report.value(name) >= 0.875, report.render()


def test_report_lists_every_field_and_the_mismatches(tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "answers.json").write_text(
        '{"documents": {"a.txt": {"case_number": "(2021)豫0502民初1号", "court_or_commission": '
        '"某某法院", "document_type": "判决书", "procedure": "一审", "cause_of_action": "劳动争议", '
        '"plaintiffs_or_applicants": [{"name": "张某", "birth_date": "1960-01-01"}]}}}',
        encoding="utf-8")
    (tmp_path / "a.txt").write_text("某某法院\n民事判决书\n(2021)豫0502民初1号\n原告：张某，男。\n",
                                    encoding="utf-8")
    assert main([str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert all(name in out for name in FIELDS)
    assert "a.txt birth_date: expected '1960-01-01' got None" in out
    assert main([str(tmp_path / "nowhere")]) == 2
