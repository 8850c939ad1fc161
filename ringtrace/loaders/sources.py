"""Find input files and tell what each one is.

A path may be a file or a folder (walked recursively, in sorted order). Each file is classified
by extension and, for tables, by its header: case-record JSONL, registry export, back-payment
ledger, or raw document (judgment/mediation/award text, HTML or DOCX). A folder written by
``ringtrace spark parse`` (it holds :data:`PARSED_MANIFEST`) is one source of kind ``parsed``.
A table that cannot be read or whose header matches no known export is kept as an
``unreadable`` source with the reason, so that ingest quarantines that one file and goes on
with the others.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ringtrace.errors import LoadError
from ringtrace.graph.records import BackPaymentRecord, CaseRecord, RegistryRecord
from ringtrace.loaders.mapping import load_mapping
from ringtrace.loaders.tabular import first_json_keys, read_table

__all__ = ["CASE_SUFFIXES", "DOCUMENT_SUFFIXES", "ORDER", "PARSED_MANIFEST", "TABLE_SUFFIXES",
           "Read", "Source", "classify", "discover", "is_parsed_corpus", "table_kind"]

CASE_SUFFIXES = (".jsonl", ".ndjson")
TABLE_SUFFIXES = (".csv", ".tsv", ".xlsx", ".xlsm")
DOCUMENT_SUFFIXES = (".txt", ".html", ".htm", ".docx")
#: the file that marks a folder as a parsed corpus (ringtrace/loaders/parsed.py)
PARSED_MANIFEST = "ringtrace-parsed.json"

#: Ingest order: registry facts first (so employers are resolved), then cases, then 补缴 rows
#: (which cite cases by number); unreadable files are reported where they sort.
ORDER = {"registry": 0, "cases": 1, "document": 1, "parsed": 1, "unreadable": 1,
         "backpayments": 2}


@dataclass(frozen=True)
class Source:
    """One input file (or parsed-corpus folder): its kind (cases | registry | backpayments |
    document | parsed | unreadable) and, for an unreadable file, why it cannot be read."""

    path: Path
    kind: str
    problem: str | None = None


@dataclass(frozen=True)
class Read:
    """One valid record and where it was read (file and 1-based line or sheet row)."""

    file: str
    line: int
    record: CaseRecord | RegistryRecord | BackPaymentRecord


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


#: keys of a case record (graph/records.py CaseRecord) that no registry or ledger row has
_CASE_KEYS = frozenset({"case_number", "doc_id", "forum", "parties", "agents", "document_type"})


def jsonl_table_kind(path: Path) -> str | None:
    """``registry`` or ``backpayments`` for a JSON Lines file whose records are table rows (a
    Tianyancha API dump: ``name``, ``creditCode``, ``estiblishTime``…), None for case records
    or anything unreadable (read as case records, which quarantines bad lines one by one)."""
    try:
        keys = first_json_keys(path)
    except OSError:
        return None
    if not keys or _CASE_KEYS & set(keys):
        return None
    scores = {name: load_mapping(name).score(keys) for name in ("registry", "backpayments")}
    best = max(scores, key=lambda k: (scores[k], k))
    return best if scores[best] >= 2 else None


def is_parsed_corpus(path: Path) -> bool:
    """Is ``path`` a folder written by ``ringtrace spark parse``?"""
    return path.is_dir() and (path / PARSED_MANIFEST).is_file()


def classify(path: Path, encoding: str | None = None) -> Source | None:
    """The kind of one file, or None for files ringtrace does not read (e.g. truth.json).

    A table that cannot be classified comes back as ``unreadable`` with the reason.
    """
    if is_parsed_corpus(path):
        return Source(path, "parsed")
    return _classify_file(path, encoding)


def _classify_file(path: Path, encoding: str | None) -> Source | None:
    """:func:`classify` of a path known not to be a parsed corpus."""
    suffix = path.suffix.lower()
    if suffix in CASE_SUFFIXES:
        table = jsonl_table_kind(path)
        return Source(path, table) if table else Source(path, "cases")
    if suffix in TABLE_SUFFIXES:
        try:
            return Source(path, table_kind(path, encoding))
        except LoadError as exc:
            return Source(path, "unreadable", str(exc))
        except Exception as exc:  # a damaged file must not stop the others
            return Source(path, "unreadable", f"{path}: cannot read the table "
                                              f"({type(exc).__name__}: {exc})")
    if suffix in DOCUMENT_SUFFIXES:
        return Source(path, "document")
    return None


def discover(paths: Iterable[Path], encoding: str | None = None,
             exclude: Iterable[Path] = ()) -> tuple[list[Source], list[Path]]:
    """Sources under ``paths`` in ingest order, and the files skipped as not ringtrace inputs.

    Hidden files and anything under an ``exclude`` folder (e.g. the workspace itself) are left
    out; a file reached twice (a folder and a file inside it) is listed once. A parsed corpus
    found in a folder is one source, its Parquet files not read one by one.
    """
    found: list[Source] = []
    skipped: list[Path] = []
    seen: set[Path] = set()
    excluded = [p.resolve() for p in exclude]
    corpora: list[Path] = []
    real_dirs: dict[Path, Path] = {}  # each folder resolved once, not once per file in it
    for root in paths:
        if not root.exists():
            raise LoadError(f"{root}: no such file or directory")
        files = _files(root)
        folder = root.is_dir()
        for f in files:
            if folder and any(part.startswith(".") for part in f.relative_to(root).parts):
                continue
            real = _resolved(f, real_dirs)
            if real in seen or any(real.is_relative_to(x) for x in excluded):
                continue
            seen.add(real)
            if any(real.is_relative_to(c) for c in corpora):
                continue  # a part of a parsed corpus, read as the corpus
            corpus = is_parsed_corpus(f)
            if corpus:
                corpora.append(real)
            src = Source(f, "parsed") if corpus else _classify_file(f, encoding)
            if src is None:
                skipped.append(f)
            else:
                found.append(src)
    found.sort(key=lambda s: (ORDER[s.kind], str(s.path)))
    return found, skipped


def _resolved(path: Path, real_dirs: dict[Path, Path]) -> Path:
    """``path.resolve()``, its folder resolved once for all the files in it (resolving a path
    looks at every folder on the way)."""
    if path.is_symlink():
        return path.resolve()
    parent = real_dirs.get(path.parent)
    if parent is None:
        parent = real_dirs[path.parent] = path.parent.resolve()
    return parent / path.name


def _files(root: Path) -> list[Path]:
    """The files under ``root`` in sorted order, a parsed corpus standing for its files (it
    sorts before them, so :func:`discover` sees it first)."""
    if not root.is_dir() or is_parsed_corpus(root):
        return [root]
    entries = list(root.rglob("*"))
    corpora = {e.parent for e in entries if e.name == PARSED_MANIFEST}
    return sorted(e for e in entries if e in corpora or e.is_file())
