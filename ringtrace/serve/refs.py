"""Opaque references to persons, agents and employers in the desk's URLs and forms.

A person's node id carries what identifies them: ``Person:张桂兰|id:410502196805021228``,
``…|tel:13812345678``, ``…|b:1968-05-02``. A masked desk must not put those in a link, a form
field or an attribute (they end up in the browser's history, in bookmarks and in screenshots),
so it addresses a node by a token instead: an HMAC of the id under a random secret made when
the app starts. The desk remembers the id of every token it hands out and maps it back when a
link is followed or a form is posted; a token from an earlier start of the desk is not known
and is refused with a message saying where to find the page again. With ``--unmask`` the raw
ids are used, as before.

>>> refs = Refs(masked=True)
>>> token = refs.token("Person:张桂兰|id:410502196805021228")
>>> token.startswith("t-") and "4105" not in token
True
>>> refs.resolve(token)
'Person:张桂兰|id:410502196805021228'
>>> Refs(masked=False).token("Person:王|b:1970-01-01")
'Person:王|b:1970-01-01'
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
import threading

from ringtrace.errors import NotFound

__all__ = ["TOKEN", "Refs"]

#: What a token looks like: ``t-`` and 32 hex digits.
TOKEN = re.compile(r"^t-[0-9a-f]{32}$")


class Refs:
    """Tokens for node ids (when ``masked``), and the way back."""

    def __init__(self, masked: bool) -> None:
        self.masked = masked
        self._secret = secrets.token_bytes(32)
        self._ids: dict[str, str] = {}
        self._lock = threading.Lock()

    def token(self, node_id: str) -> str:
        """The reference to ``node_id`` to put in a URL or a form."""
        if not self.masked:
            return node_id
        digest = hmac.new(self._secret, node_id.encode("utf-8"), hashlib.sha256).hexdigest()
        token = f"t-{digest[:32]}"
        with self._lock:
            self._ids[token] = node_id
        return token

    def resolve(self, value: str) -> str:
        """The node id behind ``value``: a token this desk handed out, or (typed in by hand,
        or with ``--unmask``) an id or a name, returned unchanged."""
        if not TOKEN.match(value):
            return value
        with self._lock:
            found = self._ids.get(value)
        if found is None:
            raise NotFound("这个链接已失效（核查台重启后旧链接不再可用）。请从团伙列表、线索队列或"
                           "搜索重新打开该页面。")
        return found
