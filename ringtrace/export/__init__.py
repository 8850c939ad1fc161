"""Every file a user takes away, written in one place: CSV, XLSX, JSONL and the masking rules.

The spreadsheet writers share one guard against formula injection (:mod:`.cells`): a text cell
that starts with ``= + - @``, a tab or a carriage return is written with a leading apostrophe,
and XLSX cells are always text, never formulas. Masking of ID numbers, phones and birth dates
in files that leave the workspace lives in :mod:`.masking`.

This package sits at the bottom of the layers, beside :mod:`ringtrace.errors`: it imports
nothing else from ringtrace, so loaders, the graph, queries, views and the CLI can all use it.
Lead exports (:mod:`ringtrace.queries.exports`) and evidence packs (:mod:`ringtrace.viz.pack`)
decide *what* goes into a file; the modules here decide *how* it is written.
"""

from __future__ import annotations

__all__: list[str] = []
