"""The ``ringtrace`` command line. Only this subpackage imports click.

Each command module registers its commands on :data:`cli`; commands parse options, make one
library call, turn :class:`~ringtrace.errors.RingtraceError` into a click error and render.
"""

from __future__ import annotations

from ringtrace.cli.app import cli

# Command modules register themselves on import (one module per command family).
from ringtrace.cli import data_commands as _data_commands  # noqa: F401  isort: skip
from ringtrace.cli import detect_commands as _detect_commands  # noqa: F401  isort: skip
from ringtrace.cli import query_commands as _query_commands  # noqa: F401  isort: skip
from ringtrace.cli import demo_commands as _demo_commands  # noqa: F401  isort: skip
from ringtrace.cli import neo4j_commands as _neo4j_commands  # noqa: F401  isort: skip
from ringtrace.cli import parse_commands as _parse_commands  # noqa: F401  isort: skip
from ringtrace.cli import pack_commands as _pack_commands  # noqa: F401  isort: skip
from ringtrace.cli import export_commands as _export_commands  # noqa: F401  isort: skip
from ringtrace.cli import feedback_commands as _feedback_commands  # noqa: F401  isort: skip
from ringtrace.cli import synth_commands as _synth_commands  # noqa: F401  isort: skip
from ringtrace.cli import resolve_commands as _resolve_commands  # noqa: F401  isort: skip
from ringtrace.cli import serve_commands as _serve_commands  # noqa: F401  isort: skip

__all__ = ["cli"]
