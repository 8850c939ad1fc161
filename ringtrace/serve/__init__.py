"""``ringtrace serve``: the investigator's desk, a local web app over one workspace.

Rings and leads from the last scan, entity pages with their evidence, search, and the review
actions (assign, status, notes, outcomes, entity judgements) recorded in the workspace. The
framework and the security measures are described in :mod:`ringtrace.serve.app`; it needs the
optional extra ``serve`` (``pip install 'ringtrace[serve]'``).
"""

from __future__ import annotations

from ringtrace.serve.config import DEFAULT_PORT, LOCALHOST, ServeConfig

__all__ = ["DEFAULT_PORT", "LOCALHOST", "ServeConfig"]
