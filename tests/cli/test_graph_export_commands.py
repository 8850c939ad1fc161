"""``ringtrace export FORMAT``: every format on a scanned province, options, audit, errors."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner
from docx import Document

from ringtrace.cli import cli
from ringtrace.graph.audit import read_audit
from ringtrace.graph.store.sqlite import SQLiteStore
from ringtrace.viz.pack_data import pack_data
from tests.scanned_province import (
    ScannedProvince,
    copy_workspace,
    run,
)


@pytest.fixture(scope="module")
def workspace(scanned_province: ScannedProvince,
              tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the scanned province: exports add lines to its audit log."""
    return copy_workspace(scanned_province, tmp_path_factory.mktemp("exports") / "ws")


def _rings(workspace: Path) -> list[str]:
    return [r["ring_id"] for r in json.loads(run(workspace, "rings", "--json"))]


def test_help_lists_formats_and_examples() -> None:
    result = CliRunner().invoke(cli, ["export", "--help"])
    assert result.exit_code == 0
    for word in ("graphml", "gexf", "anx", "ftm", "docx", "Examples:", "--unmask",
                 "ringtrace export anx --all --out rings.anx"):
        assert word in result.output


@pytest.mark.parametrize("args", [[], ["--ring", "1", "--all"]])
def test_ring_or_all_required(workspace: Path, tmp_path: Path, args: list[str]) -> None:
    result = CliRunner().invoke(cli, ["--workspace", str(workspace), "export",
                                      "gexf", *args, "--out", str(tmp_path / "x.gexf")])
    assert result.exit_code == 2 and "--ring ID (repeatable) or --all" in result.output


def test_a_folder_is_not_a_graph_file(workspace: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["--workspace", str(workspace), "export",
                                      "graphml", "--all", "--out", str(tmp_path)])
    assert result.exit_code == 1 and "takes a file name" in result.output


def test_all_rings_in_every_format(workspace: Path, tmp_path: Path) -> None:
    ws = workspace
    rings = _rings(ws)
    assert len(rings) > 1
    summary = json.loads(run(ws, "export", "anx", "--all", "--out", str(tmp_path / "r.anx"),
                             "--json"))
    assert summary["rings"] == rings and summary["masked"] is True
    identities = [e.get("Identity") for e in ET.parse(tmp_path / "r.anx").iter("Entity")]
    assert len(identities) == len(set(identities)) == summary["counts"]["entities"]
    with SQLiteStore.open(ws, create=False) as store:
        for ring_id in rings:
            pack = pack_data(store, ring_id)
            for group in ("applicants", "agents", "employers"):
                assert all(identities.count(m["id"]) == 1 for m in pack[group])
    run(ws, "export", "graphml", "--all", "--out", str(tmp_path / "r.graphml"))
    graph = nx.read_graphml(tmp_path / "r.graphml", force_multigraph=True)
    assert graph.graph["rings"].split("；") == rings
    assert {r for _, d in graph.nodes(data=True) for r in d["rings"].split("；")} == set(rings)
    run(ws, "export", "ftm", "--all", "--out", str(tmp_path / "r.ftm.json"))
    schemata = {json.loads(line)["schema"]
                for line in (tmp_path / "r.ftm.json").read_text("utf-8").splitlines()}
    assert {"Person", "Company", "CourtCase", "CourtCaseParty", "Employment"} <= schemata
    summary = json.loads(run(ws, "export", "docx", "--all", "--out", str(tmp_path / "letters"),
                             "--json"))
    assert sorted(Path(f).name for f in summary["files"]) == sorted(
        f"线索移送函-{r}.docx" for r in rings)
    first = Document(summary["files"][0])
    assert first.paragraphs[0].text == "线索移送函" and len(first.tables) == 1


def test_unmask_is_recorded_in_the_audit_log(workspace: Path, tmp_path: Path) -> None:
    ws = workspace
    out = run(ws, "export", "gexf", "--ring", "1", "--out", str(tmp_path / "r.gexf"),
              "--unmask")
    assert "UNMASKED" in out
    entry = read_audit(ws)[-1]
    assert entry["command"] == "ringtrace export" and entry["params"]["unmask"] is True
    assert entry["result"]["masked"] is False and entry["result"]["format"] == "gexf"
    assert entry["result"]["files"] == [str(tmp_path / "r.gexf")]
    assert any(str(n).startswith("Person:") for n in nx.read_gexf(tmp_path / "r.gexf"))
