"""Integrity of an evidence pack: the SHA-256 manifest, its verification, and the zip.

``manifest.json`` lists every other file of the pack with its SHA-256 and size, beside what the
pack was made from (source-document hashes, rules, seed, snapshot). :func:`verify_pack` re-hashes
a pack folder or zip and names each file that is missing, changed or not in the manifest. The
manifest cannot list its own hash, so its SHA-256 is printed when the pack is written (and kept in
the audit log): a recipient compares it to be sure the manifest itself is the one issued.
"""

from __future__ import annotations

import hashlib
import json
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

__all__ = ["FORMAT", "MANIFEST", "PackCheck", "sha256_file", "verify_pack", "write_manifest",
           "zip_pack"]

MANIFEST = "manifest.json"
FORMAT = "ringtrace-evidence-pack/1"
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_CHUNK = 1 << 20


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(_CHUNK), b""):
            h.update(block)
    return h.hexdigest()


def _files(root: Path) -> Iterator[tuple[str, Path]]:
    """(posix relative path, path) of every regular file under ``root`` except the manifest."""
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        rel = path.relative_to(root).as_posix()
        if rel != MANIFEST:
            yield rel, path


def write_manifest(root: Path, info: dict[str, Any]) -> tuple[Path, str]:
    """Write ``root/manifest.json`` (``info`` plus every file's hash); returns it and its hash."""
    files = [{"path": rel, "sha256": sha256_file(path), "bytes": path.stat().st_size}
             for rel, path in _files(root)]
    data = json.dumps({"format": FORMAT, **info, "files": files}, ensure_ascii=False, indent=2)
    target = root / MANIFEST
    target.write_bytes((data + "\n").encode("utf-8"))
    return target, sha256_file(target)


def zip_pack(root: Path, target: Path) -> Path:
    """Zip the pack folder into ``target`` under a top folder named like it (stable bytes)."""
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for rel, path in [(MANIFEST, root / MANIFEST), *_files(root)]:
            info = zipfile.ZipInfo(f"{root.name}/{rel}", date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, path.read_bytes())
    return target


@dataclass
class PackCheck:
    """The outcome of :func:`verify_pack`: files checked and, per failing file, why."""

    path: str
    manifest_sha256: str | None = None
    checked: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failures and self.manifest_sha256 is not None

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "ok": self.ok, "manifest_sha256": self.manifest_sha256,
                "checked": self.checked,
                "failures": [{"file": f, "reason": r} for f, r in self.failures]}


class _Folder:
    def __init__(self, root: Path) -> None:
        self.root = root

    def names(self) -> set[str]:
        return {rel for rel, _ in _files(self.root)}

    def read(self, rel: str) -> bytes | None:
        path = self.root / rel
        return path.read_bytes() if path.is_file() else None


class _Zip:
    def __init__(self, zf: zipfile.ZipFile) -> None:
        self.zf = zf
        manifests = sorted((n for n in zf.namelist() if PurePosixPath(n).name == MANIFEST),
                           key=lambda n: (n.count("/"), n))
        self.prefix = manifests[0][: -len(MANIFEST)] if manifests else ""

    def names(self) -> set[str]:
        return {n[len(self.prefix):] for n in self.zf.namelist()
                if n.startswith(self.prefix) and not n.endswith("/")} - {MANIFEST}

    def read(self, rel: str) -> bytes | None:
        try:
            return self.zf.read(self.prefix + rel)
        except KeyError:
            return None


def _safe(rel: Any) -> bool:
    if not isinstance(rel, str) or not rel:
        return False
    parts = PurePosixPath(rel).parts
    return not PurePosixPath(rel).is_absolute() and ".." not in parts and "\\" not in rel


def _check(source: _Folder | _Zip, check: PackCheck) -> PackCheck:
    raw = source.read(MANIFEST)
    if raw is None:
        check.failures.append((MANIFEST, "missing: this is not an evidence pack"))
        return check
    check.manifest_sha256 = hashlib.sha256(raw).hexdigest()
    try:
        listed = json.loads(raw.decode("utf-8"))["files"]
    except (UnicodeDecodeError, json.JSONDecodeError, KeyError, TypeError) as exc:
        check.failures.append((MANIFEST, f"unreadable ({exc.__class__.__name__}): the manifest "
                               "was altered"))
        return check
    seen = set()
    for item in listed:
        rel = item.get("path") if isinstance(item, dict) else None
        if not _safe(rel):
            check.failures.append((str(rel), "unsafe path in the manifest"))
            continue
        assert isinstance(rel, str)
        seen.add(rel)
        data = source.read(rel)
        check.checked += 1
        if data is None:
            check.failures.append((rel, "missing"))
        elif hashlib.sha256(data).hexdigest() != item.get("sha256"):
            check.failures.append((rel, f"changed: sha256 {hashlib.sha256(data).hexdigest()} "
                                        f"!= {item.get('sha256')} in the manifest"))
    for rel in sorted(source.names() - seen):
        check.failures.append((rel, "not in the manifest (added after the pack was made)"))
    return check


def verify_pack(path: Path) -> PackCheck:
    """Re-hash every file of a pack folder or ``.zip`` against its manifest."""
    check = PackCheck(str(path))
    if path.is_dir():
        return _check(_Folder(path), check)
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as zf:
            return _check(_Zip(zf), check)
    check.failures.append((str(path), "neither a pack folder nor a zip file"))
    return check
