"""Integrity of an evidence pack: the SHA-256 manifest, its signature, verification, the zip.

``manifest.json`` lists every other file of the pack with its SHA-256 and size, beside what the
pack was made from (source-document hashes, rules, seed, snapshot). The manifest cannot list its
own hash, so its SHA-256 is printed when the pack is written (and kept in the audit log): the
recipient receives it separately and checks the pack against it (``verify_pack(expect=…)``).
Optionally the issuer signs the manifest with an Ed25519 key (``manifest.sig``, the raw 64-byte
signature of ``manifest.json``, checkable with OpenSSL too); ``verify_pack(pubkey=…)`` checks it.

:func:`verify_pack` is strict: a pack passes only when every listed file is present and
unchanged, nothing else is there (apart from ``manifest.sig``), and, for a zip, no entry is
duplicated, escapes the pack folder (absolute, ``..``, backslashes, drive letters) or sits
outside it. Signing and checking signatures need the ``cryptography`` package
(``pip install 'ringtrace[sign]'``).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import zipfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from ringtrace.errors import PackError
from ringtrace.extras import require

__all__ = ["FORMAT", "MANIFEST", "SIGNATURE", "PackCheck", "generate_key", "key_id",
           "sha256_file", "sign_manifest", "verify_pack", "write_manifest", "zip_pack"]

MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
FORMAT = "ringtrace-evidence-pack/1"
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_CHUNK = 1 << 20
_HEX = re.compile(r"^(?:sha256:)?([0-9a-f]{64})$")


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(_CHUNK), b""):
            h.update(block)
    return h.hexdigest()


def _files(root: Path) -> Iterator[tuple[str, Path]]:
    """(posix relative path, path) of every file under ``root`` except the manifest and its
    signature (symbolic links included, so that verification can refuse them)."""
    for path in sorted(p for p in root.rglob("*") if p.is_file() or p.is_symlink()):
        rel = path.relative_to(root).as_posix()
        if rel not in (MANIFEST, SIGNATURE):
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
    entries = [(MANIFEST, root / MANIFEST)]
    if (root / SIGNATURE).is_file():
        entries.append((SIGNATURE, root / SIGNATURE))
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for rel, path in [*entries, *_files(root)]:
            info = zipfile.ZipInfo(f"{root.name}/{rel}", date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, path.read_bytes())
    return target


# -- signing -------------------------------------------------------------------------------
def _crypto() -> Any:
    purpose = "signing evidence packs and checking their signatures"
    return (require("cryptography.hazmat.primitives.serialization", "sign", purpose=purpose),
            require("cryptography.hazmat.primitives.asymmetric.ed25519", "sign", purpose=purpose))


def generate_key(private: Path) -> tuple[Path, Path]:
    """Write a new Ed25519 key pair: ``private`` (PEM, readable by its owner only) and
    ``private.pub`` (PEM) to hand to recipients."""
    serialization, ed25519 = _crypto()
    if private.exists():
        raise PackError(f"{private} exists; choose another file (keys are never overwritten)")
    key = ed25519.Ed25519PrivateKey.generate()
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                            serialization.NoEncryption())
    fd = os.open(private, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(pem)
    public = private.with_name(private.name + ".pub")
    public.write_bytes(key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo))
    return private, public


def _raw_public(key: Any) -> bytes:
    serialization, _ = _crypto()
    raw: bytes = key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return raw


def key_id(key: Any) -> str:
    """A short fingerprint of an Ed25519 public key (first 16 hex digits of its SHA-256)."""
    return hashlib.sha256(_raw_public(key)).hexdigest()[:16]


def _load_private(path: Path) -> Any:
    serialization, ed25519 = _crypto()
    try:
        data = path.read_bytes()
        key = (serialization.load_ssh_private_key(data, None) if b"OPENSSH" in data
               else serialization.load_pem_private_key(data, None))
    except (OSError, ValueError, TypeError) as exc:
        raise PackError(f"{path}: not a readable unencrypted private key ({exc})") from exc
    if not isinstance(key, ed25519.Ed25519PrivateKey):
        raise PackError(f"{path}: not an Ed25519 key (make one with `ringtrace pack keygen`)")
    return key


def _load_public(path: Path) -> Any:
    serialization, ed25519 = _crypto()
    try:
        data = path.read_bytes()
        key = (serialization.load_ssh_public_key(data) if data.startswith(b"ssh-")
               else serialization.load_pem_public_key(data))
    except (OSError, ValueError, TypeError) as exc:
        raise PackError(f"{path}: not a readable public key ({exc})") from exc
    if not isinstance(key, ed25519.Ed25519PublicKey):
        raise PackError(f"{path}: not an Ed25519 public key")
    return key


def sign_manifest(root: Path, private: Path) -> tuple[Path, str]:
    """Sign ``root/manifest.json`` with the Ed25519 key at ``private``; writes ``manifest.sig``
    (the raw signature) and returns it with the signing key's id."""
    key = _load_private(private)
    target = root / SIGNATURE
    target.write_bytes(key.sign((root / MANIFEST).read_bytes()))
    return target, key_id(key.public_key())


