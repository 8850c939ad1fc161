"""The vis-network library, read from the installed pyvis package and made safe to inline.

Pages must work on air-gapped machines, so the library is inlined rather than linked. It is read
at render time from pyvis's own copy (``pyvis/templates/lib/vis-<version>/``) instead of being
vendored into this repository. Two edits make it fit an offline page that is checked for URLs:

* ``http://`` and ``https://`` inside the library (licence notices, an error message and the
  SVG namespace string) are written as ``http:\\/\\/``. Every occurrence sits in a comment or a
  string literal, where ``\\/`` means ``/``, so the code behaves exactly as before while the page
  contains no fetchable URL text.
* The text is checked for ``</script`` / ``</style``, which would end the inline element early.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from ringtrace.errors import RingtraceError
from ringtrace.extras import require

VIS_VERSION = "9.1.2"
#: What the [viz] extra is for, in the message a missing pyvis gives.
VIZ_PURPOSE = "the HTML pages and network views (ringtrace report, demo, ring --html, pack)"
_URL_SCHEME = re.compile(r"(https?:)//")
_CLOSERS = ("</script", "</style", "<!--")


def _pyvis_file(name: str) -> str:
    """Text of ``pyvis/templates/lib/vis-<VIS_VERSION>/<name>``."""
    require("pyvis", "viz", purpose=VIZ_PURPOSE)
    lib = resources.files("pyvis").joinpath("templates", "lib", f"vis-{VIS_VERSION}", name)
    try:
        return lib.read_text("utf-8")
    except (FileNotFoundError, ModuleNotFoundError) as exc:
        raise RingtraceError(
            f"vis-network {VIS_VERSION} not found in the pyvis package ({exc}); "
            "reinstall the [viz] extra: pip install --force-reinstall 'ringtrace[viz]'") from exc


def defang_urls(text: str) -> str:
    """Write ``http://`` / ``https://`` as ``http:\\/\\/`` (same value in JS strings)."""
    return _URL_SCHEME.sub(r"\1\\/\\/", text)


def inline_safe(text: str, what: str) -> str:
    """``text`` unchanged, after checking it cannot close the inline element that holds it."""
    lowered = text.lower()
    for closer in _CLOSERS:
        if closer in lowered:
            raise RingtraceError(f"{what} contains {closer!r} and cannot be inlined")
    return text


@cache
def vis_script() -> str:
    """The vis-network JavaScript, ready to place inside ``<script>``."""
    return inline_safe(defang_urls(_pyvis_file("vis-network.min.js")), "vis-network.min.js")


@cache
def vis_style() -> str:
    """The vis-network CSS, ready to place inside ``<style>`` (its images are data: URLs)."""
    return inline_safe(defang_urls(_pyvis_file("vis-network.css")), "vis-network.css")
