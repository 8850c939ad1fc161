"""The ``ringtrace`` command line. Only this subpackage imports click.

Each command module registers its commands on :data:`cli`; commands parse options, make one
library call, turn :class:`~ringtrace.errors.RingtraceError` into a click error and render.
A command's module is imported when the command runs (:data:`~ringtrace.cli.app.COMMAND_MODULES`),
so a quick query starts quickly.
"""

from __future__ import annotations

from ringtrace.cli.app import cli, load_all_commands

__all__ = ["cli", "load_all_commands"]
