"""A mid-size synthetic province generated once per session for the synth tests."""

from __future__ import annotations

import csv
import datetime as dt
import html
import json
import re
import zipfile
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

import pytest

from ringtrace.graph.identity import normalize_case_number
from ringtrace.synth import SynthSummary, generate

SEED = 11
CASES = 6000


@dataclass
class Province:
    root: Path
    summary: SynthSummary

    @cached_property
    def truth(self) -> dict[str, Any]:
        return json.loads((self.root / "truth.json").read_text(encoding="utf-8"))

    @cached_property
    def records(self) -> list[dict[str, Any]]:
        with (self.root / "cases.jsonl").open(encoding="utf-8") as fh:
            return [json.loads(line) for line in fh]

    @cached_property
    def by_number(self) -> dict[str, dict[str, Any]]:
        return {normalize_case_number(r["case_number"]): r for r in self.records}

    @cached_property
    def sham(self) -> set[str]:
        return {normalize_case_number(n) for n in self.truth["sham_case_numbers"]}

    @cached_property
    def decoys(self) -> dict[str, str]:
        return {normalize_case_number(d["case_number"]): d["kind"] for d in self.truth["decoys"]}


@pytest.fixture(scope="session")
def province(tmp_path_factory: pytest.TempPathFactory) -> Province:
    root = tmp_path_factory.mktemp("synth") / "province"
    return Province(root, generate(root, seed=SEED, cases=CASES))


@dataclass
class World:
    """A generated world read back from its files (records, truth and documents)."""

    root: Path

    @cached_property
    def truth(self) -> dict[str, Any]:
        return json.loads((self.root / "truth.json").read_text(encoding="utf-8"))

    @cached_property
    def records(self) -> list[dict[str, Any]]:
        with (self.root / "cases.jsonl").open(encoding="utf-8") as fh:
            return [json.loads(line) for line in fh]

    def cases(self, kind: str | None = None, group: str | None = None) -> list[dict[str, Any]]:
        """Truth entries (first copies only), optionally of one kind or group."""
        return [c for c in self.truth["cases"] if not c.get("duplicate_of")
                and (kind is None or c["kind"] == kind) and (group is None or c["group"] == group)]

    def record(self, case: dict[str, Any]) -> dict[str, Any]:
        return self.records[case["line"]]


VARIED_SEED = 5
VARIED_CASES = 2000


@pytest.fixture(scope="session")
def varied(tmp_path_factory: pytest.TempPathFactory) -> World:
    """A 2000-case world at variation 1 with documents."""
    root = tmp_path_factory.mktemp("varied") / "world"
    generate(root, seed=VARIED_SEED, cases=VARIED_CASES, texts=True, variation=1.0)
    return World(root)


@pytest.fixture(scope="session")
def half_varied(tmp_path_factory: pytest.TempPathFactory) -> World:
    """A 3000-case world at variation 0.5 with documents (a different seed)."""
    root = tmp_path_factory.mktemp("half") / "world"
    generate(root, seed=VARIED_SEED + 1, cases=3000, texts=True, variation=0.5)
    return World(root)


def document_text(path: Path) -> str:
    """A document's text as a reader sees it: decoded (UTF-8 with or without BOM, else
    GB18030), tags stripped and entities unescaped for html, paragraphs of a docx."""
    raw = path.read_bytes()
    if path.suffix == ".docx":
        with zipfile.ZipFile(path) as archive:
            xml = archive.read("word/document.xml").decode("utf-8")
        return html.unescape(re.sub(r"<[^>]+>", "", xml.replace("</w:p>", "\n")))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("gb18030")
    if path.suffix == ".html":
        text = html.unescape(re.sub(r"<[^>]+>", "", text))
    return text


def registry_rows(root: Path) -> list[dict[str, Any]]:
    """The registry export's rows as dicts, whatever its format (csv/xlsx with Chinese headers,
    Tianyancha-style JSON lines or xlsx)."""
    if (root / "registry.jsonl").exists():
        with (root / "registry.jsonl").open(encoding="utf-8") as fh:
            return [json.loads(line) for line in fh]
    if (root / "registry.csv").exists():
        with (root / "registry.csv").open(encoding="utf-8-sig", newline="") as fh:
            return list(csv.DictReader(fh))
    from openpyxl import load_workbook

    rows = list(load_workbook(root / "registry.xlsx", read_only=True).worksheets[0]
                .iter_rows(values_only=True))
    header = [str(h) for h in rows[0]]
    width = len(header)  # read-only sheets drop trailing empty cells
    return [dict(zip(header, (*row, *[None] * (width - len(row))), strict=True))
            for row in rows[1:]]


_FIELDS = {"name": ("企业名称", "name"), "type": ("企业类型", "companyOrgType"),
           "headcount": ("参保人数", "socialStaffNum"), "former": ("曾用名", "historyNames"),
           "founded": ("成立日期", "estiblishTime"), "uscc": ("统一社会信用代码", "creditCode")}


def registry_field(row: dict[str, Any], field: str) -> Any:
    """One field of a registry row in any export format; dates as ``datetime.date``."""
    for key in _FIELDS[field]:
        if key in row:
            value = row[key]
            break
    else:
        raise KeyError(field)
    if field == "founded" and value not in (None, ""):
        if isinstance(value, int):
            return (dt.datetime.fromtimestamp(value / 1000, dt.timezone(dt.timedelta(hours=8)))
                    .date())
        digits = [int(x) for x in re.findall(r"\d+", str(value))]
        return dt.date(*digits[:3])
    return value
