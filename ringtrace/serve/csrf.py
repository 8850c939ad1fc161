"""CSRF tokens: one random token per browser session, checked on every POST.

The token lives in the signed session cookie (``SameSite=Strict``, ``HttpOnly``) and in a hidden
field of every form; a POST whose field does not match is refused. A page on another site can
neither read the token nor (with the cookie policy) send the cookie, so it cannot act for the
investigator.

>>> session = {}
>>> t = session_token(session)
>>> t == session_token(session), token_matches(session, t), token_matches(session, "x")
(True, True, False)
>>> token_matches({}, "")
False
"""

from __future__ import annotations

import hmac
import secrets
from collections.abc import MutableMapping
from typing import Any

__all__ = ["FIELD", "session_token", "token_matches"]

#: the form field (and session key) holding the token
FIELD = "csrf_token"


def session_token(session: MutableMapping[str, Any]) -> str:
    """The session's token, created on first use."""
    token = session.get(FIELD)
    if not isinstance(token, str) or not token:
        token = secrets.token_urlsafe(32)
        session[FIELD] = token
    return token


def token_matches(session: MutableMapping[str, Any], submitted: str | None) -> bool:
    """Whether ``submitted`` is this session's token (compared in constant time)."""
    expected = session.get(FIELD)
    if not isinstance(expected, str) or not expected or not submitted:
        return False
    return hmac.compare_digest(expected.encode("utf-8"), submitted.encode("utf-8"))
