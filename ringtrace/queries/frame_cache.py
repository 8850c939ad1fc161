"""The analysis frame kept in the workspace, so that a re-scan of unchanged data loads it.

Building the :class:`~ringtrace.queries.frame.Frame` reads every case, party, agent, contact
and evidence span out of SQLite into Python objects: the largest step of a scan. A re-scan of
the same data - new rules or weights in ``rules.toml``, an upgrade that changes only detection,
the evaluation worlds scanned again - needs exactly the same frame. :func:`cached_frame` keeps
it in ``<workspace>/cache/frame.msgpack`` and loads it while its key is the same.

**The key** (:func:`frame_key`) covers everything the frame is built from: the workspace's own
identity (a workspace deleted and ingested again is another workspace, even at the same path),
its data generation (bumped by every ingest that changes nodes, edges, documents or aliases),
the analysts' judgements, the resolution rules and their ``[resolve]`` settings (all through
:func:`ringtrace.resolve.kept_key`), the snapshot of the documents, and the code that builds
and stores the frame (its source digest, ringtrace's, Python's and msgspec's versions). Any
change to one of them rebuilds the frame.

**The file** is msgpack (msgspec, a core dependency) in segments, each with its length and
CRC-32, ended by an end segment; cases and the big tables are split into segments of
:data:`CHUNK` entries, so neither writing nor reading ever holds more than one segment's
bytes beside the frame. It is written to a temporary file in the same folder and renamed over
the old one, so an interrupted scan leaves the previous file or the new one, never half of
one; a file that is cut short, damaged, from another version or for other data is ignored and
the frame rebuilt (and the file replaced). Node props are decoded as their kind's TypedDict
(:mod:`ringtrace.graph.props`), which msgspec checks value by value: a file holding a prop of
another type is not trusted either. Why msgpack and not pickle, marshal or Parquet:
docs/performance.md.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import secrets
import struct
import sys
import tempfile
import time
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

import msgspec

from ringtrace import __version__
from ringtrace.graph import props
from ringtrace.graph.store.base import GraphStore
from ringtrace.queries.frame import AgentRef, CaseInfo, Frame, PartyRef, build_frame
from ringtrace.resolve import judgements
from ringtrace.resolve.settings import ResolveSettings
from ringtrace.resolve.stage import kept_key

#: the folder in the workspace, and the file in it
CACHE_DIR = "cache"
FILE_NAME = "frame.msgpack"
#: bump when the layout of the file changes
FORMAT = b"ringtrace-frame-cache 1\n"
#: entries per segment (cases, or keys of a table)
CHUNK = 20_000
#: temporary files older than this (seconds) are left by an interrupted scan: removed
STALE_TEMP = 3600.0

#: a case as stored: CaseInfo's fields in order, its props typed as the Case node's
_CaseRow = tuple[str, str, str, str, props.CaseProps, list[PartyRef], list[PartyRef],
                 list[PartyRef], list[AgentRef], list[dict[str, str]], list[float], bool, bool,
                 list[str]]
#: the frame's parts in file order, with the type a segment of each decodes to: node props
#: as their kind's TypedDict (graph/props.py), so that msgspec checks each value's type as it
#: reads it and a file whose values are not what the frame holds is rebuilt, not trusted
_PARTS: tuple[tuple[str, object], ...] = (
    ("cases", list[_CaseRow]), ("persons", dict[str, props.PersonProps]),
    ("employers", dict[str, props.EmployerProps]), ("forums", dict[str, props.ForumProps]),
    ("firms", dict[str, props.LawFirmProps]), ("identifiers", dict[str, props.IdentifierProps]),
    ("contacts", dict[str, set[str]]), ("legal_reps", dict[str, set[str]]),
    ("employer_cases", dict[str, list[str]]), ("agent_cases", dict[str, list[str]]),
)
_END = 255
_SEGMENT = struct.Struct("<BQI")  # part number, payload length, CRC-32 of the payload

_CODE_FILES = ("queries/frame.py", "queries/frame_cache.py", "graph/store/base.py",
               "graph/store/sqlite.py", "graph/store/codec.py")


def _code_version() -> str:
    """A digest of the code that builds and stores the frame, and the versions it ran on."""
    root = Path(__file__).resolve().parent.parent
    h = hashlib.sha256(FORMAT + f"{__version__} {sys.version} {msgspec.__version__}".encode())
    for name in _CODE_FILES:
        try:
            h.update(name.encode() + b"\0" + (root / name).read_bytes())
        except OSError:  # installed without its sources: no kept frame is ever trusted
            h.update(secrets.token_bytes())
    return h.hexdigest()


CODE_VERSION = _code_version()


def cache_path(store: GraphStore) -> Path | None:
    """Where ``store`` keeps its frame (None for a store without a workspace folder)."""
    location = store.location()
    if location is None or not Path(location).is_dir():
        return None
    return Path(location) / CACHE_DIR / FILE_NAME


def frame_key(store: GraphStore, snapshot: str | None = None,
              settings: ResolveSettings | None = None) -> str:
    """What the kept frame is filed under (see the module docstring); ``snapshot`` is
    :meth:`GraphStore.snapshot`, read here when not given; ``settings`` the resolution's
    (default: the shipped ones)."""
    h = hashlib.sha256(CODE_VERSION.encode())
    # one-way: the workspace's random secret identifies it without being written anywhere
    h.update(hashlib.sha256(b"ringtrace frame cache\0" + store.ref_key()).digest())
    h.update(kept_key(store, judgements.stored(store), settings).encode())
    h.update((snapshot if snapshot is not None else store.snapshot()).encode())
    return h.hexdigest()[:32]


def cached_frame(store: GraphStore, snapshot: str | None = None,
                 progress: Callable[[int], None] | None = None,
                 settings: ResolveSettings | None = None) -> Frame:
    """The frame of ``store``: the kept one when its key matches, else built and kept
    (resolved with ``settings``, the rules' ``[resolve]`` table; the shipped one by default).

    Call it under the store's writer lock (the scan does): it may replace the kept file.
    A store without a workspace folder (Neo4j) builds the frame every time.
    """
    path = cache_path(store)
    if path is None:
        return build_frame(store, progress, settings=settings)
    key = frame_key(store, snapshot, settings)
    frame = load(path, key)
    if frame is None:
        frame = build_frame(store, progress, settings=settings)
        save(path, key, frame)
    elif progress:
        progress(len(frame.cases))
    return frame


def save(path: Path, key: str, frame: Frame) -> bool:
    """Keep ``frame`` under ``key`` at ``path`` (True when written): a temporary file, then a
    rename. A frame that cannot be written (a full disk, a value msgpack cannot hold) is not
    kept, and the scan goes on."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        _remove_stale_temps(path.parent)
        fd, tmp = tempfile.mkstemp(prefix=".frame-", suffix=".tmp", dir=path.parent)
    except OSError:
        return False
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(FORMAT + key.encode() + b"\n")
            encoder = msgspec.msgpack.Encoder()
            for number, payload in _segments(frame, encoder):
                out.write(_SEGMENT.pack(number, len(payload), zlib.crc32(payload)))
                out.write(payload)
            out.write(_SEGMENT.pack(_END, 0, 0))
        os.replace(tmp, path)
        return True
    except (OSError, TypeError, ValueError, OverflowError, msgspec.EncodeError):
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        return False


def load(path: Path, key: str) -> Frame | None:
    """The frame kept at ``path`` if it is complete, intact and filed under ``key``; else
    None (the caller rebuilds it)."""
    try:
        with path.open("rb") as fh:
            if (fh.readline(len(FORMAT)) != FORMAT
                    or fh.readline(len(key) + 1) != key.encode() + b"\n"):
                return None
            return _read(fh)
    except (OSError, ValueError, TypeError, msgspec.DecodeError):
        return None


def _segments(frame: Frame, encoder: msgspec.msgpack.Encoder) -> Iterator[tuple[int, bytes]]:
    cases = [(c.id, c.case_number, c.forum_id, c.forum, c.props, c.workers, c.employers,
              c.others, c.agents, c.spans, c.claim_amounts, c.confirmation, c.uncontested,
              c.related)
             for c in frame.cases.values()]
    for start in range(0, max(len(cases), 1), CHUNK):
        yield 0, encoder.encode(cases[start:start + CHUNK])
    del cases
    for number, (name, _) in enumerate(_PARTS[1:], start=1):
        table: dict[str, Any] = getattr(frame, name)
        items = list(table.items())
        for start in range(0, max(len(items), 1), CHUNK):
            yield number, encoder.encode(dict(items[start:start + CHUNK]))


def _read(fh: BinaryIO) -> Frame | None:
    decoders = [msgspec.msgpack.Decoder(kind) for _, kind in _PARTS]
    cases: dict[str, CaseInfo] = {}
    tables: dict[str, dict[str, Any]] = {name: {} for name, _ in _PARTS[1:]}
    seen = set()
    last = 0
    size = os.fstat(fh.fileno()).st_size
    while True:
        head = fh.read(_SEGMENT.size)
        if len(head) != _SEGMENT.size:
            return None
        number, length, crc = _SEGMENT.unpack(head)
        if number == _END:
            break
        if number >= len(_PARTS) or number < last or length > size - fh.tell():
            return None  # a damaged length is not read (it would allocate that much first)
        payload = fh.read(length)
        if len(payload) != length or zlib.crc32(payload) != crc:
            return None
        last = number
        seen.add(number)
        value = decoders[number].decode(payload)
        if number == 0:
            for row in value:
                cases[row[0]] = CaseInfo(*row)
        else:
            tables[_PARTS[number][0]].update(value)
    if len(seen) != len(_PARTS):
        return None  # a part is missing
    if fh.read(1):
        return None
    t = tables
    return Frame(cases, t["persons"], t["employers"], t["forums"], t["firms"], t["identifiers"],
                 t["contacts"], t["legal_reps"], t["employer_cases"], t["agent_cases"])


def _remove_stale_temps(folder: Path) -> None:
    """Temporary files of interrupted writes (a scan killed while keeping its frame)."""
    cutoff = time.time() - STALE_TEMP
    for tmp in folder.glob(".frame-*.tmp"):
        with contextlib.suppress(OSError):
            if tmp.stat().st_mtime < cutoff:
                tmp.unlink()
