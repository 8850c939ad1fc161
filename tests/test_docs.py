"""Generated docs are current, and the README's commands exist."""

from __future__ import annotations

import ast
import re
import sys
import types
from pathlib import Path

import pytest

from ringtrace.cli import load_all_commands
from ringtrace.graph.model import schema
from ringtrace.graph.schema_doc import render as render_schema
from ringtrace.queries.rules import load_rules
from ringtrace.queries.rules_doc import render as render_rules

ROOT = Path(__file__).resolve().parents[1]


def test_schema_doc_is_generated_from_the_schema() -> None:
    assert (ROOT / "docs" / "schema.md").read_text("utf-8") == render_schema(schema()), (
        "run: python -m ringtrace.graph.schema_doc > docs/schema.md")


def test_rules_doc_is_generated_from_the_catalogue() -> None:
    assert (ROOT / "docs" / "rules.md").read_text("utf-8") == render_rules(load_rules()), (
        "run: python -m ringtrace.queries.rules_doc > docs/rules.md")


def test_every_command_in_the_readme_exists() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    used = set(re.findall(r"^\$ ringtrace (?:-w \S+ |--workspace \S+ )?([a-z]+)", readme, re.M))
    commands = set(load_all_commands())
    assert used and used <= commands, used - commands


ARCHITECTURE = ROOT / "docs" / "architecture.md"


def test_architecture_examples_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The worked examples of docs/architecture.md run as written, in order, in one namespace
    (each ends in asserts, so an example that stops being true fails here)."""
    blocks = re.findall(r"^```python\n(.*?)^```", ARCHITECTURE.read_text("utf-8"), re.M | re.S)
    assert len(blocks) >= 6
    monkeypatch.chdir(tmp_path)
    module = types.ModuleType("architecture_examples")  # a real module: dataclasses look it up
    monkeypatch.setitem(sys.modules, module.__name__, module)
    namespace = module.__dict__
    for number, block in enumerate(blocks, start=1):
        exec(compile(block, f"docs/architecture.md block {number}", "exec"), namespace)


def _declared_layers() -> dict[str, set[str]]:
    section = ARCHITECTURE.read_text("utf-8").split("## Layers", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\| `(\w+)` \| ([^|]*) \|", section, re.M)
    return {name: {m.strip() for m in allowed.split(",") if m.strip() not in ("", "—")}
            for name, allowed in rows}


def _imported_packages(package: str) -> set[str]:
    top = ROOT / "ringtrace"
    files = sorted((top / package).rglob("*.py")) if (top / package).is_dir() else [
        top / f"{package}.py"]
    found: set[str] = set()
    for path in files:
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            names = ([node.module] if isinstance(node, ast.ImportFrom) and node.module
                     else [a.name for a in node.names] if isinstance(node, ast.Import) else [])
            for name in names:
                parts = name.split(".")
                if parts[0] == "ringtrace" and len(parts) > 1 and parts[1] != package:
                    found.add(parts[1])
    return found


def test_architecture_layer_table_matches_the_imports() -> None:
    declared = _declared_layers()
    top = ROOT / "ringtrace"
    packages = {p.name for p in top.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    modules = {p.stem for p in top.glob("*.py")} - {"__init__", "__main__"}
    assert set(declared) == packages | modules, "every package has a row in docs/architecture.md"
    wrong = {name: sorted(_imported_packages(name) - allowed - {"__version__"})
             for name, allowed in declared.items()}
    assert not any(wrong.values()), f"imports the layer table does not allow: {wrong}"


def test_the_export_file_writers_sit_at_the_base() -> None:
    """export's file writers import only errors, so every layer can write files with them."""
    for name in ("cells", "csv", "excel", "jsonl", "masking", "xmltext"):
        path = ROOT / "ringtrace" / "export" / f"{name}.py"
        imported = {node.module for node in ast.walk(ast.parse(path.read_text("utf-8")))
                    if isinstance(node, ast.ImportFrom) and node.module
                    and node.module.startswith("ringtrace")}
        assert imported <= {"ringtrace.errors"} | {f"ringtrace.export.{n}" for n in (
            "cells", "csv", "excel", "jsonl", "masking", "xmltext")}, (name, imported)
