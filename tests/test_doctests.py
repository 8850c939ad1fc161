"""Every docstring example in the package runs and holds (the examples are documentation)."""

from __future__ import annotations

import doctest
import importlib
import pkgutil
from types import ModuleType

import pytest

import ringtrace

#: modules whose import needs a running server or optional extras are left to their own tests
SKIPPED = ("ringtrace.__main__",)


def _modules() -> list[str]:
    names = [m.name for m in pkgutil.walk_packages(ringtrace.__path__, "ringtrace.")]
    return sorted(n for n in names if n not in SKIPPED)


@pytest.mark.parametrize("name", _modules())
def test_docstring_examples(name: str) -> None:
    module: ModuleType = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0, f"{name}: {result.failed} of {result.attempted} examples failed"
