"""``ringtrace import-results``: keep a Spark scan in a workspace, as if it had been scanned there.

The workspace must hold the same records the Spark scan read (``ringtrace ingest`` of the same
parsed corpus and tables): the scan's cases are checked against the workspace's, and the scan is
stored with the workspace's snapshot, so ``rings``, ``leads``, ``employer``, packs and the desk
read it like their own scan - and a later ingest makes it stale as it would a local scan.

A workspace that holds analysts' judgements (``ringtrace resolve same`` / ``not-same`` /
``split``) refuses the import: a Spark scan resolves each bin in a workspace of its own, which
holds no judgements, so its rings would silently disregard them where every local scan honours
them. Such a workspace is scanned with ``ringtrace scan``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from ringtrace.errors import LoadError
from ringtrace.graph.store.base import GraphStore
from ringtrace.queries.scan_json import ScanJson
from ringtrace.resolve import judgements

__all__ = ["ImportSummary", "import_results"]

#: what ``spark scan`` writes inside its RESULTS folder (ringtrace/spark/scan.py)
RESULTS_FILE = "scan.json"


@dataclass(frozen=True)
class ImportSummary:
    """What was imported: cases scanned, reported rings, leads, and the workspace snapshot the
    scan now belongs to."""

    cases: int
    rings: int
    leads: int
    snapshot: str


def _load(results: Path) -> ScanJson:
    path = results / RESULTS_FILE if results.is_dir() else results
    try:
        scan: ScanJson = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError) as exc:
        raise LoadError(f"{path}: cannot read Spark scan results ({exc}); give the folder "
                        "`ringtrace spark scan --out` wrote") from exc
    if not {"meta", "cases", "rings", "leads", "findings"} <= set(scan):
        raise LoadError(f"{path}: not a ringtrace scan (no meta/cases/rings/leads/findings)")
    return scan


def import_results(store: GraphStore, results: Path) -> ImportSummary:
    """Store the Spark scan at ``results`` as ``store``'s scan.

    Raises :class:`~ringtrace.errors.LoadError` when the scan's cases are not the workspace's
    (it read other records: ingest the same parsed corpus and tables first), or when the
    workspace holds analysts' judgements the Spark scan could not honour.
    """
    scan = _load(results)
    with store.writing("import-results"):
        snapshot = store.snapshot()
        present = {n.id for n in store.iter_nodes("Case")}
        missing = [c for c in scan["cases"] if c not in present]
        scanned = scan["meta"].get("cases_scanned")
        if missing or scanned != len(present):
            raise LoadError(
                f"{results}: the scan read {scanned} cases, the workspace holds {len(present)}"
                + (f" and lacks {len(missing)} of the scan's (e.g. {missing[0]})" if missing
                   else "")
                + "; ingest the same parsed corpus and tables into an empty workspace "
                  "(ringtrace ingest PARSED registry.csv ...) and import again")
        judged = judgements.stored(store)
        if judged:
            raise LoadError(
                f"{results}: this workspace holds {len(judged)} analyst judgement"
                f"{'' if len(judged) == 1 else 's'} (ringtrace resolve judgements) that a Spark "
                "scan does not read, so its rings would ignore them; run `ringtrace scan` in "
                "this workspace instead, or import into a workspace without judgements")
        scan["meta"]["snapshot"] = snapshot
        scan["meta"]["imported_from"] = str(results)
        store.save_scan_if_unchanged(scan, snapshot)
    return ImportSummary(int(scanned), int(scan["meta"].get("rings") or 0),
                         len(scan["leads"]), snapshot)
