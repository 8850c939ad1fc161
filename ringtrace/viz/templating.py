"""The Jinja environment shared by every page, and the one safe way to put data in a script.

All HTML is produced by templates in ``viz/templates/`` with autoescaping on, so any data string
(a company called ``<script>…``, a name with ``" onerror="``) is rendered as text. Data that a
page's JavaScript needs is embedded as JSON inside ``<script type="application/json">`` through
:func:`script_json`, which escapes the characters that could end the element or break parsing.
"""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from ringtrace import __version__
from ringtrace.viz.assets import inline_safe, vis_script, vis_style
from ringtrace.viz.catalogue import labels

# Characters that must not appear raw inside an inline <script>: '<' and '>' could form
# "</script>" or "<!--", '&' keeps the text inert if ever moved into an attribute, and
# U+2028/U+2029 end lines in older JavaScript parsers.
_SCRIPT_ESCAPES = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}
GENERATED_BY = f"ringtrace {__version__}"


def script_json(value: Any) -> Markup:
    """``value`` as compact JSON (sorted keys, Chinese kept readable) safe inside ``<script>``.

    >>> str(script_json({"name": "</script><b>"}))
    '{"name":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e"}'
    """
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"),
                      allow_nan=False)
    for char, escape in _SCRIPT_ESCAPES.items():
        text = text.replace(char, escape)
    return Markup(text)


def template_text(name: str) -> str:
    """A packaged file from ``viz/templates/`` (CSS, JavaScript, JSON or YAML), as text."""
    return resources.files("ringtrace.viz").joinpath("templates", name).read_text("utf-8")


def inline_asset(name: str) -> Markup:
    """A packaged CSS or JavaScript file, checked so it can sit inside ``<style>``/``<script>``."""
    return Markup(inline_safe(template_text(name), name))


def value_label(owner: str, prop: str, value: Any) -> str:
    """The Chinese label of a coded property value (``outcome: mediated`` → ``调解``).

    ``owner`` is the node or edge kind, so that ``Forum.kind`` and ``Identifier.kind`` can use
    different vocabularies. Values without a label are returned as text unchanged.
    """
    table = labels()
    group = table["properties"].get(f"{owner}.{prop}") or table["properties"].get(prop)
    if group is None:
        return str(value)
    return str(table["values"][group].get(str(value), value))


@dataclass(frozen=True)
class PageHead:
    """What goes in a page's ``<head>``: title, inline styles and scripts, and the CSP."""

    title: str
    styles: tuple[Markup, ...]
    scripts: tuple[Markup, ...]
    csp: str


def _sha256_source(text: str) -> str:
    digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
    return f"'sha256-{digest}'"


def content_security_policy(scripts: tuple[str, ...]) -> str:
    """A policy that forbids every fetch and runs only the given inline scripts (by hash).

    Even if some data string ever slipped past escaping as markup, the browser would neither
    load anything from the network nor execute a script that is not one of ours.
    """
    script_src = " ".join(_sha256_source(s) for s in scripts) or "'none'"
    return ("default-src 'none'; "
            f"script-src {script_src}; "
            "style-src 'unsafe-inline'; img-src data: blob:; font-src data:; "
            "base-uri 'none'; form-action 'none'")


def page_head(title: str, *, network: bool = False) -> PageHead:
    """The ``<head>`` parts of a page; ``network=True`` adds vis-network and its drawing script."""
    styles: list[Markup] = []
    scripts: list[Markup] = []
    if network:
        styles.append(Markup(vis_style()))
        scripts += [Markup(vis_script()), inline_asset("network.js")]
    styles.append(inline_asset("page.css"))  # last, so that it can adjust vis-network's styles
    return PageHead(title=title, styles=tuple(styles), scripts=tuple(scripts),
                    csp=content_security_policy(tuple(scripts)))


@cache
def environment() -> Environment:
    """The Jinja environment: package templates, autoescape always on, strict undefined."""
    env = Environment(
        loader=PackageLoader("ringtrace.viz", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["script_json"] = script_json
    env.globals["inline_asset"] = inline_asset
    env.globals["generated_by"] = GENERATED_BY
    return env


def render(template: str, **context: Any) -> str:
    """Render a template from ``viz/templates/``."""
    return environment().get_template(template).render(**context)
