"""export_rings: one call per format, the file or folder it writes, and missing extras."""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest
from docx import Document

from ringtrace.errors import MissingExtra, RingtraceError
from ringtrace.export.ring_files import FORMATS, export_rings
from ringtrace.graph.store.sqlite import SQLiteStore
from tests.export.conftest import HOSTILE_AGENT, HOSTILE_EMPLOYER


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_each_format_writes_one_file_for_one_ring(ring_store: SQLiteStore, tmp_path: Path,
                                                  fmt: str) -> None:
    out = tmp_path / "sub" / f"ring.{fmt}"
    files = export_rings(ring_store, fmt, out, ring_ids=["1"])
    assert files.files == (out,) and out.stat().st_size > 0
    assert files.masked and len(files.rings) == 1 and files.rings[0].startswith("R-")
    assert files.to_dict()["files"] == [str(out)]


def test_docx_for_every_ring_is_a_folder_of_letters(ring_store: SQLiteStore,
                                                    tmp_path: Path) -> None:
    files = export_rings(ring_store, "docx", tmp_path / "letters", ring_ids=None)
    assert [p.name for p in files.files] == [f"线索移送函-{r}.docx" for r in files.rings]
    assert files.counts == {"letters": len(files.rings)}


def test_unknown_format_and_unknown_ring(ring_store: SQLiteStore, tmp_path: Path) -> None:
    with pytest.raises(RingtraceError, match="choose one of graphml"):
        export_rings(ring_store, "pdf", tmp_path / "x.pdf", ring_ids=None)
    with pytest.raises(RingtraceError, match="ringtrace rings"):
        export_rings(ring_store, "gexf", tmp_path / "x.gexf", ring_ids=["R-nope"])


@pytest.mark.parametrize(("fmt", "module"), [("anx", "anxwritter"), ("ftm", "followthemoney"),
                                             ("docx", "docx")])
def test_a_missing_library_names_the_extra(ring_store: SQLiteStore, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch, fmt: str,
                                           module: str) -> None:
    monkeypatch.setitem(sys.modules, module, None)  # makes `import module` fail
    with pytest.raises(MissingExtra, match=r"pip install 'ringtrace\[export\]'"):
        export_rings(ring_store, fmt, tmp_path / f"x.{fmt}", ring_ids=["1"])


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_names_read_from_documents_cannot_break_a_file(hostile_store: SQLiteStore,
                                                       tmp_path: Path, fmt: str) -> None:
    """Names starting with = + - @, a tab or a carriage return (tests/export/conftest.py)."""
    out = tmp_path / f"hostile.{fmt}"
    export_rings(hostile_store, fmt, out, ring_ids=["1"])
    if fmt == "graphml":
        names = {d.get("name") for _, d in nx.read_graphml(out).nodes(data=True)}
        assert "=SUM(1,1)" in names and HOSTILE_EMPLOYER in names
    elif fmt == "gexf":
        assert HOSTILE_EMPLOYER in {d.get("name") for _, d in nx.read_gexf(out).nodes(data=True)}
    elif fmt == "anx":
        labels = {i.get("Label") for i in ET.parse(out).iter("ChartItem")}
        assert HOSTILE_EMPLOYER in labels and HOSTILE_AGENT in labels
    elif fmt == "ftm":
        names = {n for line in out.read_text("utf-8").splitlines()
                 for n in json.loads(line)["properties"].get("name", [])}
        assert HOSTILE_EMPLOYER in names
    else:
        assert Document(str(out)).paragraphs[0].text == "线索移送函"
