"""Neo4j URIs and secrets in messages: nothing ringtrace prints carries a password.

>>> mask_uri("bolt://neo4j:s3cret@db.example:7687")
'bolt://***@db.example:7687'
>>> masked("auth failed for s3cret", [uri_password("bolt://neo4j:s3cret@db:7687"), None])
'auth failed for ***'
"""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import urlsplit, urlunsplit


def mask_uri(uri: str) -> str:
    """``uri`` without any user:password part, safe to print."""
    try:
        parts = urlsplit(uri)
    except ValueError:
        return "<unparseable URI>"
    if parts.username is None and parts.password is None:
        return uri
    host = parts.hostname or ""
    netloc = f"***@{host}" + (f":{parts.port}" if parts.port else "")
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))


def uri_password(uri: str) -> str | None:
    """The password written into ``uri`` (``bolt://user:pw@host``), if any."""
    try:
        return urlsplit(uri).password
    except ValueError:
        return None


def masked(text: str, secrets: Iterable[str | None]) -> str:
    """``text`` with every secret replaced by ``***`` (longest first)."""
    for secret in sorted((s for s in secrets if s), key=len, reverse=True):
        text = text.replace(secret, "***")
    return text
