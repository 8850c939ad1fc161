"""Optional extras: the core imports without them, and a command that needs one names it.

Each check runs in a fresh interpreter, because the modules under test may already be imported
in this one, and a missing library is simulated with ``sys.modules[name] = None`` (which makes
``import name`` fail exactly as an uninstalled package does).
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from ringtrace.errors import MissingExtra
from ringtrace.extras import require

ROOT = Path(__file__).resolve().parents[1]


def _run(code: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], cwd=tmp_path,
                          capture_output=True, text=True, timeout=120,
                          env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})


def test_require_names_the_extra_and_how_to_install_it() -> None:
    with pytest.raises(MissingExtra, match=r"pip install 'ringtrace\[neo4j\]'"):
        require("ringtrace_no_such_driver", "neo4j", purpose="pushing")


def test_require_does_not_hide_a_broken_dependency_of_an_installed_library(tmp_path: Path
                                                                          ) -> None:
    (tmp_path / "brokenlib.py").write_text("import ringtrace_missing_inner\n", "utf-8")
    sys.path.insert(0, str(tmp_path))
    try:
        with pytest.raises(ModuleNotFoundError, match="ringtrace_missing_inner"):
            require("brokenlib", "viz")
    finally:
        sys.path.remove(str(tmp_path))


def test_the_package_and_cli_import_none_of_the_extras(tmp_path: Path) -> None:
    """Not even with every command module loaded (``--help`` of each command works without
    the extras). pyarrow is not checked: pandas, a core dependency, imports it when it is
    installed."""
    done = _run("""
        import sys
        import ringtrace, ringtrace.cli
        from ringtrace.cli import load_all_commands
        load_all_commands()
        print(sorted(m for m in ("neo4j", "pyvis", "IPython", "cryptography", "flask",
                                 "followthemoney", "docx", "anxwritter", "pyspark")
                      if m in sys.modules))
        """, tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_push_without_the_neo4j_extra_says_which_extra_to_install(tmp_path: Path) -> None:
    done = _run("""
        import sys
        sys.modules["neo4j"] = None
        from click.testing import CliRunner
        from ringtrace.cli import cli
        from ringtrace.graph.store.sqlite import SQLiteStore
        SQLiteStore.open("ws", create=True).close()
        result = CliRunner().invoke(cli, ["-w", "ws", "push", "--neo4j", "bolt://127.0.0.1:1"])
        print(result.exit_code)
        print(result.output)
        """, tmp_path)
    assert done.returncode == 0, done.stderr
    code, output = done.stdout.split("\n", 1)
    assert code == "1"
    assert "the Neo4j store" in output
    assert "pip install 'ringtrace[neo4j]'" in output
    assert "Traceback" not in output


def test_opening_a_bolt_store_without_the_driver_raises_missing_extra(tmp_path: Path) -> None:
    done = _run("""
        import sys
        sys.modules["neo4j"] = None
        from ringtrace.errors import MissingExtra
        from ringtrace.graph.store import open_store
        try:
            open_store("bolt://127.0.0.1:1")
        except MissingExtra as exc:
            print(exc)
        """, tmp_path)
    assert done.returncode == 0, done.stderr
    assert "pip install 'ringtrace[neo4j]'" in done.stdout


def test_a_network_view_without_the_viz_extra_says_which_extra_to_install(tmp_path: Path
                                                                         ) -> None:
    done = _run("""
        import sys
        sys.modules["pyvis"] = None
        import networkx as nx
        from ringtrace.errors import MissingExtra
        from ringtrace.viz.network import network_html
        graph = nx.MultiDiGraph()
        graph.add_edge("Person:a", "Case:b", kind="PARTY_IN")
        try:
            network_html(graph, title="t")
        except MissingExtra as exc:
            print(exc)
        """, tmp_path)
    assert done.returncode == 0, done.stderr
    assert "pip install 'ringtrace[viz]'" in done.stdout
    assert "ring --html" in done.stdout


def test_dev_lists_every_extra() -> None:
    import tomllib

    extras = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"][
        "optional-dependencies"]
    dev = set(extras["dev"])
    missing = {name: sorted(set(libs) - dev) for name, libs in extras.items()
               if name != "dev" and not set(libs) <= dev}
    assert not missing, f"add these to the dev extra: {missing}"


def test_spark_parse_without_the_scale_extra_says_which_extra_to_install(tmp_path: Path
                                                                         ) -> None:
    done = _run("""
        import sys
        sys.modules["pyspark"] = None
        from click.testing import CliRunner
        from ringtrace.cli import cli
        result = CliRunner().invoke(cli, ["spark", "parse", ".", "--out", "parsed"])
        print(result.exit_code)
        print(result.output)
        """, tmp_path)
    assert done.returncode == 0, done.stderr
    code, output = done.stdout.split("\n", 1)
    assert code == "1"
    assert "pip install 'ringtrace[scale]'" in output
    assert "Traceback" not in output
