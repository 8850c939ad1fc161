"""``ringtrace spark parse``, ``ingest`` of what it wrote, ``spark scan`` and
``import-results``, through the CLI."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from ringtrace.cli import cli
from tests.conftest import FIXTURES

pytestmark = pytest.mark.spark


def test_spark_parse_ingest_spark_scan_and_import(spark: Any, tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    for path in sorted(FIXTURES.joinpath("real_docs").glob("*.txt"))[:3]:
        shutil.copy(path, docs / path.name)
    shutil.copy(FIXTURES / "hostile" / "broken.docx", docs / "broken.docx")
    runner = CliRunner()
    parsed = runner.invoke(cli, ["spark", "parse", str(docs), "--out", str(tmp_path / "p"),
                                 "--master", "local[2]", "--json"])
    assert parsed.exit_code == 0, parsed.output
    summary = json.loads(parsed.output)
    assert (summary["documents"], summary["parsed"], summary["quarantined"]) == (4, 3, 1)
    ingested = runner.invoke(cli, ["-w", str(tmp_path / "ws"), "ingest", str(tmp_path / "p"),
                                   "--json"])
    assert ingested.exit_code == 0, ingested.output
    report = json.loads(ingested.output)
    assert report["records"] == 3
    assert report["quarantined_files"] == 1
    assert [f["status"] for f in report["files"]].count("ok") == 3
    scanned = runner.invoke(cli, ["spark", "scan", str(tmp_path / "p"), "--out",
                                  str(tmp_path / "r"), "--master", "local[2]", "--json"])
    assert scanned.exit_code == 0, scanned.output
    assert json.loads(scanned.output)["cases"] == 3
    imported = runner.invoke(cli, ["-w", str(tmp_path / "ws"), "import-results",
                                   str(tmp_path / "r"), "--json"])
    assert imported.exit_code == 0, imported.output
    assert json.loads(imported.output)["cases"] == 3
    status = runner.invoke(cli, ["-w", str(tmp_path / "ws"), "leads", "--json"])
    assert status.exit_code == 0, status.output


def test_spark_parse_of_a_missing_folder_says_so(spark: Any, tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["spark", "parse", str(tmp_path / "nowhere"), "--out",
                                      str(tmp_path / "p"), "--master", "local[2]"])
    assert result.exit_code == 1
    assert "no such file or directory" in result.output
