"""How the workspace stores a scan: small parts whole, case rows and findings in blocks.

A query about one employer needs a dozen case rows and their findings; reading the whole scan
for it took 12 of 13 seconds on a 250,000-case workspace. So the rows are kept in compressed
blocks of about :data:`BLOCK_ROWS` (:data:`CASE_BLOCK_ROWS` for case rows): a case's block is
a hash of its id, a finding's block is its
position, and findings about an employer, agent or person are indexed by subject (a case's
own findings are listed in its row). Blocks rather than single rows: zlib shrinks a block of
similar JSON rows about tenfold and one row barely at all, and a workspace should stay near
the size of its input.

Every row written by one save carries that save's id, so a reader that started on one scan
and meets rows of a newer one knows the scan was replaced under it (:class:`ScanReplaced`).

>>> layout, blocks, subjects = encode({"meta": {}, "cases": {"Case:1": {"findings": [0]}},
...     "findings": [{"subject": "Employer:x", "rule_id": "EMP_BURST"}]}, save="s1")
>>> layout
Layout(save='s1', case_blocks=1, finding_blocks=1, row_parts=('cases', 'findings'))
>>> [(part, block) for part, block, _save, _value in blocks]
[('cases', 0), ('findings', 0)]
>>> subjects
[('Employer:x', 0)]
"""

from __future__ import annotations

import math
import sqlite3
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final, NotRequired, TypedDict, cast

from ringtrace.errors import StoreError
from ringtrace.graph.scan_json import (
    CaseJson,
    FindingJson,
    GroupJson,
    MetaJson,
    RingJson,
    ScanJson,
)
from ringtrace.graph.store.codec import dumps_utf8, loads
from ringtrace.graph.store.scan_reader import ROW_PARTS

#: rows per block: a lookup decompresses one block (tens of kilobytes, well under a
#: millisecond) and the block is big enough for zlib to find the repeats between rows
BLOCK_ROWS = 64
#: case rows per block: fewer, because a case's block is a hash of its id, so a profile or a
#: ring page decodes one block per case it shows (an agent in 200 cases: 200 blocks) - at 64
#: rows that was most of such a query (40 of 50 ms at 50,000 cases); case rows are a third of
#: the stored scan, so compressing them in smaller blocks costs little room
CASE_BLOCK_ROWS = 16

#: the key under which the layout is kept beside the small parts
LAYOUT_KEY: Final = "_layout"


class LayoutJson(TypedDict):
    """:class:`Layout` as stored beside the small parts."""

    save: str
    case_blocks: int
    finding_blocks: int
    #: absent from a layout stored before partial scan mappings were kept: both parts are there
    row_parts: NotRequired[list[str]]


class StoredParts(TypedDict, total=False):
    """The rows of the workspace's ``scan`` table, by key: a :class:`ScanJson`'s small parts
    and the :class:`LayoutJson` of the blocks that hold its case rows and findings. A workspace
    scanned before blocks has no layout and keeps every part here, ``cases`` and ``findings``
    too: then the parts are the whole scan."""

    meta: MetaJson
    rings: list[RingJson]
    leads: list[str]
    explained_groups: list[GroupJson]
    cases: dict[str, CaseJson]
    findings: list[FindingJson]
    _layout: LayoutJson


class ScanReplaced(StoreError):
    """A newer scan was stored while this one was being read: run the command again."""


@dataclass(frozen=True)
class Layout:
    """Which save wrote the blocks, and how many blocks of each kind there are."""

    save: str
    case_blocks: int
    finding_blocks: int
    #: which of :data:`ROW_PARTS` the scan had (a partial scan mapping may lack them)
    row_parts: tuple[str, ...] = ROW_PARTS

    def to_json(self) -> LayoutJson:
        return {"save": self.save, "case_blocks": self.case_blocks,
                "finding_blocks": self.finding_blocks, "row_parts": list(self.row_parts)}

    @classmethod
    def of(cls, value: LayoutJson) -> Layout:
        return cls(str(value["save"]), int(value["case_blocks"]), int(value["finding_blocks"]),
                   tuple(value.get("row_parts", ROW_PARTS)))


def case_block(case_id: str, blocks: int) -> int:
    """The block holding ``case_id``'s row: a stable hash, so no index of case ids is needed.

    >>> case_block("Case:(2021)豫0502民初1号|安阳市北关区人民法院", 1)
    0
    """
    return zlib.crc32(case_id.encode("utf-8")) % blocks


def pack(value: Any) -> bytes:
    return zlib.compress(dumps_utf8(value), 1)


def unpack(blob: bytes | str) -> Any:
    return loads(zlib.decompress(blob) if isinstance(blob, bytes) else blob)


def encode(scan: ScanJson, save: str
           ) -> tuple[Layout, list[tuple[str, int, str, bytes]], list[tuple[str, int]]]:
    """The layout, the block rows ``(part, block, save, blob)`` and the subject index rows
    ``(subject, finding position)`` for employers, agents and persons (not cases)."""
    cases: dict[str, CaseJson] = scan.get("cases") or {}
    findings: list[FindingJson] = scan.get("findings") or []
    layout = Layout(save, max(1, math.ceil(len(cases) / CASE_BLOCK_ROWS)),
                    max(1, math.ceil(len(findings) / BLOCK_ROWS)),
                    tuple(p for p in ROW_PARTS if p in scan))
    by_block: dict[int, dict[str, CaseJson]] = {}
    for case_id, row in cases.items():
        by_block.setdefault(case_block(case_id, layout.case_blocks), {})[case_id] = row
    blocks = [("cases", b, save, pack(rows)) for b, rows in sorted(by_block.items())]
    blocks += [("findings", b, save, pack(findings[b * BLOCK_ROWS:(b + 1) * BLOCK_ROWS]))
               for b in range(math.ceil(len(findings) / BLOCK_ROWS))]
    subjects = [(f["subject"], i) for i, f in enumerate(findings)
                if not str(f.get("subject", "")).startswith("Case:")]
    return layout, blocks, subjects


