"""A ratchet on untyped dicts in the public signatures of graph/, queries/ and export/.

Issue 14 wants typed results (frozen dataclasses) between layers instead of ``dict[str, Any]``:
a dict says nothing about its keys, so a renamed key in ``queries`` breaks ``viz`` or ``cli`` at
run time, not at ``mypy``. That refactor lands a piece at a time, so this test only keeps the
count of untyped dicts from growing: it reads the type hints of every public function and of
every public method (including a dataclass's generated ``__init__``, that is its fields) in
these packages and counts each parameter or return whose annotation holds ``dict[str, Any]``
anywhere (``list[dict[str, Any]]``, ``dict[str, Any] | None``, ``Iterator[tuple[str, dict[str,
Any]]]``), or the same as a ``Mapping``/``MutableMapping``.

The serialisers (``to_dict``, ``to_json``) and the readers of a stored JSON row
(``from_dict``) are left out: JSON output is meant to be the serialisation of the typed
objects, and its shape is a dict by nature.

When you type a signature, lower :data:`RATCHET` to the new count (the test says so); a new
function that needs a loose dict should get a dataclass or ``TypedDict`` instead.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import typing
from collections.abc import Callable, Iterator, Mapping, MutableMapping
from types import ModuleType
from typing import Any

import pytest

#: parameters and returns typed with an untyped dict, per package, as counted on 2026-12-07;
#: they may only go down
RATCHET = {
    "ringtrace.graph": 0,
    "ringtrace.queries": 0,
    "ringtrace.export": 0,
}

#: methods whose job is to turn a typed object into its JSON form, or its JSON form back into
#: the typed object
SERIALISERS = frozenset({"to_dict", "to_json", "from_dict"})

_DICTS = (dict, Mapping, MutableMapping)


def holds_untyped_dict(hint: object) -> bool:
    """True when ``hint`` is, or has inside it, a string-keyed dict of ``Any`` (a ``Mapping``
    counts too, or the ratchet could be dodged by renaming the type)."""
    if isinstance(hint, str):  # an annotation naming a TYPE_CHECKING-only import
        return any(f"{d}[str, Any]" in hint for d in ("dict", "Mapping", "MutableMapping"))
    if typing.get_origin(hint) in _DICTS and typing.get_args(hint) == (str, Any):
        return True
    return any(holds_untyped_dict(arg) for arg in typing.get_args(hint))


def _hints(function: Callable[..., Any]) -> dict[str, object]:
    """The evaluated annotations of ``function``; one that names a type imported only under
    ``TYPE_CHECKING`` stays a string (it cannot be evaluated at run time)."""
    try:
        return dict(typing.get_type_hints(function))
    except NameError:
        hints: dict[str, object] = {}
        for name, text in inspect.get_annotations(function).items():
            try:
                hints[name] = typing.get_type_hints(_annotated(name, text),
                                                    globalns=function.__globals__)[name]
            except NameError:
                hints[name] = text
        return hints


def _annotated(name: str, text: object) -> Callable[..., Any]:
    """A stand-in carrying the one annotation ``name``, to evaluate it on its own."""
    def stand_in() -> None: ...
    stand_in.__annotations__ = {name: text}
    return stand_in


def _modules(package: str) -> Iterator[ModuleType]:
    root = importlib.import_module(package)
    yield root
    for info in pkgutil.walk_packages(root.__path__, package + "."):
        yield importlib.import_module(info.name)


def _public_functions(module: ModuleType) -> Iterator[tuple[str, Callable[..., Any]]]:
    """Public functions and methods defined in ``module`` (re-exports count where defined)."""
    for name, value in vars(module).items():
        if name.startswith("_") or getattr(value, "__module__", None) != module.__name__:
            continue
        if inspect.isfunction(value):
            yield name, value
        elif inspect.isclass(value):
            for attr, member in vars(value).items():
                if (attr.startswith("_") and attr != "__init__") or attr in SERIALISERS:
                    continue
                if isinstance(member, staticmethod | classmethod):
                    member = member.__func__
                elif isinstance(member, property):
                    member = member.fget
                if inspect.isfunction(member):
                    yield f"{name}.{attr}", member


def untyped_dicts(package: str) -> list[str]:
    """``module:function(parameter): annotation`` for each untyped dict in ``package``."""
    found = []
    for module in _modules(package):
        for name, function in _public_functions(module):
            for slot, hint in _hints(function).items():
                if holds_untyped_dict(hint):
                    found.append(f"{module.__name__}:{name}({slot}): {hint}")
    return found


def test_the_counter_finds_nested_and_string_annotations() -> None:
    def loose(a: dict[str, Any], b: dict[str, int], c: Mapping[str, Any] | None
              ) -> Iterator[tuple[str, list[dict[str, Any]]]]:
        raise NotImplementedError

    found = [slot for slot, hint in _hints(loose).items() if holds_untyped_dict(hint)]
    assert found == ["a", "c", "return"]
    assert holds_untyped_dict("tuple[GraphStore, dict[str, Any]]")
    assert not holds_untyped_dict("GraphStore")


def test_the_counter_reads_annotations_that_name_type_checking_imports() -> None:
    """``candidates.candidate`` names ``GraphStore`` and ``Resolution`` only under
    ``TYPE_CHECKING``: its other hints are still evaluated, those two kept as text."""
    from ringtrace.graph.elements import Node
    from ringtrace.queries import candidates

    hints = _hints(candidates.candidate)
    assert hints == {"store": "GraphStore", "res": "Resolution", "node": Node, "text": str,
                     "return": candidates.Candidate}


@pytest.mark.parametrize("package", sorted(RATCHET))
def test_untyped_dicts_in_public_signatures_only_go_down(package: str) -> None:
    found = untyped_dicts(package)
    listing = "\n  ".join(found)
    assert len(found) <= RATCHET[package], (
        f"{package} has {len(found)} parameters/returns typed dict[str, Any] in its public "
        f"functions, more than the {RATCHET[package]} allowed: pass a dataclass or TypedDict "
        f"instead (issue 14). All of them:\n  {listing}")
    assert len(found) == RATCHET[package], (
        f"{package} is down to {len(found)} untyped dicts in its public signatures (from "
        f"{RATCHET[package]}): lower RATCHET[{package!r}] in tests/test_boundaries.py to "
        f"{len(found)} so it cannot grow back. Those left:\n  {listing}")
