"""Rendering of desk pages: the page head shared with the static views, filters, the CSP.

Pages reuse the static report's head (:func:`ringtrace.viz.templating.page_head`: page.css,
and on ring pages vis-network with its drawing script, all inline), so the desk looks like the
report and works air-gapped. The scripts a page carries are remembered for the response's
Content-Security-Policy (:mod:`ringtrace.serve.security`).
"""

from __future__ import annotations

from importlib import resources
from typing import Any

from markupsafe import Markup

from ringtrace.export.masking import mask_ids, mask_value
from ringtrace.extras import require
from ringtrace.queries.redflags import RULES_BY_ID
from ringtrace.serve.config import ServeConfig
from ringtrace.viz.assets import inline_safe
from ringtrace.viz.catalogue import labels
from ringtrace.viz.templating import page_head, value_label

flask = require("flask", "serve", purpose="ringtrace serve")

__all__ = ["desk_style", "filters", "render_page", "shown_id"]

def shown_id(node_id: str, *, unmask: bool) -> str:
    """A node id as a page shows it: masked unless ``unmask``."""
    return node_id if unmask else mask_ids(node_id)


def desk_style() -> Markup:
    """The desk's own styles (forms, navigation, review panel), checked for inlining."""
    text = resources.files("ringtrace.serve").joinpath("templates", "desk.css").read_text("utf-8")
    return Markup(inline_safe(text, "desk.css"))


def render_page(template: str, *, title: str, network: bool = False, **context: Any) -> str:
    """Render ``template`` with the page head; its scripts go to the response's CSP."""
    head = page_head(title, network=network)
    flask.g.page_scripts = [str(s) for s in head.scripts]
    return str(flask.render_template(template, head=head, desk_style=desk_style(), title=title,
                                     **context))


def _review_label(value: Any, group: str) -> str:
    table = labels().get("review", {}).get(group, {})
    return str(table.get(str(value), value))


def _code(value: Any, prop: str, owner: str = "") -> str:
    return "" if value in (None, "") else value_label(owner, prop, value)


def _rule_title(rule_id: Any) -> str:
    rule = RULES_BY_ID.get(str(rule_id))
    return rule.title if rule else str(rule_id)


def filters(config: ServeConfig) -> dict[str, Any]:
    """The template filters: Chinese labels, rule titles and masking (unless ``unmask``)."""

    def masked(value: Any, owner: str, prop: str) -> Any:
        if config.unmask or value in (None, ""):
            return value
        return mask_value(owner, prop, value)

    def masked_text(value: Any) -> Any:
        if config.unmask or not isinstance(value, str):
            return value
        return mask_ids(value)

    return {"review_label": _review_label, "code": _code,
            "rule_title": _rule_title, "masked": masked, "masked_text": masked_text}