# -- verification --------------------------------------------------------------------------
@dataclass
class PackCheck:
    """The outcome of :func:`verify_pack`: files checked and, per failing file, why.

    ``signed_by`` is the key id of a signature checked with the given public key;
    ``signature`` is ``"none"``, ``"present"`` (not checked: no public key given),
    ``"valid"`` or ``"invalid"``.
    """

    path: str
    manifest_sha256: str | None = None
    checked: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)
    expected_sha256: str | None = None
    signature: str = "none"
    signed_by: str | None = None

    @property
    def ok(self) -> bool:
        return not self.failures and self.manifest_sha256 is not None

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "ok": self.ok, "manifest_sha256": self.manifest_sha256,
                "expected_sha256": self.expected_sha256, "checked": self.checked,
                "signature": self.signature, "signed_by": self.signed_by,
                "failures": [{"file": f, "reason": r} for f, r in self.failures]}


def _digest(chunks: Iterator[bytes]) -> str:
    h = hashlib.sha256()
    for block in chunks:
        h.update(block)
    return h.hexdigest()


class _Folder:
    def __init__(self, root: Path) -> None:
        self.root = root

    def problems(self) -> list[tuple[str, str]]:
        return [(rel, "a link, not a file: a pack holds only regular files")
                for rel, path in _files(self.root) if path.is_symlink()]

    def names(self) -> set[str]:
        return {rel for rel, _ in _files(self.root)}

    def read(self, rel: str) -> bytes | None:
        path = self.root / rel
        return path.read_bytes() if path.is_file() and not path.is_symlink() else None

    def sha256(self, rel: str) -> str | None:
        path = self.root / rel
        if not path.is_file() or path.is_symlink():
            return None
        with path.open("rb") as fh:
            return _digest(iter(lambda: fh.read(_CHUNK), b""))


def _unsafe(name: str) -> bool:
    path = PurePosixPath(name)
    return (path.is_absolute() or ".." in path.parts or "\\" in name or "\x00" in name
            or bool(re.match(r"^[A-Za-z]:", name)))


class _Zip:
    def __init__(self, zf: zipfile.ZipFile) -> None:
        self.zf = zf
        names = zf.namelist()
        manifests = sorted((n for n in names if PurePosixPath(n).name == MANIFEST
                            and not _unsafe(n)), key=lambda n: (n.count("/"), n))
        self.prefix = manifests[0][: -len(MANIFEST)] if manifests else ""

    def problems(self) -> list[tuple[str, str]]:
        out = []
        counts = Counter(self.zf.namelist())
        for name, n in sorted(counts.items()):
            if n > 1:
                out.append((name, f"duplicate zip entry ({n} entries with this name): a reader "
                                  "may show either one"))
            if _unsafe(name):
                out.append((name, "zip entry escapes the pack folder (absolute path, '..', "
                                  "backslash or drive letter)"))
            elif not name.startswith(self.prefix) and not (name.endswith("/")
                                                           and self.prefix.startswith(name)):
                out.append((name, f"zip entry outside the pack folder {self.prefix or '/'}"))
        return out

    def names(self) -> set[str]:
        return {n[len(self.prefix):] for n in self.zf.namelist()
                if n.startswith(self.prefix) and not n.endswith("/") and not _unsafe(n)} - {
                    MANIFEST, SIGNATURE}

    def read(self, rel: str) -> bytes | None:
        try:
            return self.zf.read(self.prefix + rel)
        except KeyError:
            return None

    def sha256(self, rel: str) -> str | None:
        try:
            with self.zf.open(self.prefix + rel) as fh:
                return _digest(iter(lambda: fh.read(_CHUNK), b""))
        except KeyError:
            return None


