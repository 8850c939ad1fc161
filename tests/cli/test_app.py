"""The root group: each command is imported from the module the table names, and only then."""

from __future__ import annotations

import subprocess
import sys

from ringtrace.cli.app import COMMAND_MODULES, load_all_commands


def test_the_command_table_names_the_module_that_defines_each_command() -> None:
    commands = load_all_commands()
    assert set(commands) == set(COMMAND_MODULES)
    for name, command in commands.items():
        modules = {f"ringtrace.cli.{m}" for m in COMMAND_MODULES[name]}
        defined = {command.callback.__module__} if command.callback else set()
        for sub in getattr(command, "commands", {}).values():
            defined.add(sub.callback.__module__)
        assert defined <= modules, (name, defined - modules)


def test_a_query_command_imports_neither_the_parser_nor_the_scan_nor_neo4j() -> None:
    code = ("import sys\nfrom ringtrace.cli import cli\n"
            "try:\n    cli(['employer', '--help'])\nexcept SystemExit:\n    pass\n"
            "heavy = ['ringtrace.loaders.judgments', 'ringtrace.queries.scan', 'neo4j', 'cn2an']\n"
            "print(sorted(m for m in heavy if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip().splitlines()[-1] == "[]", out
