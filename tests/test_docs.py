"""Generated docs are current, and the README's commands exist."""

from __future__ import annotations

import re
from pathlib import Path

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
