"""The examples in the generator's docstrings run."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = ("variation", "typologies", "names", "ids", "people", "lookalikes", "registry",
           "render.script")


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    module = importlib.import_module(f"ringtrace.synth.{name}")
    result = doctest.testmod(module, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 0 and result.failed == 0
