"""Every file a user takes away, written in one place: CSV, XLSX, JSONL and the masking rules.

The spreadsheet writers share one guard against formula injection (:mod:`.cells`): a text cell
that starts with ``= + - @``, a tab or a carriage return is written with a leading apostrophe,
and XLSX cells are always text, never formulas. Masking of ID numbers, phones and birth dates
in files that leave the workspace lives in :mod:`.masking`.

The file writers (:mod:`.cells`, :mod:`.csv`, :mod:`.excel`, :mod:`.jsonl`, :mod:`.masking`,
:mod:`.xmltext`) sit at the bottom of the layers, beside :mod:`ringtrace.errors`: they import
nothing else from ringtrace, so loaders, the graph, queries, views and the CLI can all use them.
Lead exports (:mod:`ringtrace.queries.exports`) and evidence packs (:mod:`ringtrace.viz.pack`)
decide *what* goes into a file; those modules decide *how* it is written.

Ring exports for other tools (``ringtrace export FORMAT``) sit at the top instead, beside the
CLI: :mod:`.rings` reads a ring the way the evidence pack does, and :mod:`.graphs` (GraphML,
GEXF), :mod:`.anx` (i2 Analyst's Notebook), :mod:`.ftm` (FollowTheMoney) and :mod:`.dossier`
(the 线索移送函 DOCX) write it; :mod:`.ring_files` is the one call the command makes. Nothing
below the CLI imports them, and this ``__init__`` imports none of them.
"""

from __future__ import annotations

__all__: list[str] = []
