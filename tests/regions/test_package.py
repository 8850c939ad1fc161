"""``ringtrace.regions`` is a leaf: the parser, rules and resolver read it, it reads none of them."""

from __future__ import annotations

import ast
from pathlib import Path

import ringtrace.regions

PACKAGE = Path(ringtrace.regions.__file__).resolve().parent


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def test_regions_imports_no_other_ringtrace_package() -> None:
    outside = {f"{path.name}: {module}" for path in sorted(PACKAGE.glob("*.py"))
               for module in _imports(path)
               if module.startswith("ringtrace") and not module.startswith("ringtrace.regions")}
    assert not outside, outside


def test_the_code_table_ships_with_the_package() -> None:
    assert (PACKAGE / "gb2260.json").is_file()