def _check(source: _Folder | _Zip, check: PackCheck, pubkey: Path | None) -> PackCheck:
    check.failures.extend(source.problems())
    raw = source.read(MANIFEST)
    if raw is None:
        check.failures.append((MANIFEST, "missing: this is not an evidence pack"))
        return check
    check.manifest_sha256 = hashlib.sha256(raw).hexdigest()
    if check.expected_sha256 and check.manifest_sha256 != check.expected_sha256:
        check.failures.append((MANIFEST, f"sha256 {check.manifest_sha256} is not the "
                                         f"{check.expected_sha256} received separately: this "
                                         "is not the manifest that was issued"))
    _check_signature(source, raw, check, pubkey)
    try:
        listed = json.loads(raw.decode("utf-8"))["files"]
        if not isinstance(listed, list):
            raise TypeError("files is not a list")
    except (UnicodeDecodeError, json.JSONDecodeError, KeyError, TypeError) as exc:
        check.failures.append((MANIFEST, f"unreadable ({exc.__class__.__name__}): the manifest "
                               "was altered"))
        return check
    seen: set[str] = set()
    for item in listed:
        rel = item.get("path") if isinstance(item, dict) else None
        if not isinstance(rel, str) or not rel or _unsafe(rel) or rel in (MANIFEST, SIGNATURE):
            check.failures.append((str(rel), "unsafe path in the manifest"))
            continue
        if rel in seen:
            check.failures.append((rel, "listed twice in the manifest"))
            continue
        seen.add(rel)
        digest = source.sha256(rel)
        check.checked += 1
        if digest is None:
            check.failures.append((rel, "missing"))
        elif digest != item.get("sha256"):
            check.failures.append((rel, f"changed: sha256 {digest} != {item.get('sha256')} in "
                                        "the manifest"))
    for rel in sorted(source.names() - seen):
        check.failures.append((rel, "not in the manifest (added after the pack was made)"))
    return check


def _check_signature(source: _Folder | _Zip, manifest: bytes, check: PackCheck,
                     pubkey: Path | None) -> None:
    signature = source.read(SIGNATURE)
    if signature is None:
        if pubkey is not None:
            check.failures.append((SIGNATURE, "missing: the pack is not signed"))
        return
    check.signature = "present"
    if pubkey is None:
        return
    key = _load_public(pubkey)
    try:
        key.verify(signature, manifest)
    except Exception:  # cryptography's InvalidSignature, or a signature of the wrong length
        check.signature = "invalid"
        check.failures.append((SIGNATURE, f"does not verify with key {key_id(key)} "
                                          f"({pubkey}): the manifest or signature was altered, "
                                          "or another key signed it"))
        return
    check.signature, check.signed_by = "valid", key_id(key)


def _expected(expect: str | None) -> str | None:
    if expect is None:
        return None
    match = _HEX.match(expect.strip().lower())
    if not match:
        raise PackError(f"--expect takes the manifest's SHA-256 as 64 hex digits, got {expect!r}")
    return match.group(1)


def verify_pack(path: Path, *, expect: str | None = None, pubkey: Path | None = None
                ) -> PackCheck:
    """Check a pack folder or ``.zip`` against its manifest (see the module docstring).

    ``expect``: the manifest's SHA-256 received out of band; ``pubkey``: the issuer's Ed25519
    public key (PEM or OpenSSH) to check ``manifest.sig`` with.
    """
    check = PackCheck(str(path), expected_sha256=_expected(expect))
    if path.is_dir():
        return _check(_Folder(path), check, pubkey)
    if zipfile.is_zipfile(path):
        try:
            with zipfile.ZipFile(path) as zf:
                return _check(_Zip(zf), check, pubkey)
        except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError) as exc:
            check.failures.append((str(path), f"damaged zip ({exc})"))
            return check
    check.failures.append((str(path), "neither a pack folder nor a zip file"))
    return check
