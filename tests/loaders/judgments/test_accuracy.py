"""The accuracy harness on the shared real samples and on the project's own fixtures."""

from __future__ import annotations

from pathlib import Path

import pytest

from ringtrace.loaders.judgments.accuracy import FIELDS, Report, evaluate, main

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


FOLDERS = {"real_docs": 8, "docs": 8, "real_docs_more": 17}


@pytest.fixture(scope="module", params=sorted(FOLDERS))
def report(request: pytest.FixtureRequest) -> tuple[str, Report]:
    return request.param, evaluate(FIXTURES / request.param)


def test_every_field_of_every_document_is_right(report: tuple[str, Report]) -> None:
    folder, result = report
    assert result.documents == FOLDERS[folder]
    for name in FIELDS:
        assert result.value(name) == 1.0, result.render()
    assert not result.mismatches, result.render()


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