def small_parts(scan: ScanJson) -> StoredParts:
    """The parts kept whole: everything but the per-case and per-finding rows."""
    return cast("StoredParts", {k: v for k, v in scan.items() if k not in ROW_PARTS})


def assemble(parts: StoredParts, blocks: Iterable[tuple[str, int, bytes]]) -> ScanJson:
    """The whole scan from its small parts and every block (``(part, block, blob)``), with
    case rows in case-id order and findings in position order, as the scan wrote them."""
    cases: dict[str, CaseJson] = {}
    findings: list[tuple[int, list[FindingJson]]] = []
    for part, block, blob in blocks:
        if part == "cases":
            cases.update(unpack(blob))
        else:
            findings.append((block, unpack(blob)))
    whole: dict[str, object] = {k: v for k, v in parts.items() if k != LAYOUT_KEY}
    present = Layout.of(parts[LAYOUT_KEY]).row_parts
    if "cases" in present:
        whole["cases"] = dict(sorted(cases.items()))
    if "findings" in present:
        whole["findings"] = [f for _, rows in sorted(findings, key=lambda t: t[0]) for f in rows]
    return cast("ScanJson", dict(sorted(whole.items())))


class BlockScanReader:
    """A :class:`~ringtrace.graph.store.scan_reader.ScanReader` over the workspace's blocks.

    Reads a block when a row in it is asked for, and keeps the last :data:`CACHED_BLOCKS`;
    raises :class:`ScanReplaced` when a block comes from a newer save than the parts it began
    with. It reads through its own read-only connection to ``database``, so results loaded
    while a store was open can still be read after the store is closed.
    """

    #: blocks kept decoded: a ring page or an employer with hundreds of cases reads each once
    CACHED_BLOCKS = 512

    def __init__(self, database: Path, parts: StoredParts) -> None:
        self._database = database
        self._conn: sqlite3.Connection | None = None
        self._parts = parts
        self._layout = Layout.of(parts[LAYOUT_KEY])
        self._cache: dict[tuple[str, int], Any] = {}
        self._whole: ScanJson | None = None

    def part(self, key: str) -> Any:
        return None if key == LAYOUT_KEY else self._parts.get(key)

    def cases(self, case_ids: Iterable[str]) -> dict[str, CaseJson]:
        found: dict[str, CaseJson] = {}
        for case_id in case_ids:
            rows = self._block("cases", case_block(case_id, self._layout.case_blocks)) or {}
            if case_id in rows:
                found[case_id] = rows[case_id]
        return found

    def findings(self, indexes: Iterable[int]) -> list[FindingJson]:
        out: list[FindingJson] = []
        for i in indexes:
            rows = self._block("findings", i // BLOCK_ROWS)
            if rows is None or i % BLOCK_ROWS >= len(rows):
                raise ScanReplaced(f"the stored scan has no finding {i}: it was replaced while "
                                   "being read; run the command again")
            out.append(rows[i % BLOCK_ROWS])
        return out

    def findings_of(self, subject: str) -> list[FindingJson]:
        if subject.startswith("Case:"):
            row = self.cases([subject]).get(subject)
            indexes: list[int] = sorted(row["findings"]) if row else []
        else:
            indexes = [i for (i,) in self._connection().execute(
                "SELECT idx FROM scan_subject WHERE subject = ? ORDER BY idx", (subject,))]
            if self._current_save() != self._layout.save:  # the index may be a newer scan's
                raise self._replaced()
        return [f for f in self.findings(indexes) if f["subject"] == subject]

    def everything(self) -> ScanJson:
        if self._whole is None:
            rows = self._connection().execute(
                "SELECT part, block, save, value FROM scan_block ORDER BY part, block").fetchall()
            if any(save != self._layout.save for _, _, save, _ in rows):
                raise self._replaced()
            self._whole = assemble(self._parts, ((p, b, v) for p, b, _, v in rows))
        return self._whole

    def _block(self, part: str, block: int) -> Any:
        key = (part, block)
        if key in self._cache:
            self._cache[key] = self._cache.pop(key)  # now the most recently used
            return self._cache[key]
        row = self._connection().execute(
            "SELECT save, value FROM scan_block WHERE part = ? AND block = ?", key).fetchone()
        if row is not None and row[0] != self._layout.save:
            raise self._replaced()
        if row is None and self._current_save() != self._layout.save:
            raise self._replaced()
        if len(self._cache) >= self.CACHED_BLOCKS:  # least recently used first out
            del self._cache[next(iter(self._cache))]
        self._cache[key] = value = unpack(row[1]) if row is not None else None
        return value

    def _current_save(self) -> str | None:
        row = self._connection().execute("SELECT value FROM scan WHERE key = ?",
                                         (LAYOUT_KEY,)).fetchone()
        return Layout.of(unpack(row[0])).save if row else None

    def _connection(self) -> sqlite3.Connection:
        if self._conn is None:
            self._conn = sqlite3.connect(f"{self._database.resolve().as_uri()}?mode=ro", uri=True,
                                         check_same_thread=False)
        return self._conn

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def __del__(self) -> None:
        self.close()

    @staticmethod
    def _replaced() -> ScanReplaced:
        return ScanReplaced("a new scan was stored while this one was being read: run the "
                            "command again")
