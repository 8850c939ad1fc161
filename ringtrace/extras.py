"""Optional extras: import a library that only some commands need, or say which extra brings it.

``pip install ringtrace`` gives the embedded default (ingest, scan, queries, CSV/JSON output).
Heavier libraries come with extras declared in ``pyproject.toml``; a command that needs one
imports it through :func:`require`, so a missing library is a clear
:class:`~ringtrace.errors.MissingExtra` naming the extra, not a bare ``ImportError``.

>>> require("json", "viz").__name__
'json'
>>> require("no_such_module_here", "serve", purpose="ringtrace serve")
Traceback (most recent call last):
...
ringtrace.errors.MissingExtra: ringtrace serve needs no_such_module_here, from the optional extra [serve]: pip install 'ringtrace[serve]'
"""

from __future__ import annotations

import importlib
from types import ModuleType

from ringtrace.errors import MissingExtra


def require(module: str, extra: str, *, purpose: str | None = None) -> ModuleType:
    """Import ``module``; if it is missing, raise :class:`MissingExtra` naming ``extra``."""
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        top = module.split(".")[0]
        if exc.name is not None and exc.name.split(".")[0] != top:
            raise
        what = purpose or "this command"
        raise MissingExtra(
            f"{what} needs {top}, from the optional extra [{extra}]: "
            f"pip install 'ringtrace[{extra}]'"
        ) from exc
