"""Find input files and tell what each one is.

A path may be a file or a folder (walked recursively, in sorted order). Each file is classified
by extension and, for tables, by its header: case-record JSONL, registry export, back-payment
ledger, or raw document (judgment/mediation/award text, HTML or DOCX).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ringtrace.errors import LoadError
from ringtrace.loaders.mapping import load_mapping
from ringtrace.loaders.tabular import read_table

CASE_SUFFIXES = (".jsonl", ".ndjson")
TABLE_SUFFIXES = (".csv", ".tsv", ".xlsx", ".xlsm")
DOCUMENT_SUFFIXES = (".txt", ".html", ".htm", ".docx")

#: Ingest order: registry facts first (so employers are resolved), then cases, then 补缴 rows
#: (which cite cases by number).
ORDER = {"registry": 0, "cases": 1, "document": 1, "backpayments": 2}


@dataclass(frozen=True)
class Source:
    path: Path
    kind: str  # cases | registry | backpayments | document


def table_kind(path: Path, encoding: str | None = None) -> str:
    """``registry`` or ``backpayments`` from the header of a CSV/XLSX file."""
    header, rows, _ = read_table(path, encoding)
    close = getattr(rows, "close", None)
    if close:
        close()
    scores = {name: load_mapping(name).score(header) for name in ("registry", "backpayments")}
    best = max(scores, key=lambda k: (scores[k], k))
    if scores[best] < 2:
        raise LoadError(f"{path}: not a registry export or back-payment ledger (header: "
                        f"{', '.join(header[:12])}); see docs/inputs.md for the accepted columns")
    if scores["registry"] == scores["backpayments"]:
        best = "backpayments" if any("补缴" in h for h in header) else "registry"
    return best


def classify(path: Path, encoding: str | None = None) -> Source | None:
    """The kind of one file, or None for files ringtrace does not read (e.g. truth.json)."""
    suffix = path.suffix.lower()
    if suffix in CASE_SUFFIXES:
        return Source(path, "cases")
    if suffix in TABLE_SUFFIXES:
        return Source(path, table_kind(path, encoding))
    if suffix in DOCUMENT_SUFFIXES:
        return Source(path, "document")
    return None


def discover(paths: Iterable[Path], encoding: str | None = None,
             exclude: Iterable[Path] = ()) -> tuple[list[Source], list[Path]]:
    """Sources under ``paths`` in ingest order, and the files skipped as not ringtrace inputs.

    Hidden files and anything under an ``exclude`` folder (e.g. the workspace itself) are left out.
    """
    found: list[Source] = []
    skipped: list[Path] = []
    excluded = [p.resolve() for p in exclude]
    for root in paths:
        if not root.exists():
            raise LoadError(f"{root}: no such file or directory")
        files = sorted(p for p in root.rglob("*") if p.is_file()) if root.is_dir() else [root]
        for f in files:
            if any(part.startswith(".") for part in f.relative_to(root).parts) and root.is_dir():
                continue
            if any(f.resolve().is_relative_to(x) for x in excluded):
                continue
            src = classify(f, encoding)
            if src is None:
                skipped.append(f)
            else:
                found.append(src)
    found.sort(key=lambda s: (ORDER[s.kind], str(s.path)))
    return found, skipped
