"""``ringtrace export FORMAT``: write rings in a format another tool opens, in one call.

GraphML and GEXF (Gephi, Cytoscape), an i2 Analyst's Notebook chart (ANX), FollowTheMoney
entities (Aleph) hold any number of rings in one file; the DOCX referral letter is one per
ring, so several rings make a folder of letters.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ringtrace.errors import RingtraceError
from ringtrace.export.anx import write_anx
from ringtrace.export.dossier import write_dossier
from ringtrace.export.ftm import write_ftm
from ringtrace.export.graphs import write_gexf, write_graphml
from ringtrace.export.rings import RingExport, ring_exports
from ringtrace.graph.audit import AuditEntry
from ringtrace.graph.store.base import GraphStore

__all__ = ["FORMATS", "RingFiles", "export_rings"]

#: format → what opens it
FORMATS = {"graphml": "Gephi, Cytoscape, yEd (GraphML)", "gexf": "Gephi (GEXF 1.2)",
           "anx": "i2 Analyst's Notebook (ANX)", "ftm": "Aleph / OpenAleph (FollowTheMoney JSONL)",
           "docx": "Word: 线索移送函 per ring (DOCX)"}


@dataclass(frozen=True)
class RingFiles:
    """What an export wrote: the files, the rings in them and counts of what they hold."""

    format: str
    files: tuple[Path, ...]
    rings: tuple[str, ...]
    masked: bool
    counts: Mapping[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"format": self.format, "files": [str(p) for p in self.files],
                "rings": list(self.rings), "masked": self.masked, "counts": dict(self.counts)}


def _graph_counts(graph: Any) -> dict[str, int]:
    return {"nodes": graph.number_of_nodes(), "edges": graph.number_of_edges()}


def _write_one(fmt: str, rings: Sequence[RingExport], out: Path) -> dict[str, int]:
    if fmt == "graphml":
        return _graph_counts(write_graphml(rings, out))
    if fmt == "gexf":
        return _graph_counts(write_gexf(rings, out))
    if fmt == "anx":
        return write_anx(rings, out)
    return write_ftm(rings, out)


def export_rings(store: GraphStore, fmt: str, out: Path, *, ring_ids: Sequence[str] | None,
                 unmask: bool = False, audit: Sequence[AuditEntry] = (),
                 issued: dt.date | None = None) -> RingFiles:
    """Write ``ring_ids`` (ids or ranks; None for every reported ring) as ``fmt`` to ``out``.

    ``out`` is a file, except for DOCX with more than one ring: then it is a folder that gets
    one ``线索移送函-RING.docx`` per ring. ``audit`` is the workspace audit log, where the
    letters find the manifest hashes of evidence packs already written.
    """
    if fmt not in FORMATS:
        raise RingtraceError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    rings = ring_exports(store, ring_ids, unmask=unmask, audit=audit)
    if not rings:
        raise RingtraceError("no reported rings to export; run `ringtrace scan` first, or name "
                             "a ring with --ring (`ringtrace rings --clusters` lists clusters)")
    ids = tuple(r.ring_id for r in rings)
    if fmt == "docx":
        if ring_ids is not None and len(rings) == 1 and not out.is_dir():
            out.parent.mkdir(parents=True, exist_ok=True)
            files: tuple[Path, ...] = (write_dossier(rings[0], out, issued=issued),)
        else:
            out.mkdir(parents=True, exist_ok=True)
            files = tuple(write_dossier(r, out / f"线索移送函-{r.ring_id}.docx", issued=issued)
                          for r in rings)
        return RingFiles(fmt, files, ids, not unmask, {"letters": len(files)})
    if out.is_dir():
        raise RingtraceError(f"{out} is a folder; --out takes a file name for {fmt}, "
                             f"e.g. {out / ('rings.' + fmt)}")
    out.parent.mkdir(parents=True, exist_ok=True)
    counts = _write_one(fmt, rings, out)
    return RingFiles(fmt, (out,), ids, not unmask, counts)
