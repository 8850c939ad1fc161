"""Response headers of every page: a Content-Security-Policy with no external source at all.

Pages inline their styles and scripts (vis-network and the drawing script on ring pages, as the
static report does); the policy runs only those scripts, by hash, loads nothing from anywhere,
and lets forms post only back to the desk itself.

>>> policy = content_security_policy(("console.log(1)",))
>>> "http" in policy, "form-action 'self'" in policy, policy.count("'sha256-")
(False, True, 1)
>>> "script-src 'none'" in content_security_policy(())
True
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Iterable

__all__ = ["content_security_policy", "security_headers"]


def _sha256_source(text: str) -> str:
    digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
    return f"'sha256-{digest}'"


def content_security_policy(scripts: Iterable[str]) -> str:
    """The policy for a page whose only scripts are ``scripts`` (inline, matched by hash)."""
    script_src = " ".join(_sha256_source(s) for s in scripts) or "'none'"
    return ("default-src 'none'; "
            f"script-src {script_src}; "
            "style-src 'unsafe-inline'; img-src data: blob:; font-src data:; "
            "base-uri 'none'; form-action 'self'; frame-ancestors 'none'")


def security_headers(scripts: Iterable[str]) -> dict[str, str]:
    """Every header a desk page is sent with."""
    return {
        "Content-Security-Policy": content_security_policy(scripts),
        "X-Content-Type-Options": "nosniff",
        "X-Frame-Options": "DENY",
        "Referrer-Policy": "no-referrer",
        "Cache-Control": "no-store",
        "Cross-Origin-Opener-Policy": "same-origin",
        "Cross-Origin-Resource-Policy": "same-origin",
    }
